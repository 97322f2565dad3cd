//! The core's audit log, for changes pulled from the team: each is recorded like a
//! change made here, with its author's name, so a record's History shows who of the
//! team changed what and when. Written by this crate because the change itself is
//! written here, and the entry must go in the same transaction as the change (a crash
//! never leaves one without the other); the table and its spelling are the core's.

use rollplan_core::audit::{stored_text, AuditAction, EntityKind, FieldChange};
use rusqlite::{params, Connection};
use serde_json::{Map, Value};

use crate::{Result, TeamError};

/// Columns a pulled change's history leaves out: when a row was created is not a
/// change of content, and its trash state is told by the entry's action.
const UNTOLD: &[&str] = &["id", "created_at", "deleted_at"];

/// What a pulled change did to a row, as its History tells it.
pub(crate) enum Pulled<'a> {
    /// The row was not here: it was created with these fields.
    Created(&'a Map<String, Value>),
    /// The row was here with `before`'s values; `after` were written over them.
    Changed {
        before: &'a Map<String, Value>,
        after: &'a Map<String, Value>,
    },
    /// The row was deleted for good.
    Purged,
}

/// Records a pulled change of row `row_id` of `table`, made by `by` (a name) at `at`.
/// A table that holds no entity of its own (links, lists) has no History to show it.
pub(crate) fn record_pulled(
    conn: &Connection,
    table: &str,
    row_id: &str,
    change: Pulled<'_>,
    by: &str,
    at: &str,
) -> Result<()> {
    let Some(kind) = EntityKind::of_table(table) else {
        return Ok(());
    };
    let Some(entity_id) = single_key(row_id) else {
        return Ok(());
    };
    match change {
        Pulled::Created(fields) => {
            let changes = fields
                .iter()
                .filter(|(field, _)| !UNTOLD.contains(&field.as_str()))
                .filter_map(|(field, value)| {
                    stored_text(field, value).map(|new| FieldChange {
                        field: field.clone(),
                        old: None,
                        new: Some(new),
                    })
                })
                .collect::<Vec<_>>();
            insert(
                conn,
                at,
                kind,
                &entity_id,
                AuditAction::Create,
                &changes,
                by,
            )
        }
        Pulled::Purged => insert(conn, at, kind, &entity_id, AuditAction::Purge, &[], by),
        Pulled::Changed { before, after } => {
            let old = |field: &str| before.get(field).and_then(|v| stored_text(field, v));
            if let Some(deleted) = after.get("deleted_at") {
                let was = before.get("deleted_at").is_some_and(|v| !v.is_null());
                let is = !deleted.is_null();
                if was != is {
                    let action = if is {
                        AuditAction::Trash
                    } else {
                        AuditAction::Restore
                    };
                    insert(conn, at, kind, &entity_id, action, &[], by)?;
                }
            }
            let changes = after
                .iter()
                .filter(|(field, _)| !UNTOLD.contains(&field.as_str()))
                .filter_map(|(field, value)| {
                    let (old, new) = (old(field), stored_text(field, value));
                    (old != new).then(|| FieldChange {
                        field: field.clone(),
                        old,
                        new,
                    })
                })
                .collect::<Vec<_>>();
            if changes.is_empty() {
                return Ok(());
            }
            insert(
                conn,
                at,
                kind,
                &entity_id,
                AuditAction::Update,
                &changes,
                by,
            )
        }
    }
}

fn insert(
    conn: &Connection,
    at: &str,
    kind: EntityKind,
    entity_id: &str,
    action: AuditAction,
    changes: &[FieldChange],
    by: &str,
) -> Result<()> {
    let changes = serde_json::to_string(changes)
        .map_err(|e| TeamError::Protocol(format!("a change could not be recorded: {e}")))?;
    conn.prepare_cached(
        "INSERT INTO audit_log (at, entity_type, entity_id, action, changes, author)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        at,
        kind.code(),
        entity_id,
        action.code(),
        changes,
        by
    ])?;
    Ok(())
}

/// The id of an entity's row: its key's one value (row ids are JSON arrays of the key).
fn single_key(row_id: &str) -> Option<String> {
    match serde_json::from_str::<Vec<Value>>(row_id).ok()?.as_slice() {
        [Value::String(id)] => Some(id.clone()),
        _ => None,
    }
}
