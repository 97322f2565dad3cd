//! The `training_records` table: each person's record per module. Besides reading and
//! writing one record, it answers the passes over many that the matrix, the due lists
//! and the trained % make — by position and borrowed text, as they read tens of
//! thousands of rows.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::super::records::ValidRecord;
use super::super::{RecordStatus, TrainingRecord};
use super::requirements::{APPLIES_TO_PERSON, NEEDS};
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::time::date_text;
use crate::{CoreError, Result};

/// A record with its module's title, which names it in a conflict.
const SELECT: &str = "SELECT t.id, t.person_id, t.module_id, t.status, t.completed_on,
        t.verified_by, t.score, t.waived_reason, t.row_version, m.title AS module_title
    FROM training_records t JOIN training_modules m ON m.id = t.module_id";

/// Where one record stands, as the matrix and the due lists show it.
#[derive(Debug)]
pub(crate) struct RecordState {
    pub id: String,
    pub status: RecordStatus,
    pub completed_on: Option<NaiveDate>,
    pub row_version: i64,
}

/// A record by id, with its module's title.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<(TrainingRecord, String)> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE t.id = ?1"),
        id,
        "Training record",
        with_title,
    )
}

/// A person's record of a module, with the module's title, if they have one.
pub(crate) fn find(
    conn: &Connection,
    person_id: &str,
    module_id: &str,
) -> Result<Option<(TrainingRecord, String)>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE t.person_id = ?1 AND t.module_id = ?2"
        ))?
        .query_row(params![person_id, module_id], with_title)
        .optional()?)
}

/// Inserts an assigned record `id` of a module for a person, created at `at`; a person
/// or module that does not exist is reported against the list of people.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    person_id: &str,
    module_id: &str,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO training_records (id, person_id, module_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
    )?
    .execute(params![id, person_id, module_id, at])
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(failure, _)
            if failure.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            CoreError::invalid(
                "person_ids",
                "A person or module in the list no longer exists.",
            )
        }
        other => other.into(),
    })?;
    Ok(())
}

/// Writes a checked record over `id` as edited at `expected_row_version`; a row that
/// has moved past that version is left alone and the edit refused as a conflict
/// naming `label`.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    valid: &ValidRecord,
    at: &str,
    label: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE training_records SET status = ?1, completed_on = ?2, verified_by = ?3,
                 score = ?4, waived_reason = ?5, updated_at = ?6, row_version = row_version + 1
             WHERE id = ?7 AND row_version = ?8",
        )?
        .execute(params![
            valid.status.code(),
            valid.completed_on.map(date_text),
            valid.verified_by,
            valid.score,
            valid.waived_reason,
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, label)
}

/// Every (person, module) that a live requirement asks of a trainee (never an external
/// person) who has no record of it yet, by person then module.
pub(crate) fn missing(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT DISTINCT p.id, q.module_id
         FROM training_requirements q
         JOIN rollouts o ON o.id = q.rollout_id AND o.deleted_at IS NULL
         JOIN training_modules m ON m.id = q.module_id AND m.deleted_at IS NULL
         JOIN trainees p ON p.role_id = q.role_id
         WHERE q.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM training_records t
                           WHERE t.person_id = p.id AND t.module_id = q.module_id)
           AND {APPLIES_TO_PERSON}
         ORDER BY p.id, q.module_id"
    ))?;
    let pairs = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(pairs.collect::<rusqlite::Result<_>>()?)
}

