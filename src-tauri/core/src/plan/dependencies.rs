//! Dependencies: a task waits for another — to finish before it starts (the usual
//! hand-over), or tied start to start, finish to finish or start to finish, with a lag
//! in days. These are the entry points that add, change and remove one; the checks (a
//! task and itself, another rollout's task, a loop, named task by task, a lag within a
//! year) are the [`DependencyGraph`]'s, in `graph.rs`.

use super::graph::{note_change, DependencyGraph};
use super::store::{dependencies, tasks as rows};
use super::{LinkType, Task, TaskLink};
use crate::store::Tx;
use crate::{Result, Store};

impl Store {
    /// Makes `task_id` wait for `depends_on_id` as `link_type` says, `lag_days` after
    /// (negative: before); returns the updated task. Refused for a task and itself,
    /// tasks of different rollouts, loops and a lag beyond a year. A dependency that
    /// exists already takes the new type and lag; one that is already exactly so
    /// changes nothing.
    pub fn add_dependency(
        &self,
        task_id: &str,
        depends_on_id: &str,
        link_type: LinkType,
        lag_days: i32,
    ) -> Result<Task> {
        let link = TaskLink {
            depends_on_id: depends_on_id.to_owned(),
            link_type,
            lag_days,
        };
        self.write(|tx| {
            let (rollout_id, _, _) = rows::end(tx, task_id)?;
            DependencyGraph::load(tx, &rollout_id)?.insert(tx, task_id, &link)?;
            rows::fetch(tx, task_id)
        })
    }

    /// Makes `task_id` wait for exactly `links` (what the grid's *Waits for* cell says,
    /// "3, 7SS+2d"): links no longer listed are removed, new ones added and changed ones
    /// take their new type and lag, in one transaction, so a loop or a task of another
    /// plan refuses the whole cell and leaves the task as it was.
    pub fn set_waits_for(&self, task_id: &str, links: &[TaskLink]) -> Result<Task> {
        self.write(|tx| {
            let task = rows::fetch(tx, task_id)?;
            for old in &task.depends_on {
                if links.iter().any(|l| l.depends_on_id == old.depends_on_id) {
                    continue;
                }
                remove_link(tx, task_id, &old.depends_on_id)?;
            }
            let mut graph = DependencyGraph::load(tx, &task.rollout_id)?;
            for link in links {
                if !task.depends_on.contains(link) {
                    graph.insert(tx, task_id, link)?;
                }
            }
            rows::fetch(tx, task_id)
        })
    }

    /// Removes the dependency, if there is one; returns the updated task.
    pub fn remove_dependency(&self, task_id: &str, depends_on_id: &str) -> Result<Task> {
        self.write(|tx| {
            let task = rows::fetch(tx, task_id)?;
            remove_link(tx, task_id, depends_on_id)?;
            rows::fetch(tx, &task.id)
        })
    }
}

/// Removes `task_id`'s wait for `depends_on_id`, if there is one, and notes it in the
/// task's history by the title of the task it waited for.
fn remove_link(tx: &Tx<'_>, task_id: &str, depends_on_id: &str) -> Result<()> {
    let predecessor = rows::fetch(tx, depends_on_id)?;
    if let Some(link) = dependencies::delete(tx, task_id, depends_on_id)? {
        note_change(
            tx,
            task_id,
            Some(link.history_text(&predecessor.title)),
            None,
        )?;
    }
    Ok(())
}
