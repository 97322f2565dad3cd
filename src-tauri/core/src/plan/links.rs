//! Scheduling from the links: when a task's dates change, the tasks that wait for it
//! and would now break their link move forward by what the link requires, keeping
//! their lengths, and so on down the chain. Pure: it takes the plan's tasks and returns
//! the moves; the store writes them.
//!
//! A link holds when the waiting task's start (finish-to-start, start-to-start) or due
//! date (finish-to-finish, start-to-finish) is no earlier than the other task's due or
//! start date, as the type says, plus the lag — handing over on the same day is normal,
//! as [`super::slipped_tasks`] reads it (see [`super::TaskLink::shortfall`]). Moves only
//! ever go forward, never onto a done task, and only along chains that start at the
//! changed task: a slip elsewhere in the plan is left for the person to see.

use std::collections::HashMap;

use super::go_live::add_days;
use super::link::Dates;
use super::network::Links;
use super::{Task, TaskShift, TaskStatus};

/// The moves that the dates of task `changed_id` (already in place in `tasks`) call for,
/// in the order the work happens; the changed task itself is not among them.
pub fn successor_moves(tasks: &[Task], changed_id: &str) -> Vec<TaskShift> {
    let links = Links::of(tasks);
    let Some(&changed) = links.index.get(changed_id) else {
        return Vec::new();
    };
    // The dates of every task that moved (or changed), as they are now.
    let mut moved: HashMap<usize, Dates> = HashMap::from([(
        changed,
        (tasks[changed].start_date, tasks[changed].due_date),
    )]);
    let mut shifts = Vec::new();
    for task in links.order() {
        let waiting = &tasks[task];
        if task == changed || waiting.status == TaskStatus::Done {
            continue;
        }
        // A task with one date is a moment: whichever end a link holds is that date.
        let dates = (
            waiting.start_date.or(waiting.due_date),
            waiting.due_date.or(waiting.start_date),
        );
        let Some(days) = links.predecessors[task]
            .iter()
            .filter_map(|edge| edge.link.shortfall(*moved.get(&edge.other)?, dates))
            .max()
        else {
            continue;
        };
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
        moved.insert(task, (shift.new_start, shift.new_due));
        shifts.push(shift);
    }
    shifts
}
