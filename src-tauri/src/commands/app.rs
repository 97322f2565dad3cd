//! The app itself: what it knows at start, where its data lives, restarting.

use rollplan_core::paths;
use tauri::{AppHandle, State};

use super::Reply;
use crate::info::AppInfo;
use crate::startup::{Startup, StartupReport};
use crate::state::AppState;

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo::of(&state)
}

#[tauri::command(async)]
pub fn choose_database(path: String) -> Reply<String> {
    Ok(paths::choose_database(&paths::settings_path()?, &path)?)
}

#[tauri::command(async)]
pub fn use_default_database() -> Reply<()> {
    Ok(paths::use_default_database(&paths::settings_path()?)?)
}

/// Restarts the app, so a newly chosen database is opened. The restart takes the same
/// way out as closing the window (`lifecycle`): the store is closed after the commands
/// in flight, and only then does the next instance start.
#[tauri::command]
pub fn restart_app(app: AppHandle) {
    app.request_restart();
}

/// The window calls this once its first screen shows real content (Home with its
/// figures, or the screen saying the database could not be opened). Logged once per
/// launch, so how long the app takes to become usable can be read off and benchmarked.
/// The start-up check of the database waits for this moment, so it does not slow the
/// first screen down.
#[tauri::command(async)]
pub fn first_screen_shown(
    startup: State<'_, Startup>,
    state: State<'_, AppState>,
    report: StartupReport,
) {
    startup.first_screen_shown(&report);
    if let Ok(store) = state.store() {
        store.begin_startup_check();
    }
}
