//! The `metric_measurements` table: one value per metric and date (among the live
//! rows), typed in, imported or recorded by the weekly entry.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::metrics::{DatedValue, Measurement};
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::time::date_text;
use crate::Result;

const SELECT: &str = "SELECT id, metric_id, measured_on, value, note, source, created_at,
        updated_at, deleted_at, row_version
    FROM metric_measurements";

/// What a measurement row stores.
pub(crate) struct MeasurementValues<'a> {
    pub measured_on: NaiveDate,
    pub value: f64,
    pub note: &'a str,
    pub source: &'a str,
}

/// A live value as an import compares it with a file's: keyed by its stored date.
pub(crate) struct LiveValue {
    pub id: String,
    pub value: f64,
    pub note: String,
    pub row_version: i64,
}

/// One measurement, live or in the trash.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Measurement> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE id = ?1"),
        id,
        "Measurement",
        from_row,
    )
}

/// A metric's live values, newest first; at most `limit` of them when given.
pub(crate) fn list_live(
    conn: &Connection,
    metric_id: &str,
    limit: Option<usize>,
) -> Result<Vec<Measurement>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE metric_id = ?1 AND deleted_at IS NULL ORDER BY measured_on DESC LIMIT ?2"
    ))?;
    // SQLite reads a negative LIMIT as no limit.
    let limit = limit.map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
    let found = statement.query_map(params![metric_id, limit], from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// A metric's values in the trash, most recently trashed first.
pub(crate) fn list_trashed(conn: &Connection, metric_id: &str) -> Result<Vec<Measurement>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE metric_id = ?1 AND deleted_at IS NOT NULL ORDER BY deleted_at DESC"
    ))?;
    let found = statement.query_map(params![metric_id], from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The live value of a metric on a date.
pub(crate) fn live_on(
    conn: &Connection,
    metric_id: &str,
    date: NaiveDate,
) -> Result<Option<Measurement>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE metric_id = ?1 AND measured_on = ?2 AND deleted_at IS NULL"
    ))?;
    Ok(statement
        .query_row(params![metric_id, date_text(date)], from_row)
        .optional()?)
}

/// A metric's live values in date order, as a chart draws them.
pub(crate) fn series(conn: &Connection, metric_id: &str) -> Result<Vec<DatedValue>> {
    let mut statement = conn.prepare_cached(
        "SELECT measured_on, value FROM metric_measurements
         WHERE metric_id = ?1 AND deleted_at IS NULL ORDER BY measured_on",
    )?;
    let found = statement.query_map(params![metric_id], dated_value)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// A metric's live values from `from` to `to` (both included) in date order: an
/// improvement cycle's Do window, read along the (metric, date) index.
pub(crate) fn series_between(
    conn: &Connection,
    metric_id: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DatedValue>> {
    let mut statement = conn.prepare_cached(
        "SELECT measured_on, value FROM metric_measurements
         WHERE metric_id = ?1 AND deleted_at IS NULL AND measured_on BETWEEN ?2 AND ?3
         ORDER BY measured_on",
    )?;
    let found = statement.query_map(
        params![metric_id, date_text(from), date_text(to)],
        dated_value,
    )?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// A metric's most recent live value, `?1` its id: one step down
/// metric_measurements_latest, which holds the value, so no row is read.
pub(super) const LATEST: &str = "SELECT measured_on, value FROM metric_measurements
     WHERE metric_id = ?1 AND deleted_at IS NULL ORDER BY measured_on DESC LIMIT 1";

/// A metric's most recent live value (see [`LATEST`]).
pub(crate) fn latest(conn: &Connection, metric_id: &str) -> Result<Option<DatedValue>> {
    let mut statement = conn.prepare_cached(LATEST)?;
    Ok(statement
        .query_row(params![metric_id], dated_value)
        .optional()?)
}

/// A metric's latest live value measured on or before `date`: what its status stood on
/// then.
pub(crate) fn latest_by(
    conn: &Connection,
    metric_id: &str,
    date: NaiveDate,
) -> Result<Option<DatedValue>> {
    let mut statement = conn.prepare_cached(
        "SELECT measured_on, value FROM metric_measurements
         WHERE metric_id = ?1 AND deleted_at IS NULL AND measured_on <= ?2
         ORDER BY measured_on DESC LIMIT 1",
    )?;
    Ok(statement
        .query_row(params![metric_id, date_text(date)], dated_value)
        .optional()?)
}

/// A metric's live values by date as stored (`YYYY-MM-DD`), for an import to compare.
pub(crate) fn live_by_date(
    conn: &Connection,
    metric_id: &str,
) -> Result<HashMap<String, LiveValue>> {
    let mut statement = conn.prepare_cached(
        "SELECT measured_on, id, value, note, row_version FROM metric_measurements
         WHERE metric_id = ?1 AND deleted_at IS NULL",
    )?;
    let found = statement.query_map(params![metric_id], |row| {
        Ok((
            row.get(0)?,
            LiveValue {
                id: row.get(1)?,
                value: row.get(2)?,
                note: row.get(3)?,
                row_version: row.get(4)?,
            },
        ))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// Inserts a value of `metric_id` under `id`, created and updated `at`.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    metric_id: &str,
    values: &MeasurementValues<'_>,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO metric_measurements (id, metric_id, measured_on, value, note, source,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
    )?
    .execute(params![
        id,
        metric_id,
        date_text(values.measured_on),
        values.value,
        values.note,
        values.source,
        at
    ])?;
    Ok(())
}

/// Rewrites the value `id` as it was at `expected_row_version`; a row that has moved on
/// since is a conflict naming `label`, and nothing is written.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    label: &str,
    values: &MeasurementValues<'_>,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE metric_measurements SET measured_on = ?1, value = ?2, note = ?3,
                 source = ?4, updated_at = ?5, row_version = row_version + 1
             WHERE id = ?6 AND row_version = ?7",
        )?
        .execute(params![
            date_text(values.measured_on),
            values.value,
            values.note,
            values.source,
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, label)
}

fn dated_value(row: &Row<'_>) -> rusqlite::Result<DatedValue> {
    Ok(DatedValue {
        date: rows::date(row, "measured_on")?.ok_or_else(|| rows::unreadable("measured_on"))?,
        value: row.get("value")?,
    })
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Measurement> {
    Ok(Measurement {
        id: row.get("id")?,
        metric_id: row.get("metric_id")?,
        measured_on: rows::date(row, "measured_on")?
            .ok_or_else(|| rows::unreadable("measured_on"))?,
        value: row.get("value")?,
        note: row.get("note")?,
        source: row.get("source")?,
        created_at: rows::required_timestamp(row, "created_at")?,
        updated_at: rows::required_timestamp(row, "updated_at")?,
        deleted_at: rows::timestamp(row, "deleted_at")?,
        row_version: row.get("row_version")?,
    })
}
