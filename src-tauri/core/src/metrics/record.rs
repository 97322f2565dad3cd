//! Recording values: one at a time, or several at once (the weekly entry screen).
//!
//! A value typed for a date that already has one replaces it, and the answer says so
//! ("already had 39% on Dec 1, 2026: replaced it with 41%"), because typing the week's
//! number again is how people correct it. The old value stays in the audit log.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::definitions::live;
use super::format::{full_date, value_text};
use super::measurements::{describe, RECORDING};
use super::store::measurements::{self as store, MeasurementValues};
use super::store::metrics::fetch as fetch_metric;
use super::store::Tx;
use super::validate::check_value;
use super::{Measurement, MeasurementDraft, Metric};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::time::{now, timestamp_text};
use crate::workspace::edit::required_date;
use crate::{CoreError, FieldError, Result, Store};

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
    /// Records a value for a date; a date that has one already gets the new value (and
    /// the answer says it replaced one).
    pub fn record_measurement(
        &self,
        metric_id: &str,
        draft: &MeasurementDraft,
    ) -> Result<RecordedMeasurement> {
        self.write(|tx| {
            let metric = live(fetch_metric(tx, metric_id)?, RECORDING)?;
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
                let metric = live(fetch_metric(tx, &entry.metric_id)?, RECORDING)?;
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
}

/// Records `value` for `metric` on `date` inside a caller's transaction: a new row, or
/// the date's live row updated at the version just read. The value is assumed checked.
pub(crate) fn insert_measurement(
    tx: &Tx<'_>,
    metric: &Metric,
    date: NaiveDate,
    value: f64,
    note: &str,
    source: &str,
) -> Result<RecordedMeasurement> {
    let at = timestamp_text(now());
    let show = |v: f64| value_text(v, metric.unit);
    let values = MeasurementValues {
        measured_on: date,
        value,
        note,
        source,
    };
    let mut changes = ChangeSet::default();
    if let Some(current) = store::live_on(tx, &metric.id, date)? {
        describe(&mut changes, Some(&current), &values);
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
        let label = format!("The value of {}", full_date(date));
        store::update(tx, &current.id, current.row_version, &label, &values, &at)?;
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
            measurement: store::fetch(tx, &current.id)?,
            outcome: RecordOutcome::Replaced,
        });
    }
    let id = uuid::Uuid::now_v7().to_string();
    store::insert(tx, &id, &metric.id, &values, &at)?;
    describe(&mut changes, None, &values);
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
        measurement: store::fetch(tx, &id)?,
        outcome: RecordOutcome::Added,
        previous_value: None,
    })
}
