//! The escalation table's exports read back by independent readers: the workbook with
//! openpyxl (one sheet, a row per exception, filters on, the header frozen) and the
//! PDF with pdftotext, both through the one export path with its PHI check, filtered
//! by role and by rollout as the page is.

// Integration tests may unwrap: a failure is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{pdf_text_and_pages, python, today};
use rollplan_core::export::{
    export_file_name, run_export, ExportDetail, ExportFormat, ExportRequest, ExportSubject,
};
use rollplan_core::sops::escalations::EscalationFilter;
use rollplan_core::Store;

fn sample() -> Store {
    let store = Store::open_in_memory().expect("store");
    rollplan_core::demo::seed_sample_clinic(&store, today()).expect("sample clinic");
    store
}

fn export(store: &Store, subject: ExportSubject, format: ExportFormat, path: &std::path::Path) {
    let outcome = run_export(
        store,
        &ExportRequest {
            subject,
            format,
            path: path.to_path_buf(),
            force: false,
            overwrite: false,
            include_people: false,
            passphrase: None,
            detail: ExportDetail::default(),
        },
        today(),
        chrono::Utc::now(),
        &mut |_| {},
    )
    .expect("exported");
    assert!(
        outcome.written,
        "the sample clinic's escalation table passes the PHI check: {:?}",
        outcome.phi_hits
    );
}

const READ_XLSX: &str = r#"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
sheet = book.worksheets[0]
rows = [[c.value for c in row] for row in sheet.iter_rows()]
print(json.dumps({
    "sheets": book.sheetnames,
    "header": rows[0],
    "rows": rows[1:],
    "filter": sheet.auto_filter.ref,
    "frozen": sheet.freeze_panes,
}))
"#;

#[test]
fn the_workbook_lists_every_exception_with_its_sop_target_and_time_limit() {
    let store = sample();
    let table = store
        .escalation_table(&EscalationFilter::default(), today())
        .expect("table");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("escalations.xlsx");
    let subject = ExportSubject::Escalations {
        role: None,
        rollout_id: None,
    };
    assert_eq!(
        export_file_name(&store, &subject, ExportFormat::Xlsx).expect("name"),
        "Escalation paths.xlsx",
        "the save dialog proposes a plain name"
    );
    export(&store, subject, ExportFormat::Xlsx, &path);
    let read = python(READ_XLSX, &[&path]);
    assert_eq!(
        read["sheets"],
        serde_json::json!(["Escalations"]),
        "one sheet"
    );
    assert_eq!(read["frozen"], "A2", "the header row stays in view");
    assert!(
        read["filter"].is_string(),
        "filters are on: {}",
        read["filter"]
    );
    let header: Vec<&str> = read["header"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let rows = read["rows"].as_array().unwrap();
    assert_eq!(rows.len(), table.rows.len(), "a row per exception");
    let late = rows
        .iter()
        .find(|r| {
            r[col("When")]
                .as_str()
                .is_some_and(|t| t.contains("more than 15 minutes late"))
        })
        .expect("the late-arrival exception is in the workbook");
    assert_eq!(late[col("SOP")], "FD-012");
    assert_eq!(late[col("Escalate to")], "Charge nurse");
    assert_eq!(
        late[col("Time limit")],
        "within 5 minutes",
        "the time limit in the words the map uses"
    );
    assert_eq!(late[col("Minutes")], 5, "and as a number to sort by");
}

#[test]
fn the_pdf_prints_the_filtered_table() {
    let store = sample();
    let all = store
        .escalation_table(&EscalationFilter::default(), today())
        .expect("table");
    let rollout = all.rollouts.first().expect("a linked rollout").clone();
    let filter = EscalationFilter {
        role: None,
        rollout_id: Some(rollout.id.clone()),
    };
    let table = store.escalation_table(&filter, today()).expect("table");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("escalations.pdf");
    export(
        &store,
        ExportSubject::Escalations {
            role: None,
            rollout_id: Some(rollout.id.clone()),
        },
        ExportFormat::Pdf,
        &path,
    );
    let (text, pages) = pdf_text_and_pages(&std::fs::read(&path).expect("pdf"));
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(pages >= 1, "a PDF with pages");
    assert!(
        words.contains("Escalation paths") && words.contains(&table.summary),
        "the title and what the filter shows: {}",
        &words[..words.len().min(400)]
    );
    for row in &table.rows {
        assert!(
            words.contains(&row.sop_code) && words.contains(&row.escalate_to),
            "{}'s exception to {} is printed",
            row.sop_code,
            row.escalate_to
        );
    }
    for row in all
        .rows
        .iter()
        .filter(|r| !r.rollout_ids.contains(&rollout.id))
    {
        assert!(
            !words.contains(&row.trigger),
            "an exception of an SOP outside {} is left out: {}",
            rollout.name,
            row.trigger
        );
    }
}

#[test]
fn a_rollout_format_is_refused_for_the_table() {
    let store = sample();
    let dir = tempfile::tempdir().expect("dir");
    let refused = run_export(
        &store,
        &ExportRequest {
            subject: ExportSubject::Escalations {
                role: None,
                rollout_id: None,
            },
            format: ExportFormat::Ics,
            path: dir.path().join("x.ics"),
            force: false,
            overwrite: false,
            include_people: false,
            passphrase: None,
            detail: ExportDetail::default(),
        },
        today(),
        chrono::Utc::now(),
        &mut |_| {},
    );
    let message = refused
        .expect_err("a calendar of escalations is refused")
        .to_string();
    assert!(
        message.contains("pdf, xlsx"),
        "the refusal names the formats it takes: {message}"
    );
}
