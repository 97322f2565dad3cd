//! Measurements: one value per metric and date, typed in one at a time, several at once
//! (the weekly entry screen) or imported.
//!
//! A value typed for a date that already has one replaces it, and the answer says so
//! ("already had 39% on Dec 1, 2026: replaced it with 41%"), because typing the week's
//! number again is how people correct it. The old value stays in the audit log.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::definitions::fetch_metric;
use super::format::{full_date, value_text};
use super::validate::check_value;
use super::{Measurement, MeasurementDraft, Metric};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::editable::check_editable;
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::time::{date_text, now, timestamp_text};
use crate::workspace::edit::required_date;
use crate::{CoreError, FieldError, Result, Store};

const SELECT: &str = "SELECT id, metric_id, measured_on, value, note, source, created_at,
        updated_at, deleted_at, row_version
    FROM metric_measurements";

/// What recording a value did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordOutcome {
    /// A new value for that date.
    Added,
    /// The date had a value; it was replaced (the old one is in the audit log).
    Replaced,
    /// The date already had exactly this value, note and source.
    Unchanged,
}

/// A recorded value, what happened, and a sentence saying so.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecordedMeasurement {
    pub measurement: Measurement,
    pub outcome: RecordOutcome,
    /// The value the date had before, when it was replaced.
    pub previous_value: Option<f64>,
    /// "Recorded 41% for Patient portal activation on Dec 1, 2026." or "... already had
    /// 39% on Dec 1, 2026: replaced it with 41%."
    pub message: String,
}

/// One metric's value on the weekly entry screen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct QuickEntry {
    pub metric_id: String,
    pub value: f64,
    pub note: String,
}

