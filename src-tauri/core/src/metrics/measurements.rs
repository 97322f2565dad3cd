//! Measurements as a metric's list shows them: reading its values, editing one,
//! trashing and restoring. Recording new values is `record.rs`; the SQL is in
//! `store/measurements.rs`.

use super::definitions::live;
use super::format::{full_date, number_text, value_text};
use super::store::measurements::{self as store, MeasurementValues};
use super::store::metrics::fetch as fetch_metric;
use super::validate::check_value;
use super::{Measurement, MeasurementDraft};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::editable::check_editable;
use crate::store::trash::trash_or_restore;
use crate::time::{date_text, now, timestamp_text};
use crate::workspace::edit::required_date;
use crate::{CoreError, FieldError, Result, Store};

/// What an edit of a trashed metric's values is refused as.
pub(super) const RECORDING: &str = "recording values";

impl Store {
    /// A metric's live values, newest first.
    pub fn list_measurements(&self, metric_id: &str) -> Result<Vec<Measurement>> {
        self.read(|conn| {
            fetch_metric(conn, metric_id)?;
            store::list_live(conn, metric_id, None)
        })
    }

    /// A metric's `limit` most recent live values, newest first: what a report shows
    /// beside the chart, without reading years of daily values.
    pub fn recent_measurements(&self, metric_id: &str, limit: usize) -> Result<Vec<Measurement>> {
        self.read(|conn| {
            fetch_metric(conn, metric_id)?;
            store::list_live(conn, metric_id, Some(limit))
        })
    }

    /// A metric's values in the trash, most recently trashed first.
    pub fn list_trashed_measurements(&self, metric_id: &str) -> Result<Vec<Measurement>> {
        self.read(|conn| store::list_trashed(conn, metric_id))
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
            let current = store::fetch(tx, id)?;
            let metric = live(fetch_metric(tx, &current.metric_id)?, RECORDING)?;
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
                if let Some(other) = store::live_on(tx, &metric.id, date)? {
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
            let values = MeasurementValues {
                measured_on: date,
                value: draft.value,
                note: &draft.note,
                source: &draft.source,
            };
            let mut changes = ChangeSet::default();
            describe(&mut changes, Some(&current), &values);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            store::update(tx, id, expected_row_version, &label, &values, &at)?;
            audit::record(
                tx,
                &at,
                EntityKind::MetricMeasurement,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            store::fetch(tx, id)
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
            let measurement = store::fetch(tx, id)?;
            if measurement.deleted_at.is_some() {
                if let Some(other) =
                    store::live_on(tx, &measurement.metric_id, measurement.measured_on)?
                {
                    return Err(CoreError::Conflict(format!(
                        "{} has a value again ({}): trash that one before restoring this one.",
                        full_date(measurement.measured_on),
                        number_text(other.value)
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

/// Notes every field whose stored text would change; `None` describes a new value.
pub(super) fn describe(
    changes: &mut ChangeSet,
    old: Option<&Measurement>,
    new: &MeasurementValues<'_>,
) {
    let text = |f: fn(&Measurement) -> String| old.map(f).unwrap_or_default();
    changes.compare(
        "measured_on",
        text(|m| date_text(m.measured_on)),
        date_text(new.measured_on),
    );
    changes.compare(
        "value",
        text(|m| m.value.to_string()),
        new.value.to_string(),
    );
    changes.compare("note", text(|m| m.note.clone()), new.note);
    changes.compare("source", text(|m| m.source.clone()), new.source);
}