/// The people holding a record of each of `module_ids`, done (completed or waived) or
/// not as `done` says, as (module's index in `module_ids`, person id as bytes). Each
/// module's records are a range of training_records_by_module and the query says which
/// statuses, so no status is read (the status CHECK admits only these four); the id is
/// borrowed as bytes, unchecked, as it is only matched against ids already read.
pub(super) fn each_holder(
    conn: &Connection,
    module_ids: &[String],
    done: bool,
    mut visit: impl FnMut(usize, &[u8]),
) -> Result<()> {
    let mut statement = conn.prepare_cached(if done {
        "SELECT person_id FROM training_records
         WHERE module_id = ?1 AND status IN ('completed', 'waived')"
    } else {
        "SELECT person_id FROM training_records
         WHERE module_id = ?1 AND status IN ('assigned', 'in_progress')"
    })?;
    for (module, module_id) in module_ids.iter().enumerate() {
        let mut found = statement.query(params![module_id])?;
        while let Some(row) = found.next()? {
            visit(module, rows::bytes(row, (0, "person_id"))?);
        }
    }
    Ok(())
}

/// When each person finished each module they have done, by (person, module): a waived
/// module counts as done from the start, a completion without a date likewise.
pub(super) fn done_dates(conn: &Connection) -> Result<HashMap<(String, String), NaiveDate>> {
    let mut done = HashMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT person_id, module_id, status, completed_on FROM training_records
         WHERE status IN ('completed', 'waived')",
    )?;
    let mut found = statement.query([])?;
    while let Some(row) = found.next()? {
        let status: String = row.get("status")?;
        let on = match status.as_str() {
            "waived" => NaiveDate::MIN,
            _ => rows::date(row, "completed_on")?.unwrap_or(NaiveDate::MIN),
        };
        done.insert((row.get("person_id")?, row.get("module_id")?), on);
    }
    Ok(done)
}

/// The records of the given people (read from training_records_by_person), each where
/// `place` puts it — `place(person id, module id)`, `None` for a record not wanted —
/// with its state. By position, as a page of the matrix holds thousands of records.
pub(crate) fn of_people<T>(
    conn: &Connection,
    person_ids: &[String],
    place: impl Fn(&str, &str) -> Option<T>,
) -> Result<Vec<(T, RecordState)>> {
    if person_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = vec!["?"; person_ids.len()].join(", ");
    let mut statement = conn.prepare(&format!(
        "SELECT person_id, module_id, id, status, completed_on, row_version
         FROM training_records WHERE person_id IN ({placeholders})"
    ))?;
    let found = statement.query(rusqlite::params_from_iter(person_ids))?;
    placed(found, |row| {
        Ok(place(
            rows::text(row, (0, "person_id"))?,
            rows::text(row, (1, "module_id"))?,
        ))
    })
}

/// The records not done of the modules that a requirement in view wants done by `?2`
/// (`?1`: one rollout, or NULL for every live one). Ranges of training_records_open,
/// which holds every column read here: no row of the table is read.
pub(super) fn open_due_by_sql() -> String {
    format!(
        "SELECT t.person_id, t.module_id, t.id, t.status, t.completed_on, t.row_version
         FROM training_records t
         WHERE t.module_id IN (SELECT q.module_id FROM ({NEEDS}) q WHERE q.due_date <= ?2)
           AND t.status IN ('assigned', 'in_progress')"
    )
}

/// The records not done (assigned or in progress) of the modules that a requirement in
/// view (one rollout's, or every live rollout's for `None`) wants done by `horizon`,
/// each where `place` puts it — `place(person id as bytes, module id)` — with its state.
/// Matched to people and due dates by the caller rather than joined row by row.
pub(crate) fn open_due_by<T>(
    conn: &Connection,
    rollout_id: Option<&str>,
    horizon: NaiveDate,
    place: impl Fn(&[u8], &str) -> Option<T>,
) -> Result<Vec<(T, RecordState)>> {
    let mut statement = conn.prepare_cached(&open_due_by_sql())?;
    let found = statement.query(params![rollout_id, date_text(horizon)])?;
    placed(found, |row| {
        Ok(place(
            rows::bytes(row, (0, "person_id"))?,
            rows::text(row, (1, "module_id"))?,
        ))
    })
}

