//! Reading the audit log: one entity's history, newest first, a page at a time; and the
//! entries about many entities since an instant, for rebuilding how they stood then (the
//! readiness trend, the weekly status).

use std::borrow::Cow;

use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{AuditAction, AuditEntry, EntityKind, FieldChange, Reversal};
use crate::{CoreError, Result, Store};

/// The newest part of one entity's history, and how long the whole is. A record saved
/// as it is typed gathers an entry for every pause, so a year-old rollout's history
/// runs to thousands: a screen shows the newest and asks for the rest when wanted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryPage {
    /// Newest first.
    pub entries: Vec<AuditEntry>,
    /// How many entries the whole history holds.
    pub total: u32,
}

impl Store {
    /// The history of one entity, newest first.
    pub fn history(&self, entity: EntityKind, entity_id: &str) -> Result<Vec<AuditEntry>> {
        self.read(|conn| entity_history(conn, entity, entity_id, None))
    }

    /// The newest `newest` entries of one entity's history (all of them for None) and
    /// the whole history's length, read together.
    pub fn history_page(
        &self,
        entity: EntityKind,
        entity_id: &str,
        newest: Option<u32>,
    ) -> Result<HistoryPage> {
        self.read(|conn| {
            let entries = entity_history(conn, entity, entity_id, newest)?;
            let total = match newest {
                Some(limit) if entries.len() >= limit as usize => conn
                    .prepare_cached(
                        "SELECT count(*) FROM audit_log WHERE entity_type = ?1 AND entity_id = ?2",
                    )?
                    .query_row(params![entity.code(), entity_id], |row| row.get(0))?,
                _ => entries.len() as u32,
            };
            Ok(HistoryPage { entries, total })
        })
    }
}

fn entity_history(
    conn: &Connection,
    entity: EntityKind,
    id: &str,
    newest: Option<u32>,
) -> Result<Vec<AuditEntry>> {
    // SQLite reads a negative limit as none.
    let limit = newest.map_or(-1, i64::from);
    let mut statement = conn.prepare_cached(
        "SELECT seq, at, entity_id, action, changes, author, reversal FROM audit_log
         WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY seq DESC LIMIT ?3",
    )?;
    let rows = statement.query_map(params![entity.code(), id, limit], |row| {
        entry_from_row(row, entity)
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every entry about the entities of kind `entity` among `entity_ids` recorded at or
/// after `since` (UTC ISO-8601), newest first: what to undo, in order, to see those
/// entities as they stood at `since`.
pub(crate) fn entries_since(
    conn: &Connection,
    entity: EntityKind,
    entity_ids: &[String],
    since: &str,
) -> Result<Vec<AuditEntry>> {
    read_since(conn, entity, entity_ids, since, |changes| {
        serde_json::from_str(changes)
    })
}

/// As [`entries_since`], each entry holding only its changes of `fields`: a week of a
/// plan of thousands of tasks is thousands of entries, their creations listing every
/// field, of which a reader of two fields would otherwise copy out all.
pub(crate) fn entries_since_of_fields(
    conn: &Connection,
    entity: EntityKind,
    entity_ids: &[String],
    since: &str,
    fields: &[&str],
) -> Result<Vec<AuditEntry>> {
    read_since(conn, entity, entity_ids, since, |changes| {
        // Read in place from the row's text; only the wanted fields are copied.
        let all: Vec<ChangeText<'_>> = serde_json::from_str(changes)?;
        Ok(all
            .into_iter()
            .filter(|change| fields.contains(&change.field.as_ref()))
            .map(ChangeText::into_owned)
            .collect())
    })
}

/// A change as its entry's JSON holds it, borrowed from that text where it can be.
#[derive(Deserialize)]
struct ChangeText<'a> {
    #[serde(borrow)]
    field: Cow<'a, str>,
    #[serde(borrow)]
    old: Option<Cow<'a, str>>,
    #[serde(borrow)]
    new: Option<Cow<'a, str>>,
}

impl ChangeText<'_> {
    fn into_owned(self) -> FieldChange {
        FieldChange {
            field: self.field.into_owned(),
            old: self.old.map(Cow::into_owned),
            new: self.new.map(Cow::into_owned),
        }
    }
}

/// The entries since `since` about `entity_ids`, newest first, their change lists read
/// by `changes`.
fn read_since(
    conn: &Connection,
    entity: EntityKind,
    entity_ids: &[String],
    since: &str,
    changes: impl Fn(&str) -> serde_json::Result<Vec<FieldChange>>,
) -> Result<Vec<AuditEntry>> {
    let ids = serde_json::to_string(entity_ids)
        .map_err(|e| CoreError::Database(format!("cannot encode entity ids: {e}")))?;
    let mut statement = conn.prepare_cached(
        "SELECT seq, at, entity_id, action, changes, author, reversal FROM audit_log
         WHERE entity_type = ?1 AND at >= ?2
           AND entity_id IN (SELECT value FROM json_each(?3))
         ORDER BY seq DESC",
    )?;
    let rows = statement.query_map(params![entity.code(), since, ids], |row| {
        let text = row.get_ref("changes")?.as_str()?;
        let read = changes(text).map_err(|_| corrupt("change list"))?;
        entry_with_changes(row, entity, read)
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn entry_from_row(row: &Row<'_>, entity: EntityKind) -> rusqlite::Result<AuditEntry> {
    // Parsed from the row's own text, not a copy of it.
    let text = row.get_ref("changes")?.as_str()?;
    let changes = serde_json::from_str(text).map_err(|_| corrupt("change list"))?;
    entry_with_changes(row, entity, changes)
}

/// An entry from its row, with its change list already read.
fn entry_with_changes(
    row: &Row<'_>,
    entity: EntityKind,
    changes: Vec<FieldChange>,
) -> rusqlite::Result<AuditEntry> {
    let action: String = row.get("action")?;
    Ok(AuditEntry {
        seq: row.get("seq")?,
        at: row.get("at")?,
        entity,
        entity_id: row.get("entity_id")?,
        action: AuditAction::from_code(&action).ok_or_else(|| corrupt("action"))?,
        changes,
        by: row.get("author")?,
        reversal: match row.get::<_, Option<String>>("reversal")?.as_deref() {
            Some("undone") => Some(Reversal::Undone),
            Some("redone") => Some(Reversal::Redone),
            _ => None,
        },
    })
}

/// The error for a row of the log that cannot be read as `what`.
fn corrupt(what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("audit log holds an unreadable {what}").into(),
    )
}
