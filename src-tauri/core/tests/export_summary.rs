//! The executive summary that opens every rollout report: its text on the first two
//! pages of the sample clinic's PDF against a golden file, the same facts in the same
//! order in HTML and Markdown, its figures equal to Home's and to the sections', the two
//! pages it never exceeds, and the page counts of the three detail levels on a big plan.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use chrono::{Days, NaiveDate};
use export_common::{assert_golden, fixture, pdf_text_and_pages, pinned_trend, today};
use rollplan_core::demo::seed_sample_clinic;
use rollplan_core::export::text::{html_escape, markdown_escape};
use rollplan_core::export::{
    rollout_html_with, rollout_markdown_with, ExecutiveSummary, ExportDetail, RolloutReport,
};
use rollplan_core::pdf::rollout_pdf_with;
use rollplan_core::plan::{TaskDraft, TaskKind};
use rollplan_core::readiness::{CriterionDraft, CriterionStatus, ReadinessCategory};
use rollplan_core::workspace::RiskDraft;
use rollplan_core::Store;

/// The day the sample clinic is seeded and reported on.
fn sample_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

/// The sample clinic's EHR go-live, as a document report.
fn sample_report() -> (Store, RolloutReport) {
    let store = Store::open_in_memory().expect("store");
    let rollouts = seed_sample_clinic(&store, sample_day()).expect("the sample clinic");
    let ehr = rollouts
        .iter()
        .find(|r| r.name.starts_with("EHR go-live"))
        .expect("the EHR go-live")
        .id
        .clone();
    let report = store
        .rollout_document_report(&ehr, sample_day())
        .expect("report");
    (store, report)
}

/// The text of pages `first..=last` of a PDF, as poppler lays it out.
fn page_text(pdf: &[u8], first: usize, last: usize) -> String {
    pdftotext(pdf, first, last, true)
}

/// The same in reading order (each box of a grid whole, not interleaved with its
/// neighbours): for finding a figure that wraps inside its box.
fn reading_text(pdf: &[u8], first: usize, last: usize) -> String {
    pdftotext(pdf, first, last, false)
}

fn pdftotext(pdf: &[u8], first: usize, last: usize, layout: bool) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let mut command = std::process::Command::new("pdftotext");
    if layout {
        command.arg("-layout");
    }
    let out = command
        .args(["-f", &first.to_string(), "-l", &last.to_string()])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext read the PDF");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Layout text made stable: line ends trimmed, runs of blank lines and of spaces
/// collapsed, page breaks dropped and the page total (which depends on the sections
/// after the summary) replaced.
fn normalised(text: &str) -> String {
    let total = regex::Regex::new(r"Page (\d+) of \d+").expect("pattern");
    let mut lines: Vec<String> = Vec::new();
    for line in text.replace('\u{c}', "\n").lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let line = total.replace_all(&line, "Page $1 of N").into_owned();
        if line.is_empty() && lines.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    lines.join("\n").trim().to_owned() + "\n"
}

/// The first page of the section titled `title`, found through the contents (page 3).
fn section_page(pdf: &[u8], title: &str) -> String {
    let contents = page_text(pdf, 3, 3);
    let entry = regex::Regex::new(&format!(r"(?m)^{title}[ .]+\D*(\d+)\s*$")).expect("pattern");
    let page: usize = entry
        .captures(&contents)
        .and_then(|c| c[1].parse().ok())
        .unwrap_or_else(|| panic!("the contents list {title}: {contents}"));
    reading_text(pdf, page, page)
}

/// Whitespace collapsed, so a figure wrapped across lines still reads whole.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every figure and every line of the summary, in reading order.
fn summary_lines(summary: &ExecutiveSummary) -> Vec<String> {
    let mut lines: Vec<String> = summary
        .figures()
        .into_iter()
        .flat_map(|(label, value)| [label, value])
        .collect();
    for part in summary.parts() {
        lines.push(part.title);
        lines.extend(part.items.into_iter().map(|i| i.text));
    }
    lines
}

/// Asserts that `text` holds each of `lines`, as `escape` writes it, in order.
fn assert_in_order(format: &str, text: &str, lines: &[String], escape: fn(&str) -> String) {
    let mut from = 0;
    for line in lines {
        let line = escape(line);
        let found = text[from..].find(&line).unwrap_or_else(|| {
            panic!("{format} shows the summary's {line:?} after what comes before it")
        });
        from += found + line.len();
    }
}

