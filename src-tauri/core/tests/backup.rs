//! Backups, rotation, restore and the start-up check, on real files in temp folders.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use rollplan_core::backup::{
    backups_dir, check_backup, latest_good_backup, list_backups, restore_backup, Backup,
    BackupReason,
};
use rollplan_core::import::parse_table;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, Store};

const CHILD_DB: &str = "ROLLPLAN_STALE_WAL_TEST_DB";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).expect("date")
}

/// A database file holding the sample clinic, closed.
fn sample_clinic(dir: &Path) -> PathBuf {
    let path = dir.join("rollplan.db");
    let store = Store::open(&path).expect("open");
    rollplan_core::demo::seed_sample_clinic(&store, today()).expect("sample clinic");
    path
}

fn rollout(store: &Store, name: &str) -> String {
    store
        .create_rollout(&RolloutDraft {
            name: name.into(),
            ..RolloutDraft::default()
        })
        .expect("create rollout")
        .id
}

fn rollout_names(path: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open read-only");
    let mut statement = conn
        .prepare("SELECT name FROM rollouts ORDER BY name")
        .expect("query");
    statement
        .query_map([], |row| row.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("names")
}

fn count(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

fn of_reason(db: &Path, reason: BackupReason) -> Vec<Backup> {
    list_backups(db)
        .expect("list backups")
        .into_iter()
        .filter(|b| b.reason == reason)
        .collect()
}

#[test]
fn a_backup_is_a_sound_self_contained_copy_with_the_same_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sample_clinic(dir.path());
    let store = Store::open(&db).expect("reopen");
    let backup = store.back_up(BackupReason::Manual).expect("back up");

    assert_eq!(
        Path::new(&backup.path).parent(),
        Some(backups_dir(&db).as_path())
    );
    assert!(
        backup.file_name.starts_with("rollplan-") && backup.file_name.ends_with("-manual.db"),
        "the name carries the database, the time and the reason: {}",
        backup.file_name
    );
    assert!(backup.size_bytes > 0);
    assert!(
        (Utc::now() - backup.created_at).num_seconds().abs() < 60,
        "the time in the name is now, in UTC"
    );
    assert_eq!(
        list_backups(&db).expect("list").first(),
        Some(&backup),
        "the new backup is listed first"
    );

    let live = rusqlite::Connection::open(&db).expect("live");
    let copy = rusqlite::Connection::open_with_flags(
        &backup.path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("the backup opens");
    let check: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(check, "ok", "a backup passes SQLite's integrity check");
    for table in [
        "rollouts",
        "people",
        "training_records",
        "sops",
        "sop_revisions",
        "plan_tasks",
        "metric_measurements",
        "audit_log",
    ] {
        assert_eq!(
            count(&copy, table),
            count(&live, table),
            "the backup holds every row of {table}"
        );
    }
    let mode: String = copy
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("mode");
    assert_eq!(mode, "delete", "a backup is one file, not a WAL database");
    drop(copy);
    let leftovers: Vec<String> = std::fs::read_dir(backups_dir(&db))
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".db"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary or side files are left in the backups folder: {leftovers:?}"
    );
}

#[test]
fn two_backups_in_the_same_second_are_both_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sample_clinic(dir.path());
    let store = Store::open(&db).expect("reopen");
    let first = store.back_up(BackupReason::BeforeImport).expect("first");
    let second = store.back_up(BackupReason::BeforeImport).expect("second");
    assert_ne!(
        first.path, second.path,
        "a second backup never replaces the first"
    );
    assert!(Path::new(&first.path).exists() && Path::new(&second.path).exists());
}

#[test]
fn rotation_keeps_days_weeks_and_recent_before_backups_and_nothing_foreign_is_touched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sample_clinic(dir.path());
    let folder = backups_dir(&db);
    std::fs::create_dir_all(&folder).expect("folder");
    let craft = |when: chrono::DateTime<Utc>, reason: &str| {
        let name = format!("rollplan-{}-{reason}.db", when.format("%Y%m%dT%H%M%SZ"));
        std::fs::write(folder.join(&name), b"crafted").expect("craft");
        name
    };
    let now = Utc::now();
    // Two a day for 60 days back: a daily one at 03:00, a manual one at 15:00 (UTC).
    let mut ladder = Vec::new();
    for days in 1..=60 {
        let day = (now - Duration::days(days)).date_naive();
        let at = |hour| day.and_hms_opt(hour, 0, 0).expect("time").and_utc();
        ladder.push(craft(at(3), "daily"));
        ladder.push(craft(at(15), "manual"));
    }
    let imports: Vec<String> = (1..=8)
        .map(|n| craft(now - Duration::hours(n), "before-import"))
        .collect();
    let foreign = [
        "notes.txt",
        "rollplan-old.db",
        "clinic-20200101T000000Z-daily.db",
        "rollplan-20200101T000000Z-weekly.db",
    ];
    for name in foreign {
        std::fs::write(folder.join(name), b"not ours").expect("foreign");
    }

    let store = Store::open(&db).expect("reopen");
    let made = store.back_up(BackupReason::Manual).expect("back up");

    let left = list_backups(&db).expect("list");
    let names: Vec<&str> = left.iter().map(|b| b.file_name.as_str()).collect();
    assert!(
        names.contains(&made.file_name.as_str()),
        "the new backup stays"
    );
    let regular: Vec<&Backup> = left
        .iter()
        .filter(|b| matches!(b.reason, BackupReason::Daily | BackupReason::Manual))
        .collect();
    let mut days: Vec<NaiveDate> = regular.iter().map(|b| b.created_at.date_naive()).collect();
    days.dedup();
    assert_eq!(
        regular.len(),
        days.len(),
        "at most one daily-or-manual backup is kept per day: {names:?}"
    );
    assert_eq!(
        regular.len(),
        7 + 4,
        "7 days and then 4 weeks of daily backups are kept: {names:?}"
    );
    // The 7 newest days keep their newest backup (today's is the new one).
    for days_back in 1..=6 {
        let newest_that_day = &ladder[(days_back - 1) * 2 + 1];
        assert!(
            names.contains(&newest_that_day.as_str()),
            "{newest_that_day} is the newest of a recent day and must be kept"
        );
    }
    let weekly: Vec<_> = regular[7..]
        .iter()
        .map(|b| b.created_at.iso_week())
        .collect();
    let mut distinct = weekly.clone();
    distinct.dedup();
    assert_eq!(weekly, distinct, "one backup per week beyond the 7 days");
    assert!(
        regular[10].created_at > now - Duration::days(7 + 5 * 7),
        "nothing older than the 4 weekly backups is kept"
    );
    let imports_left: Vec<&str> = left
        .iter()
        .filter(|b| b.reason == BackupReason::BeforeImport)
        .map(|b| b.file_name.as_str())
        .collect();
    assert_eq!(
        imports_left,
        imports[..5].iter().map(String::as_str).collect::<Vec<_>>(),
        "the 5 newest before-import backups are kept"
    );
    for name in foreign {
        assert!(
            folder.join(name).exists(),
            "{name} is not a backup of this database and must never be deleted"
        );
    }
}

