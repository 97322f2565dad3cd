//! Statuses as the screens ask for them: one metric, a rollout's metrics side by side
//! (small multiples), and what needs attention on Home and the rollout overview.

use std::collections::HashMap;

use crate::store::{Conn, Reads};
use chrono::NaiveDate;

use super::status::{assess, MetricState, MetricStatus};
use super::store::{measurements, metrics};
use super::{DatedValue, Metric};
use crate::{Result, Store};

impl Store {
    /// Where one metric stands as of `today`.
    pub fn metric_status(&self, metric_id: &str, today: NaiveDate) -> Result<MetricStatus> {
        self.read(|conn| {
            let metric = metrics::fetch(conn, metric_id)?;
            let latest = measurements::latest(conn, metric_id)?;
            Ok(status_of(
                &metric,
                latest,
                &metrics::rollout_names(conn)?,
                today,
            ))
        })
    }

    /// Every live metric of a rollout with its status, in the order they were defined:
    /// the small multiples of the rollout's metrics page.
    pub fn rollout_metric_statuses(
        &self,
        rollout_id: &str,
        today: NaiveDate,
    ) -> Result<Vec<MetricStatus>> {
        self.read(|conn| rollout_statuses_in(conn, rollout_id, today))
    }

    /// Metrics in act or watch, or overdue, with the action to take and who takes it —
    /// for one rollout, or (`None`) every live rollout. Act first, then watch, then
    /// overdue; within each, by rollout and metric name.
    pub fn metrics_needing_attention(
        &self,
        rollout_id: Option<&str>,
        today: NaiveDate,
    ) -> Result<Vec<MetricStatus>> {
        match rollout_id {
            Some(id) => self.read(|conn| {
                crate::rollouts::require_rollout(conn, id)?;
                attention_in(conn, &metrics::list_live(conn, id)?, today)
            }),
            // Every live rollout's (Home): kept for the day while nothing it reads
            // changes, as a task typed elsewhere changes none of it.
            None => self.read_kept_where(
                |store| &store.kept.metrics_attention,
                |(day, _)| *day == today,
                |conn| {
                    Ok((
                        today,
                        attention_in(conn, &metrics::list_all_live(conn)?, today)?,
                    ))
                },
                |_, (_, attention)| Ok(attention.clone()),
            ),
        }
    }
}

/// What [`Store::metrics_needing_attention`] for every live rollout reads, so that its
/// list is kept while none of it changes ([`crate::store::Kept`]): a test checks it
/// against the columns the read asks SQLite for.
pub(crate) const ATTENTION_READS: Reads = Reads {
    name: "attention",
    tables: &[
        ("metrics", &[]),
        ("metric_thresholds", &[]),
        (
            "metric_measurements",
            &["metric_id", "measured_on", "value", "deleted_at"],
        ),
        ("rollouts", &["id", "name", "deleted_at"]),
        ("people", &["id", "name"]),
    ],
    pointed_at: &[],
};

/// Of `metrics`, those in act or watch, or overdue, as of `today`: act first, then
/// watch, then overdue; within each, by rollout and metric name.
pub(super) fn attention_in(
    conn: &Conn,
    metrics: &[Metric],
    today: NaiveDate,
) -> Result<Vec<MetricStatus>> {
    let names = metrics::rollout_names(conn)?;
    let mut attention = Vec::new();
    for metric in metrics {
        let latest = measurements::latest(conn, &metric.id)?;
        let status = status_of(metric, latest, &names, today);
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
}

/// Every live metric of a rollout with its status, inside a caller's read: the one
/// list the metrics page and the programme page both show.
pub(crate) fn rollout_statuses_in(
    conn: &Conn,
    rollout_id: &str,
    today: NaiveDate,
) -> Result<Vec<MetricStatus>> {
    crate::rollouts::require_rollout(conn, rollout_id)?;
    statuses_of(conn, &metrics::list_live(conn, rollout_id)?, today)
}

/// The status of every live metric `person_id` owns in an open rollout, inside a
/// caller's read: the values a person's week asks them to record.
pub(crate) fn owned_statuses_in(
    conn: &Conn,
    person_id: &str,
    today: NaiveDate,
) -> Result<Vec<MetricStatus>> {
    statuses_of(conn, &metrics::list_live_owned_by(conn, person_id)?, today)
}

/// Each of `list` with its status as of `today`, from its latest value.
fn statuses_of(conn: &Conn, list: &[Metric], today: NaiveDate) -> Result<Vec<MetricStatus>> {
    let names = metrics::rollout_names(conn)?;
    list.iter()
        .map(|metric| {
            let latest = measurements::latest(conn, &metric.id)?;
            Ok(status_of(metric, latest, &names, today))
        })
        .collect()
}

/// Each live metric of a rollout with its status as of each of `days` (in that order),
/// judged by [`assess`] from the latest value measured by then: a weekly status compares
/// the start of its week with its end. Today's thresholds and definition are used for
/// every day, as they keep no history.
pub(crate) fn statuses_on(
    conn: &Conn,
    rollout_id: &str,
    days: &[NaiveDate],
) -> Result<Vec<(Metric, Vec<MetricStatus>)>> {
    let names = metrics::rollout_names(conn)?;
    metrics::list_live(conn, rollout_id)?
        .into_iter()
        .map(|metric| {
            let statuses = days
                .iter()
                .map(|&day| {
                    let latest = measurements::latest_by(conn, &metric.id, day)?;
                    Ok(status_of(&metric, latest, &names, day))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok((metric, statuses))
        })
        .collect()
}

fn urgency(status: &MetricStatus) -> u8 {
    match status.state {
        MetricState::Act => 0,
        MetricState::Watch => 1,
        MetricState::OnTrack | MetricState::NoData => 2,
    }
}

/// The metric's status from its latest value, named with its rollout.
fn status_of(
    metric: &Metric,
    latest: Option<DatedValue>,
    rollout_names: &HashMap<String, String>,
    today: NaiveDate,
) -> MetricStatus {
    let mut status = assess(metric, latest, today);
    status.rollout_name = rollout_names
        .get(&metric.rollout_id)
        .cloned()
        .unwrap_or_default();
    status
}
