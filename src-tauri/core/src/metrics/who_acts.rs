//! Reading *Who acts* as a person types it when adding a metric from a template. It
//! names who acts on a level, not necessarily someone in the directory: "physician
//! champion", "Priya Nair, front-desk lead" and "Grace Kim" all mean something to the
//! clinic. A name the directory knows links the person (their name then follows their
//! directory entry); anything else is kept as the role in words.

use rusqlite::Connection;

use crate::people::{resolve_owner, UNKNOWN_OWNER_FIELD};
use crate::{FieldError, Result};

/// The field *Who acts* is checked on.
pub const ACTED_BY_FIELD: &str = "acted_by";

/// Who acts on a template's levels: a directory person's id and the role in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WhoActs {
    pub person_id: Option<String>,
    pub role: String,
}

/// Reads `typed` against the directory; `template_role` fills in the role when only a
/// person (or nothing) is named. A name shared by several people in the directory is
/// the one thing refused, on [`ACTED_BY_FIELD`].
pub(crate) fn who_acts(
    conn: &Connection,
    typed: &str,
    template_role: &str,
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
        match resolve_owner(conn, name)? {
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
