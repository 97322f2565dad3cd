//! Team mode in the app: whether the open workspace is joined to a team, the sync
//! thread that keeps it in step with the team's server, the chip's words, and the
//! password kept for it.
//!
//! The local file stays the working copy: every screen keeps reading it through the
//! core, and nothing here runs on a command's path except reading this state. The sync
//! thread ([`worker`]) sends local changes soon after they are made, listens for the
//! server's news of others' changes and pulls them, and tells the window through two
//! events: [`STATUS_EVENT`] when the chip may read differently, [`CHANGED_EVENT`] when
//! others' changes were written into the file (the window reloads the open screen's
//! data).

pub mod chip;
pub mod password;
mod view;
mod worker;
pub mod writes;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

pub use view::{ConflictView, TeamView};

use chip::Connection;
use password::Passwords;

/// The chip or the Team settings may read differently.
pub const STATUS_EVENT: &str = "team-status";
/// Others' changes were written into the local file.
pub const CHANGED_EVENT: &str = "team-changed";

/// Held by Tauri for the life of the app.
pub struct Team {
    shared: Arc<Shared>,
}

/// What the sync thread and the commands share.
struct Shared {
    live: Mutex<Live>,
    /// Wakes the sync thread when a request comes in.
    asked: Condvar,
    passwords: Passwords,
    tell: Box<dyn Fn(&'static str) + Send + Sync>,
}

/// The sync thread's standing and the requests waiting for it.
struct Live {
    db: Option<PathBuf>,
    running: bool,
    connection: Connection,
    syncing: bool,
    last_synced: Option<Instant>,
    /// The last refusal or fault, in the team crate's words.
    problem: Option<String>,
    /// Learnt at sign-in: whether this login may change the workspace, and whom to ask.
    can_write: Option<bool>,
    admin: Option<String>,
    sync_now: bool,
    reconnect: bool,
    stop: bool,
}

impl Team {
    /// Team mode for the workspace at `db` (none when no file could be resolved);
    /// `tell` sends an event to the window. Nothing starts until [`Team::start`].
    pub fn new(
        db: Option<PathBuf>,
        passwords: Passwords,
        tell: impl Fn(&'static str) + Send + Sync + 'static,
    ) -> Self {
        Self {
            shared: Arc::new(Shared {
                live: Mutex::new(Live {
                    db,
                    running: false,
                    connection: Connection::Connecting,
                    syncing: false,
                    last_synced: None,
                    problem: None,
                    can_write: None,
                    admin: None,
                    sync_now: false,
                    reconnect: false,
                    stop: false,
                }),
                asked: Condvar::new(),
                passwords,
                tell: Box::new(tell),
            }),
        }
    }

    /// Starts the sync thread if the workspace is joined to a team (a workspace that
    /// never joined one gets no thread and no chip).
    pub fn start(&self) {
        let mut live = self.shared.live();
        let Some(db) = live.db.clone() else { return };
        if live.running || !matches!(rollplan_team::setup::peek(&db), Ok(Some(_))) {
            return;
        }
        live.running = true;
        live.stop = false;
        let shared = Arc::clone(&self.shared);
        let started = std::thread::Builder::new()
            .name("team sync".into())
            .spawn(move || worker::run(&shared, &db));
        if let Err(error) = started {
            live.running = false;
            live.problem = Some(format!("Rollplan could not start syncing: {error}"));
        }
    }

    /// Asks the sync thread to sync now (Settings → Team, *Sync now*).
    pub fn sync_now(&self) {
        self.shared.live().sync_now = true;
        self.shared.asked.notify_all();
    }

    /// Keeps `password` for the team's address and has the thread sign in again with it.
    pub fn sign_in(&self, server: &str, password: &str) {
        self.shared.passwords.remember(server, password);
        self.shared.live().reconnect = true;
        self.shared.asked.notify_all();
        self.start();
    }

    /// Stops the sync thread (it finishes a sync under way first, on its own time).
    pub fn stop(&self) {
        self.shared.live().stop = true;
        self.shared.asked.notify_all();
    }

    /// The passwords of this session.
    pub fn passwords(&self) -> &Passwords {
        &self.shared.passwords
    }

    /// The database file this team state is about.
    pub fn db(&self) -> Option<PathBuf> {
        self.shared.live().db.clone()
    }

    /// Whether this login may change the workspace: `Err(admin)` for a viewer, learnt
    /// when the sync thread signed in. A workspace not in a team, or a sign-in not yet
    /// made, is not refused here (the server still refuses a viewer's change).
    pub fn may_write(&self) -> Result<(), String> {
        let live = self.shared.live();
        match (&live.can_write, &live.admin) {
            (Some(false), Some(admin)) if live.running => Err(admin.clone()),
            _ => Ok(()),
        }
    }

    /// The chip and the Team settings' figures, read from the file and this state.
    pub fn view(&self) -> TeamView {
        view::of(&self.shared, &self.shared.live())
    }
}

impl Shared {
    fn live(&self) -> MutexGuard<'_, Live> {
        // The fields are each written whole: a panic elsewhere cannot leave them torn.
        self.live.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn tell(&self, event: &'static str) {
        (self.tell)(event);
    }
}

/// The account a password is kept under: the address as stored (it names the login
/// and never holds the password).
pub fn account_of(db: &Path) -> Option<String> {
    rollplan_team::setup::peek(db)
        .ok()
        .flatten()
        .map(|s| s.server)
}
