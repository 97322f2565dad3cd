//! Statuses as the screens ask for them: one metric, a rollout's metrics side by side
//! (small multiples), and what needs attention on Home and the rollout overview.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::definitions::{fetch_metric, list_all_live_metrics, list_live_metrics};
use super::status::{assess, MetricState, MetricStatus};
use super::{DatedValue, Metric};
use crate::store::rows;
use crate::{Result, Store};

impl Store {
    /// Where one metric stands as of `today`.
    pub fn metric_status(&self, metric_id: &str, today: NaiveDate) -> Result<MetricStatus> {
        self.read(|conn| {
            let metric = fetch_metric(conn, metric_id)?;
            let names = rollout_names(conn)?;
            status_of(conn, &metric, &names, today)
        })
    }

    /// Every live metric of a rollout with its status, in the order they were defined:
    /// the small multiples of the rollout's metrics page.
    pub fn rollout_metric_statuses(
        &self,
        rollout_id: &str,
        today: NaiveDate,
    ) -> Result<Vec<MetricStatus>> {
        self.read(|conn| {
            crate::rollouts::require_rollout(conn, rollout_id)?;
            let names = rollout_names(conn)?;
            list_live_metrics(conn, rollout_id)?
                .iter()
                .map(|metric| status_of(conn, metric, &names, today))
                .collect()
        })
    }

    /// Metrics in act or watch, or overdue, with the action to take and who takes it —
    /// for one rollout, or (`None`) every live rollout. Act first, then watch, then
    /// overdue; within each, by rollout and metric name.
    pub fn metrics_needing_attention(
        &self,
        rollout_id: Option<&str>,
        today: NaiveDate,
    ) -> Result<Vec<MetricStatus>> {
        self.read(|conn| {
            let metrics = match rollout_id {
                Some(id) => {
                    crate::rollouts::require_rollout(conn, id)?;
                    list_live_metrics(conn, id)?
                }
                None => list_all_live_metrics(conn)?,
            };
            let names = rollout_names(conn)?;
            let mut attention = Vec::new();
            for metric in &metrics {
                let status = status_of(conn, metric, &names, today)?;
                if matches!(status.state, MetricState::Act | MetricState::Watch) || status.overdue {
                    attention.push(status);
                }
            }
            attention.sort_by(|a, b| {
                urgency(a)
                    .cmp(&urgency(b))
                    .then_with(|| a.rollout_name.cmp(&b.rollout_name))
                    .then_with(|| a.metric_name.cmp(&b.metric_name))
            });
            Ok(attention)
        })
    }
}

fn urgency(status: &MetricStatus) -> u8 {
    match status.state {
        MetricState::Act => 0,
        MetricState::Watch => 1,
        MetricState::OnTrack | MetricState::NoData => 2,
    }
}

fn status_of(
    conn: &Connection,
    metric: &Metric,
    rollout_names: &HashMap<String, String>,
    today: NaiveDate,
) -> Result<MetricStatus> {
    let mut status = assess(metric, latest_value(conn, &metric.id)?, today);
    status.rollout_name = rollout_names
        .get(&metric.rollout_id)
        .cloned()
        .unwrap_or_default();
    Ok(status)
}

/// A metric's most recent live value: one step down the (metric, date) index.
pub(crate) fn latest_value(conn: &Connection, metric_id: &str) -> Result<Option<DatedValue>> {
    let mut statement = conn.prepare_cached(
        "SELECT measured_on, value FROM metric_measurements
         WHERE metric_id = ?1 AND deleted_at IS NULL ORDER BY measured_on DESC LIMIT 1",
    )?;
    Ok(statement
        .query_row(params![metric_id], |row| {
            Ok(DatedValue {
                date: rows::date(row, "measured_on")?
                    .ok_or_else(|| rows::unreadable("measured_on"))?,
                value: row.get("value")?,
            })
        })
        .optional()?)
}

fn rollout_names(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut statement = conn.prepare_cached("SELECT id, name FROM rollouts")?;
    let found = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}
