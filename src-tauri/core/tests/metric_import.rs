//! Importing measurements from CSV and XLSX: formats that must be read, and bad files
//! that must be refused naming row and column, writing nothing.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::date;
use rollplan_core::audit::{AuditAction, EntityKind};
use rollplan_core::import::{parse_table, read_table, Table};
use rollplan_core::metrics::{Direction, MeasurementDraft, MetricDraft, MetricUnit};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, Store};

struct Clinic {
    store: Store,
    rollout: String,
    no_show: String,
    denials: String,
    visits: String,
}

/// A rollout with three metrics: no-show rate (%), dollars of denied claims, visits.
fn clinic() -> Clinic {
    let store = Store::open_in_memory().expect("store");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "SMS reminders".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    let metric = |name: &str, unit: MetricUnit| {
        store
            .create_metric(
                &rollout,
                &MetricDraft {
                    name: name.into(),
                    unit,
                    direction: Direction::LowerIsBetter,
                    ..MetricDraft::default()
                },
            )
            .expect("metric")
            .id
    };
    let no_show = metric("No-show rate", MetricUnit::Percent);
    let denials = metric("Denied claims", MetricUnit::Dollars);
    let visits = metric("Visits per week", MetricUnit::Count);
    Clinic {
        store,
        rollout,
        no_show,
        denials,
        visits,
    }
}

fn csv(text: &str) -> Table {
    parse_table("pull.csv", text.as_bytes().to_vec()).expect("table")
}

fn values(clinic: &Clinic, metric: &str) -> Vec<(String, f64)> {
    let mut found: Vec<(String, f64)> = clinic
        .store
        .list_measurements(metric)
        .expect("values")
        .into_iter()
        .map(|m| (m.measured_on.to_string(), m.value))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn a_weekly_pull_imports_with_its_formats_and_reports_per_metric() {
    let clinic = clinic();
    let table = csv("Metric,Week of,Value,Notes\n\
        No-show rate,2026-11-02,14%,\n\
        no show rate,11/9/2026,13.5,after go-live\n\
        Denied claims,\"Nov 2, 2026\",\"$1,200\",\n\
        Visits per week,2026/11/02,\"1,234\",\n");
    let preview = clinic
        .store
        .preview_measurement_import(&clinic.rollout, &table)
        .expect("preview");
    assert_eq!(preview.added, 4);
    assert!(
        values(&clinic, &clinic.no_show).is_empty(),
        "a preview writes nothing"
    );

    let report = clinic
        .store
        .import_measurements(&clinic.rollout, &table)
        .expect("import");
    assert_eq!((report.rows, report.added, report.updated), (4, 4, 0));
    let names: Vec<(&str, usize)> = report
        .metrics
        .iter()
        .map(|m| (m.metric_name.as_str(), m.added))
        .collect();
    assert_eq!(
        names,
        [
            ("No-show rate", 2),
            ("Denied claims", 1),
            ("Visits per week", 1)
        ]
    );
    assert_eq!(
        values(&clinic, &clinic.no_show),
        [("2026-11-02".into(), 14.0), ("2026-11-09".into(), 13.5)],
        "'14%' and '13.5' are both percent points"
    );
    assert_eq!(
        values(&clinic, &clinic.denials),
        [("2026-11-02".into(), 1200.0)]
    );
    assert_eq!(
        values(&clinic, &clinic.visits),
        [("2026-11-02".into(), 1234.0)]
    );
    let stored = clinic
        .store
        .list_measurements(&clinic.no_show)
        .expect("values");
    assert_eq!(stored[0].note, "after go-live");
    assert_eq!(stored[0].source, "pull.csv", "the file is the source");

    let history = clinic
        .store
        .history(EntityKind::Metric, &clinic.no_show)
        .expect("history");
    assert_eq!(history[0].action, AuditAction::Update);
    assert_eq!(
        history[0].changes[0].new.as_deref(),
        Some("2 values added from pull.csv, 2026-11-02 to 2026-11-09"),
        "one audit entry per metric sums up the import"
    );
}

#[test]
fn a_column_of_fractions_is_read_as_percentages() {
    let clinic = clinic();
    let report = clinic
        .store
        .import_measurements(
            &clinic.rollout,
            &csv(
                "Metric,Date,Value\nNo-show rate,2026-11-02,0.12\nNo-show rate,2026-11-09,0.105\n",
            ),
        )
        .expect("fractions");
    assert!(
        report.metrics[0].read_as_fractions,
        "the report says how it read them"
    );
    assert_eq!(
        values(&clinic, &clinic.no_show),
        [("2026-11-02".into(), 12.0), ("2026-11-09".into(), 10.5)]
    );
}

#[test]
fn a_date_that_has_a_value_gets_the_files_and_the_report_names_it() {
    let clinic = clinic();
    clinic
        .store
        .record_measurement(
            &clinic.no_show,
            &MeasurementDraft {
                measured_on: "2026-11-02".into(),
                value: 15.0,
                ..MeasurementDraft::default()
            },
        )
        .expect("typed");
    let report = clinic
        .store
        .import_measurements(
            &clinic.rollout,
            &csv("Metric,Date,Value\nNo-show rate,2026-11-02,14\nNo-show rate,2026-11-09,13\n"),
        )
        .expect("import");
    assert_eq!((report.added, report.updated), (1, 1));
    assert_eq!(report.metrics[0].replaced_dates, [date("2026-11-02")]);
    let replaced = clinic
        .store
        .list_measurements(&clinic.no_show)
        .expect("values");
    let nov_2 = replaced
        .iter()
        .find(|m| m.measured_on == date("2026-11-02"))
        .expect("nov 2");
    assert_eq!(nov_2.value, 14.0);
    let history = clinic
        .store
        .history(EntityKind::MetricMeasurement, &nov_2.id)
        .expect("history");
    assert_eq!(
        history[0].changes[0].old.as_deref(),
        Some("15"),
        "the old value is in the log"
    );
    let again = clinic
        .store
        .import_measurements(
            &clinic.rollout,
            &csv("Metric,Date,Value\nNo-show rate,2026-11-02,14\n"),
        )
        .expect("again");
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 1));
}

