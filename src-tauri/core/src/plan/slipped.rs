//! The tasks that have slipped: not done and past their due date, or holding up a task
//! that waits for them — one whose start (or finish, by the link's type) comes before
//! the link allows. A pure function over a plan's tasks; the store method loads a
//! rollout's plan first.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::{list_live_tasks, Task, TaskLink, TaskStatus};
use crate::time::date_text;
use crate::{Result, Store};

/// A task that is behind: past its due date, or holding up a task waiting for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SlippedTask {
    pub task_id: String,
    pub title: String,
    /// Days past the due date; 0 when only a dependent is affected.
    pub days_overdue: i64,
    /// Tasks waiting for this one that are planned to start (or finish, by the link's
    /// type) before the link allows.
    pub holds_up: Vec<String>,
    /// The slip in a sentence, for the task list and the timeline's tooltip.
    pub reason: String,
}

/// Tasks not done that are overdue (due before `today`) or that hold up a dependent
/// (one whose held end comes before the link allows, see [`TaskLink::shortfall`]: a
/// finish-to-start hand-over on the same day is normal). In plan order.
pub fn slipped_tasks(tasks: &[Task], today: NaiveDate) -> Vec<SlippedTask> {
    let by_id: HashMap<&str, &Task> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut held_up: HashMap<&str, Vec<(&Task, &TaskLink)>> = HashMap::new();
    for dependent in tasks.iter().filter(|t| t.status != TaskStatus::Done) {
        for link in &dependent.depends_on {
            let Some(predecessor) = by_id.get(link.depends_on_id.as_str()) else {
                continue;
            };
            let behind = link.shortfall(
                (predecessor.start_date, predecessor.due_date),
                (dependent.start_date, dependent.due_date),
            );
            if behind.is_some_and(|days| days > 0) {
                held_up
                    .entry(predecessor.id.as_str())
                    .or_default()
                    .push((dependent, link));
            }
        }
    }
    tasks
        .iter()
        .filter(|t| t.status != TaskStatus::Done)
        .filter_map(|task| {
            let days_overdue = task
                .due_date
                .map_or(0, |due| (today - due).num_days().max(0));
            let holds_up = held_up.get(task.id.as_str()).cloned().unwrap_or_default();
            if days_overdue == 0 && holds_up.is_empty() {
                return None;
            }
            let mut parts = Vec::new();
            if days_overdue > 0 {
                let plural = if days_overdue == 1 { "" } else { "s" };
                parts.push(format!("{days_overdue} day{plural} overdue"));
            }
            if let Some(&(first, link)) = holds_up.first() {
                parts.push(holds_up_text(task, first, link, holds_up.len() - 1));
            }
            let mut reason = parts.join("; ");
            if let Some(first) = reason.get(..1) {
                reason = first.to_uppercase() + &reason[1..];
            }
            Some(SlippedTask {
                task_id: task.id.clone(),
                title: task.title.clone(),
                days_overdue,
                holds_up: holds_up.iter().map(|(t, _)| t.id.clone()).collect(),
                reason,
            })
        })
        .collect()
}

/// "due 2027-01-08 but 'Test' should start 2027-01-07", naming the ends the link ties
/// and, when it has one, its lag: "starts 2027-01-04 but 'Train' should finish
/// 2027-01-05, 2 days after it starts".
fn holds_up_text(task: &Task, first: &Task, link: &TaskLink, others: usize) -> String {
    let date = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    let (mine, my_date) = if link.link_type.from_start() {
        ("starts", task.start_date)
    } else {
        ("due", task.due_date)
    };
    let (theirs, their_date) = if link.link_type.to_start() {
        ("start", first.start_date)
    } else {
        ("finish", first.due_date)
    };
    let others = match others {
        0 => String::new(),
        1 => " and 1 other task".to_owned(),
        n => format!(" and {n} other tasks"),
    };
    let lag = match link.lag_days {
        0 => String::new(),
        lag => {
            let days = lag.unsigned_abs();
            let plural = if days == 1 { "" } else { "s" };
            let side = if lag > 0 { "after" } else { "before" };
            let end = if link.link_type.from_start() {
                "starts"
            } else {
                "finishes"
            };
            format!(", {days} day{plural} {side} it {end}")
        }
    };
    format!(
        "{mine} {} but '{}'{others} should {theirs} {}{lag}",
        date(my_date),
        first.title,
        date(their_date)
    )
}

impl Store {
    /// A rollout's slipped tasks (see [`slipped_tasks`]).
    pub fn slipped_tasks(&self, rollout_id: &str, today: NaiveDate) -> Result<Vec<SlippedTask>> {
        let tasks = self.read(|conn| list_live_tasks(conn, rollout_id))?;
        Ok(slipped_tasks(&tasks, today))
    }
}
