//! Finish-to-start dependencies: a task cannot start before the tasks it depends on are
//! done. These are the entry points that add and remove one; the checks (a task and
//! itself, another rollout's task, a loop, named task by task) are the
//! [`DependencyGraph`]'s, in `graph.rs`.

use super::graph::{note_change, DependencyGraph};
use super::store::{dependencies, tasks as rows};
use super::Task;
use crate::{Result, Store};

impl Store {
    /// Makes `task_id` wait for `depends_on_id` to finish; returns the updated task.
    /// Refused for a task and itself, tasks of different rollouts, and loops. Adding
    /// one that already exists changes nothing.
    pub fn add_dependency(&self, task_id: &str, depends_on_id: &str) -> Result<Task> {
        self.write(|tx| {
            let (rollout_id, _, _) = rows::end(tx, task_id)?;
            DependencyGraph::load(tx, &rollout_id)?.insert(tx, task_id, depends_on_id)?;
            rows::fetch(tx, task_id)
        })
    }

    /// Removes the dependency, if there is one; returns the updated task.
    pub fn remove_dependency(&self, task_id: &str, depends_on_id: &str) -> Result<Task> {
        self.write(|tx| {
            let task = rows::fetch(tx, task_id)?;
            let predecessor = rows::fetch(tx, depends_on_id)?;
            if dependencies::delete(tx, task_id, depends_on_id)? {
                note_change(tx, task_id, Some(predecessor.title), None)?;
            }
            rows::fetch(tx, &task.id)
        })
    }
}
