//! `people list` and `import roster`.

use std::path::Path;

use rollplan_core::import::read_table;
use rollplan_core::people::roster::{RejectedRows, RosterMapping, RosterOutcome, RosterReport};
use rollplan_core::people::Person;
use rollplan_core::{CoreError, Store};

use crate::output::say;
use crate::output::{print_json, print_table};

pub fn list(store: &Store, json: bool, all: bool) -> Result<(), CoreError> {
    let people = store.list_people(all)?;
    if json {
        return print_json(&people);
    }
    if people.is_empty() {
        say!("No people in the directory.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = people.iter().map(person_row).collect();
    print_table(
        &[
            "NAME",
            "ROLE",
            "DEPARTMENT",
            "EMAIL",
            "SUPER-USER",
            "ACTIVE",
            "EXTERNAL",
        ],
        &rows,
    );
    Ok(())
}

fn person_row(person: &Person) -> Vec<String> {
    let flag = |on: bool| if on { "yes" } else { "no" }.to_owned();
    vec![
        person.name.clone(),
        person.role_name.clone().unwrap_or_default(),
        person.department.clone(),
        person.email.clone(),
        flag(person.super_user),
        flag(person.active),
        flag(person.external),
    ]
}

pub fn import_roster(
    store: &Store,
    file: &Path,
    dry_run: bool,
    skip_rejected: bool,
    json: bool,
) -> Result<(), CoreError> {
    let table = read_table(file)?;
    let mapping = RosterMapping::guess(&table.headers);
    let report = if dry_run {
        store.preview_roster(&table, &mapping)?
    } else {
        let rejected = if skip_rejected {
            RejectedRows::Skip
        } else {
            RejectedRows::Refuse
        };
        store.import_roster(&table, &mapping, rejected)?
    };
    if json {
        return print_json(&report);
    }
    print_report(&report, dry_run);
    Ok(())
}

fn print_report(report: &RosterReport, dry_run: bool) {
    for row in report
        .rows
        .iter()
        .filter(|r| r.outcome != RosterOutcome::Unchanged)
    {
        let what = match row.outcome {
            RosterOutcome::Added => "add",
            RosterOutcome::Updated => "update",
            RosterOutcome::Rejected => "REJECT",
            RosterOutcome::Unchanged => "same",
        };
        let detail = match (&row.column, row.detail.is_empty()) {
            (_, true) => String::new(),
            (Some(column), false) => format!(" — column '{column}': {}", row.detail),
            (None, false) => format!(" — {}", row.detail),
        };
        say!("row {:>4}  {:<6}  {}{}", row.line, what, row.name, detail);
    }
    let verb = if dry_run { "Would import" } else { "Imported" };
    say!(
        "{verb} {}: {} added, {} updated, {} unchanged, {} rejected.",
        report.file,
        report.added,
        report.updated,
        report.unchanged,
        report.rejected
    );
    if !report.new_roles.is_empty() {
        say!("New roles: {}", report.new_roles.join(", "));
    }
}
