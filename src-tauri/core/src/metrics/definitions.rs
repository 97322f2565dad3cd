//! Storing metric definitions: what is counted, in which unit, which way is good, the
//! baseline and the target. Each write and its audit entry share one transaction.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::thresholds::attach_thresholds;
use super::validate::{validate, ValidMetric};
use super::{DatedValue, Metric, MetricDraft};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::people::owner_name;
use crate::rollouts::require_rollout;
use crate::store::editable::check_editable;
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

const SELECT: &str = "SELECT m.id, m.rollout_id, m.name, m.definition, m.numerator,
        m.denominator, m.unit, m.direction, m.indicator, m.data_source, m.cadence, m.owner_id,
        coalesce(p.name, '') AS owner_name, m.baseline_value, m.baseline_date, m.target_value,
        m.target_date, m.created_at, m.updated_at, m.deleted_at, m.row_version
    FROM metrics m LEFT JOIN people p ON p.id = m.owner_id";

impl Store {
    /// A rollout's live metrics with their thresholds, in the order they were defined.
    pub fn list_metrics(&self, rollout_id: &str) -> Result<Vec<Metric>> {
        self.read(|conn| list_live_metrics(conn, rollout_id))
    }

    /// A rollout's metrics in the trash, most recently trashed first.
    pub fn list_trashed_metrics(&self, rollout_id: &str) -> Result<Vec<Metric>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT} WHERE m.rollout_id = ?1 AND m.deleted_at IS NOT NULL
                 ORDER BY m.deleted_at DESC"
            ))?;
            let mut metrics: Vec<Metric> = statement
                .query_map(params![rollout_id], from_row)?
                .collect::<rusqlite::Result<_>>()?;
            attach_thresholds(conn, &mut metrics)?;
            Ok(metrics)
        })
    }

    /// One metric, live or in the trash, with its live thresholds.
    pub fn get_metric(&self, id: &str) -> Result<Metric> {
        self.read(|conn| fetch_metric(conn, id))
    }

    /// Defines a metric for a rollout, or explains every field that is wrong.
    pub fn create_metric(&self, rollout_id: &str, draft: &MetricDraft) -> Result<Metric> {
        self.write(|tx| insert_metric(tx, rollout_id, draft))
    }

    /// Replaces a live metric's definition; refused if it changed since
    /// `expected_row_version`. An update that changes nothing writes nothing.
    pub fn update_metric(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &MetricDraft,
    ) -> Result<Metric> {
        self.write(|tx| {
            let current = fetch_metric(tx, id)?;
            check_editable(
                &current.name,
                current.deleted_at.is_some(),
                current.row_version,
                expected_row_version,
            )?;
            let valid = validate(tx, &current.rollout_id, Some(&current), draft)?;
            let mut changes = ChangeSet::default();
            describe(tx, &mut changes, Some(&current), draft, &valid)?;
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            tx.execute(
                "UPDATE metrics SET name = ?1, definition = ?2, numerator = ?3, denominator = ?4,
                     unit = ?5, direction = ?6, indicator = ?7, data_source = ?8, cadence = ?9,
                     owner_id = ?10, baseline_value = ?11, baseline_date = ?12,
                     target_value = ?13, target_date = ?14, updated_at = ?15,
                     row_version = row_version + 1
                 WHERE id = ?16",
                params![
                    valid.name,
                    draft.definition,
                    draft.numerator,
                    draft.denominator,
                    draft.unit.code(),
                    draft.direction.code(),
                    draft.indicator.code(),
                    draft.data_source,
                    draft.cadence.code(),
                    valid.owner_id,
                    valid.baseline.map(|b| b.value),
                    valid.baseline.map(|b| date_text(b.date)),
                    valid.target.map(|t| t.value),
                    valid.target.map(|t| date_text(t.date)),
                    at,
                    id
                ],
            )?;
            audit::record(
                tx,
                &at,
                EntityKind::Metric,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            fetch_metric(tx, id)
        })
    }

    /// Moves a metric to the trash; its thresholds and measurements stay with it.
    pub fn trash_metric(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, "metrics", EntityKind::Metric, "Metric", id, true))
    }

    /// Brings a metric back; refused if a live metric of its rollout took its name.
    pub fn restore_metric(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let metric = fetch_metric(tx, id)?;
            if metric.deleted_at.is_some() {
                if let Some(other) = live_metric_named(tx, &metric.rollout_id, &metric.name)? {
                    return Err(CoreError::Conflict(format!(
                        "The rollout already has a metric called '{other}': rename one of them \
                         before restoring."
                    )));
                }
            }
            trash_or_restore(tx, "metrics", EntityKind::Metric, "Metric", id, false)
        })
    }
}

