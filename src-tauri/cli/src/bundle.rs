//! `export-bundle` and `import bundle`: a rollout as a `.rollplan` file and back.

use std::io::Write;
use std::path::Path;

use rollplan_core::bundle::{
    bundle_to_json, read_bundle_file, BundleImportReport, BundleResolution, BundleResolutions,
};
use rollplan_core::rollouts::Rollout;
use rollplan_core::{CoreError, Store};

use crate::output::{print_json, print_table};

pub fn export(
    store: &Store,
    rollout: &str,
    out: &Path,
    include_people: bool,
) -> Result<(), CoreError> {
    let rollout = find_rollout(store, rollout)?;
    let bundle = store.export_bundle(&rollout.id, include_people)?;
    let json = bundle_to_json(&bundle)?;
    write_atomically(out, json.as_bytes())?;
    let people = if include_people {
        "people with their directory fields and training records"
    } else {
        "people as names and roles only"
    };
    println!(
        "Exported '{}' to {} ({} tasks, {} SOPs, {} metrics; {people}).",
        rollout.name,
        out.display(),
        bundle.tasks.len(),
        bundle.sops.len(),
        bundle.metrics.len()
    );
    Ok(())
}

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

/// An id, else a name matching one rollout exactly (ignoring case), else a part of one
/// rollout's name.
fn find_rollout(store: &Store, wanted: &str) -> Result<Rollout, CoreError> {
    let rollouts = store.list_rollouts()?;
    let wanted_lower = wanted.trim().to_lowercase();
    let matches = |test: &dyn Fn(&Rollout) -> bool| -> Vec<&Rollout> {
        rollouts.iter().filter(|r| test(r)).collect()
    };
    for found in [
        matches(&|r| r.id == wanted.trim()),
        matches(&|r| r.name.to_lowercase() == wanted_lower),
        matches(&|r| r.name.to_lowercase().contains(&wanted_lower)),
    ] {
        match found.as_slice() {
            [] => continue,
            [one] => return Ok((*one).clone()),
            several => {
                let names: Vec<String> = several
                    .iter()
                    .map(|r| format!("'{}' ({})", r.name, r.id))
                    .collect();
                return Err(CoreError::invalid(
                    "rollout",
                    format!(
                        "'{wanted}' matches several rollouts: {}. Use the id.",
                        names.join(", ")
                    ),
                ));
            }
        }
    }
    Err(CoreError::NotFound {
        entity: "Rollout",
        id: wanted.to_owned(),
    })
}

/// Writes beside the target and renames, so a crash or a full disk never leaves half a
/// bundle under the name the user asked for.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    let io = |context: String| move |source| CoreError::Io { context, source };
    let dir = out
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temporary)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, out));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written.map_err(io(format!("cannot write {}", out.display())))
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
