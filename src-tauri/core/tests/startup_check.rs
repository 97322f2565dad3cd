//! The check before a file is written: a damaged database is refused untouched with
//! its latest good backup named, a migration never runs without its backup, and the
//! check in the background lets reads go ahead while writes wait.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use rollplan_core::backup::{backups_dir, latest_good_backup, restore_backup, BackupReason};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, Store};

mod backup_common;

use backup_common::{of_reason, rollout, rollout_names, sample_clinic};

/// Overwrites bytes in the middle of several pages (not the first, which holds the
/// schema), as a failing disk or a careless sync tool would.
fn damage(path: &Path) {
    let mut bytes = std::fs::read(path).expect("read");
    let page = 4096;
    assert!(bytes.len() > 6 * page, "the sample clinic spans many pages");
    for n in [2, 3, 4, 5] {
        let middle = n * page + page / 2 - 64;
        bytes[middle..middle + 128].fill(0xA5);
        // And the page header, so even the quick check cannot miss it.
        bytes[n * page..n * page + 12].fill(0xA5);
    }
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn a_damaged_database_is_refused_untouched_and_the_latest_good_backup_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sample_clinic(dir.path());
    let store = Store::open(&db).expect("open");
    let good = store.back_up(BackupReason::Manual).expect("good backup");
    let newest = store
        .back_up(BackupReason::BeforeImport)
        .expect("newest backup");
    drop(store);
    damage(Path::new(&newest.path));
    damage(&db);
    let before = std::fs::read(&db).expect("bytes");

    let error = Store::open(&db)
        .err()
        .expect("a damaged database is refused");
    assert_eq!(error.code(), "damaged");
    assert!(
        !error.is_user_error(),
        "damage is the disk's fault, not the user's"
    );
    match &error {
        CoreError::Damaged {
            message,
            latest_backup,
        } => {
            assert!(
                message.contains("rollplan.db"),
                "the file is named: {message}"
            );
            assert_eq!(
                latest_backup.as_deref(),
                Some(good.path.as_str()),
                "the newest backup that passes the check is named, not the damaged newer one"
            );
        }
        other => panic!("expected Damaged, got {other:?}"),
    }
    assert!(
        error.to_string().contains(&good.path),
        "the message names the backup to restore: {error}"
    );
    assert_eq!(
        std::fs::read(&db).expect("bytes"),
        before,
        "a damaged database is never written to"
    );
    assert!(
        !dir.path().join("rollplan.db-wal").exists()
            && !dir.path().join("rollplan.db-shm").exists(),
        "nothing is created beside a damaged database"
    );
    assert_eq!(
        latest_good_backup(&db).expect("search").map(|b| b.path),
        Some(good.path.clone())
    );
    let report = rollplan_core::check::check_file(&db).expect("the check reads it");
    assert!(
        !report.is_healthy(),
        "the check reports the damage: {report:?}"
    );

    // Restoring the good backup over the damaged file keeps the damaged file as it was.
    let outcome = restore_backup(&db, Path::new(&good.path)).expect("restore");
    let kept = outcome.kept.expect("kept");
    assert_eq!(
        std::fs::read(&kept.path).expect("kept bytes").len(),
        before.len(),
        "the damaged file is kept whole"
    );
    let store = Store::open(&db).expect("the restored database opens");
    assert!(store.check().expect("check").is_healthy());
}

#[test]
fn a_migration_that_cannot_back_up_first_does_not_happen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("old.db");
    {
        // A version-1 database with a rollout in it.
        let conn = rusqlite::Connection::open(&db).expect("raw");
        conn.execute_batch(include_str!("../migrations/0001_foundation.sql"))
            .expect("schema 1");
        conn.execute_batch(
            "INSERT INTO rollouts (id, name, kind, phase, created_at, updated_at)
             VALUES ('r1', 'Old rollout', 'other', 'planning',
                     '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             PRAGMA user_version = 1;",
        )
        .expect("row");
    }
    let before = std::fs::read(&db).expect("bytes");
    std::fs::write(backups_dir(&db), b"in the way").expect("block");
    let error = Store::open(&db).err().expect("no backup, no migration");
    assert_eq!(error.code(), "io", "{error}");
    assert!(
        error.to_string().contains("was not updated"),
        "the message says the database was left as it was: {error}"
    );
    assert_eq!(
        std::fs::read(&db).expect("bytes"),
        before,
        "a migration refused for want of a backup changes nothing"
    );
}

