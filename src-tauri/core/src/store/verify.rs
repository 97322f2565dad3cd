//! The start-up check of a database, run beside the window instead of before it.
//!
//! Reading every page of a large file takes a noticeable part of a second (more on an old
//! laptop's disk), and the daily backup copies the whole file. The app opens the store at
//! once and leaves both to a background thread on a connection of its own: reading goes
//! ahead meanwhile (reading never changes a file), and every write waits for the verdict.
//! A file the check finds damaged is never written: each write is refused, as opening it
//! would have been.
//!
//! The check does not start with the window either. On a workspace of a gigabyte and
//! more it keeps a core busy for seconds, and a laptop has two or four: started at once,
//! it would slow the window's first screen, which is what the person waits for. It
//! starts when the window says its first screen is shown ([`Verification::begin`]), when
//! a write needs its verdict, or [`CHECK_BEGINS_AT_THE_LATEST`] after opening, whichever
//! comes first; and on Linux its thread runs at a lower priority than the window's.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::inspect;
use crate::backup;
use crate::{CoreError, Result};

/// How long the start-up check waits for the window's first screen before it starts
/// anyway (a window showing an error, say, never reports one).
pub(crate) const CHECK_BEGINS_AT_THE_LATEST: Duration = Duration::from_secs(3);

/// What the start-up check has found, shared by the store and the thread checking it.
pub(crate) struct Verification {
    verdict: Mutex<Verdict>,
    settled: Condvar,
    /// Whether the check may start now; the thread waits on `begun` until it may.
    may_begin: Mutex<bool>,
    begun: Condvar,
    /// Why the automatic daily backup failed, if it did.
    backup_problem: Mutex<Option<String>>,
}

enum Verdict {
    Pending,
    Sound,
    Damaged(Damage),
}

/// What [`CoreError::Damaged`] says, kept to hand out to every write that asks.
struct Damage {
    message: String,
    latest_backup: Option<String>,
}

impl From<CoreError> for Damage {
    fn from(error: CoreError) -> Self {
        match error {
            CoreError::Damaged {
                message,
                latest_backup,
            } => Self {
                message,
                latest_backup,
            },
            other => Self {
                message: other.to_string(),
                latest_backup: None,
            },
        }
    }
}

impl Damage {
    fn error(&self) -> CoreError {
        CoreError::Damaged {
            message: self.message.clone(),
            latest_backup: self.latest_backup.clone(),
        }
    }
}

impl Verification {
    /// For a store checked before it was opened, or one in memory.
    pub(crate) fn sound() -> Arc<Self> {
        Arc::new(Self::with(Verdict::Sound))
    }

    fn pending() -> Arc<Self> {
        Arc::new(Self::with(Verdict::Pending))
    }

    fn with(verdict: Verdict) -> Self {
        Self {
            verdict: Mutex::new(verdict),
            settled: Condvar::new(),
            may_begin: Mutex::new(false),
            begun: Condvar::new(),
            backup_problem: Mutex::new(None),
        }
    }

    /// Lets the check start now, if it has not yet.
    pub(crate) fn begin(&self) {
        *lock(&self.may_begin) = true;
        self.begun.notify_all();
    }

    /// Waits, on the checking thread, until the check may start or `at_the_latest` has
    /// passed.
    fn wait_to_begin(&self, at_the_latest: Duration) {
        let may_begin = lock(&self.may_begin);
        let _ = self
            .begun
            .wait_timeout_while(may_begin, at_the_latest, |may_begin| !*may_begin)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
    }

    /// Returns once the check has passed; refuses as [`CoreError::Damaged`] if it found
    /// the file damaged. Waits while the check is still running, starting it first if it
    /// was still waiting for the window.
    pub(crate) fn wait(&self) -> Result<()> {
        self.begin();
        let mut verdict = lock(&self.verdict);
        while let Verdict::Pending = *verdict {
            verdict = self
                .settled
                .wait(verdict)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        match &*verdict {
            Verdict::Damaged(damage) => Err(damage.error()),
            _ => Ok(()),
        }
    }

    /// The damage the check found, if it has finished and found any; never waits.
    pub(crate) fn damage(&self) -> Option<CoreError> {
        match &*lock(&self.verdict) {
            Verdict::Damaged(damage) => Some(damage.error()),
            _ => None,
        }
    }

    pub(crate) fn backup_problem(&self) -> Option<String> {
        lock(&self.backup_problem).clone()
    }

    pub(crate) fn set_backup_problem(&self, problem: Option<String>) {
        *lock(&self.backup_problem) = problem;
    }

    fn settle(&self, verdict: Verdict) {
        *lock(&self.verdict) = verdict;
        self.settled.notify_all();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Starts the check of the file at `path` (already open in the store) on a thread of its
/// own, once it may begin (see the module's comment), then the daily backup if the file
/// is sound and one is due. `on_settled` hears the verdict once: `Ok` for a sound file,
/// the [`CoreError::Damaged`] every write will get otherwise.
pub(crate) fn check_in_background(
    path: PathBuf,
    on_settled: impl FnOnce(Result<()>) + Send + 'static,
) -> Arc<Verification> {
    let verification = Verification::pending();
    let shared = Arc::clone(&verification);
    std::thread::spawn(move || {
        shared.wait_to_begin(CHECK_BEGINS_AT_THE_LATEST);
        super::background::yield_to_the_window();
        let verdict = match check(&path) {
            Ok(conn) => {
                shared.settle(Verdict::Sound);
                shared.set_backup_problem(daily_backup_problem(&conn, &path));
                Ok(())
            }
            Err(error) => {
                let damage = Damage::from(error);
                let error = damage.error();
                shared.settle(Verdict::Damaged(damage));
                Err(error)
            }
        };
        on_settled(verdict);
    });
    verification
}

/// The same check [`super::Store::open`] makes before opening, on a read-only connection
/// opened beside the store's (never the immutable kind: the store may write once the
/// check has passed, while this connection still makes the backup).
///
/// Every failure is [`CoreError::Damaged`]: a file that cannot even be read through is as
/// damaged as one that fails the check.
fn check(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| backup::damaged(path, &[e.to_string()]))?;
    let problems = inspect::problems(&conn, false).unwrap_or_else(|e| vec![e.to_string()]);
    if problems.is_empty() {
        Ok(conn)
    } else {
        drop(conn);
        Err(backup::damaged(path, &problems))
    }
}

/// Makes the daily backup through `conn` if one is due; the message for a failure.
pub(crate) fn daily_backup_problem(conn: &Connection, path: &Path) -> Option<String> {
    backup::daily_if_due(conn, path)
        .err()
        .map(|e| format!("The automatic daily backup could not be made: {e}"))
}
