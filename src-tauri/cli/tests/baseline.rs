//! `baseline set|list`: the sample clinic's EHR go-live gets a baseline; the list marks
//! it compared and says the plan against it in the app's own sentence; a nameless one
//! is refused with exit 1.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, json, ok, stderr, stdout};

#[test]
fn a_baseline_is_set_and_listed_with_the_comparison() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    ok(cli(&db, &["demo"]));
    let set = stdout(&ok(cli(
        &db,
        &["baseline", "set", "EHR go-live", "Signed-off plan"],
    )));
    assert!(
        set.starts_with("Set the baseline “Signed-off plan” on EHR go-live"),
        "says what it froze: {set}"
    );
    let listed = stdout(&ok(cli(&db, &["baseline", "list", "EHR go-live"])));
    assert!(listed.contains("Signed-off plan"), "{listed}");
    assert!(
        listed.contains(
            "Every task due as in the baseline, go-live unchanged (baseline “Signed-off plan”)."
        ),
        "the plan against its baseline, as the report says it: {listed}"
    );
    let baselines = json(&ok(cli(
        &db,
        &["baseline", "list", "EHR go-live", "--json"],
    )));
    assert_eq!(baselines[0]["name"], "Signed-off plan");
    assert_eq!(baselines[0]["compared"], true);

    let refused = cli(&db, &["baseline", "set", "EHR go-live", " "]);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a nameless baseline is bad input"
    );
    assert!(
        stderr(&refused).contains("Give the baseline a name"),
        "{}",
        stderr(&refused)
    );
}
