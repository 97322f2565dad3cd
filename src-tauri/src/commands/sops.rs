//! The SOP library.

use rollplan_core::sops::SopSummary;
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

/// Approved SOPs due for review within `within_days` (overdue ones included).
#[tauri::command(async)]
pub fn sops_due_for_review(state: State<'_, AppState>, within_days: u64) -> Reply<Vec<SopSummary>> {
    Ok(state.store()?.sops_due_for_review(today(), within_days)?)
}
