//! The database the window works on, opened once at start and shared by every command.

use rollplan_core::paths::{resolve_database, DatabaseLocation};
use rollplan_core::{ErrorPayload, Store};

/// Held by Tauri for the life of the app. The store is shared by reference: it
/// serialises access to its connection itself.
pub struct AppState {
    pub location: Option<DatabaseLocation>,
    opened: Result<Store, ErrorPayload>,
}

impl AppState {
    /// Resolves and opens the database. A failure is kept, not raised: the window still
    /// opens and explains what is wrong (a newer schema, an unreadable file) instead of
    /// the app vanishing at start.
    pub fn open() -> Self {
        let location = resolve_database(None);
        let opened = location
            .as_ref()
            .map_err(|e| e.payload())
            .and_then(|l| Store::open(l.path.as_ref()).map_err(ErrorPayload::from));
        Self {
            location: location.ok(),
            opened,
        }
    }

    pub fn store(&self) -> Result<&Store, ErrorPayload> {
        self.opened.as_ref().map_err(Clone::clone)
    }

    pub fn open_error(&self) -> Option<ErrorPayload> {
        self.opened.as_ref().err().cloned()
    }
}
