//! Where backups live and what they are called: `backups/` beside the database, one file
//! per backup named `<database>-<UTC time>-<reason>.db`, for example
//! `rollplan-20261129T041500Z-daily.db`. The name carries everything the list and the
//! rotation need, so neither has to open a file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};

use super::{Backup, BackupReason};
use crate::{CoreError, Result};

const STAMP: &str = "%Y%m%dT%H%M%SZ";
/// `20261129T041500Z`
const STAMP_LEN: usize = 16;

/// The folder that holds the backups of the database at `db_path`.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    match db_path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join("backups"),
        _ => PathBuf::from("backups"),
    }
}

/// The start of every backup name of this database: its file name without `.db`.
fn prefix(db_path: &Path) -> String {
    db_path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| "rollplan".to_owned())
}

/// The first free name for a backup made at `at`: a second backup with the same reason
/// in the same second gets `-2`, and so on, so it never replaces the first.
pub(crate) fn free_path(db_path: &Path, at: DateTime<Utc>, reason: BackupReason) -> PathBuf {
    let dir = backups_dir(db_path);
    let base = format!("{}-{}-{}", prefix(db_path), at.format(STAMP), reason.slug());
    let mut candidate = dir.join(format!("{base}.db"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{base}-{n}.db"));
        n += 1;
    }
    candidate
}

/// Reads a backup's time, reason and sequence number from its file name; `None` for any
/// file that is not one of this database's backups.
pub(crate) fn parse(db_path: &Path, file_name: &str) -> Option<(DateTime<Utc>, BackupReason, u32)> {
    let rest = file_name
        .strip_prefix(&prefix(db_path))?
        .strip_prefix('-')?
        .strip_suffix(".db")?;
    let stamp = rest.get(..STAMP_LEN)?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let rest = rest.get(STAMP_LEN..)?.strip_prefix('-')?;
    BackupReason::ALL.iter().find_map(|&reason| {
        let after = rest.strip_prefix(reason.slug())?;
        if after.is_empty() {
            return Some((at, reason, 1));
        }
        let n: u32 = after.strip_prefix('-')?.parse().ok()?;
        (n >= 2 && !after.starts_with("-0")).then_some((at, reason, n))
    })
}

/// The backups of the database at `db_path`, newest first. Only files named as this
/// module names them are listed; a missing folder means no backups yet.
pub fn list_backups(db_path: &Path) -> Result<Vec<Backup>> {
    let dir = backups_dir(db_path);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(CoreError::Io {
                context: format!("cannot read the backups folder {}", dir.display()),
                source,
            })
        }
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some((created_at, reason, n)) = parse(db_path, &file_name) else {
            continue;
        };
        let Ok(metadata) = entry.metadata() else {
            continue; // removed while we were listing
        };
        if !metadata.is_file() {
            continue;
        }
        let backup = Backup {
            path: entry.path().display().to_string(),
            file_name,
            created_at,
            reason,
            size_bytes: metadata.len(),
        };
        found.push((n, backup));
    }
    found.sort_by(|(n1, a), (n2, b)| {
        (b.created_at, n2, &b.file_name).cmp(&(a.created_at, n1, &a.file_name))
    });
    Ok(found.into_iter().map(|(_, backup)| backup).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_foreign_files_are_ignored() {
        let db = Path::new("/x/rollplan.db");
        let at = NaiveDateTime::parse_from_str("20261129T041500Z", STAMP)
            .expect("stamp")
            .and_utc();
        let path = free_path(db, at, BackupReason::BeforeMigration);
        assert_eq!(
            path,
            Path::new("/x/backups/rollplan-20261129T041500Z-before-migration.db")
        );
        let name = path.file_name().expect("name").to_string_lossy();
        assert_eq!(
            parse(db, &name),
            Some((at, BackupReason::BeforeMigration, 1))
        );
        assert_eq!(
            parse(db, "rollplan-20261129T041500Z-manual-3.db"),
            Some((at, BackupReason::Manual, 3))
        );
        for foreign in [
            "rollplan.db",
            "notes.txt",
            "rollplan-20261129T041500Z-weekly.db",
            "rollplan-20261129T041500Z-daily.db-wal",
            "rollplan-2026-11-29-daily.db",
            "rollplan-20261129T041500Z-daily-x.db",
            "rollplan-20261129T041500Z-daily-1.db",
            "clinic-20261129T041500Z-daily.db",
            ".rollplan-20261129T041500Z-daily.db.partial",
        ] {
            assert_eq!(
                parse(db, foreign),
                None,
                "{foreign} is not a backup of rollplan.db"
            );
        }
    }
}
