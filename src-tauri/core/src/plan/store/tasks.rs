//! The `plan_tasks` table: a plan's tasks and milestones, read with their phase's and
//! owner's names and the live tasks they wait for. Every update names the version it
//! edits (`WHERE id = ? AND row_version = ?`), so a stale edit is refused by the
//! database itself.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, ToSql, Transaction};

use super::{dependencies, Version};
use crate::plan::validate::ValidTask;
use crate::plan::{PlanPhase, Task};
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::time::date_text;
use crate::Result;

/// The columns of a task, in the order [`from_row`] reads them.
const SELECT: &str = "SELECT t.id, t.rollout_id, t.phase_id, coalesce(ph.name, '') AS phase_name,
        t.title, t.kind, t.owner_id, coalesce(p.name, '') AS owner_name, t.start_date,
        t.due_date, t.status, t.notes, t.created_at, t.updated_at, t.deleted_at, t.row_version,
        t.number, t.percent_complete
    FROM plan_tasks t
    LEFT JOIN plan_phases ph ON ph.id = t.phase_id AND ph.deleted_at IS NULL
    LEFT JOIN people p ON p.id = t.owner_id";

/// One task, live or in the trash, with the live tasks it depends on.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Task> {
    let mut task = rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE t.id = ?1"),
        id,
        "Task",
        from_row,
    )?;
    task.depends_on = dependencies::live_predecessors_of(conn, id)?;
    Ok(task)
}

/// A rollout's live tasks with their live dependencies, in plan order.
pub(crate) fn list_live(conn: &Connection, rollout_id: &str) -> Result<Vec<Task>> {
    live_tasks(conn, rollout_id, "", &[])
}

