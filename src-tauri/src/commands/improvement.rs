//! Improvement cycles (PDSA) on a rollout's metrics: a metric's ramp, planning and
//! editing a cycle, recording its Act (which writes the decision log), the trash.

use rollplan_core::improvement::{ActDraft, PdsaCycle, PdsaDraft};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_pdsa_cycles(state: State<'_, AppState>, metric_id: String) -> Reply<Vec<PdsaCycle>> {
    Ok(state.store()?.list_pdsa_cycles(&metric_id, today())?)
}

#[tauri::command(async)]
pub fn create_pdsa_cycle(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: PdsaDraft,
) -> Reply<PdsaCycle> {
    Ok(state
        .store()?
        .create_pdsa_cycle(&rollout_id, &draft, today())?)
}

#[tauri::command(async)]
pub fn update_pdsa_cycle(
    state: State<'_, AppState>,
    id: String,
    row_version: i64,
    draft: PdsaDraft,
) -> Reply<PdsaCycle> {
    Ok(state
        .store()?
        .update_pdsa_cycle(&id, row_version, &draft, today())?)
}

#[tauri::command(async)]
pub fn record_pdsa_act(
    state: State<'_, AppState>,
    id: String,
    row_version: i64,
    draft: ActDraft,
) -> Reply<PdsaCycle> {
    Ok(state
        .store()?
        .record_pdsa_act(&id, row_version, &draft, today())?)
}

#[tauri::command(async)]
pub fn trash_pdsa_cycle(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_pdsa_cycle(&id)?)
}

#[tauri::command(async)]
pub fn restore_pdsa_cycle(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_pdsa_cycle(&id)?)
}
