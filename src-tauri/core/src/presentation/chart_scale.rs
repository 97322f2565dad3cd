//! The scales a metric's chart is drawn on: the value range with its round ticks and
//! the date range with its month ticks, each tick labelled as the core writes values
//! and dates. Computed once here, so the chart on screen and the charts in the HTML
//! and PDF reports share their axes and read the same.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::export::svg::{nice_ticks, DateScale};
use crate::metrics::format::value_text;
use crate::metrics::{DatedValue, MetricChart, MetricUnit};

/// A round value on the value axis and its label in the metric's unit ("40%").
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ValueTick {
    pub value: f64,
    pub label: String,
}

/// A first day of a month on the time axis and its label ("Feb 2027", then "Mar").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DateTick {
    pub date: NaiveDate,
    pub label: String,
}

/// Where a chart's values and dates sit: the plot spans `value_min..=value_max` from
/// bottom to top and `first_day..=last_day` from left to right.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChartScale {
    pub value_min: f64,
    pub value_max: f64,
    /// The value axis' ticks, bottom to top; the first is `value_min`, the last
    /// `value_max`.
    pub value_ticks: Vec<ValueTick>,
    /// Three days before the first dated value, baseline or target.
    pub first_day: NaiveDate,
    /// Three days after the last.
    pub last_day: NaiveDate,
    pub date_ticks: Vec<DateTick>,
}

/// How many steps the value axis is cut into, about.
const VALUE_STEPS: usize = 5;
/// Days of margin either side of the data, so the first and last dots are not cut.
const DATE_MARGIN_DAYS: u64 = 3;

impl ChartScale {
    /// The scales of `chart`'s values, baseline, target, threshold levels and
    /// improvement cycles (Do windows and predictions); `None` without any value,
    /// baseline, target or cycle to place.
    pub fn of(chart: &MetricChart) -> Option<Self> {
        let predictions: Vec<DatedValue> = chart.cycles.iter().map(|c| c.prediction).collect();
        let anchors = chart
            .baseline
            .iter()
            .chain(chart.target.iter())
            .chain(predictions.iter());
        let windows = chart.cycles.iter().flat_map(|c| [c.do_from, c.do_to]);
        let dates = chart
            .points
            .iter()
            .chain(anchors.clone())
            .map(|v| v.date)
            .chain(windows);
        let first = dates.clone().min()?;
        let last = dates.max()?;
        let values: Vec<f64> = chart
            .points
            .iter()
            .chain(anchors)
            .map(|v| v.value)
            .chain(chart.watch_level)
            .chain(chart.act_level)
            .collect();
        let (value_min, value_max, ticks) = value_axis(&values, chart.metric.unit);
        let first_day = first
            .checked_sub_days(Days::new(DATE_MARGIN_DAYS))
            .unwrap_or(first);
        let last_day = last
            .checked_add_days(Days::new(DATE_MARGIN_DAYS))
            .unwrap_or(last);
        let date_scale = DateScale {
            first: first_day,
            last: last_day,
            left: 0.0,
            width: 1.0,
        };
        Some(Self {
            value_min,
            value_max,
            value_ticks: ticks
                .into_iter()
                .map(|value| ValueTick {
                    value,
                    label: value_text(value, chart.metric.unit),
                })
                .collect(),
            first_day,
            last_day,
            date_ticks: date_scale
                .month_ticks()
                .into_iter()
                .map(|(date, label)| DateTick { date, label })
                .collect(),
        })
    }
}

/// The value range and its round ticks: the values padded by a tenth of their spread,
/// never padded below zero when nothing is negative, nor above 100 for a percentage
/// that is not — the axis must not reach values that cannot happen.
fn value_axis(values: &[f64], unit: MetricUnit) -> (f64, f64, Vec<f64>) {
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let pad = ((high - low) * 0.1).max(high.abs() * 0.05).max(1.0);
    let floor = if low >= 0.0 {
        (low - pad).max(0.0)
    } else {
        low - pad
    };
    let ceiling = if unit == MetricUnit::Percent && high <= 100.0 {
        (high + pad).min(100.0)
    } else {
        high + pad
    };
    let ticks = nice_ticks(floor, ceiling, VALUE_STEPS);
    let min = ticks.first().copied().unwrap_or(low);
    let max = ticks.last().copied().unwrap_or(high);
    (min, max, ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_axis_stays_within_0_and_100_with_labelled_ticks() {
        // The values of the UI's chart test (ui/src/lib/metrics.test.ts), whose scale
        // is this one.
        let (min, max, ticks) =
            value_axis(&[20.0, 40.0, 20.0, 60.0, 30.0, 25.0], MetricUnit::Percent);
        assert!(min >= 0.0 && max <= 100.0, "{min}..{max}");
        assert_eq!(
            ticks,
            [10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
            "round tens around 20-60"
        );
        assert_eq!(
            ticks.first().copied(),
            Some(min),
            "the axis starts at a tick"
        );
        assert_eq!(ticks.last().copied(), Some(max), "and ends at one");
        assert_eq!(value_text(ticks[0], MetricUnit::Percent), "10%");
    }

    #[test]
    fn a_negative_value_is_not_cut_off() {
        let (min, _, _) = value_axis(&[-500.0, 1200.0], MetricUnit::Dollars);
        assert!(min <= -500.0, "the axis reaches the lowest value: {min}");
    }
}
