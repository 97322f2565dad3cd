//! The workbook and CSV files as the people receiving them open them: the workbook read
//! by openpyxl (summary sheet, print setup, units), the CSV files' byte-order mark and
//! our own import reading them back.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod export_common;

use export_common::{fixture, python, today};
use rollplan_core::export::{rollout_csv_files, rollout_xlsx};
use serde_json::Value;

const READ_WORKBOOK: &str = r#"
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": book.sheetnames, "setup": {}, "rows": {}}
for ws in book.worksheets:
    out["setup"][ws.title] = {
        "orientation": ws.page_setup.orientation,
        # An absent attribute has the schema's default, 1 (ECMA-376 CT_PageSetup).
        "fit_width": 1 if ws.page_setup.fitToWidth is None else int(ws.page_setup.fitToWidth),
        "fit_height": 1 if ws.page_setup.fitToHeight is None else int(ws.page_setup.fitToHeight),
        "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "title_rows": ws.print_title_rows,
        "freeze": ws.freeze_panes,
    }
    out["rows"][ws.title] = [
        [c if isinstance(c, (int, float, str)) or c is None else str(c) for c in row]
        for row in ws.iter_rows(values_only=True)
    ]
print(json.dumps(out))
"#;

#[test]
fn the_workbook_opens_on_a_summary_with_the_reports_own_figures() {
    let f = fixture();
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("report.xlsx");
    std::fs::write(&path, rollout_xlsx(&report).expect("xlsx")).expect("write");
    let book = python(READ_WORKBOOK, &[&path]);
    assert_eq!(
        book["sheets"][0], "Summary",
        "the first sheet is the summary: {}",
        book["sheets"]
    );
    let rows = book["rows"]["Summary"].as_array().expect("summary rows");
    assert_eq!(
        rows[0],
        serde_json::json!(["Item", "Value", "Unit", "Detail"]),
        "the summary's header row"
    );
    let value = |item: &str| -> Value {
        rows.iter()
            .find(|r| r[0] == item)
            .unwrap_or_else(|| panic!("the summary has no {item:?} row: {rows:?}"))[1]
            .clone()
    };
    let readiness = &report.overview.readiness;
    let training = report.training_progress();
    let verdict = readiness.verdict.label();
    for (item, expected) in [
        ("Rollout", Value::from(report.rollout.name.as_str())),
        ("Readiness", Value::from(verdict)),
        ("Readiness score", Value::from(readiness.score)),
        ("Fully trained", Value::from(training.percent)),
        ("Overdue tasks", Value::from(report.overview.overdue_count)),
        ("Blocked tasks", Value::from(report.overview.blocked_count)),
        ("Open risks", Value::from(report.open_risk_count())),
        ("Metrics in act", Value::from(report.metrics_in_act())),
        (
            "Days to go-live",
            Value::from(report.overview.days_to_go_live.expect("a go-live date")),
        ),
    ] {
        let found = value(item);
        let same = match (found.as_f64(), expected.as_f64()) {
            (Some(a), Some(b)) => a == b,
            _ => found == expected,
        };
        assert!(
            same,
            "the summary's {item} must be the report's {expected}, found {found}"
        );
    }
    assert!(
        report.open_risk_count() > 0 && training.people > 0,
        "the fixture has open risks and people to train, so the figures are not all zero"
    );
}

#[test]
fn every_sheet_prints_landscape_one_page_wide_with_its_header_on_each_page() {
    let f = fixture();
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("report.xlsx");
    std::fs::write(&path, rollout_xlsx(&report).expect("xlsx")).expect("write");
    let book = python(READ_WORKBOOK, &[&path]);
    let setups = book["setup"].as_object().expect("setups");
    assert!(setups.len() > 10, "every table has its sheet: {setups:?}");
    for (sheet, setup) in setups {
        assert_eq!(
            setup["orientation"], "landscape",
            "{sheet} prints landscape: {setup}"
        );
        assert!(
            setup["fit_to_page"] == true && setup["fit_width"] == 1 && setup["fit_height"] == 0,
            "{sheet} fits one page wide, as many tall as it needs: {setup}"
        );
        let titles = setup["title_rows"].as_str().unwrap_or("");
        assert!(
            titles.replace('$', "") == "1:1",
            "{sheet} repeats its header row on every page: {setup}"
        );
        assert_eq!(setup["freeze"], "A2", "{sheet} freezes its header row");
    }
}

#[test]
fn metric_values_have_their_unit_beside_them_and_stay_numbers() {
    let f = fixture();
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("report.xlsx");
    std::fs::write(&path, rollout_xlsx(&report).expect("xlsx")).expect("write");
    let book = python(READ_WORKBOOK, &[&path]);
    let measurements = book["rows"]["measurements"].as_array().expect("rows");
    assert_eq!(
        (&measurements[0][2], &measurements[0][3]),
        (&Value::from("Value"), &Value::from("Unit")),
        "the unit column follows the value: {}",
        measurements[0]
    );
    assert!(measurements.len() > 1, "the fixture has measurements");
    for row in &measurements[1..] {
        assert!(row[2].is_number(), "a value is a number: {row:?}");
        assert_eq!(row[3], "Percent", "the fixture's metric is a percentage");
    }
    let metrics = book["rows"]["metrics"].as_array().expect("rows");
    let header: Vec<&str> = metrics[0]
        .as_array()
        .expect("header")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let unit = header
        .iter()
        .position(|h| *h == "Unit")
        .expect("a Unit column");
    assert_eq!(
        header[unit + 1],
        "Baseline",
        "the unit sits beside the values it qualifies: {header:?}"
    );
    assert!(
        metrics[1][unit + 1].is_number(),
        "the baseline is a number: {}",
        metrics[1]
    );
}

#[test]
fn every_csv_file_starts_with_a_byte_order_mark_and_imports_back() {
    let f = fixture();
    let report = f.store.rollout_report(&f.rollout, today()).expect("report");
    let files = rollout_csv_files(&report).expect("csv");
    for (name, bytes) in &files {
        assert!(
            bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
            "{name} starts with the UTF-8 byte-order mark"
        );
        assert!(
            !bytes[3..].starts_with(&[0xEF, 0xBB, 0xBF]),
            "{name} carries the mark once"
        );
    }
    let (_, measurements) = files
        .iter()
        .find(|(n, _)| n == "measurements.csv")
        .expect("measurements.csv");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("measurements.csv");
    std::fs::write(&path, measurements).expect("write");
    let table = rollplan_core::import::read_table(&path).expect("our CSV reads back");
    assert_eq!(
        table.headers.first().map(String::as_str),
        Some("Metric"),
        "the mark is not part of the first header"
    );
    let preview = f
        .store
        .preview_measurement_import(&f.rollout, &table)
        .expect("the exported measurements import");
    assert!(
        preview.rows > 0 && preview.unchanged == preview.rows,
        "every exported value imports back as the one already there: {preview:?}"
    );
}
