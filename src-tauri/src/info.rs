//! What the window needs to know about the app itself at start.

use rollplan_core::paths::{self, DatabaseLocation};
use rollplan_core::ErrorPayload;
use serde::Serialize;
use ts_rs::TS;

use crate::state::AppState;

/// Version, database location, and why the database could not be opened, if it could not.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub database: Option<DatabaseLocation>,
    /// Set when the database could not be opened; the window shows it instead of the app.
    pub open_error: Option<ErrorPayload>,
    /// The database the next start will open, as things stand now (a file chosen in
    /// Settings takes effect at the next start).
    pub next_start: Option<DatabaseLocation>,
}

impl AppInfo {
    pub fn of(state: &AppState) -> Self {
        Self {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database: state.location.clone(),
            open_error: state.open_error(),
            next_start: paths::resolve_database(None).ok(),
        }
    }
}
