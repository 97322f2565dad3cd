//! The sync thread: one per open joined workspace, never on a command's path.
//!
//! It signs in once, with a session that keeps one connection (which also tells it this
//! login's role, and listens), syncs at once, then every second looks whether local
//! changes are waiting (sent straight away), whether the server told of others' changes
//! (pulled straight away), or whether a minute passed (a slow poll, in case a
//! notification was lost); every sync goes over that same connection. When it fails,
//! or the server cannot be reached, it signs in again after a growing pause, up to half
//! a minute, or at once when the person asks (*Sync now*, a new password). The local
//! file keeps every change meanwhile.

use std::path::Path;
use std::time::{Duration, Instant};

use rollplan_team::session::Session;
use rollplan_team::{setup, TeamError};

use super::chip::Connection;
use super::{Shared, CHANGED_EVENT, STATUS_EVENT};

/// How often the thread looks for local changes to send.
const TICK: Duration = Duration::from_secs(1);
/// The slow poll behind the server's notifications.
const POLL: Duration = Duration::from_secs(60);
/// The longest pause between tries to reach the server.
const LONGEST_PAUSE: Duration = Duration::from_secs(30);

/// Runs until asked to stop or until the file is no longer in a team.
pub(super) fn run(shared: &Shared, db: &Path) {
    let mut pause = Duration::from_secs(2);
    loop {
        {
            let mut live = shared.live();
            if live.stop {
                live.running = false;
                return;
            }
            live.reconnect = false;
        }
        let Ok(Some(status)) = setup::peek(db) else {
            shared.live().running = false;
            shared.tell(STATUS_EVENT);
            return;
        };
        let password = shared.passwords.get(&status.server);
        let opened = Session::open(db, password.as_deref()).and_then(|mut session| {
            session.listen()?;
            Ok(session)
        });
        match opened {
            Ok(session) => {
                pause = Duration::from_secs(2);
                {
                    let mut live = shared.live();
                    live.connection = Connection::Online;
                    live.can_write = Some(session.can_write());
                    live.admin = Some(session.admin().to_owned());
                    live.problem = None;
                }
                shared.tell(STATUS_EVENT);
                serve(shared, db, session, password.is_some());
            }
            Err(error) => {
                let refused = failed(shared, &status.server, &error, password.is_some());
                // A refusal waits for the person (a new password, Sync now); a server out
                // of reach is tried again by itself.
                let wait = if refused { LONGEST_PAUSE * 4 } else { pause };
                wait_for_request(shared, wait);
                pause = (pause * 2).min(LONGEST_PAUSE);
            }
        }
    }
}

/// Syncs while the session's connection lasts; returns to sign in again.
fn serve(shared: &Shared, db: &Path, mut session: Session, had_password: bool) {
    let mut heard = true;
    let mut last = Instant::now();
    loop {
        let (asked, stop, reconnect) = {
            let mut live = shared.live();
            (
                std::mem::take(&mut live.sync_now),
                live.stop,
                live.reconnect,
            )
        };
        if stop || reconnect {
            return;
        }
        let waiting = matches!(setup::peek(db), Ok(Some(s)) if s.changes_waiting > 0);
        if heard || asked || waiting || last.elapsed() >= POLL {
            last = Instant::now();
            if let Err(error) = sync_once(shared, &mut session) {
                let server = setup::peek(db).ok().flatten().map(|s| s.server);
                failed(shared, &server.unwrap_or_default(), &error, had_password);
                return;
            }
        }
        match session.wait(TICK) {
            Ok(news) => heard = news,
            Err(_) => {
                shared.live().connection = Connection::Offline;
                shared.tell(STATUS_EVENT);
                return;
            }
        }
    }
}

/// One push and pull (a pull only for a viewer, whose changes the server would refuse)
/// over the session's connection; the window hears when it starts and ends, and when
/// others' changes arrived. The role the server gave at this sync is kept, so a viewer
/// made an editor may send from the next one.
fn sync_once(shared: &Shared, session: &mut Session) -> Result<(), TeamError> {
    shared.live().syncing = true;
    shared.tell(STATUS_EVENT);
    let done = if session.can_write() {
        session.sync()
    } else {
        session.pull(|_| Ok(()))
    };
    {
        let mut live = shared.live();
        live.syncing = false;
        if done.is_ok() {
            live.last_synced = Some(Instant::now());
            live.connection = Connection::Online;
            live.problem = None;
            live.can_write = Some(session.can_write());
            live.admin = Some(session.admin().to_owned());
        }
    }
    let report = done?;
    if report.received > 0 || report.new_conflicts > 0 {
        shared.tell(CHANGED_EVENT);
    }
    shared.tell(STATUS_EVENT);
    Ok(())
}

/// Records why signing in or syncing failed; whether it is a refusal that waits for the
/// person (rather than a server out of reach, tried again by itself).
fn failed(shared: &Shared, server: &str, error: &TeamError, had_password: bool) -> bool {
    let connection = match error {
        TeamError::Unreachable { .. } | TeamError::Server(_) => Connection::Offline,
        TeamError::SignIn { .. } => {
            if had_password {
                // A password the server refused is not kept for the next start.
                shared.passwords.forget(server);
            }
            Connection::NeedsPassword
        }
        _ => Connection::Refused,
    };
    let refused = connection != Connection::Offline;
    {
        let mut live = shared.live();
        live.syncing = false;
        live.problem = Some(error.to_string());
        live.connection = connection;
    }
    shared.tell(STATUS_EVENT);
    refused
}

/// Waits `pause`, or less if the person asks for something meanwhile.
fn wait_for_request(shared: &Shared, pause: Duration) {
    let live = shared.live();
    if live.sync_now || live.reconnect || live.stop {
        return;
    }
    let _ = shared
        .asked
        .wait_timeout_while(live, pause, |l| !(l.sync_now || l.reconnect || l.stop));
}
