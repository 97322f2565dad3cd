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
    pub fn open() -> Self {
        let location = resolve_database(None);
        let opened = location
            .as_ref()
            .map_err(|e| e.payload())
            .and_then(|l| Store::open(l.path.as_ref()).map_err(ErrorPayload::from));
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

    pub fn open_error(&self) -> Option<ErrorPayload> {
        match self.opened.read() {
            Ok(guard) => guard.as_ref().err().cloned(),
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
