//! Storing a plan's tasks and milestones. Each write and its audit entry share one
//! transaction; a task's dependencies live in `dependencies.rs`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, ToSql, Transaction};

use super::lookups::Lookups;
use super::validate::{validate, ValidTask};
use super::{Task, TaskDraft};
use crate::audit::{self, AuditAction, AuditEntry, ChangeSet, EntityKind};
use crate::store::{rows, trash};
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

/// The columns of a task, in the order [`from_row`] reads them.
const SELECT: &str = "SELECT t.id, t.rollout_id, t.phase_id, coalesce(ph.name, '') AS phase_name,
        t.title, t.kind, t.owner_id, coalesce(p.name, '') AS owner_name, t.start_date,
        t.due_date, t.status, t.notes, t.created_at, t.updated_at, t.deleted_at, t.row_version
    FROM plan_tasks t
    LEFT JOIN plan_phases ph ON ph.id = t.phase_id AND ph.deleted_at IS NULL
    LEFT JOIN people p ON p.id = t.owner_id";

impl Store {
    /// A rollout's live tasks and milestones, by phase then by date, each with the ids
    /// of the live tasks it depends on. Filtering and sorting are the UI's.
    pub fn list_tasks(&self, rollout_id: &str) -> Result<Vec<Task>> {
        self.read(|conn| list_live_tasks(conn, rollout_id))
    }

    /// One task, live or in the trash.
    pub fn get_task(&self, id: &str) -> Result<Task> {
        self.read(|conn| fetch(conn, id))
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
            fetch(tx, id)?;
            trash::set_trashed(tx, "plan_tasks", EntityKind::PlanTask, id, true).map(drop)
        })
    }

    pub fn restore_task(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            fetch(tx, id)?;
            trash::set_trashed(tx, "plan_tasks", EntityKind::PlanTask, id, false).map(drop)
        })
    }

    /// A rollout's tasks in the trash, most recently trashed first.
    pub fn list_trashed_tasks(&self, rollout_id: &str) -> Result<Vec<Task>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT} WHERE t.rollout_id = ?1 AND t.deleted_at IS NOT NULL
                 ORDER BY t.deleted_at DESC"
            ))?;
            let found = statement.query_map(params![rollout_id], from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// A task's history (edits, dependencies added and removed), newest first.
    pub fn task_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::PlanTask, id)
    }
}

/// Replaces a live task's editable fields inside a caller's transaction (see
/// [`Store::update_task`]).
pub(super) fn update_in(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    draft: &TaskDraft,
) -> Result<Task> {
    let current = fetch(tx, id)?;
    if current.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "'{}' is in the trash: restore it before editing.",
            current.title
        )));
    }
    if current.row_version != expected_row_version {
        return Err(CoreError::Conflict(format!(
            "'{}' was changed elsewhere; reload to see the latest.",
            current.title
        )));
    }
    let lookups = &mut Lookups::default();
    let valid = validate(tx, lookups, &current.rollout_id, draft)?;
    let mut changes = ChangeSet::default();
    describe_changes(tx, lookups, &mut changes, Some(&current), &valid)?;
    if changes.is_empty() {
        return Ok(current);
    }
    let at = timestamp_text(now());
    tx.execute(
        "UPDATE plan_tasks SET phase_id = ?1, title = ?2, kind = ?3, owner_id = ?4,
             start_date = ?5, due_date = ?6, status = ?7, notes = ?8, updated_at = ?9,
             row_version = row_version + 1
         WHERE id = ?10 AND row_version = ?11",
        params![
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
            expected_row_version
        ],
    )?;
    audit::record(
        tx,
        &at,
        EntityKind::PlanTask,
        id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    fetch(tx, id)
}

/// Validates and inserts a task inside a caller's transaction.
pub(crate) fn insert_task(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &TaskDraft,
) -> Result<Task> {
    let id = add_task(tx, &mut Lookups::default(), rollout_id, draft)?;
    fetch(tx, &id)
}

/// [`insert_task`] for a run of inserts into one plan: the run's `lookups` answer what
/// earlier rows already asked, and only the new task's id comes back.
pub(crate) fn add_task(
    tx: &Transaction<'_>,
    lookups: &mut Lookups,
    rollout_id: &str,
    draft: &TaskDraft,
) -> Result<String> {
    let task = add_unrecorded_task(tx, lookups, rollout_id, draft)?;
    let id = task.id.clone();
    task.record(tx, &[])?;
    Ok(id)
}

/// A task just written whose creation is not in the history yet: an import records it
/// once the task's dependencies are known too, as one entry — not one for the task and
/// then an edit for each task it waits for.
pub(crate) struct UnrecordedTask {
    pub id: String,
    /// As written, after the checks (trimmed).
    pub title: String,
    at: String,
    changes: ChangeSet,
}

impl UnrecordedTask {
    /// Records the task's creation, with the titles of the tasks it waits for.
    pub(crate) fn record(mut self, tx: &Transaction<'_>, waits_for: &[String]) -> Result<()> {
        self.changes.compare("depends_on", "", waits_for.join("; "));
        audit::record(
            tx,
            &self.at,
            EntityKind::PlanTask,
            &self.id,
            AuditAction::Create,
            &self.changes.into_changes(),
        )
    }
}

