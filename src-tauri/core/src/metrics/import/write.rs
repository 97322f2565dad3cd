//! Writing a checked measurement file in the import's one transaction: the SQL is in
//! `store/measurements.rs`, the audit entries are written here beside it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{check, Checked, MeasurementImportReport, MetricImportCount};
use crate::audit::{self, AuditAction, EntityKind, FieldChange};
use crate::import::Table;
use crate::metrics::format::full_date;
use crate::metrics::store::measurements::{self as store, LiveValue, MeasurementValues};
use crate::metrics::store::metrics::list_live;
use crate::metrics::store::Tx;
use crate::metrics::Metric;
use crate::time::{date_text, now, timestamp_text};
use crate::Result;

/// Imports (or previews) `table` into the rollout's metrics inside the caller's
/// transaction: everything is checked before the first row is written.
pub(super) fn run(tx: &Tx<'_>, rollout_id: &str, table: &Table) -> Result<MeasurementImportReport> {
    crate::rollouts::require_rollout(tx, rollout_id)?;
    let metrics = list_live(tx, rollout_id)?;
    let checked = check(table, &metrics)?;
    write(tx, table, &metrics, &checked)
}

/// Writes the checked rows: new dates added, changed ones replaced at the version just
/// read, unchanged ones counted; then one audit entry per metric for what was added.
fn write(
    tx: &Tx<'_>,
    table: &Table,
    metrics: &[Metric],
    checked: &Checked<'_>,
) -> Result<MeasurementImportReport> {
    let (readings, fractions) = (&checked.readings, &checked.fractions);
    let at = timestamp_text(now());
    let mut counts: Vec<Option<MetricImportCount>> = vec![None; metrics.len()];
    let mut order = Vec::new();
    let mut existing: Vec<Option<HashMap<String, LiveValue>>> = Vec::new();
    existing.resize_with(metrics.len(), || None);
    let mut first_last: Vec<Option<(NaiveDate, NaiveDate)>> = vec![None; metrics.len()];
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
            slot => slot.insert(store::live_by_date(tx, &metric.id)?),
        };
        let values = MeasurementValues {
            measured_on: reading.date,
            value: reading.value,
            note: reading.note,
            source: reading.source,
        };
        match known.get(&date_text(reading.date)) {
            Some(live) if live.value == reading.value && live.note == reading.note => {
                count.unchanged += 1;
            }
            Some(live) => {
                let label = format!("{}'s value of {}", metric.name, full_date(reading.date));
                store::update(tx, &live.id, live.row_version, &label, &values, &at)?;
                let mut changes = vec![FieldChange {
                    field: "value".into(),
                    old: Some(live.value.to_string()),
                    new: Some(reading.value.to_string()),
                }];
                if live.note != reading.note {
                    changes.push(FieldChange {
                        field: "note".into(),
                        old: Some(live.note.clone()).filter(|n| !n.is_empty()),
                        new: Some(reading.note.to_owned()).filter(|n| !n.is_empty()),
                    });
                }
                audit::record(
                    tx,
                    &at,
                    EntityKind::MetricMeasurement,
                    &live.id,
                    AuditAction::Update,
                    &changes,
                )?;
                count.updated += 1;
                count.replaced_dates.push(reading.date);
            }
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                store::insert(tx, &id, &metric.id, &values, &at)?;
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
