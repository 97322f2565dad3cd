//! Restoring a backup: what was there is kept first, a stale WAL cannot leak back in,
//! and a bad backup is refused with the database untouched.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use rollplan_core::backup::{check_backup, list_backups, restore_backup, BackupReason};
use rollplan_core::{CoreError, Store};

mod backup_common;

use backup_common::{of_reason, rollout, rollout_names, sample_clinic};

const CHILD_DB: &str = "ROLLPLAN_STALE_WAL_TEST_DB";

#[test]
fn restore_brings_a_backup_back_and_keeps_what_was_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let store = Store::open(&db).expect("open");
    rollout(&store, "Kept");
    let backup = store.back_up(BackupReason::Manual).expect("back up");
    rollout(&store, "Added after the backup");

    let error = restore_backup(&db, Path::new(&backup.path))
        .expect_err("a database that is open cannot be replaced");
    assert!(matches!(error, CoreError::Conflict(_)), "{error:?}");
    assert!(
        of_reason(&db, BackupReason::BeforeRestore).is_empty(),
        "a refused restore keeps nothing because it changed nothing"
    );
    drop(store);

    let outcome = restore_backup(&db, Path::new(&backup.path)).expect("restore");
    assert_eq!(outcome.restored_from, backup.path);
    let kept = outcome.kept.expect("the replaced database is kept");
    assert_eq!(kept.reason, BackupReason::BeforeRestore);
    assert!(
        !Path::new(&format!("{}-wal", kept.path)).exists(),
        "a healthy database is kept as a clean SQLite copy, not a raw copy with its WAL"
    );
    assert_eq!(
        rollout_names(Path::new(&kept.path)),
        ["Added after the backup", "Kept"],
        "the before-restore backup holds the database as it was, later edits included"
    );
    let store = Store::open(&db).expect("the restored database opens");
    let names: Vec<String> = store
        .list_rollouts()
        .expect("list")
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, ["Kept"], "the database is the backup again");
    assert!(store.check().expect("check").is_healthy());
}

/// Writes a rollout and exits without closing the database, as a crash would: the
/// commit is in the -wal file, not yet in the main file.
#[test]
fn stale_wal_child() {
    let Some(path) = std::env::var_os(CHILD_DB) else {
        return;
    };
    let store = Store::open(Path::new(&path)).expect("child opens");
    rollout(&store, "Only in the WAL");
    std::process::exit(0);
}

#[test]
fn restore_removes_a_stale_wal_after_keeping_what_it_held() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let store = Store::open(&db).expect("open");
    rollout(&store, "Kept");
    let backup = store.back_up(BackupReason::Manual).expect("back up");
    drop(store);

    let status = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "stale_wal_child", "--test-threads=1"])
        .env(CHILD_DB, &db)
        .status()
        .expect("run the child");
    assert!(status.success());
    let wal = dir.path().join("rollplan.db-wal");
    assert!(
        wal.exists(),
        "the child left its WAL behind, as a crash does"
    );

    let outcome = restore_backup(&db, Path::new(&backup.path)).expect("restore");
    let kept = outcome.kept.expect("kept");
    assert!(
        rollout_names(Path::new(&kept.path)).contains(&"Only in the WAL".to_owned()),
        "a commit still in the WAL is in the before-restore backup"
    );
    assert!(
        !dir.path().join("rollplan.db-shm").exists(),
        "no stale shared-memory file is left beside the restored database"
    );
    assert_eq!(
        rollout_names(&db),
        ["Kept"],
        "the old WAL must not be replayed onto the restored database"
    );
}

#[test]
fn a_bad_backup_is_refused_and_the_database_is_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sample_clinic(dir.path());
    let good = Store::open(&db)
        .expect("open")
        .back_up(BackupReason::Manual)
        .expect("back up");
    let before = std::fs::read(&db).expect("bytes");
    let backups_before = list_backups(&db).expect("list");

    let bytes = std::fs::read(&good.path).expect("backup bytes");
    let truncated = dir.path().join("truncated.db");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("truncate");
    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, "meeting notes, not a database\n".repeat(500)).expect("garbage");
    let foreign = dir.path().join("foreign.db");
    rusqlite::Connection::open(&foreign)
        .and_then(|c| {
            c.execute_batch("CREATE TABLE invoices (n); INSERT INTO invoices VALUES (1);")
        })
        .expect("foreign");
    let newer = dir.path().join("newer.db");
    std::fs::copy(&good.path, &newer).expect("copy");
    rusqlite::Connection::open(&newer)
        .and_then(|c| c.execute_batch("PRAGMA user_version = 999;"))
        .expect("newer");
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").expect("empty");

    for (file, expected) in [
        (&truncated, "truncated"),
        (&garbage, "not a readable Rollplan database"),
        (&foreign, "not a Rollplan database"),
        (&newer, "newer version of Rollplan"),
        (&empty, "not a Rollplan database"),
        (&dir.path().join("missing.db"), "cannot be read"),
    ] {
        assert!(
            check_backup(file).is_err(),
            "{file:?} does not pass the check"
        );
        let error = restore_backup(&db, file).expect_err("a bad backup is refused");
        assert_eq!(error.code(), "validation", "{file:?}: {error}");
        let message = error.to_string();
        assert!(
            message.contains(expected) || (expected == "truncated" && message.contains("damaged")),
            "{}: the refusal says what is wrong ({expected}): {message}",
            file.display()
        );
        assert_eq!(
            std::fs::read(&db).expect("bytes"),
            before,
            "a refused restore ({}) leaves the database byte for byte as it was",
            file.display()
        );
        assert_eq!(
            list_backups(&db).expect("list"),
            backups_before,
            "a refused restore makes no backup"
        );
    }
    assert_eq!(
        check_backup(Path::new(&good.path)).expect("a good backup passes"),
        rollplan_core::store::LATEST_SCHEMA_VERSION
    );
    let error = restore_backup(&db, &db).expect_err("the database is not its own backup");
    assert_eq!(error.code(), "validation");
}
