//! Debriefs of a rollout: listed, and recorded with their actions becoming tasks.

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
