//! SOP documents as their readers see them: the Word file read by python-docx (a real
//! numbered list, header and footer on every page, document properties), and a draft
//! marked the same way — DRAFT, no effective date — in DOCX, PDF, HTML and Markdown,
//! while an approved version shows its own effective date in each.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{fixture, pdf_text_and_pages, python, today, Fixture};
use rollplan_core::export::{sop_docx, sop_html, sop_markdown};
use rollplan_core::sops::Step;

const READ_DOCX: &str = r#"
import json, sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
section = d.sections[0]
numbering = d.part.numbering_part.element
paragraphs = []
for p in d.paragraphs:
    num = p._p.pPr.numPr if p._p.pPr is not None else None
    num_id = num.numId.val if num is not None and num.numId is not None else None
    paragraphs.append({
        "text": p.text,
        "num_id": num_id,
        "defined": num_id is not None and numbering.num_having_numId(num_id) is not None,
    })
footer_xml = section.footer._element.xml
props = d.core_properties
print(json.dumps({
    "paragraphs": paragraphs,
    "body": "\n".join([p.text for p in d.paragraphs] + [
        " | ".join(c.text for c in row.cells) for t in d.tables for row in t.rows
    ]),
    "header": " ".join(p.text for p in section.header.paragraphs),
    "header_linked": section.header.is_linked_to_previous,
    "footer": " ".join(p.text for p in section.footer.paragraphs),
    "footer_fields": [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))],
    "title": props.title,
    "subject": props.subject,
    "author": props.author,
    "last_modified_by": props.last_modified_by,
    "created": props.created.isoformat() if props.created else None,
    "modified": props.modified.isoformat() if props.modified else None,
}))
"#;

fn read_docx(bytes: &[u8]) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("sop.docx");
    std::fs::write(&path, bytes).expect("write");
    python(READ_DOCX, &[&path])
}

#[test]
fn word_steps_are_a_numbered_list_under_a_header_and_page_numbered_footer() {
    let f = fixture();
    let document = f.store.sop_document(&f.sop).expect("document");
    let docx = read_docx(&sop_docx(&document).expect("docx"));
    let numbered: Vec<&serde_json::Value> = docx["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter(|p| !p["num_id"].is_null())
        .collect();
    assert_eq!(
        numbered.len(),
        document.sop.steps.len(),
        "each step, and nothing else, is a list item: {numbered:?}"
    );
    for (paragraph, step) in numbered.iter().zip(&document.sop.steps) {
        assert_eq!(
            paragraph["defined"], true,
            "the list's numbering is defined in numbering.xml"
        );
        assert_eq!(
            paragraph["text"].as_str(),
            Some(format!("{}: {}", step.role, step.instruction).as_str()),
            "Word numbers the step; its text holds no typed number"
        );
    }
    let header = docx["header"].as_str().expect("header");
    for part in ["FD-012", "Reminder opt-out", "v1", "Approved"] {
        assert!(
            header.contains(part),
            "the page header names {part:?}: {header}"
        );
    }
    assert_eq!(
        docx["header_linked"], false,
        "the section has a header of its own"
    );
    let fields = &docx["footer_fields"];
    assert_eq!(
        fields,
        &serde_json::json!(["PAGE", "NUMPAGES"]),
        "the footer reads Page x of y from Word's fields"
    );
    let footer = docx["footer"].as_str().expect("footer");
    assert!(
        footer.contains("Page") && footer.contains(" of "),
        "the footer says Page x of y: {footer}"
    );
    assert_eq!(docx["title"], "Reminder opt-out", "the document's title");
    assert_eq!(docx["subject"], "FD-012", "the subject is the code");
    assert_eq!(docx["author"], "Priya Nair", "the owner is the author");
    assert_eq!(docx["last_modified_by"], "Rollplan");
    assert!(
        docx["created"].is_string() && docx["modified"].is_string(),
        "created and modified are set: {docx}"
    );
}

/// The fixture's SOP with its next version started as a draft.
fn with_draft_v2(f: &Fixture) {
    let approved = f.store.get_sop(&f.sop).expect("sop");
    let mut edit = approved.draft();
    edit.steps.push(Step {
        role: "Lead".into(),
        instruction: "Audit ten opt-outs a month".into(),
        ..Step::default()
    });
    let draft = f
        .store
        .update_sop(&f.sop, approved.row_version, &edit)
        .expect("the next version starts as a draft");
    assert_eq!(draft.version, 2, "the edit starts v2");
}

/// Every format's text of the SOP as exported now: DOCX, PDF, HTML, Markdown.
fn every_format(f: &Fixture) -> Vec<(&'static str, String)> {
    let document = f.store.sop_document(&f.sop).expect("document");
    let docx = read_docx(&sop_docx(&document).expect("docx"));
    let docx_text = format!(
        "{}\n{}",
        docx["header"].as_str().expect("header"),
        docx["body"].as_str().expect("body")
    );
    let pdf = rollplan_core::pdf::sop_pdf(&f.store, &f.sop, None, today()).expect("pdf");
    let (pdf_text, _) = pdf_text_and_pages(&pdf);
    vec![
        ("DOCX", docx_text),
        ("PDF", pdf_text),
        ("HTML", sop_html(&document)),
        ("Markdown", sop_markdown(&document)),
    ]
}

#[test]
fn a_draft_says_draft_and_shows_no_effective_date_in_every_format() {
    let f = fixture();
    with_draft_v2(&f);
    for (format, text) in every_format(&f) {
        assert!(
            text.contains("DRAFT — not yet approved"),
            "the {format} marks the draft: {text}"
        );
        assert!(
            text.contains("Staff follow v1, the version in force"),
            "the {format} says which version staff follow: {text}"
        );
        assert!(
            !text.contains("Feb 15, 2027"),
            "the {format} must not show v1's effective date for the v2 draft: {text}"
        );
        assert!(
            text.contains("None until approved"),
            "the {format} says the draft has no effective date yet: {text}"
        );
    }
}

#[test]
fn an_approved_version_shows_its_own_effective_date_in_every_format() {
    let f = fixture();
    for (format, text) in every_format(&f) {
        assert!(
            text.contains("Feb 15, 2027"),
            "the {format} shows the approved version's effective date: {text}"
        );
        assert!(
            !text.contains("DRAFT"),
            "the {format} of an approved version is not marked as a draft: {text}"
        );
    }
}
