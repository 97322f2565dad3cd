//! Hearing of others' changes as the server accepts them, for an app that stays open.
//!
//! A dedicated connection listens on `rollplan_changes` (the server notifies it at the
//! commit of every accepted change, `server/0003_notify.sql`); a notification carries
//! nothing but the news, and the listener's owner then pulls as usual. Opening the
//! listener goes through the same checks as a sync (the forward guard, the same
//! workspace, still a member), so it also tells the app what this login may do: whether
//! it may change the workspace, and whom to ask otherwise.

use std::path::Path;
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use postgres::Client;

use crate::local::{self, store};
use crate::server::{self, Joining};
use crate::{Result, ServerAddress, TeamError};

/// The channel the server notifies on.
const CHANNEL: &str = "rollplan_changes";

/// A connection listening for the team's accepted changes.
pub struct Listener {
    client: Client,
    /// Whether this login may change the workspace (an editor or an administrator).
    pub can_write: bool,
    /// Whom to ask for more, as a message names them.
    pub admin: String,
}

impl std::fmt::Debug for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Listener")
            .field("can_write", &self.can_write)
            .field("admin", &self.admin)
            .finish()
    }
}

impl Listener {
    /// Connects to the team of the joined copy at `db` and starts listening. `password`
    /// is used when the stored address has none; it is never stored.
    pub fn open(db: &Path, password: Option<&str>) -> Result<Self> {
        let server = {
            let conn = local::open(db)?;
            store::link(&conn)?.server
        };
        let address = ServerAddress::parse(&server, password)?;
        let (mut client, team, access) = server::open(&address, Joining::AlreadyJoined)?;
        let conn = local::open(db)?;
        if team.workspace_id != store::link(&conn)?.workspace_id {
            return Err(TeamError::OtherWorkspace);
        }
        client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
        Ok(Self {
            client,
            can_write: access.can_write,
            admin: access.admin,
        })
    }

    /// Waits up to `timeout` for news of accepted changes; whether any came. Several
    /// notifications that arrived together count as one (one pull fetches them all).
    /// An error means the connection is gone: open a new listener.
    pub fn wait(&mut self, timeout: Duration) -> Result<bool> {
        let heard = {
            let mut notifications = self.client.notifications();
            let heard = notifications.timeout_iter(timeout).next()?.is_some();
            if heard {
                // Those already here are about the same pull.
                while notifications.iter().next()?.is_some() {}
            }
            heard
        };
        if !heard && self.client.is_closed() {
            return Err(TeamError::Protocol(
                "the connection to the team server was closed".to_owned(),
            ));
        }
        Ok(heard)
    }
}
