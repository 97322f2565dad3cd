//! `sops list` and `sops in-force`.

use chrono::NaiveDate;
use rollplan_core::{CoreError, Store};

use crate::output::say;
use crate::output::{print_json, print_table};

pub fn list(
    store: &Store,
    due_within: Option<u64>,
    json: bool,
    today: NaiveDate,
) -> Result<(), CoreError> {
    let sops = match due_within {
        Some(days) => store.sops_due_for_review(today, days)?,
        None => store.list_sops()?,
    };
    if json {
        return print_json(&sops);
    }
    if sops.is_empty() {
        say!(
            "{}",
            if due_within.is_some() {
                "No SOPs due for review."
            } else {
                "No SOPs."
            }
        );
        return Ok(());
    }
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let rows: Vec<Vec<String>> = sops
        .iter()
        .map(|s| {
            let review = match s.next_review_date {
                Some(d) if d < today => format!("{d} (overdue)"),
                other => date(other),
            };
            vec![
                s.code.clone(),
                s.title.clone(),
                // A draft of the next version: the dates beside it are the version in
                // force, so the status says which one that is.
                match s.approved_version {
                    Some(in_force) if in_force != s.version => {
                        format!("{} v{} (v{in_force} in force)", s.status.label(), s.version)
                    }
                    _ => format!("{} v{}", s.status.label(), s.version),
                },
                date(s.effective_date),
                review,
                s.owner.clone(),
            ]
        })
        .collect();
    print_table(
        &[
            "CODE",
            "TITLE",
            "STATUS",
            "EFFECTIVE",
            "NEXT REVIEW",
            "OWNER",
        ],
        &rows,
    );
    Ok(())
}

/// Prints the revision of `code` in force on `on`: its approval and its steps, as a
/// surveyor would ask for it.
pub fn in_force(store: &Store, code: &str, on: NaiveDate, json: bool) -> Result<(), CoreError> {
    let sop = store.find_sop_by_code(code)?;
    let revision = store.sop_in_force_on(&sop.id, on)?;
    if json {
        return print_json(&revision);
    }
    let Some(revision) = revision else {
        say!("No approved version of {} was in force on {on}.", sop.code);
        return Ok(());
    };
    let approved = &revision.snapshot;
    say!("{} {}", approved.code, approved.title);
    say!(
        "Version {} in force on {on}: effective {}, approved by {} on {}.",
        revision.version,
        revision.effective_date,
        revision.approved_by,
        revision
            .approved_at
            .get(..10)
            .unwrap_or(&revision.approved_at)
    );
    for (number, step) in approved.steps.iter().enumerate() {
        say!("  {}. {}: {}", number + 1, step.role, step.instruction);
        if !step.quality_check.is_empty() {
            say!("     Check: {}", step.quality_check);
        }
    }
    if approved.exceptions.is_empty() {
        say!("No exceptions are written down for this procedure.");
    }
    for exception in &approved.exceptions {
        say!("  If {}: {}", exception.trigger, exception.action);
    }
    Ok(())
}
