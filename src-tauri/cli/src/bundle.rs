//! `import bundle`: a `.rollplan` file another Rollplan user exported, merged by id.
//! (Writing one is `export ROLLOUT --format bundle`.)

use std::path::Path;

use rollplan_core::bundle::{
    read_bundle_file, BundleImportReport, BundleResolution, BundleResolutions,
};
use rollplan_core::{CoreError, Store};

use crate::output::say;
use crate::output::{print_json, print_table};

pub fn import(
    store: &Store,
    file: &Path,
    dry_run: bool,
    choice: Option<BundleResolution>,
    json_output: bool,
    passphrase_file: Option<&Path>,
) -> Result<(), CoreError> {
    let named = |error| in_file(error, file);
    let passphrase = passphrase_from(passphrase_file)?.or_else(|| {
        std::env::var("ROLLPLAN_PASSPHRASE")
            .ok()
            .filter(|p| !p.is_empty())
    });
    let json = read_bundle_file(file, passphrase.as_deref()).map_err(named)?;
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

/// The passphrase in the first line of `file`, if one is given. A passphrase is never
/// taken as an argument: other users of the computer can read a command line.
pub fn passphrase_from(file: Option<&Path>) -> Result<Option<String>, CoreError> {
    let Some(file) = file else { return Ok(None) };
    let text = std::fs::read_to_string(file).map_err(|source| CoreError::Io {
        context: format!("cannot read the passphrase file {}", file.display()),
        source,
    })?;
    let first = text.lines().next().unwrap_or_default().to_owned();
    if first.is_empty() {
        return Err(CoreError::invalid(
            "passphrase-file",
            format!(
                "{} is empty: put the passphrase on its first line.",
                file.display()
            ),
        ));
    }
    Ok(Some(first))
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
        say!(
            "Conflict: {} '{}' ({outcome})",
            conflict.section,
            conflict.label
        );
        for field in &conflict.fields {
            let show = |value: &Option<String>| value.clone().unwrap_or_else(|| "(empty)".into());
            say!(
                "  {}: yours {} / bundle {}",
                field.field,
                show(&field.old),
                show(&field.new)
            );
        }
    }
    for warning in &report.warnings {
        say!("Note: {warning}");
    }
    let verb = if report.written {
        "Imported"
    } else {
        "Would import"
    };
    say!(
        "{verb} '{}' from {}: {} added, {} updated, {} unchanged, {} conflicts.",
        report.rollout_name,
        file.display(),
        report.total_added(),
        report.total_updated(),
        report.total_skipped(),
        report.conflicts.len()
    );
}
