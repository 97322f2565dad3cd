//! Making backups: a sound self-contained copy, rotation, the daily backup, and the
//! backup every import makes first — on real files in temp folders.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use rollplan_core::backup::{backups_dir, list_backups, Backup, BackupReason};
use rollplan_core::import::parse_table;
use rollplan_core::Store;

mod backup_common;

use backup_common::{count, of_reason, rollout, sample_clinic};

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
