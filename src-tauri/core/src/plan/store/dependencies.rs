//! The `plan_dependencies` table: "this task waits for that one", with the link's type
//! (finish-to-start, start-to-start, ...) and lag in days. A dependency has no version
//! of its own; adding, changing or removing one is an edit of the waiting task, whose
//! version moves on (see `tasks::touch`).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::plan::{LinkType, TaskLink};
use crate::store::rows;
use crate::Result;

/// Stores "`task_id` waits for `link.depends_on_id`" (already checked).
pub(crate) fn insert(tx: &Transaction<'_>, task_id: &str, link: &TaskLink, at: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO plan_dependencies (task_id, depends_on_id, link_type, lag_days, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        task_id,
        link.depends_on_id,
        link.link_type.code(),
        link.lag_days,
        at
    ])?;
    Ok(())
}

/// Changes the type and lag of an existing dependency (already checked).
pub(crate) fn update(tx: &Transaction<'_>, task_id: &str, link: &TaskLink) -> Result<()> {
    tx.prepare_cached(
        "UPDATE plan_dependencies SET link_type = ?3, lag_days = ?4
         WHERE task_id = ?1 AND depends_on_id = ?2",
    )?
    .execute(params![
        task_id,
        link.depends_on_id,
        link.link_type.code(),
        link.lag_days
    ])?;
    Ok(())
}

/// The dependency of `task_id` on `depends_on_id`, if there is one.
pub(crate) fn find(
    conn: &Connection,
    task_id: &str,
    depends_on_id: &str,
) -> Result<Option<TaskLink>> {
    Ok(conn
        .prepare_cached(
            "SELECT depends_on_id, link_type, lag_days FROM plan_dependencies
             WHERE task_id = ?1 AND depends_on_id = ?2",
        )?
        .query_row(params![task_id, depends_on_id], |row| link_from(row, 0))
        .optional()?)
}

/// Removes the dependency, returning it; `None` when there was none.
pub(crate) fn delete(
    tx: &Transaction<'_>,
    task_id: &str,
    depends_on_id: &str,
) -> Result<Option<TaskLink>> {
    let found = find(tx, task_id, depends_on_id)?;
    if found.is_some() {
        tx.execute(
            "DELETE FROM plan_dependencies WHERE task_id = ?1 AND depends_on_id = ?2",
            params![task_id, depends_on_id],
        )?;
    }
    Ok(found)
}

/// Every dependency of a rollout, trashed tasks included (restoring one must never
/// bring back a loop): (task id, id it depends on). A loop is a loop whatever the
/// links' types, so the types are not read.
pub(crate) fn rollout_edges(conn: &Connection, rollout_id: &str) -> Result<Vec<(String, String)>> {
    let mut statement = conn.prepare_cached(
        "SELECT d.task_id, d.depends_on_id FROM plan_dependencies d
         JOIN plan_tasks t ON t.id = d.task_id WHERE t.rollout_id = ?1",
    )?;
    let edges = statement.query_map(params![rollout_id], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })?;
    Ok(edges.collect::<rusqlite::Result<_>>()?)
}

/// The live tasks each live task of a rollout waits for, by task id, each list ordered
/// by the predecessors' due dates. `condition` narrows the waiting tasks `t` with the
/// parameters from `?2` on, as in [`super::tasks`]' lists.
pub(super) fn live_predecessors(
    conn: &Connection,
    condition: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<HashMap<String, Vec<TaskLink>>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT d.task_id, d.depends_on_id, d.link_type, d.lag_days FROM plan_dependencies d
         JOIN plan_tasks t ON t.id = d.task_id
         JOIN plan_tasks b ON b.id = d.depends_on_id
         WHERE t.rollout_id = ?1 AND t.deleted_at IS NULL AND b.deleted_at IS NULL {condition}
         ORDER BY coalesce(b.due_date, ''), b.id"
    ))?;
    let mut depends_on: HashMap<String, Vec<TaskLink>> = HashMap::new();
    for edge in statement.query_map(params, |row| {
        Ok((row.get::<_, String>(0)?, link_from(row, 1)?))
    })? {
        let (task, link) = edge?;
        depends_on.entry(task).or_default().push(link);
    }
    Ok(depends_on)
}

/// The live tasks one task waits for, ordered by their due dates.
pub(super) fn live_predecessors_of(conn: &Connection, task_id: &str) -> Result<Vec<TaskLink>> {
    let mut statement = conn.prepare_cached(
        "SELECT d.depends_on_id, d.link_type, d.lag_days FROM plan_dependencies d
         JOIN plan_tasks b ON b.id = d.depends_on_id
         WHERE d.task_id = ?1 AND b.deleted_at IS NULL
         ORDER BY coalesce(b.due_date, ''), b.id",
    )?;
    let links = statement.query_map(params![task_id], |row| link_from(row, 0))?;
    Ok(links.collect::<rusqlite::Result<_>>()?)
}

/// Reads (depends_on_id, link_type, lag_days) from column `first` on: a plan's links
/// are read thousands at a time, so by position.
fn link_from(row: &Row<'_>, first: usize) -> rusqlite::Result<TaskLink> {
    let code: String = row.get(first + 1)?;
    Ok(TaskLink {
        depends_on_id: row.get(first)?,
        link_type: LinkType::from_code(&code).ok_or_else(|| rows::unreadable("link_type"))?,
        lag_days: row.get(first + 2)?,
    })
}
