//! The `metrics` table: a metric's definition, baseline and target. Reads attach the
//! metric's live thresholds, so a [`Metric`] always comes back whole.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::thresholds::attach;
use crate::metrics::validate::ValidMetric;
use crate::metrics::{DatedValue, Metric};
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::time::date_text;
use crate::Result;

const SELECT: &str = "SELECT m.id, m.rollout_id, m.name, m.definition, m.numerator,
        m.denominator, m.unit, m.direction, m.indicator, m.data_source, m.cadence, m.owner_id,
        coalesce(p.name, '') AS owner_name, m.baseline_value, m.baseline_date, m.target_value,
        m.target_date, m.created_at, m.updated_at, m.deleted_at, m.row_version
    FROM metrics m LEFT JOIN people p ON p.id = m.owner_id";

/// One metric, live or in the trash, with its live thresholds.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Metric> {
    let mut metric = rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE m.id = ?1"),
        id,
        "Metric",
        from_row,
    )?;
    attach(conn, std::slice::from_mut(&mut metric))?;
    Ok(metric)
}

/// A rollout's live metrics with their live thresholds, oldest first.
pub(crate) fn list_live(conn: &Connection, rollout_id: &str) -> Result<Vec<Metric>> {
    query(
        conn,
        "WHERE m.rollout_id = ?1 AND m.deleted_at IS NULL ORDER BY m.created_at, m.id",
        rollout_id,
    )
}

/// A rollout's metrics in the trash, most recently trashed first.
pub(crate) fn list_trashed(conn: &Connection, rollout_id: &str) -> Result<Vec<Metric>> {
    query(
        conn,
        "WHERE m.rollout_id = ?1 AND m.deleted_at IS NOT NULL ORDER BY m.deleted_at DESC",
        rollout_id,
    )
}

/// Every live metric of every live rollout, with thresholds: the dashboard's input.
pub(crate) fn list_all_live(conn: &Connection) -> Result<Vec<Metric>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} JOIN rollouts r ON r.id = m.rollout_id
         WHERE m.deleted_at IS NULL AND r.deleted_at IS NULL ORDER BY m.created_at, m.id"
    ))?;
    let mut metrics: Vec<Metric> = statement
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    super::thresholds::attach_to_many(conn, &mut metrics)?;
    Ok(metrics)
}

/// The live metrics a person owns, in rollouts still open (not in the trash, not
/// closed), oldest first.
pub(crate) fn list_live_owned_by(conn: &Connection, person_id: &str) -> Result<Vec<Metric>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} JOIN rollouts r ON r.id = m.rollout_id
         WHERE m.owner_id = ?1 AND m.deleted_at IS NULL AND r.deleted_at IS NULL
           AND r.phase <> 'closed'
         ORDER BY m.created_at, m.id"
    ))?;
    let mut metrics: Vec<Metric> = statement
        .query_map(params![person_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    attach(conn, &mut metrics)?;
    Ok(metrics)
}

fn query(conn: &Connection, filter_and_order: &str, rollout_id: &str) -> Result<Vec<Metric>> {
    let mut statement = conn.prepare_cached(&format!("{SELECT} {filter_and_order}"))?;
    let mut metrics: Vec<Metric> = statement
        .query_map(params![rollout_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    attach(conn, &mut metrics)?;
    Ok(metrics)
}

/// The name of the rollout's live metric called `name` (ignoring case), if there is one.
pub(crate) fn live_named(
    conn: &Connection,
    rollout_id: &str,
    name: &str,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT name FROM metrics
             WHERE rollout_id = ?1 AND name = ?2 COLLATE NOCASE AND deleted_at IS NULL",
        )?
        .query_row(params![rollout_id, name.trim()], |row| row.get(0))
        .optional()?)
}

/// Every rollout's name by id, trash included: the status lists name the rollout of
/// each metric they show.
pub(crate) fn rollout_names(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut statement = conn.prepare_cached("SELECT id, name FROM rollouts")?;
    let found = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// Inserts a checked metric under `id`, created and updated `at`.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    rollout_id: &str,
    valid: &ValidMetric,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO metrics (id, rollout_id, name, definition, numerator, denominator, unit,
             direction, indicator, data_source, cadence, owner_id, baseline_value,
             baseline_date, target_value, target_date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
    )?
    .execute(params![
        id,
        rollout_id,
        valid.name,
        valid.definition,
        valid.numerator,
        valid.denominator,
        valid.unit.code(),
        valid.direction.code(),
        valid.indicator.code(),
        valid.data_source,
        valid.cadence.code(),
        valid.owner_id,
        valid.baseline.map(|b| b.value),
        valid.baseline.map(|b| date_text(b.date)),
        valid.target.map(|t| t.value),
        valid.target.map(|t| date_text(t.date)),
        at
    ])?;
    Ok(())
}

/// Replaces the definition of the metric `id` as it was at `expected_row_version`; a
/// row that has moved on since is a conflict naming `label`, and nothing is written.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    label: &str,
    valid: &ValidMetric,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE metrics SET name = ?1, definition = ?2, numerator = ?3, denominator = ?4,
                 unit = ?5, direction = ?6, indicator = ?7, data_source = ?8, cadence = ?9,
                 owner_id = ?10, baseline_value = ?11, baseline_date = ?12,
                 target_value = ?13, target_date = ?14, updated_at = ?15,
                 row_version = row_version + 1
             WHERE id = ?16 AND row_version = ?17",
        )?
        .execute(params![
            valid.name,
            valid.definition,
            valid.numerator,
            valid.denominator,
            valid.unit.code(),
            valid.direction.code(),
            valid.indicator.code(),
            valid.data_source,
            valid.cadence.code(),
            valid.owner_id,
            valid.baseline.map(|b| b.value),
            valid.baseline.map(|b| date_text(b.date)),
            valid.target.map(|t| t.value),
            valid.target.map(|t| date_text(t.date)),
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, label)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Metric> {
    let parse = |column: &str| -> rusqlite::Result<String> { row.get(column) };
    let dated = |value: &str, date: &str| -> rusqlite::Result<Option<DatedValue>> {
        let value: Option<f64> = row.get(value)?;
        let date: Option<NaiveDate> = rows::date(row, date)?;
        Ok(value
            .zip(date)
            .map(|(value, date)| DatedValue { date, value }))
    };
    Ok(Metric {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        name: row.get("name")?,
        definition: row.get("definition")?,
        numerator: row.get("numerator")?,
        denominator: row.get("denominator")?,
        unit: parse("unit")?
            .parse()
            .map_err(|_| rows::unreadable("unit"))?,
        direction: parse("direction")?
            .parse()
            .map_err(|_| rows::unreadable("direction"))?,
        indicator: parse("indicator")?
            .parse()
            .map_err(|_| rows::unreadable("indicator"))?,
        data_source: row.get("data_source")?,
        cadence: parse("cadence")?
            .parse()
            .map_err(|_| rows::unreadable("cadence"))?,
        owner_id: row.get("owner_id")?,
        owner_name: row.get("owner_name")?,
        baseline: dated("baseline_value", "baseline_date")?,
        target: dated("target_value", "target_date")?,
        watch: None,
        act: None,
        created_at: rows::required_timestamp(row, "created_at")?,
        updated_at: rows::required_timestamp(row, "updated_at")?,
        deleted_at: rows::timestamp(row, "deleted_at")?,
        row_version: row.get("row_version")?,
    })
}
