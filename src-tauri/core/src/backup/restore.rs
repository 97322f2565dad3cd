//! Putting a backup back in place of the database. Works on a closed database file: the
//! app cannot swap the file under its own open connection.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

use super::copy::{raw_copy, remove_if_present, snapshot, write_whole_then};
use super::names::free_path;
use super::rotation::rotate;
use super::validate::check_backup;
use super::{described, whole_seconds, Backup, BackupReason};
use crate::store::inspect::{self, sidecar};
use crate::time::now;
use crate::{CoreError, Result};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreOutcome {
    /// The database file, which now holds the backup's contents.
    pub database: String,
    /// The backup that was restored.
    pub restored_from: String,
    /// The restored file's schema version; an older one is updated (after a
    /// `before-migration` backup) the next time the database is opened.
    pub schema_version: i64,
    /// The database as it was just before, kept as a `before-restore` backup; `None`
    /// when there was no database file.
    pub kept: Option<Backup>,
}

/// Replaces the database at `db_path` with the backup at `backup_path`.
///
/// The backup is checked first (SQLite's full integrity check, a Rollplan database, not
/// from a newer version); a bad one is refused with the reason and nothing changes. The
/// current file, if any, is then kept as a `before-restore` backup — refused while
/// another program (the app) has it open. Its stale `-wal`, `-shm` and `-journal` files
/// are removed so SQLite cannot replay them onto the restored file, which takes its
/// place atomically (written beside it, flushed, renamed).
pub fn restore_backup(db_path: &Path, backup_path: &Path) -> Result<RestoreOutcome> {
    let refuse = |message: String| CoreError::invalid("backup", message);
    if db_path.exists() && same_file(db_path, backup_path) {
        return Err(refuse(format!(
            "{} is the database itself, not a backup of it.",
            backup_path.display()
        )));
    }
    let schema_version = check_backup(backup_path)?;
    let source = inspect::open_read_only(backup_path)?;

    let kept = if db_path.exists() {
        Some(keep_current(db_path)?)
    } else {
        None
    };
    write_whole_then(
        db_path,
        |temp| snapshot(&source, temp),
        || {
            for suffix in ["-wal", "-shm", "-journal"] {
                remove_if_present(&sidecar(db_path, suffix))?;
            }
            Ok(())
        },
    )?;
    if let Some(kept) = &kept {
        rotate(db_path, Path::new(&kept.path));
    }
    Ok(RestoreOutcome {
        database: db_path.display().to_string(),
        restored_from: backup_path.display().to_string(),
        schema_version,
        kept,
    })
}

/// Backs up the current database before it is replaced, holding an exclusive lock so
/// nobody writes to it meanwhile. A file SQLite cannot copy (it is damaged) is kept byte
/// for byte instead, with its WAL: whatever is in it may still be worth recovering.
fn keep_current(db_path: &Path) -> Result<Backup> {
    let created_at = whole_seconds(now());
    let target = free_path(db_path, created_at, BackupReason::BeforeRestore);
    match lock_exclusively(db_path) {
        Ok(conn) => {
            // Nobody else can write while the lock is held, so the raw copy of the file
            // and its WAL is consistent too.
            if snapshot(&conn, &target).is_err() {
                raw_copy(db_path, &target)?;
            }
            // Closing checkpoints the WAL into the old file; it is about to be replaced.
            drop(conn);
        }
        Err(e) if is_busy(&e) => {
            return Err(CoreError::Conflict(format!(
                "{} is open in Rollplan or another program. Close it and try again; nothing \
                 was changed.",
                db_path.display()
            )))
        }
        Err(e) if inspect::is_damage(&e) => raw_copy(db_path, &target)?,
        Err(e) => return Err(e.into()),
    }
    Ok(described(&target, created_at, BackupReason::BeforeRestore))
}

/// A connection holding the database's exclusive lock; fails at once (busy) while any
/// other connection, in this process or another, has the file open.
fn lock_exclusively(db_path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(db_path)?;
    conn.busy_timeout(Duration::ZERO)?;
    // In exclusive locking mode the lock taken by the empty write transaction outlives
    // it; the transaction itself must end, as SQLite will not copy a database whose
    // connection is in the middle of writing.
    conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;")?;
    Ok(conn)
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exclusive_lock_keeps_others_out_until_it_is_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("rollplan.db");
        let setup = Connection::open(&path).expect("open");
        setup
            .execute_batch(
                "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
            )
            .expect("setup");
        let lock = lock_exclusively(&path).expect_err("busy while another connection is open");
        assert!(is_busy(&lock), "{lock}");
        drop(setup);

        let held = lock_exclusively(&path).expect("alone, the lock is taken");
        let other = Connection::open(&path).expect("open");
        other.busy_timeout(Duration::ZERO).expect("timeout");
        let read = other.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0));
        assert!(
            read.as_ref().is_err_and(is_busy),
            "nobody reads or writes while a restore holds the lock: {read:?}"
        );
        drop(held);
        assert_eq!(
            other
                .query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0))
                .expect("free again"),
            1
        );
    }
}
