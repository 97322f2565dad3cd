//! `tasks link` as a script uses it: a typed link with a lag lands and reads back, a
//! bad type or lag or an unknown task is refused with a message and exit code 1.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, json, ok, stderr, stdout};

fn plan(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("rollplan.db");
    ok(cli(&db, &["rollouts", "create", "--name", "Westside EHR"]));
    let file = dir.join("plan.csv");
    std::fs::write(
        &file,
        "Task,Start,Due\nBuild interfaces,2027-01-04,2027-01-13\nTest as built,2027-01-06,2027-01-15\n",
    )
    .expect("write");
    ok(cli(
        &db,
        &[
            "import",
            "tasks",
            file.to_str().expect("path"),
            "--rollout",
            "Westside",
        ],
    ));
    db
}

#[test]
fn a_typed_link_with_a_lag_is_added_and_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = plan(dir.path());
    let said = ok(cli(
        &db,
        &[
            "tasks",
            "link",
            "--rollout",
            "Westside",
            "--task",
            "test as",
            "--waits-for",
            "Build interfaces",
            "--type",
            "SS",
            "--lag",
            "-2",
        ],
    ));
    assert_eq!(
        stdout(&said).trim(),
        "'Test as built' now waits for 'Build interfaces' (start-to-start, -2 days).",
        "the link is said in the history's words"
    );
    let task = json(&ok(cli(
        &db,
        &[
            "tasks",
            "link",
            "--rollout",
            "Westside",
            "--task",
            "Test as built",
            "--waits-for",
            "Build",
            "--type",
            "finish-to-finish",
            "--lag",
            "1",
            "--json",
        ],
    )));
    assert_eq!(
        task["depends_on"].as_array().map(Vec::len),
        Some(1),
        "one link, changed in place"
    );
    assert_eq!(task["depends_on"][0]["link_type"], "FF");
    assert_eq!(task["depends_on"][0]["lag_days"], 1);
}

#[test]
fn a_bad_type_lag_or_task_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = plan(dir.path());
    for (args, expected) in [
        (["--type", "XX", "--task", "Test"], "Unknown link type 'XX'"),
        (["--lag", "400", "--task", "Test"], "365 days"),
        (
            ["--type", "SS", "--task", "Go-live"],
            "No task of this plan is called 'Go-live'",
        ),
    ] {
        let mut all = vec![
            "tasks",
            "link",
            "--rollout",
            "Westside",
            "--waits-for",
            "Build",
        ];
        all.extend(args);
        let refused = cli(&db, &all);
        assert_eq!(
            refused.status.code(),
            Some(1),
            "bad input exits 1: {}",
            stderr(&refused)
        );
        assert!(
            stderr(&refused).contains(expected),
            "expected '{expected}' in: {}",
            stderr(&refused)
        );
    }
}
