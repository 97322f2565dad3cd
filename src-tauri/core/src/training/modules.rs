//! Training modules: the courses, sessions and tip sheets people complete.

use rusqlite::{params, Connection, Row};

use super::{ModuleDraft, TrainingFormat, TrainingModule};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::{rows, trash};
use crate::time::{now, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

const MAX_DURATION_MINUTES: i64 = 7 * 24 * 60;

impl Store {
    /// Modules not in the trash, by title.
    pub fn list_training_modules(&self) -> Result<Vec<TrainingModule>> {
        self.read(live_modules)
    }

    pub fn create_training_module(&self, draft: &ModuleDraft) -> Result<TrainingModule> {
        self.write(|tx| insert_module(tx, draft))
    }

    /// Edits a module; refused if it changed since `expected_row_version`.
    pub fn update_training_module(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &ModuleDraft,
    ) -> Result<TrainingModule> {
        validate(draft)?;
        self.write(|tx| {
            let current = fetch_module(tx, id)?;
            if current.row_version != expected_row_version {
                return Err(CoreError::Conflict(format!(
                    "'{}' was changed elsewhere; reload to see the latest.",
                    current.title
                )));
            }
            let mut changes = ChangeSet::default();
            changes.compare("title", current.title.as_str(), draft.title.trim());
            changes.compare("format", current.format.code(), draft.format.code());
            changes.compare(
                "duration_minutes",
                current.duration_minutes.to_string(),
                draft.duration_minutes.to_string(),
            );
            changes.compare(
                "description",
                current.description.as_str(),
                draft.description.as_str(),
            );
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            tx.execute(
                "UPDATE training_modules SET title = ?1, format = ?2, duration_minutes = ?3,
                     description = ?4, updated_at = ?5, row_version = row_version + 1
                 WHERE id = ?6",
                params![
                    draft.title.trim(),
                    draft.format.code(),
                    draft.duration_minutes,
                    draft.description,
                    at,
                    id
                ],
            )?;
            audit::record(
                tx,
                &at,
                EntityKind::TrainingModule,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            fetch_module(tx, id)
        })
    }
}

/// Modules not in the trash, by title.
pub(super) fn live_modules(conn: &Connection) -> Result<Vec<TrainingModule>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, title, format, duration_minutes, description, row_version
         FROM training_modules WHERE deleted_at IS NULL ORDER BY title COLLATE NOCASE",
    )?;
    let modules = statement.query_map([], module_from_row)?;
    Ok(modules.collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Store {
    /// Moves a module to the trash: it leaves the catalogue and the matrix, and its
    /// requirements stop assigning it. Records people earned stay.
    pub fn trash_training_module(&self, id: &str) -> Result<TrainingModule> {
        self.set_module_trashed(id, true)
    }

    pub fn restore_training_module(&self, id: &str) -> Result<TrainingModule> {
        self.set_module_trashed(id, false)
    }

    fn set_module_trashed(&self, id: &str, trashed: bool) -> Result<TrainingModule> {
        self.write(|tx| {
            let module = fetch_module(tx, id)?;
            let changed = trash::set_trashed(
                tx,
                "training_modules",
                EntityKind::TrainingModule,
                id,
                trashed,
            )?;
            if changed && !trashed {
                super::assign_missing_records(tx)?;
            }
            Ok(module)
        })
    }
}

fn validate(draft: &ModuleDraft) -> Result<()> {
    let mut errors = Vec::new();
    if draft.title.trim().is_empty() {
        errors.push(FieldError::new("title", "Give the module a title."));
    }
    if !(0..=MAX_DURATION_MINUTES).contains(&draft.duration_minutes) {
        errors.push(FieldError::new(
            "duration_minutes",
            "The duration is in minutes, between 0 and a week.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Validation(errors))
    }
}

/// Validates and inserts a module inside a caller's transaction.
pub(crate) fn insert_module(
    tx: &rusqlite::Transaction<'_>,
    draft: &ModuleDraft,
) -> Result<TrainingModule> {
    validate(draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO training_modules (id, title, format, duration_minutes, description, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, draft.title.trim(), draft.format.code(), draft.duration_minutes, draft.description, at],
    )?;
    let mut changes = ChangeSet::default();
    changes.compare("title", "", draft.title.trim());
    changes.compare("format", "", draft.format.code());
    audit::record(
        tx,
        &at,
        EntityKind::TrainingModule,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    fetch_module(tx, &id)
}

pub(super) fn fetch_module(conn: &Connection, id: &str) -> Result<TrainingModule> {
    rows::fetch_by_id(
        conn,
        "SELECT id, title, format, duration_minutes, description, row_version
         FROM training_modules WHERE id = ?1",
        id,
        "Training module",
        module_from_row,
    )
}

pub(super) fn module_from_row(row: &Row<'_>) -> rusqlite::Result<TrainingModule> {
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
