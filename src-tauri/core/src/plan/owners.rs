//! Owners across the rollout workspace are people from the staff directory. A draft may
//! name one by id (a picker) or by name (typed, or a cell of an imported plan).

use rusqlite::{params, Connection, OptionalExtension};

use crate::{FieldError, Result};

/// The field of the validation error for an owner nobody in the directory is called:
/// distinct from `owner` so the UI can offer to add that person instead of just
/// showing the message.
pub const UNKNOWN_OWNER_FIELD: &str = "owner_not_in_directory";

/// The person `owner` names: an id, or the name of exactly one person not in the trash
/// (an active person wins over a former colleague of the same name). Empty is nobody.
///
/// The outer error is a database fault; the inner one is the message for the field.
pub(crate) fn resolve_owner(
    conn: &Connection,
    owner: &str,
) -> Result<std::result::Result<Option<String>, FieldError>> {
    Ok(find_owner(conn, owner)?.map(|found| found.map(|(id, _)| id)))
}

/// [`resolve_owner`], with the person's name as the directory spells it: (id, name).
pub(crate) fn find_owner(
    conn: &Connection,
    owner: &str,
) -> Result<std::result::Result<Option<(String, String)>, FieldError>> {
    let owner = owner.trim();
    if owner.is_empty() {
        return Ok(Ok(None));
    }
    let by_id: Option<(String, String)> = conn
        .prepare_cached("SELECT id, name FROM people WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row(params![owner], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if by_id.is_some() {
        return Ok(Ok(by_id));
    }
    let mut statement = conn.prepare_cached(
        "SELECT id, name, active FROM people
         WHERE name = ?1 COLLATE NOCASE AND deleted_at IS NULL ORDER BY active DESC",
    )?;
    let found: Vec<(String, String, bool)> = statement
        .query_map(params![owner], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let active: Vec<&(String, String, bool)> =
        found.iter().filter(|(_, _, active)| *active).collect();
    Ok(match (found.as_slice(), active.as_slice()) {
        ([], _) => Err(FieldError::new(
            UNKNOWN_OWNER_FIELD,
            format!(
                "{owner} is not in the staff directory. Add them to People, or choose someone \
                 who is."
            ),
        )),
        ([(id, name, _)], _) | (_, [(id, name, _)]) => Ok(Some((id.clone(), name.clone()))),
        _ => Err(FieldError::new(
            "owner",
            format!(
                "{} people in the directory are called {owner}: choose the right one from the list.",
                found.len()
            ),
        )),
    })
}

/// The name of a person, for audit entries; empty for nobody.
pub(crate) fn owner_name(conn: &Connection, person_id: Option<&str>) -> Result<String> {
    let Some(id) = person_id else {
        return Ok(String::new());
    };
    Ok(conn
        .prepare_cached("SELECT name FROM people WHERE id = ?1")?
        .query_row(params![id], |row| row.get(0))
        .optional()?
        .unwrap_or_default())
}
