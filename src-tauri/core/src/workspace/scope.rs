//! The scope-cut log: what was dropped, why, and what was protected in exchange — so
//! "why don't we have the lab interface?" has an answer months later.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::edit::required_date;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::rollouts::require_rollout;
use crate::store::editable::{check_editable, one_row_updated};
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

/// One entry of the scope log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScopeChange {
    pub id: String,
    pub rollout_id: String,
    pub logged_on: NaiveDate,
    /// What was cut or deferred.
    pub cut: String,
    pub reason: String,
    /// What the cut protects (the date, reduced schedules, a hard gate).
    pub protected: String,
    pub row_version: i64,
}

/// The editable part of a scope-log entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ScopeChangeDraft {
    /// `YYYY-MM-DD`.
    pub logged_on: String,
    pub cut: String,
    pub reason: String,
    pub protected: String,
}

const COLUMNS: &str = "id, rollout_id, logged_on, cut, reason, protected, row_version, deleted_at";

impl Store {
    /// A rollout's live scope-log entries, most recent first.
    pub fn list_scope_changes(&self, rollout_id: &str) -> Result<Vec<ScopeChange>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM scope_changes WHERE rollout_id = ?1 AND deleted_at IS NULL
                 ORDER BY logged_on DESC, created_at DESC"
            ))?;
            let found = statement.query_map(params![rollout_id], from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    pub fn create_scope_change(
        &self,
        rollout_id: &str,
        draft: &ScopeChangeDraft,
    ) -> Result<ScopeChange> {
        self.write(|tx| insert_scope_change(tx, rollout_id, draft))
    }

    /// Edits an entry; refused if it changed since `expected_row_version`.
    pub fn update_scope_change(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &ScopeChangeDraft,
    ) -> Result<ScopeChange> {
        self.write(|tx| {
            let (current, deleted) = fetch(tx, id)?;
            check_editable(
                &current.cut,
                deleted,
                current.row_version,
                expected_row_version,
            )?;
            let logged_on = validate(draft)?;
            let mut changes = ChangeSet::default();
            describe(&mut changes, Some(&current), draft, logged_on);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            let affected = tx.execute(
                "UPDATE scope_changes SET logged_on = ?1, cut = ?2, reason = ?3, protected = ?4,
                     updated_at = ?5, row_version = row_version + 1
                 WHERE id = ?6 AND row_version = ?7",
                params![
                    date_text(logged_on),
                    draft.cut.trim(),
                    draft.reason,
                    draft.protected,
                    at,
                    id,
                    expected_row_version
                ],
            )?;
            one_row_updated(affected, &current.cut)?;
            audit::record(
                tx,
                &at,
                EntityKind::ScopeChange,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(fetch(tx, id)?.0)
        })
    }

    pub fn trash_scope_change(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(
                tx,
                "scope_changes",
                EntityKind::ScopeChange,
                "Scope change",
                id,
                true,
            )
        })
    }

    pub fn restore_scope_change(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(
                tx,
                "scope_changes",
                EntityKind::ScopeChange,
                "Scope change",
                id,
                false,
            )
        })
    }
}

fn validate(draft: &ScopeChangeDraft) -> Result<NaiveDate> {
    let mut errors = Vec::new();
    let logged_on = required_date(&draft.logged_on, "logged_on", "date", &mut errors);
    if draft.cut.trim().is_empty() {
        errors.push(FieldError::new("cut", "Say what was cut or deferred."));
    }
    match logged_on {
        Some(date) if errors.is_empty() => Ok(date),
        _ => Err(CoreError::Validation(errors)),
    }
}

/// Validates and inserts an entry inside a caller's transaction.
pub(crate) fn insert_scope_change(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &ScopeChangeDraft,
) -> Result<ScopeChange> {
    require_rollout(tx, rollout_id)?;
    let logged_on = validate(draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO scope_changes (id, rollout_id, logged_on, cut, reason, protected,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            rollout_id,
            date_text(logged_on),
            draft.cut.trim(),
            draft.reason,
            draft.protected,
            at
        ],
    )?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, None, draft, logged_on);
    audit::record(
        tx,
        &at,
        EntityKind::ScopeChange,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(fetch(tx, &id)?.0)
}

fn describe(
    changes: &mut ChangeSet,
    old: Option<&ScopeChange>,
    new: &ScopeChangeDraft,
    logged_on: NaiveDate,
) {
    let text = |f: fn(&ScopeChange) -> String| old.map(f).unwrap_or_default();
    changes.compare(
        "logged_on",
        text(|s| date_text(s.logged_on)),
        date_text(logged_on),
    );
    changes.compare("cut", text(|s| s.cut.clone()), new.cut.trim());
    changes.compare("reason", text(|s| s.reason.clone()), new.reason.as_str());
    changes.compare(
        "protected",
        text(|s| s.protected.clone()),
        new.protected.as_str(),
    );
}

fn fetch(conn: &Connection, id: &str) -> Result<(ScopeChange, bool)> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM scope_changes WHERE id = ?1"),
        id,
        "Scope change",
        |row| {
            Ok((
                from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<ScopeChange> {
    Ok(ScopeChange {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        logged_on: rows::date(row, "logged_on")?.ok_or_else(|| rows::unreadable("logged_on"))?,
        cut: row.get("cut")?,
        reason: row.get("reason")?,
        protected: row.get("protected")?,
        row_version: row.get("row_version")?,
    })
}
