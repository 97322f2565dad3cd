//! The typed commands the UI calls. Each is a one-line delegation into rollplan-core;
//! `async` makes Tauri run them off the main thread so the window never waits on disk.

use rollplan_core::audit::AuditEntry;
use rollplan_core::paths;
use rollplan_core::rollouts::{Rollout, RolloutDraft};
use rollplan_core::ErrorPayload;
use tauri::{AppHandle, State};

use crate::info::AppInfo;
use crate::state::AppState;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    AppInfo::of(&state)
}

#[tauri::command(async)]
pub fn list_rollouts(state: State<'_, AppState>) -> Reply<Vec<Rollout>> {
    Ok(state.store()?.list_rollouts()?)
}

#[tauri::command(async)]
pub fn list_trashed_rollouts(state: State<'_, AppState>) -> Reply<Vec<Rollout>> {
    Ok(state.store()?.list_trashed_rollouts()?)
}

#[tauri::command(async)]
pub fn get_rollout(state: State<'_, AppState>, id: String) -> Reply<Rollout> {
    Ok(state.store()?.get_rollout(&id)?)
}

#[tauri::command(async)]
pub fn create_rollout(state: State<'_, AppState>, draft: RolloutDraft) -> Reply<Rollout> {
    Ok(state.store()?.create_rollout(&draft)?)
}

#[tauri::command(async)]
pub fn update_rollout(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: RolloutDraft,
) -> Reply<Rollout> {
    Ok(state
        .store()?
        .update_rollout(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_rollout(state: State<'_, AppState>, id: String) -> Reply<Rollout> {
    Ok(state.store()?.trash_rollout(&id)?)
}

#[tauri::command(async)]
pub fn restore_rollout(state: State<'_, AppState>, id: String) -> Reply<Rollout> {
    Ok(state.store()?.restore_rollout(&id)?)
}

#[tauri::command(async)]
pub fn purge_rollout(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.purge_rollout(&id)?)
}

#[tauri::command(async)]
pub fn rollout_history(state: State<'_, AppState>, id: String) -> Reply<Vec<AuditEntry>> {
    Ok(state.store()?.rollout_history(&id)?)
}

#[tauri::command(async)]
pub fn seed_sample_clinic(state: State<'_, AppState>) -> Reply<Vec<Rollout>> {
    let today = chrono::Local::now().date_naive();
    Ok(rollplan_core::demo::seed_sample_clinic(
        state.store()?,
        today,
    )?)
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
