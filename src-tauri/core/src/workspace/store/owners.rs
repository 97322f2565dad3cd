//! Finding the owner a draft names, in the staff directory, for the records that have
//! one (risks and communications).

use rusqlite::Connection;

use crate::people::{owner_name, resolve_owner_keeping};
use crate::workspace::record::FoundOwner;
use crate::Result;

/// The person `owner` names (an id or a name), with their name as the directory spells
/// it; `current` is the owner of the record being edited, kept when the draft names them
/// by their name (see `resolve_owner_keeping`).
pub(super) fn find(conn: &Connection, owner: &str, current: Option<&str>) -> Result<FoundOwner> {
    Ok(match resolve_owner_keeping(conn, owner, current)? {
        Ok(Some(id)) => {
            let name = owner_name(conn, Some(&id))?;
            Ok(Some((id, name)))
        }
        Ok(None) => Ok(None),
        Err(problem) => Err(problem),
    })
}
