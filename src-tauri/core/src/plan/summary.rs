//! What Home and a rollout's overview read of a plan: counts for every rollout at once,
//! and the few open tasks a week's overview lists rather than the whole plan.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::tasks::live_tasks;
use super::Task;
use crate::time::date_text;
use crate::Result;

/// For every rollout with such tasks, how many live tasks are open past their due date
/// and how many are blocked — Home's one-line summary of each plan. Both are counted
/// from plan_tasks_open; "open" is any status but done (the CHECK admits these four).
pub(crate) fn overdue_and_blocked_by_rollout(
    conn: &Connection,
    today: NaiveDate,
) -> Result<HashMap<String, (i64, i64)>> {
    let mut counts: HashMap<String, (i64, i64)> = HashMap::new();
    let mut overdue = conn.prepare_cached(
        "SELECT rollout_id, count(*) FROM plan_tasks
         WHERE status IN ('todo', 'doing', 'blocked') AND deleted_at IS NULL AND due_date < ?1
         GROUP BY rollout_id",
    )?;
    for found in overdue.query_map(params![date_text(today)], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
    })? {
        let (rollout, n) = found?;
        counts.entry(rollout).or_default().0 = n;
    }
    let mut blocked = conn.prepare_cached(
        "SELECT rollout_id, count(*) FROM plan_tasks
         WHERE status = 'blocked' AND deleted_at IS NULL GROUP BY rollout_id",
    )?;
    for found in blocked.query_map([], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
    })? {
        let (rollout, n) = found?;
        counts.entry(rollout).or_default().1 = n;
    }
    Ok(counts)
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
