//! The rollout report model and its HTML and Markdown renderings.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{assert_golden, fixture, fixture_with, pinned_trend, today};
use rollplan_core::export::{
    rollout_html, rollout_html_with, rollout_markdown, ExportDetail, HTML_SECTIONS,
};

#[test]
fn the_report_holds_every_entity_of_the_rollout() {
    let f = fixture();
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    assert_eq!(report.tasks.len(), 3, "tasks and the milestone");
    assert_eq!(report.phases.len(), 1);
    assert_eq!(
        report.critical_path.task_ids.len(),
        3,
        "the chain into go-live is critical"
    );
    assert_eq!(
        report.slipped.len(),
        1,
        "the test task was due on Feb 26 and is not done"
    );
    assert_eq!(report.criteria.len(), 1);
    assert_eq!(report.training_requirements.len(), 1);
    assert_eq!(report.training_by_role.len(), 1);
    assert_eq!(
        report.training_by_role[0].trained, 1,
        "one of two front-desk staff trained"
    );
    assert_eq!(report.metrics.len(), 1);
    assert_eq!(report.metrics[0].measurements.len(), 3);
    assert!(
        report.metrics[0].measurements[0].measured_on
            < report.metrics[0].measurements[2].measured_on,
        "values read forward in time"
    );
    assert_eq!(report.risks.len(), 1);
    assert_eq!(report.heat_map.counts[2][3], 1, "likelihood 3, impact 4");
    assert_eq!(report.decisions.len(), 1);
    assert_eq!(report.communications.len(), 1);
    assert_eq!(report.stakeholders.len(), 1);
    assert_eq!(report.scope_changes.len(), 1);
    assert_eq!(report.sops.len(), 1);
    assert_eq!(report.overview.days_to_go_live, Some(14));
    serde_json::to_string(&report).expect("the report serialises for the UI");
}

#[test]
fn html_report_matches_its_golden_file() {
    let f = fixture();
    let mut report = f.store.rollout_report(&f.rollout, today()).expect("report");
    report.readiness_trend = pinned_trend();
    assert_golden("report.html", &rollout_html(&report));
}

#[test]
fn markdown_report_matches_its_golden_file() {
    let f = fixture();
    let mut report = f.store.rollout_report(&f.rollout, today()).expect("report");
    report.readiness_trend = pinned_trend();
    assert_golden("report.md", &rollout_markdown(&report));
}

#[test]
fn html_report_is_self_contained_with_every_section_and_drawing() {
    let f = fixture();
    let html = rollout_html(&f.store.rollout_report(&f.rollout, today()).expect("report"));
    for (anchor, title) in HTML_SECTIONS {
        assert!(
            html.contains(&format!("<section id=\"{anchor}\">")),
            "section {title} is missing"
        );
        assert!(
            html.contains(&format!("href=\"#{anchor}\"")),
            "the contents link to {title}"
        );
    }
    assert!(!html.contains("<script"), "no scripts");
    assert!(
        !html.contains("http://")
            || html.matches("http://").count()
                == html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "no remote content, only SVG namespaces"
    );
    // The only web addresses are evidence links a reader may follow; nothing is loaded.
    for remote in ["src=\"http", "url(http", "<link"] {
        assert!(!html.contains(remote), "no remote content ({remote})");
    }
    assert!(
        html.contains("class=\"timeline phase-timeline\""),
        "the timeline by phase is drawn"
    );
    assert!(
        !html.contains("marker-end="),
        "a standard report leaves the task-by-task timeline to a report with everything"
    );
    let everything = rollout_html_with(
        &f.store.rollout_report(&f.rollout, today()).expect("report"),
        ExportDetail::Everything,
    );
    assert!(
        everything.contains("<section id=\"appendix-timeline\">")
            && everything.contains("class=\"timeline\""),
        "the appendix draws the task-by-task timeline"
    );
    assert!(
        everything.contains("marker-end="),
        "dependency arrows are drawn in the appendix"
    );
    assert!(
        html.contains(">Go-live</text>") && html.contains(">Today</text>"),
        "today and go-live lines"
    );
    assert!(
        html.contains("class=\"metric-chart\""),
        "the metric chart is drawn"
    );
    assert!(
        html.contains("stroke-dasharray=\"6 4\""),
        "the line from baseline to target is drawn"
    );
    assert!(
        html.contains("Watch level: 12%") && html.contains("Act level: 15%"),
        "both bands are drawn"
    );
    assert!(
        html.contains("class=\"heat-map\""),
        "the risk heat map is drawn"
    );
    assert!(
        html.contains("@media print") && html.contains("break-before: page"),
        "prints a page per section"
    );
    assert!(
        html.contains("<footer>Exported Mar 1, 2027 · SMS reminders"),
        "footer with date and name"
    );
}

