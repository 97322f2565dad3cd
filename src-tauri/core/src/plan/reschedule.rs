//! Saving a task's dates in a rollout that schedules from the links: the edit and the
//! moves of what waits for it (see `links.rs`) in one transaction, with what undoes the
//! moves. In a rollout that only flags, the same save changes the task alone and the
//! waiting tasks show as slipped, as before.

use serde::Serialize;
use ts_rs::TS;

use super::links::successor_moves;
use super::shifts::{write_shifts, DatesUndo};
use super::store::lookups::Lookups;
use super::store::tasks::fetch;
use super::tasks::update_in;
use super::validate::validate;
use super::{list_live_tasks, Task, TaskDraft, TaskShift};
use crate::rollouts::{fetch_rollout, ScheduleMode};
use crate::time::{now, timestamp_text};
use crate::{Result, Store};

/// A saved task and the tasks its new dates moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TaskSave {
    pub task: Task,
    /// The tasks that wait for it and moved forward, in the order the work happens.
    pub moved: Vec<TaskShift>,
    /// What puts the moved tasks back (the task's own edit stays); `None` if none moved.
    pub undo: Option<DatesUndo>,
}

impl Store {
    /// What saving `draft` on task `id` would move, without writing: empty when the
    /// rollout only flags, or when nothing waiting for the task would start too early.
    pub fn preview_task_save(&self, id: &str, draft: &TaskDraft) -> Result<Vec<TaskShift>> {
        self.read(|conn| {
            let current = fetch(conn, id)?;
            if fetch_rollout(conn, &current.rollout_id)?.schedule_mode != ScheduleMode::Move {
                return Ok(Vec::new());
            }
            let draft = &*current.keeping_owner(draft);
            let refs = Lookups::default().refs(conn, &current.rollout_id, draft)?;
            let valid = validate(draft, refs)?;
            let mut tasks = list_live_tasks(conn, &current.rollout_id)?;
            if let Some(task) = tasks.iter_mut().find(|t| t.id == id) {
                task.start_date = valid.start_date;
                task.due_date = valid.due_date;
                task.status = valid.status;
            }
            Ok(successor_moves(&tasks, id))
        })
    }

    /// Saves task `id` like [`Store::update_task`] and, when its rollout schedules from
    /// the links, moves what waits for it in the same transaction.
    pub fn save_task(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &TaskDraft,
    ) -> Result<TaskSave> {
        self.write(|tx| {
            let task = update_in(tx, id, expected_row_version, draft)?;
            let rollout = fetch_rollout(tx, &task.rollout_id)?;
            if rollout.schedule_mode != ScheduleMode::Move {
                return Ok(TaskSave {
                    task,
                    moved: Vec::new(),
                    undo: None,
                });
            }
            let moved = successor_moves(&list_live_tasks(tx, &task.rollout_id)?, id);
            let undo = if moved.is_empty() {
                None
            } else {
                let tasks = write_shifts(tx, &timestamp_text(now()), &moved)?;
                Some(DatesUndo {
                    rollout_id: rollout.id,
                    go_live: None,
                    tasks,
                })
            };
            Ok(TaskSave { task, moved, undo })
        })
    }
}