#[test]
fn the_daily_backup_is_made_once_a_day_and_only_of_a_database_with_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    drop(Store::open(&db).expect("create"));
    drop(Store::open(&db).expect("reopen"));
    assert!(
        list_backups(&db).expect("list").is_empty(),
        "an empty database is not backed up"
    );

    rollout(&Store::open(&db).expect("open"), "Patient portal");
    let store = Store::open(&db).expect("reopen with data");
    assert_eq!(store.backup_problem(), None);
    drop(store);
    drop(Store::open(&db).expect("reopen the same day"));
    let daily = of_reason(&db, BackupReason::Daily);
    assert_eq!(
        daily.len(),
        1,
        "one daily backup per day, however often it is opened"
    );

    // Make that backup look 25 hours old: the next opening makes a new one.
    let old = Utc::now() - Duration::hours(25);
    let older = backups_dir(&db).join(format!(
        "rollplan-{}-daily.db",
        old.format("%Y%m%dT%H%M%SZ")
    ));
    std::fs::rename(&daily[0].path, &older).expect("age the backup");
    drop(Store::open(&db).expect("open a day later"));
    assert_eq!(
        of_reason(&db, BackupReason::Daily).len(),
        2,
        "a day after the last backup, opening makes a new one"
    );
}

#[test]
fn a_failed_daily_backup_is_reported_and_the_database_still_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = sample_clinic(dir.path());
    // A file where the backups folder should be: no backup can be written.
    std::fs::write(backups_dir(&db), b"in the way").expect("block");
    let store = Store::open(&db).expect("the database opens without its daily backup");
    let problem = store.backup_problem().expect("the failure is reported");
    assert!(
        problem.contains("daily backup"),
        "the message says which backup failed: {problem}"
    );
    assert!(!store.list_rollouts().expect("list").is_empty());
}

#[test]
fn in_memory_stores_have_no_backups() {
    let store = Store::open_in_memory().expect("store");
    assert_eq!(store.back_up_if_due().expect("nothing due"), None);
    assert!(store.back_up(BackupReason::Manual).is_err());
}

const TASKS: &str = "Task name,Phase\nBuild interfaces,Build\nTest interfaces,Testing\n";

#[test]
fn an_import_backs_up_first_and_a_preview_does_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let store = Store::open(&db).expect("open");
    let id = rollout(&store, "EHR go-live");
    let table = parse_table("plan.csv", TASKS.as_bytes().to_vec()).expect("table");

    store.preview_task_import(&id, &table).expect("preview");
    assert!(
        of_reason(&db, BackupReason::BeforeImport).is_empty(),
        "a preview writes nothing and needs no backup"
    );
    store.import_tasks(&id, &table).expect("import");
    let before = of_reason(&db, BackupReason::BeforeImport);
    assert_eq!(before.len(), 1, "an import makes one before-import backup");
    let copy = rusqlite::Connection::open(&before[0].path).expect("open backup");
    assert_eq!(
        count(&copy, "plan_tasks"),
        0,
        "the before-import backup holds the database as it was before the import"
    );
    assert_eq!(count(&copy, "rollouts"), 1);
    assert_eq!(store.list_tasks(&id).expect("tasks").len(), 2);
}

#[test]
fn an_import_that_cannot_back_up_first_is_refused_with_nothing_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let store = Store::open(&db).expect("open");
    let id = rollout(&store, "EHR go-live");
    std::fs::write(backups_dir(&db), b"in the way").expect("block");
    let table = parse_table("plan.csv", TASKS.as_bytes().to_vec()).expect("table");
    let error = store
        .import_tasks(&id, &table)
        .expect_err("no backup, no import");
    assert!(
        error.to_string().contains("nothing was imported"),
        "the message says the import did not happen: {error}"
    );
    assert!(
        store.list_tasks(&id).expect("tasks").is_empty(),
        "a refused import leaves no rows behind"
    );
}

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
