//! Owners across Rollplan — of tasks, criteria, risks, messages, metrics — are people
//! from the staff directory. A draft may name one by id (a picker) or by name (typed, or
//! a cell of an imported plan); this is where such a name becomes a person.

use super::store::people as rows;
use crate::store::Conn;
use crate::{FieldError, Result};

/// The field of the validation error for an owner nobody in the directory is called:
/// distinct from `owner` so the UI can offer to add that person instead of just
/// showing the message.
pub const UNKNOWN_OWNER_FIELD: &str = "owner_not_in_directory";

/// The person `owner` names: an id, an email address in the directory, or the name of
/// exactly one person not in the trash (an active person wins over a former colleague
/// of the same name). Empty is nobody.
///
/// The outer error is a database fault; the inner one is the message for the field.
pub(crate) fn resolve_owner(
    conn: &Conn,
    owner: &str,
) -> Result<std::result::Result<Option<String>, FieldError>> {
    Ok(find_owner(conn, owner)?.map(|found| found.map(|(id, _)| id)))
}

/// [`resolve_owner`] for an edit of a record owned by `current` (a person's id): see
/// [`find_owner_keeping`].
pub(crate) fn resolve_owner_keeping(
    conn: &Conn,
    owner: &str,
    current: Option<&str>,
) -> Result<std::result::Result<Option<String>, FieldError>> {
    Ok(find_owner_keeping(conn, owner, current)?.map(|found| found.map(|(id, _)| id)))
}

/// [`find_owner`] for an edit of a record owned by `current` (a person's id): a draft
/// naming that person by the name they have keeps them, even when someone else in the
/// directory has the same name. A form shows the owner as a name and sends it back
/// unchanged; a namesake hired since must not make every later edit ask who is meant.
/// Any other name is found as [`find_owner`] finds it.
pub(crate) fn find_owner_keeping(
    conn: &Conn,
    owner: &str,
    current: Option<&str>,
) -> Result<std::result::Result<Option<(String, String)>, FieldError>> {
    if let Some((id, name)) = current
        .map(|id| rows::live_by_id(conn, id))
        .transpose()?
        .flatten()
    {
        if !owner.trim().is_empty() && name.trim() == owner.trim() {
            return Ok(Ok(Some((id, name))));
        }
    }
    find_owner(conn, owner)
}

/// [`resolve_owner`], with the person's name as the directory spells it: (id, name).
pub(crate) fn find_owner(
    conn: &Conn,
    owner: &str,
) -> Result<std::result::Result<Option<(String, String)>, FieldError>> {
    let owner = owner.trim();
    if owner.is_empty() {
        return Ok(Ok(None));
    }
    if let Some(by_id) = rows::live_by_id(conn, owner)? {
        return Ok(Ok(Some(by_id)));
    }
    if owner.contains('@') {
        if let Some(by_email) = rows::live_by_email(conn, owner)? {
            return Ok(Ok(Some(by_email)));
        }
    }
    Ok(choose_by_name(owner, &rows::live_named(conn, owner)?))
}

/// Of the people called `owner` (id, name, active), the one it names: the only one, or
/// the only active one; otherwise why it names nobody.
fn choose_by_name(
    owner: &str,
    found: &[(String, String, bool)],
) -> std::result::Result<Option<(String, String)>, FieldError> {
    let active: Vec<&(String, String, bool)> =
        found.iter().filter(|(_, _, active)| *active).collect();
    match (found, active.as_slice()) {
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
    }
}

/// The people a name that names more than one person could mean: the active ones of
/// that name, or all of them when none is active (as [`find_owner`] chooses).
pub(crate) fn namesakes(conn: &Conn, name: &str) -> Result<Vec<super::Person>> {
    let all = rows::live_people_named(conn, name.trim())?;
    Ok(if all.iter().any(|p| p.active) {
        all.into_iter().filter(|p| p.active).collect()
    } else {
        all
    })
}

/// People whose name reads as `name` once titles and credentials are set aside and the
/// family name put first ("Jordan Blake, NP", "Dr. Jordan Blake", "Blake, Jordan" for
/// "Jordan Blake"), by sort key: whom a name nobody has exactly may still mean. Active
/// people only; `directory` is every live person, read once by the caller.
pub(crate) fn similar_people(directory: &[super::Person], name: &str) -> Vec<super::Person> {
    let key = super::family_sort_key(name);
    directory
        .iter()
        .filter(|p| p.active && p.sort_key == key)
        .cloned()
        .collect()
}

/// The name of a person, for audit entries; empty for nobody.
pub(crate) fn owner_name(conn: &Conn, person_id: Option<&str>) -> Result<String> {
    let Some(id) = person_id else {
        return Ok(String::new());
    };
    Ok(rows::name_of(conn, id)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, active: bool) -> (String, String, bool) {
        (id.to_owned(), "Sam Lee".to_owned(), active)
    }

    #[test]
    fn a_name_picks_the_one_person_or_the_one_active_person() {
        assert_eq!(
            choose_by_name("Sam Lee", &[person("a", false)]),
            Ok(Some(("a".into(), "Sam Lee".into()))),
            "the only person of that name, active or not"
        );
        assert_eq!(
            choose_by_name("Sam Lee", &[person("b", true), person("a", false)]),
            Ok(Some(("b".into(), "Sam Lee".into()))),
            "an active person wins over a former colleague"
        );
        let two = choose_by_name("Sam Lee", &[person("a", true), person("b", true)]);
        assert_eq!(two.map_err(|e| e.field), Err("owner".to_owned()));
        let nobody = choose_by_name("Sam Lee", &[]);
        assert_eq!(
            nobody.map_err(|e| e.field),
            Err(UNKNOWN_OWNER_FIELD.to_owned()),
            "nobody of that name is the field the UI offers to add from"
        );
    }
}
