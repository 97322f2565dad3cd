//! Reading *Who acts* as a person types it when adding a metric from a template. It
//! names who acts on a level, not necessarily someone in the directory: "physician
//! champion", "Priya Nair, front-desk lead" and "Grace Kim" all mean something to the
//! clinic. A name the directory knows links the person (their name then follows their
//! directory entry); anything else is kept as the role in words.
//!
//! The reading works on values: the directory is asked through the `resolve` function
//! the caller passes (the owner lookup every aggregate uses), so this file holds the
//! rule and no query.

use crate::people::UNKNOWN_OWNER_FIELD;
use crate::{FieldError, Result};

/// The field *Who acts* is checked on.
pub const ACTED_BY_FIELD: &str = "acted_by";

/// Who acts on a template's levels: a directory person's id and the role in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WhoActs {
    pub person_id: Option<String>,
    pub role: String,
}

/// The directory's answer for a typed name: the person's id, nobody (empty), or the
/// message for the field; the outer error is a database fault.
pub(crate) type OwnerLookup = Result<std::result::Result<Option<String>, FieldError>>;

/// Reads `typed` against the directory through `resolve`; `template_role` fills in the
/// role when only a person (or nothing) is named. A name shared by several people in
/// the directory is the one thing refused, on [`ACTED_BY_FIELD`].
pub(crate) fn who_acts(
    typed: &str,
    template_role: &str,
    mut resolve: impl FnMut(&str) -> OwnerLookup,
) -> Result<std::result::Result<WhoActs, FieldError>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(Ok(WhoActs {
            person_id: None,
            role: template_role.to_owned(),
        }));
    }
    // The whole text, then the part before a comma ("Priya Nair, front-desk lead").
    let mut candidates = vec![(typed, template_role)];
    if let Some((name, role)) = typed.split_once(',') {
        candidates.push((name.trim(), role.trim()));
    }
    for (name, role) in candidates {
        match resolve(name)? {
            Ok(Some(id)) => {
                return Ok(Ok(WhoActs {
                    person_id: Some(id),
                    role: role.to_owned(),
                }))
            }
            Ok(None) => {}
            Err(error) if error.field == UNKNOWN_OWNER_FIELD => {}
            Err(error) => return Ok(Err(FieldError::new(ACTED_BY_FIELD, error.message))),
        }
    }
    Ok(Ok(WhoActs {
        person_id: None,
        role: typed.to_owned(),
    }))
}
