//! Link types and lags in the exports: every format that lists what a task waits for
//! says how in plain words, the spreadsheets keep the titles `import tasks` reads back,
//! and the timeline's arrows run between the ends each link ties.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod export_common;

use common::date;
use common::plan::{depends, linked, milestone, plan, task, Plan};
use export_common::{pdf_text_and_pages, python};
use rollplan_core::export::{
    rollout_csv_files, rollout_html_with, rollout_markdown_with, rollout_xlsx, ExportDetail,
    RolloutReport,
};
use rollplan_core::pdf::rollout_pdf_with;
use rollplan_core::plan::LinkType;

const STARTS: &str = "starts 2 days after 'Build interfaces' starts";
const FINISHES: &str = "finishes 1 day before 'Build interfaces' finishes";

/// Build interfaces; Test as built starts 2 days after it starts (SS+2); Tip sheets
/// finish a day before it does (FF-1); go-live waits for the testing (plain).
fn linked_plan() -> (Plan, RolloutReport) {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2027-01-04", "2027-01-13");
    let test = task(&plan, "Test as built", "2027-01-06", "2027-01-15");
    let tips = task(&plan, "Tip sheets", "2027-01-05", "2027-01-12");
    let go_live = milestone(&plan, "Go-live", "2027-03-01");
    linked(&plan, &test, &build, LinkType::StartToStart, 2);
    linked(&plan, &tips, &build, LinkType::FinishToFinish, -1);
    depends(&plan, &go_live, &test);
    let report = plan
        .store
        .rollout_report(&plan.rollout, date("2027-01-01"))
        .expect("report");
    (plan, report)
}

#[test]
fn html_and_markdown_say_how_a_task_waits() {
    let (_plan, report) = linked_plan();
    let html = rollout_html_with(&report, ExportDetail::Everything);
    for phrase in [STARTS, FINISHES] {
        let escaped = phrase.replace('\'', "&#x27;");
        assert!(
            html.contains(phrase) || html.contains(&escaped),
            "the HTML task table says '{phrase}'"
        );
    }
    let markdown = rollout_markdown_with(&report, ExportDetail::Everything);
    for phrase in [STARTS, FINISHES] {
        assert!(
            markdown.contains(phrase),
            "the Markdown task table says '{phrase}'"
        );
    }
}

#[test]
fn the_timeline_draws_each_arrow_between_the_ends_its_link_ties() {
    let (_plan, report) = linked_plan();
    let html = rollout_html_with(&report, ExportDetail::Everything);
    for (code, title) in [
        ("SS", "Test as built&#x27; starts 2 days after"),
        ("FF", "Tip sheets&#x27; finishes 1 day before"),
        ("FS", "Go-live&#x27; waits for"),
    ] {
        let arrow = html
            .split("<path ")
            .find(|p| p.contains(&format!("data-link=\"{code}\"")))
            .unwrap_or_else(|| panic!("an arrow for the {code} link is drawn"));
        let title_plain = title.replace("&#x27;", "'");
        assert!(
            arrow.contains(title) || arrow.contains(&title_plain),
            "the {code} arrow's title says what it ties: {arrow}"
        );
    }
    assert!(
        html.contains(">+2d</text>") && html.contains(">-1d</text>"),
        "the lag and the lead are labelled on their arrows"
    );
}

#[test]
fn csv_and_xlsx_keep_titles_to_read_back_and_say_how_in_words() {
    let (_plan, report) = linked_plan();
    let files = rollout_csv_files(&report).expect("csv");
    let tasks = files
        .iter()
        .find(|(name, _)| name == "tasks.csv")
        .map(|(_, bytes)| String::from_utf8(bytes.clone()).expect("utf-8"))
        .expect("tasks.csv");
    let header = tasks.lines().next().expect("header");
    assert!(
        header.ends_with(",How it waits,Notes"),
        "a column before the notes says how: {header}"
    );
    let test_row = tasks
        .lines()
        .find(|l| l.starts_with("Test as built,"))
        .expect("row");
    assert!(
        test_row.contains(",Build interfaces,") && test_row.ends_with(&format!("{STARTS},")),
        "Depends on keeps the title for import; How it waits says the link: {test_row}"
    );

    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.xlsx");
    std::fs::write(&path, rollout_xlsx(&report).expect("xlsx")).expect("write");
    let read = python(
        r#"
import json, sys, openpyxl
sheet = openpyxl.load_workbook(sys.argv[1])["tasks"]
rows = [[c.value for c in row] for row in sheet.iter_rows()]
header = rows[0]
how = header.index("How it waits")
print(json.dumps({r[0]: r[how] for r in rows[1:]}))
"#,
        &[&path],
    );
    assert_eq!(
        read["Tip sheets"], FINISHES,
        "openpyxl reads the FF link in words"
    );
    assert!(
        read["Go-live"].is_null() || read["Go-live"] == "",
        "a plain link needs no words"
    );
}

#[test]
fn the_pdf_says_how_a_task_waits() {
    let (_plan, report) = linked_plan();
    let pdf = rollout_pdf_with(&report, ExportDetail::Everything).expect("pdf");
    let (text, _) = pdf_text_and_pages(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in ["starts 2 days after", "finishes 1 day before"] {
        assert!(
            flat.contains(words),
            "the PDF's task table says '{words}':\n{flat}"
        );
    }
}
