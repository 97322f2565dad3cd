//! One figure, one value: the plan's comparison with its baseline reads the same on the
//! plan tab, in the report (PDF, HTML, Markdown) and in the weekly status.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{fixture, pdf_text_and_pages, today};
use rollplan_core::export::{rollout_html, rollout_markdown};
use rollplan_core::pdf::rollout_pdf;
use rollplan_core::plan::{baseline_line, TaskDraft};

#[test]
fn every_format_says_the_comparison_the_plan_tab_shows() {
    let f = fixture();
    let report = f.store.rollout_report(&f.rollout, today()).unwrap();
    assert!(report.baseline.is_none(), "no baseline, no comparison");
    assert!(
        !rollout_markdown(&report).contains("**Baseline**"),
        "a report without a baseline says nothing of one"
    );

    f.store.set_baseline(&f.rollout, "Signed-off plan").unwrap();
    let task = f
        .store
        .list_tasks(&f.rollout)
        .unwrap()
        .into_iter()
        .find(|t| t.due_date.is_some() && t.kind == rollplan_core::plan::TaskKind::Task)
        .expect("a dated task");
    let later = task.due_date.unwrap() + chrono::Days::new(9);
    f.store
        .update_task(
            &task.id,
            task.row_version,
            &TaskDraft {
                due_date: Some(later.to_string()),
                ..task.draft()
            },
        )
        .unwrap();

    let screen = f
        .store
        .plan_view(&f.rollout, today())
        .unwrap()
        .baseline
        .expect("the plan tab compares")
        .comparison;
    assert!(
        screen.sentence.starts_with("1 task later than baseline"),
        "{}",
        screen.sentence
    );
    let line = baseline_line(&screen);
    assert_eq!(
        line,
        format!("{} (baseline “Signed-off plan”).", screen.sentence)
    );

    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .unwrap();
    assert_eq!(
        report.baseline.as_ref(),
        Some(&screen),
        "the report's comparison is the screen's"
    );
    assert!(
        rollout_markdown(&report).contains(&format!("**Baseline**: {line}")),
        "the Markdown Plan section says it"
    );
    assert!(
        rollout_html(&report).contains(&format!("<strong>Baseline</strong>: {}", line)),
        "the HTML Plan section says it"
    );
    let (text, _) = pdf_text_and_pages(&rollout_pdf(&report).expect("pdf"));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("Baseline: {}", screen.sentence)),
        "the PDF's Plan section says it: {flat:.400}"
    );

    let status = f.store.draft_status(&f.rollout, today(), today()).unwrap();
    assert_eq!(
        status.rollouts[0].baseline.as_deref(),
        Some(line.as_str()),
        "the weekly status figures say it"
    );
}
