//! The `decisions` table: the decision log of each rollout.

use rusqlite::types::Value;
use rusqlite::{Connection, Row, Transaction};

use super::Table;
use crate::audit::EntityKind;
use crate::store::rows;
use crate::time::date_text;
use crate::workspace::decisions::ValidDecision;
use crate::workspace::{Decision, DecisionDraft};
use crate::Result;

impl Table for Decision {
    const TABLE: &'static str = "decisions";
    const NOUN: &'static str = "Decision";
    const ENTITY: EntityKind = EntityKind::Decision;
    const SELECT: &'static str = "SELECT d.id, d.rollout_id, d.decided_on, d.title, d.constraints,
        d.options, d.choice, d.rationale, d.decided_by, d.verification, d.outcome,
        d.outcome_note, d.row_version, d.deleted_at
    FROM decisions d";
    const ALIAS: &'static str = "d";
    const ORDER: &'static str = "d.decided_on DESC, d.created_at DESC";
    const COLUMNS: &'static [&'static str] = &[
        "decided_on",
        "title",
        "constraints",
        "options",
        "choice",
        "rationale",
        "decided_by",
        "verification",
        "outcome",
        "outcome_note",
    ];

    fn bind(valid: &ValidDecision) -> Vec<Value> {
        vec![
            date_text(valid.decided_on).into(),
            valid.title.clone().into(),
            valid.constraints.clone().into(),
            valid.options.clone().into(),
            valid.choice.clone().into(),
            valid.rationale.clone().into(),
            valid.decided_by.clone().into(),
            valid.verification.clone().into(),
            valid.outcome.code().to_owned().into(),
            valid.outcome_note.clone().into(),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Decision> {
        let outcome: String = row.get("outcome")?;
        Ok(Decision {
            id: row.get("id")?,
            rollout_id: row.get("rollout_id")?,
            decided_on: rows::date(row, "decided_on")?
                .ok_or_else(|| rows::unreadable("decided_on"))?,
            title: row.get("title")?,
            constraints: row.get("constraints")?,
            options: row.get("options")?,
            choice: row.get("choice")?,
            rationale: row.get("rationale")?,
            decided_by: row.get("decided_by")?,
            verification: row.get("verification")?,
            outcome: outcome.parse().map_err(|_| rows::unreadable("outcome"))?,
            outcome_note: row.get("outcome_note")?,
            row_version: row.get("row_version")?,
        })
    }

    fn look_up(_conn: &Connection, _draft: &DecisionDraft, _current: Option<&Self>) -> Result<()> {
        Ok(())
    }
}

/// Checks and inserts a decision inside a caller's transaction.
pub(crate) fn insert_decision(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &DecisionDraft,
) -> Result<Decision> {
    super::create(tx, rollout_id, draft)
}
