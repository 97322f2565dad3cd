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

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::definitions::list_live_metrics;
use super::format::number_text;
use super::names::MetricNames;
use super::validate::check_value;
use super::values::{parse_date, parse_value, CellValue};
use super::{Metric, MetricUnit};
use crate::audit::{self, AuditAction, EntityKind, FieldChange};
use crate::import::{find_column, Table, TableRow};
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

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

struct Columns {
    metric: usize,
    date: usize,
    value: usize,
    note: Option<usize>,
    source: Option<usize>,
}

/// A checked row, waiting to be written.
struct Reading<'t> {
    metric: usize,
    date: NaiveDate,
    /// The cell as written, and as read.
    text: &'t str,
    cell: CellValue,
    /// The value to store, once percentages are settled.
    value: f64,
    note: &'t str,
    source: &'t str,
    row: &'t TableRow,
}

fn run(tx: &Transaction<'_>, rollout_id: &str, table: &Table) -> Result<MeasurementImportReport> {
    crate::rollouts::require_rollout(tx, rollout_id)?;
    let columns = find_columns(table)?;
    let refuse = |row: &TableRow, column: usize, message: String| CoreError::Import {
        file: table.file.clone(),
        row: Some(row.line),
        column: table.headers.get(column).cloned(),
        message: format!("{message} (nothing was imported)"),
    };
    let metrics = list_live_metrics(tx, rollout_id)?;
    let names = MetricNames::new(&metrics);
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
        percent_readings(&metrics, &readings).map_err(|(row, m)| refuse(row, columns.value, m))?;
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
    write(tx, table, &metrics, &readings, &fractions)
}

/// Which percentage metrics have their plain numbers written as fractions; refuses a
/// metric that mixes fractions with plain numbers above 1.
fn percent_readings<'t>(
    metrics: &[Metric],
    readings: &[Reading<'t>],
) -> std::result::Result<Vec<bool>, (&'t TableRow, String)> {
    let mut fraction: Vec<Option<&Reading<'t>>> = vec![None; metrics.len()];
    let mut above_one: Vec<Option<&Reading<'t>>> = vec![None; metrics.len()];
    for reading in readings {
        let cell = reading.cell;
        if metrics[reading.metric].unit != MetricUnit::Percent || cell.percent_sign {
            continue;
        }
        if cell.number > 0.0 && cell.number < 1.0 {
            fraction[reading.metric].get_or_insert(reading);
        } else if cell.number > 1.0 {
            above_one[reading.metric].get_or_insert(reading);
        }
    }
    let mut fractions = vec![false; metrics.len()];
    for (metric, (fraction, above)) in fraction.iter().zip(&above_one).enumerate() {
        match (fraction, above) {
            (Some(f), Some(a)) => {
                let as_fraction = number_text(f.cell.number * 100.0);
                return Err((
                    f.row,
                    format!(
                        "'{}' for {} could mean {as_fraction}% (a fraction) or {}%, and row {} \
                         of the same metric has {} — write {as_fraction}% or {}% to say which",
                        f.text, metrics[metric].name, f.text, a.row.line, a.text, f.text
                    ),
                ));
            }
            (Some(_), None) => fractions[metric] = true,
            _ => {}
        }
    }
    Ok(fractions)
}