impl Store {
    /// A metric's live values, newest first.
    pub fn list_measurements(&self, metric_id: &str) -> Result<Vec<Measurement>> {
        self.read(|conn| {
            fetch_metric(conn, metric_id)?;
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT} WHERE metric_id = ?1 AND deleted_at IS NULL ORDER BY measured_on DESC"
            ))?;
            let found = statement.query_map(params![metric_id], from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// A metric's `limit` most recent live values, newest first: what a report shows
    /// beside the chart, without reading years of daily values.
    pub fn recent_measurements(&self, metric_id: &str, limit: usize) -> Result<Vec<Measurement>> {
        self.read(|conn| {
            fetch_metric(conn, metric_id)?;
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT} WHERE metric_id = ?1 AND deleted_at IS NULL ORDER BY measured_on DESC LIMIT ?2"
            ))?;
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let found = statement.query_map(params![metric_id, limit], from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// A metric's values in the trash, most recently trashed first.
    pub fn list_trashed_measurements(&self, metric_id: &str) -> Result<Vec<Measurement>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT} WHERE metric_id = ?1 AND deleted_at IS NOT NULL ORDER BY deleted_at DESC"
            ))?;
            let found = statement.query_map(params![metric_id], from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Records a value for a date; a date that has one already gets the new value (and
    /// the answer says it replaced one).
    pub fn record_measurement(
        &self,
        metric_id: &str,
        draft: &MeasurementDraft,
    ) -> Result<RecordedMeasurement> {
        self.write(|tx| {
            let metric = live_metric(tx, metric_id)?;
            let mut errors = Vec::new();
            let date = required_date(
                &draft.measured_on,
                "measured_on",
                "date of the value",
                &mut errors,
            );
            check_value(metric.unit, draft.value, "value", "the value", &mut errors);
            match date {
                Some(date) if errors.is_empty() => {
                    insert_measurement(tx, &metric, date, draft.value, &draft.note, &draft.source)
                }
                _ => Err(CoreError::Validation(errors)),
            }
        })
    }

    /// The weekly entry: values for several of a rollout's metrics on one date, in one
    /// transaction — all recorded, or (naming each problem) none.
    pub fn record_measurements(
        &self,
        rollout_id: &str,
        measured_on: &str,
        entries: &[QuickEntry],
    ) -> Result<Vec<RecordedMeasurement>> {
        self.write(|tx| {
            crate::rollouts::require_rollout(tx, rollout_id)?;
            let mut errors = Vec::new();
            let date = required_date(
                measured_on,
                "measured_on",
                "date of the values",
                &mut errors,
            );
            let mut checked = Vec::with_capacity(entries.len());
            for entry in entries {
                let metric = live_metric(tx, &entry.metric_id)?;
                if metric.rollout_id != rollout_id {
                    errors.push(FieldError::new(
                        "metric_id",
                        format!("{} belongs to another rollout.", metric.name),
                    ));
                }
                check_value(
                    metric.unit,
                    entry.value,
                    "value",
                    &format!("{}'s value", metric.name),
                    &mut errors,
                );
                checked.push((metric, entry));
            }
            let Some(date) = date.filter(|_| errors.is_empty()) else {
                return Err(CoreError::Validation(errors));
            };
            checked
                .iter()
                .map(|(metric, entry)| {
                    insert_measurement(tx, metric, date, entry.value, &entry.note, "typed")
                })
                .collect()
        })
    }

    /// Edits a value (its date, number, note or source); refused if it changed since
    /// `expected_row_version`, or when the new date already has another value.
    pub fn update_measurement(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &MeasurementDraft,
    ) -> Result<Measurement> {
        self.write(|tx| {
            let current = fetch(tx, id)?;
            let metric = live_metric(tx, &current.metric_id)?;
            let label = format!("The value of {}", full_date(current.measured_on));
            check_editable(
                &label,
                current.deleted_at.is_some(),
                current.row_version,
                expected_row_version,
            )?;
            let mut errors = Vec::new();
            let date = required_date(
                &draft.measured_on,
                "measured_on",
                "date of the value",
                &mut errors,
            );
            check_value(metric.unit, draft.value, "value", "the value", &mut errors);
            if let Some(date) = date.filter(|d| *d != current.measured_on) {
                if let Some(other) = live_on(tx, &metric.id, date)? {
                    errors.push(FieldError::new(
                        "measured_on",
                        format!(
                            "{} already has a value on {} ({}): edit or trash that one instead.",
                            metric.name,
                            full_date(date),
                            value_text(other.value, metric.unit)
                        ),
                    ));
                }
            }
            let Some(date) = date.filter(|_| errors.is_empty()) else {
                return Err(CoreError::Validation(errors));
            };
            let mut changes = ChangeSet::default();
            describe(
                &mut changes,
                Some(&current),
                date,
                draft.value,
                &draft.note,
                &draft.source,
            );
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            tx.execute(
                "UPDATE metric_measurements SET measured_on = ?1, value = ?2, note = ?3,
                     source = ?4, updated_at = ?5, row_version = row_version + 1
                 WHERE id = ?6",
                params![
                    date_text(date),
                    draft.value,
                    draft.note,
                    draft.source,
                    at,
                    id
                ],
            )?;
            audit::record(
                tx,
                &at,
                EntityKind::MetricMeasurement,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            fetch(tx, id)
        })
    }

    pub fn trash_measurement(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(
                tx,
                "metric_measurements",
                EntityKind::MetricMeasurement,
                "Measurement",
                id,
                true,
            )
        })
    }

    /// Brings a value back; refused when its date has been given another value since.
    pub fn restore_measurement(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let measurement = fetch(tx, id)?;
            if measurement.deleted_at.is_some() {
                if let Some(other) = live_on(tx, &measurement.metric_id, measurement.measured_on)? {
                    return Err(CoreError::Conflict(format!(
                        "{} has a value again ({}): trash that one before restoring this one.",
                        full_date(measurement.measured_on),
                        super::format::number_text(other.value)
                    )));
                }
            }
            trash_or_restore(
                tx,
                "metric_measurements",
                EntityKind::MetricMeasurement,
                "Measurement",
                id,
                false,
            )
        })
    }
}

