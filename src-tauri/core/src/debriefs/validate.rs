//! The checks of a new debrief, on values and on what the rollout holds: every message
//! under the field it is about.

use chrono::NaiveDate;

use super::{DebriefDraft, DebriefLink, LinkKind};
use crate::error::FieldError;
use crate::metrics::format::full_date;
use crate::store::Conn;
use crate::{CoreError, Result};

/// An action once checked.
pub(crate) struct ValidAction {
    pub title: String,
    pub owner: String,
    pub due_date: NaiveDate,
}

/// A debrief once checked: what is written.
pub(crate) struct ValidDebrief {
    pub held_on: NaiveDate,
    pub title: String,
    pub expected: String,
    pub happened: String,
    pub broke: String,
    pub changed: String,
    pub next_check: String,
    pub links: Vec<DebriefLink>,
    pub actions: Vec<ValidAction>,
}

pub(super) fn check(conn: &Conn, rollout_id: &str, draft: &DebriefDraft) -> Result<ValidDebrief> {
    let mut errors = Vec::new();
    let held_on = crate::time::parse_date(&draft.held_on);
    if held_on.is_none() {
        errors.push(FieldError::new(
            "held_on",
            "The debrief needs its date (YYYY-MM-DD).",
        ));
    }
    if draft.title.trim().is_empty() {
        errors.push(FieldError::new(
            "title",
            "Say what the debrief is about: the go-live, or the incident.",
        ));
    }
    for link in &draft.broke_links {
        if link.kind == LinkKind::Decision {
            errors.push(FieldError::new(
                "broke_links",
                "What broke links to tasks, risks and metrics; decisions go under what we changed.",
            ));
        } else if !super::store::debriefs::in_rollout(conn, rollout_id, link)? {
            errors.push(FieldError::new(
                "broke_links",
                format!(
                    "This rollout has no {} with the id {}.",
                    link.kind.label().to_lowercase(),
                    link.id
                ),
            ));
        }
    }
    for link in &draft.changed_links {
        if link.kind != LinkKind::Decision {
            errors.push(FieldError::new(
                "changed_links",
                "What we changed links to the decisions that changed it.",
            ));
        } else if !super::store::debriefs::in_rollout(conn, rollout_id, link)? {
            errors.push(FieldError::new(
                "changed_links",
                format!("This rollout has no decision with the id {}.", link.id),
            ));
        }
    }
    let mut actions = Vec::new();
    for (n, action) in draft.actions.iter().enumerate() {
        let which = if action.title.trim().is_empty() {
            format!("Action {}", n + 1)
        } else {
            format!("\"{}\"", action.title.trim())
        };
        if action.title.trim().is_empty() {
            errors.push(FieldError::new(
                "actions",
                format!("{which} needs a title."),
            ));
        }
        if action.owner.trim().is_empty() {
            errors.push(FieldError::new(
                "actions",
                format!("{which} needs an owner: an action nobody owns does not happen."),
            ));
        }
        match (crate::time::parse_date(&action.due_date), held_on) {
            (None, _) => errors.push(FieldError::new(
                "actions",
                format!("{which} needs a due date (YYYY-MM-DD)."),
            )),
            (Some(due), Some(held)) if due < held => errors.push(FieldError::new(
                "actions",
                format!(
                    "{which} is due {}, before the debrief on {}.",
                    full_date(due),
                    full_date(held)
                ),
            )),
            (Some(due), _) => actions.push(ValidAction {
                title: action.title.trim().to_owned(),
                owner: action.owner.trim().to_owned(),
                due_date: due,
            }),
        }
    }
    let (Some(held_on), true) = (held_on, errors.is_empty()) else {
        return Err(CoreError::Validation(errors));
    };
    Ok(ValidDebrief {
        held_on,
        title: draft.title.trim().to_owned(),
        expected: draft.expected.trim_end().to_owned(),
        happened: draft.happened.trim_end().to_owned(),
        broke: draft.broke.trim_end().to_owned(),
        changed: draft.changed.trim_end().to_owned(),
        next_check: draft.next_check.trim_end().to_owned(),
        links: draft
            .broke_links
            .iter()
            .chain(&draft.changed_links)
            .cloned()
            .collect(),
        actions,
    })
}
