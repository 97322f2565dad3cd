//! The rollout plan: phases, tasks and milestones, dependencies, the critical path,
//! what slipped, moving go-live, and a vendor's plan imported from a file.

use rollplan_core::audit::AuditEntry;
use rollplan_core::plan::mspdi::parse_plan_file;
use rollplan_core::plan::{
    DatesUndo, GoLiveMove, GoLiveMoveScope, GridEdit, LinkType, PlanOpening, PlanPhase,
    PlanSignals, PlanView, Task, TaskDraft, TaskImportOptions, TaskImportReport, TaskLink,
    TaskSave, TaskShift,
};
use rollplan_core::rollouts::{Rollout, ScheduleMode};
use tauri::State;

use super::{today, Reply};
use crate::state::AppState;

/// The first `rows` tasks of a plan, its phases and how many tasks it has: what the
/// plan tab draws first, before the whole plan is read.
#[tauri::command(async)]
pub fn plan_opening(
    state: State<'_, AppState>,
    rollout_id: String,
    rows: u32,
) -> Reply<PlanOpening> {
    Ok(state.store()?.plan_opening(&rollout_id, rows)?)
}

/// The plan tab's reading of a plan: tasks, phases, critical path and what slipped.
#[tauri::command(async)]
pub fn plan_view(state: State<'_, AppState>, rollout_id: String) -> Reply<PlanView> {
    Ok(state.store()?.plan_view(&rollout_id, today())?)
}

/// The critical path, what slipped and the baseline comparison, without the tasks: what
/// the tab asks for after an edit that wrote only the tasks it sent.
#[tauri::command(async)]
pub fn plan_signals(state: State<'_, AppState>, rollout_id: String) -> Reply<PlanSignals> {
    Ok(state.store()?.plan_signals(&rollout_id, today())?)
}

#[tauri::command(async)]
pub fn create_phase(
    state: State<'_, AppState>,
    rollout_id: String,
    name: String,
) -> Reply<PlanPhase> {
    Ok(state.store()?.create_phase(&rollout_id, &name)?)
}

#[tauri::command(async)]
pub fn rename_phase(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    name: String,
) -> Reply<PlanPhase> {
    Ok(state
        .store()?
        .rename_phase(&id, expected_row_version, &name)?)
}

#[tauri::command(async)]
pub fn trash_phase(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_phase(&id)?)
}

#[tauri::command(async)]
pub fn restore_phase(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_phase(&id)?)
}

#[tauri::command(async)]
pub fn create_task(
    state: State<'_, AppState>,
    rollout_id: String,
    draft: TaskDraft,
) -> Reply<Task> {
    Ok(state.store()?.create_task(&rollout_id, &draft)?)
}

#[tauri::command(async)]
pub fn update_task(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: TaskDraft,
) -> Reply<Task> {
    Ok(state
        .store()?
        .update_task(&id, expected_row_version, &draft)?)
}

/// Many rows of the grid at once (a paste, a fill down, a change to selected rows): all
/// land or none does.
#[tauri::command(async)]
pub fn apply_grid_edits(
    state: State<'_, AppState>,
    rollout_id: String,
    edits: Vec<GridEdit>,
) -> Reply<Vec<Task>> {
    Ok(state.store()?.apply_grid_edits(&rollout_id, &edits)?)
}

/// What a task waits for, as the grid's *Waits for* cell lists it: all or nothing.
#[tauri::command(async)]
pub fn set_waits_for(
    state: State<'_, AppState>,
    task_id: String,
    links: Vec<TaskLink>,
) -> Reply<Task> {
    Ok(state.store()?.set_waits_for(&task_id, &links)?)
}

#[tauri::command(async)]
pub fn trash_task(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.trash_task(&id)?)
}

#[tauri::command(async)]
pub fn restore_task(state: State<'_, AppState>, id: String) -> Reply<()> {
    Ok(state.store()?.restore_task(&id)?)
}