#[test]
fn an_xlsx_pull_with_date_cells_serial_numbers_and_percent_cells_imports() {
    let clinic = clinic();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("metrics pull.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let dates = rust_xlsxwriter::Format::new().set_num_format("m/d/yyyy");
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    for (column, header) in ["Metric", "Date", "Value"].iter().enumerate() {
        sheet
            .write_string(0, column as u16, *header)
            .expect("header");
    }
    let nov_2 = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 11, 2).expect("date");
    sheet.write_string(1, 0, "No-show rate").expect("cell");
    sheet
        .write_datetime_with_format(1, 1, nov_2, &dates)
        .expect("cell");
    sheet
        .write_number_with_format(1, 2, 0.14, &percent)
        .expect("cell");
    sheet.write_string(2, 0, "No-show rate").expect("cell");
    // A date column that lost its format: the serial number of Nov 9, 2026.
    sheet.write_number(2, 1, 46335.0).expect("cell");
    sheet
        .write_number_with_format(2, 2, 0.125, &percent)
        .expect("cell");
    workbook.save(&path).expect("save");

    let report = clinic
        .store
        .import_measurements(&clinic.rollout, &read_table(&path).expect("read"))
        .expect("import");
    assert_eq!(report.added, 2);
    assert_eq!(
        values(&clinic, &clinic.no_show),
        [("2026-11-02".into(), 14.0), ("2026-11-09".into(), 12.5)],
        "percent-formatted cells hold fractions; they read as the percentages they show"
    );
}

/// Imports `text` as pull.csv into a fresh clinic; returns the error's row, column and
/// message, having checked that nothing was written.
fn refused(text: &str) -> (Option<usize>, Option<String>, String) {
    let clinic = clinic();
    clinic
        .store
        .record_measurement(
            &clinic.visits,
            &MeasurementDraft {
                measured_on: "2026-10-26".into(),
                value: 1100.0,
                ..MeasurementDraft::default()
            },
        )
        .expect("an earlier value");
    let error = clinic
        .store
        .import_measurements(&clinic.rollout, &csv(text))
        .expect_err("refused");
    for metric in [&clinic.no_show, &clinic.denials, &clinic.visits] {
        let kept = values(&clinic, metric);
        assert!(
            kept.is_empty() || kept == [("2026-10-26".to_string(), 1100.0)],
            "a refused import must not leave any row behind: {kept:?}"
        );
    }
    let history = clinic
        .store
        .history(EntityKind::Metric, &clinic.no_show)
        .expect("history");
    assert_eq!(history.len(), 1, "no audit entry for a refused import");
    match error {
        CoreError::Import {
            file,
            row,
            column,
            message,
        } => {
            assert_eq!(file, "pull.csv");
            assert!(message.ends_with("(nothing was imported)"), "{message}");
            (row, column, message)
        }
        other => panic!("expected an import error, got {other:?}"),
    }
}

