//! Scheduling from the links: when a task's dates change, the tasks that wait for it
//! (finish-to-start) and would now start before it is due move forward by what the link
//! requires, keeping their lengths, and so on down the chain. Pure: it takes the plan's
//! tasks and returns the moves; the store writes them.
//!
//! A link is met when the waiting task starts on or after the day the task it waits for
//! is due — handing over on the same day is normal, as [`super::slipped_tasks`] reads it.
//! Moves only ever go forward, never onto a done task, and only along chains that start
//! at the changed task: a slip elsewhere in the plan is left for the person to see.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::go_live::add_days;
use super::schedule::{topological_order, Links};
use super::{Task, TaskShift, TaskStatus};

/// The moves that the dates of task `changed_id` (already in place in `tasks`) call for,
/// in the order the work happens; the changed task itself is not among them.
pub fn successor_moves(tasks: &[Task], changed_id: &str) -> Vec<TaskShift> {
    let Links {
        index,
        predecessors,
        successors,
    } = Links::of(tasks);
    let Some(&changed) = index.get(changed_id) else {
        return Vec::new();
    };
    // The due date of every task that moved (or changed), as it is now.
    let mut moved: HashMap<usize, Option<NaiveDate>> =
        HashMap::from([(changed, tasks[changed].due_date)]);
    let mut shifts = Vec::new();
    for task in topological_order(&predecessors, &successors) {
        let waiting = &tasks[task];
        if task == changed || waiting.status == TaskStatus::Done {
            continue;
        }
        let Some(required) = predecessors[task]
            .iter()
            .filter_map(|p| moved.get(p).copied().flatten())
            .max()
        else {
            continue;
        };
        let Some(anchor) = waiting.start_date.or(waiting.due_date) else {
            continue;
        };
        let days = (required - anchor).num_days();
        if days <= 0 {
            continue;
        }
        let shift = TaskShift {
            task_id: waiting.id.clone(),
            title: waiting.title.clone(),
            kind: waiting.kind,
            old_start: waiting.start_date,
            old_due: waiting.due_date,
            new_start: waiting.start_date.map(|d| add_days(d, days)),
            new_due: waiting.due_date.map(|d| add_days(d, days)),
            row_version: waiting.row_version,
        };
        moved.insert(task, shift.new_due);
        shifts.push(shift);
    }
    shifts
}