const XSS: &str = "<img src=x onerror=alert(1)>\"><script>alert(2)</script>";

#[test]
fn typed_markup_is_shown_never_run_in_html_and_markdown() {
    let f = fixture_with(|s| format!("{s} {XSS}"));
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let html = rollout_html(&report);
    assert!(
        !html.contains("<script"),
        "a typed script tag must be escaped in HTML"
    );
    assert!(
        !html.contains("<img"),
        "a typed image tag must be escaped in HTML"
    );
    assert!(
        html.contains("&quot;&gt;&lt;script&gt;"),
        "a typed quote must not close an attribute"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "the typed text is still shown"
    );
    let markdown = rollout_markdown(&report);
    assert!(
        !markdown.contains("<script") && !markdown.contains("<img"),
        "no live HTML in Markdown"
    );
    assert!(
        markdown.contains("&lt;script&gt;"),
        "the typed text is still shown"
    );
}

#[test]
fn pipes_and_markdown_punctuation_stay_inside_their_cells() {
    let f = fixture_with(|s| format!("{s} | *x* _y_"));
    let markdown = rollout_markdown(&f.store.rollout_report(&f.rollout, today()).expect("report"));
    let task_row = markdown
        .lines()
        .find(|l| l.starts_with("| Configure templates"))
        .expect("task row");
    assert_eq!(
        task_row.matches(" | ").count(),
        7,
        "8 cells: a typed pipe must not add a column: {task_row}"
    );
    assert!(task_row.contains("\\*x\\* \\_y\\_"));
}

#[test]
fn the_report_and_phi_types_generate_typescript_for_the_ui() {
    use ts_rs::{Config, TS};
    let dir = tempfile::tempdir().expect("dir");
    let config = Config::new()
        .with_out_dir(dir.path())
        .with_large_int("number");
    rollplan_core::export::RolloutReport::export_all(&config).expect("report bindings");
    rollplan_core::export::PhiHit::export_all(&config).expect("PHI bindings");
    rollplan_core::export::SopDocument::export_all(&config).expect("SOP document bindings");
    let report =
        std::fs::read_to_string(dir.path().join("RolloutReport.ts")).expect("RolloutReport.ts");
    assert!(
        report.contains("as_of: string") && report.contains("metrics: Array<MetricReport>"),
        "{report}"
    );
}

#[test]
fn a_document_report_carries_only_the_latest_values_and_says_how_many_exist() {
    let f = fixture();
    let metric = f.store.list_metrics(&f.rollout).expect("metrics")[0]
        .id
        .clone();
    let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
    for week in 0..20u64 {
        let draft = rollplan_core::metrics::MeasurementDraft {
            measured_on: (first + chrono::Days::new(week * 7)).to_string(),
            value: 13.0,
            ..Default::default()
        };
        f.store.record_measurement(&metric, &draft).expect("value");
    }
    let full = f.store.rollout_report(&f.rollout, today()).expect("report");
    assert_eq!(
        full.metrics[0].measurements.len(),
        23,
        "the table exports carry every value"
    );
    let document = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let values = &document.metrics[0].measurements;
    assert_eq!(values.len(), rollplan_core::export::DOCUMENT_VALUES);
    assert_eq!(
        values.last(),
        full.metrics[0].measurements.last(),
        "the latest value is kept"
    );
    assert!(
        values
            .windows(2)
            .all(|w| w[0].measured_on < w[1].measured_on),
        "oldest first"
    );
    let html = rollout_html(&document);
    assert!(
        html.contains("The latest 12 of 23 values"),
        "the HTML says what it leaves out"
    );
}
