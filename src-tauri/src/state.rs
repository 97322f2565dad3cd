//! The database the window works on, opened at start and shared by every command, and
//! swapped for a backup when the person restores one.

use std::ops::Deref;
use std::path::Path;
use std::sync::{RwLock, RwLockReadGuard};

use rollplan_core::backup::{check_backup, restore_backup, RestoreOutcome};
use rollplan_core::paths::{resolve_database, DatabaseLocation};
use rollplan_core::{CoreError, ErrorPayload, Store};

/// Held by Tauri for the life of the app. Commands share the store through a read lock
/// (the store serialises access to its connection itself); only a restore takes the
/// write lock, so it waits for commands in flight and none starts while the file is
/// being replaced.
pub struct AppState {
    pub location: Option<DatabaseLocation>,
    opened: RwLock<Result<Store, ErrorPayload>>,
}

/// The open store, for as long as a command uses it.
pub struct StoreRef<'a>(RwLockReadGuard<'a, Result<Store, ErrorPayload>>);

impl Deref for StoreRef<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        match &*self.0 {
            Ok(store) => store,
            // `AppState::store` hands out a StoreRef only for an open store.
            Err(_) => unreachable!("a StoreRef always holds an open store"),
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
        let location = resolve_database(None);
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
            opened: RwLock::new(opened),
        }
    }

    pub fn store(&self) -> Result<StoreRef<'_>, ErrorPayload> {
        let guard = self.opened.read().map_err(|_| poisoned())?;
        match &*guard {
            Ok(_) => Ok(StoreRef(guard)),
            Err(error) => Err(error.clone()),
        }
    }

    /// Why the database cannot be worked on: it could not be opened, or the start-up
    /// check has since found it damaged.
    pub fn open_error(&self) -> Option<ErrorPayload> {
        match self.opened.read() {
            Ok(guard) => match &*guard {
                Ok(store) => store.damage().map(ErrorPayload::from),
                Err(error) => Some(error.clone()),
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
    /// old one if the restore failed.
    pub fn restore(&self, backup: &Path) -> Result<RestoreOutcome, ErrorPayload> {
        let database = self.database_path()?.to_path_buf();
        check_backup(backup)?;
        let mut opened = self.opened.write().map_err(|_| poisoned())?;
        // The start-up check of the file being replaced has its say first, so no verdict
        // on the old file arrives once the backup is in its place.
        if let Ok(store) = &*opened {
            let _ = store.wait_until_checked();
        }
        // Dropping the store closes its connection, so the file can be replaced.
        *opened = Err(CoreError::Conflict("The database is being restored.".into()).into());
        let restored = restore_backup(&database, backup);
        *opened = Store::open(&database).map_err(ErrorPayload::from);
        Ok(restored?)
    }
}

fn poisoned() -> ErrorPayload {
    CoreError::Conflict("Rollplan hit an internal fault; restart it.".into()).into()
}