const GOOD_ROW: &str = "Visits per week,2026-11-02,1300\n";

#[test]
fn a_value_that_is_not_a_number_is_refused() {
    let (row, column, message) = refused(&format!(
        "Metric,Date,Value\n{GOOD_ROW}No-show rate,2026-11-02,n/a\n"
    ));
    assert_eq!((row, column.as_deref()), (Some(3), Some("Value")));
    assert!(message.starts_with("'n/a' is not a number"), "{message}");
}

#[test]
fn a_fraction_beside_percent_points_is_refused_as_ambiguous() {
    let (row, column, message) =
        refused("Metric,Date,Value\nNo-show rate,2026-11-02,12\nNo-show rate,2026-11-09,0.12\n");
    assert_eq!((row, column.as_deref()), (Some(3), Some("Value")));
    assert_eq!(
        message,
        "'0.12' for No-show rate could mean 12% (a fraction) or 0.12%, and row 2 of the same \
         metric has 12 — write 12% or 0.12% to say which (nothing was imported)"
    );
}

#[test]
fn a_percentage_over_100_and_a_decimal_comma_are_refused() {
    let (row, _, message) = refused("Metric,Date,Value\nNo-show rate,2026-11-02,112%\n");
    assert_eq!(row, Some(2));
    assert!(
        message.contains("No-show rate's value cannot be 112"),
        "{message}"
    );
    let (_, column, message) = refused("Metric;Date;Value\nVisits per week;2026-11-02;12,5\n");
    assert_eq!(column.as_deref(), Some("Value"));
    assert!(message.contains("not a thousands separator"), "{message}");
}

#[test]
fn a_date_that_is_not_a_date_is_refused() {
    let (row, column, message) = refused(&format!(
        "Metric,Date,Value\n{GOOD_ROW}No-show rate,31/12/2026,12\n"
    ));
    assert_eq!((row, column.as_deref()), (Some(3), Some("Date")));
    assert!(
        message.starts_with("'31/12/2026' is not a date"),
        "{message}"
    );
}

#[test]
fn an_unknown_metric_lists_the_close_matches() {
    let (row, column, message) = refused(&format!(
        "Metric,Date,Value\n{GOOD_ROW}Noshow rte,2026-11-02,12\n"
    ));
    assert_eq!((row, column.as_deref()), (Some(3), Some("Metric")));
    assert_eq!(
        message,
        "no metric of this rollout is called 'Noshow rte'; did you mean 'No-show rate'? \
         (nothing was imported)"
    );
    let (_, _, message) = refused("Metric,Date,Value\nPortal activation,2026-11-02,12\n");
    assert!(
        message.contains("its metrics are 'No-show rate', 'Denied claims' or 'Visits per week'"),
        "with nothing close, every metric is named: {message}"
    );
}

#[test]
fn the_same_metric_and_date_twice_names_both_rows() {
    let (row, column, message) = refused(
        "Metric,Date,Value\nNo-show rate,2026-11-02,12\nVisits per week,2026-11-02,1300\nno-show rate,11/2/2026,13\n",
    );
    assert_eq!((row, column.as_deref()), (Some(4), Some("Date")));
    assert_eq!(
        message,
        "No-show rate has a second value for 2026-11-02 here; the first is on row 2. Keep one \
         of the two rows (nothing was imported)"
    );
}

#[test]
fn a_missing_column_is_named_with_the_headers_found() {
    let clinic = clinic();
    let error = clinic
        .store
        .import_measurements(
            &clinic.rollout,
            &csv("Metric,Date,Result value\nNo-show rate,2026-11-02,12\n"),
        )
        .expect_err("no value column");
    assert_eq!(
        error.to_string(),
        "pull.csv, column 'Value': the column 'Value' is missing (a header such as Value, \
         Result or Actual); found Metric, Date, Result value"
    );
    assert!(values(&clinic, &clinic.no_show).is_empty());
}
