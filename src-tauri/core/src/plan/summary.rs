//! What Home and a rollout's overview read of a plan: counts for every rollout at once,
//! and the few open tasks a week's overview lists rather than the whole plan.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::tasks::live_tasks;
use super::Task;
use crate::time::date_text;
use crate::Result;

/// For every rollout with live tasks, how many are open past their due date and how many
/// are blocked — Home's one-line summary of each plan.
pub(crate) fn overdue_and_blocked_by_rollout(
    conn: &Connection,
    today: NaiveDate,
) -> Result<HashMap<String, (i64, i64)>> {
    let mut statement = conn.prepare_cached(
        "SELECT rollout_id, coalesce(sum(status <> 'done' AND due_date < ?1), 0),
                coalesce(sum(status = 'blocked'), 0)
         FROM plan_tasks WHERE deleted_at IS NULL GROUP BY rollout_id",
    )?;
    let counts = statement.query_map(params![date_text(today)], |row| {
        Ok((row.get(0)?, (row.get(1)?, row.get(2)?)))
    })?;
    Ok(counts.collect::<rusqlite::Result<_>>()?)
}

/// A rollout's live tasks that are not done and are due by `by` or blocked, in plan order
/// with their live dependencies: everything the overview lists, without reading the rest
/// of a plan of thousands of tasks.
pub(crate) fn open_tasks_due_by(
    conn: &Connection,
    rollout_id: &str,
    by: NaiveDate,
) -> Result<Vec<Task>> {
    live_tasks(
        conn,
        rollout_id,
        "AND t.status <> 'done' AND (t.due_date <= ?2 OR t.status = 'blocked')",
        &[&date_text(by)],
    )
}
