//! Backups from Settings: the list, "Back up now", and restoring one — also from the
//! screen shown when the database failed its start-up check.

use rollplan_core::backup::{
    backups_dir, latest_good_backup, list_backups as backups_of, Backup, BackupReason,
    RestoreOutcome,
};
use rollplan_core::store::orphans::{OrphanRepairOutcome, OrphanedRows};
use rollplan_core::CoreError;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use super::Reply;
use crate::state::AppState;

/// The backups of the database in use, newest first, and the folder they are in.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupList {
    pub folder: String,
    pub backups: Vec<Backup>,
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Reply<BackupList> {
    let database = state.database_path()?;
    Ok(BackupList {
        folder: backups_dir(database).display().to_string(),
        backups: backups_of(database)?,
    })
}

#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>) -> Reply<Backup> {
    Ok(state.store()?.back_up(BackupReason::Manual)?)
}

/// Restores the backup named `file_name` from the list (a name, not a path: only the
/// database's own backups can be restored from here).
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, file_name: String) -> Reply<RestoreOutcome> {
    let backup = backups_of(state.database_path()?)?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .ok_or_else(|| CoreError::NotFound {
            entity: "Backup",
            id: file_name.clone(),
        })?;
    state.restore(backup.path.as_ref())
}

/// Restores the newest backup that passes the check: what the damaged-database screen
/// offers.
#[tauri::command(async)]
pub fn restore_latest_backup(state: State<'_, AppState>) -> Reply<RestoreOutcome> {
    let latest = latest_good_backup(state.database_path()?)?.ok_or_else(|| {
        CoreError::invalid(
            "backup",
            "There is no good backup of this database to restore.",
        )
    })?;
    state.restore(latest.path.as_ref())
}

/// The rows that point at records that no longer exist (none in a sound file): Settings
/// names them, and the window mentions them once at start.
#[tauri::command(async)]
pub fn orphaned_rows(state: State<'_, AppState>) -> Reply<Vec<OrphanedRows>> {
    Ok(state.store()?.orphaned_rows()?)
}

/// Repairs those rows after a backup, as the person asked in Settings.
#[tauri::command(async)]
pub fn repair_orphans(state: State<'_, AppState>) -> Reply<OrphanRepairOutcome> {
    Ok(state.store()?.repair_orphans()?)
}
