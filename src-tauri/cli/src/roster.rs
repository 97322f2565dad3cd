//! `import roster`: the preview or import of an HR roster, what its job titles and
//! employment statuses are taken to mean (and how to say otherwise), and what it does to
//! each rollout's training and readiness.

use std::path::PathBuf;

use chrono::NaiveDate;
use rollplan_core::import::read_table;
use rollplan_core::people::roster::{
    RejectedRows, RosterMapping, RosterOutcome, RosterReport, StatusBasis, StatusChoice,
    TitleBasis, TitleChoice,
};
use rollplan_core::people::Role;
use rollplan_core::{CoreError, Store};

use crate::output::print_json;
use crate::output::say;
use crate::people::find_role;

/// What `import roster` was asked to do.
pub struct RosterRun {
    pub file: PathBuf,
    pub dry_run: bool,
    pub skip_rejected: bool,
    /// "TITLE=ROLE" choices.
    pub roles: Vec<String>,
    /// "STATUS=working|left" choices.
    pub statuses: Vec<String>,
    pub json: bool,
}

pub fn import_roster(store: &Store, run: &RosterRun, today: NaiveDate) -> Result<(), CoreError> {
    let table = read_table(&run.file)?;
    let mut mapping = RosterMapping::guess(&table.headers);
    let roles = store.list_roles()?;
    for choice in &run.roles {
        mapping.titles.push(title_choice(choice, &roles)?);
    }
    for choice in &run.statuses {
        mapping.statuses.push(status_choice(choice)?);
    }
    let report = if run.dry_run {
        store.preview_roster(&table, &mapping, today)?
    } else {
        let rejected = if run.skip_rejected {
            RejectedRows::Skip
        } else {
            RejectedRows::Refuse
        };
        store.import_roster(&table, &mapping, rejected, today)?
    };
    if run.json {
        return print_json(&report);
    }
    print_report(&report, run.dry_run);
    Ok(())
}

/// "Medical Assistant II=Medical assistant (MA)", or "=new"; the role by its name, or a
/// part of it that only one role's name holds.
fn title_choice(text: &str, roles: &[Role]) -> Result<TitleChoice, CoreError> {
    let (title, role) = split_choice(text, "role", "TITLE=ROLE")?;
    if role.eq_ignore_ascii_case("new") {
        return Ok(TitleChoice {
            title: title.to_owned(),
            role_id: None,
        });
    }
    let found = find_role(
        roles,
        role,
        &format!("or write '{title}=new' for a new role"),
    )?;
    Ok(TitleChoice {
        title: title.to_owned(),
        role_id: Some(found.id.clone()),
    })
}

/// "Suspended=left" or "Suspended=working".
fn status_choice(text: &str) -> Result<StatusChoice, CoreError> {
    let (status, meaning) = split_choice(text, "status", "STATUS=working|left")?;
    let active = match meaning.to_lowercase().as_str() {
        "working" | "active" | "yes" => true,
        "left" | "inactive" | "no" => false,
        _ => {
            return Err(CoreError::invalid(
                "status",
                format!("Write '{status}=working' or '{status}=left', not '{meaning}'."),
            ))
        }
    };
    Ok(StatusChoice {
        status: status.to_owned(),
        active: Some(active),
    })
}

fn split_choice<'a>(
    text: &'a str,
    field: &str,
    shape: &str,
) -> Result<(&'a str, &'a str), CoreError> {
    match text.rsplit_once('=') {
        Some((left, right)) if !left.trim().is_empty() && !right.trim().is_empty() => {
            Ok((left.trim(), right.trim()))
        }
        _ => Err(CoreError::invalid(
            field,
            format!("Write --{field} as {shape}, not '{text}'."),
        )),
    }
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
    print_meanings(report);
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
    print_impact(report);
}

/// The job titles that are not simply a role's name, and the statuses not understood
/// by themselves, with how to say otherwise.
fn print_meanings(report: &RosterReport) {
    let titles: Vec<_> = report
        .titles
        .iter()
        .filter(|t| t.basis != TitleBasis::SameName)
        .collect();
    if !titles.is_empty() {
        say!("Job titles (change one with --role 'TITLE=ROLE' or 'TITLE=new'):");
        for title in titles {
            let how = match title.basis {
                TitleBasis::Chosen => "as you chose",
                TitleBasis::Remembered => "as chosen before",
                TitleBasis::SameName => "same name",
                TitleBasis::Suggested => "suggested",
                TitleBasis::NewRole => "new role",
            };
            let people = if title.people == 1 {
                "person"
            } else {
                "people"
            };
            say!(
                "  {} ({} {people}) → {} ({how})",
                title.title,
                title.people,
                title.role_name
            );
        }
    }
    for status in report
        .statuses
        .iter()
        .filter(|s| s.basis != StatusBasis::Known)
    {
        let meaning = match status.active {
            Some(true) => "still working here".to_owned(),
            Some(false) => "has left".to_owned(),
            None => format!(
                "not known: add --status '{0}=working' or --status '{0}=left'",
                status.status
            ),
        };
        let rows = if status.rows == 1 { "row" } else { "rows" };
        say!(
            "Status '{}' ({} {rows}): {meaning}",
            status.status,
            status.rows
        );
    }
}

/// "3 people leave Front desk" and "EHR go-live: trained 26% → 24%, readiness 61 → 59".
fn print_impact(report: &RosterReport) {
    for moved in &report.role_moves {
        let mut parts = Vec::new();
        if moved.leaving > 0 {
            parts.push(format!("{} leave", moved.leaving));
        }
        if moved.joining > 0 {
            parts.push(format!("{} join", moved.joining));
        }
        say!("{}: {}", moved.role_name, parts.join(", "));
    }
    for impact in &report.training_impact {
        say!(
            "{}: trained {}% → {}%, readiness {} → {}",
            impact.rollout_name,
            impact.trained_before.percent,
            impact.trained_after.percent,
            impact.readiness_before,
            impact.readiness_after
        );
    }
}
