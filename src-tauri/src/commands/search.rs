//! Search everything (Ctrl+K): one query across the workspace, ranked by the core.

use rollplan_core::search::SearchResults;
use tauri::State;

use super::Reply;
use crate::state::AppState;

#[tauri::command(async)]
pub fn search_workspace(state: State<'_, AppState>, query: String) -> Reply<SearchResults> {
    Ok(state.store()?.search_workspace(&query)?)
}
