//! The sample clinic's status for the week of Jan 11, 2027 in every format: the text
//! formats against golden files (`UPDATE_GOLDEN=1` rewrites them), the PDF read back
//! with pdftotext and the DOCX with python-docx; each says the same items, and each
//! goes through the PHI check.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;
mod status_common;

use export_common::{assert_golden, pdf_text_and_pages, python};
use rollplan_core::export::{
    run_status_export, status_bytes, status_html, status_markdown, status_text, StatusDocument,
    StatusExportRequest, StatusFormat, StatusSubject,
};
use rollplan_core::status::{StatusEdit, SUMMARY_NOTE};
use status_common::clinic::sample_week;
use status_common::{after_week, monday};

/// A saved draft of the EHR go-live's week, with a summary note and a section note.
fn document() -> StatusDocument {
    let week = sample_week();
    let saved = week
        .store
        .save_status(Some(&week.ehr.id), monday(), after_week())
        .unwrap();
    let mut edit = StatusEdit::default();
    edit.notes.insert(
        SUMMARY_NOTE.into(),
        "A harder week: the lab interface is the one to watch.\nWe meet the vendor on Tuesday."
            .into(),
    );
    edit.notes
        .insert("slipped".into(), "Both slips have a recovery date.".into());
    let saved = week
        .store
        .update_status(&saved.id, saved.row_version, &edit)
        .unwrap();
    StatusDocument::of_saved(&saved)
}

/// Every line a reader must find: the headline and each item.
fn expected_lines(document: &StatusDocument) -> Vec<String> {
    let outline = document.outline();
    let mut lines = vec![outline.headline.clone(), outline.next_update.clone()];
    for section in &outline.sections {
        lines.push(section.title.clone());
        lines.extend(section.items.iter().map(|i| i.happened.clone()));
    }
    lines
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_text_formats_match_their_golden_files() {
    let document = document();
    assert!(
        !document.status.sections.is_empty(),
        "the staged week has news to tell"
    );
    assert_golden("status/status.txt", &status_text(&document));
    assert_golden("status/status.md", &status_markdown(&document));
    assert_golden("status/status.html", &status_html(&document));
}

#[test]
fn the_email_text_has_short_lines_and_no_markdown_symbols() {
    let text = status_text(&document());
    for line in text.lines() {
        assert!(
            line.chars().count() <= 72,
            "every line fits an email window: {line:?}"
        );
        assert!(
            !line.starts_with('#') && !line.contains("**") && !line.contains('|'),
            "no Markdown symbols reach the email: {line:?}"
        );
    }
}

#[test]
fn the_pdf_and_the_docx_say_what_the_text_says() {
    let document = document();
    let pdf = status_bytes(&document, StatusFormat::Pdf).unwrap();
    let (text, pages) = pdf_text_and_pages(&pdf);
    assert!(pages >= 1, "the PDF has pages");
    // The PDF sets section titles in capitals.
    let pdf_text = squeeze(&text).to_lowercase();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("status.docx");
    std::fs::write(&path, status_bytes(&document, StatusFormat::Docx).unwrap()).unwrap();
    let read = python(
        r#"
import json, sys, docx
d = docx.Document(sys.argv[1])
body = [p.text for p in d.paragraphs] + [
    " | ".join(c.text for c in row.cells) for t in d.tables for row in t.rows
]
print(json.dumps({"body": "\n".join(body), "title": d.core_properties.title}))
"#,
        &[&path],
    );
    let docx_text = squeeze(read["body"].as_str().unwrap());
    assert_eq!(
        read["title"],
        document.outline().title,
        "the Word file is titled"
    );
    for line in expected_lines(&document) {
        let line = squeeze(&line);
        assert!(
            pdf_text.contains(&line.to_lowercase()),
            "the PDF says {line:?}:\n{pdf_text}"
        );
        assert!(
            docx_text.contains(&line),
            "the DOCX says {line:?}:\n{docx_text}"
        );
    }
    assert!(
        docx_text.contains("We meet the vendor on Tuesday."),
        "the manager's note travels"
    );
}

#[test]
fn patient_details_in_a_note_stop_the_export_until_forced() {
    let week = sample_week();
    let saved = week
        .store
        .save_status(Some(&week.ehr.id), monday(), after_week())
        .unwrap();
    let mut edit = StatusEdit::default();
    edit.notes.insert(
        "risks".into(),
        "Called Mary Jones, DOB 04/12/1961, about her portal account.".into(),
    );
    let saved = week
        .store
        .update_status(&saved.id, saved.row_version, &edit)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for format in [
        StatusFormat::Text,
        StatusFormat::Markdown,
        StatusFormat::Html,
        StatusFormat::Pdf,
        StatusFormat::Docx,
    ] {
        let path = dir.path().join(format!("status.{}", format.code()));
        let mut request = StatusExportRequest {
            subject: StatusSubject::Saved {
                id: saved.id.clone(),
            },
            format,
            path: path.clone(),
            force: false,
            overwrite: false,
        };
        let stopped = run_status_export(&week.store, &request, after_week()).unwrap();
        assert!(
            !stopped.written && !path.exists(),
            "{format:?}: nothing is written"
        );
        assert_eq!(stopped.phi_hits[0].field, "note", "the hit names the field");
        request.force = true;
        let forced = run_status_export(&week.store, &request, after_week()).unwrap();
        assert!(
            forced.written && path.exists(),
            "{format:?}: written when forced"
        );
    }
}