/// Rows of (person, module, id, status, completed_on, row_version) that `place` wants.
fn placed<T>(
    mut found: rusqlite::Rows<'_>,
    place: impl Fn(&Row<'_>) -> rusqlite::Result<Option<T>>,
) -> Result<Vec<(T, RecordState)>> {
    let mut placed = Vec::new();
    while let Some(row) = found.next()? {
        let Some(at) = place(row)? else {
            continue;
        };
        let status = RecordStatus::from_code(rows::text(row, (3, "status"))?)
            .ok_or_else(|| rows::unreadable("status"))?;
        placed.push((
            at,
            RecordState {
                id: row.get(2)?,
                status,
                completed_on: rows::date(row, (4, "completed_on"))?,
                row_version: row.get(5)?,
            },
        ));
    }
    Ok(placed)
}

fn with_title(row: &Row<'_>) -> rusqlite::Result<(TrainingRecord, String)> {
    Ok((from_row(row)?, row.get("module_title")?))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<TrainingRecord> {
    let status: String = row.get("status")?;
    Ok(TrainingRecord {
        id: row.get("id")?,
        person_id: row.get("person_id")?,
        module_id: row.get("module_id")?,
        status: status
            .parse::<RecordStatus>()
            .map_err(|_| rows::unreadable("status"))?,
        completed_on: rows::date(row, "completed_on")?,
        verified_by: row.get("verified_by")?,
        score: row.get("score")?,
        waived_reason: row.get("waived_reason")?,
        row_version: row.get("row_version")?,
    })
}

/// One module required of a person, as [`of_person_due`] reads it beside the record.
#[derive(Debug)]
pub(crate) struct PersonDue {
    pub person_id: String,
    pub person_name: String,
    pub role_name: Option<String>,
    pub module_id: String,
    pub module_title: String,
    /// The earliest due date among the live rollouts requiring it of the person's role.
    pub due_date: NaiveDate,
}

/// Everything the live rollouts require of an active person, with their record of it:
/// soonest first, then by module title.
pub(crate) fn of_person_due(
    conn: &Connection,
    person_id: &str,
) -> Result<Vec<(PersonDue, RecordState)>> {
    // `due`: the modules the requirements in view ask of this person (their role, at
    // their site), each with its earliest due date.
    let mut statement = conn.prepare_cached(&format!(
        "WITH due AS MATERIALIZED (
             SELECT q.module_id, min(q.due_date) AS due_date
             FROM trainees p
             JOIN training_requirements q ON q.role_id = p.role_id AND q.deleted_at IS NULL
             JOIN rollouts o ON o.id = q.rollout_id AND o.deleted_at IS NULL
             JOIN training_modules m ON m.id = q.module_id AND m.deleted_at IS NULL
             WHERE p.id = ?1 AND {APPLIES_TO_PERSON}
             GROUP BY q.module_id)
         SELECT t.id AS record_id, p.id AS person_id, p.name AS person_name,
             r.name AS role_name, m.id AS module_id, m.title AS module_title, t.status,
             due.due_date, t.completed_on, t.row_version
         FROM trainees p
         JOIN due
         JOIN training_records t ON t.person_id = p.id AND t.module_id = due.module_id
         JOIN training_modules m ON m.id = due.module_id
         LEFT JOIN roles r ON r.id = p.role_id
         WHERE p.id = ?1
         ORDER BY due.due_date, p.name COLLATE NOCASE, m.title COLLATE NOCASE"
    ))?;
    let found = statement.query_map(params![person_id], |row| {
        let status: String = row.get("status")?;
        Ok((
            PersonDue {
                person_id: row.get("person_id")?,
                person_name: row.get("person_name")?,
                role_name: row.get("role_name")?,
                module_id: row.get("module_id")?,
                module_title: row.get("module_title")?,
                due_date: rows::date(row, "due_date")?
                    .ok_or_else(|| rows::unreadable("due_date"))?,
            },
            RecordState {
                id: row.get("record_id")?,
                status: status
                    .parse::<RecordStatus>()
                    .map_err(|_| rows::unreadable("status"))?,
                completed_on: rows::date(row, "completed_on")?,
                row_version: row.get("row_version")?,
            },
        ))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}
