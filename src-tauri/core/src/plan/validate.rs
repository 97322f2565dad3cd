//! Checking a task's fields before it is written: every field at once, so the form can
//! mark them all. Pure: what the check needs of the database (is the phase one of this
//! plan's, whom does the owner name) is looked up first, into [`TaskRefs`].

use chrono::NaiveDate;

use super::{TaskDraft, TaskKind, TaskStatus};
use crate::rollouts::optional_date;
use crate::time::date_text;
use crate::{CoreError, FieldError, Result};

pub(crate) const MAX_TITLE_CHARS: usize = 200;

/// A draft that passed validation.
#[derive(Debug)]
pub(crate) struct ValidTask {
    pub title: String,
    pub phase_id: Option<String>,
    pub kind: TaskKind,
    pub owner_id: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub status: TaskStatus,
    /// As asked, until `progress::settle` reconciles it with the status.
    pub percent_complete: u8,
    pub notes: String,
}

/// What checking a draft needs to know of the database (see `Lookups::refs`).
pub(crate) struct TaskRefs {
    /// Whether the draft's phase, if it names one, is a live phase of the rollout's plan.
    pub phase_is_live: bool,
    /// The person the draft's owner names (`None` for nobody), or why it names no one.
    pub owner: std::result::Result<Option<String>, FieldError>,
}

/// The phase a draft names, trimmed; `None` for no phase.
pub(crate) fn phase_of(draft: &TaskDraft) -> Option<&str> {
    draft
        .phase_id
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// Checks every field at once so the form can mark them all.
pub(crate) fn validate(draft: &TaskDraft, refs: TaskRefs) -> Result<ValidTask> {
    let mut errors = Vec::new();
    let title = draft.title.trim();
    if title.is_empty() {
        errors.push(FieldError::new("title", "Say what needs doing."));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        errors.push(FieldError::new(
            "title",
            format!(
                "Keep the title under {MAX_TITLE_CHARS} characters; put the rest in the notes."
            ),
        ));
    }
    let mut start_date = optional_date(&draft.start_date, "start_date", "start date", &mut errors);
    let due_date = optional_date(&draft.due_date, "due_date", "due date", &mut errors);
    if draft.kind == TaskKind::Milestone {
        // A milestone is a moment: its date is its due date.
        if due_date.is_none() && !errors.iter().any(|e| e.field == "due_date") {
            errors.push(FieldError::new("due_date", "Give the milestone its date."));
        }
        start_date = due_date;
    } else if let (Some(start), Some(due)) = (start_date, due_date) {
        if due < start {
            errors.push(FieldError::new(
                "due_date",
                format!(
                    "The due date ({}) is before the start ({}).",
                    date_text(due),
                    date_text(start)
                ),
            ));
        }
    }
    let phase_id = phase_of(draft).map(str::to_owned);
    if phase_id.is_some() && !refs.phase_is_live {
        errors.push(FieldError::new(
            "phase_id",
            "Choose a phase of this rollout's plan.",
        ));
    }
    let owner_id = match refs.owner {
        Ok(owner) => owner,
        Err(error) => {
            errors.push(error);
            None
        }
    };
    if draft.percent_complete.is_some_and(|p| p > 100) {
        errors.push(FieldError::new(
            "percent_complete",
            "Give how far along it is as a percentage from 0 to 100.",
        ));
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(ValidTask {
        title: title.to_owned(),
        phase_id,
        kind: draft.kind,
        owner_id,
        start_date,
        due_date,
        status: draft.status,
        percent_complete: draft.percent_complete.unwrap_or(0),
        notes: draft.notes.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found() -> TaskRefs {
        TaskRefs {
            phase_is_live: true,
            owner: Ok(None),
        }
    }

    fn fields(error: CoreError) -> Vec<String> {
        match error {
            CoreError::Validation(errors) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected a validation error, got {other}"),
        }
    }

    #[test]
    fn a_milestone_is_on_its_due_date() {
        let draft = TaskDraft {
            title: "Go-live".into(),
            kind: TaskKind::Milestone,
            start_date: Some("2027-01-01".into()),
            due_date: Some("2027-03-01".into()),
            ..TaskDraft::default()
        };
        let valid = validate(&draft, found()).expect("valid");
        assert_eq!(
            valid.start_date, valid.due_date,
            "a milestone starts on its date, whatever the start field says"
        );
        let undated = TaskDraft {
            due_date: None,
            ..draft
        };
        let error = validate(&undated, found()).expect_err("a milestone needs its date");
        assert_eq!(fields(error), ["due_date"]);
    }

    #[test]
    fn what_the_lookups_found_is_reported_with_the_other_fields() {
        let draft = TaskDraft {
            title: " ".into(),
            phase_id: Some("a trashed phase".into()),
            ..TaskDraft::default()
        };
        let refs = TaskRefs {
            phase_is_live: false,
            owner: Err(FieldError::new("owner", "two people")),
        };
        let error = validate(&draft, refs).expect_err("refused");
        assert_eq!(
            fields(error),
            ["title", "phase_id", "owner"],
            "every field in error is named at once"
        );
    }
}