fn write(
    tx: &Transaction<'_>,
    table: &Table,
    metrics: &[Metric],
    readings: &[Reading<'_>],
    fractions: &[bool],
) -> Result<MeasurementImportReport> {
    let at = timestamp_text(now());
    let mut counts: Vec<Option<MetricImportCount>> = vec![None; metrics.len()];
    let mut order = Vec::new();
    let mut existing: Vec<Option<LiveValues>> = vec![None; metrics.len()];
    let mut first_last: Vec<Option<(NaiveDate, NaiveDate)>> = vec![None; metrics.len()];
    let mut insert = tx.prepare_cached(
        "INSERT INTO metric_measurements (id, metric_id, measured_on, value, note, source,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE metric_measurements SET value = ?1, note = ?2, source = ?3, updated_at = ?4,
             row_version = row_version + 1
         WHERE id = ?5",
    )?;
    for reading in readings {
        let metric = &metrics[reading.metric];
        let count = counts[reading.metric].get_or_insert_with(|| {
            order.push(reading.metric);
            MetricImportCount {
                metric_id: metric.id.clone(),
                metric_name: metric.name.clone(),
                added: 0,
                updated: 0,
                unchanged: 0,
                replaced_dates: Vec::new(),
                read_as_fractions: fractions[reading.metric],
            }
        });
        let known = match &mut existing[reading.metric] {
            Some(known) => known,
            slot => slot.insert(live_values(tx, &metric.id)?),
        };
        let date = date_text(reading.date);
        match known.get(&date) {
            Some((_, value, note)) if *value == reading.value && note == reading.note => {
                count.unchanged += 1;
            }
            Some((id, old_value, old_note)) => {
                update.execute(params![reading.value, reading.note, reading.source, at, id])?;
                let mut changes = vec![FieldChange {
                    field: "value".into(),
                    old: Some(old_value.to_string()),
                    new: Some(reading.value.to_string()),
                }];
                if old_note != reading.note {
                    changes.push(FieldChange {
                        field: "note".into(),
                        old: Some(old_note.clone()).filter(|n| !n.is_empty()),
                        new: Some(reading.note.to_owned()).filter(|n| !n.is_empty()),
                    });
                }
                audit::record(
                    tx,
                    &at,
                    EntityKind::MetricMeasurement,
                    id,
                    AuditAction::Update,
                    &changes,
                )?;
                count.updated += 1;
                count.replaced_dates.push(reading.date);
            }
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                insert.execute(params![
                    id,
                    metric.id,
                    date,
                    reading.value,
                    reading.note,
                    reading.source,
                    at
                ])?;
                count.added += 1;
                let span = first_last[reading.metric].get_or_insert((reading.date, reading.date));
                span.0 = span.0.min(reading.date);
                span.1 = span.1.max(reading.date);
            }
        }
    }
    let mut metrics_counts = Vec::with_capacity(order.len());
    for metric in order {
        let Some(count) = counts[metric].take() else {
            continue;
        };
        if let Some((first, last)) = first_last[metric] {
            let summary = format!(
                "{} values added from {}, {} to {}",
                count.added,
                table.file,
                date_text(first),
                date_text(last)
            );
            let change = FieldChange {
                field: "measurements".into(),
                old: None,
                new: Some(summary),
            };
            audit::record(
                tx,
                &at,
                EntityKind::Metric,
                &count.metric_id,
                AuditAction::Update,
                &[change],
            )?;
        }
        metrics_counts.push(count);
    }
    Ok(MeasurementImportReport {
        file: table.file.clone(),
        rows: readings.len(),
        added: metrics_counts.iter().map(|c| c.added).sum(),
        updated: metrics_counts.iter().map(|c| c.updated).sum(),
        unchanged: metrics_counts.iter().map(|c| c.unchanged).sum(),
        metrics: metrics_counts,
    })
}

/// A metric's live values by date (as stored): id, value and note.
type LiveValues = HashMap<String, (String, f64, String)>;

fn live_values(tx: &Transaction<'_>, metric_id: &str) -> Result<LiveValues> {
    let mut statement = tx.prepare_cached(
        "SELECT measured_on, id, value, note FROM metric_measurements
         WHERE metric_id = ?1 AND deleted_at IS NULL",
    )?;
    let found = statement.query_map(params![metric_id], |row| {
        Ok((row.get(0)?, (row.get(1)?, row.get(2)?, row.get(3)?)))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

fn find_columns(table: &Table) -> Result<Columns> {
    let find = |names: &[&str]| find_column(&table.headers, names);
    let required = |label: &str, names: &[&str], examples: &str| {
        find(names).ok_or_else(|| CoreError::Import {
            file: table.file.clone(),
            row: None,
            column: Some(label.to_owned()),
            message: format!(
                "the column '{label}' is missing (a header such as {examples}); found {}",
                table.headers.join(", ")
            ),
        })
    };
    Ok(Columns {
        metric: required(
            "Metric",
            &["metric", "metric name", "measure", "kpi", "indicator"],
            "Metric or Measure",
        )?,
        date: required(
            "Date",
            &[
                "date",
                "measured on",
                "week",
                "week of",
                "week ending",
                "period",
                "as of",
                "day",
            ],
            "Date, Week of or Period",
        )?,
        value: required(
            "Value",
            &["value", "result", "actual", "amount", "measurement"],
            "Value, Result or Actual",
        )?,
        note: find(&["note", "notes", "comment", "comments"]),
        source: find(&["source", "data source"]),
    })
}
