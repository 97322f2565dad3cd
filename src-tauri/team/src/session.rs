//! A sync session: one connection to the team's server, kept for as long as it works,
//! for an app that syncs again and again (the CLI's one-off `sync` is a session of one
//! sync).
//!
//! Opening it does everything that needs doing once: the core's check of the local file
//! (integrity, migrations, the forward guard), the capture triggers written afresh, the
//! connection made (TLS, sign-in), the server's forward guard and this login's
//! membership. Each sync then asks the server again, on the same connection, whether
//! the team is still one this build understands and what this login may do now (a
//! removed member is told so, a viewer made an editor may send), and connects to the
//! local file afresh without checking it again: no connection to the file is held
//! between syncs, so a backup can still be put back in its place. When the connection
//! fails, the session is done: its owner opens a new one, which is how it reconnects.

use std::path::{Path, PathBuf};
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use postgres::Client;
use rusqlite::Connection;
use uuid::Uuid;

use crate::local::{self, store};
use crate::server::{self, Access, Joining};
use crate::sync::{self, Applied, SyncReport};
use crate::{Result, ServerAddress, TeamError};

/// The channel the server notifies on at the commit of every accepted change
/// (`server/0003_notify.sql`).
const CHANNEL: &str = "rollplan_changes";

/// A connection to the team of one joined copy.
pub struct Session {
    db: PathBuf,
    shown: String,
    client: Client,
    workspace_id: Uuid,
    access: Access,
    /// The local schema the capture triggers were last written for.
    schema_cookie: i64,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("server", &self.shown)
            .field("can_write", &self.access.can_write)
            .finish()
    }
}

impl Session {
    /// Connects the joined copy at `db` to its team, checking the server still holds the
    /// workspace this file joined and that this login is still a member (a refusal
    /// leaves the file as it is). `password` is used when the stored address has none;
    /// it is never stored.
    pub fn open(db: &Path, password: Option<&str>) -> Result<Self> {
        let mut conn = local::open(db)?;
        let link = store::link(&conn)?;
        sync::refresh_triggers(&mut conn)?;
        let schema_cookie = local::schema_cookie(&conn)?;
        drop(conn);
        let address = ServerAddress::parse(&link.server, password)?;
        let (client, team, access) = server::open(&address, Joining::AlreadyJoined)?;
        if team.workspace_id != link.workspace_id {
            return Err(TeamError::OtherWorkspace);
        }
        Ok(Self {
            db: db.to_owned(),
            shown: address.shown().to_owned(),
            client,
            workspace_id: link.workspace_id,
            access,
            schema_cookie,
        })
    }

    /// Whether this login may change the workspace (an editor or an administrator), as
    /// the server last said.
    pub fn can_write(&self) -> bool {
        self.access.can_write
    }

    /// Whom to ask for more, as a message names them.
    pub fn admin(&self) -> &str {
        &self.access.admin
    }

    /// Pushes this copy's changes, then pulls everyone else's.
    pub fn sync(&mut self) -> Result<SyncReport> {
        let mut conn = self.begin()?;
        let mut report = sync::push_all(&mut conn, &mut self.client, &self.access)?;
        let pulled = sync::pull_all(&mut conn, &mut self.client, &mut |_| Ok(()))?;
        drop(conn);
        self.after_pull(&pulled)?;
        report.received = pulled.received;
        report.last_pulled_seq = pulled.last_pulled_seq;
        report.library_changed = pulled.library_changed;
        Ok(report)
    }

    /// Sends this copy's waiting changes only.
    pub fn push(&mut self) -> Result<SyncReport> {
        let mut conn = self.begin()?;
        sync::push_all(&mut conn, &mut self.client, &self.access)
    }

    /// Applies others' changes only; `observer` hears of each change as it is applied
    /// (before its page commits), and an error from it stops the pull with that page
    /// rolled back.
    pub fn pull(&mut self, mut observer: impl FnMut(&Applied) -> Result<()>) -> Result<SyncReport> {
        let mut conn = self.begin()?;
        let pulled = sync::pull_all(&mut conn, &mut self.client, &mut observer)?;
        drop(conn);
        self.after_pull(&pulled)?;
        Ok(pulled)
    }

    /// Starts hearing of the team's accepted changes on this connection (see
    /// [`Session::wait`]).
    pub fn listen(&mut self) -> Result<()> {
        self.client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
        Ok(())
    }

    /// Waits up to `timeout` for news of accepted changes; whether any came. Several
    /// notifications that arrived together count as one (one pull fetches them all).
    /// An error means the connection is gone: open a new session.
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

    /// Before each sync: the server's checks again on this connection, and the local
    /// file, still joined to the same team, with its capture triggers written again if
    /// its schema changed since.
    fn begin(&mut self) -> Result<Connection> {
        let (team, access) =
            server::recheck(&mut self.client, &self.shown, Joining::AlreadyJoined)?;
        if team.workspace_id != self.workspace_id {
            return Err(TeamError::OtherWorkspace);
        }
        self.access = access;
        let mut conn = local::reopen(&self.db)?;
        if store::link(&conn)?.workspace_id != self.workspace_id {
            return Err(TeamError::OtherWorkspace);
        }
        if local::schema_cookie(&conn)? != self.schema_cookie {
            sync::refresh_triggers(&mut conn)?;
            self.schema_cookie = local::schema_cookie(&conn)?;
        }
        Ok(conn)
    }

    fn after_pull(&self, pulled: &SyncReport) -> Result<()> {
        if pulled.library_changed {
            local::reindex_library(&self.db)?;
        }
        Ok(())
    }
}
