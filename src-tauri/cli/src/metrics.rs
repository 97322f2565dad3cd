//! `import measurements`.

use std::path::Path;

use rollplan_core::import::read_table;
use rollplan_core::metrics::MeasurementImportReport;
use rollplan_core::{CoreError, Store};

use crate::output::say;
use crate::output::{print_json, print_table};

pub fn import_measurements(
    store: &Store,
    file: &Path,
    rollout: &str,
    dry_run: bool,
    json: bool,
) -> Result<(), CoreError> {
    let table = read_table(file)?;
    let report = if dry_run {
        store.preview_measurement_import(rollout, &table)?
    } else {
        store.import_measurements(rollout, &table)?
    };
    if json {
        return print_json(&report);
    }
    print_report(&report, dry_run);
    Ok(())
}

fn print_report(report: &MeasurementImportReport, dry_run: bool) {
    let rows: Vec<Vec<String>> = report
        .metrics
        .iter()
        .map(|m| {
            let mut notes = Vec::new();
            if m.read_as_fractions {
                notes.push("fractions read as percentages (0.12 = 12%)".to_owned());
            }
            if !m.replaced_dates.is_empty() {
                let dates: Vec<String> = m.replaced_dates.iter().map(|d| d.to_string()).collect();
                notes.push(format!("replaced {}", dates.join(", ")));
            }
            vec![
                m.metric_name.clone(),
                m.added.to_string(),
                m.updated.to_string(),
                m.unchanged.to_string(),
                notes.join("; "),
            ]
        })
        .collect();
    if !rows.is_empty() {
        print_table(&["METRIC", "ADDED", "UPDATED", "SAME", "NOTES"], &rows);
    }
    let verb = if dry_run { "Would import" } else { "Imported" };
    say!(
        "{verb} {}: {} added, {} updated, {} unchanged.",
        report.file,
        report.added,
        report.updated,
        report.unchanged
    );
}
