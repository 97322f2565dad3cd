//! The `plan_dependencies` table: "this task waits for that one" (finish-to-start).
//! A dependency has no version of its own; adding or removing one is an edit of the
//! waiting task, whose version moves on (see `tasks::touch`).

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};

use crate::Result;

/// Stores "`task_id` waits for `depends_on_id`" (already checked).
pub(crate) fn insert(
    tx: &Transaction<'_>,
    task_id: &str,
    depends_on_id: &str,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO plan_dependencies (task_id, depends_on_id, created_at) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![task_id, depends_on_id, at])?;
    Ok(())
}

/// Removes the dependency; false when there was none.
pub(crate) fn delete(tx: &Transaction<'_>, task_id: &str, depends_on_id: &str) -> Result<bool> {
    let removed = tx.execute(
        "DELETE FROM plan_dependencies WHERE task_id = ?1 AND depends_on_id = ?2",
        params![task_id, depends_on_id],
    )?;
    Ok(removed > 0)
}

/// Every dependency of a rollout, trashed tasks included (restoring one must never
/// bring back a loop): (task id, id it depends on).
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
) -> Result<HashMap<String, Vec<String>>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT d.task_id, d.depends_on_id FROM plan_dependencies d
         JOIN plan_tasks t ON t.id = d.task_id
         JOIN plan_tasks b ON b.id = d.depends_on_id
         WHERE t.rollout_id = ?1 AND t.deleted_at IS NULL AND b.deleted_at IS NULL {condition}
         ORDER BY coalesce(b.due_date, ''), b.id"
    ))?;
    let mut depends_on: HashMap<String, Vec<String>> = HashMap::new();
    for edge in statement.query_map(params, |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })? {
        let (task, predecessor) = edge?;
        depends_on.entry(task).or_default().push(predecessor);
    }
    Ok(depends_on)
}

/// The live tasks one task waits for, ordered by their due dates.
pub(super) fn live_predecessors_of(conn: &Connection, task_id: &str) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached(
        "SELECT d.depends_on_id FROM plan_dependencies d
         JOIN plan_tasks b ON b.id = d.depends_on_id
         WHERE d.task_id = ?1 AND b.deleted_at IS NULL
         ORDER BY coalesce(b.due_date, ''), b.id",
    )?;
    let ids = statement.query_map(params![task_id], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}
