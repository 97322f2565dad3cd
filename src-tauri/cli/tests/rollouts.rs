//! Rollouts and the database file as a script meets them: create and list as text and
//! JSON, bad flags named, the sample clinic seeded once, a newer file refused.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, demo, stderr, stdout};

#[test]
fn create_then_list_sees_the_rollout_as_text_and_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let created = cli(
        &db,
        &[
            "rollouts",
            "create",
            "--name",
            "SMS reminders",
            "--kind",
            "automation",
            "--go-live",
            "2027-03-01",
            "--owner",
            "Priya Nair",
            "--site",
            "Riverside",
        ],
    );
    assert_eq!(
        created.status.code(),
        Some(0),
        "create succeeds: {}",
        stderr(&created)
    );

    let listed = cli(&db, &["rollouts", "list"]);
    assert_eq!(listed.status.code(), Some(0));
    let text = stdout(&listed);
    assert!(
        text.contains("SMS reminders")
            && text.contains("Automation")
            && text.contains("2027-03-01")
    );

    let json = cli(&db, &["rollouts", "list", "--json"]);
    let rollouts: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(rollouts[0]["name"], "SMS reminders");
    assert_eq!(rollouts[0]["kind"], "automation");
    assert_eq!(rollouts[0]["sites"][0], "Riverside");
}

#[test]
fn bad_input_exits_1_and_names_the_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let output = cli(
        &db,
        &[
            "rollouts",
            "create",
            "--name",
            "Kiosks",
            "--start",
            "2027-03-01",
            "--go-live",
            "2027-02-01",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "a refused create exits 1");
    assert!(
        stderr(&output).contains("--go-live"),
        "the message names the flag to fix: {}",
        stderr(&output)
    );

    let unknown_kind = cli(
        &db,
        &["rollouts", "create", "--name", "Kiosks", "--kind", "pilot"],
    );
    assert_eq!(unknown_kind.status.code(), Some(1));
    assert!(stderr(&unknown_kind).contains("--kind"));

    let usage = cli(&db, &["rollouts", "frobnicate"]);
    assert_eq!(
        usage.status.code(),
        Some(1),
        "a usage error is bad input, not a fault"
    );

    let listed = cli(&db, &["rollouts", "list", "--json"]);
    assert_eq!(
        stdout(&listed).trim(),
        "[]",
        "nothing was written by refused commands"
    );
}

#[test]
fn demo_seeds_once_and_check_reports_a_healthy_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let demo = cli(&db, &["demo"]);
    assert_eq!(
        demo.status.code(),
        Some(0),
        "demo succeeds: {}",
        stderr(&demo)
    );
    let again = cli(&db, &["demo"]);
    assert_eq!(again.status.code(), Some(1), "a second demo is refused");
    let large = cli(&db, &["demo", "--size", "large"]);
    assert_eq!(
        large.status.code(),
        Some(1),
        "the large workspace is refused on a database with rollouts too"
    );
    assert!(
        stderr(&large).contains("already holds rollouts"),
        "the refusal says why: {}",
        stderr(&large)
    );
    let seeded = cli(&db, &["demo", "--seed", "3"]);
    assert_eq!(
        seeded.status.code(),
        Some(1),
        "--seed is for --size large or xl only"
    );
    assert!(
        stderr(&seeded).contains("--size large"),
        "the message names the flag it needs: {}",
        stderr(&seeded)
    );

    let check = cli(&db, &["check", "--json"]);
    assert_eq!(check.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).expect("valid JSON");
    assert_eq!(report["integrity_problems"], serde_json::json!([]));
}

#[test]
fn a_newer_database_is_refused_with_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("future.db");
    // A file as a later Rollplan would leave it: a schema version beyond ours.
    rusqlite::Connection::open(&db)
        .and_then(|c| c.execute_batch("CREATE TABLE later (x); PRAGMA user_version = 999;"))
        .expect("write a future database");
    let output = cli(&db, &["rollouts", "list"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("newer version of Rollplan"),
        "{}",
        stderr(&output)
    );
}

/// `rollplan-cli sops list | head` must end quietly: a reader that closes the pipe has
/// all it wanted. The read end is closed before the CLI starts, so its first line meets
/// a closed pipe every time.
#[test]
fn printing_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    for args in [
        &["sops", "list"][..],
        &["rollouts", "list", "--json"][..],
        &["people", "list"][..],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_rollplan-cli"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("ROLLPLAN_DB")
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("rollplan-cli runs");
        assert_eq!(
            (output.status.code(), stderr(&output)),
            (Some(0), String::new()),
            "`{}` into a closed pipe ends at once, successfully and silently",
            args.join(" ")
        );
    }
}
