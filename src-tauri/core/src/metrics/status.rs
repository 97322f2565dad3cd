//! Where a metric stands, as pure functions of its definition, its latest value and
//! today — so the rules can be tested without a database.
//!
//! Rules:
//! - **No data**: no value recorded yet.
//! - **Act**: the latest value is past the act level; **watch**: past the watch level.
//!   Past means strictly worse (below when higher is better, above when lower is
//!   better): a value exactly on a level has not crossed it.
//! - **Trajectory**: with a baseline and a target, the straight line from the baseline
//!   (value, date) to the target (value, date) says where the metric should be on any
//!   date; after the target date it stays at the target. A latest value worse than the
//!   line on its date is **watch** even when no threshold is crossed. Before the
//!   baseline date there is no line yet (a value recorded then is judged on thresholds
//!   only).
//! - **Overdue**: a value is expected every day, week or month. The metric is overdue
//!   when today is more than [`overdue_after_days`] after its latest value (daily: 3,
//!   which covers a weekend; weekly: 7 + 1 grace day; monthly: 31 + 4 days for month-end
//!   reports) — or, with no value yet, after its baseline date. Overdue is a flag beside
//!   the state: a stale value still decides on-track / watch / act.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::format::{date_words, value_text};
use super::{Cadence, DatedValue, Direction, Metric, Threshold};

/// Where a metric stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MetricState {
    OnTrack,
    Watch,
    Act,
    NoData,
}

coded_enum!(MetricState, "status", "status", {
    OnTrack => "on_track", "On track";
    Watch => "watch", "Watch";
    Act => "act", "Act";
    NoData => "no_data", "No data";
});

/// A metric's status with its reason in words, and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricStatus {
    pub metric_id: String,
    pub metric_name: String,
    pub rollout_id: String,
    /// Filled by the store's status lists; empty from [`assess`] alone.
    pub rollout_name: String,
    pub unit: super::MetricUnit,
    pub direction: Direction,
    pub state: MetricState,
    /// "41% on Dec 1: below the watch level 45% — super-users run a sign-up drive
    /// (front-desk lead)".
    pub reason: String,
    pub latest: Option<DatedValue>,
    /// Where the line from baseline to target stands on the latest value's date.
    pub expected: Option<f64>,
    /// The latest value is worse than the line from baseline to target.
    pub behind_trajectory: bool,
    /// The cadence was missed: see [`overdue_after_days`].
    pub overdue: bool,
    /// The last day a value can arrive without being overdue.
    pub next_due: Option<NaiveDate>,
    /// What to do now: the crossed threshold's action (for watch on the trajectory
    /// alone, the watch level's action); empty when on track.
    pub action: String,
    /// Who does it: the threshold's person or role, or else the metric's owner.
    pub acted_by: String,
    /// The metric's owner.
    pub owner_name: String,
}

/// Days after the latest value (or the baseline) past which a value is overdue.
pub fn overdue_after_days(cadence: Cadence) -> u64 {
    match cadence {
        Cadence::Daily => 3,
        Cadence::Weekly => 8,
        Cadence::Monthly => 35,
    }
}

/// Where the straight line from the metric's baseline to its target stands on `date`:
/// `None` without both, or before the baseline date; the target after the target date.
pub fn expected_on(metric: &Metric, date: NaiveDate) -> Option<f64> {
    let (baseline, target) = (metric.baseline?, metric.target?);
    if date < baseline.date {
        return None;
    }
    let span = (target.date - baseline.date).num_days();
    if date >= target.date || span <= 0 {
        return Some(target.value);
    }
    let elapsed = (date - baseline.date).num_days() as f64;
    Some(baseline.value + (target.value - baseline.value) * elapsed / span as f64)
}

