//! Moving rows to the trash and back. Nothing in Rollplan vanishes in one step: a
//! trashed row keeps its data (and its history) until restored or purged.

use rusqlite::{params, Transaction};

use crate::audit::{self, AuditAction, EntityKind};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result};

/// Sets or clears `deleted_at` on the row `id` of `table` and records it in the audit
/// log; returns false (and records nothing) when it was already in that state.
pub(crate) fn set_trashed(
    tx: &Transaction<'_>,
    table: &'static str,
    entity: EntityKind,
    id: &str,
    trashed: bool,
) -> Result<bool> {
    let at = timestamp_text(now());
    let changed = tx.execute(
        &format!(
            "UPDATE {table} SET deleted_at = ?1, updated_at = ?2, row_version = row_version + 1
             WHERE id = ?3 AND (deleted_at IS NULL) = ?4"
        ),
        params![trashed.then_some(&at), at, id, trashed],
    )?;
    if changed > 0 {
        let action = if trashed {
            AuditAction::Trash
        } else {
            AuditAction::Restore
        };
        audit::record(tx, &at, entity, id, action, &[])?;
    }
    Ok(changed > 0)
}

/// Moves the row `id` of `table` to the trash or back, with its audit entry; a row that
/// does not exist is [`CoreError::NotFound`] as `entity`.
pub(crate) fn trash_or_restore(
    tx: &Transaction<'_>,
    table: &'static str,
    kind: EntityKind,
    entity: &'static str,
    id: &str,
    trashed: bool,
) -> Result<()> {
    let exists: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        params![id],
        |row| row.get(0),
    )?;
    if !exists {
        return Err(CoreError::NotFound {
            entity,
            id: id.to_owned(),
        });
    }
    set_trashed(tx, table, kind, id, trashed).map(drop)
}
