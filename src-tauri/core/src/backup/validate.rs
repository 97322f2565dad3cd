//! Is this file a sound Rollplan database this version can open? Asked of a backup
//! before it is restored, and of each backup when the live database is found damaged.

use std::path::Path;

use super::{list_backups, Backup};
use crate::store::inspect;
use crate::store::LATEST_SCHEMA_VERSION;
use crate::{CoreError, Result};

/// The schema version of the sound Rollplan database at `path`, or why it is not one,
/// in words for the person who chose the file. `thorough` runs SQLite's full
/// `integrity_check` rather than `quick_check`. Nothing is written to or beside the file.
pub(crate) fn verify(path: &Path, thorough: bool) -> std::result::Result<i64, String> {
    let metadata =
        std::fs::metadata(path).map_err(|e| format!("{} cannot be read: {e}.", path.display()))?;
    if !metadata.is_file() {
        return Err(format!("{} is not a file.", path.display()));
    }
    let unreadable = |e: rusqlite::Error| {
        format!(
            "{} is not a readable Rollplan database ({e}); it may be truncated or not a \
             database at all.",
            path.display()
        )
    };
    let conn = inspect::open_read_only(path).map_err(unreadable)?;
    let version = inspect::user_version(&conn).map_err(unreadable)?;
    if version > LATEST_SCHEMA_VERSION {
        return Err(format!(
            "{} was written by a newer version of Rollplan (schema version {version}; this \
             version understands up to {LATEST_SCHEMA_VERSION}). Update Rollplan first.",
            path.display()
        ));
    }
    if version < 1 || !inspect::is_rollplan(&conn).map_err(unreadable)? {
        return Err(format!(
            "{} is a database, but not a Rollplan database.",
            path.display()
        ));
    }
    let problems = inspect::problems(&conn, thorough).map_err(unreadable)?;
    if !problems.is_empty() {
        return Err(format!(
            "{} is damaged: {}.",
            path.display(),
            summarize(&problems)
        ));
    }
    Ok(version)
}

/// Checks that `backup_path` could be restored (SQLite's full integrity check, a Rollplan
/// database, a schema this version understands) and returns its schema version; a bad
/// file is a validation error on `backup` saying what is wrong. Nothing is written.
/// The app can ask this before it restarts to restore.
pub fn check_backup(backup_path: &Path) -> Result<i64> {
    verify(backup_path, true).map_err(|message| CoreError::invalid("backup", message))
}

/// The newest backup of `db_path` that passes the quick check, if any.
pub fn latest_good_backup(db_path: &Path) -> Result<Option<Backup>> {
    Ok(list_backups(db_path)?
        .into_iter()
        .find(|backup| verify(Path::new(&backup.path), false).is_ok()))
}

/// The error for a live database the start-up check found damaged: what is wrong, and
/// the newest backup to restore.
pub(crate) fn damaged(db_path: &Path, problems: &[String]) -> CoreError {
    let latest_backup = latest_good_backup(db_path)
        .ok()
        .flatten()
        .map(|backup| backup.path);
    CoreError::Damaged {
        message: format!(
            "The database {} is damaged: {}.",
            db_path.display(),
            summarize(problems)
        ),
        latest_backup,
    }
}

/// The first few problems SQLite reported, and how many more there are.
fn summarize(problems: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = problems
        .iter()
        .take(SHOWN)
        .map(|p| p.trim_end_matches('.'))
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > SHOWN {
        text.push_str(&format!(" (and {} more)", problems.len() - SHOWN));
    }
    text
}