/// The first `limit` of a rollout's live tasks in plan order (its `live_phases` give
/// the phases' order), with their live dependencies, and how many live tasks it has in
/// all: the first screen of a plan of thousands of tasks, drawn before the rest is read.
pub(crate) fn first_live(
    conn: &Connection,
    rollout_id: &str,
    live_phases: &[PlanPhase],
    limit: u32,
) -> Result<(Vec<Task>, u32)> {
    // Only what places each task is read for all of them; the first are read whole.
    let positions = positions_of(live_phases);
    let mut statement = conn.prepare_cached(
        "SELECT id, phase_id, coalesce(start_date, due_date), created_at FROM plan_tasks
         WHERE rollout_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut places = statement
        .query_map(params![rollout_id], |row| {
            let id: String = row.get(0)?;
            let phase_id: Option<String> = row.get(1)?;
            Ok(PlanPlace::of(
                &positions,
                phase_id.as_deref(),
                rows::date(row, (2, "start_date"))?,
                rows::required_timestamp(row, (3, "created_at"))?,
                &id,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let total = u32::try_from(places.len()).unwrap_or(u32::MAX);
    places.sort_unstable();
    places.truncate(limit as usize);
    let tasks = places
        .into_iter()
        .map(|place| fetch(conn, &place.id))
        .collect::<Result<_>>()?;
    Ok((tasks, total))
}

/// Where a task stands in plan order: by its phase's position (tasks of no live phase
/// last), then by its start or else due date (undated last), then as entered. Plans
/// are put in this order in Rust rather than by SQLite, whose sorter copies every
/// column of every row: two thirds of reading a 5,000-task plan.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct PlanPlace {
    no_phase: bool,
    position: Option<i64>,
    undated: bool,
    day: Option<NaiveDate>,
    created_at: chrono::DateTime<chrono::Utc>,
    id: String,
}

impl PlanPlace {
    fn of(
        positions: &HashMap<String, i64>,
        phase_id: Option<&str>,
        day: Option<NaiveDate>,
        created_at: chrono::DateTime<chrono::Utc>,
        id: &str,
    ) -> Self {
        let position = phase_id.and_then(|id| positions.get(id)).copied();
        Self {
            no_phase: position.is_none(),
            position,
            undated: day.is_none(),
            day,
            created_at,
            id: id.to_owned(),
        }
    }
}

/// A rollout's live tasks that are not done and are due by `by` or blocked, in plan order
/// with their live dependencies: everything a week's overview lists, without reading the
/// rest of a plan of thousands of tasks.
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

/// The tasks in the trash of every rollout that is not itself in the trash, most
/// recently trashed first: one step down each live rollout's tasks (a trashed rollout's
/// tasks go and come back with it).
pub(crate) fn list_trashed(conn: &Connection) -> Result<Vec<Task>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} JOIN rollouts r ON r.id = t.rollout_id AND r.deleted_at IS NULL
         WHERE t.deleted_at IS NOT NULL
         ORDER BY t.deleted_at DESC, t.id"
    ))?;
    let found = statement.query_map([], from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

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

/// A task, live or in the trash, as (rollout id, title, version): what a dependency
/// needs of each of its ends.
pub(crate) fn end(conn: &Connection, id: &str) -> Result<(String, String, i64)> {
    rows::fetch_by_id(
        conn,
        "SELECT rollout_id, title, row_version FROM plan_tasks WHERE id = ?1",
        id,
        "Task",
        |row| {
            Ok((
                row.get("rollout_id")?,
                row.get("title")?,
                row.get("row_version")?,
            ))
        },
    )
}

/// Every task of a rollout, the trash included, by id: its title.
pub(crate) fn titles(conn: &Connection, rollout_id: &str) -> Result<HashMap<String, String>> {
    let mut statement =
        conn.prepare_cached("SELECT id, title FROM plan_tasks WHERE rollout_id = ?1")?;
    let found = statement.query_map(params![rollout_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The live tasks of a rollout by lower-case title: their id (the oldest task of a
/// repeated title).
pub(crate) fn live_ids_by_title(
    conn: &Connection,
    rollout_id: &str,
) -> Result<HashMap<String, String>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, title FROM plan_tasks WHERE rollout_id = ?1 AND deleted_at IS NULL
         ORDER BY created_at DESC",
    )?;
    let found = statement.query_map(params![rollout_id], |row| {
        Ok((
            row.get::<_, String>(1)?.to_lowercase(),
            row.get::<_, String>(0)?,
        ))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// Inserts a task (already checked) at version 1 and returns its id.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    rollout_id: &str,
    valid: &ValidTask,
    at: &str,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    tx.prepare_cached(
        "INSERT INTO plan_tasks (id, rollout_id, phase_id, title, kind, owner_id, start_date,
             due_date, status, notes, created_at, updated_at, percent_complete, number)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12,
             (SELECT coalesce(max(number), 0) + 1 FROM plan_tasks WHERE rollout_id = ?2))",
    )?
    .execute(params![
        id,
        rollout_id,
        valid.phase_id,
        valid.title,
        valid.kind.code(),
        valid.owner_id,
        valid.start_date.map(date_text),
        valid.due_date.map(date_text),
        valid.status.code(),
        valid.notes,
        at,
        valid.percent_complete
    ])?;
    Ok(id)
}

/// Replaces a task's editable fields at `version`; any other version is a conflict and
/// nothing is written.
pub(crate) fn update(
    tx: &Transaction<'_>,
    (id, row_version, label): Version<'_>,
    valid: &ValidTask,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE plan_tasks SET phase_id = ?1, title = ?2, kind = ?3, owner_id = ?4,
                 start_date = ?5, due_date = ?6, status = ?7, notes = ?8, updated_at = ?9,
                 percent_complete = ?12, row_version = row_version + 1
             WHERE id = ?10 AND row_version = ?11",
        )?
        .execute(params![
            valid.phase_id,
            valid.title,
            valid.kind.code(),
            valid.owner_id,
            valid.start_date.map(date_text),
            valid.due_date.map(date_text),
            valid.status.code(),
            valid.notes,
            at,
            id,
            row_version,
            valid.percent_complete
        ])?;
    one_row_updated(affected, label)
}

/// Sets a live task's dates at `version` (a go-live move, the tasks that wait for a late
/// one, an Undo); a task moved on or in the trash is a conflict.
pub(crate) fn update_dates(
    tx: &Transaction<'_>,
    (id, row_version, label): Version<'_>,
    (start, due): (Option<NaiveDate>, Option<NaiveDate>),
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE plan_tasks SET start_date = ?1, due_date = ?2, updated_at = ?3,
                 row_version = row_version + 1
             WHERE id = ?4 AND row_version = ?5 AND deleted_at IS NULL",
        )?
        .execute(params![
            start.map(date_text),
            due.map(date_text),
            at,
            id,
            row_version
        ])?;
    one_row_updated(affected, label)
}

/// Moves a task's version on without changing its fields, at `version`: a change to
/// what it waits for is an edit of the task, so an editor holding the old version
/// reloads.
pub(crate) fn touch(
    tx: &Transaction<'_>,
    (id, row_version, label): Version<'_>,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE plan_tasks SET updated_at = ?1, row_version = row_version + 1
             WHERE id = ?2 AND row_version = ?3",
        )?
        .execute(params![at, id, row_version])?;
    one_row_updated(affected, label)
}

/// A rollout's live tasks that also meet `condition` (on the task `t`, with parameters
/// from `?2` on), with their live dependencies, in plan order.
fn live_tasks(
    conn: &Connection,
    rollout_id: &str,
    condition: &str,
    more: &[&dyn ToSql],
) -> Result<Vec<Task>> {
    let params: Vec<&dyn ToSql> = std::iter::once(&rollout_id as &dyn ToSql)
        .chain(more.iter().copied())
        .collect();
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE t.rollout_id = ?1 AND t.deleted_at IS NULL {condition}"
    ))?;
    let mut tasks: Vec<Task> = statement
        .query_map(params.as_slice(), from_row)?
        .collect::<rusqlite::Result<_>>()?;
    // In plan order: see [`PlanPlace`].
    let positions = positions_of(&super::phases::list_live(conn, rollout_id)?);
    tasks.sort_by_cached_key(|task| {
        PlanPlace::of(
            &positions,
            task.phase_id.as_deref(),
            task.start_date.or(task.due_date),
            task.created_at,
            &task.id,
        )
    });
    let mut depends_on = dependencies::live_predecessors(conn, condition, params.as_slice())?;
    for task in &mut tasks {
        if let Some(ids) = depends_on.remove(&task.id) {
            task.depends_on = ids;
        }
    }
    Ok(tasks)
}

