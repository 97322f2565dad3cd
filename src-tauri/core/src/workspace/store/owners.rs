//! Finding the owner a draft names, in the staff directory, for the records that have
//! one (risks and communications).

use rusqlite::Connection;

use crate::people::{owner_name, resolve_owner};
use crate::workspace::record::FoundOwner;
use crate::Result;

/// The person `owner` names (an id or a name), with their name as the directory spells it.
pub(super) fn find(conn: &Connection, owner: &str) -> Result<FoundOwner> {
    Ok(match resolve_owner(conn, owner)? {
        Ok(Some(id)) => {
            let name = owner_name(conn, Some(&id))?;
            Ok(Some((id, name)))
        }
        Ok(None) => Ok(None),
        Err(problem) => Err(problem),
    })
}
