//! The decision log: what was decided, under which constraint, between which options,
//! why, by whom, how we will know it worked — and later, whether it held.

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

/// Whether a decision held once it met reality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DecisionOutcome {
    #[default]
    NotYetKnown,
    Held,
    DidNotHold,
}

coded_enum!(DecisionOutcome, "outcome", "outcome", {
    NotYetKnown => "not_yet_known", "Not yet known";
    Held => "held", "Held";
    DidNotHold => "did_not_hold", "Did not hold";
});

/// One entry of a rollout's decision log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Decision {
    pub id: String,
    pub rollout_id: String,
    pub decided_on: NaiveDate,
    /// The decision in a line ("Lab interface moves to phase 2").
    pub title: String,
    /// What limited the choice (budget, vendor dates, staffing).
    pub constraints: String,
    pub options: String,
    pub choice: String,
    pub rationale: String,
    /// A person or a body ("Steering committee").
    pub decided_by: String,
    /// How we will know it worked.
    pub verification: String,
    pub outcome: DecisionOutcome,
    pub outcome_note: String,
    pub row_version: i64,
}

/// The editable part of a decision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DecisionDraft {
    /// `YYYY-MM-DD`.
    pub decided_on: String,
    pub title: String,
    pub constraints: String,
    pub options: String,
    pub choice: String,
    pub rationale: String,
    pub decided_by: String,
    pub verification: String,
    pub outcome: DecisionOutcome,
    pub outcome_note: String,
}

const COLUMNS: &str =
    "id, rollout_id, decided_on, title, constraints, options, choice, rationale, \
                       decided_by, verification, outcome, outcome_note, row_version, deleted_at";

impl Store {
    /// A rollout's live decisions, most recent first.
    pub fn list_decisions(&self, rollout_id: &str) -> Result<Vec<Decision>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM decisions WHERE rollout_id = ?1 AND deleted_at IS NULL
                 ORDER BY decided_on DESC, created_at DESC"
            ))?;
            let found = statement.query_map(params![rollout_id], from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    pub fn create_decision(&self, rollout_id: &str, draft: &DecisionDraft) -> Result<Decision> {
        self.write(|tx| insert_decision(tx, rollout_id, draft))
    }

    /// Edits a decision (typically to record whether it held); refused if it changed
    /// since `expected_row_version`.
    pub fn update_decision(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &DecisionDraft,
    ) -> Result<Decision> {
        self.write(|tx| {
            let (current, deleted) = fetch(tx, id)?;
            check_editable(
                &current.title,
                deleted,
                current.row_version,
                expected_row_version,
            )?;
            let decided_on = validate(draft)?;
            let mut changes = ChangeSet::default();
            describe(&mut changes, Some(&current), draft, decided_on);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            let affected = tx.execute(
                "UPDATE decisions SET decided_on = ?1, title = ?2, constraints = ?3, options = ?4,
                     choice = ?5, rationale = ?6, decided_by = ?7, verification = ?8, outcome = ?9,
                     outcome_note = ?10, updated_at = ?11, row_version = row_version + 1
                 WHERE id = ?12 AND row_version = ?13",
                params![
                    date_text(decided_on),
                    draft.title.trim(),
                    draft.constraints,
                    draft.options,
                    draft.choice,
                    draft.rationale,
                    draft.decided_by.trim(),
                    draft.verification,
                    draft.outcome.code(),
                    draft.outcome_note,
                    at,
                    id,
                    expected_row_version
                ],
            )?;
            one_row_updated(affected, &current.title)?;
            audit::record(
                tx,
                &at,
                EntityKind::Decision,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(fetch(tx, id)?.0)
        })
    }

    pub fn trash_decision(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(tx, "decisions", EntityKind::Decision, "Decision", id, true)
        })
    }

    pub fn restore_decision(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(tx, "decisions", EntityKind::Decision, "Decision", id, false)
        })
    }
}

fn validate(draft: &DecisionDraft) -> Result<NaiveDate> {
    let mut errors = Vec::new();
    let decided_on = required_date(
        &draft.decided_on,
        "decided_on",
        "date of the decision",
        &mut errors,
    );
    if draft.title.trim().is_empty() {
        errors.push(FieldError::new("title", "Say what was decided, in a line."));
    }
    match decided_on {
        Some(date) if errors.is_empty() => Ok(date),
        _ => Err(CoreError::Validation(errors)),
    }
}

/// Validates and inserts a decision inside a caller's transaction.
pub(crate) fn insert_decision(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &DecisionDraft,
) -> Result<Decision> {
    require_rollout(tx, rollout_id)?;
    let decided_on = validate(draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO decisions (id, rollout_id, decided_on, title, constraints, options, choice,
             rationale, decided_by, verification, outcome, outcome_note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
        params![
            id,
            rollout_id,
            date_text(decided_on),
            draft.title.trim(),
            draft.constraints,
            draft.options,
            draft.choice,
            draft.rationale,
            draft.decided_by.trim(),
            draft.verification,
            draft.outcome.code(),
            draft.outcome_note,
            at
        ],
    )?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, None, draft, decided_on);
    audit::record(
        tx,
        &at,
        EntityKind::Decision,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(fetch(tx, &id)?.0)
}

fn describe(
    changes: &mut ChangeSet,
    old: Option<&Decision>,
    new: &DecisionDraft,
    decided_on: NaiveDate,
) {
    let text = |f: fn(&Decision) -> String| old.map(f).unwrap_or_default();
    changes.compare(
        "decided_on",
        text(|d| date_text(d.decided_on)),
        date_text(decided_on),
    );
    changes.compare("title", text(|d| d.title.clone()), new.title.trim());
    changes.compare(
        "constraints",
        text(|d| d.constraints.clone()),
        new.constraints.as_str(),
    );
    changes.compare("options", text(|d| d.options.clone()), new.options.as_str());
    changes.compare("choice", text(|d| d.choice.clone()), new.choice.as_str());
    changes.compare(
        "rationale",
        text(|d| d.rationale.clone()),
        new.rationale.as_str(),
    );
    changes.compare(
        "decided_by",
        text(|d| d.decided_by.clone()),
        new.decided_by.trim(),
    );
    changes.compare(
        "verification",
        text(|d| d.verification.clone()),
        new.verification.as_str(),
    );
    changes.compare(
        "outcome",
        old.map(|d| d.outcome.code()).unwrap_or(""),
        new.outcome.code(),
    );
    changes.compare(
        "outcome_note",
        text(|d| d.outcome_note.clone()),
        new.outcome_note.as_str(),
    );
}

fn fetch(conn: &Connection, id: &str) -> Result<(Decision, bool)> {
    rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM decisions WHERE id = ?1"),
        id,
        "Decision",
        |row| {
            Ok((
                from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Decision> {
    let outcome: String = row.get("outcome")?;
    Ok(Decision {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        decided_on: rows::date(row, "decided_on")?.ok_or_else(|| rows::unreadable("decided_on"))?,
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
