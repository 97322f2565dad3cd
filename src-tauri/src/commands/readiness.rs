//! Go/no-go readiness: criteria and the verdict.

use rollplan_core::audit::AuditEntry;
use rollplan_core::home::HomeFigures;
use rollplan_core::readiness::{Criterion, CriterionDraft, Readiness, RolloutStatus};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_criteria(state: State<'_, AppState>, rollout_id: String) -> Reply<Vec<Criterion>> {
    Ok(state.store()?.list_criteria(&rollout_id)?)
}

#[tauri::command(async)]
pub fn create_criterion(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: CriterionDraft,
) -> Reply<Criterion> {
    Ok(state.store()?.create_criterion(&rollout_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_criterion(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: CriterionDraft,
) -> Reply<Criterion> {
    Ok(state
        .store()?
        .update_criterion(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_criterion(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_criterion(&id)?)
}

#[tauri::command(async)]
pub fn restore_criterion(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_criterion(&id)?)
}

#[tauri::command(async)]
pub fn criterion_history(state: State<'_, AppState>, id: String) -> Reply<Vec<AuditEntry>> {
    Ok(state.store()?.criterion_history(&id)?)
}

#[tauri::command(async)]
pub fn rollout_readiness(state: State<'_, AppState>, rollout_id: String) -> Reply<Readiness> {
    Ok(state.store()?.rollout_readiness(&rollout_id, today())?)
}

/// Home's line per live rollout: readiness verdict and training progress.
#[tauri::command(async)]
pub fn rollout_statuses(state: State<'_, AppState>) -> Reply<Vec<RolloutStatus>> {
    Ok(state.store()?.rollout_statuses(today())?)
}

/// Everything Home shows beyond the rollouts, in one answer: the status lines, the
/// programmes, and the first `first` SOPs due for review (within `within_days`) and
/// metrics needing action with their totals.
#[tauri::command(async)]
pub fn home_figures(
    state: State<'_, AppState>,
    within_days: u64,
    first: usize,
) -> Reply<HomeFigures> {
    Ok(state.store()?.home_figures(today(), within_days, first)?)
}
