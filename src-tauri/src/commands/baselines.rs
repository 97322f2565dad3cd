//! Baselines of a rollout's plan: set one, list, rename, remove (and restore), and
//! choose the one the plan compares with. The comparison itself comes with `plan_view`.

use rollplan_core::plan::Baseline;
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn set_baseline(
    state: State<'_, AppState>,
    rollout_id: String,
    name: String,
) -> Reply<Baseline> {
    Ok(state.store()?.set_baseline(&rollout_id, &name)?)
}

#[tauri::command(async)]
pub fn list_baselines(state: State<'_, AppState>, rollout_id: String) -> Reply<Vec<Baseline>> {
    Ok(state.store()?.list_baselines(&rollout_id)?)
}

#[tauri::command(async)]
pub fn rename_baseline(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    name: String,
) -> Reply<Baseline> {
    Ok(state
        .store()?
        .rename_baseline(&id, expected_row_version, &name)?)
}

#[tauri::command(async)]
pub fn choose_baseline(state: State<'_, AppState>, id: String) -> Reply<Vec<Baseline>> {
    Ok(state.store()?.choose_baseline(&id)?)
}

#[tauri::command(async)]
pub fn remove_baseline(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.remove_baseline(&id)?)
}

#[tauri::command(async)]
pub fn restore_baseline(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_baseline(&id)?)
}
