//! The team tables of the local file (migration 0019), one file per table: the link to
//! the server, the outbox of changes not yet accepted, and the conflicts waiting for a
//! decision; and the core's audit log, for the history of pulled changes.

mod conflicts;
mod history;
mod link;
mod outbox;

pub(crate) use conflicts::*;
pub(crate) use history::*;
pub(crate) use link::*;
pub(crate) use outbox::*;

use uuid::Uuid;

use crate::{Result, TeamError};

fn parse_uuid(text: &str) -> Result<Uuid> {
    Uuid::parse_str(text)
        .map_err(|e| TeamError::Protocol(format!("the id {text} is not a UUID: {e}")))
}