#[test]
fn the_sample_clinic_summary_matches_its_golden_text() {
    let (_store, report) = sample_report();
    let standard = rollout_pdf_with(&report, ExportDetail::Standard).expect("pdf");
    let first_two = normalised(&page_text(&standard, 1, 2));
    assert!(
        first_two.contains("ROLLOUT REPORT"),
        "the cover's small heading copies out as words: {first_two}"
    );
    assert_golden("summary.txt", &first_two);

    let summary_only = rollout_pdf_with(&report, ExportDetail::Summary).expect("pdf");
    let (_, pages) = pdf_text_and_pages(&summary_only);
    assert_eq!(pages, 2, "the summary alone is two pages");
    assert_eq!(
        normalised(&page_text(&summary_only, 1, 2)),
        first_two,
        "the summary alone is the standard report's first two pages"
    );
    let (_, contents_page) = {
        let third = page_text(&standard, 3, 3);
        (third.clone(), third)
    };
    assert!(
        contents_page.trim_start().starts_with("Contents"),
        "the contents follow the summary on page 3"
    );
}

#[test]
fn html_and_markdown_open_with_the_same_summary() {
    let (_store, report) = sample_report();
    let summary = ExecutiveSummary::of(&report);
    let lines = summary_lines(&summary);
    for detail in [ExportDetail::Summary, ExportDetail::Standard] {
        let html = rollout_html_with(&report, detail);
        let head = html.split("<nav class=\"contents\">").next().unwrap_or("");
        assert_in_order("HTML", head, &lines, html_escape);
        let markdown = rollout_markdown_with(&report, detail);
        let head = markdown.split("## Contents").next().unwrap_or("");
        assert_in_order("Markdown", head, &lines, markdown_escape);
        assert_eq!(
            html.contains("<nav class=\"contents\">"),
            detail != ExportDetail::Summary,
            "the contents follow the summary beyond the summary alone"
        );
        assert_eq!(
            markdown.contains("## Contents"),
            detail != ExportDetail::Summary,
            "the Markdown contents follow the summary beyond the summary alone"
        );
    }
}

#[test]
fn the_training_figure_is_one_value_in_the_summary_the_overview_and_the_training_section() {
    let (store, report) = sample_report();
    let summary = ExecutiveSummary::of(&report);
    let home = store
        .rollout_statuses(sample_day())
        .expect("Home")
        .into_iter()
        .find(|s| s.rollout_id == report.rollout.id)
        .expect("a Home line");
    assert!(home.training.people > 0, "the sample trains people");
    assert_eq!(
        summary.training, home.training,
        "the summary's trained figure is Home's"
    );
    assert_eq!(
        report.overview.readiness.training, home.training,
        "the overview's trained figure is Home's"
    );
    assert_eq!(
        report.training_progress(),
        home.training,
        "the training section's figure is Home's"
    );
    assert_eq!(
        (summary.score, summary.verdict),
        (home.score, home.verdict),
        "the summary's readiness is Home's"
    );
    if let Some(last) = summary.trend.points.last() {
        assert_eq!(last.score, summary.score, "the trend ends at today's score");
    }

    // Read back: the PDF writes the figure in the same words on the summary, in the
    // overview and in the training section.
    let pdf = rollout_pdf_with(&report, ExportDetail::Standard).expect("pdf");
    let words = &home.training.summary;
    let first_two = flat(&reading_text(&pdf, 1, 2));
    assert!(
        first_two.contains(words.as_str()),
        "the summary says {words:?}"
    );
    let overview = flat(&section_page(&pdf, "Overview"));
    assert!(
        overview.contains(words.as_str()),
        "the overview says {words:?}"
    );
    let training = flat(&section_page(&pdf, "Training"));
    assert!(
        training.contains(words.as_str()),
        "the training section says {words:?}"
    );
    let score = format!("{}/100", home.score);
    assert!(
        first_two.contains(&score) && overview.contains(&score),
        "the summary and the overview give the score {score}"
    );
}

