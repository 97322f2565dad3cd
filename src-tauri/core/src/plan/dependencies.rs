//! Finish-to-start dependencies: a task cannot start before the tasks it depends on are
//! done. A dependency that would close a loop is refused, naming every task in it.

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};

use super::precedence::Precedence;
use super::tasks::fetch;
use super::Task;
use crate::audit::{self, AuditAction, EntityKind, FieldChange};
use crate::store::rows;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// Makes `task_id` wait for `depends_on_id` to finish; returns the updated task.
    /// Refused for a task and itself, tasks of different rollouts, and loops.
    pub fn add_dependency(&self, task_id: &str, depends_on_id: &str) -> Result<Task> {
        self.write(|tx| {
            insert_dependency(tx, task_id, depends_on_id)?;
            fetch(tx, task_id)
        })
    }

    /// Removes the dependency, if there is one; returns the updated task.
    pub fn remove_dependency(&self, task_id: &str, depends_on_id: &str) -> Result<Task> {
        self.write(|tx| {
            let task = fetch(tx, task_id)?;
            let predecessor = fetch(tx, depends_on_id)?;
            let removed = tx.execute(
                "DELETE FROM plan_dependencies WHERE task_id = ?1 AND depends_on_id = ?2",
                params![task_id, depends_on_id],
            )?;
            if removed > 0 {
                note_change(tx, &task.id, Some(predecessor.title), None)?;
            }
            fetch(tx, task_id)
        })
    }
}

/// Adds a dependency inside a caller's transaction. Adding one that already exists
/// changes nothing.
pub(crate) fn insert_dependency(
    tx: &Transaction<'_>,
    task_id: &str,
    depends_on_id: &str,
) -> Result<()> {
    let rollout_id = end_of(tx, task_id)?.rollout_id;
    let mut graph = DependencyGraph::load(tx, &rollout_id)?;
    graph.insert(tx, task_id, depends_on_id)
}

/// A rollout's dependencies read once, for callers that add many in one transaction
/// (imports, templates): each addition checks for loops against this copy and keeps it
/// current, instead of reading every dependency again. The tasks at either end are
/// remembered too: a task's rollout never changes, and nothing renames one while a
/// run of additions is under way.
pub(crate) struct DependencyGraph {
    rollout_id: String,
    graph: Precedence,
    ends: HashMap<String, End>,
}

impl DependencyGraph {
    pub(crate) fn load(conn: &Connection, rollout_id: &str) -> Result<Self> {
        Ok(Self {
            rollout_id: rollout_id.to_owned(),
            graph: Precedence::new(rollout_edges(conn, rollout_id)?),
            ends: HashMap::new(),
        })
    }

    /// Adds "`task_id` waits for `depends_on_id`", refusing a task and itself, tasks
    /// of another rollout, and loops (named task by task). The dependent task's version
    /// moves on and its history notes the new dependency.
    pub(crate) fn insert(
        &mut self,
        tx: &Transaction<'_>,
        task_id: &str,
        depends_on_id: &str,
    ) -> Result<()> {
        match self.insert_for_unrecorded(tx, task_id, depends_on_id)? {
            Some(predecessor) => note_change(tx, task_id, None, Some(predecessor)),
            None => Ok(()),
        }
    }

