//! The `pdsa_cycles` table: one row per cycle, its metric's name, unit and direction
//! read beside it, and its Study computed from the metric's values in the Do window as
//! the metrics store reads them.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};

use crate::improvement::study::{study, StudyInput};
use crate::improvement::validate::{ValidAct, ValidCycle};
use crate::improvement::{
    is_early, stage_on, ActRecord, ChartCycle, PdsaAct, PdsaCycle, Prediction,
};
use crate::metrics::{series_between, DatedValue, Direction, MetricUnit};
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::time::date_text;
use crate::Result;

const SELECT: &str = "SELECT c.id, c.rollout_id, c.metric_id, m.name AS metric_name,
        m.unit, m.direction, c.change, c.prediction_value, c.prediction_date,
        c.prediction_reason, c.do_from, c.do_to, c.act, c.act_rationale, c.act_on,
        c.decision_id, c.row_version, c.deleted_at
    FROM pdsa_cycles c JOIN metrics m ON m.id = c.metric_id";

/// The order of a ramp: the order the cycles ran.
const RAMP: &str = "c.do_from, c.created_at";

/// A cycle as stored: everything but its Study and its stage, which depend on more
/// than the row.
struct Stored {
    id: String,
    rollout_id: String,
    metric_id: String,
    metric_name: String,
    unit: MetricUnit,
    direction: Direction,
    change: String,
    prediction: Prediction,
    do_from: NaiveDate,
    do_to: NaiveDate,
    act: Option<ActRecord>,
    row_version: i64,
    deleted: bool,
}

fn required_date(row: &Row<'_>, column: &str) -> rusqlite::Result<NaiveDate> {
    rows::date(row, column)?.ok_or_else(|| rows::unreadable(column))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Stored> {
    let unit =
        MetricUnit::from_code(rows::text(row, "unit")?).ok_or_else(|| rows::unreadable("unit"))?;
    let direction = Direction::from_code(rows::text(row, "direction")?)
        .ok_or_else(|| rows::unreadable("direction"))?;
    let do_to = required_date(row, "do_to")?;
    let act = match row.get::<_, Option<String>>("act")? {
        Some(code) => {
            let decided_on = required_date(row, "act_on")?;
            Some(ActRecord {
                act: PdsaAct::from_code(&code).ok_or_else(|| rows::unreadable("act"))?,
                rationale: row.get("act_rationale")?,
                decided_on,
                decision_id: row.get("decision_id")?,
                early: is_early(decided_on, do_to),
            })
        }
        None => None,
    };
    Ok(Stored {
        id: row.get("id")?,
        rollout_id: row.get("rollout_id")?,
        metric_id: row.get("metric_id")?,
        metric_name: row.get("metric_name")?,
        unit,
        direction,
        change: row.get("change")?,
        prediction: Prediction {
            value: row.get("prediction_value")?,
            date: required_date(row, "prediction_date")?,
            reason: row.get("prediction_reason")?,
        },
        do_from: required_date(row, "do_from")?,
        do_to,
        act,
        row_version: row.get("row_version")?,
        deleted: row.get::<_, Option<String>>("deleted_at")?.is_some(),
    })
}

/// The cycle with its Study from the metric's values and its stage on `today`.
fn studied(conn: &Connection, s: Stored, today: NaiveDate) -> Result<(PdsaCycle, bool)> {
    let series = series_between(conn, &s.metric_id, s.do_from, s.do_to)?;
    let study = study(&StudyInput {
        unit: s.unit,
        direction: s.direction,
        predicted: DatedValue {
            date: s.prediction.date,
            value: s.prediction.value,
        },
        do_from: s.do_from,
        do_to: s.do_to,
        series: &series,
    });
    let stage = stage_on(s.do_from, s.do_to, s.act.is_some(), today);
    let cycle = PdsaCycle {
        id: s.id,
        rollout_id: s.rollout_id,
        metric_id: s.metric_id,
        metric_name: s.metric_name,
        unit: s.unit,
        direction: s.direction,
        change: s.change,
        prediction: s.prediction,
        do_from: s.do_from,
        do_to: s.do_to,
        act: s.act,
        stage,
        study,
        row_version: s.row_version,
    };
    Ok((cycle, s.deleted))
}

/// One cycle, live or in the trash, and whether it is in the trash.
pub(crate) fn fetch(conn: &Connection, id: &str, today: NaiveDate) -> Result<(PdsaCycle, bool)> {
    let stored = rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE c.id = ?1"),
        id,
        "Improvement cycle",
        from_row,
    )?;
    studied(conn, stored, today)
}

