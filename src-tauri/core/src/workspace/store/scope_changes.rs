//! The `scope_changes` table: each rollout's scope-cut log.

use rusqlite::types::Value;
use rusqlite::{Connection, Row, Transaction};

use super::Table;
use crate::audit::EntityKind;
use crate::store::rows;
use crate::time::date_text;
use crate::workspace::scope::ValidScopeChange;
use crate::workspace::{ScopeChange, ScopeChangeDraft};
use crate::Result;

impl Table for ScopeChange {
    const TABLE: &'static str = "scope_changes";
    const NOUN: &'static str = "Scope change";
    const ENTITY: EntityKind = EntityKind::ScopeChange;
    const SELECT: &'static str = "SELECT s.id, s.rollout_id, s.logged_on, s.cut, s.reason,
        s.protected, s.row_version, s.deleted_at
    FROM scope_changes s";
    const ALIAS: &'static str = "s";
    const ORDER: &'static str = "s.logged_on DESC, s.created_at DESC";
    const COLUMNS: &'static [&'static str] = &["logged_on", "cut", "reason", "protected"];

    fn bind(valid: &ValidScopeChange) -> Vec<Value> {
        vec![
            date_text(valid.logged_on).into(),
            valid.cut.clone().into(),
            valid.reason.clone().into(),
            valid.protected.clone().into(),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<ScopeChange> {
        Ok(ScopeChange {
            id: row.get("id")?,
            rollout_id: row.get("rollout_id")?,
            logged_on: rows::date(row, "logged_on")?
                .ok_or_else(|| rows::unreadable("logged_on"))?,
            cut: row.get("cut")?,
            reason: row.get("reason")?,
            protected: row.get("protected")?,
            row_version: row.get("row_version")?,
        })
    }

    fn look_up(
        _conn: &Connection,
        _draft: &ScopeChangeDraft,
        _current: Option<&Self>,
    ) -> Result<()> {
        Ok(())
    }
}

/// Checks and inserts a scope-log entry inside a caller's transaction.
pub(crate) fn insert_scope_change(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &ScopeChangeDraft,
) -> Result<ScopeChange> {
    super::create(tx, rollout_id, draft)
}