/// Validates and inserts a task, leaving its history entry to the caller (see
/// [`UnrecordedTask`]); the caller's transaction must record it before committing.
pub(crate) fn add_unrecorded_task(
    tx: &Transaction<'_>,
    lookups: &mut Lookups,
    rollout_id: &str,
    draft: &TaskDraft,
) -> Result<UnrecordedTask> {
    lookups.require_rollout(tx, rollout_id)?;
    let valid = validate(tx, lookups, rollout_id, draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.prepare_cached(
        "INSERT INTO plan_tasks (id, rollout_id, phase_id, title, kind, owner_id, start_date,
             due_date, status, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
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
        at
    ])?;
    let mut changes = ChangeSet::default();
    describe_changes(tx, lookups, &mut changes, None, &valid)?;
    Ok(UnrecordedTask {
        id,
        title: valid.title,
        at,
        changes,
    })
}

/// Notes what a write changes, with owners and phases by name so the history reads.
fn describe_changes(
    conn: &Connection,
    lookups: &mut Lookups,
    changes: &mut ChangeSet,
    old: Option<&Task>,
    new: &ValidTask,
) -> Result<()> {
    let date = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    changes.compare(
        "title",
        old.map(|t| t.title.clone()).unwrap_or_default(),
        new.title.as_str(),
    );
    changes.compare(
        "phase",
        lookups.phase_name(conn, old.and_then(|t| t.phase_id.as_deref()))?,
        lookups.phase_name(conn, new.phase_id.as_deref())?,
    );
    changes.compare(
        "kind",
        old.map(|t| t.kind.code()).unwrap_or(""),
        new.kind.code(),
    );
    changes.compare(
        "owner",
        lookups.owner_name(conn, old.and_then(|t| t.owner_id.as_deref()))?,
        lookups.owner_name(conn, new.owner_id.as_deref())?,
    );
    changes.compare(
        "start_date",
        date(old.and_then(|t| t.start_date)),
        date(new.start_date),
    );
    changes.compare(
        "due_date",
        date(old.and_then(|t| t.due_date)),
        date(new.due_date),
    );
    changes.compare(
        "status",
        old.map(|t| t.status.code()).unwrap_or(""),
        new.status.code(),
    );
    changes.compare(
        "notes",
        old.map(|t| t.notes.clone()).unwrap_or_default(),
        new.notes.as_str(),
    );
    Ok(())
}

/// A rollout's live tasks with their live dependencies, in plan order.
pub(crate) fn list_live_tasks(conn: &Connection, rollout_id: &str) -> Result<Vec<Task>> {
    live_tasks(conn, rollout_id, "", &[])
}

/// A rollout's live tasks that also meet `condition` (on the task `t`, with parameters
/// from `?2` on), with their live dependencies, in plan order.
pub(super) fn live_tasks(
    conn: &Connection,
    rollout_id: &str,
    condition: &str,
    more: &[&dyn ToSql],
) -> Result<Vec<Task>> {
    let params: Vec<&dyn ToSql> = std::iter::once(&rollout_id as &dyn ToSql)
        .chain(more.iter().copied())
        .collect();
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE t.rollout_id = ?1 AND t.deleted_at IS NULL {condition}
         ORDER BY ph.position IS NULL, ph.position,
                  coalesce(t.start_date, t.due_date) IS NULL, coalesce(t.start_date, t.due_date),
                  t.created_at, t.id"
    ))?;
    let mut tasks: Vec<Task> = statement
        .query_map(params.as_slice(), from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT d.task_id, d.depends_on_id FROM plan_dependencies d
         JOIN plan_tasks t ON t.id = d.task_id
         JOIN plan_tasks b ON b.id = d.depends_on_id
         WHERE t.rollout_id = ?1 AND t.deleted_at IS NULL AND b.deleted_at IS NULL {condition}
         ORDER BY coalesce(b.due_date, ''), b.id"
    ))?;
    let mut depends_on: HashMap<String, Vec<String>> = HashMap::new();
    for edge in statement.query_map(params.as_slice(), |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })? {
        let (task, predecessor) = edge?;
        depends_on.entry(task).or_default().push(predecessor);
    }
    for task in &mut tasks {
        if let Some(ids) = depends_on.remove(&task.id) {
            task.depends_on = ids;
        }
    }
    Ok(tasks)
}

pub(super) fn fetch(conn: &Connection, id: &str) -> Result<Task> {
    let mut task = rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE t.id = ?1"),
        id,
        "Task",
        from_row,
    )?;
    let mut statement = conn.prepare_cached(
        "SELECT d.depends_on_id FROM plan_dependencies d
         JOIN plan_tasks b ON b.id = d.depends_on_id
         WHERE d.task_id = ?1 AND b.deleted_at IS NULL
         ORDER BY coalesce(b.due_date, ''), b.id",
    )?;
    task.depends_on = statement
        .query_map(params![id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(task)
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
    })
}
