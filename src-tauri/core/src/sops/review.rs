//! Review cycles: when an SOP is next due for review, and recording a review that
//! changed nothing.

use chrono::{Months, NaiveDate};

use super::library::SopSummary;
use super::store::sops::{
    fetch, is_trashed, live_heads_maybe_due_by, live_heads_owned_by, set_reviewed,
};
use super::{Sop, SopStatus};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::editable::check_editable;
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// "Reviewed, no change": the approved SOP stays as it is and its review cycle starts
    /// again from `today` (a next-review override set for this cycle is cleared).
    pub fn mark_sop_reviewed(
        &self,
        id: &str,
        expected_row_version: i64,
        today: NaiveDate,
    ) -> Result<Sop> {
        self.write(|tx| {
            let current = fetch(tx, id)?;
            check_editable(
                &current.code,
                is_trashed(tx, id)?,
                current.row_version,
                expected_row_version,
            )?;
            if current.status != SopStatus::Approved {
                return Err(CoreError::invalid(
                    "status",
                    format!(
                        "Only an approved SOP can be marked reviewed; {} is {}.",
                        current.code,
                        current.status.label().to_lowercase()
                    ),
                ));
            }
            let at = timestamp_text(now());
            set_reviewed(tx, id, expected_row_version, &current.code, today, &at)?;
            let reviewed = fetch(tx, id)?;
            let text = |date: Option<NaiveDate>| date.map(date_text).unwrap_or_default();
            let mut changes = ChangeSet::default();
            changes.compare(
                "last_reviewed_on",
                text(current.last_reviewed_on),
                date_text(today),
            );
            changes.compare(
                "next_review_date",
                text(current.next_review_date),
                text(reviewed.next_review_date),
            );
            audit::record(
                tx,
                &at,
                EntityKind::Sop,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(reviewed)
        })
    }

    /// SOPs in force (approved, perhaps with their next version in draft) whose next
    /// review falls within `within_days` of `today` (or has passed), soonest first.
    pub fn sops_due_for_review(
        &self,
        today: NaiveDate,
        within_days: u64,
    ) -> Result<Vec<SopSummary>> {
        let horizon = today
            .checked_add_days(chrono::Days::new(within_days))
            .unwrap_or(today);
        let is_due = |s: &SopSummary| {
            is_due_for_review(s.status, s.approved_version, s.next_review_date, horizon)
        };
        // From the library kept by its page while no SOP has changed (both by code);
        // else SQL reads only those that may be due, not the whole library.
        let mut due: Vec<SopSummary> = self.read_if_kept(
            |store| &store.kept.sop_library,
            |conn, kept| match kept {
                Some(library) => Ok(library.summaries().filter(|s| is_due(s)).cloned().collect()),
                None => Ok(live_heads_maybe_due_by(conn, horizon)?
                    .iter()
                    .map(super::library::summary)
                    .filter(is_due)
                    .collect()),
            },
        )?;
        due.sort_by_key(|s| s.next_review_date);
        Ok(due)
    }
}

/// The SOPs in force that `owner` (a person's name) owns whose next review falls on or
/// before `horizon`, soonest first: the same rule as [`Store::sops_due_for_review`], for
/// one owner.
pub(crate) fn reviews_due_of_owner(
    conn: &rusqlite::Connection,
    owner: &str,
    horizon: NaiveDate,
) -> Result<Vec<Sop>> {
    let mut due: Vec<Sop> = live_heads_owned_by(conn, owner)?
        .into_iter()
        .filter(|sop| {
            is_due_for_review(
                sop.status,
                sop.approved_version,
                sop.next_review_date,
                horizon,
            )
        })
        .collect();
    due.sort_by_key(|sop| sop.next_review_date);
    Ok(due)
}

/// Whether an SOP counts as due for review by `horizon`: in force (approved, perhaps
/// with its next version in draft, never retired) with its next review by then.
pub(super) fn is_due_for_review(
    status: SopStatus,
    approved_version: Option<i64>,
    next_review_date: Option<NaiveDate>,
    horizon: NaiveDate,
) -> bool {
    status != SopStatus::Retired
        && approved_version.is_some()
        && next_review_date.is_some_and(|d| d <= horizon)
}

/// `date` plus whole months, clamped to the month's last day (Jan 31 + 1 month is Feb 28).
pub fn add_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let months = u32::try_from(months).ok()?;
    date.checked_add_months(Months::new(months))
}

/// The override if set, else the interval after `since` (when the SOP came into force
/// or was last reviewed).
pub(crate) fn next_review(
    since: Option<NaiveDate>,
    interval_months: i64,
    override_date: Option<NaiveDate>,
) -> Option<NaiveDate> {
    override_date.or_else(|| since.and_then(|date| add_months(date, interval_months)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn review_dates_follow_the_interval_or_the_override() {
        assert_eq!(
            next_review(Some(date(2026, 1, 31)), 1, None),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            next_review(Some(date(2026, 3, 1)), 12, None),
            Some(date(2027, 3, 1))
        );
        assert_eq!(
            next_review(None, 12, None),
            None,
            "an SOP never in force has no review yet"
        );
        assert_eq!(
            next_review(Some(date(2026, 3, 1)), 12, Some(date(2026, 6, 1))),
            Some(date(2026, 6, 1))
        );
    }
}