fn list_where(
    conn: &Connection,
    condition: &str,
    key: &str,
    today: NaiveDate,
) -> Result<Vec<PdsaCycle>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE {condition} AND c.deleted_at IS NULL AND m.deleted_at IS NULL
         ORDER BY m.created_at, m.id, {RAMP}"
    ))?;
    let stored = statement
        .query_map(params![key], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    stored
        .into_iter()
        .map(|s| Ok(studied(conn, s, today)?.0))
        .collect()
}

/// A metric's live cycles in ramp order.
pub(crate) fn list_for_metric(
    conn: &Connection,
    metric_id: &str,
    today: NaiveDate,
) -> Result<Vec<PdsaCycle>> {
    list_where(conn, "c.metric_id = ?1", metric_id, today)
}

/// A rollout's live cycles on its live metrics, metric by metric in the order they
/// were defined, each ramp in order.
pub(crate) fn list_for_rollout(
    conn: &Connection,
    rollout_id: &str,
    today: NaiveDate,
) -> Result<Vec<PdsaCycle>> {
    list_where(conn, "c.rollout_id = ?1", rollout_id, today)
}

/// A metric's live cycles as its chart draws them: window and prediction only.
pub(crate) fn chart_cycles(conn: &Connection, metric_id: &str) -> Result<Vec<ChartCycle>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT c.id, c.change, c.do_from, c.do_to, c.prediction_value, c.prediction_date
         FROM pdsa_cycles c WHERE c.metric_id = ?1 AND c.deleted_at IS NULL ORDER BY {RAMP}"
    ))?;
    let found = statement.query_map(params![metric_id], |row| {
        Ok(ChartCycle {
            id: row.get("id")?,
            change: row.get("change")?,
            do_from: required_date(row, "do_from")?,
            do_to: required_date(row, "do_to")?,
            prediction: DatedValue {
                date: required_date(row, "prediction_date")?,
                value: row.get("prediction_value")?,
            },
        })
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    rollout_id: &str,
    valid: &ValidCycle,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO pdsa_cycles (id, rollout_id, metric_id, change, prediction_value,
             prediction_date, prediction_reason, do_from, do_to, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        id,
        rollout_id,
        valid.metric_id,
        valid.change,
        valid.prediction.value,
        date_text(valid.prediction.date),
        valid.prediction_reason,
        date_text(valid.do_from),
        date_text(valid.do_to),
        at
    ])?;
    Ok(())
}

/// Writes a checked plan over the cycle `id` as edited at `expected_row_version`.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    valid: &ValidCycle,
    at: &str,
    label: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE pdsa_cycles SET metric_id = ?1, change = ?2, prediction_value = ?3,
                 prediction_date = ?4, prediction_reason = ?5, do_from = ?6, do_to = ?7,
                 updated_at = ?8, row_version = row_version + 1
             WHERE id = ?9 AND row_version = ?10",
        )?
        .execute(params![
            valid.metric_id,
            valid.change,
            valid.prediction.value,
            date_text(valid.prediction.date),
            valid.prediction_reason,
            date_text(valid.do_from),
            date_text(valid.do_to),
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, label)
}

/// Records the Act and the decision it wrote on the cycle `id` as read at
/// `expected_row_version`.
pub(crate) fn record_act(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    act: &ValidAct,
    decision_id: &str,
    at: &str,
    label: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE pdsa_cycles SET act = ?1, act_rationale = ?2, act_on = ?3,
                 decision_id = ?4, updated_at = ?5, row_version = row_version + 1
             WHERE id = ?6 AND row_version = ?7",
        )?
        .execute(params![
            act.act.code(),
            act.rationale,
            date_text(act.decided_on),
            decision_id,
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, label)
}
