//! The database the window works on, opened at start and shared by every command,
//! swapped for a backup when the person restores one, and closed for good before the
//! app exits or restarts.

use std::ops::Deref;
use std::path::Path;
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use rollplan_core::backup::{check_backup, restore_backup, RestoreOutcome};
use rollplan_core::paths::{resolve_database, DatabaseLocation};
use rollplan_core::{CoreError, ErrorPayload, Store};

/// Held by Tauri for the life of the app. Commands share the store through a read lock
/// (the store serialises access to its connection itself); a restore and the close
/// before exiting take the write lock, so each waits for the commands in flight and
/// none starts while the file is being replaced or closed.
pub struct AppState {
    pub location: Option<DatabaseLocation>,
    opened: RwLock<Slot>,
}

/// What the commands find behind the lock.
enum Slot {
    Open(Store),
    /// The database could not be opened (or reopened after a restore); the window says
    /// why.
    Failed(ErrorPayload),
    /// The app is exiting or restarting and has closed the store: nothing opens it
    /// again in this process, so a new instance never finds the file still in use.
    Closed,
}

/// The store, with the person's actions recorded so they can be undone. Should the
/// recording fail to start, the work goes on without it: the header then offers
/// nothing to undo, and the reason is on stderr.
fn recording_undo(store: Store) -> Store {
    if let Err(error) = store.record_undo() {
        eprintln!("Undo is unavailable: {error}");
    }
    store
}

/// The open store, for as long as a command uses it.
pub struct StoreRef<'a>(RwLockReadGuard<'a, Slot>);

impl Deref for StoreRef<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        match &*self.0 {
            Slot::Open(store) => store,
            // `AppState::store` hands out a StoreRef only for an open store.
            Slot::Failed(_) | Slot::Closed => unreachable!("a StoreRef always holds an open store"),
        }
    }
}

impl AppState {
    /// Resolves and opens the database. A failure is kept, not raised: the window still
    /// opens and explains what is wrong (a newer schema, a damaged file) instead of the
    /// app vanishing at start.
    ///
    /// An existing file is checked on a background thread while the window already
    /// shows it (writes wait for the check); `on_damaged` hears if the check finds the
    /// file damaged, so the window can say so.
    pub fn open(on_damaged: impl FnOnce(ErrorPayload) + Send + 'static) -> Self {
        Self::open_at(resolve_database(None), on_damaged)
    }

    /// [`AppState::open`] on a location already resolved.
    pub fn open_at(
        location: Result<DatabaseLocation, CoreError>,
        on_damaged: impl FnOnce(ErrorPayload) + Send + 'static,
    ) -> Self {
        let opened = location.as_ref().map_err(|e| e.payload()).and_then(|l| {
            Store::open_checking_in_background(l.path.as_ref(), move |verdict| {
                if let Err(damage) = verdict {
                    on_damaged(damage.into());
                }
            })
            .map_err(ErrorPayload::from)
        });
        Self {
            location: location.ok(),
            opened: RwLock::new(match opened {
                Ok(store) => Slot::Open(recording_undo(store)),
                Err(error) => Slot::Failed(error),
            }),
        }
    }

    pub fn store(&self) -> Result<StoreRef<'_>, ErrorPayload> {
        let guard = self.opened.read().map_err(|_| poisoned())?;
        match &*guard {
            Slot::Open(_) => Ok(StoreRef(guard)),
            Slot::Failed(error) => Err(error.clone()),
            Slot::Closed => Err(closing()),
        }
    }

    /// Why the database cannot be worked on: it could not be opened, or the start-up
    /// check has since found it damaged.
    pub fn open_error(&self) -> Option<ErrorPayload> {
        match self.opened.read() {
            Ok(guard) => match &*guard {
                Slot::Open(store) => store.damage().map(ErrorPayload::from),
                Slot::Failed(error) => Some(error.clone()),
                Slot::Closed => Some(closing()),
            },
            Err(_) => Some(poisoned()),
        }
    }

    /// The database file in use; refused when none could be resolved.
    pub fn database_path(&self) -> Result<&Path, ErrorPayload> {
        self.location
            .as_ref()
            .map(|l| Path::new(&l.path))
            .ok_or_else(|| CoreError::invalid("database", "No database file is in use.").into())
    }

    /// Replaces the database with `backup`: the backup is checked while the store is
    /// still open, then the store is closed, the file replaced (a copy of the current
    /// one kept first), and the store opened again — on the restored file, or on the
    /// old one if the restore failed. Refused, with the file untouched, once the app has
    /// closed the store to exit.
    pub fn restore(&self, backup: &Path) -> Result<RestoreOutcome, ErrorPayload> {
        let database = self.database_path()?.to_path_buf();
        check_backup(backup)?;
        let mut opened = self.opened.write().map_err(|_| poisoned())?;
        match &*opened {
            // The start-up check of the file being replaced has its say first, so no
            // verdict on the old file arrives once the backup is in its place.
            Slot::Open(store) => {
                let _ = store.wait_until_checked();
            }
            Slot::Failed(_) => {}
            // Reopening here would hand the file back to a process on its way out,
            // perhaps while the next instance already opens it.
            Slot::Closed => return Err(closing()),
        }
        // Dropping the store closes its connection, so the file can be replaced.
        *opened =
            Slot::Failed(CoreError::Conflict("The database is being restored.".into()).into());
        let restored = restore_backup(&database, backup);
        *opened = match Store::open(&database) {
            Ok(store) => Slot::Open(recording_undo(store)),
            Err(error) => Slot::Failed(error.into()),
        };
        Ok(restored?)
    }

    /// Closes the store for good, once the commands using it are done: a restore
    /// replacing the file finishes (and reopens it) first, a write commits or rolls
    /// back first. The app calls this as it exits or restarts, before the next instance
    /// can start; every command after it is refused. The exit calls this on the main
    /// thread, so a command must never wait for the main thread (a native dialog, say)
    /// while it holds the store, or the exit would wait for it forever.
    pub fn close(&self) {
        // A lock poisoned by a panicking command still guards the store, and closing
        // it is as right then as ever.
        let mut opened = self.opened.write().unwrap_or_else(PoisonError::into_inner);
        // Dropping the store closes its connection.
        *opened = Slot::Closed;
    }
}

fn poisoned() -> ErrorPayload {
    CoreError::Conflict("Rollplan hit an internal fault; restart it.".into()).into()
}

fn closing() -> ErrorPayload {
    CoreError::Conflict("Rollplan is closing.".into()).into()
}

#[cfg(test)]
mod tests;
