//! Opening a connection to a team: the forward guard first (a newer team schema is
//! refused before anything else is asked), then who the signed-in login is there. Every
//! command that works on a team's content starts here, so a login that is not (or no
//! longer) a member is told so before anything is sent or applied.

use postgres::Client;

use super::members;
use super::schema::{self, TeamInfo, MEMBERS_VERSION};
use crate::{Result, ServerAddress, TeamError};

/// What the signed-in login may do in the team.
#[derive(Debug, Clone)]
pub(crate) struct Access {
    /// Whether it may send changes (an editor or an administrator).
    pub can_write: bool,
    /// Whom to ask for more, as a message names them.
    pub admin: String,
}

/// Whether the copy opening the team already belongs to it: a refusal then says the
/// login is no longer a member, rather than not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Joining {
    New,
    AlreadyJoined,
}

/// Connects to the team at `address` and learns what this login may do there.
pub(crate) fn open(
    address: &ServerAddress,
    joining: Joining,
) -> Result<(Client, TeamInfo, Access)> {
    let mut client = address.connect()?;
    let (team, access) = recheck(&mut client, address.shown(), joining)?;
    Ok((client, team, access))
}

/// The same checks as [`open`] on a connection already made: a connection kept for
/// many syncs learns before each whether the team is still one this build understands,
/// whether this login is still a member, and what it may do now.
pub(crate) fn recheck(
    client: &mut Client,
    shown: &str,
    joining: Joining,
) -> Result<(TeamInfo, Access)> {
    let team = schema::check(client, shown)?;
    if team.schema_version < MEMBERS_VERSION {
        // A team of the first version: its grants alone decide, and a refused write
        // says so when it happens.
        let access = Access {
            can_write: true,
            admin: "the team's administrator".to_owned(),
        };
        return Ok((team, access));
    }
    let me = members::membership(client)?;
    let Some(role) = me.role()? else {
        return Err(match joining {
            Joining::AlreadyJoined => TeamError::NoLongerMember,
            Joining::New => TeamError::NotAMember { login: me.login },
        });
    };
    let access = Access {
        can_write: role.can_write(),
        admin: me.admin_name(),
    };
    Ok((team, access))
}

/// Connects for a member command (an administrator's, or the list): the team must keep
/// members (a first-version team is upgraded by `team init` first).
pub(crate) fn open_for_members(address: &ServerAddress) -> Result<Client> {
    let mut client = address.connect()?;
    let team = schema::check(&mut client, address.shown())?;
    if team.schema_version < MEMBERS_VERSION {
        return Err(TeamError::OlderServerSchema {
            found: team.schema_version,
        });
    }
    Ok(client)
}
