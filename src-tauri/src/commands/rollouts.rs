//! Rollouts: create, read, edit, trash, restore, purge, history, the sample clinic.

use rollplan_core::audit::{EntityKind, HistoryPage};
use rollplan_core::rollouts::{Rollout, RolloutDraft};
use rollplan_core::templates::{RolloutTemplate, RunwayCheck, TemplateFit};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

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
pub fn rollout_history(
    state: State<'_, AppState>,
    id: String,
    newest: Option<u32>,
) -> Reply<HistoryPage> {
    Ok(state
        .store()?
        .history_page(EntityKind::Rollout, &id, newest)?)
}

#[tauri::command(async)]
pub fn seed_sample_clinic(state: State<'_, AppState>) -> Reply<Vec<Rollout>> {
    Ok(rollplan_core::demo::seed_sample_clinic(
        &*state.store()?,
        today(),
    )?)
}

/// The built-in rollout templates.
#[tauri::command]
pub fn list_templates() -> Vec<RolloutTemplate> {
    rollplan_core::templates::list_templates()
}

/// Whether a template's plan fits between today and `go_live`, and what compressing or
/// keeping it would mean.
#[tauri::command]
pub fn check_template_runway(template: String, go_live: String) -> Reply<RunwayCheck> {
    Ok(rollplan_core::templates::check_template_runway(
        &template,
        &go_live,
        today(),
    )?)
}

/// Creates a rollout from a template: phases, tasks, readiness criteria, risks and
/// messages dated relative to its go-live, compressed or kept as `fit` says when the
/// runway is short.
#[tauri::command(async)]
pub fn create_rollout_from_template(
    state: State<'_, AppState>,
    draft: RolloutDraft,
    template: String,
    fit: Option<TemplateFit>,
) -> Reply<Rollout> {
    Ok(state
        .store()?
        .create_rollout_from_template(&draft, &template, fit, today())?)
}