/// Validates and inserts a metric inside a caller's transaction.
pub(crate) fn insert_metric(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &MetricDraft,
) -> Result<Metric> {
    require_rollout(tx, rollout_id)?;
    let valid = validate(tx, rollout_id, None, draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO metrics (id, rollout_id, name, definition, numerator, denominator, unit,
             direction, indicator, data_source, cadence, owner_id, baseline_value,
             baseline_date, target_value, target_date, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
        params![
            id,
            rollout_id,
            valid.name,
            draft.definition,
            draft.numerator,
            draft.denominator,
            draft.unit.code(),
            draft.direction.code(),
            draft.indicator.code(),
            draft.data_source,
            draft.cadence.code(),
            valid.owner_id,
            valid.baseline.map(|b| b.value),
            valid.baseline.map(|b| date_text(b.date)),
            valid.target.map(|t| t.value),
            valid.target.map(|t| date_text(t.date)),
            at
        ],
    )?;
    let mut changes = ChangeSet::default();
    describe(tx, &mut changes, None, draft, &valid)?;
    audit::record(
        tx,
        &at,
        EntityKind::Metric,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    fetch_metric(tx, &id)
}

pub(crate) fn live_metric_named(
    conn: &Connection,
    rollout_id: &str,
    name: &str,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT name FROM metrics
             WHERE rollout_id = ?1 AND name = ?2 COLLATE NOCASE AND deleted_at IS NULL",
            params![rollout_id, name.trim()],
            |row| row.get(0),
        )
        .optional()?)
}

fn describe(
    conn: &Connection,
    changes: &mut ChangeSet,
    old: Option<&Metric>,
    new: &MetricDraft,
    valid: &ValidMetric,
) -> Result<()> {
    let text = |f: fn(&Metric) -> String| old.map(f).unwrap_or_default();
    let dated = |d: Option<DatedValue>| {
        d.map(|d| format!("{} on {}", d.value, date_text(d.date)))
            .unwrap_or_default()
    };
    changes.compare("name", text(|m| m.name.clone()), valid.name.as_str());
    changes.compare(
        "definition",
        text(|m| m.definition.clone()),
        new.definition.as_str(),
    );
    changes.compare(
        "numerator",
        text(|m| m.numerator.clone()),
        new.numerator.as_str(),
    );
    changes.compare(
        "denominator",
        text(|m| m.denominator.clone()),
        new.denominator.as_str(),
    );
    changes.compare("unit", text(|m| m.unit.code().into()), new.unit.code());
    changes.compare(
        "direction",
        text(|m| m.direction.code().into()),
        new.direction.code(),
    );
    changes.compare(
        "indicator",
        text(|m| m.indicator.code().into()),
        new.indicator.code(),
    );
    changes.compare(
        "data_source",
        text(|m| m.data_source.clone()),
        new.data_source.as_str(),
    );
    changes.compare(
        "cadence",
        text(|m| m.cadence.code().into()),
        new.cadence.code(),
    );
    changes.compare(
        "owner",
        text(|m| m.owner_name.clone()),
        owner_name(conn, valid.owner_id.as_deref())?,
    );
    changes.compare(
        "baseline",
        dated(old.and_then(|m| m.baseline)),
        dated(valid.baseline),
    );
    changes.compare(
        "target",
        dated(old.and_then(|m| m.target)),
        dated(valid.target),
    );
    Ok(())
}

/// A rollout's live metrics with their live thresholds, oldest first.
pub(crate) fn list_live_metrics(conn: &Connection, rollout_id: &str) -> Result<Vec<Metric>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE m.rollout_id = ?1 AND m.deleted_at IS NULL ORDER BY m.created_at, m.id"
    ))?;
    let mut metrics: Vec<Metric> = statement
        .query_map(params![rollout_id], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    attach_thresholds(conn, &mut metrics)?;
    Ok(metrics)
}

/// Every live metric of every live rollout, with thresholds: the dashboard's input.
pub(crate) fn list_all_live_metrics(conn: &Connection) -> Result<Vec<Metric>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} JOIN rollouts r ON r.id = m.rollout_id
         WHERE m.deleted_at IS NULL AND r.deleted_at IS NULL ORDER BY m.created_at, m.id"
    ))?;
    let mut metrics: Vec<Metric> = statement
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    attach_thresholds(conn, &mut metrics)?;
    Ok(metrics)
}

/// One metric, live or in the trash, with its live thresholds.
pub(crate) fn fetch_metric(conn: &Connection, id: &str) -> Result<Metric> {
    let mut metric = rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE m.id = ?1"),
        id,
        "Metric",
        from_row,
    )?;
    attach_thresholds(conn, std::slice::from_mut(&mut metric))?;
    Ok(metric)
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
