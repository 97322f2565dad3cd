//! Debriefs of a rollout: listed, recorded and edited with their actions becoming
//! tasks, trashed and restored.

use rollplan_core::debriefs::{Debrief, DebriefDraft};
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_debriefs(state: State<'_, AppState>, rollout_id: String) -> Reply<Vec<Debrief>> {
    Ok(state.store()?.list_debriefs(&rollout_id)?)
}

#[tauri::command(async)]
pub fn create_debrief(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: DebriefDraft,
) -> Reply<Debrief> {
    Ok(state.store()?.create_debrief(&rollout_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_debrief(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: DebriefDraft,
) -> Reply<Debrief> {
    Ok(state
        .store()?
        .update_debrief(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_debrief(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_debrief(&id)?)
}

#[tauri::command(async)]
pub fn restore_debrief(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_debrief(&id)?)
}
