//! The scope-cut log: what was dropped, why, and what was protected in exchange — so
//! "why don't we have the lab interface?" has an answer months later.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::edit::required_date;
use super::record::Record;
use super::store;
use crate::audit::ChangeSet;
use crate::time::date_text;
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

/// A scope-log entry's draft once checked: what is written.
pub(crate) struct ValidScopeChange {
    pub logged_on: NaiveDate,
    pub cut: String,
    pub reason: String,
    pub protected: String,
}

impl Store {
    /// A rollout's live scope-log entries, most recent first.
    pub fn list_scope_changes(&self, rollout_id: &str) -> Result<Vec<ScopeChange>> {
        self.read(|conn| store::list(conn, rollout_id))
    }

    pub fn create_scope_change(
        &self,
        rollout_id: &str,
        draft: &ScopeChangeDraft,
    ) -> Result<ScopeChange> {
        self.write(|tx| store::create(tx, rollout_id, draft))
    }

    /// Edits an entry; refused if it changed since `expected_row_version`.
    pub fn update_scope_change(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &ScopeChangeDraft,
    ) -> Result<ScopeChange> {
        self.write(|tx| store::edit(tx, id, expected_row_version, draft))
    }

    pub fn trash_scope_change(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<ScopeChange>(tx, id, true))
    }

    pub fn restore_scope_change(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<ScopeChange>(tx, id, false))
    }
}

impl Record for ScopeChange {
    type Draft = ScopeChangeDraft;
    type Lookup = ();
    type Valid = ValidScopeChange;

    fn validate(draft: &ScopeChangeDraft, (): ()) -> Result<ValidScopeChange> {
        let mut errors = Vec::new();
        let logged_on = required_date(&draft.logged_on, "logged_on", "date", &mut errors);
        if draft.cut.trim().is_empty() {
            errors.push(FieldError::new("cut", "Say what was cut or deferred."));
        }
        match logged_on {
            Some(logged_on) if errors.is_empty() => Ok(ValidScopeChange {
                logged_on,
                cut: draft.cut.trim().to_owned(),
                reason: draft.reason.clone(),
                protected: draft.protected.clone(),
            }),
            _ => Err(CoreError::Validation(errors)),
        }
    }

    fn describe(changes: &mut ChangeSet, old: Option<&ScopeChange>, new: &ValidScopeChange) {
        let text = |f: fn(&ScopeChange) -> &str| old.map(f).unwrap_or_default();
        changes.compare(
            "logged_on",
            old.map(|s| date_text(s.logged_on)).unwrap_or_default(),
            date_text(new.logged_on),
        );
        changes.compare("cut", text(|s| &s.cut), new.cut.as_str());
        changes.compare("reason", text(|s| &s.reason), new.reason.as_str());
        changes.compare("protected", text(|s| &s.protected), new.protected.as_str());
    }

    fn label(&self) -> &str {
        &self.cut
    }

    fn row_version(&self) -> i64 {
        self.row_version
    }
}
