//! SOPs on paper: one SOP as a PDF with its header, steps and exceptions, and the whole
//! library as one binder with contents.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod sops_common;

use rollplan_core::Store;
use sops_common::{check_in, date};

/// The text of a PDF, through poppler's pdftotext (installed by scripts/setup.sh --test).
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sop.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().expect("path"), "-"])
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext read the PDF");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_sop_prints_as_a_pdf_with_its_header_steps_and_exceptions() {
    let store = Store::open_in_memory().expect("store");
    let mut draft = check_in();
    // Typst syntax typed by a person stays text.
    draft.steps[0].instruction =
        "Greet the patient #set page(width: 1cm) and confirm two identifiers.".into();
    let sop = store.create_sop(&draft).expect("create");
    store
        .approve_sop(&sop.id, sop.row_version, "Dr. Okafor", "2026-01-05")
        .expect("approve");

    let pdf =
        rollplan_core::pdf::sop_pdf(&store, &sop.id, Some(1), date("2026-11-25")).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"), "a PDF");
    let text = pdf_text(&pdf);
    for expected in [
        "FD-012",
        "Patient check-in and insurance verification",
        "Dr. Okafor",
        "Jan 5, 2026",
        "Front desk:",
        "#set page(width: 1cm)",
        "Check: Stop the line if eligibility is inactive.",
        "Insurance cannot be",
        "Page 1 of ",
        "Process map of FD-012",
    ] {
        assert!(
            text.contains(expected),
            "'{expected}' is in the PDF:\n{text}"
        );
    }
    assert!(
        !text.contains("DRAFT"),
        "an approved version is not marked as a draft"
    );

    let missing = rollplan_core::pdf::sop_pdf(&store, &sop.id, Some(4), date("2026-11-25"))
        .expect_err("no version 4");
    assert_eq!(missing.payload().field.as_deref(), Some("version"));
}

#[test]
fn the_library_prints_as_one_binder_with_contents() {
    let store = Store::open_in_memory().expect("store");
    let today = date("2026-11-25");
    rollplan_core::demo::seed_sample_clinic(&store, today).expect("demo");
    let pdf = rollplan_core::pdf::sop_library_pdf(&store, "Riverside Family Health", today)
        .expect("binder");
    let text = pdf_text(&pdf);
    assert!(text.contains("Contents"));
    for code in ["CL-020", "CL-031", "EHR-004", "FD-012", "FD-015"] {
        assert!(text.contains(code), "{code} is in the binder");
    }
    assert!(
        text.contains("DRAFT"),
        "the downtime SOP was never approved, so it is marked"
    );
    let pages = text.matches('\u{c}').count() + 1;
    assert!(
        (7..=20).contains(&pages),
        "a cover, contents and five SOPs: {pages} pages"
    );
}
