//! `programme create|add|plan-wave|list|show`: the sample clinic's EHR go-live, wave 1
//! of its programme, with its second wave planned from it, both listed in order and
//! shown with their figures; a second wave going live before the first is refused with
//! both dates; a new programme gets its first wave; `show --pdf` writes the report.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, json, ok, stderr, stdout};

#[test]
fn a_second_wave_is_planned_from_the_first_and_shown_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    // The sample clinic's EHR go-live is wave 1 of its programme, "EHR across the clinics".
    ok(cli(&db, &["demo"]));
    ok(cli(&db, &["programme", "create", "Reminders everywhere"]));
    let added = stdout(&ok(cli(
        &db,
        &["programme", "add", "Reminders", "SMS appointment reminders"],
    )));
    assert!(
        added.contains("is wave 1 of Reminders everywhere"),
        "the SMS reminders become wave 1 of the new programme: {added}"
    );
    let first = json(&ok(cli(&db, &["programme", "list", "--json"])));
    let first_go_live = first[0]["waves"][0]["rollout"]["go_live_date"]
        .as_str()
        .expect("the EHR go-live has a date")
        .to_owned();

    let early = cli(
        &db,
        &[
            "programme",
            "plan-wave",
            "EHR across the clinics",
            "--name",
            "EHR go-live: wave 2",
            "--go-live",
            "2020-01-06",
            "--site",
            "Eastside Clinic",
        ],
    );
    assert!(
        !early.status.success(),
        "a go-live before wave 1's is refused"
    );
    let refusal = stderr(&early);
    assert!(
        refusal.contains("2020-01-06") && refusal.contains(&first_go_live),
        "the refusal names both go-lives: {refusal}"
    );

    let planned = stdout(&ok(cli(
        &db,
        &[
            "programme",
            "plan-wave",
            "EHR across the clinics",
            "--name",
            "EHR go-live: wave 2",
            "--go-live",
            "2099-03-02",
            "--site",
            "Eastside Clinic",
            "--site",
            "Hillcrest",
        ],
    )));
    assert!(
        planned.contains("Planned wave 2 of EHR across the clinics")
            && planned.contains("2099-03-02")
            && planned.contains("Eastside Clinic, Hillcrest"),
        "the new wave is named with its go-live and sites: {planned}"
    );

    let listed = stdout(&ok(cli(&db, &["programme", "list"])));
    let waves: Vec<&str> = listed
        .lines()
        .filter(|l| l.starts_with("EHR across the clinics"))
        .collect();
    assert_eq!(
        waves.len(),
        2,
        "both waves are listed under the programme: {listed}"
    );
    assert!(
        waves[0].contains("EHR go-live: Riverside") && waves[1].contains("EHR go-live: wave 2"),
        "in the order of their go-lives: {listed}"
    );

    let shown = stdout(&ok(cli(
        &db,
        &["programme", "show", "EHR across the clinics"],
    )));
    for column in ["WAVE", "GO-LIVE", "SITES", "READINESS", "TRAINED"] {
        assert!(
            shown.contains(column),
            "the page has a {column} column: {shown}"
        );
    }
    assert!(
        shown.contains("Wave 2: EHR go-live: wave 2"),
        "each wave has its section: {shown}"
    );
}

#[test]
fn show_writes_the_programme_report_as_a_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    ok(cli(&db, &["demo"]));
    let out = dir.path().join("programme.pdf");
    let out_text = out.to_str().expect("path");
    let said = stdout(&ok(cli(
        &db,
        &[
            "programme",
            "show",
            "EHR across the clinics",
            "--pdf",
            out_text,
        ],
    )));
    assert!(
        said.contains("Exported 'EHR across the clinics'"),
        "the command says what it wrote: {said}"
    );
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"), "the file is a PDF");

    let again = cli(
        &db,
        &[
            "programme",
            "show",
            "EHR across the clinics",
            "--pdf",
            out_text,
        ],
    );
    assert!(
        !again.status.success(),
        "an existing file is not replaced without --overwrite"
    );
    assert_eq!(
        std::fs::read(&out).expect("still there"),
        bytes,
        "the refused export left the file as it was"
    );
    ok(cli(
        &db,
        &[
            "programme",
            "show",
            "EHR across the clinics",
            "--pdf",
            out_text,
            "--overwrite",
        ],
    ));
}
