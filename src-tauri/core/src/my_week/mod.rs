//! A person's week across every open rollout: the tasks they own that are overdue, due
//! this week or blocked; the readiness criteria they own still to meet; the messages
//! they are to send; the training to chase (in the rollouts they own, and their own);
//! the metric values they are to record; the SOP reviews that fall to them. Each line
//! says how it stands ([`WeekTiming`]) and carries what ticking it off needs
//! ([`tick`], [`Store::complete_week_item`]). The counts a person sees at the top are worked out here, once.
//!
//! The week runs Monday to Sunday around `today`. Open rollouts are those neither in
//! the trash nor closed.

mod store;
#[cfg(test)]
mod tests;
pub mod tick;

use std::collections::HashSet;

use chrono::{Days, NaiveDate, Weekday};
use serde::Serialize;
use ts_rs::TS;

use crate::metrics::MetricStatus;
use crate::plan::{TaskKind, TaskStatus};
use crate::readiness::CriterionStatus;
use crate::training::DueTraining;
use crate::{Result, Store};

pub use tick::WeekItem;

/// How many weeks ahead of a go-live a criterion still to meet enters its owner's week.
pub const CRITERIA_WEEKS_AHEAD: u64 = 4;

/// How a line of the week stands, most pressing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WeekTiming {
    /// Its date has passed.
    Overdue,
    /// A task marked blocked (its date not yet passed).
    Blocked,
    /// A readiness criterion marked at risk.
    AtRisk,
    /// Falls due from today to Sunday.
    DueThisWeek,
    /// Later: a criterion whose rollout goes live within the next few weeks, or (on a
    /// person's panel) an open task due after this week or undated.
    Upcoming,
}

impl WeekTiming {
    /// The timing of something due on `due` as seen on `today` in the week ending on
    /// `week_end`; `None` when it falls after the week.
    fn of_date(due: NaiveDate, today: NaiveDate, week_end: NaiveDate) -> Option<Self> {
        if due < today {
            Some(Self::Overdue)
        } else if due <= week_end {
            Some(Self::DueThisWeek)
        } else {
            None
        }
    }
}

/// A task or milestone the person owns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WeekTask {
    pub task_id: String,
    pub rollout_id: String,
    pub rollout_name: String,
    pub title: String,
    pub kind: TaskKind,
    pub status: TaskStatus,
    pub due_date: Option<NaiveDate>,
    pub timing: WeekTiming,
    pub row_version: i64,
}

/// A readiness criterion the person owns that is not met yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WeekCriterion {
    pub criterion_id: String,
    pub rollout_id: String,
    pub rollout_name: String,
    pub title: String,
    pub status: CriterionStatus,
    pub hard_gate: bool,
    pub go_live_date: Option<NaiveDate>,
    pub timing: WeekTiming,
    pub row_version: i64,
}

/// A message the person is to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WeekMessage {
    pub communication_id: String,
    pub rollout_id: String,
    pub rollout_name: String,
    pub audience: String,
    pub channel: String,
    pub message: String,
    pub send_on: NaiveDate,
    pub timing: WeekTiming,
    pub row_version: i64,
}

/// Training not done yet: someone to chase in a rollout the person owns, or the
/// person's own.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekTraining {
    /// The rollout whose owner chases it; `None` for the person's own training.
    pub rollout_id: Option<String>,
    pub rollout_name: String,
    pub own: bool,
    pub due: DueTraining,
    pub timing: WeekTiming,
}

/// A metric the person owns whose next value is overdue or due this week.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekMeasurement {
    pub status: MetricStatus,
    pub timing: WeekTiming,
}

/// An SOP in force the person owns whose review is overdue or due this week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WeekReview {
    pub sop_id: String,
    pub code: String,
    pub title: String,
    pub next_review_date: NaiveDate,
    pub timing: WeekTiming,
    pub row_version: i64,
}

/// The counts at the top of the week: every line counted once, by its timing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct WeekCounts {
    pub overdue: i64,
    pub blocked: i64,
    pub at_risk: i64,
    pub due_this_week: i64,
    pub upcoming: i64,
    pub total: i64,
}

/// Everything of one person's week.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MyWeek {
    pub person_id: String,
    pub person_name: String,
    pub today: NaiveDate,
    /// Monday of the week.
    pub week_start: NaiveDate,
    /// Sunday of the week.
    pub week_end: NaiveDate,
    pub tasks: Vec<WeekTask>,
    pub criteria: Vec<WeekCriterion>,
    pub messages: Vec<WeekMessage>,
    pub training: Vec<WeekTraining>,
    pub measurements: Vec<WeekMeasurement>,
    pub reviews: Vec<WeekReview>,
    pub counts: WeekCounts,
}

