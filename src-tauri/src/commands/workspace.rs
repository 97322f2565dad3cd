//! Around a rollout: its overview dashboard, risks, decisions, communications,
//! stakeholders and the scope log.

use rollplan_core::workspace::{
    AdkarBarrier, Communication, CommunicationDraft, Decision, DecisionDraft, Risk, RiskDraft,
    RiskHeatMap, RolloutOverview, ScopeChange, ScopeChangeDraft, Stakeholder, StakeholderDraft,
    TASKS_SHOWN,
};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command(async)]
pub fn rollout_overview(state: State<'_, AppState>, rollout_id: String) -> Reply<RolloutOverview> {
    Ok(state
        .store()?
        .rollout_overview(&rollout_id, today())?
        .cut_to(TASKS_SHOWN))
}

#[tauri::command(async)]
pub fn list_risks(state: State<'_, AppState>, rollout_id: String) -> Reply<Vec<Risk>> {
    Ok(state.store()?.list_risks(&rollout_id)?)
}

#[tauri::command(async)]
pub fn risk_heat_map(state: State<'_, AppState>, rollout_id: String) -> Reply<RiskHeatMap> {
    Ok(state.store()?.risk_heat_map(&rollout_id)?)
}

#[tauri::command(async)]
pub fn create_risk(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: RiskDraft,
) -> Reply<Risk> {
    Ok(state.store()?.create_risk(&rollout_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_risk(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: RiskDraft,
) -> Reply<Risk> {
    Ok(state
        .store()?
        .update_risk(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_risk(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_risk(&id)?)
}

#[tauri::command(async)]
pub fn restore_risk(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_risk(&id)?)
}

#[tauri::command(async)]
pub fn list_decisions(state: State<'_, AppState>, rollout_id: String) -> Reply<Vec<Decision>> {
    Ok(state.store()?.list_decisions(&rollout_id)?)
}

#[tauri::command(async)]
pub fn create_decision(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: DecisionDraft,
) -> Reply<Decision> {
    Ok(state.store()?.create_decision(&rollout_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_decision(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: DecisionDraft,
) -> Reply<Decision> {
    Ok(state
        .store()?
        .update_decision(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_decision(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_decision(&id)?)
}

#[tauri::command(async)]
pub fn restore_decision(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_decision(&id)?)
}

#[tauri::command(async)]
pub fn list_communications(
    state: State<'_, AppState>,
    rollout_id: String,
) -> Reply<Vec<Communication>> {
    Ok(state.store()?.list_communications(&rollout_id)?)
}

#[tauri::command(async)]
pub fn create_communication(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: CommunicationDraft,
) -> Reply<Communication> {
    Ok(state.store()?.create_communication(&rollout_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_communication(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: CommunicationDraft,
) -> Reply<Communication> {
    Ok(state
        .store()?
        .update_communication(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_communication(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_communication(&id)?)
}

#[tauri::command(async)]
pub fn restore_communication(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_communication(&id)?)
}

#[tauri::command(async)]
pub fn list_stakeholders(
    state: State<'_, AppState>,
    rollout_id: String,
) -> Reply<Vec<Stakeholder>> {
    Ok(state.store()?.list_stakeholders(&rollout_id)?)
}

#[tauri::command(async)]
pub fn adkar_barriers(state: State<'_, AppState>, rollout_id: String) -> Reply<Vec<AdkarBarrier>> {
    Ok(state.store()?.adkar_barriers(&rollout_id)?)
}

#[tauri::command(async)]
pub fn create_stakeholder(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: StakeholderDraft,
) -> Reply<Stakeholder> {
    Ok(state.store()?.create_stakeholder(&rollout_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_stakeholder(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: StakeholderDraft,
) -> Reply<Stakeholder> {
    Ok(state
        .store()?
        .update_stakeholder(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_stakeholder(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_stakeholder(&id)?)
}

#[tauri::command(async)]
pub fn restore_stakeholder(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_stakeholder(&id)?)
}

#[tauri::command(async)]
pub fn list_scope_changes(
    state: State<'_, AppState>,
    rollout_id: String,
) -> Reply<Vec<ScopeChange>> {
    Ok(state.store()?.list_scope_changes(&rollout_id)?)
}

#[tauri::command(async)]
pub fn create_scope_change(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: ScopeChangeDraft,
) -> Reply<ScopeChange> {
    Ok(state.store()?.create_scope_change(&rollout_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_scope_change(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: ScopeChangeDraft,
) -> Reply<ScopeChange> {
    Ok(state
        .store()?
        .update_scope_change(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_scope_change(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_scope_change(&id)?)
}

#[tauri::command(async)]
pub fn restore_scope_change(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_scope_change(&id)?)
}
