//! The rollout report as a typeset PDF, read back as text.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{fixture, fixture_with, pdf_text_and_pages, today};
use rollplan_core::export::{ExportDetail, HTML_SECTIONS};
use rollplan_core::pdf::{rollout_pdf, rollout_pdf_with};

#[test]
fn the_pdf_has_a_cover_contents_every_section_and_numbered_pages() {
    let f = fixture();
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let pdf = rollout_pdf(&report).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let (text, pages) = pdf_text_and_pages(&pdf);
    // A cover, the contents, and each of the twelve sections on its own page(s).
    assert!(
        (2 + HTML_SECTIONS.len()..=2 + HTML_SECTIONS.len() * 2).contains(&pages),
        "a sane page count, got {pages}"
    );
    assert!(
        text.contains(&report.rollout.name),
        "the cover names the rollout"
    );
    assert!(
        text.contains("Readiness verdict:"),
        "the cover gives the verdict"
    );
    assert!(text.contains("Contents"), "a contents page");
    for (_, title) in HTML_SECTIONS {
        assert!(
            text.matches(title).count() >= 2,
            "{title} is in the contents and heads its section"
        );
    }
    for fact in [
        "Mar 15, 2027",
        "Critical path",
        "Front desk",
        "Why",
        "Open risks by likelihood and impact",
        "RACI",
        "Where each stands on the change",
    ] {
        assert!(text.contains(fact), "the PDF shows {fact:?}");
    }
    assert!(
        text.contains(&format!("Page 2 of {pages}")),
        "pages are numbered after the cover"
    );
    assert!(
        text.contains("Exported Mar 1, 2027 from Rollplan"),
        "the footer gives the export date"
    );
}

#[test]
fn typed_text_is_never_read_as_typst_markup() {
    // Typst code, markup and a JSON breakout in every field stay literal text.
    let f = fixture_with(|s| format!("{s} #set page(width: 2cm) *bold* \"}}]"));
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let pdf = rollout_pdf(&report).expect("hostile text still typesets");
    let (text, _) = pdf_text_and_pages(&pdf);
    assert!(
        text.contains("#set page(width: 2cm) *bold*"),
        "the typed Typst code is printed as it was typed"
    );
}

#[test]
fn a_large_plan_breaks_its_appendix_timeline_across_pages() {
    let f = fixture();
    let phase = f
        .store
        .list_phases(&f.rollout)
        .expect("phases")
        .remove(0)
        .id;
    let start = today();
    for n in 0..120u64 {
        f.store
            .create_task(
                &f.rollout,
                &rollplan_core::plan::TaskDraft {
                    title: format!("Build step {n}"),
                    phase_id: Some(phase.clone()),
                    start_date: Some((start + chrono::Days::new(n)).to_string()),
                    due_date: Some((start + chrono::Days::new(n + 3)).to_string()),
                    ..Default::default()
                },
            )
            .expect("task");
    }
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let everything = rollout_pdf_with(&report, ExportDetail::Everything).expect("pdf");
    let (text, pages) = pdf_text_and_pages(&everything);
    assert!(
        text.contains("(continued)"),
        "a long phase continues on the next drawing of the appendix"
    );
    assert!(
        text.contains("Build step 119"),
        "every task is in the appendix's task table"
    );
    assert!(
        pages > 2 + HTML_SECTIONS.len(),
        "the long plan takes more pages"
    );
}

#[test]
fn the_overview_lists_the_first_overdue_tasks_and_counts_the_rest() {
    let f = fixture();
    for n in 0..25u64 {
        f.store
            .create_task(
                &f.rollout,
                &rollplan_core::plan::TaskDraft {
                    title: format!("Overdue step {n}"),
                    due_date: Some((today() - chrono::Days::new(30 - n)).to_string()),
                    ..Default::default()
                },
            )
            .expect("task");
    }
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .expect("report");
    let overdue = report.overview.overdue.len();
    let (text, _) = pdf_text_and_pages(&rollout_pdf(&report).expect("pdf"));
    assert!(
        text.contains(&format!("and {} more", overdue - 15)),
        "the overview counts what it does not list ({overdue} overdue)"
    );
}
