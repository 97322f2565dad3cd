//! Checking a stakeholder's draft before it is written, and describing an edit for its
//! history.

use std::collections::HashSet;

use super::{Adkar, RaciAssignment, Stakeholder, StakeholderDraft};
use crate::audit::ChangeSet;
use crate::workspace::edit::rating;
use crate::workspace::record::Record;
use crate::{CoreError, FieldError, Result};

/// A stakeholder's draft once checked: what is written.
pub(crate) struct ValidStakeholder {
    pub name: String,
    pub is_group: bool,
    pub person_id: Option<String>,
    pub notes: String,
    /// Workstreams trimmed, in the order given.
    pub raci: Vec<RaciAssignment>,
    pub adkar: Adkar,
}

impl Record for Stakeholder {
    type Draft = StakeholderDraft;
    /// Whether the person the draft names is in the directory (true when it names none).
    type Lookup = bool;
    type Valid = ValidStakeholder;

    fn validate(draft: &StakeholderDraft, person_known: bool) -> Result<ValidStakeholder> {
        let mut errors = Vec::new();
        if draft.name.trim().is_empty() {
            errors.push(FieldError::new("name", "Name the person or group."));
        }
        if !person_known {
            errors.push(FieldError::new(
                "person_id",
                "That person is not in the staff directory: choose someone who is.",
            ));
        }
        let mut workstreams = HashSet::new();
        for row in &draft.raci {
            let workstream = row.workstream.trim();
            if workstream.is_empty() {
                errors.push(FieldError::new(
                    "raci",
                    "Name the workstream of each RACI row.",
                ));
            } else if !workstreams.insert(workstream.to_lowercase()) {
                errors.push(FieldError::new(
                    "raci",
                    format!("{workstream} is listed twice: give each workstream one RACI letter."),
                ));
            }
        }
        let scale = "1 (not at all) to 5 (fully)";
        for (stage, field, label) in [
            (draft.adkar.awareness, "awareness", "Awareness"),
            (draft.adkar.desire, "desire", "Desire"),
            (draft.adkar.knowledge, "knowledge", "Knowledge"),
            (draft.adkar.ability, "ability", "Ability"),
            (draft.adkar.reinforcement, "reinforcement", "Reinforcement"),
        ] {
            if let Some(score) = stage {
                rating(score, field, label, scale, &mut errors);
            }
        }
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        Ok(ValidStakeholder {
            name: draft.name.trim().to_owned(),
            is_group: draft.is_group,
            person_id: draft.person_id.clone(),
            notes: draft.notes.clone(),
            raci: draft
                .raci
                .iter()
                .map(|row| RaciAssignment {
                    workstream: row.workstream.trim().to_owned(),
                    role: row.role,
                })
                .collect(),
            adkar: draft.adkar,
        })
    }

    fn describe(changes: &mut ChangeSet, old: Option<&Stakeholder>, new: &ValidStakeholder) {
        let text = |f: fn(&Stakeholder) -> String| old.map(f).unwrap_or_default();
        changes.compare("name", text(|s| s.name.clone()), new.name.as_str());
        let kind = |group: bool| if group { "group" } else { "person" };
        changes.compare(
            "kind",
            old.map(|s| kind(s.is_group)).unwrap_or(""),
            kind(new.is_group),
        );
        changes.compare(
            "person",
            text(|s| s.person_id.clone().unwrap_or_default()),
            new.person_id.clone().unwrap_or_default(),
        );
        changes.compare("notes", text(|s| s.notes.clone()), new.notes.as_str());
        changes.compare("raci", text(|s| raci_text(&s.raci)), raci_text(&new.raci));
        changes.compare(
            "adkar",
            text(|s| adkar_text(&s.adkar)),
            adkar_text(&new.adkar),
        );
    }

    fn label(&self) -> &str {
        &self.name
    }

    fn row_version(&self) -> i64 {
        self.row_version
    }
}

/// "Scheduling build: R, Training: C", as the history shows RACI rows.
fn raci_text(raci: &[RaciAssignment]) -> String {
    raci.iter()
        .map(|r| format!("{}: {}", r.workstream.trim(), r.role.letter()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Awareness 4, Desire 2", the stages assessed.
fn adkar_text(adkar: &Adkar) -> String {
    adkar
        .stages()
        .iter()
        .map(|(stage, score)| format!("{stage:?} {score}"))
        .collect::<Vec<_>>()
        .join(", ")
}
