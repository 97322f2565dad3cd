//! A plan's tasks and milestones: the entry points that list, read, add, edit, trash and
//! restore them. Each write and its audit entry share one transaction; the writes
//! themselves are in `write.rs` (other parts of the core — imports, templates, the
//! sample clinic — add tasks inside their own transactions), the SQL in `store/`, and a
//! task's dependencies in `dependencies.rs`.

mod changes;
mod grid;
mod write;

pub use grid::GridEdit;
pub(crate) use write::{add_unrecorded_task, insert_task, update_in, UnrecordedTask};

use super::store::tasks as rows;
use super::{Task, TaskDraft};
use crate::audit::{AuditEntry, EntityKind};
use crate::store::trash;
use crate::{Result, Store};

impl Store {
    /// A rollout's live tasks and milestones, by phase then by date, each with the ids
    /// of the live tasks it depends on. Filtering and sorting are the UI's.
    pub fn list_tasks(&self, rollout_id: &str) -> Result<Vec<Task>> {
        self.read(|conn| rows::list_live(conn, rollout_id))
    }

    /// One task, live or in the trash.
    pub fn get_task(&self, id: &str) -> Result<Task> {
        self.read(|conn| rows::fetch(conn, id))
    }

    /// Adds a task (or milestone) to a rollout's plan, or explains every field that is
    /// wrong. Cheap enough to call once per row while someone types a list of tasks.
    pub fn create_task(&self, rollout_id: &str, draft: &TaskDraft) -> Result<Task> {
        self.write(|tx| insert_task(tx, rollout_id, draft))
    }

    /// Replaces a live task's editable fields; refused if it changed since
    /// `expected_row_version`. An update that changes nothing writes nothing.
    pub fn update_task(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &TaskDraft,
    ) -> Result<Task> {
        self.write(|tx| update_in(tx, id, expected_row_version, draft))
    }

    /// Moves a task to the trash; its dependencies are kept but ignored until it is
    /// restored.
    pub fn trash_task(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            rows::fetch(tx, id)?;
            trash::set_trashed(tx, "plan_tasks", EntityKind::PlanTask, id, true).map(drop)
        })
    }

    pub fn restore_task(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            rows::fetch(tx, id)?;
            trash::set_trashed(tx, "plan_tasks", EntityKind::PlanTask, id, false).map(drop)
        })
    }

    /// The tasks in the trash of every rollout that is not in the trash itself, most
    /// recently trashed first: the Trash page's tasks, in one reading rather than one a
    /// rollout (a project office's workspace holds hundreds).
    pub fn list_trashed_tasks(&self) -> Result<Vec<Task>> {
        self.read(rows::list_trashed)
    }

    /// A task's history (edits, dependencies added and removed), newest first.
    pub fn task_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::PlanTask, id)
    }
}
