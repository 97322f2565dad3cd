//! Backups: consistent copies of the live database in a `backups` folder beside it, made
//! each day the database is opened, by hand, and before anything that changes a lot at
//! once (a migration, an import, a restore). Old ones are rotated away (see
//! `rotation`); restoring one replaces the database file (see `restore`).

mod copy;
mod names;
mod restore;
mod rotation;
mod validate;

use std::path::Path;

use chrono::{DateTime, Duration, Timelike, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use names::{backups_dir, list_backups};
pub use restore::{restore_backup, RestoreOutcome};
pub(crate) use validate::damaged;
pub use validate::{check_backup, latest_good_backup};

use crate::store::inspect;
use crate::time::now;
use crate::{CoreError, Result, Store};

/// Why a backup was made; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// The first opening of the day.
    Daily,
    /// "Back up now" or `rollplan-cli backup`.
    Manual,
    BeforeMigration,
    BeforeImport,
    BeforeRestore,
    /// Before rows pointing at missing records were repaired.
    BeforeRepair,
}

coded_enum!(BackupReason, "backup reason", "reason", {
    Daily => "daily", "Daily";
    Manual => "manual", "Made by hand";
    BeforeMigration => "before_migration", "Before an update of Rollplan";
    BeforeImport => "before_import", "Before an import";
    BeforeRestore => "before_restore", "Before a restore";
    BeforeRepair => "before_repair", "Before a repair";
});

impl BackupReason {
    /// How the reason is written in file names (`before-import`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Manual => "manual",
            Self::BeforeMigration => "before-migration",
            Self::BeforeImport => "before-import",
            Self::BeforeRestore => "before-restore",
            Self::BeforeRepair => "before-repair",
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Backup {
    pub path: String,
    pub file_name: String,
    /// When it was made (UTC, to the second).
    pub created_at: DateTime<Utc>,
    pub reason: BackupReason,
    pub size_bytes: u64,
}

/// Backs up the database `conn` is connected to (the file `db_path`) into its backups
/// folder, then rotates the old backups away.
pub(crate) fn make(conn: &Connection, db_path: &Path, reason: BackupReason) -> Result<Backup> {
    let created_at = whole_seconds(now());
    let target = names::free_path(db_path, created_at, reason);
    copy::snapshot(conn, &target)?;
    rotation::rotate(db_path, &target);
    Ok(described(&target, created_at, reason))
}

/// The [`Backup`] for a file just written.
pub(crate) fn described(path: &Path, created_at: DateTime<Utc>, reason: BackupReason) -> Backup {
    Backup {
        path: path.display().to_string(),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        created_at,
        reason,
        size_bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
    }
}

/// Backup names keep whole seconds; a fresh backup reports the time its name says.
pub(crate) fn whole_seconds(at: DateTime<Utc>) -> DateTime<Utc> {
    at.with_nanosecond(0).unwrap_or(at)
}

/// `error` from a backup made before other work, as the refusal of that work.
pub(crate) fn failed(context: &str, error: CoreError) -> CoreError {
    let source = match error {
        CoreError::Io { source, .. } => source,
        other => std::io::Error::other(other.to_string()),
    };
    CoreError::Io {
        context: context.to_owned(),
        source,
    }
}

/// Makes the daily backup of the database at `db_path` through `conn`, if one is due
/// and the database holds something.
pub(crate) fn daily_if_due(conn: &Connection, db_path: &Path) -> Result<Option<Backup>> {
    if !daily_due(db_path, now())? || !inspect::holds_data(conn)? {
        return Ok(None);
    }
    make(conn, db_path, BackupReason::Daily).map(Some)
}

/// True when the database at `db_path` has had no daily or manual backup for a day.
fn daily_due(db_path: &Path, at: DateTime<Utc>) -> Result<bool> {
    let newest = list_backups(db_path)?
        .into_iter()
        .find(|b| matches!(b.reason, BackupReason::Daily | BackupReason::Manual));
    Ok(newest.is_none_or(|b| at - b.created_at >= Duration::days(1)))
}

impl Store {
    /// Backs the database up now into its backups folder (`backups/` beside the file)
    /// and rotates old backups away. Refused for an in-memory store.
    pub fn back_up(&self, reason: BackupReason) -> Result<Backup> {
        let path = self.file_for_backup()?;
        self.read(|conn| make(conn, path, reason))
    }

    /// Writes a backup to `target`, outside the rotation (a USB stick, a shared drive).
    /// An existing file is never replaced.
    pub fn back_up_to(&self, target: &Path) -> Result<Backup> {
        self.file_for_backup()?;
        if target.exists() {
            return Err(CoreError::Conflict(format!(
                "{} already exists; choose another name.",
                target.display()
            )));
        }
        let created_at = whole_seconds(now());
        self.read(|conn| copy::snapshot(conn, target))?;
        Ok(described(target, created_at, BackupReason::Manual))
    }

    /// Makes the daily backup if the newest daily or manual one is a day old or more and
    /// the database holds something. `Store::open` calls this; an app left open for days
    /// can call it on a timer. `None` when none was due (or the store is in memory).
    pub fn back_up_if_due(&self) -> Result<Option<Backup>> {
        let Some(path) = self.path() else {
            return Ok(None);
        };
        self.read(|conn| daily_if_due(conn, path))
    }

    /// The database file, or the refusal to back up a store in memory.
    fn file_for_backup(&self) -> Result<&Path> {
        self.path().ok_or_else(|| {
            CoreError::Conflict("An in-memory database has no file to back up.".into())
        })
    }
}