/// The position of each of `phases`, by id.
fn positions_of(phases: &[PlanPhase]) -> HashMap<String, i64> {
    phases
        .iter()
        .map(|phase| (phase.id.clone(), phase.position))
        .collect()
}

/// Reads a row of [`SELECT`] by position: a plan is read thousands of rows at a time.
fn from_row(row: &Row<'_>) -> rusqlite::Result<Task> {
    let kind: String = row.get(5)?;
    let status: String = row.get(10)?;
    Ok(Task {
        id: row.get(0)?,
        rollout_id: row.get(1)?,
        phase_id: row.get(2)?,
        phase_name: row.get(3)?,
        title: row.get(4)?,
        kind: kind.parse().map_err(|_| rows::unreadable("kind"))?,
        owner_id: row.get(6)?,
        owner_name: row.get(7)?,
        start_date: rows::date(row, (8, "start_date"))?,
        due_date: rows::date(row, (9, "due_date"))?,
        status: status.parse().map_err(|_| rows::unreadable("status"))?,
        notes: row.get(11)?,
        depends_on: Vec::new(),
        created_at: rows::required_timestamp(row, (12, "created_at"))?,
        updated_at: rows::required_timestamp(row, (13, "updated_at"))?,
        deleted_at: rows::timestamp(row, (14, "deleted_at"))?,
        row_version: row.get(15)?,
        number: row.get(16)?,
        percent_complete: row.get(17)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::validate::ValidTask;
    use crate::plan::{TaskDraft, TaskKind, TaskStatus};
    use crate::rollouts::RolloutDraft;
    use crate::Store;

    /// One store-level update, tried inside a write.
    type Attempt<'a> = &'a dyn Fn(&Transaction<'_>) -> Result<()>;

    #[test]
    fn an_update_at_a_stale_version_is_refused_by_the_sql_and_changes_nothing() {
        let store = Store::open_in_memory().expect("store");
        let rollout = store
            .create_rollout(&RolloutDraft {
                name: "EHR go-live".into(),
                ..RolloutDraft::default()
            })
            .expect("rollout");
        let before = store
            .create_task(
                &rollout.id,
                &TaskDraft {
                    title: "Build interfaces".into(),
                    ..TaskDraft::default()
                },
            )
            .expect("task");
        let valid = ValidTask {
            title: "Renamed".into(),
            phase_id: None,
            kind: TaskKind::Task,
            owner_id: None,
            start_date: None,
            due_date: None,
            status: TaskStatus::Done,
            percent_complete: 100,
            notes: String::new(),
        };
        let stale = (
            before.id.as_str(),
            before.row_version + 1,
            "Build interfaces",
        );
        let at = "2027-01-01T00:00:00Z";
        let day = NaiveDate::from_ymd_opt(2027, 1, 4);
        let attempts: [Attempt<'_>; 3] = [
            &|tx| update(tx, stale, &valid, at),
            &|tx| update_dates(tx, stale, (day, day), at),
            &|tx| touch(tx, stale, at),
        ];
        for attempt in attempts {
            let error = store.write(|tx| attempt(tx)).expect_err("a stale version");
            assert_eq!(error.code(), "conflict", "a stale version is a conflict");
        }
        assert_eq!(
            store.get_task(&before.id).expect("task"),
            before,
            "a refused update leaves the task as it was"
        );
    }
}
