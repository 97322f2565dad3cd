//! `pdsa list ROLLOUT`: the sample clinic's SMS pilot lists its improvement cycles — a
//! table with each cycle's window, prediction, measured value, result and Act, then
//! each study in words — and the same as JSON for scripts; an unknown rollout is refused.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, json, ok, stderr, stdout};

#[test]
fn pdsa_list_shows_each_cycle_with_its_study_and_act() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    ok(cli(&db, &["demo"]));

    let text = stdout(&ok(cli(
        &db,
        &["pdsa", "list", "SMS appointment reminders"],
    )));
    let header = text.lines().next().unwrap_or_default();
    for column in [
        "METRIC",
        "CHANGE",
        "DO WINDOW",
        "PREDICTION",
        "MEASURED",
        "RESULT",
        "ACT",
    ] {
        assert!(
            header.contains(column),
            "the table has a {column} column: {header}"
        );
    }
    assert!(
        text.contains("Text reminder 72 hours before each visit on the two pilot panels"),
        "the decided cycle is listed: {text}"
    );
    assert!(
        text.contains("Worse than predicted"),
        "with its result: {text}"
    );
    assert!(text.contains("Adapt on "), "and its Act: {text}");
    assert!(
        text.contains("Running"),
        "the running cycle says so: {text}"
    );
    assert!(
        text.contains("0.6 points above the prediction, worse than predicted."),
        "each study in the core's words: {text}"
    );

    let listed = json(&ok(cli(
        &db,
        &["pdsa", "list", "SMS appointment reminders", "--json"],
    )));
    let stages: Vec<&str> = listed
        .as_array()
        .expect("an array of cycles")
        .iter()
        .filter_map(|c| c["stage"].as_str())
        .collect();
    assert_eq!(
        stages,
        ["decided", "running"],
        "the ramp in the order it ran"
    );

    let none = stdout(&ok(cli(&db, &["pdsa", "list", "EHR go-live"])));
    assert!(
        none.contains("No improvement cycles"),
        "a rollout without cycles says so: {none}"
    );
    let unknown = cli(&db, &["pdsa", "list", "No such rollout"]);
    assert_eq!(
        unknown.status.code(),
        Some(1),
        "an unknown rollout is bad input"
    );
    assert!(!stderr(&unknown).is_empty(), "and says why");
}