/// Opens `db` with the check in the background; the verdict arrives on the receiver.
fn open_checking_in_background(
    db: &Path,
) -> (Store, std::sync::mpsc::Receiver<Result<(), CoreError>>) {
    let (tell, verdict) = std::sync::mpsc::channel();
    let store = Store::open_checking_in_background(db, move |result| {
        let _ = tell.send(result);
    })
    .expect("opens at once");
    (store, verdict)
}

#[test]
fn with_the_check_in_the_background_reads_go_ahead_and_writes_wait_for_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sample_clinic(dir.path());
    assert!(of_reason(&db, BackupReason::Daily).is_empty());

    let (store, verdict) = open_checking_in_background(&db);
    assert!(!store.list_rollouts().expect("read").is_empty());
    rollout(&store, "Patient portal");
    assert!(store.wait_until_checked().is_ok());
    verdict
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the verdict is told")
        .expect("a sound file passes");
    assert_eq!(
        of_reason(&db, BackupReason::Daily).len(),
        1,
        "the daily backup is made once the file has passed"
    );
    assert_eq!(store.backup_problem(), None);
    drop(store);
    assert!(rollout_names(&db).contains(&"Patient portal".to_owned()));
}

#[test]
fn the_check_in_the_background_waits_for_the_first_screen_or_a_few_seconds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sample_clinic(dir.path());
    let patience = std::time::Duration::from_secs(30);

    let (store, verdict) = open_checking_in_background(&db);
    assert!(
        verdict
            .recv_timeout(std::time::Duration::from_millis(500))
            .is_err(),
        "nothing is checked while the window is still drawing its first screen"
    );
    assert!(!store.list_rollouts().expect("reads go ahead").is_empty());
    store.begin_startup_check();
    verdict
        .recv_timeout(patience)
        .expect("checked once the first screen is shown")
        .expect("a sound file passes");
    drop(store);

    // A window that never reports a first screen (it shows an error, say): the check
    // starts on its own after a few seconds.
    let started = std::time::Instant::now();
    let (_store, verdict) = open_checking_in_background(&db);
    verdict
        .recv_timeout(patience)
        .expect("checked without being asked")
        .expect("a sound file passes");
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(2),
        "not at once, though"
    );
}

#[test]
fn with_the_check_in_the_background_a_damaged_file_is_never_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sample_clinic(dir.path());
    let good = Store::open(&db)
        .expect("open")
        .back_up(BackupReason::Manual)
        .expect("good backup");
    damage(&db);
    let before = std::fs::read(&db).expect("bytes");

    let (store, verdict) = open_checking_in_background(&db);
    // Straight away, while the check may still be reading: the write waits for it.
    let refused = store
        .create_rollout(&RolloutDraft {
            name: "Never written".into(),
            ..RolloutDraft::default()
        })
        .expect_err("a write to a damaged file is refused");
    assert_eq!(refused.code(), "damaged");
    match verdict
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("told")
    {
        Err(CoreError::Damaged { latest_backup, .. }) => {
            assert_eq!(latest_backup.as_deref(), Some(good.path.as_str()));
        }
        other => panic!("expected the damage to be told, got {other:?}"),
    }
    assert_eq!(
        store.wait_until_checked().map_err(|e| e.code()),
        Err(rollplan_core::ErrorCode::Damaged)
    );
    drop(store);
    assert_eq!(
        std::fs::read(&db).expect("bytes"),
        before,
        "a damaged database is never written to"
    );
    assert_eq!(
        of_reason(&db, BackupReason::Daily).len(),
        0,
        "nor backed up"
    );
}

#[test]
fn a_new_file_is_checked_and_created_before_the_store_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("new").join("rollplan.db");
    let (store, verdict) = open_checking_in_background(&db);
    verdict
        .recv_timeout(std::time::Duration::from_secs(1))
        .expect("told at once")
        .expect("a new file is sound");
    rollout(&store, "First rollout");
    assert!(db.exists());
}
