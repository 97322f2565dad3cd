//! The SOP library: procedures, their versions and reviews, search, and the rollouts
//! that introduce or change them.

use chrono::NaiveDate;
use rollplan_core::audit::{EntityKind, HistoryPage};
use rollplan_core::export::svg::{MapComparisonDrawing, MapTheme, SopMapDrawing};
use rollplan_core::sops::escalations::{EscalationFilter, EscalationTable};
use rollplan_core::sops::map::{MapChoices, MapVersion};
use rollplan_core::sops::{
    LinkedRollout, LinkedSop, Revision, SearchHit, Sop, SopDiff, SopDraft, SopLibraryPage,
    SopLibraryQuery, SopRelation, SopSummary,
};
use rollplan_core::CoreError;
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_sops(state: State<'_, AppState>) -> Reply<Vec<SopSummary>> {
    Ok(state.store()?.list_sops()?)
}

/// One page of the library, filtered and searched, with its counts and filter choices.
#[tauri::command(async)]
pub fn sop_library_page(
    state: State<'_, AppState>,
    query: SopLibraryQuery,
) -> Reply<SopLibraryPage> {
    Ok(state.store()?.sop_library_page(&query, today())?)
}

#[tauri::command(async)]
pub fn list_trashed_sops(state: State<'_, AppState>) -> Reply<Vec<SopSummary>> {
    Ok(state.store()?.list_trashed_sops()?)
}

#[tauri::command(async)]
pub fn get_sop(state: State<'_, AppState>, id: String) -> Reply<Sop> {
    Ok(state.store()?.get_sop(&id)?)
}

#[tauri::command(async)]
pub fn create_sop(state: State<'_, AppState>, draft: SopDraft) -> Reply<Sop> {
    Ok(state.store()?.create_sop(&draft)?)
}

#[tauri::command(async)]
pub fn update_sop(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: SopDraft,
) -> Reply<Sop> {
    Ok(state
        .store()?
        .update_sop(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn approve_sop(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    approved_by: String,
    effective_date: String,
) -> Reply<Revision> {
    Ok(state
        .store()?
        .approve_sop(&id, expected_row_version, &approved_by, &effective_date)?)
}

/// "Reviewed, no change", as of today.
#[tauri::command(async)]
pub fn mark_sop_reviewed(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
) -> Reply<Sop> {
    Ok(state
        .store()?
        .mark_sop_reviewed(&id, expected_row_version, today())?)
}

#[tauri::command(async)]
pub fn trash_sop(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_sop(&id)?)
}

#[tauri::command(async)]
pub fn restore_sop(state: State<'_, AppState>, id: String) -> Reply<Sop> {
    Ok(state.store()?.restore_sop(&id)?)
}

#[tauri::command(async)]
pub fn purge_sop(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.purge_sop(&id)?)
}

#[tauri::command(async)]
pub fn sop_history(
    state: State<'_, AppState>,
    id: String,
    newest: Option<u32>,
) -> Reply<HistoryPage> {
    Ok(state.store()?.history_page(EntityKind::Sop, &id, newest)?)
}

#[tauri::command(async)]
pub fn sop_revisions(state: State<'_, AppState>, id: String) -> Reply<Vec<Revision>> {
    Ok(state.store()?.sop_revisions(&id)?)
}

/// The approved version in force on `date` (`YYYY-MM-DD`), if any.
#[tauri::command(async)]
pub fn sop_in_force_on(
    state: State<'_, AppState>,
    id: String,
    date: String,
) -> Reply<Option<Revision>> {
    let on = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| {
        CoreError::invalid(
            "date",
            format!(
                "'{}' is not a date: use a date like 2027-03-01.",
                date.trim()
            ),
        )
    })?;
    Ok(state.store()?.sop_in_force_on(&id, on)?)
}

#[tauri::command(async)]
pub fn compare_sop_versions(
    state: State<'_, AppState>,
    id: String,
    from: i64,
    to: i64,
) -> Reply<SopDiff> {
    Ok(state.store()?.compare_sop_versions(&id, from, to)?)
}

/// The SOPs matching `query` best (code, title, purpose, steps, exceptions), at most
/// `limit`: what a rollout's *SOPs* section offers to link as the person types.
#[tauri::command(async)]
pub fn search_sops(state: State<'_, AppState>, query: String, limit: i64) -> Reply<Vec<SearchHit>> {
    Ok(state.store()?.search_sops(&query, limit)?)
}

/// SOPs in force whose review is due within `within_days` (overdue ones included).
#[tauri::command(async)]
pub fn sops_due_for_review(state: State<'_, AppState>, within_days: u64) -> Reply<Vec<SopSummary>> {
    Ok(state.store()?.sops_due_for_review(today(), within_days)?)
}

#[tauri::command(async)]
pub fn link_sop_to_rollout(
    state: State<'_, AppState>,
    sop_id: String,
    rollout_id: String,
    relation: SopRelation,
) -> Reply<()> {
    Ok(state
        .store()?
        .link_sop_to_rollout(&sop_id, &rollout_id, relation)?)
}

#[tauri::command(async)]
pub fn unlink_sop_from_rollout(
    state: State<'_, AppState>,
    sop_id: String,
    rollout_id: String,
) -> Reply<()> {
    Ok(state
        .store()?
        .unlink_sop_from_rollout(&sop_id, &rollout_id)?)
}

#[tauri::command(async)]
pub fn sops_for_rollout(state: State<'_, AppState>, rollout_id: String) -> Reply<Vec<LinkedSop>> {
    Ok(state.store()?.sops_for_rollout(&rollout_id)?)
}

#[tauri::command(async)]
pub fn rollouts_for_sop(state: State<'_, AppState>, sop_id: String) -> Reply<Vec<LinkedRollout>> {
    Ok(state.store()?.rollouts_for_sop(&sop_id)?)
}

#[tauri::command(async)]
pub fn sop_map(state: State<'_, AppState>, id: String, theme: MapTheme) -> Reply<SopMapDrawing> {
    Ok(state.store()?.sop_map_drawing(&id, theme)?)
}

/// What an SOP's map can be compared with: its versions and the SOP it replaces.
#[tauri::command(async)]
pub fn sop_map_choices(state: State<'_, AppState>, id: String) -> Reply<MapChoices> {
    Ok(state.store()?.sop_map_choices(&id)?)
}

/// Two maps side by side, their changed steps marked and their figures compared.
#[tauri::command(async)]
pub fn compare_sop_maps(
    state: State<'_, AppState>,
    before: MapVersion,
    after: MapVersion,
    theme: MapTheme,
) -> Reply<MapComparisonDrawing> {
    Ok(state
        .store()?
        .sop_map_comparison_drawing(&before, &after, theme)?)
}

/// The escalation table across the library as it stands today, filtered.
#[tauri::command(async)]
pub fn escalation_table(
    state: State<'_, AppState>,
    filter: EscalationFilter,
) -> Reply<EscalationTable> {
    Ok(state.store()?.escalation_table(&filter, today())?)
}
