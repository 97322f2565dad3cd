//! The spreadsheet exports: CSV (golden files, formula injection) and XLSX (read back).

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use calamine::{Data, Reader, Xlsx};
use export_common::{assert_golden, fixture, fixture_with, today};
use rollplan_core::export::{rollout_csv_files, rollout_xlsx, write_rollout_csv};

#[test]
fn csv_files_match_their_golden_files() {
    let f = fixture();
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let files = rollout_csv_files(&report).expect("csv");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for wanted in [
        "tasks.csv",
        "risks.csv",
        "decisions.csv",
        "communications.csv",
        "stakeholders.csv",
        "readiness_criteria.csv",
        "training_by_role.csv",
        "metrics.csv",
        "measurements.csv",
        "scope_log.csv",
        "sops.csv",
    ] {
        assert!(
            names.contains(&wanted),
            "{wanted} is missing from {names:?}"
        );
    }
    for (name, bytes) in &files {
        assert_golden(
            &format!("csv/{name}"),
            &String::from_utf8(bytes.clone()).expect("utf-8"),
        );
    }
}

#[test]
fn csv_cells_that_look_like_formulas_are_defused() {
    let f = fixture_with(|s| format!("=HYPERLINK(\"http://x\",\"{s}\")"));
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let files = rollout_csv_files(&report).expect("csv");
    let (_, tasks) = files.iter().find(|(n, _)| n == "tasks.csv").expect("tasks");
    let mut reader = csv::Reader::from_reader(tasks.as_slice());
    let first = reader.records().next().expect("a row").expect("csv");
    assert!(
        first[0].starts_with("'="),
        "a typed formula must get a leading apostrophe: {:?}",
        &first[0]
    );
    for (_, bytes) in &files {
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        for record in reader.records() {
            for cell in record.expect("csv").iter() {
                assert!(
                    !cell.starts_with(['=', '+', '@']),
                    "no cell may start a formula: {cell}"
                );
            }
        }
    }
}

#[test]
fn csv_export_to_a_folder_refuses_to_overwrite_unless_asked() {
    let f = fixture();
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("export");
    let written = write_rollout_csv(&report, &out, false).expect("first export");
    assert!(written.len() >= 11);
    assert!(
        write_rollout_csv(&report, &out, false).is_err(),
        "an earlier export is kept"
    );
    write_rollout_csv(&report, &out, true).expect("replacing when asked");
}

#[test]
fn xlsx_reads_back_with_a_sheet_per_table_real_dates_and_string_cells() {
    let f = fixture_with(|s| {
        if s == "Vendor portal" {
            "=1+1".into()
        } else {
            s.to_owned()
        }
    });
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let bytes = rollout_xlsx(&report).expect("xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .expect("a workbook calamine can open");
    let sheets = book.sheet_names();
    for wanted in [
        "rollout",
        "tasks",
        "risks",
        "decisions",
        "communications",
        "stakeholders",
        "readiness_criteria",
        "training_by_role",
        "metrics",
        "measurements",
        "scope_log",
        "sops",
    ] {
        assert!(
            sheets.iter().any(|s| s == wanted),
            "sheet {wanted} is missing from {sheets:?}"
        );
    }
    let tasks = book.worksheet_range("tasks").expect("tasks sheet");
    let header: Vec<String> = tasks
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &header[..6],
        ["Title", "Phase", "Owner", "Start", "Due", "Status"]
    );
    let first = tasks.rows().nth(1).expect("first task");
    assert_eq!(first[0], Data::String("Configure templates".into()));
    match &first[3] {
        Data::DateTime(start) => {
            let date = start.as_datetime().expect("a calendar date").date();
            assert_eq!(
                date.to_string(),
                "2027-02-01",
                "the start date is a real date cell"
            );
        }
        other => panic!("the start date must be a date cell, found {other:?}"),
    }
    let notes = first.last().expect("notes");
    assert_eq!(
        notes,
        &Data::String("=1+1".into()),
        "typed text that looks like a formula stays a string"
    );
    let measurements = book.worksheet_range("measurements").expect("measurements");
    assert!(
        matches!(
            measurements.rows().nth(1).expect("a value")[2],
            Data::Float(_)
        ),
        "values are numbers"
    );
}

#[test]
fn ics_matches_its_golden_file_and_is_valid_rfc_5545() {
    let f = fixture_with(|s| {
        if s == "Huddle" {
            "Huddle, then email; see \\notes".into()
        } else {
            s.to_owned()
        }
    });
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let stamp = chrono::DateTime::parse_from_rfc3339("2027-03-01T09:30:00Z")
        .expect("stamp")
        .with_timezone(&chrono::Utc);
    let ics = rollplan_core::export::rollout_ics(&report, stamp);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "no line longer than 75 octets: {line}");
    }
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        3,
        "go-live milestone, training due, one communication"
    );
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20270315\r\n"),
        "go-live is an all-day event"
    );
    assert!(ics.contains("DTSTAMP:20270301T093000Z"));
    assert!(
        ics.replace("\r\n ", "")
            .contains("Huddle\\, then email\\; see \\\\notes"),
        "commas, semicolons and backslashes are escaped"
    );
    let uids: Vec<&str> = ics.lines().filter(|l| l.starts_with("UID:")).collect();
    let again = rollplan_core::export::rollout_ics(&report, stamp + chrono::Duration::days(1));
    let uids_again: Vec<&str> = again.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids, uids_again, "UIDs are stable across exports");
    assert!(uids.iter().all(|u| u.ends_with("@rollplan")));
    let plain = fixture();
    let plain_report = plain
        .store
        .rollout_report(&plain.rollout, today())
        .expect("report");
    // LAST-MODIFIED is when the fixture's records were written: the one line that
    // differs from run to run.
    let last_modified = regex::Regex::new(r"LAST-MODIFIED:\d{8}T\d{6}Z").expect("pattern");
    assert_golden(
        "report.ics",
        &last_modified.replace_all(
            &rollplan_core::export::rollout_ics(&plain_report, stamp),
            "LAST-MODIFIED:(when the record last changed)",
        ),
    );
}
