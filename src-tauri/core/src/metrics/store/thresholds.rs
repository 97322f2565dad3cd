//! The `metric_thresholds` table: a metric's watch and act levels, each with its action
//! and who acts (a directory person, a role in words, or both).

use std::collections::HashMap;

use rusqlite::{params, Connection, Row, Transaction};

use crate::metrics::{Metric, Threshold, ThresholdLevel};
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::Result;

const SELECT: &str = "SELECT t.id, t.metric_id, t.level, t.value, t.action, t.owner_id,
        coalesce(p.name, '') AS owner_name, t.owner_role, t.row_version, t.deleted_at
    FROM metric_thresholds t LEFT JOIN people p ON p.id = t.owner_id";

/// What a threshold row stores, checked and trimmed.
pub(crate) struct ThresholdValues<'a> {
    pub level: ThresholdLevel,
    pub value: f64,
    pub action: &'a str,
    pub owner_id: Option<&'a str>,
    pub owner_role: &'a str,
}

/// A threshold and whether it is in the trash.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<(Threshold, bool)> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE t.id = ?1"),
        id,
        "Threshold",
        |row| {
            Ok((
                from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )
}

/// Fills each metric's live watch and act levels.
pub(crate) fn attach(conn: &Connection, metrics: &mut [Metric]) -> Result<()> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE t.metric_id = ?1 AND t.deleted_at IS NULL"
    ))?;
    for metric in metrics {
        for threshold in statement.query_map(params![metric.id], from_row)? {
            let threshold = threshold?;
            match threshold.level {
                ThresholdLevel::Watch => metric.watch = Some(threshold),
                ThresholdLevel::Act => metric.act = Some(threshold),
            }
        }
    }
    Ok(())
}

/// Fills the live watch and act levels of `metrics`, many of them (every live metric,
/// for Home): every live threshold is read in one pass rather than looked up metric by
/// metric, 1,759 lookups on the extra-large workspace.
pub(crate) fn attach_to_many(conn: &Connection, metrics: &mut [Metric]) -> Result<()> {
    let mut by_metric: HashMap<String, Vec<Threshold>> = HashMap::new();
    let mut statement = conn.prepare_cached(&format!("{SELECT} WHERE t.deleted_at IS NULL"))?;
    for threshold in statement.query_map([], |row| {
        Ok((row.get::<_, String>("metric_id")?, from_row(row)?))
    })? {
        let (metric_id, threshold) = threshold?;
        by_metric.entry(metric_id).or_default().push(threshold);
    }
    for metric in metrics {
        for threshold in by_metric.remove(&metric.id).unwrap_or_default() {
            match threshold.level {
                ThresholdLevel::Watch => metric.watch = Some(threshold),
                ThresholdLevel::Act => metric.act = Some(threshold),
            }
        }
    }
    Ok(())
}

/// Inserts a threshold of `metric_id` under `id`, created and updated `at`.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    metric_id: &str,
    values: &ThresholdValues<'_>,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO metric_thresholds (id, metric_id, level, value, action, owner_id, owner_role,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        id,
        metric_id,
        values.level.code(),
        values.value,
        values.action,
        values.owner_id,
        values.owner_role,
        at
    ])?;
    Ok(())
}

/// Rewrites the threshold `id` as it was at `expected_row_version`; a row that has
/// moved on since is a conflict naming `label`, and nothing is written.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    label: &str,
    values: &ThresholdValues<'_>,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE metric_thresholds SET level = ?1, value = ?2, action = ?3, owner_id = ?4,
                 owner_role = ?5, updated_at = ?6, row_version = row_version + 1
             WHERE id = ?7 AND row_version = ?8",
        )?
        .execute(params![
            values.level.code(),
            values.value,
            values.action,
            values.owner_id,
            values.owner_role,
            at,
            id,
            expected_row_version
        ])?;
    one_row_updated(affected, label)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Threshold> {
    let level: String = row.get("level")?;
    let owner_name: String = row.get("owner_name")?;
    let owner_role: String = row.get("owner_role")?;
    let acted_by = match (owner_name.is_empty(), owner_role.is_empty()) {
        (false, false) => format!("{owner_name}, {owner_role}"),
        (false, true) => owner_name.clone(),
        _ => owner_role.clone(),
    };
    Ok(Threshold {
        id: row.get("id")?,
        metric_id: row.get("metric_id")?,
        level: level.parse().map_err(|_| rows::unreadable("level"))?,
        value: row.get("value")?,
        action: row.get("action")?,
        owner_id: row.get("owner_id")?,
        owner_name,
        owner_role,
        acted_by,
        row_version: row.get("row_version")?,
    })
}