impl MyWeek {
    fn timings(&self) -> impl Iterator<Item = WeekTiming> + '_ {
        (self.tasks.iter().map(|t| t.timing))
            .chain(self.criteria.iter().map(|c| c.timing))
            .chain(self.messages.iter().map(|m| m.timing))
            .chain(self.training.iter().map(|t| t.timing))
            .chain(self.measurements.iter().map(|m| m.timing))
            .chain(self.reviews.iter().map(|r| r.timing))
    }

    fn count(&mut self) {
        let mut counts = WeekCounts::default();
        for timing in self.timings() {
            *match timing {
                WeekTiming::Overdue => &mut counts.overdue,
                WeekTiming::Blocked => &mut counts.blocked,
                WeekTiming::AtRisk => &mut counts.at_risk,
                WeekTiming::DueThisWeek => &mut counts.due_this_week,
                WeekTiming::Upcoming => &mut counts.upcoming,
            } += 1;
            counts.total += 1;
        }
        self.counts = counts;
    }
}

/// Monday and Sunday of the week `today` falls in.
pub fn week_around(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = today.week(Weekday::Mon).first_day();
    (
        monday,
        monday.checked_add_days(Days::new(6)).unwrap_or(monday),
    )
}

impl Store {
    /// What falls to `person_id` this week across every open rollout, as of `today`.
    pub fn my_week(&self, person_id: &str, today: NaiveDate) -> Result<MyWeek> {
        let person = self.get_person(person_id)?;
        let (week_start, week_end) = week_around(today);
        let criteria_horizon = today
            .checked_add_days(Days::new(7 * CRITERIA_WEEKS_AHEAD))
            .unwrap_or(today);
        let (tasks, criteria, messages, measurements, reviews, owned_rollouts) =
            self.read(|conn| {
                Ok((
                    store::tasks_of(conn, person_id, Some(week_end), today, week_end)?,
                    store::criteria_of(conn, person_id, criteria_horizon, today, week_end)?,
                    store::messages_of(conn, person_id, today, week_end)?,
                    store::measurements_of(conn, person_id, today, week_end)?,
                    store::reviews_of(conn, &person.name, today, week_end)?,
                    store::rollouts_owned_by(conn, &person.name)?,
                ))
            })?;
        let training = self.training_of(person_id, &owned_rollouts, today, week_end)?;
        let mut week = MyWeek {
            person_id: person.id,
            person_name: person.name,
            today,
            week_start,
            week_end,
            tasks,
            criteria,
            messages,
            training,
            measurements,
            reviews,
            counts: WeekCounts::default(),
        };
        week.count();
        Ok(week)
    }

    /// Every task and milestone `person_id` owns that is not done, in open rollouts,
    /// soonest first (undated last): the person's panel on *People*.
    pub fn open_tasks_of(&self, person_id: &str, today: NaiveDate) -> Result<Vec<WeekTask>> {
        self.get_person(person_id)?;
        let (_, week_end) = week_around(today);
        self.read(|conn| store::tasks_of(conn, person_id, None, today, week_end))
    }

    /// The training to chase in the rollouts the person owns, then the person's own,
    /// each overdue or due by `week_end`.
    fn training_of(
        &self,
        person_id: &str,
        owned_rollouts: &[(String, String)],
        today: NaiveDate,
        week_end: NaiveDate,
    ) -> Result<Vec<WeekTraining>> {
        let days_left = u64::try_from((week_end - today).num_days()).unwrap_or(0);
        let mut lines = Vec::new();
        // A module two of the person's rollouts require shows once.
        let mut seen = HashSet::new();
        for (rollout_id, rollout_name) in owned_rollouts {
            for due in self.training_due(Some(rollout_id), today, days_left)? {
                if due.status.is_done()
                    || due.person_id == person_id
                    || !seen.insert(due.record_id.clone())
                {
                    continue;
                }
                if let Some(timing) = WeekTiming::of_date(due.due_date, today, week_end) {
                    lines.push(WeekTraining {
                        rollout_id: Some(rollout_id.clone()),
                        rollout_name: rollout_name.clone(),
                        own: false,
                        due,
                        timing,
                    });
                }
            }
        }
        for due in self.person_training(person_id, today)? {
            if due.status.is_done() {
                continue;
            }
            if let Some(timing) = WeekTiming::of_date(due.due_date, today, week_end) {
                lines.push(WeekTraining {
                    rollout_id: None,
                    rollout_name: String::new(),
                    own: true,
                    due,
                    timing,
                });
            }
        }
        Ok(lines)
    }
}