#[test]
fn the_trend_the_summary_states_ends_at_todays_score() {
    let f = fixture();
    let mut report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let last = report
        .readiness_trend
        .points
        .last()
        .expect("a trend has at least today");
    assert_eq!(
        (last.on, last.score),
        (today(), report.overview.readiness.score),
        "the trend ends at the score the report gives, on its day"
    );
    // How many earlier weeks the fixture has depends on the real clock (the rollout's
    // creation and its history are real times): state a pinned one.
    report.readiness_trend = pinned_trend();
    let summary = ExecutiveSummary::of(&report);
    assert_eq!(
        summary.trend, report.readiness_trend,
        "the summary states the core's trend"
    );
    let trend = summary
        .parts()
        .into_iter()
        .find(|p| p.title == "Readiness trend")
        .expect("a trend part");
    assert!(
        trend.items[0]
            .text
            .starts_with(&report.readiness_trend.summary),
        "the summary states the trend in the core's words: {:?}",
        trend.items
    );
    assert!(
        trend.items[1]
            .text
            .ends_with(&format!(": {}", summary.score)),
        "the week by week ends at today's score: {:?}",
        trend.items
    );
}

#[test]
fn the_summary_never_runs_past_two_pages() {
    // Titles near the longest a record takes, so every line of the summary wraps.
    let long = "because the vendor, the clinic and the billing office each need more time than the plan allowed for this one step of the plan";
    let f = fixture();
    for n in 0..14 {
        f.store
            .create_criterion(
                &f.rollout,
                &CriterionDraft {
                    category: ReadinessCategory::Technology,
                    title: format!("Gate {n} {long}"),
                    status: CriterionStatus::NotMet,
                    hard_gate: true,
                    ..Default::default()
                },
            )
            .expect("criterion");
        f.store
            .create_risk(
                &f.rollout,
                &RiskDraft {
                    title: format!("Risk {n} {long}"),
                    likelihood: 4,
                    impact: 4,
                    ..Default::default()
                },
            )
            .expect("risk");
        f.store
            .create_task(
                &f.rollout,
                &TaskDraft {
                    title: format!("Milestone {n} {long}"),
                    kind: TaskKind::Milestone,
                    due_date: Some((today() - Days::new(n + 1)).to_string()),
                    ..Default::default()
                },
            )
            .expect("milestone");
    }
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let (text, pages) =
        pdf_text_and_pages(&rollout_pdf_with(&report, ExportDetail::Summary).expect("pdf"));
    assert_eq!(
        pages, 2,
        "a crowded, long-winded rollout still sums up in two pages"
    );
    assert!(
        flat(&text).contains("more — the Readiness section lists them all"),
        "the blocking gates not listed are counted"
    );
}

#[test]
fn a_big_plan_comes_out_at_a_readable_length_at_each_detail_level() {
    let f = fixture();
    let phases = f.store.list_phases(&f.rollout).expect("phases");
    for n in 0..300u64 {
        let start = today() - Days::new(60) + Days::new(n / 2);
        f.store
            .create_task(
                &f.rollout,
                &TaskDraft {
                    title: format!("Configure work queue {n} for the front desk"),
                    phase_id: Some(phases[n as usize % phases.len()].id.clone()),
                    start_date: Some(start.to_string()),
                    due_date: Some((start + Days::new(5)).to_string()),
                    ..Default::default()
                },
            )
            .expect("task");
    }
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let pages = |detail| {
        let (text, pages) = pdf_text_and_pages(&rollout_pdf_with(&report, detail).expect("pdf"));
        (flat(&text), pages)
    };
    let (_, summary) = pages(ExportDetail::Summary);
    let (standard_text, standard) = pages(ExportDetail::Standard);
    let (everything_text, everything) = pages(ExportDetail::Everything);
    assert_eq!(summary, 2, "the summary is two pages");
    assert!(
        standard <= 24,
        "a 300-task plan in a standard report stays short, got {standard} pages"
    );
    assert!(
        standard_text.contains("This plan has 30") && standard_text.contains("By phase"),
        "the standard Plan section sums the plan up by phase"
    );
    assert!(
        !standard_text.contains("Configure work queue 299 "),
        "the standard report leaves the full task list to the appendix"
    );
    assert!(
        everything > standard + 10,
        "everything adds the full task list and timeline: {everything} against {standard} pages"
    );
    assert!(
        everything_text.contains("Appendix A: Every task")
            && everything_text.contains("Appendix B: Task-by-task timeline")
            && everything_text.contains("Configure work queue 299 "),
        "the appendix lists and draws every task"
    );
}
