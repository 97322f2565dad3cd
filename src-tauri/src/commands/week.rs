//! A person's week: what falls to them across every rollout, ticked off in place, and
//! who "me" is in this database (kept in the settings file, per database).

use rollplan_core::my_week::{MyWeek, WeekItem, WeekTask};
use rollplan_core::paths;
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command(async)]
pub fn my_week(state: State<'_, AppState>, person_id: String) -> Reply<MyWeek> {
    Ok(state.store()?.my_week(&person_id, today())?)
}

#[tauri::command(async)]
pub fn open_tasks_of(state: State<'_, AppState>, person_id: String) -> Reply<Vec<WeekTask>> {
    Ok(state.store()?.open_tasks_of(&person_id, today())?)
}

#[tauri::command(async)]
pub fn complete_week_item(state: State<'_, AppState>, item: WeekItem) -> Reply<()> {
    Ok(state.store()?.complete_week_item(&item, today())?)
}

/// Who "me" is in the open database; `None` until chosen.
#[tauri::command(async)]
pub fn my_person(state: State<'_, AppState>) -> Reply<Option<String>> {
    let database = state.database_path()?.display().to_string();
    Ok(paths::my_person(&paths::settings_path()?, &database)?)
}

/// Remembers who "me" is in the open database (`None` forgets it).
#[tauri::command(async)]
pub fn choose_my_person(state: State<'_, AppState>, person_id: Option<String>) -> Reply<()> {
    let database = state.database_path()?.display().to_string();
    Ok(paths::choose_my_person(
        &paths::settings_path()?,
        &database,
        person_id.as_deref(),
    )?)
}
