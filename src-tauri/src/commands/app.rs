//! The app itself: what it knows at start, where its data lives, restarting.

use rollplan_core::paths;
use tauri::{AppHandle, State};

use super::Reply;
use crate::info::AppInfo;
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

/// Restarts the app, so a newly chosen database is opened.
#[tauri::command]
pub fn restart_app(app: AppHandle) {
    app.restart();
}
