//! Each person's record per module: started, completed (when, verified by whom, with
//! what score) or waived (and why). Checks work on values; the SQL is in
//! [`super::store::records`].

use chrono::NaiveDate;

use super::store::{self, records};
use super::{RecordDraft, RecordStatus, TrainingRecord};
use crate::audit::ChangeSet;
use crate::store::editable::check_editable;
use crate::time::{date_text, parse_date};
use crate::{CoreError, FieldError, Result, Store};

impl Store {
    /// Updates one record; `today` bounds the completion date.
    pub fn update_training_record(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &RecordDraft,
        today: NaiveDate,
    ) -> Result<TrainingRecord> {
        self.write(|tx| {
            let (current, module_title) = records::fetch(tx, id)?;
            // Records are never trashed: only the version can make an edit stale.
            check_editable(
                &module_title,
                false,
                current.row_version,
                expected_row_version,
            )?;
            store::write_record(tx, &current, &module_title, draft, today)
        })
    }

    /// Marks a module completed for several people at once — a classroom session's
    /// sign-in sheet — in one transaction. People without a record get one.
    pub fn complete_training(
        &self,
        module_id: &str,
        person_ids: &[String],
        completed_on: &str,
        verified_by: Option<&str>,
        today: NaiveDate,
    ) -> Result<Vec<TrainingRecord>> {
        let draft = RecordDraft {
            status: RecordStatus::Completed,
            completed_on: Some(completed_on.to_owned()),
            verified_by: verified_by.map(str::to_owned),
            ..RecordDraft::default()
        };
        self.write(|tx| {
            person_ids
                .iter()
                .map(|person_id| store::complete_in(tx, person_id, module_id, &draft, today))
                .collect()
        })
    }
}

/// A record's draft once checked: what is written. What a status does not use is
/// cleared (no completion date on a waived record, no waiver reason on a completed one).
pub(crate) struct ValidRecord {
    pub status: RecordStatus,
    pub completed_on: Option<NaiveDate>,
    pub verified_by: Option<String>,
    pub score: Option<f64>,
    pub waived_reason: String,
}

/// The person a draft names as having verified the completion, if it names one.
pub(super) fn verifier(draft: &RecordDraft) -> Option<&str> {
    draft
        .verified_by
        .as_deref()
        .filter(|id| !id.trim().is_empty())
}

/// Checks a draft; `verifier_known` says whether the [`verifier`] it names is in the
/// directory (true when it names none).
pub(crate) fn validate(
    draft: &RecordDraft,
    verifier_known: bool,
    today: NaiveDate,
) -> Result<ValidRecord> {
    let mut errors = Vec::new();
    let completed_on = match draft
        .completed_on
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None if draft.status == RecordStatus::Completed => Some(today),
        None => None,
        Some(text) => match parse_date(text) {
            Some(date) if date > today => {
                errors.push(FieldError::new(
                    "completed_on",
                    format!("The completion date {} is in the future.", date_text(date)),
                ));
                None
            }
            Some(date) => Some(date),
            None => {
                errors.push(FieldError::new(
                    "completed_on",
                    format!("'{text}' is not a date: use a date like 2027-03-01."),
                ));
                None
            }
        },
    };
    if draft.status == RecordStatus::Waived && draft.waived_reason.trim().is_empty() {
        errors.push(FieldError::new(
            "waived_reason",
            "Say why the training is waived.",
        ));
    }
    if let Some(score) = draft.score {
        if !(0.0..=100.0).contains(&score) {
            errors.push(FieldError::new("score", "A score is between 0 and 100."));
        }
    }
    if !verifier_known {
        errors.push(FieldError::new(
            "verified_by",
            "Choose who verified it from the directory.",
        ));
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    let completed = draft.status == RecordStatus::Completed;
    Ok(ValidRecord {
        status: draft.status,
        completed_on: completed.then_some(completed_on).flatten(),
        verified_by: verifier(draft).filter(|_| completed).map(str::to_owned),
        score: if completed { draft.score } else { None },
        waived_reason: if draft.status == RecordStatus::Waived {
            draft.waived_reason.trim().to_owned()
        } else {
            String::new()
        },
    })
}

/// What an edit changes, for the record's history.
pub(super) fn describe(current: &TrainingRecord, valid: &ValidRecord) -> ChangeSet {
    let mut changes = ChangeSet::default();
    let date = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
    let score = |s: Option<f64>| s.map(|s| s.to_string()).unwrap_or_default();
    changes.compare("status", current.status.code(), valid.status.code());
    changes.compare(
        "completed_on",
        date(current.completed_on),
        date(valid.completed_on),
    );
    changes.compare(
        "verified_by",
        current.verified_by.clone().unwrap_or_default(),
        valid.verified_by.clone().unwrap_or_default(),
    );
    changes.compare("score", score(current.score), score(valid.score));
    changes.compare(
        "waived_reason",
        current.waived_reason.as_str(),
        valid.waived_reason.as_str(),
    );
    changes
}
