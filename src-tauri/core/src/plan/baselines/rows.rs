//! All SQL of baselines: `plan_baselines`, the task dates each froze
//! (`plan_baseline_tasks`) and the one a rollout compares with (`plan_baseline_choices`).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::compare::FrozenDates;
use super::Baseline;
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::time::date_text;
use crate::Result;

const SELECT: &str = "SELECT b.id, b.rollout_id, b.name, b.set_at, b.go_live_date,
        b.row_version, b.deleted_at,
        (SELECT count(*) FROM plan_baseline_tasks bt WHERE bt.baseline_id = b.id) AS task_count
    FROM plan_baselines b";

/// A baseline as stored, and whether it is in the trash.
fn from_row(row: &Row<'_>) -> rusqlite::Result<(Baseline, bool)> {
    Ok((
        Baseline {
            id: row.get("id")?,
            rollout_id: row.get("rollout_id")?,
            name: row.get("name")?,
            set_at: rows::required_timestamp(row, "set_at")?,
            go_live_date: rows::date(row, "go_live_date")?,
            task_count: row.get("task_count")?,
            compared: false,
            row_version: row.get("row_version")?,
        },
        row.get::<_, Option<String>>("deleted_at")?.is_some(),
    ))
}

/// One baseline, live or in the trash, and whether it is in the trash.
pub(super) fn fetch(conn: &Connection, id: &str) -> Result<(Baseline, bool)> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE b.id = ?1"),
        id,
        "Baseline",
        from_row,
    )
}

/// A rollout's live baselines, latest set first, the one it compares with marked.
pub(super) fn list_live(conn: &Connection, rollout_id: &str) -> Result<Vec<Baseline>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE b.rollout_id = ?1 AND b.deleted_at IS NULL
         ORDER BY b.set_at DESC, b.id DESC"
    ))?;
    let mut found: Vec<Baseline> = statement
        .query_map(params![rollout_id], |row| Ok(from_row(row)?.0))?
        .collect::<rusqlite::Result<_>>()?;
    let chosen = chosen_id(conn, rollout_id)?;
    let compared = chosen
        .as_deref()
        .and_then(|id| found.iter().position(|b| b.id == id))
        .unwrap_or(0);
    if let Some(baseline) = found.get_mut(compared) {
        baseline.compared = true;
    }
    Ok(found)
}

/// The baseline the rollout compares with: the chosen one while it is live, else the
/// latest live one.
pub(super) fn compared(conn: &Connection, rollout_id: &str) -> Result<Option<Baseline>> {
    Ok(list_live(conn, rollout_id)?
        .into_iter()
        .find(|b| b.compared))
}

fn chosen_id(conn: &Connection, rollout_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT baseline_id FROM plan_baseline_choices WHERE rollout_id = ?1")?
        .query_row(params![rollout_id], |row| row.get("baseline_id"))
        .optional()?)
}

/// The dates a baseline froze, by task id.
pub(super) fn frozen_dates(
    conn: &Connection,
    baseline_id: &str,
) -> Result<HashMap<String, FrozenDates>> {
    let mut statement = conn.prepare_cached(
        "SELECT task_id, start_date, due_date FROM plan_baseline_tasks WHERE baseline_id = ?1",
    )?;
    let found = statement.query_map(params![baseline_id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            FrozenDates {
                start: rows::date(row, (1, "start_date"))?,
                due: rows::date(row, (2, "due_date"))?,
            },
        ))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// Adds a baseline and copies the start and due of every live task of its rollout.
pub(super) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    rollout_id: &str,
    name: &str,
    go_live: Option<chrono::NaiveDate>,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO plan_baselines (id, rollout_id, name, set_at, go_live_date, created_at,
             updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?4)",
    )?
    .execute(params![id, rollout_id, name, at, go_live.map(date_text)])?;
    tx.prepare_cached(
        "INSERT INTO plan_baseline_tasks (baseline_id, task_id, start_date, due_date)
         SELECT ?1, id, start_date, due_date FROM plan_tasks
         WHERE rollout_id = ?2 AND deleted_at IS NULL",
    )?
    .execute(params![id, rollout_id])?;
    Ok(())
}

/// Renames the baseline `id` as edited at `expected_row_version`.
pub(super) fn rename(
    tx: &Transaction<'_>,
    (id, expected_row_version, label): (&str, i64, &str),
    name: &str,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE plan_baselines SET name = ?1, updated_at = ?2, row_version = row_version + 1
             WHERE id = ?3 AND row_version = ?4",
        )?
        .execute(params![name, at, id, expected_row_version])?;
    one_row_updated(affected, label)
}

/// Makes `baseline_id` the one its rollout compares with.
pub(super) fn choose(
    tx: &Transaction<'_>,
    rollout_id: &str,
    baseline_id: &str,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO plan_baseline_choices (rollout_id, baseline_id, updated_at)
         VALUES (?1, ?2, ?3)
         ON CONFLICT (rollout_id) DO UPDATE SET baseline_id = excluded.baseline_id,
             updated_at = excluded.updated_at, row_version = row_version + 1",
    )?
    .execute(params![rollout_id, baseline_id, at])?;
    Ok(())
}
