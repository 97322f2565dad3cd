//! Checks on a person before it is stored; every problem is reported at once.

use super::PersonDraft;
use crate::{CoreError, FieldError, Result};

pub(crate) const MAX_NAME_CHARS: usize = 120;
pub(crate) const MAX_TEXT_CHARS: usize = 200;

/// A draft that passed validation, trimmed.
#[derive(Debug)]
pub(super) struct ValidPerson {
    pub name: String,
    pub role_id: Option<String>,
    pub department: String,
    pub email: String,
    pub super_user: bool,
    pub active: bool,
    pub external: bool,
}

pub(super) fn validate(draft: &PersonDraft) -> Result<ValidPerson> {
    let mut errors = Vec::new();
    let name = draft.name.trim();
    if name.is_empty() {
        errors.push(FieldError::new("name", "Enter the person's name."));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new(
            "name",
            format!("Keep the name under {MAX_NAME_CHARS} characters."),
        ));
    }
    let email = draft.email.trim();
    if !email.is_empty() && !looks_like_email(email) {
        errors.push(FieldError::new(
            "email",
            format!("'{email}' is not an email address (expected name@example.org)."),
        ));
    }
    let department = draft.department.trim();
    if department.chars().count() > MAX_TEXT_CHARS {
        errors.push(FieldError::new(
            "department",
            format!("Keep the department under {MAX_TEXT_CHARS} characters."),
        ));
    }
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(ValidPerson {
        name: name.to_owned(),
        role_id: draft.role_id.clone().filter(|id| !id.trim().is_empty()),
        department: department.to_owned(),
        email: email.to_owned(),
        super_user: draft.super_user,
        active: draft.active,
        external: draft.external,
    })
}

/// One `@` with something before it and a dotted domain after it, no spaces: enough to
/// catch a name typed into the email column without refusing real addresses.
pub(crate) fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !text.contains(char::is_whitespace)
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_checked_loosely_but_names_in_the_email_column_are_caught() {
        for good in [
            "dana@riverside.org",
            "d.whitfield+rollplan@mail.clinic.co.uk",
        ] {
            assert!(looks_like_email(good), "{good} is an address");
        }
        for bad in [
            "Dana Whitfield",
            "dana@",
            "@riverside.org",
            "dana@riverside",
            "a b@c.org",
            "a@b..org",
        ] {
            assert!(!looks_like_email(bad), "{bad} is not an address");
        }
    }

    #[test]
    fn a_name_is_required_and_text_is_trimmed() {
        let valid = validate(&PersonDraft {
            name: "  Dana Whitfield ".into(),
            email: " dana@riverside.org ".into(),
            ..PersonDraft::default()
        })
        .expect("valid");
        assert_eq!(valid.name, "Dana Whitfield");
        assert_eq!(valid.email, "dana@riverside.org");
        let error = validate(&PersonDraft::default()).expect_err("nameless");
        assert_eq!(error.payload().field.as_deref(), Some("name"));
    }
}
