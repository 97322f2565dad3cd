//! The SOP library from a script: what is due for review, which version was in force
//! on a date, and an SOP or the whole library as PDF.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, stderr, stdout};

#[test]
fn sops_list_shows_the_library_and_what_is_due_for_review() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    assert_eq!(cli(&db, &["demo"]).status.code(), Some(0));
    let all = cli(&db, &["sops", "list"]);
    assert_eq!(all.status.code(), Some(0), "{}", stderr(&all));
    assert!(stdout(&all).contains("FD-012") && stdout(&all).contains("EHR-004"));
    assert!(
        stdout(&all).contains("Draft v2 (v1 in force)"),
        "a draft of the next version says whose dates stand beside it: {}",
        stdout(&all)
    );

    let due = cli(&db, &["sops", "list", "--due-within", "30", "--json"]);
    let listed: serde_json::Value = serde_json::from_slice(&due.stdout).expect("valid JSON");
    let codes: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|s| s["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        ["FD-015", "FD-012"],
        "overdue first, then due within the month"
    );
    assert!(stdout(&cli(&db, &["sops", "list", "--due-within", "30"])).contains("(overdue)"));
}

#[test]
fn sops_in_force_answers_which_version_applied_on_a_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    assert_eq!(cli(&db, &["demo"]).status.code(), Some(0));

    // Check-in's version 2 is still a draft, so version 1 is what staff follow today.
    let today = cli(&db, &["sops", "in-force", "fd-012"]);
    assert_eq!(today.status.code(), Some(0), "{}", stderr(&today));
    let text = stdout(&today);
    assert!(text.contains("Version 1 in force"), "{text}");
    assert!(text.contains("approved by Dr. Amara Okafor"), "{text}");
    assert!(
        text.contains("  1. Front desk: Greet the patient"),
        "{text}"
    );

    let json = cli(&db, &["sops", "in-force", "FD-012", "--json"]);
    let revision: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(revision["version"], 1);
    assert_eq!(
        revision["snapshot"]["steps"].as_array().map(Vec::len),
        Some(4)
    );

    let before = cli(&db, &["sops", "in-force", "FD-012", "--on", "2001-01-01"]);
    assert_eq!(before.status.code(), Some(0));
    assert!(stdout(&before).contains("No approved version of FD-012 was in force on 2001-01-01"));

    let unknown = cli(&db, &["sops", "in-force", "XX-1"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("No SOP has the code 'XX-1'"),
        "{}",
        stderr(&unknown)
    );
    let bad_date = cli(&db, &["sops", "in-force", "FD-012", "--on", "13/31/2026"]);
    assert_eq!(bad_date.status.code(), Some(1), "{}", stderr(&bad_date));
    assert!(stderr(&bad_date).contains("--on"), "{}", stderr(&bad_date));
}

#[test]
fn an_sop_and_the_library_export_as_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    assert_eq!(cli(&db, &["demo"]).status.code(), Some(0));

    let sop = dir.path().join("check-in.pdf");
    let one = cli(
        &db,
        &[
            "export-sop",
            "fd-012",
            "--format",
            "pdf",
            "--out",
            sop.to_str().expect("path"),
        ],
    );
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    let bytes = std::fs::read(&sop).expect("written");
    assert!(bytes.starts_with(b"%PDF"));

    let binder = dir.path().join("library.pdf");
    let all = cli(
        &db,
        &[
            "export-library",
            "--title",
            "Riverside Family Health",
            "--out",
            binder.to_str().expect("path"),
        ],
    );
    assert_eq!(all.status.code(), Some(0), "{}", stderr(&all));
    assert!(std::fs::read(&binder)
        .expect("written")
        .starts_with(b"%PDF"));

    let again = cli(
        &db,
        &["export-library", "--out", binder.to_str().expect("path")],
    );
    assert_eq!(
        again.status.code(),
        Some(1),
        "an existing file is kept without --overwrite"
    );
    assert!(stderr(&again).contains("--overwrite"), "{}", stderr(&again));
}
