//! Taking a step back (undo) or forward again (redo): the step's statements run newest
//! first while the triggers record the step that would take it back again.

use rusqlite::{params, OptionalExtension, Transaction};

use super::{close_step, forget, open_step, Stack};
use crate::audit::{AuditAction, EntityKind, FieldChange};
use crate::time::{now, timestamp_text};
use crate::CoreError;

/// Why a step was not reversed.
pub(crate) enum Refused {
    /// A row the step changed has been changed since by something the undo list did not
    /// see (a teammate's pulled change, the command line).
    Stale {
        step: i64,
        message: String,
    },
    Other(CoreError),
}

impl From<CoreError> for Refused {
    fn from(error: CoreError) -> Self {
        Self::Other(error)
    }
}

impl From<rusqlite::Error> for Refused {
    fn from(error: rusqlite::Error) -> Self {
        Self::Other(error.into())
    }
}

/// One recorded row change.
struct Change {
    table: String,
    kind: String,
    target: String,
    version: Option<i64>,
    inverse: Option<String>,
}

impl Change {
    /// The statement that puts the row back.
    fn statement(&self) -> String {
        let table = super::triggers::quoted(&self.table);
        let inverse = self.inverse.as_deref().unwrap_or_default();
        match self.kind.as_str() {
            "i" => format!("DELETE FROM {table} WHERE {}", self.target),
            "u" => format!("UPDATE {table} SET {inverse} WHERE {}", self.target),
            _ => inverse.to_owned(),
        }
    }

    /// Whether the row stands as the step left it: there at the version it wrote, or
    /// (after a deletion) still gone.
    fn still_as_left(&self, tx: &Transaction<'_>) -> rusqlite::Result<bool> {
        let table = super::triggers::quoted(&self.table);
        if self.kind == "d" {
            let sql = format!("SELECT 1 FROM {table} WHERE {}", self.target);
            return Ok(tx.query_row(&sql, [], |_| Ok(())).optional()?.is_none());
        }
        match self.version {
            Some(version) => {
                let sql = format!("SELECT row_version FROM {table} WHERE {}", self.target);
                let found: Option<i64> = tx.query_row(&sql, [], |row| row.get(0)).optional()?;
                Ok(found == Some(version))
            }
            None => {
                let sql = format!("SELECT 1 FROM {table} WHERE {}", self.target);
                Ok(tx.query_row(&sql, [], |_| Ok(())).optional()?.is_some())
            }
        }
    }
}

/// Reverses the newest step of `from` in `tx`; its label.
pub(crate) fn reverse(tx: &Transaction<'_>, from: Stack) -> Result<String, Refused> {
    let newest: Option<(i64, String, [i64; 4])> = tx
        .prepare_cached(
            "SELECT id, label, audit_from, audit_to, log_from, log_to FROM undo_steps
             WHERE stack = ?1 AND label != '' ORDER BY id DESC LIMIT 1",
        )?
        .query_row([from.code()], |row| {
            Ok((
                row.get("id")?,
                row.get("label")?,
                [
                    row.get("audit_from")?,
                    row.get("audit_to")?,
                    row.get("log_from")?,
                    row.get("log_to")?,
                ],
            ))
        })
        .optional()?;
    let Some((step, label, [audit_from, audit_to, log_from, log_to])) = newest else {
        let nothing = match from {
            Stack::Undo => "There is nothing to undo.",
            Stack::Redo => "There is nothing to redo.",
        };
        return Err(CoreError::invalid("undo", nothing).into());
    };
    let changes: Vec<Change> = tx
        .prepare_cached(
            "SELECT table_name, kind, target, version, inverse FROM undo_log
             WHERE n > ?1 AND n <= ?2 ORDER BY n DESC",
        )?
        .query_map([log_from, log_to], |row| {
            Ok(Change {
                table: row.get("table_name")?,
                kind: row.get("kind")?,
                target: row.get("target")?,
                version: row.get("version")?,
                inverse: row.get("inverse")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    open_step(tx, from.other(), &label)?;
    // Rows come back newest first, so a parent may return after a child it had: the
    // keys are checked once the whole step is back, at commit.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let mut library_changed = false;
    for change in &changes {
        if !change.still_as_left(tx)? {
            return Err(Refused::Stale {
                step,
                message: stale(from, &label, &change.table),
            });
        }
        tx.execute(&change.statement(), [])?;
        library_changed |= change.table.starts_with("sop");
    }
    mirror(tx, audit_from, audit_to, from)?;
    close_step(tx)?;
    forget(tx, "id = ?1", [step])?;
    if library_changed {
        // The SOP library's full-text index is written by the core, not by triggers.
        crate::sops::rebuild_search_index(tx)?;
    }
    Ok(label)
}

/// Why a step whose rows changed since cannot be reversed, in words.
fn stale(from: Stack, label: &str, table: &str) -> String {
    let what = EntityKind::of_table(table)
        .map(|kind| format!("a {} it changed", kind.code().replace('_', " ")))
        .unwrap_or_else(|| "something it changed".to_owned());
    let (verb, done) = match from {
        Stack::Undo => ("undone", "Undoing"),
        Stack::Redo => ("redone", "Redoing"),
    };
    format!(
        "“{label}” can no longer be {verb}: {what} has been changed since, by a teammate \
         or another program, and {} it would overwrite that change. Nothing was changed; \
         it has been taken off the list.",
        done.to_lowercase()
    )
}

/// Writes, for each audit entry of the reversed step (newest first), the entry of its
/// reversal: the opposite action, the fields from new back to old, marked undone or
/// redone.
fn mirror(tx: &Transaction<'_>, from: i64, to: i64, stack: Stack) -> Result<(), Refused> {
    let entries: Vec<(String, String, String, String)> = tx
        .prepare_cached(
            "SELECT entity_type, entity_id, action, changes FROM audit_log
             WHERE seq > ?1 AND seq <= ?2 ORDER BY seq DESC",
        )?
        .query_map([from, to], |row| {
            Ok((
                row.get("entity_type")?,
                row.get("entity_id")?,
                row.get("action")?,
                row.get("changes")?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let at = timestamp_text(now());
    let reversal = match stack {
        Stack::Undo => "undone",
        Stack::Redo => "redone",
    };
    let mut insert = tx.prepare_cached(
        "INSERT INTO audit_log (at, entity_type, entity_id, action, changes, reversal)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (entity_type, entity_id, action, changes) in entries {
        let opposite = match AuditAction::from_code(&action) {
            Some(AuditAction::Create) => AuditAction::Purge,
            Some(AuditAction::Purge) => AuditAction::Create,
            Some(AuditAction::Trash) => AuditAction::Restore,
            Some(AuditAction::Restore) => AuditAction::Trash,
            Some(AuditAction::Update) | None => AuditAction::Update,
        };
        let swapped: Vec<FieldChange> = serde_json::from_str::<Vec<FieldChange>>(&changes)
            .unwrap_or_default()
            .into_iter()
            .map(|c| FieldChange {
                field: c.field,
                old: c.new,
                new: c.old,
            })
            .collect();
        let swapped = serde_json::to_string(&swapped)
            .map_err(|e| CoreError::Database(format!("cannot encode audit changes: {e}")))?;
        insert.execute(params![
            at,
            entity_type,
            entity_id,
            opposite.code(),
            swapped,
            reversal
        ])?;
    }
    Ok(())
}
