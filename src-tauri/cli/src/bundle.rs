//! `import bundle`: a `.rollplan` file another Rollplan user exported, merged by id.
//! (Writing one is `export ROLLOUT --format bundle`.)

use std::path::Path;

use rollplan_core::bundle::{
    read_bundle_file, BundleImportReport, BundleResolution, BundleResolutions,
};
use rollplan_core::{CoreError, Store};

use crate::output::{print_json, print_table};

pub fn import(
    store: &Store,
    file: &Path,
    dry_run: bool,
    choice: Option<BundleResolution>,
    json_output: bool,
) -> Result<(), CoreError> {
    let named = |error| in_file(error, file);
    let json = read_bundle_file(file).map_err(named)?;
    let resolutions = choice.map(BundleResolutions::all).unwrap_or_default();
    let preview = store
        .preview_bundle_import(&json, &resolutions)
        .map_err(named)?;
    let unresolved = preview.unresolved().count();
    let report = if dry_run || unresolved > 0 {
        preview
    } else {
        store.import_bundle(&json, &resolutions).map_err(named)?
    };
    if json_output {
        print_json(&report)?;
    } else {
        print_report(&report, file);
    }
    if !dry_run && unresolved > 0 {
        return Err(CoreError::Conflict(format!(
            "Nothing was imported: {unresolved} of the bundle's records differ from yours (listed \
             above). Run again with --keep-mine or --take-theirs."
        )));
    }
    Ok(())
}

/// The core names a refused bundle "bundle"; here we know the file.
fn in_file(error: CoreError, file: &Path) -> CoreError {
    match error {
        CoreError::Import {
            row,
            column,
            message,
            ..
        } => CoreError::Import {
            file: file.display().to_string(),
            row,
            column,
            message,
        },
        other => other,
    }
}

fn print_report(report: &BundleImportReport, file: &Path) {
    let rows: Vec<Vec<String>> = report
        .sections
        .iter()
        .filter(|s| s.added + s.skipped + s.updated > 0)
        .map(|s| {
            vec![
                s.section.clone(),
                s.added.to_string(),
                s.updated.to_string(),
                s.skipped.to_string(),
            ]
        })
        .collect();
    if !rows.is_empty() {
        print_table(&["SECTION", "ADDED", "UPDATED", "SKIPPED"], &rows);
    }
    for conflict in &report.conflicts {
        let outcome = match conflict.resolution {
            Some(BundleResolution::KeepMine) => "keeping yours",
            Some(BundleResolution::TakeTheirs) => "taking the bundle's",
            None => "needs a choice",
        };
        println!(
            "Conflict: {} '{}' ({outcome})",
            conflict.section, conflict.label
        );
        for field in &conflict.fields {
            let show = |value: &Option<String>| value.clone().unwrap_or_else(|| "(empty)".into());
            println!(
                "  {}: yours {} / bundle {}",
                field.field,
                show(&field.old),
                show(&field.new)
            );
        }
    }
    for warning in &report.warnings {
        println!("Note: {warning}");
    }
    let verb = if report.written {
        "Imported"
    } else {
        "Would import"
    };
    println!(
        "{verb} '{}' from {}: {} added, {} updated, {} unchanged, {} conflicts.",
        report.rollout_name,
        file.display(),
        report.total_added(),
        report.total_updated(),
        report.total_skipped(),
        report.conflicts.len()
    );
}
