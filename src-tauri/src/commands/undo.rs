//! Undo and redo of the last actions, from the header or Ctrl+Z / Ctrl+Shift+Z.

use rollplan_core::undo::{UndoOutcome, UndoState};
use tauri::State;

use super::Reply;
use crate::state::AppState;

/// What the header offers to undo and redo.
#[tauri::command(async)]
pub fn get_undo_state(state: State<'_, AppState>) -> Reply<UndoState> {
    Ok(state.store()?.undo_state()?)
}

#[tauri::command(async)]
pub fn undo_last(state: State<'_, AppState>) -> Reply<UndoOutcome> {
    Ok(state.store()?.undo()?)
}

#[tauri::command(async)]
pub fn redo_last(state: State<'_, AppState>) -> Reply<UndoOutcome> {
    Ok(state.store()?.redo()?)
}
