//! The staff directory, roles, and roster import.

use rollplan_core::audit::AuditEntry;
use rollplan_core::import::parse_table;
use rollplan_core::people::roster::{RejectedRows, RosterMapping, RosterReport};
use rollplan_core::people::{PeoplePage, PeopleQuery, Person, PersonDraft, Role, RoleMergeReport};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_people(state: State<'_, AppState>, include_inactive: bool) -> Reply<Vec<Person>> {
    Ok(state.store()?.list_people(include_inactive)?)
}

/// One page of the directory, searched and filtered, with how many match.
#[tauri::command(async)]
pub fn people_page(state: State<'_, AppState>, query: PeopleQuery) -> Reply<PeoplePage> {
    Ok(state.store()?.people_page(&query)?)
}

#[tauri::command(async)]
pub fn get_person(state: State<'_, AppState>, id: String) -> Reply<Person> {
    Ok(state.store()?.get_person(&id)?)
}

/// The departments of the active people, for a filter.
#[tauri::command(async)]
pub fn list_departments(state: State<'_, AppState>) -> Reply<Vec<String>> {
    Ok(state.store()?.list_departments()?)
}

#[tauri::command(async)]
pub fn create_person(state: State<'_, AppState>, draft: PersonDraft) -> Reply<Person> {
    Ok(state.store()?.create_person(&draft)?)
}

#[tauri::command(async)]
pub fn update_person(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: PersonDraft,
) -> Reply<Person> {
    Ok(state
        .store()?
        .update_person(&id, expected_row_version, &draft)?)
}

#[tauri::command(async)]
pub fn trash_person(state: State<'_, AppState>, id: String) -> Reply<Person> {
    Ok(state.store()?.trash_person(&id)?)
}

#[tauri::command(async)]
pub fn restore_person(state: State<'_, AppState>, id: String) -> Reply<Person> {
    Ok(state.store()?.restore_person(&id)?)
}

#[tauri::command(async)]
pub fn person_history(state: State<'_, AppState>, id: String) -> Reply<Vec<AuditEntry>> {
    Ok(state.store()?.person_history(&id)?)
}

#[tauri::command(async)]
pub fn list_roles(state: State<'_, AppState>) -> Reply<Vec<Role>> {
    Ok(state.store()?.list_roles()?)
}

#[tauri::command(async)]
pub fn create_role(state: State<'_, AppState>, name: String) -> Reply<Role> {
    Ok(state.store()?.create_role(&name)?)
}

/// Merges one role into another: its people, requirements and remembered roster titles
/// move to the role kept.
#[tauri::command(async)]
pub fn merge_roles(
    state: State<'_, AppState>,
    merged_id: String,
    kept_id: String,
) -> Reply<RoleMergeReport> {
    Ok(state.store()?.merge_roles(&merged_id, &kept_id)?)
}

/// What importing a roster the person picked would do; without a mapping, the columns
/// are recognised by their headers.
#[tauri::command(async)]
pub fn preview_roster(
    state: State<'_, AppState>,
    file_name: String,
    contents: Vec<u8>,
    mapping: Option<RosterMapping>,
) -> Reply<RosterReport> {
    let table = parse_table(&file_name, contents)?;
    let mapping = mapping.unwrap_or_else(|| RosterMapping::guess(&table.headers));
    Ok(state.store()?.preview_roster(&table, &mapping, today())?)
}

#[tauri::command(async)]
pub fn import_roster(
    state: State<'_, AppState>,
    file_name: String,
    contents: Vec<u8>,
    mapping: RosterMapping,
    rejected_rows: RejectedRows,
) -> Reply<RosterReport> {
    let table = parse_table(&file_name, contents)?;
    Ok(state
        .store()?
        .import_roster(&table, &mapping, rejected_rows, today())?)
}
