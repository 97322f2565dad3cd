//! Training modules, requirements, records, the matrix and completion per role.

use rollplan_core::training::{
    DuePage, DueTraining, MatrixFilter, ModuleDraft, RecordDraft, Requirement, RoleCompletion,
    TrainingMatrix, TrainingModule, TrainingRecord,
};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_training_modules(state: State<'_, AppState>) -> Reply<Vec<TrainingModule>> {
    Ok(state.store()?.list_training_modules()?)
}

#[tauri::command(async)]
pub fn create_training_module(
    state: State<'_, AppState>,
    draft: ModuleDraft,
) -> Reply<TrainingModule> {
    Ok(state.store()?.create_training_module(&draft)?)
}

#[tauri::command(async)]
pub fn update_training_module(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: ModuleDraft,
) -> Reply<TrainingModule> {
    Ok(state
        .store()?
        .update_training_module(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn list_requirements(
    state: State<'_, AppState>,
    rollout_id: String,
) -> Reply<Vec<Requirement>> {
    Ok(state.store()?.list_requirements(&rollout_id)?)
}

#[tauri::command(async)]
pub fn add_requirement(
    state: State<'_, AppState>,
    rollout_id: String,
    role_id: String,
    module_id: String,
    due_date: String,
    sites: Vec<String>,
) -> Reply<Requirement> {
    Ok(state
        .store()?
        .add_requirement(&rollout_id, &role_id, &module_id, &due_date, &sites)?)
}

#[tauri::command(async)]
pub fn set_requirement_sites(
    state: State<'_, AppState>,
    id: String,
    sites: Vec<String>,
    expected_row_version: i64,
) -> Reply<Requirement> {
    Ok(state
        .store()?
        .set_requirement_sites(&id, &sites, expected_row_version)?)
}

#[tauri::command(async)]
pub fn remove_requirement(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.remove_requirement(&id)?)
}

#[tauri::command(async)]
pub fn training_matrix(state: State<'_, AppState>, filter: MatrixFilter) -> Reply<TrainingMatrix> {
    Ok(state.store()?.training_matrix(&filter, today())?)
}

#[tauri::command(async)]
pub fn rollout_training_completion(
    state: State<'_, AppState>,
    rollout_id: String,
) -> Reply<Vec<RoleCompletion>> {
    Ok(state
        .store()?
        .rollout_training_completion(&rollout_id, today())?)
}

#[tauri::command(async)]
pub fn update_training_record(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: RecordDraft,
) -> Reply<TrainingRecord> {
    Ok(state
        .store()?
        .update_training_record(&id, expected_row_version, &draft, today())?)
}

#[tauri::command(async)]
pub fn complete_training(
    state: State<'_, AppState>,
    module_id: String,
    person_ids: Vec<String>,
    completed_on: String,
    verified_by: Option<String>,
) -> Reply<Vec<TrainingRecord>> {
    let store = state.store()?;
    Ok(store.complete_training(
        &module_id,
        &person_ids,
        &completed_on,
        verified_by.as_deref(),
        today(),
    )?)
}

/// Training not done that is overdue or due within `within_days`, soonest first: the
/// first `overdue_limit` and `soon_limit` of each, with how many there are.
#[tauri::command(async)]
pub fn training_due_page(
    state: State<'_, AppState>,
    rollout_id: Option<String>,
    within_days: u64,
    overdue_limit: u32,
    soon_limit: u32,
) -> Reply<DuePage> {
    Ok(state.store()?.training_due_page(
        rollout_id.as_deref(),
        today(),
        within_days,
        (overdue_limit, soon_limit),
    )?)
}

#[tauri::command(async)]
pub fn person_training(state: State<'_, AppState>, person_id: String) -> Reply<Vec<DueTraining>> {
    Ok(state.store()?.person_training(&person_id, today())?)
}

#[tauri::command(async)]
pub fn trash_training_module(state: State<'_, AppState>, id: String) -> Reply<TrainingModule> {
    Ok(state.store()?.trash_training_module(&id)?)
}

#[tauri::command(async)]
pub fn restore_training_module(state: State<'_, AppState>, id: String) -> Reply<TrainingModule> {
    Ok(state.store()?.restore_training_module(&id)?)
}

#[tauri::command(async)]
pub fn restore_requirement(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_requirement(&id)?)
}
