//! Importing measurements from a CSV or XLSX file — the weekly metric pull.
//!
//! Columns (recognised by their usual headers): metric, date and value are required;
//! note and source are optional (the source defaults to the file's name). Rules:
//! - The metric cell names one of the rollout's metrics, ignoring case, spaces and
//!   punctuation ("no show rate" is "No-show rate"); a name that matches none is
//!   refused, listing the closest names.
//! - Percentages: "12%" and "12" both mean 12 %. A plain number between 0 and 1 is read
//!   as a fraction (0.12 → 12 %), which is how Excel stores cells formatted as
//!   percentages — when every plain number of that metric in the file is between 0
//!   and 1. If the same metric also has plain numbers above 1, a fraction is ambiguous
//!   and refused, naming the row: write 12% or 0.12% to say which.
//! - One value per metric and date: the same metric and date twice in the file is
//!   refused naming both rows. A date that already has a value in Rollplan gets the
//!   file's value (a re-pulled report corrects earlier numbers); the report lists the
//!   replaced dates and the audit log keeps the old values.
//! - All or nothing: the first bad row stops the import, naming file, row and column.
//!
//! Speed: the rows are checked first, then written in the one transaction with cached
//! statements. New values are audited with one entry per metric and import (how many,
//! which dates, from which file); replaced values get an entry each, with the old value.

mod columns;
mod fractions;
mod write;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::names::MetricNames;
use super::validate::check_value;
use super::values::{parse_date, parse_value, CellValue};
use super::Metric;
use crate::import::{Table, TableRow};
use crate::time::date_text;
use crate::{CoreError, Result, Store};
use columns::find_columns;
use fractions::percent_readings;
use write::run;

/// What a measurement import does, or did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MeasurementImportReport {
    pub file: String,
    /// Data rows read.
    pub rows: usize,
    pub added: usize,
    /// Dates that had a value and got the file's.
    pub updated: usize,
    /// Dates that already had exactly the file's value and note.
    pub unchanged: usize,
    /// Per metric of the file, in the order they first appear.
    pub metrics: Vec<MetricImportCount>,
}

/// One metric's part of an import.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricImportCount {
    pub metric_id: String,
    pub metric_name: String,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// The dates whose earlier value was replaced.
    pub replaced_dates: Vec<NaiveDate>,
    /// The plain numbers of this percentage metric were fractions (0.12 → 12 %).
    pub read_as_fractions: bool,
}

impl Store {
    /// What importing `table` into the rollout's metrics would do; writes nothing.
    pub fn preview_measurement_import(
        &self,
        rollout_id: &str,
        table: &Table,
    ) -> Result<MeasurementImportReport> {
        self.dry_run(|tx| run(tx, rollout_id, table))
    }

    /// Imports `table` into the rollout's metrics in one transaction, after a
    /// `before-import` backup: every row, or none.
    pub fn import_measurements(
        &self,
        rollout_id: &str,
        table: &Table,
    ) -> Result<MeasurementImportReport> {
        self.write_after_backup(|tx| run(tx, rollout_id, table))
    }
}

/// A checked row, waiting to be written.
pub(super) struct Reading<'t> {
    /// The metric's position in the rollout's list.
    pub metric: usize,
    pub date: NaiveDate,
    /// The cell as written, and as read.
    pub text: &'t str,
    pub cell: CellValue,
    /// The value to store, once percentages are settled.
    pub value: f64,
    pub note: &'t str,
    pub source: &'t str,
    pub row: &'t TableRow,
}

/// The file's rows checked against the rollout's `metrics`, with, per metric, whether
/// its plain numbers were read as fractions; the first bad row refuses the import.
pub(super) struct Checked<'t> {
    pub readings: Vec<Reading<'t>>,
    pub fractions: Vec<bool>,
}

/// Reads every row of `table` against the rollout's `metrics`: which metric, which
/// date, which value; refuses the first row that cannot be imported, naming it.
fn check<'t>(table: &'t Table, metrics: &[Metric]) -> Result<Checked<'t>> {
    let columns = find_columns(table)?;
    let refuse = |row: &TableRow, column: usize, message: String| CoreError::Import {
        file: table.file.clone(),
        row: Some(row.line),
        column: table.headers.get(column).cloned(),
        message: format!("{message} (nothing was imported)"),
    };
    let names = MetricNames::new(metrics);
    let mut readings: Vec<Reading<'_>> = Vec::with_capacity(table.rows.len());
    let mut first_row_of: HashMap<(usize, NaiveDate), usize> =
        HashMap::with_capacity(table.rows.len());
    for row in &table.rows {
        let name = row.cell(Some(columns.metric));
        let metric = names
            .find(name)
            .map_err(|message| refuse(row, columns.metric, message))?;
        let date =
            parse_date(row.cell(Some(columns.date))).map_err(|m| refuse(row, columns.date, m))?;
        if let Some(first) = first_row_of.insert((metric, date), row.line) {
            return Err(refuse(
                row,
                columns.date,
                format!(
                    "{} has a second value for {} here; the first is on row {first}. Keep one of \
                     the two rows",
                    metrics[metric].name,
                    date_text(date)
                ),
            ));
        }
        let text = row.cell(Some(columns.value));
        let cell = parse_value(text, metrics[metric].unit, &metrics[metric].name)
            .map_err(|m| refuse(row, columns.value, m))?;
        readings.push(Reading {
            metric,
            date,
            text,
            cell,
            value: cell.number,
            note: row.cell(columns.note),
            source: match row.cell(columns.source) {
                "" => table.file.as_str(),
                source => source,
            },
            row,
        });
    }
    let fractions =
        percent_readings(metrics, &readings).map_err(|(row, m)| refuse(row, columns.value, m))?;
    for reading in &mut readings {
        if fractions[reading.metric] && !reading.cell.percent_sign {
            // Rounded so 0.12 reads back as 12, not 12.000000000000002.
            reading.value = (reading.cell.number * 100.0 * 1e9).round() / 1e9;
        }
        let metric = &metrics[reading.metric];
        let mut errors = Vec::new();
        check_value(
            metric.unit,
            reading.value,
            "value",
            &format!("{}'s value", metric.name),
            &mut errors,
        );
        if let Some(error) = errors.into_iter().next() {
            return Err(refuse(
                reading.row,
                columns.value,
                error.message.trim_end_matches('.').to_owned(),
            ));
        }
    }
    Ok(Checked {
        readings,
        fractions,
    })
}
