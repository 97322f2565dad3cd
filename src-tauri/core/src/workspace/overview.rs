//! The overview of one rollout: what a practice manager looks at first each week.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{Communication, Decision, Risk};
use crate::plan::{open_tasks_due_by, Task, TaskStatus};
use crate::readiness::Readiness;
use crate::{Result, Store};

/// How many risks, days of comms and decisions the overview shows.
const TOP_RISKS: usize = 5;
const COMMS_AHEAD_DAYS: u64 = 14;
const RECENT_DECISIONS: usize = 5;

/// One rollout at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RolloutOverview {
    pub rollout_id: String,
    pub go_live_date: Option<NaiveDate>,
    /// Days from today to go-live; negative once it has passed.
    pub days_to_go_live: Option<i64>,
    pub readiness: Readiness,
    /// Not done, due today or in the six days after.
    pub due_this_week: Vec<Task>,
    /// Not done, due before today.
    pub overdue: Vec<Task>,
    pub blocked: Vec<Task>,
    pub due_this_week_count: usize,
    pub overdue_count: usize,
    pub blocked_count: usize,
    /// The highest-scoring risks that are not closed.
    pub top_risks: Vec<Risk>,
    /// Not sent, due within the next two weeks.
    pub next_comms: Vec<Communication>,
    /// Not sent although their date has passed.
    pub overdue_comms: Vec<Communication>,
    pub recent_decisions: Vec<Decision>,
    /// Improvement cycles running today, and those whose Do window has ended without
    /// an Act.
    pub improvement: crate::improvement::CyclesAtAGlance,
}

/// How many tasks of each list the rollout's page shows; its tiles count them all.
pub const TASKS_SHOWN: usize = 6;

impl RolloutOverview {
    /// The overview as the rollout's page shows it: each list of tasks cut to its first
    /// `shown` (a go-live months along has hundreds overdue, and the page lists six),
    /// the counts untouched. The page lists what is overdue, then what is blocked and not
    /// overdue: a blocked task is kept while fewer than `shown` such are kept, and
    /// whenever it is among the overdue kept (the page leaves it out of the second part).
    pub fn cut_to(mut self, shown: usize) -> Self {
        self.overdue.truncate(shown);
        self.due_this_week.truncate(shown);
        let mut others = 0;
        let overdue = &self.overdue;
        self.blocked.retain(|task| {
            if overdue.iter().any(|o| o.id == task.id) {
                return true;
            }
            others += 1;
            others <= shown
        });
        self
    }
}

impl Store {
    /// The overview of a rollout as of `today`, every list whole (the report lists
    /// them all; the page asks for [`RolloutOverview::cut_to`]).
    pub fn rollout_overview(&self, rollout_id: &str, today: NaiveDate) -> Result<RolloutOverview> {
        let rollout = self.get_rollout(rollout_id)?;
        let week_end = today.checked_add_days(Days::new(6)).unwrap_or(today);
        // Only the open tasks due by the end of the week or blocked: the lists below take
        // nothing else from the plan.
        let tasks = self.read(|conn| open_tasks_due_by(conn, rollout_id, week_end))?;
        let open = || tasks.iter().filter(|t| t.status != TaskStatus::Done);
        let due_this_week: Vec<Task> = open()
            .filter(|t| {
                t.due_date
                    .is_some_and(|due| due >= today && due <= week_end)
            })
            .cloned()
            .collect();
        let mut overdue: Vec<Task> = open()
            .filter(|t| t.due_date.is_some_and(|due| due < today))
            .cloned()
            .collect();
        overdue.sort_by_key(|t| t.due_date);
        let blocked: Vec<Task> = open()
            .filter(|t| t.status == TaskStatus::Blocked)
            .cloned()
            .collect();
        let mut recent_decisions = self.list_decisions(rollout_id)?;
        recent_decisions.truncate(RECENT_DECISIONS);
        Ok(RolloutOverview {
            rollout_id: rollout.id.clone(),
            go_live_date: rollout.go_live_date,
            days_to_go_live: rollout.days_to_go_live(today),
            readiness: self.rollout_readiness(rollout_id, today)?,
            due_this_week_count: due_this_week.len(),
            overdue_count: overdue.len(),
            blocked_count: blocked.len(),
            due_this_week,
            overdue,
            blocked,
            top_risks: self.top_risks(rollout_id, TOP_RISKS)?,
            next_comms: self.upcoming_communications(rollout_id, today, COMMS_AHEAD_DAYS)?,
            overdue_comms: self.overdue_communications(rollout_id, today)?,
            recent_decisions,
            improvement: self.pdsa_at_a_glance(rollout_id, today)?,
        })
    }
}
