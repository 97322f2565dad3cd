//! The weekly status: a week's draft (one rollout's or every active one's), the saved
//! statuses with their notes and hidden items, marking one sent, copying a sent one to
//! a new draft, and exporting a status through the PHI check.

use chrono::NaiveDate;
use rollplan_core::export::{
    export_file_name_for_status, run_status_export, ExportOutcome, StatusExportRequest,
    StatusFormat, StatusSubject,
};
use rollplan_core::status::{DraftShown, SavedStatus, StatusEdit};
use tauri::{AppHandle, State};

use super::{today, Reply};
use crate::dialogs;
use crate::grants::FileGrants;
use crate::state::AppState;

#[tauri::command(async)]
pub fn draft_status(
    state: State<'_, AppState>,
    rollout_id: Option<String>,
    week: NaiveDate,
    first_items: Option<u32>,
) -> Reply<DraftShown> {
    let store = state.store()?;
    let draft = match rollout_id {
        Some(id) => store.draft_status(&id, week, today())?,
        None => store.draft_portfolio_status(week, today())?,
    };
    Ok(draft.shown(first_items.map(|n| n as usize)))
}

#[tauri::command(async)]
pub fn list_statuses(
    state: State<'_, AppState>,
    rollout_id: Option<String>,
) -> Reply<Vec<SavedStatus>> {
    Ok(state.store()?.list_statuses(rollout_id.as_deref())?)
}

#[tauri::command(async)]
pub fn save_status(
    state: State<'_, AppState>,
    rollout_id: Option<String>,
    week: NaiveDate,
) -> Reply<SavedStatus> {
    Ok(state
        .store()?
        .save_status(rollout_id.as_deref(), week, today())?)
}

#[tauri::command(async)]
pub fn update_status(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    edit: StatusEdit,
) -> Reply<SavedStatus> {
    Ok(state
        .store()?
        .update_status(&id, expected_row_version, &edit)?)
}

#[tauri::command(async)]
pub fn mark_status_sent(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
) -> Reply<SavedStatus> {
    Ok(state.store()?.mark_status_sent(&id, expected_row_version)?)
}

#[tauri::command(async)]
pub fn copy_status_to_new_draft(state: State<'_, AppState>, id: String) -> Reply<SavedStatus> {
    Ok(state.store()?.copy_status_to_new_draft(&id)?)
}

/// Asks where to save, then exports the status there; `None` when the person cancelled.
#[tauri::command(async)]
pub fn export_status(
    app: AppHandle,
    state: State<'_, AppState>,
    grants: State<'_, FileGrants>,
    subject: StatusSubject,
    format: StatusFormat,
    force: bool,
) -> Reply<Option<ExportOutcome>> {
    let proposed = export_file_name_for_status(&*state.store()?, &subject, format, today())?;
    // No hold on the store while the dialog is open (see `export_to_file`).
    let Some(path) = dialogs::save_path_as(&app, &proposed, format.label(), format.code()) else {
        return Ok(None);
    };
    let request = StatusExportRequest {
        subject,
        format,
        path,
        force,
        // The save dialog has already asked before replacing a file.
        overwrite: true,
    };
    let outcome = run_status_export(&*state.store()?, &request, today())?;
    if outcome.written {
        grants.remember_export(&request.path);
    }
    Ok(Some(outcome))
}
