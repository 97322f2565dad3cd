//! How the importers read one cell — a date, a number in a metric's unit — and how the
//! app writes a number back. Public so that anything else reading a spreadsheet cell
//! (the command line, the tests) reads it exactly as an import does.

use chrono::NaiveDate;

use crate::metrics::{CellValue, MetricUnit};

/// A task list's date cell: empty is no date; YYYY-MM-DD or US month/day/year, with or
/// without a weekday ("Mon 3/2/26"). The error is the message the import shows.
pub fn task_date(text: &str) -> Result<Option<NaiveDate>, String> {
    crate::plan::parse_import_date(text)
}

/// A measurement's date cell: ISO, US, written out ("Dec 1, 2026") or an Excel serial
/// number. The error is the message the import shows.
pub fn measurement_date(text: &str) -> Result<NaiveDate, String> {
    crate::metrics::parse_measurement_date(text)
}

/// A measurement's value cell for a metric in `unit` ("12%", "$1,200", "1,234.5");
/// `metric` names the metric in the error.
pub fn measurement_value(text: &str, unit: MetricUnit, metric: &str) -> Result<CellValue, String> {
    crate::metrics::parse_value(text, unit, metric)
}

/// A number as the app shows it: one decimal at most, thousands separated ("1,234.5").
pub fn number_text(value: f64) -> String {
    crate::metrics::format::number_text(value)
}

/// A number in its unit as the app shows it ("41%", "$1,200", "12 min").
pub fn value_text(value: f64, unit: MetricUnit) -> String {
    crate::metrics::format::value_text(value, unit)
}

/// A date as the store and the forms take it: YYYY-MM-DD only.
pub fn iso_date(text: &str) -> Option<NaiveDate> {
    crate::time::parse_date(text)
}