/// Records `value` for `metric` on `date` inside a caller's transaction: a new row, or
/// the date's live row updated. The value is assumed checked.
pub(crate) fn insert_measurement(
    tx: &Transaction<'_>,
    metric: &Metric,
    date: NaiveDate,
    value: f64,
    note: &str,
    source: &str,
) -> Result<RecordedMeasurement> {
    let at = timestamp_text(now());
    let show = |v: f64| value_text(v, metric.unit);
    if let Some(current) = live_on(tx, &metric.id, date)? {
        let mut changes = ChangeSet::default();
        describe(&mut changes, Some(&current), date, value, note, source);
        if changes.is_empty() {
            return Ok(RecordedMeasurement {
                message: format!(
                    "{} already had {} on {}; nothing changed.",
                    metric.name,
                    show(value),
                    full_date(date)
                ),
                measurement: current,
                outcome: RecordOutcome::Unchanged,
                previous_value: None,
            });
        }
        tx.execute(
            "UPDATE metric_measurements SET value = ?1, note = ?2, source = ?3, updated_at = ?4,
                 row_version = row_version + 1
             WHERE id = ?5",
            params![value, note, source, at, current.id],
        )?;
        audit::record(
            tx,
            &at,
            EntityKind::MetricMeasurement,
            &current.id,
            AuditAction::Update,
            &changes.into_changes(),
        )?;
        return Ok(RecordedMeasurement {
            message: format!(
                "{} already had {} on {}: replaced it with {}.",
                metric.name,
                show(current.value),
                full_date(date),
                show(value)
            ),
            previous_value: Some(current.value),
            measurement: fetch(tx, &current.id)?,
            outcome: RecordOutcome::Replaced,
        });
    }
    let id = uuid::Uuid::now_v7().to_string();
    tx.execute(
        "INSERT INTO metric_measurements (id, metric_id, measured_on, value, note, source,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, metric.id, date_text(date), value, note, source, at],
    )?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, None, date, value, note, source);
    audit::record(
        tx,
        &at,
        EntityKind::MetricMeasurement,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(RecordedMeasurement {
        message: format!(
            "Recorded {} for {} on {}.",
            show(value),
            metric.name,
            full_date(date)
        ),
        measurement: fetch(tx, &id)?,
        outcome: RecordOutcome::Added,
        previous_value: None,
    })
}

fn live_metric(conn: &Connection, metric_id: &str) -> Result<Metric> {
    let metric = fetch_metric(conn, metric_id)?;
    if metric.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "'{}' is in the trash: restore it before recording values.",
            metric.name
        )));
    }
    Ok(metric)
}

/// The live value of a metric on a date.
fn live_on(conn: &Connection, metric_id: &str, date: NaiveDate) -> Result<Option<Measurement>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE metric_id = ?1 AND measured_on = ?2 AND deleted_at IS NULL"
    ))?;
    Ok(statement
        .query_row(params![metric_id, date_text(date)], from_row)
        .optional()?)
}

fn describe(
    changes: &mut ChangeSet,
    old: Option<&Measurement>,
    date: NaiveDate,
    value: f64,
    note: &str,
    source: &str,
) {
    let text = |f: fn(&Measurement) -> String| old.map(f).unwrap_or_default();
    changes.compare(
        "measured_on",
        text(|m| date_text(m.measured_on)),
        date_text(date),
    );
    changes.compare("value", text(|m| m.value.to_string()), value.to_string());
    changes.compare("note", text(|m| m.note.clone()), note);
    changes.compare("source", text(|m| m.source.clone()), source);
}

fn fetch(conn: &Connection, id: &str) -> Result<Measurement> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE id = ?1"),
        id,
        "Measurement",
        from_row,
    )
}

pub(crate) fn from_row(row: &Row<'_>) -> rusqlite::Result<Measurement> {
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