#[tauri::command(async)]
pub fn list_trashed_tasks(state: State<'_, AppState>) -> Reply<Vec<Task>> {
    Ok(state.store()?.list_trashed_tasks()?)
}

#[tauri::command(async)]
pub fn task_history(state: State<'_, AppState>, id: String) -> Reply<Vec<AuditEntry>> {
    Ok(state.store()?.task_history(&id)?)
}

#[tauri::command(async)]
pub fn add_dependency(
    state: State<'_, AppState>,
    task_id: String,
    depends_on_id: String,
    link_type: LinkType,
    lag_days: i32,
) -> Reply<Task> {
    Ok(state
        .store()?
        .add_dependency(&task_id, &depends_on_id, link_type, lag_days)?)
}

#[tauri::command(async)]
pub fn remove_dependency(
    state: State<'_, AppState>,
    task_id: String,
    depends_on_id: String,
) -> Reply<Task> {
    Ok(state.store()?.remove_dependency(&task_id, &depends_on_id)?)
}

#[tauri::command(async)]
pub fn preview_go_live_move(
    state: State<'_, AppState>,
    rollout_id: String,
    new_go_live: String,
    scope: GoLiveMoveScope,
) -> Reply<GoLiveMove> {
    Ok(state
        .store()?
        .preview_go_live_move(&rollout_id, &new_go_live, scope, today())?)
}

#[tauri::command(async)]
pub fn move_go_live(
    state: State<'_, AppState>,
    rollout_id: String,
    expected_row_version: i64,
    new_go_live: String,
    scope: GoLiveMoveScope,
) -> Reply<GoLiveMove> {
    Ok(state.store()?.move_go_live(
        &rollout_id,
        expected_row_version,
        &new_go_live,
        scope,
        today(),
    )?)
}

/// Takes back a go-live move or the moves a task's new dates made.
#[tauri::command(async)]
pub fn undo_plan_dates(state: State<'_, AppState>, undo: DatesUndo) -> Reply<()> {
    Ok(state.store()?.undo_plan_dates(&undo)?)
}

/// What saving a task's new dates would move (empty when the rollout only flags).
#[tauri::command(async)]
pub fn preview_task_save(
    state: State<'_, AppState>,
    id: String,
    draft: TaskDraft,
) -> Reply<Vec<TaskShift>> {
    Ok(state.store()?.preview_task_save(&id, &draft)?)
}

/// Saves a task and, when its rollout schedules from the links, moves what waits for it.
#[tauri::command(async)]
pub fn save_task(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    draft: TaskDraft,
) -> Reply<TaskSave> {
    Ok(state
        .store()?
        .save_task(&id, expected_row_version, &draft)?)
}

/// Whether a task's date change moves what waits for it or only flags it.
#[tauri::command(async)]
pub fn set_schedule_mode(
    state: State<'_, AppState>,
    id: String,
    expected_row_version: i64,
    mode: ScheduleMode,
) -> Reply<Rollout> {
    Ok(state
        .store()?
        .set_schedule_mode(&id, expected_row_version, mode)?)
}

/// What importing the picked plan file would add, with the owner names to settle and
/// the file's problems; writes nothing.
#[tauri::command(async)]
pub fn preview_task_import(
    state: State<'_, AppState>,
    rollout_id: String,
    file_name: String,
    contents: Vec<u8>,
    options: TaskImportOptions,
) -> Reply<TaskImportReport> {
    let table = parse_plan_file(&file_name, contents)?;
    Ok(state
        .store()?
        .preview_task_import_with(&rollout_id, &table, &options)?)
}

/// Imports the picked plan file with the owners settled as chosen: every row, or
/// nothing when any row is wrong.
#[tauri::command(async)]
pub fn import_tasks(
    state: State<'_, AppState>,
    rollout_id: String,
    file_name: String,
    contents: Vec<u8>,
    options: TaskImportOptions,
) -> Reply<TaskImportReport> {
    let table = parse_plan_file(&file_name, contents)?;
    Ok(state
        .store()?
        .import_tasks_with(&rollout_id, &table, &options)?)
}
