//! Programmes and their waves: listed for Home, the programme's page, creating and
//! renaming one, adding or taking out a rollout, planning the next wave, the trash.

use rollplan_core::programmes::{
    Programme, ProgrammeDraft, ProgrammeOverview, ProgrammeWaves, Wave, WaveDraft,
};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_programmes(state: State<'_, AppState>) -> Reply<Vec<ProgrammeWaves>> {
    Ok(state.store()?.list_programmes()?)
}

#[tauri::command(async)]
pub fn programme_overview(state: State<'_, AppState>, id: String) -> Reply<ProgrammeOverview> {
    Ok(state.store()?.programme_overview(&id, today())?)
}

#[tauri::command(async)]
pub fn create_programme(state: State<'_, AppState>, draft: ProgrammeDraft) -> Reply<Programme> {
    Ok(state.store()?.create_programme(&draft)?)
}

#[tauri::command(async)]
pub fn update_programme(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: ProgrammeDraft,
) -> Reply<Programme> {
    Ok(state
        .store()?
        .update_programme(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn add_rollout_to_programme(
    state: State<'_, AppState>,
    programme_id: String,
    rollout_id: String,
) -> Reply<ProgrammeWaves> {
    Ok(state
        .store()?
        .add_rollout_to_programme(&programme_id, &rollout_id)?)
}

#[tauri::command(async)]
pub fn remove_rollout_from_programme(state: State<'_, AppState>, rollout_id: String) -> Reply<()> {
    Ok(state.store()?.remove_rollout_from_programme(&rollout_id)?)
}

/// Creates the next wave's rollout from the programme's last wave.
#[tauri::command(async)]
pub fn plan_next_wave(
    state: State<'_, AppState>,
    programme_id: String,
    draft: WaveDraft,
) -> Reply<Wave> {
    Ok(state
        .store()?
        .plan_next_wave(&programme_id, &draft, today())?)
}

#[tauri::command(async)]
pub fn trash_programme(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_programme(&id)?)
}

/// Removed programmes, for the Trash page, most recently removed first.
#[tauri::command(async)]
pub fn list_trashed_programmes(state: State<'_, AppState>) -> Reply<Vec<Programme>> {
    Ok(state.store()?.list_trashed_programmes()?)
}

#[tauri::command(async)]
pub fn restore_programme(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_programme(&id)?)
}
