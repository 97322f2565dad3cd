//! The decision log: what was decided, under which constraint, between which options,
//! why, by whom, how we will know it worked — and later, whether it held.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::edit::required_date;
use super::record::Record;
use super::store;
use crate::audit::ChangeSet;
use crate::time::date_text;
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

/// A decision's draft once checked: what is written.
pub(crate) struct ValidDecision {
    pub decided_on: NaiveDate,
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

impl Store {
    /// A rollout's live decisions, most recent first.
    pub fn list_decisions(&self, rollout_id: &str) -> Result<Vec<Decision>> {
        self.read(|conn| store::list(conn, rollout_id))
    }

    pub fn create_decision(&self, rollout_id: &str, draft: &DecisionDraft) -> Result<Decision> {
        self.write(|tx| store::create(tx, rollout_id, draft))
    }

    /// Edits a decision (typically to record whether it held); refused if it changed
    /// since `expected_row_version`.
    pub fn update_decision(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &DecisionDraft,
    ) -> Result<Decision> {
        self.write(|tx| store::edit(tx, id, expected_row_version, draft))
    }

    pub fn trash_decision(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<Decision>(tx, id, true))
    }

    pub fn restore_decision(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<Decision>(tx, id, false))
    }
}

impl Record for Decision {
    type Draft = DecisionDraft;
    type Lookup = ();
    type Valid = ValidDecision;

    fn validate(draft: &DecisionDraft, (): ()) -> Result<ValidDecision> {
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
            Some(decided_on) if errors.is_empty() => Ok(ValidDecision {
                decided_on,
                title: draft.title.trim().to_owned(),
                constraints: draft.constraints.clone(),
                options: draft.options.clone(),
                choice: draft.choice.clone(),
                rationale: draft.rationale.clone(),
                decided_by: draft.decided_by.trim().to_owned(),
                verification: draft.verification.clone(),
                outcome: draft.outcome,
                outcome_note: draft.outcome_note.clone(),
            }),
            _ => Err(CoreError::Validation(errors)),
        }
    }

    fn describe(changes: &mut ChangeSet, old: Option<&Decision>, new: &ValidDecision) {
        let text = |f: fn(&Decision) -> &str| old.map(f).unwrap_or_default();
        changes.compare(
            "decided_on",
            old.map(|d| date_text(d.decided_on)).unwrap_or_default(),
            date_text(new.decided_on),
        );
        changes.compare("title", text(|d| &d.title), new.title.as_str());
        changes.compare(
            "constraints",
            text(|d| &d.constraints),
            new.constraints.as_str(),
        );
        changes.compare("options", text(|d| &d.options), new.options.as_str());
        changes.compare("choice", text(|d| &d.choice), new.choice.as_str());
        changes.compare("rationale", text(|d| &d.rationale), new.rationale.as_str());
        changes.compare(
            "decided_by",
            text(|d| &d.decided_by),
            new.decided_by.as_str(),
        );
        changes.compare(
            "verification",
            text(|d| &d.verification),
            new.verification.as_str(),
        );
        changes.compare(
            "outcome",
            old.map(|d| d.outcome.code()).unwrap_or(""),
            new.outcome.code(),
        );
        changes.compare(
            "outcome_note",
            text(|d| &d.outcome_note),
            new.outcome_note.as_str(),
        );
    }

    fn label(&self) -> &str {
        &self.title
    }

    fn row_version(&self) -> i64 {
        self.row_version
    }
}
