//! `backup`, `backups list`, `restore` and `check` as IT scripts use them: real
//! processes, real files, exit codes and output.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{cli, ok, stderr, stdout};

fn rollout_names(db: &Path) -> Vec<String> {
    let output = ok(cli(db, &["rollouts", "list", "--json"]));
    let rollouts: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    rollouts
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["name"].as_str().expect("name").to_owned())
        .collect()
}

fn listed(db: &Path) -> Vec<serde_json::Value> {
    let output = ok(cli(db, &["backups", "list", "--json"]));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

fn with_a_rollout(dir: &Path) -> PathBuf {
    let db = dir.join("rollplan.db");
    ok(cli(&db, &["rollouts", "create", "--name", "Kept"]));
    db
}

#[test]
fn backup_then_list_shows_it_in_the_backups_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = with_a_rollout(dir.path());
    let made = ok(cli(&db, &["backup"]));
    assert!(stdout(&made).contains("Backed up to"), "{}", stdout(&made));

    let backups = listed(&db);
    let manual: Vec<_> = backups.iter().filter(|b| b["reason"] == "manual").collect();
    assert_eq!(manual.len(), 1, "one manual backup: {backups:?}");
    let path = Path::new(manual[0]["path"].as_str().expect("path"));
    assert_eq!(path.parent(), Some(dir.path().join("backups").as_path()));
    assert!(path.exists());

    let text = stdout(&ok(cli(&db, &["backups", "list"])));
    assert!(
        text.contains("Made by hand")
            && text.contains(manual[0]["file_name"].as_str().expect("name")),
        "the list names each backup and why it was made: {text}"
    );
}

#[test]
fn backup_out_writes_a_copy_and_never_replaces_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = with_a_rollout(dir.path());
    let out = dir.path().join("usb").join("rollplan-copy.db");
    ok(cli(&db, &["backup", "--out", out.to_str().expect("path")]));
    assert_eq!(rollout_names(&out), ["Kept"], "the copy holds the data");

    let again = cli(&db, &["backup", "--out", out.to_str().expect("path")]);
    assert_eq!(again.status.code(), Some(1), "an existing file is refused");
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn restore_by_file_name_brings_the_backup_back_and_says_what_it_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = with_a_rollout(dir.path());
    ok(cli(&db, &["backup"]));
    let name = listed(&db)[0]["file_name"]
        .as_str()
        .expect("name")
        .to_owned();
    ok(cli(&db, &["rollouts", "create", "--name", "Later"]));

    let restored = ok(cli(&db, &["restore", &name]));
    let text = stdout(&restored);
    assert!(
        text.contains("Restored") && text.contains("before-restore"),
        "restore says what it restored and where the old database is kept: {text}"
    );
    assert_eq!(
        rollout_names(&db),
        ["Kept"],
        "the database is the backup again"
    );
    let kept = listed(&db)
        .into_iter()
        .find(|b| b["reason"] == "before_restore")
        .expect("a before-restore backup");
    let mut names = rollout_names(Path::new(kept["path"].as_str().expect("path")));
    names.sort();
    assert_eq!(
        names,
        ["Kept", "Later"],
        "nothing of the replaced database is lost"
    );
}

#[test]
fn restore_refuses_a_bad_backup_with_exit_1_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = with_a_rollout(dir.path());
    let before = std::fs::read(&db).expect("bytes");
    let bad = dir.path().join("bad.db");
    std::fs::write(&bad, "half a file".repeat(300)).expect("write");

    let output = cli(&db, &["restore", bad.to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(1), "a bad backup is bad input");
    assert!(
        stderr(&output).contains("bad.db") && stderr(&output).contains("not a readable"),
        "the refusal names the file and the problem: {}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read(&db).expect("bytes"),
        before,
        "the database is untouched"
    );
    assert!(listed(&db).is_empty(), "a refused restore makes no backup");
}

#[test]
fn an_import_makes_a_before_import_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = with_a_rollout(dir.path());
    let roster = dir.path().join("roster.csv");
    std::fs::write(&roster, "Name,Role\nGrace Kim,Registered nurse (RN)\n").expect("write");
    ok(cli(
        &db,
        &[
            "import",
            "roster",
            roster.to_str().expect("path"),
            "--dry-run",
        ],
    ));
    assert!(
        !listed(&db).iter().any(|b| b["reason"] == "before_import"),
        "a dry run needs no backup"
    );
    ok(cli(
        &db,
        &["import", "roster", roster.to_str().expect("path")],
    ));
    assert!(
        listed(&db).iter().any(|b| b["reason"] == "before_import"),
        "the import backed the database up first"
    );
}

#[test]
fn check_reports_a_damaged_database_and_the_latest_good_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    ok(cli(&db, &["demo"]));
    ok(cli(&db, &["backup"]));
    let good = listed(&db)[0]["path"].as_str().expect("path").to_owned();

    let mut bytes = std::fs::read(&db).expect("read");
    for page in 2..6 {
        bytes[page * 4096..page * 4096 + 12].fill(0xA5);
        bytes[page * 4096 + 2000..page * 4096 + 2100].fill(0xA5);
    }
    std::fs::write(&db, &bytes).expect("damage");

    let output = cli(&db, &["check"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "damage is a fault, not bad input"
    );
    assert!(
        stdout(&output).contains("NOT healthy"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains(&good) && stderr(&output).contains(&good),
        "the report and the error name the backup to restore: {} / {}",
        stdout(&output),
        stderr(&output)
    );
    let json = cli(&db, &["check", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(report["latest_good_backup"]["path"], good.as_str());
    assert_ne!(report["integrity_problems"], serde_json::json!([]));

    let refused = cli(&db, &["rollouts", "list"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("damaged"), "{}", stderr(&refused));
    assert_eq!(
        std::fs::read(&db).expect("bytes"),
        bytes,
        "nothing wrote to it"
    );

    ok(cli(&db, &["restore", &good]));
    ok(cli(&db, &["check"]));
}

#[test]
fn check_names_rows_pointing_at_missing_records_and_repair_fixes_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = common::demo(dir.path());
    {
        // Another program deletes a rollout with foreign keys off: its plan is orphaned.
        let raw = rusqlite::Connection::open(&db).expect("raw");
        raw.execute_batch(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM rollouts WHERE id = (SELECT rollout_id FROM plan_tasks LIMIT 1);",
        )
        .expect("delete behind the app's back");
    }

    let checked = cli(&db, &["check"]);
    assert!(!checked.status.success(), "the check fails");
    let report = stdout(&checked);
    assert!(
        report.contains("plan tasks point at rollouts that no longer exist")
            && report.contains("rollplan-cli repair"),
        "the check names the orphaned rows and the way out: {report}"
    );

    let repaired = stdout(&ok(cli(&db, &["repair"])));
    assert!(
        repaired.contains("Backed up first") && repaired.contains("set aside"),
        "the repair says it backed up and what it did: {repaired}"
    );
    ok(cli(&db, &["check"]));
    assert!(
        stdout(&ok(cli(&db, &["repair"]))).contains("Nothing to repair"),
        "a second repair has nothing to do"
    );
}
