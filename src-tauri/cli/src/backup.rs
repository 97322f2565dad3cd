//! `backup`, `backups list`, `restore` and `check`: the commands that look after the
//! database file itself. All but `backup` work without opening the database, so they
//! still work when it is damaged.

use std::path::{Path, PathBuf};

use chrono::Local;
use rollplan_core::backup::{
    backups_dir, latest_good_backup, list_backups, restore_backup, Backup, BackupReason,
};
use rollplan_core::check::{check_file, CheckReport};
use rollplan_core::{CoreError, Store};
use serde::Serialize;

use crate::output::say;
use crate::output::{print_check, print_json, print_table};

/// `backup [--out PATH]`
pub fn make(store: &Store, out: Option<&Path>, json: bool) -> Result<(), CoreError> {
    let backup = match out {
        Some(path) => store.back_up_to(path)?,
        None => store.back_up(BackupReason::Manual)?,
    };
    if json {
        return print_json(&backup);
    }
    say!(
        "Backed up to {} ({}).",
        backup.path,
        size_text(backup.size_bytes)
    );
    Ok(())
}

/// `backups list`
pub fn list(db: &Path, json: bool) -> Result<(), CoreError> {
    let backups = list_backups(db)?;
    if json {
        return print_json(&backups);
    }
    let folder = backups_dir(db);
    if backups.is_empty() {
        say!("No backups yet in {}.", folder.display());
        return Ok(());
    }
    say!("Backups of {} in {}:", db.display(), folder.display());
    let rows: Vec<Vec<String>> = backups
        .iter()
        .map(|b| {
            vec![
                when(b),
                b.reason.label().to_owned(),
                size_text(b.size_bytes),
                b.file_name.clone(),
            ]
        })
        .collect();
    print_table(&["MADE", "WHY", "SIZE", "FILE"], &rows);
    Ok(())
}

/// `restore FILE`: FILE is a path, or the name of a file in the backups folder.
pub fn restore(db: &Path, file: &Path, json: bool) -> Result<(), CoreError> {
    let in_folder = backups_dir(db).join(file);
    let file: PathBuf = if !file.exists() && file.components().count() == 1 && in_folder.exists() {
        in_folder
    } else {
        file.to_owned()
    };
    let outcome = restore_backup(db, &file)?;
    if json {
        return print_json(&outcome);
    }
    say!(
        "Restored {} from {}.",
        outcome.database,
        outcome.restored_from
    );
    match &outcome.kept {
        Some(kept) => say!("The database as it was is kept in {}.", kept.path),
        None => say!("There was no database file before, so nothing needed keeping."),
    }
    if outcome.schema_version < rollplan_core::store::LATEST_SCHEMA_VERSION {
        say!(
            "The backup is from an earlier version of Rollplan; it is updated the next time \
             it is opened."
        );
    }
    Ok(())
}

/// `check --json`: the health report and the backup to restore if it is bad.
#[derive(Serialize)]
struct CheckOutput {
    #[serde(flatten)]
    report: CheckReport,
    latest_good_backup: Option<Backup>,
}

/// `rollplan-cli repair`: fixes rows that point at missing records, backing up first.
pub fn repair(store: &Store, json: bool) -> Result<(), CoreError> {
    let found = store.orphaned_rows()?;
    let outcome = store.repair_orphans()?;
    if json {
        return print_json(&outcome);
    }
    if found.is_empty() {
        say!("Nothing to repair: every row points at a record that exists.");
        return Ok(());
    }
    for orphans in &found {
        say!("{}: {}", orphans.table, orphans.summary);
    }
    if let Some(backup) = &outcome.backup {
        say!("Backed up first to {}", backup.path);
    }
    say!(
        "Repaired: {} link(s) cleared, {} row(s) set aside (kept in the quarantined_rows table).",
        outcome.links_cleared,
        outcome.rows_set_aside
    );
    Ok(())
}

/// `check`: opens the database as usual; one that is refused as damaged is examined
/// read-only instead, so the report says what is wrong and which backup to restore.
pub fn check(db: &Path, json: bool) -> Result<(), CoreError> {
    let (report, refusal) = match Store::open(db) {
        Ok(store) => {
            if let Some(problem) = store.backup_problem() {
                eprintln!("warning: {problem}");
            }
            (store.check()?, None)
        }
        Err(error @ CoreError::Damaged { .. }) => (check_file(db)?, Some(error)),
        Err(error) => return Err(error),
    };
    let latest = latest_good_backup(db)?;
    if json {
        print_json(&CheckOutput {
            report: report.clone(),
            latest_good_backup: latest.clone(),
        })?;
    } else {
        print_check(&report);
        match &latest {
            Some(backup) => say!("Latest good backup: {} ({})", backup.path, when(backup)),
            None => say!("Latest good backup: none"),
        }
    }
    match refusal {
        Some(error) => Err(error),
        None if report.is_healthy() => Ok(()),
        None => Err(CoreError::Database(
            "the database failed its health check (see above)".into(),
        )),
    }
}

/// When a backup was made, in local time.
fn when(backup: &Backup) -> String {
    backup
        .created_at
        .with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

fn size_text(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let bytes = bytes as f64;
    if bytes < KB * KB {
        format!("{:.0} KB", (bytes / KB).ceil())
    } else {
        format!("{:.1} MB", bytes / (KB * KB))
    }
}
