//! `status` as a script uses it: a rollout by a unique part of its name, `--all`, a
//! chosen week, every format printed or written, and the refusals (a week not started,
//! a PDF without a file, PHI without --force).

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, demo, ok, stderr, stdout};

#[test]
fn a_rollouts_status_prints_as_email_text_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let printed = stdout(&ok(cli(&db, &["status", "SMS appointment"])));
    assert!(
        printed.starts_with("Weekly status: SMS appointment reminders"),
        "the status names its rollout: {printed}"
    );
    assert!(printed.contains("WHERE WE STAND"), "{printed}");
    assert!(printed.contains("Next update: "), "{printed}");
    assert!(
        printed.lines().all(|l| l.chars().count() <= 72),
        "short lines for an email"
    );
}

#[test]
fn all_rollouts_together_name_each_active_rollout() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let printed = stdout(&ok(cli(&db, &["status", "--all", "--format", "md"])));
    assert!(
        printed.starts_with("# Weekly status: All active rollouts"),
        "{printed}"
    );
    assert!(
        printed.contains("### SMS appointment reminders"),
        "{printed}"
    );
    assert!(printed.contains("### EHR go-live"), "{printed}");
}

#[test]
fn every_format_writes_its_file_for_a_chosen_week() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let last_week = (chrono::Local::now().date_naive() - chrono::Duration::days(7)).to_string();
    for format in ["txt", "md", "html", "pdf", "docx"] {
        let out = dir.path().join(format!("status.{format}"));
        let done = ok(cli(
            &db,
            &[
                "status",
                "EHR go-live",
                "--week",
                &last_week,
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
            ],
        ));
        assert!(stdout(&done).contains("Exported the status of the week of"));
        let bytes = std::fs::read(&out).unwrap();
        let starts = match format {
            "pdf" => b"%PDF".as_slice(),
            "docx" => b"PK".as_slice(),
            "html" => b"<!DOCTYPE html>".as_slice(),
            "md" => b"# Weekly status".as_slice(),
            _ => b"Weekly status".as_slice(),
        };
        assert!(bytes.starts_with(starts), "{format} is a {format} file");
    }
    let again = cli(
        &db,
        &[
            "status",
            "EHR go-live",
            "--out",
            dir.path().join("status.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(again.status.code(), Some(1), "an existing file is kept");
    assert!(stderr(&again).contains("--overwrite"), "{}", stderr(&again));
}

#[test]
fn a_week_not_started_and_a_pdf_without_a_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let next_month = (chrono::Local::now().date_naive() + chrono::Duration::days(30)).to_string();
    let refused = cli(&db, &["status", "EHR go-live", "--week", &next_month]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("has not started"),
        "{}",
        stderr(&refused)
    );
    let refused = cli(&db, &["status", "EHR go-live", "--format", "pdf"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("--out"), "{}", stderr(&refused));
    let neither = cli(&db, &["status"]);
    assert_eq!(
        neither.status.code(),
        Some(1),
        "a rollout or --all is needed"
    );
    assert!(
        stderr(&neither).contains("<ROLLOUT>"),
        "{}",
        stderr(&neither)
    );
}

#[test]
fn a_rollout_name_that_looks_like_patient_data_stops_the_status_until_forced() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    ok(cli(
        &db,
        &["rollouts", "create", "--name", "Follow-up for MRN 12345678"],
    ));
    let refused = cli(&db, &["status", "MRN 1234"]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("a medical record number"),
        "{}",
        stderr(&refused)
    );
    assert!(stdout(&refused).is_empty(), "nothing printed");
    let forced = ok(cli(&db, &["status", "MRN 1234", "--force"]));
    assert!(stdout(&forced).starts_with("Weekly status: Follow-up"));
}
