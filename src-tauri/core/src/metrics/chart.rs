//! What the UI needs to draw one metric's chart as SVG: the series, the baseline, the
//! line to the target, the threshold levels, the go-live and decisions as marks, and
//! each improvement cycle's Do window and prediction.
//!
//! A year of daily values is 365 points; several years would be more than a small chart
//! can show. Series longer than [`CHART_MAX_POINTS`] are downsampled: the first and last
//! points are kept, and the rest is cut into equal runs of consecutive points of which
//! only the lowest and the highest are kept (in date order), so a one-day spike or dip
//! stays visible where averaging would flatten it.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::status::{assess, MetricStatus};
use super::store::{measurements, metrics};
use super::{DatedValue, Metric};
use crate::presentation::ChartScale;
use crate::{Result, Store};

/// The most points a chart's series holds.
pub const CHART_MAX_POINTS: usize = 400;

/// What a mark on the chart's time axis is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    GoLive,
    Decision,
}

/// A dated mark on the chart: the go-live, or a decision of the rollout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ChartAnnotation {
    pub date: NaiveDate,
    pub kind: AnnotationKind,
    /// "Go-live", or the decision's title.
    pub label: String,
    /// The decision's choice; empty for go-live.
    pub detail: String,
}

/// One metric's chart.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricChart {
    pub metric: Metric,
    pub status: MetricStatus,
    /// The values in date order, at most [`CHART_MAX_POINTS`].
    pub points: Vec<DatedValue>,
    /// How many live values the metric has (more than `points` when downsampled).
    pub total_points: usize,
    pub downsampled: bool,
    pub baseline: Option<DatedValue>,
    pub target: Option<DatedValue>,
    /// The straight line from baseline to target: two points, or empty without both.
    pub target_line: Vec<DatedValue>,
    pub watch_level: Option<f64>,
    pub act_level: Option<f64>,
    /// Go-live and the rollout's decisions, in date order.
    pub annotations: Vec<ChartAnnotation>,
    /// The metric's improvement cycles: each Do window as a band and its prediction as
    /// a marker, in the order they ran.
    pub cycles: Vec<crate::improvement::ChartCycle>,
    /// The axes the screen and the exports draw it on; `None` with nothing to place.
    pub scale: Option<ChartScale>,
}

impl Store {
    /// The chart of one metric as of `today`.
    pub fn metric_chart(&self, metric_id: &str, today: NaiveDate) -> Result<MetricChart> {
        let (metric, series, cycles) = self.read(|conn| {
            Ok((
                metrics::fetch(conn, metric_id)?,
                measurements::series(conn, metric_id)?,
                crate::improvement::chart_cycles(conn, metric_id)?,
            ))
        })?;
        let rollout = self.get_rollout(&metric.rollout_id)?;
        let mut annotations: Vec<ChartAnnotation> = self
            .list_decisions(&metric.rollout_id)?
            .into_iter()
            .map(|decision| ChartAnnotation {
                date: decision.decided_on,
                kind: AnnotationKind::Decision,
                label: decision.title,
                detail: decision.choice,
            })
            .collect();
        if let Some(go_live) = rollout.go_live_date {
            annotations.push(ChartAnnotation {
                date: go_live,
                kind: AnnotationKind::GoLive,
                label: "Go-live".into(),
                detail: String::new(),
            });
        }
        annotations.sort_by_key(|a| a.date);
        let mut status = assess(&metric, series.last().copied(), today);
        status.rollout_name = rollout.name;
        let points = downsample(&series, CHART_MAX_POINTS);
        let mut chart = MetricChart {
            status,
            total_points: series.len(),
            downsampled: points.len() < series.len(),
            points,
            baseline: metric.baseline,
            target: metric.target,
            target_line: metric
                .baseline
                .zip(metric.target)
                .map(|(b, t)| vec![b, t])
                .unwrap_or_default(),
            watch_level: metric.watch.as_ref().map(|t| t.value),
            act_level: metric.act.as_ref().map(|t| t.value),
            annotations,
            cycles,
            metric,
            scale: None,
        };
        chart.scale = ChartScale::of(&chart);
        Ok(chart)
    }
}

/// At most `max_points` (at least 4) of `series` (in date order): the first and last
/// points, and the lowest and highest of each equal run of the points between. A series
/// that fits is returned whole.
pub fn downsample(series: &[DatedValue], max_points: usize) -> Vec<DatedValue> {
    let max_points = max_points.max(4);
    if series.len() <= max_points {
        return series.to_vec();
    }
    let (first, inner, last) = (
        series[0],
        &series[1..series.len() - 1],
        series[series.len() - 1],
    );
    let buckets = (max_points - 2) / 2;
    let mut kept = Vec::with_capacity(max_points);
    kept.push(first);
    for b in 0..buckets {
        // Bucket edges spread the remainder evenly, so no bucket is empty.
        let start = b * inner.len() / buckets;
        let end = (b + 1) * inner.len() / buckets;
        let run = &inner[start..end];
        let by_value = |a: &&DatedValue, b: &&DatedValue| a.value.total_cmp(&b.value);
        let (Some(low), Some(high)) = (run.iter().min_by(by_value), run.iter().max_by(by_value))
        else {
            continue;
        };
        if low.date == high.date {
            kept.push(*low);
        } else if low.date < high.date {
            kept.extend([*low, *high]);
        } else {
            kept.extend([*high, *low]);
        }
    }
    kept.push(last);
    kept
}

#[cfg(test)]
mod tests {
    use chrono::Days;

    use super::*;

    fn daily(values: impl IntoIterator<Item = f64>) -> Vec<DatedValue> {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        values
            .into_iter()
            .enumerate()
            .map(|(i, value)| DatedValue {
                date: start + Days::new(i as u64),
                value,
            })
            .collect()
    }

    #[test]
    fn a_series_that_fits_is_returned_whole() {
        let series = daily((0..365).map(f64::from));
        assert_eq!(downsample(&series, 400), series);
    }

    #[test]
    fn a_long_series_keeps_its_ends_and_every_spike() {
        // Three years of a flat 50% with one high spike and one low dip.
        let mut values: Vec<f64> = vec![50.0; 1_095];
        values[400] = 97.0;
        values[777] = 3.0;
        let series = daily(values);
        let kept = downsample(&series, 400);
        assert!(kept.len() <= 400, "at most the limit: {}", kept.len());
        assert!(
            kept.len() >= 300,
            "most of the budget is used: {}",
            kept.len()
        );
        assert_eq!(kept.first(), series.first(), "the first point stays");
        assert_eq!(kept.last(), series.last(), "the last point stays");
        assert!(kept.contains(&series[400]), "the spike stays visible");
        assert!(kept.contains(&series[777]), "the dip stays visible");
        assert!(
            kept.windows(2).all(|w| w[0].date < w[1].date),
            "points stay in date order, once each"
        );
    }
}
