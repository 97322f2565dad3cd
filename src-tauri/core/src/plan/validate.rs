//! Checking a task's fields before it is written: every field at once, so the form can
//! mark them all.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::lookups::Lookups;
use super::{TaskDraft, TaskKind, TaskStatus};
use crate::time::{date_text, parse_date};
use crate::{CoreError, FieldError, Result};

pub(crate) const MAX_TITLE_CHARS: usize = 200;

/// A draft that passed validation.
pub(super) struct ValidTask {
    pub title: String,
    pub phase_id: Option<String>,
    pub kind: TaskKind,
    pub owner_id: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub status: TaskStatus,
    pub notes: String,
}

/// Checks every field at once so the form can mark them all.
pub(super) fn validate(
    conn: &Connection,
    lookups: &mut Lookups,
    rollout_id: &str,
    draft: &TaskDraft,
) -> Result<ValidTask> {
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
    let mut start_date = date_field(&draft.start_date, "start_date", "start date", &mut errors);
    let due_date = date_field(&draft.due_date, "due_date", "due date", &mut errors);
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
    let phase_id = match draft
        .phase_id
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        None => None,
        Some(phase) => {
            if !lookups.is_live_phase(conn, phase, rollout_id)? {
                errors.push(FieldError::new(
                    "phase_id",
                    "Choose a phase of this rollout's plan.",
                ));
            }
            Some(phase.to_owned())
        }
    };
    let owner_id = match lookups.resolve_owner(conn, &draft.owner)? {
        Ok(owner) => owner,
        Err(error) => {
            errors.push(error);
            None
        }
    };
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
        notes: draft.notes.clone(),
    })
}

/// An optional ISO date; a mistyped one is noted against its field.
pub(crate) fn date_field(
    text: &Option<String>,
    field: &str,
    label: &str,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    let parsed = parse_date(text);
    if parsed.is_none() {
        errors.push(FieldError::new(
            field,
            format!("The {label} '{text}' is not a date: use YYYY-MM-DD."),
        ));
    }
    parsed
}
