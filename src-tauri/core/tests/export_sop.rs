//! SOP documents: HTML and Markdown goldens, the DOCX read back, escaping.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use std::io::Read;

use export_common::{assert_golden, fixture, fixture_with};
use rollplan_core::export::{sop_docx, sop_html, sop_markdown};

#[test]
fn sop_html_and_markdown_match_their_golden_files() {
    let f = fixture();
    let document = f.store.sop_document(&f.sop).expect("document");
    assert_eq!(
        document.approved_by.as_deref(),
        Some("Dr. Ortiz"),
        "the approver of this version"
    );
    assert_golden("sop.html", &sop_html(&document));
    assert_golden("sop.md", &sop_markdown(&document));
}

fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is missing"))
        .read_to_string(&mut text)
        .expect("utf-8 part");
    text
}

#[test]
fn sop_docx_holds_the_header_numbered_steps_and_exceptions() {
    let f = fixture();
    let document = f.store.sop_document(&f.sop).expect("document");
    let bytes = sop_docx(&document).expect("docx");
    let types = docx_part(&bytes, "[Content_Types].xml");
    assert!(
        types.contains("wordprocessingml.document.main+xml"),
        "Word finds the main part"
    );
    docx_part(&bytes, "_rels/.rels");
    docx_part(&bytes, "word/styles.xml");
    let xml = docx_part(&bytes, "word/document.xml");
    let text: String = regex::Regex::new(r"<[^>]+>")
        .expect("tags")
        .replace_all(&xml, " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "FD-012 — Reminder opt-out",
        "Code FD-012",
        "Version v1",
        "Status Approved",
        "Effective Feb 15, 2027",
        "Approved by Dr. Ortiz",
        "Next review Feb 15, 2028",
        "Front desk: Mark the opt-out in the PM system",
        "Check: Opt-out flag shows",
        "Lead: Review opt-outs weekly",
        "When Do Escalate to Within Evidence",
        "Patient asks twice Call the vendor Practice manager same day Ticket number",
    ] {
        assert!(
            text.contains(expected),
            "the DOCX must say {expected:?}; it says: {text}"
        );
    }
}

#[test]
fn typed_markup_and_control_characters_cannot_break_sop_documents() {
    let f =
        fixture_with(|s| format!("{s} <img src=x onerror=alert(1)>\"><script>x</script> & \u{1}"));
    let document = f.store.sop_document(&f.sop).expect("document");
    let html = sop_html(&document);
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "no live markup in the SOP's HTML"
    );
    let markdown = sop_markdown(&document);
    assert!(
        !markdown.contains("<script") && !markdown.contains("<img"),
        "no live markup in the SOP's Markdown"
    );
    let xml = docx_part(&sop_docx(&document).expect("docx"), "word/document.xml");
    assert!(
        !xml.contains("<script") && xml.contains("&lt;script&gt;"),
        "markup is text in the DOCX"
    );
    assert!(
        !xml.contains('\u{1}'),
        "a control character would make Word refuse the file"
    );
}
