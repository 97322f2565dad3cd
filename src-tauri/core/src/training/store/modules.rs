//! The `training_modules` table: the courses, sessions and tip sheets people complete.

use std::collections::HashMap;

use rusqlite::{params, Connection, Row, Transaction};

use super::super::{ModuleDraft, TrainingFormat, TrainingModule};
use crate::audit::EntityKind;
use crate::store::editable::one_row_updated;
use crate::store::{rows, trash};
use crate::Result;

const COLUMNS: &str = "id, title, format, duration_minutes, description, row_version, deleted_at";

/// Modules not in the trash, by title.
pub(crate) fn list_live(conn: &Connection) -> Result<Vec<TrainingModule>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM training_modules WHERE deleted_at IS NULL
         ORDER BY title COLLATE NOCASE"
    ))?;
    let modules = statement.query_map([], from_row)?;
    Ok(modules.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The title of every module not in the trash, by id.
pub(crate) fn live_titles(conn: &Connection) -> Result<HashMap<String, String>> {
    Ok(conn
        .prepare_cached("SELECT id, title FROM training_modules WHERE deleted_at IS NULL")?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// A module, live or in the trash, and whether it is in the trash.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<(TrainingModule, bool)> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM training_modules WHERE id = ?1"),
        id,
        "Training module",
        |row| {
            Ok((
                from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )
}

/// Inserts a checked module as `id`, created at `at`.
pub(crate) fn insert(tx: &Transaction<'_>, id: &str, draft: &ModuleDraft, at: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO training_modules (id, title, format, duration_minutes, description,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![
        id,
        draft.title.trim(),
        draft.format.code(),
        draft.duration_minutes,
        draft.description,
        at
    ])?;
    Ok(())
}

/// Writes a checked draft over the module `id` as edited at `expected_row_version`; a
/// row that has moved past that version is left alone and the edit refused as a
/// conflict naming `label`.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    draft: &ModuleDraft,
    at: &str,
    label: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE training_modules SET title = ?1, format = ?2, duration_minutes = ?3,
                 description = ?4, updated_at = ?5, row_version = row_version + 1
             WHERE id = ?6 AND row_version = ?7",
        )?
        .execute(params![
            draft.title.trim(),
            draft.format.code(),
            draft.duration_minutes,
            draft.description,
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, label)
}

/// Moves a module to the trash (`true`) or back with its audit entry; false when it
/// already was there.
pub(crate) fn set_trashed(tx: &Transaction<'_>, id: &str, trashed: bool) -> Result<bool> {
    trash::set_trashed(
        tx,
        "training_modules",
        EntityKind::TrainingModule,
        id,
        trashed,
    )
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<TrainingModule> {
    let format: String = row.get("format")?;
    Ok(TrainingModule {
        id: row.get("id")?,
        title: row.get("title")?,
        format: format
            .parse::<TrainingFormat>()
            .map_err(|_| rows::unreadable("format"))?,
        duration_minutes: row.get("duration_minutes")?,
        description: row.get("description")?,
        row_version: row.get("row_version")?,
    })
}
