//! The rollout report as a Word document, read by python-docx the way a reviewer's Word
//! opens it: the same sections, figures and words as the Markdown and HTML reports
//! (one text for all three), real headings and bullet lists, tables with a repeating
//! header row, and typed text that stays text.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{fixture, fixture_with, python, today};
use rollplan_core::export::{rollout_docx_with, rollout_markdown_with, ExportDetail};
use serde_json::Value;

const READ_DOCX: &str = r#"
import json, sys, docx
d = docx.Document(sys.argv[1])
numbering = d.part.numbering_part.element
paragraphs = []
for p in d.paragraphs:
    num = p._p.pPr.numPr if p._p.pPr is not None else None
    num_id = num.numId.val if num is not None and num.numId is not None else None
    paragraphs.append({
        "style": p.style.name,
        "text": p.text,
        "listed": num_id is not None and numbering.num_having_numId(num_id) is not None,
    })
tables = []
for t in d.tables:
    first = t.rows[0]._tr
    repeats = first.trPr is not None and first.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    tables.append({
        "header": [c.text for c in t.rows[0].cells],
        "rows": [[c.text for c in row.cells] for row in t.rows[1:]],
        "header_repeats": repeats,
    })
section = d.sections[0]
print(json.dumps({
    "paragraphs": paragraphs,
    "tables": tables,
    "header": " ".join(p.text for p in section.header.paragraphs),
    "title": d.core_properties.title,
}))
"#;

fn read_docx(bytes: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.docx");
    std::fs::write(&path, bytes).unwrap();
    python(READ_DOCX, &[&path])
}

fn texts<'a>(docx: &'a Value, style: &str) -> Vec<&'a str> {
    docx["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["style"] == style)
        .map(|p| p["text"].as_str().unwrap())
        .collect()
}

#[test]
fn the_word_report_has_the_markdown_reports_sections_in_word_headings() {
    let f = fixture();
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .unwrap();
    let docx = read_docx(&rollout_docx_with(&report, ExportDetail::Standard).unwrap());
    let markdown = rollout_markdown_with(&report, ExportDetail::Standard);
    let markdown_sections: Vec<&str> = markdown
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .collect();
    assert_eq!(
        texts(&docx, "Heading 1"),
        markdown_sections,
        "every section of the report, in order, as a Word heading"
    );
    let title = format!("{} — rollout report", report.rollout.name);
    assert_eq!(texts(&docx, "Title"), [title.as_str()], "one title");
    assert_eq!(docx["title"], title.as_str(), "the document's own title");
    assert!(
        docx["header"].as_str().unwrap().contains(&title),
        "every page names the report: {}",
        docx["header"]
    );
    let readiness = &report.overview.readiness;
    let verdict_line = format!(
        "Verdict: {} — score {}/100",
        readiness.verdict.label(),
        readiness.score
    );
    let body: Vec<&str> = docx["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        body.contains(&verdict_line.as_str()),
        "the readiness verdict reads as in every report: {verdict_line:?} in {body:?}"
    );
    let training = report.training_progress();
    assert!(
        body.iter().any(|line| line.contains(&training.summary)),
        "the trained figure is the core's: {:?}",
        training.summary
    );
    assert!(
        docx["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["listed"] == true),
        "lists are real Word lists"
    );
    let tables = docx["tables"].as_array().unwrap();
    let criteria = tables
        .iter()
        .find(|t| t["header"][0] == "Criterion")
        .expect("the readiness checklist is a table");
    assert_eq!(
        criteria["header_repeats"], true,
        "its header repeats on each page"
    );
    let first_criterion = &report.criteria[0];
    assert!(
        tables.iter().any(|t| t["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|row| row[0] == first_criterion.title.as_str())),
        "a criterion's row: {}",
        first_criterion.title
    );
}

#[test]
fn the_summary_alone_stops_before_the_sections() {
    let f = fixture();
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .unwrap();
    let docx = read_docx(&rollout_docx_with(&report, ExportDetail::Summary).unwrap());
    assert!(
        !texts(&docx, "Heading 1").contains(&"Readiness"),
        "no sections in the summary alone"
    );
}

#[test]
fn typed_markup_stays_text_in_the_word_report() {
    let f = fixture_with(|s| format!("{s} | *x* _y_ <b>z</b> & [a](b)"));
    let report = f
        .store
        .rollout_document_report(&f.rollout, today())
        .unwrap();
    let docx = read_docx(&rollout_docx_with(&report, ExportDetail::Standard).unwrap());
    let title = texts(&docx, "Title")[0].to_owned();
    assert_eq!(
        title,
        format!("{} — rollout report", report.rollout.name),
        "the name as typed, every character kept"
    );
    let cells: Vec<String> = docx["tables"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["rows"].as_array().unwrap().clone())
        .flat_map(|row| row.as_array().unwrap().clone())
        .map(|cell| cell.as_str().unwrap().to_owned())
        .collect();
    assert!(
        cells
            .iter()
            .any(|cell| cell.ends_with("| *x* _y_ <b>z</b> & [a](b)")),
        "a typed pipe does not split a cell, and markup stays text: {cells:?}"
    );
}
