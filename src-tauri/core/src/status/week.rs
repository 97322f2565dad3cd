//! The week a status covers: Monday to Sunday, judged as of its Sunday — or as of today
//! while the week is still going. A week that has not started has nothing to report
//! and is refused.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::FieldError;
use crate::metrics::format::full_date;
use crate::{CoreError, Result};

/// A Monday-to-Sunday week and the day the status describes it as of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusWeek {
    pub monday: NaiveDate,
    pub sunday: NaiveDate,
    /// The Sunday, or today while the week is under way: "now" in the status.
    pub as_of: NaiveDate,
}

impl StatusWeek {
    /// The week holding `day` (any day of it stands for the whole week, as people say
    /// "the week of the 13th"), as of `today`. A week starting after today is refused.
    pub fn containing(day: NaiveDate, today: NaiveDate) -> Result<Self> {
        let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
        if monday > today {
            return Err(CoreError::Validation(vec![FieldError::new(
                "week",
                format!(
                    "The week of {} has not started yet; a status describes a week that \
                     has begun.",
                    full_date(monday)
                ),
            )]));
        }
        let sunday = monday + Duration::days(6);
        Ok(Self {
            monday,
            sunday,
            as_of: sunday.min(today),
        })
    }

    /// The last day before the week: "then" in the status, the state it started from.
    pub fn eve(&self) -> NaiveDate {
        self.monday - Duration::days(1)
    }

    /// When the next update comes: the status of this week goes out on the Monday after
    /// it, so the next one a week after that.
    pub fn next_update(&self) -> NaiveDate {
        self.monday + Duration::days(14)
    }

    /// Whether `day` falls in the week up to its as-of day.
    pub fn holds(&self, day: NaiveDate) -> bool {
        day >= self.monday && day <= self.as_of
    }

    /// "Jan 11 – Jan 17, 2027".
    pub fn label(&self) -> String {
        format!(
            "{} – {}",
            self.monday.format("%b %-d"),
            full_date(self.sunday)
        )
    }

    /// The first instant of the week, as the audit log writes instants (UTC ISO-8601).
    pub(crate) fn start_instant(&self) -> String {
        format!("{}T00:00:00.000Z", self.monday)
    }

    /// The first instant after the as-of day: an audit entry at or after it happened
    /// after the week as the status sees it.
    pub(crate) fn end_instant(&self) -> String {
        format!("{}T00:00:00.000Z", self.as_of + Duration::days(1))
    }
}