/// The status of `metric` given its latest value, as of `today`.
pub fn assess(metric: &Metric, latest: Option<DatedValue>, today: NaiveDate) -> MetricStatus {
    let show = |value: f64| value_text(value, metric.unit);
    let reference = latest.map(|l| l.date).or(metric.baseline.map(|b| b.date));
    let next_due =
        reference.and_then(|r| r.checked_add_days(Days::new(overdue_after_days(metric.cadence))));
    let overdue = next_due.is_some_and(|due| today > due);
    let mut status = MetricStatus {
        metric_id: metric.id.clone(),
        metric_name: metric.name.clone(),
        rollout_id: metric.rollout_id.clone(),
        rollout_name: String::new(),
        unit: metric.unit,
        direction: metric.direction,
        state: MetricState::NoData,
        reason: String::new(),
        latest,
        expected: None,
        behind_trajectory: false,
        overdue,
        next_due,
        action: String::new(),
        acted_by: metric.owner_name.clone(),
        owner_name: metric.owner_name.clone(),
    };
    let Some(latest) = latest else {
        status.reason = "No value recorded yet.".to_owned();
        if overdue {
            status.reason.push_str(&format!(
                " The first {} value was due by {}.",
                metric.cadence.code(),
                date_words(next_due.unwrap_or(today), today)
            ));
        }
        return status;
    };
    let opening = format!(
        "{} on {}",
        show(latest.value),
        date_words(latest.date, today)
    );
    let past = match metric.direction {
        Direction::HigherIsBetter => "below",
        Direction::LowerIsBetter => "above",
    };
    status.expected = expected_on(metric, latest.date);
    status.behind_trajectory = status
        .expected
        .is_some_and(|expected| behind(metric.direction, latest.value, expected));
    let crossed = [
        (&metric.act, MetricState::Act),
        (&metric.watch, MetricState::Watch),
    ]
    .into_iter()
    .find_map(|(threshold, state)| {
        threshold
            .as_ref()
            .filter(|t| metric.direction.is_worse(latest.value, t.value))
            .map(|t| (t, state))
    });
    let mut reason = if let Some((threshold, state)) = crossed {
        status.state = state;
        take_action(&mut status, threshold);
        format!(
            "{opening}: {past} the {} level {}{}",
            state.label().to_lowercase(),
            show(threshold.value),
            action_words(threshold)
        )
    } else if status.behind_trajectory {
        status.state = MetricState::Watch;
        if let Some(watch) = &metric.watch {
            take_action(&mut status, watch);
        }
        let target = metric.target.unwrap_or(latest);
        let expected = status.expected.unwrap_or(target.value);
        if latest.date >= target.date {
            let short = match metric.direction {
                Direction::HigherIsBetter => "short of",
                Direction::LowerIsBetter => "above",
            };
            format!(
                "{opening}: {short} the target {}, due {}",
                show(target.value),
                date_words(target.date, today)
            )
        } else {
            format!(
                "{opening}: behind the line to {} by {} ({} expected by then)",
                show(target.value),
                date_words(target.date, today),
                show(expected)
            )
        }
    } else {
        status.state = MetricState::OnTrack;
        status.action.clear();
        match (status.expected, metric.target) {
            (Some(expected), Some(target)) if latest.date < target.date => format!(
                "{opening}: on track ({} expected by then on the way to {} by {})",
                show(expected),
                show(target.value),
                date_words(target.date, today)
            ),
            (Some(_), Some(target)) => {
                format!(
                    "{opening}: on track, at or better than the target {}",
                    show(target.value)
                )
            }
            _ if metric.watch.is_some() || metric.act.is_some() => {
                format!("{opening}: on track, within the thresholds")
            }
            _ => format!("{opening}: no target or threshold to compare with yet"),
        }
    };
    if overdue {
        reason.push_str(&format!(
            ". A {} value is overdue (due by {})",
            metric.cadence.code(),
            date_words(next_due.unwrap_or(today), today)
        ));
    }
    reason.push('.');
    status.reason = reason;
    status
}

/// Worse than the line, allowing for the float noise of the interpolation.
fn behind(direction: Direction, value: f64, expected: f64) -> bool {
    let tolerance = 1e-9 * expected.abs().max(1.0);
    match direction {
        Direction::HigherIsBetter => value < expected - tolerance,
        Direction::LowerIsBetter => value > expected + tolerance,
    }
}

fn take_action(status: &mut MetricStatus, threshold: &Threshold) {
    status.action = threshold.action.trim().trim_end_matches('.').to_owned();
    if !threshold.acted_by.is_empty() {
        status.acted_by = threshold.acted_by.clone();
    }
}

/// " — super-users run a sign-up drive (front-desk lead)".
fn action_words(threshold: &Threshold) -> String {
    let action = threshold.action.trim().trim_end_matches('.');
    match (action.is_empty(), threshold.acted_by.is_empty()) {
        (true, _) => String::new(),
        (false, true) => format!(" — {action}"),
        (false, false) => format!(" — {action} ({})", threshold.acted_by),
    }
}

#[cfg(test)]
mod tests;
