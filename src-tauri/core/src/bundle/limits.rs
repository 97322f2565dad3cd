//! Field lengths: a bundle may not bring in what the app's own forms refuse. A rollout
//! name of 5,000 characters would not fit a sidebar, a report title or the next edit
//! (which the form would refuse), so it is refused at the door, naming the record and
//! the field — before the import's transaction writes a single row.
//!
//! The limits are the app's own constants, read from the validation of the aggregate
//! that owns each field, so the two cannot drift apart. Names and codes are measured as
//! the forms measure them, trimmed; free text as it is.

use super::format::Bundle;
use super::parse::refused;
use super::record::Record;
use crate::Result;

/// Refuses the bundle if any field is longer than the app accepts for it.
pub(super) fn check_lengths(bundle: &Bundle) -> Result<()> {
    use crate::{metrics, people, plan, readiness, rollouts, sops};

    let rollout = &bundle.rollout;
    name(rollout, "name", &rollout.name, rollouts::MAX_NAME_CHARS)?;
    for site in &rollout.sites {
        name(rollout, "sites", site, rollouts::MAX_SITE_CHARS)?;
    }
    for (field, text) in [
        ("goal", &rollout.goal),
        ("sponsor", &rollout.sponsor),
        ("owner", &rollout.owner),
        ("scope_in", &rollout.scope_in),
        ("scope_out", &rollout.scope_out),
    ] {
        within(rollout, field, text, rollouts::MAX_TEXT_CHARS)?;
    }
    for task in &bundle.tasks {
        name(task, "title", &task.title, plan::MAX_TITLE_CHARS)?;
    }
    for criterion in &bundle.criteria {
        name(
            criterion,
            "evidence_file",
            &criterion.evidence_file,
            readiness::MAX_FILE_NAME,
        )?;
    }
    for metric in &bundle.metrics {
        name(metric, "name", &metric.name, metrics::MAX_NAME_CHARS)?;
    }
    for sop in &bundle.sops {
        name(sop, "code", &sop.code, sops::MAX_CODE_CHARS)?;
    }
    for person in &bundle.people {
        name(person, "name", &person.name, people::MAX_NAME_CHARS)?;
        if let Some(department) = &person.department {
            name(
                person,
                "department",
                department,
                people::MAX_DEPARTMENT_CHARS,
            )?;
        }
    }
    Ok(())
}

/// A name, code or title: measured trimmed, as the form measures it.
fn name<R: Record>(record: &R, field: &str, text: &str, max: usize) -> Result<()> {
    within(record, field, text.trim(), max)
}

fn within<R: Record>(record: &R, field: &str, text: &str, max: usize) -> Result<()> {
    let length = text.chars().count();
    if length <= max {
        return Ok(());
    }
    Err(refused(format!(
        "{}: the {field} of '{}' (id {}) is {length} characters long; Rollplan accepts at most \
         {max}. Shorten it where the bundle came from and export it again.",
        R::SECTION,
        shortened(&record.label()),
        record.id(),
    )))
}

/// A label short enough to quote in a message: an over-long name is the label itself.
fn shortened(label: &str) -> String {
    const SHOWN: usize = 60;
    match label.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &label[..cut]),
        None => label.to_owned(),
    }
}
