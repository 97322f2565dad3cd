//! Review cycles: when an SOP is next due for review.

use chrono::{Months, NaiveDate};

use super::store::SopSummary;
use super::SopStatus;
use crate::{Result, Store};

impl Store {
    /// Approved SOPs whose next review falls within `within_days` of `today` (or has
    /// passed), soonest first.
    pub fn sops_due_for_review(
        &self,
        today: NaiveDate,
        within_days: u64,
    ) -> Result<Vec<SopSummary>> {
        let horizon = today
            .checked_add_days(chrono::Days::new(within_days))
            .unwrap_or(today);
        let mut due: Vec<SopSummary> = self
            .list_sops()?
            .into_iter()
            .filter(|s| {
                s.status == SopStatus::Approved && s.next_review_date.is_some_and(|d| d <= horizon)
            })
            .collect();
        due.sort_by_key(|s| s.next_review_date);
        Ok(due)
    }
}

/// `date` plus whole months, clamped to the month's last day (Jan 31 + 1 month is Feb 28).
pub fn add_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let months = u32::try_from(months).ok()?;
    date.checked_add_months(Months::new(months))
}

/// The override if set, else the effective date plus the interval.
pub(super) fn next_review(
    effective: Option<NaiveDate>,
    interval_months: i64,
    override_date: Option<NaiveDate>,
) -> Option<NaiveDate> {
    override_date.or_else(|| effective.and_then(|date| add_months(date, interval_months)))
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