    /// [`DependencyGraph::insert`] for a task written in this same transaction whose
    /// creation is not recorded yet (an import records it with its dependencies): the
    /// same checks and the dependency written, but no version to move on and no edit to
    /// note. The title of the task it now waits for comes back; `None` if it already did.
    pub(crate) fn insert_for_unrecorded(
        &mut self,
        tx: &Transaction<'_>,
        task_id: &str,
        depends_on_id: &str,
    ) -> Result<Option<String>> {
        let task = self.end(tx, task_id)?;
        if task_id == depends_on_id {
            return Err(CoreError::invalid(
                "depends_on",
                format!("'{}' cannot depend on itself.", task.title),
            ));
        }
        let predecessor = self.end(tx, depends_on_id)?;
        if predecessor.rollout_id != task.rollout_id || task.rollout_id != self.rollout_id {
            return Err(CoreError::invalid(
                "depends_on",
                format!("'{}' belongs to another rollout's plan.", predecessor.title),
            ));
        }
        if self.graph.contains(task_id, depends_on_id) {
            return Ok(None);
        }
        if let Some(chain) = self.graph.loop_through(task_id, depends_on_id) {
            let titles = titles(tx, &task.rollout_id)?;
            let name = |id: &str| titles.get(id).cloned().unwrap_or_else(|| id.to_owned());
            // The chain runs from the new predecessor back to the task; read in the order
            // the work would happen, the loop starts and ends at the task.
            let mut names: Vec<String> = chain.iter().rev().map(|id| name(id)).collect();
            names.push(name(task_id));
            return Err(CoreError::invalid(
                "depends_on",
                format!(
                    "That would make a loop: {}. A task cannot wait, directly or through others, \
                     for itself.",
                    names.join(" → ")
                ),
            ));
        }
        tx.prepare_cached(
            "INSERT INTO plan_dependencies (task_id, depends_on_id, created_at) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![task_id, depends_on_id, timestamp_text(now())])?;
        self.graph.add(task_id, depends_on_id);
        Ok(Some(predecessor.title))
    }

    /// Remembers a task of this plan written in the same transaction, so that linking it
    /// asks the database nothing about it.
    pub(crate) fn know(&mut self, task_id: &str, title: &str) {
        let end = End {
            rollout_id: self.rollout_id.clone(),
            title: title.to_owned(),
        };
        self.ends.insert(task_id.to_owned(), end);
    }

    /// The task `id` as one end of a dependency, read once.
    fn end(&mut self, conn: &Connection, id: &str) -> Result<End> {
        if let Some(end) = self.ends.get(id) {
            return Ok(end.clone());
        }
        let end = end_of(conn, id)?;
        self.ends.insert(id.to_owned(), end.clone());
        Ok(end)
    }
}

/// What a dependency needs to know of each of its tasks.
#[derive(Clone)]
struct End {
    rollout_id: String,
    title: String,
}

/// A task, live or in the trash, as one end of a dependency.
fn end_of(conn: &Connection, id: &str) -> Result<End> {
    rows::fetch_by_id(
        conn,
        "SELECT rollout_id, title FROM plan_tasks WHERE id = ?1",
        id,
        "Task",
        |row| {
            Ok(End {
                rollout_id: row.get("rollout_id")?,
                title: row.get("title")?,
            })
        },
    )
}

/// A dependency change is an edit of the dependent task: its version moves on, so an
/// editor holding the old version reloads, and its history says what changed.
fn note_change(
    tx: &Transaction<'_>,
    task_id: &str,
    old: Option<String>,
    new: Option<String>,
) -> Result<()> {
    let at = timestamp_text(now());
    tx.prepare_cached(
        "UPDATE plan_tasks SET updated_at = ?1, row_version = row_version + 1 WHERE id = ?2",
    )?
    .execute(params![at, task_id])?;
    let change = FieldChange {
        field: "depends_on".into(),
        old,
        new,
    };
    audit::record(
        tx,
        &at,
        EntityKind::PlanTask,
        task_id,
        AuditAction::Update,
        &[change],
    )
}

/// Every dependency of a rollout, trashed tasks included (restoring one must never
/// bring back a loop): (task id, id it depends on).
fn rollout_edges(conn: &Connection, rollout_id: &str) -> Result<Vec<(String, String)>> {
    let mut statement = conn.prepare_cached(
        "SELECT d.task_id, d.depends_on_id FROM plan_dependencies d
         JOIN plan_tasks t ON t.id = d.task_id WHERE t.rollout_id = ?1",
    )?;
    let edges = statement.query_map(params![rollout_id], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })?;
    Ok(edges.collect::<rusqlite::Result<_>>()?)
}

fn titles(conn: &Connection, rollout_id: &str) -> Result<HashMap<String, String>> {
    let mut statement =
        conn.prepare_cached("SELECT id, title FROM plan_tasks WHERE rollout_id = ?1")?;
    let found = statement.query_map(params![rollout_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}
