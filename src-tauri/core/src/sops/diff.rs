//! What changed between two versions of an SOP: its fields, and its steps and
//! exceptions as inserted, removed, edited, moved, or moved and edited — the way a
//! reviewer reads a change (see `align.rs` for how items are matched). The comparison
//! itself, [`diff_sops`], works on two loaded versions.

use serde::Serialize;
use ts_rs::TS;

use super::align::{align, Wording};
use super::store::revisions::snapshot_text;
use super::store::sops::fetch;
use super::{Sop, SopException, Step};
use crate::time::date_text;
use crate::{CoreError, Result, Store};

/// One field that differs, with both values as the person sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldDifference {
    pub label: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Unchanged,
    /// Inserted: new in the later version.
    Added,
    Removed,
    /// Edited in place: `before` has the old wording, `after` the new.
    Changed,
    /// The same content at another position.
    Moved,
    /// Edited and at another position.
    MovedAndChanged,
}

/// One step in the comparison, numbered as in each version (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepChange {
    pub kind: ChangeKind,
    pub before_number: Option<i64>,
    pub after_number: Option<i64>,
    pub before: Option<Step>,
    pub after: Option<Step>,
}

/// One exception in the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExceptionChange {
    pub kind: ChangeKind,
    pub before: Option<SopException>,
    pub after: Option<SopException>,
}

/// Two versions of an SOP compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SopDiff {
    pub from_version: i64,
    pub to_version: i64,
    pub fields: Vec<FieldDifference>,
    /// Every step of both versions in reading order, unchanged ones included for context.
    pub steps: Vec<StepChange>,
    pub exceptions: Vec<ExceptionChange>,
}

impl SopDiff {
    /// True when the two versions say the same thing.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
            && self.steps.iter().all(|s| s.kind == ChangeKind::Unchanged)
            && self
                .exceptions
                .iter()
                .all(|e| e.kind == ChangeKind::Unchanged)
    }
}

impl Store {
    /// Compares two versions of an SOP: approved revisions, or the working copy when it
    /// is the version asked for.
    pub fn compare_sop_versions(&self, sop_id: &str, from: i64, to: i64) -> Result<SopDiff> {
        self.read(|conn| {
            Ok(diff_sops(
                &load_version(conn, sop_id, Some(from))?,
                &load_version(conn, sop_id, Some(to))?,
            ))
        })
    }
}

/// One version of an SOP: the approved revision `number`, or the working copy when it
/// is that version (or when no number is asked for).
pub(crate) fn load_version(
    conn: &rusqlite::Connection,
    sop_id: &str,
    number: Option<i64>,
) -> Result<Sop> {
    let working = fetch(conn, sop_id)?;
    let Some(number) = number else {
        return Ok(working);
    };
    match snapshot_text(conn, sop_id, number)? {
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| CoreError::Database(format!("revision {number} cannot be read: {e}"))),
        None if number == working.version => Ok(working),
        None => Err(CoreError::invalid(
            "version",
            format!("{} has no version {number}.", working.code),
        )),
    }
}

/// Compares two versions of an SOP.
pub fn diff_sops(before: &Sop, after: &Sop) -> SopDiff {
    let date = |d: Option<chrono::NaiveDate>| d.map(date_text).unwrap_or_default();
    let field_pairs = [
        ("Code", before.code.clone(), after.code.clone()),
        ("Title", before.title.clone(), after.title.clone()),
        ("Purpose", before.purpose.clone(), after.purpose.clone()),
        ("Scope", before.scope.clone(), after.scope.clone()),
        ("Owner", before.owner.clone(), after.owner.clone()),
        (
            "Status",
            before.status.label().to_owned(),
            after.status.label().to_owned(),
        ),
        (
            "Effective date",
            date(before.effective_date),
            date(after.effective_date),
        ),
        (
            "Review every (months)",
            before.review_interval_months.to_string(),
            after.review_interval_months.to_string(),
        ),
        ("Tags", before.tags.join(", "), after.tags.join(", ")),
    ];
    let fields = field_pairs
        .into_iter()
        .filter(|(_, b, a)| b != a)
        .map(|(label, before, after)| FieldDifference {
            label: label.to_owned(),
            before,
            after,
        })
        .collect();
    let steps = align(&before.steps, &after.steps)
        .into_iter()
        .map(|entry| StepChange {
            kind: entry.kind,
            before_number: entry.before.map(|(i, _)| i as i64 + 1),
            after_number: entry.after.map(|(i, _)| i as i64 + 1),
            before: entry.before.map(|(_, s)| s.clone()),
            after: entry.after.map(|(_, s)| s.clone()),
        })
        .collect();
    let exceptions = align(&before.exceptions, &after.exceptions)
        .into_iter()
        .map(|entry| ExceptionChange {
            kind: entry.kind,
            before: entry.before.map(|(_, e)| e.clone()),
            after: entry.after.map(|(_, e)| e.clone()),
        })
        .collect();
    SopDiff {
        from_version: before.version,
        to_version: after.version,
        fields,
        steps,
        exceptions,
    }
}

impl Wording for Step {
    fn wording(&self) -> String {
        format!("{} {} {}", self.role, self.instruction, self.quality_check)
    }
}

impl Wording for SopException {
    fn wording(&self) -> String {
        format!(
            "{} {} {} {} {}",
            self.trigger, self.action, self.escalate_to, self.within, self.evidence
        )
    }
}
