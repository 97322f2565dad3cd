//! Reading the audit log for one entity over a week: which entries fall in the week,
//! which came after it, and a field's value at the week's start and end, found by
//! undoing later changes on today's value (newest first) — as the readiness trend
//! rebuilds its criteria.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::audit::{AuditAction, AuditEntry};
use crate::time::parse_date;

use super::week::StatusWeek;

/// Where an entry falls against the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    Before,
    During,
    After,
}

/// The log writes instants as UTC `YYYY-MM-DDTHH:MM:SS.sssZ` and the week starts and
/// ends at midnight UTC, so the day of an entry places it, read from its first ten
/// characters rather than by formatting the week's instants: a week of a 5,000-task
/// plan asks this of ten thousand entries, several times each.
pub(crate) fn when(entry: &AuditEntry, week: &StatusWeek) -> When {
    match day_of(&entry.at) {
        Some(day) if day < week.monday => When::Before,
        Some(day) if day <= week.as_of => When::During,
        Some(_) => When::After,
        // Not an instant as the log writes them: compared as text, as they sort.
        None if entry.at < week.start_instant() => When::Before,
        None if entry.at < week.end_instant() => When::During,
        None => When::After,
    }
}

/// The day of an instant `YYYY-MM-DD…`, or `None` if it does not start with one.
fn day_of(instant: &str) -> Option<NaiveDate> {
    instant.get(..10).and_then(parse_date)
}

/// Audit entries grouped by the entity they are about, each entity's newest first.
/// Grouped once so a 2,000-task plan's week is not a scan of every entry per task.
#[derive(Debug, Default)]
pub(crate) struct Histories(HashMap<String, Vec<AuditEntry>>);

impl Histories {
    /// Groups `entries` (newest first), keeping that order within each entity.
    pub(crate) fn group(entries: Vec<AuditEntry>) -> Self {
        let mut by_entity: HashMap<String, Vec<AuditEntry>> = HashMap::new();
        for entry in entries {
            by_entity
                .entry(entry.entity_id.clone())
                .or_default()
                .push(entry);
        }
        Self(by_entity)
    }

    /// The entries about `id`, newest first; none when nothing was written about it.
    pub(crate) fn about(&self, id: &str) -> &[AuditEntry] {
        self.0.get(id).map_or(&[], Vec::as_slice)
    }
}

/// The change `entry` made to `field`, as (old, new) text.
pub(crate) fn change<'a>(entry: &'a AuditEntry, field: &str) -> Option<(&'a str, &'a str)> {
    entry.changes.iter().find(|c| c.field == field).map(|c| {
        (
            c.old.as_deref().unwrap_or(""),
            c.new.as_deref().unwrap_or(""),
        )
    })
}

/// A field's text at the end of the week and at its start, from today's `current` value
/// and the entity's entries since the week began (newest first). `None` at the start
/// when the entity was created during the week.
pub(crate) fn field_then(
    current: &str,
    entries: &[AuditEntry],
    field: &str,
    week: &StatusWeek,
) -> (String, Option<String>) {
    let mut value = current.to_owned();
    let mut at_end = None;
    for entry in entries {
        if at_end.is_none() && when(entry, week) != When::After {
            at_end = Some(value.clone());
        }
        if entry.action == AuditAction::Create && when(entry, week) == When::During {
            return (at_end.unwrap_or(value), None);
        }
        if let Some((old, _)) = change(entry, field) {
            old.clone_into(&mut value);
        }
    }
    let at_end = at_end.unwrap_or_else(|| value.clone());
    (at_end, Some(value))
}

/// When the entity was created against the week: `Before` when it was created before
/// the week began (no creation among entries since then).
pub(crate) fn created(entries: &[AuditEntry], week: &StatusWeek) -> When {
    entries
        .iter()
        .find(|e| e.action == AuditAction::Create)
        .map_or(When::Before, |e| when(e, week))
}

/// The day (`YYYY-MM-DD`) of the week's latest change of `field` to `value`.
pub(crate) fn set_during(
    entries: &[AuditEntry],
    field: &str,
    value: &str,
    week: &StatusWeek,
) -> Option<String> {
    entries
        .iter()
        .filter(|e| when(e, week) == When::During)
        .find(|e| change(e, field).is_some_and(|(_, new)| new == value))
        .map(|e| e.at.get(..10).unwrap_or_default().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::EntityKind;

    fn at(instant: &str) -> AuditEntry {
        AuditEntry {
            seq: 1,
            at: instant.to_owned(),
            entity: EntityKind::PlanTask,
            entity_id: "task".into(),
            action: AuditAction::Update,
            changes: Vec::new(),
            by: None,
            reversal: None,
        }
    }

    #[test]
    fn an_entry_falls_before_during_or_after_the_week_by_its_day() {
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        let week = StatusWeek::containing(day("2027-01-13"), day("2027-01-20")).unwrap();
        let cases = [
            ("2027-01-10T23:59:59.999Z", When::Before),
            ("2027-01-11T00:00:00.000Z", When::During),
            ("2027-01-17T23:59:59.999Z", When::During),
            ("2027-01-18T00:00:00.000Z", When::After),
            // Not as the log writes them: compared as text.
            ("2027-1-12", When::After),
            ("2027-01-1", When::Before),
            ("", When::Before),
            ("zzzz", When::After),
        ];
        for (instant, expected) in cases {
            assert_eq!(when(&at(instant), &week), expected, "{instant}");
            if let Some(day) = day_of(instant) {
                // The same answer as comparing the text with the week's instants.
                let by_text = if instant < week.start_instant().as_str() {
                    When::Before
                } else if instant < week.end_instant().as_str() {
                    When::During
                } else {
                    When::After
                };
                assert_eq!(expected, by_text, "{instant} on {day}");
            }
        }
        // A week still under way ends with today.
        let now = StatusWeek::containing(day("2027-01-13"), day("2027-01-14")).unwrap();
        assert_eq!(when(&at("2027-01-14T18:00:00.000Z"), &now), When::During);
        assert_eq!(when(&at("2027-01-15T08:00:00.000Z"), &now), When::After);
    }
}
