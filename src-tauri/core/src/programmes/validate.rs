//! What a programme's name, description and owner must be before they are stored.

use crate::programmes::ProgrammeDraft;
use crate::rollouts::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::{CoreError, FieldError, Result};

/// A draft that passed validation, trimmed.
pub(crate) struct ValidProgramme {
    pub name: String,
    pub description: String,
    pub owner: String,
}

/// Checks a draft, naming every field that is wrong.
pub(crate) fn validate(draft: &ProgrammeDraft) -> Result<ValidProgramme> {
    let mut errors = Vec::new();
    let name = draft.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new(
            "name",
            "Give the programme a name, such as 'EHR across ten sites'.",
        ));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new(
            "name",
            format!("Keep the name under {MAX_NAME_CHARS} characters."),
        ));
    }
    if draft.description.chars().count() > MAX_TEXT_CHARS {
        errors.push(FieldError::new(
            "description",
            format!("Keep the description under {MAX_TEXT_CHARS} characters."),
        ));
    }
    let owner = draft.owner.trim();
    if owner.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new(
            "owner",
            format!("Keep the owner under {MAX_NAME_CHARS} characters."),
        ));
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(ValidProgramme {
        name: name.to_owned(),
        description: draft.description.trim().to_owned(),
        owner: owner.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_programme_needs_a_name() {
        let error = validate(&ProgrammeDraft::default())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.contains("Give the programme a name"),
            "an empty name must be refused with a sentence: {error}"
        );
        let valid = validate(&ProgrammeDraft {
            name: "  EHR across ten sites ".into(),
            ..ProgrammeDraft::default()
        });
        assert_eq!(
            valid.map(|v| v.name).ok().as_deref(),
            Some("EHR across ten sites"),
            "a name is stored trimmed"
        );
    }
}
