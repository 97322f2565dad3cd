//! `import tasks`: a vendor's plan into a rollout, with owner names the directory does
//! not settle handled as `--owners` says (refuse, add as external people, or leave
//! their tasks unassigned), and every problem of the file listed in one refusal.

use std::path::Path;

use rollplan_core::plan::{OwnersPolicy, TaskImportOptions, TaskImportReport};
use rollplan_core::{CoreError, Result, Store};

use crate::output::{self, say};

/// What `--owners` does with a name nobody in the directory has, or several people share.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OwnersFlag {
    /// Import nothing; list every such name with its rows and namesakes.
    #[default]
    Refuse,
    /// Add unknown names to People as external people (vendor staff, never trained). A
    /// name several people share is still refused: adding cannot choose between them.
    Add,
    /// Import their tasks without an owner (the name is kept in the task's notes).
    Unassigned,
}

impl From<OwnersFlag> for OwnersPolicy {
    fn from(flag: OwnersFlag) -> Self {
        match flag {
            OwnersFlag::Refuse => Self::Refuse,
            OwnersFlag::Add => Self::Add,
            OwnersFlag::Unassigned => Self::Unassigned,
        }
    }
}

/// Previews or imports `file` into the rollout `rollout` (an id or part of its name).
pub fn import(
    store: &Store,
    file: &Path,
    rollout: &str,
    owners: OwnersFlag,
    dry_run: bool,
    json: bool,
) -> Result<()> {
    // A Microsoft Project XML plan becomes the same table as a CSV or Excel one.
    let table = rollplan_core::plan::mspdi::read_plan_file(file)?;
    let rollout = store.find_rollout(rollout)?.id;
    let options = TaskImportOptions {
        owners: Vec::new(),
        other_owners: owners.into(),
    };
    let report = if dry_run {
        let report = store.preview_task_import_with(&rollout, &table, &options)?;
        // A dry run refuses as the import would, listing the same problems.
        match report.refusal(options.other_owners) {
            Some(refusal) => Err(refusal),
            None => Ok(report),
        }
    } else {
        store.import_tasks_with(&rollout, &table, &options)
    }
    .inspect_err(|error| hint(owners, error))?;
    if json {
        return output::print_json(&report);
    }
    describe(&report, dry_run);
    Ok(())
}

/// Before a refusal under `--owners refuse` that names owners (they are problems of the
/// file as a whole: no row, no column), how to import without editing the file.
fn hint(owners: OwnersFlag, error: &CoreError) {
    let CoreError::ImportProblems { problems, .. } = error else {
        return;
    };
    if owners == OwnersFlag::Refuse
        && problems
            .iter()
            .any(|p| p.row.is_none() && p.column.is_none())
    {
        eprintln!(
            "Some owners are not exactly one person in People. Run again with --owners add to \
             add unknown names as external people (vendor staff), or --owners unassigned to \
             import their tasks without an owner; or fix the file as listed below."
        );
    }
}

fn describe(report: &TaskImportReport, dry_run: bool) {
    let verb = if dry_run { "Would import" } else { "Imported" };
    say!(
        "{verb} {}: {} tasks, {} dependencies.",
        report.file,
        report.tasks_added,
        report.dependencies_added
    );
    if !report.new_phases.is_empty() {
        say!("New phases: {}", report.new_phases.join(", "));
    }
    for note in &report.notes {
        say!("Note: {note}");
    }
    if !report.people_added.is_empty() {
        say!(
            "{} {} to People as external: {}",
            if dry_run { "Would add" } else { "Added" },
            people(report.people_added.len()),
            report.people_added.join(", ")
        );
    }
    if report.tasks_unassigned > 0 {
        let names: Vec<&str> = report
            .owners
            .iter()
            .filter(|o| o.resolution == Some(rollplan_core::plan::OwnerChoice::Unassigned))
            .map(|o| o.name.as_str())
            .collect();
        say!(
            "{} {} unassigned (owners in the file: {}).",
            if dry_run { "Would leave" } else { "Left" },
            tasks(report.tasks_unassigned),
            names.join(", ")
        );
    }
}

fn people(count: usize) -> String {
    if count == 1 {
        "1 person".into()
    } else {
        format!("{count} people")
    }
}

fn tasks(count: usize) -> String {
    if count == 1 {
        "1 task".into()
    } else {
        format!("{count} tasks")
    }
}
