//! The status rules, one situation per test.

use chrono::{NaiveDate, Utc};

use super::*;
use crate::metrics::{Indicator, MetricUnit, ThresholdLevel};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn at(date: &str, value: f64) -> DatedValue {
    DatedValue {
        date: day(date),
        value,
    }
}

fn threshold(level: ThresholdLevel, value: f64, action: &str, acted_by: &str) -> Threshold {
    Threshold {
        id: format!("{level:?}"),
        metric_id: "m".into(),
        level,
        value,
        action: action.into(),
        owner_id: None,
        owner_name: String::new(),
        owner_role: acted_by.into(),
        acted_by: acted_by.into(),
        row_version: 1,
    }
}

/// Portal activation: higher is better, 30% on Nov 1 to 60% on Dec 31 (a line rising
/// half a point a day), watch below 45%, act below 35%.
fn portal_activation() -> Metric {
    Metric {
        id: "m".into(),
        rollout_id: "r".into(),
        name: "Patient portal activation".into(),
        definition: String::new(),
        numerator: String::new(),
        denominator: String::new(),
        unit: MetricUnit::Percent,
        direction: Direction::HigherIsBetter,
        indicator: Indicator::Leading,
        data_source: String::new(),
        cadence: Cadence::Weekly,
        owner_id: None,
        owner_name: "Dana Whitfield".into(),
        baseline: Some(at("2026-11-01", 30.0)),
        target: Some(at("2026-12-31", 60.0)),
        watch: Some(threshold(
            ThresholdLevel::Watch,
            45.0,
            "Super-users run a sign-up drive at check-in",
            "front-desk lead",
        )),
        act: Some(threshold(
            ThresholdLevel::Act,
            35.0,
            "Add portal sign-up to the rooming checklist",
            "Priya Nair",
        )),
        created_at: Utc::now(),
        updated_at: Utc::now(),
        deleted_at: None,
        row_version: 1,
    }
}

/// No-show rate: lower is better, 14% on Nov 1 to 9% on Dec 1, watch above 12%, act
/// above 15%.
fn no_show_rate() -> Metric {
    Metric {
        name: "No-show rate".into(),
        direction: Direction::LowerIsBetter,
        indicator: Indicator::Lagging,
        baseline: Some(at("2026-11-01", 14.0)),
        target: Some(at("2026-12-01", 9.0)),
        watch: Some(threshold(
            ThresholdLevel::Watch,
            12.0,
            "Front-desk lead reviews the unconfirmed list daily",
            "",
        )),
        act: Some(threshold(
            ThresholdLevel::Act,
            15.0,
            "Add a second reminder 24 h before",
            "front-desk lead",
        )),
        ..portal_activation()
    }
}

const TODAY: &str = "2026-12-02";

fn status_of(metric: &Metric, date: &str, value: f64) -> MetricStatus {
    assess(metric, Some(at(date, value)), day(TODAY))
}

#[test]
fn higher_is_better_below_the_watch_level_is_watch_with_its_action() {
    let status = status_of(&portal_activation(), "2026-12-01", 41.0);
    assert_eq!(status.state, MetricState::Watch);
    assert_eq!(
        status.reason,
        "41% on Dec 1: below the watch level 45% — Super-users run a sign-up drive at check-in \
         (front-desk lead).",
        "the reason names the value, the level and what happens"
    );
    assert_eq!(status.action, "Super-users run a sign-up drive at check-in");
    assert_eq!(status.acted_by, "front-desk lead");
}

#[test]
fn higher_is_better_below_the_act_level_is_act() {
    let status = status_of(&portal_activation(), "2026-12-01", 30.0);
    assert_eq!(status.state, MetricState::Act);
    assert!(
        status
            .reason
            .starts_with("30% on Dec 1: below the act level 35%"),
        "{}",
        status.reason
    );
    assert_eq!(status.acted_by, "Priya Nair");
}

#[test]
fn lower_is_better_above_the_act_level_is_act_and_between_levels_is_watch() {
    let metric = no_show_rate();
    let act = status_of(&metric, "2026-12-01", 15.5);
    assert_eq!(act.state, MetricState::Act);
    assert!(
        act.reason.contains("above the act level 15%"),
        "{}",
        act.reason
    );
    let watch = status_of(&metric, "2026-12-01", 13.0);
    assert_eq!(
        watch.state,
        MetricState::Watch,
        "between watch (12) and act (15)"
    );
    assert!(
        watch.reason.contains("above the watch level 12%"),
        "{}",
        watch.reason
    );
    assert_eq!(
        watch.acted_by, "Dana Whitfield",
        "a threshold without anyone named falls back to the metric's owner"
    );
}

#[test]
fn a_value_exactly_on_a_level_has_not_crossed_it() {
    let mut metric = portal_activation();
    metric.baseline = None;
    metric.target = None;
    assert_eq!(
        status_of(&metric, "2026-12-01", 45.0).state,
        MetricState::OnTrack
    );
    assert_eq!(
        status_of(&metric, "2026-12-01", 35.0).state,
        MetricState::Watch
    );
    let mut lower = no_show_rate();
    lower.baseline = None;
    lower.target = None;
    assert_eq!(
        status_of(&lower, "2026-12-01", 12.0).state,
        MetricState::OnTrack
    );
    assert_eq!(
        status_of(&lower, "2026-12-01", 15.0).state,
        MetricState::Watch
    );
}

#[test]
fn behind_the_line_but_inside_the_thresholds_is_watch() {
    // On Dec 1 the line from 30% (Nov 1) to 60% (Dec 31) stands at 45%.
    let metric = portal_activation();
    assert_eq!(expected_on(&metric, day("2026-12-01")), Some(45.0));
    let mut relaxed = metric.clone();
    relaxed.watch.as_mut().expect("watch").value = 40.0;
    let status = status_of(&relaxed, "2026-12-01", 43.0);
    assert_eq!(status.state, MetricState::Watch);
    assert!(status.behind_trajectory);
    assert_eq!(
        status.reason,
        "43% on Dec 1: behind the line to 60% by Dec 31 (45% expected by then)."
    );
    assert_eq!(
        status.action, "Super-users run a sign-up drive at check-in",
        "the watch level's action is what a watch calls for"
    );
    let ahead = status_of(&relaxed, "2026-12-01", 46.0);
    assert_eq!(ahead.state, MetricState::OnTrack);
    assert!(ahead.action.is_empty(), "nothing to do when on track");
    assert_eq!(
        ahead.reason,
        "46% on Dec 1: on track (45% expected by then on the way to 60% by Dec 31)."
    );
    let on_the_line = status_of(&relaxed, "2026-12-01", 45.0);
    assert_eq!(
        on_the_line.state,
        MetricState::OnTrack,
        "on the line is on track"
    );
}

#[test]
fn lower_is_better_behind_the_line_is_watch() {
    let mut metric = no_show_rate();
    metric.target = Some(at("2026-12-31", 9.0));
    metric.watch.as_mut().expect("watch").value = 13.0;
    // A quarter of the way along the 60-day line from 14% to 9%: 14 - 5 * 15/60.
    assert_eq!(expected_on(&metric, day("2026-11-16")), Some(12.75));
    let status = status_of(&metric, "2026-11-16", 12.9);
    assert_eq!(status.state, MetricState::Watch);
    assert!(status.behind_trajectory);
    assert_eq!(
        status_of(&metric, "2026-11-16", 12.5).state,
        MetricState::OnTrack
    );
}

#[test]
fn before_the_baseline_date_there_is_no_line_yet() {
    let mut metric = portal_activation();
    metric.watch.as_mut().expect("watch").value = 20.0;
    metric.act = None;
    assert_eq!(expected_on(&metric, day("2026-10-15")), None);
    let status = status_of(&metric, "2026-10-15", 25.0);
    assert_eq!(
        status.state,
        MetricState::OnTrack,
        "judged on thresholds only"
    );
    assert!(!status.behind_trajectory);
    assert_eq!(status.expected, None);
}

#[test]
fn after_the_target_date_the_line_holds_at_the_target() {
    let mut metric = portal_activation();
    metric.watch = None;
    metric.act = None;
    assert_eq!(expected_on(&metric, day("2027-02-01")), Some(60.0));
    let short = assess(&metric, Some(at("2027-02-01", 58.0)), day("2027-02-02"));
    assert_eq!(short.state, MetricState::Watch);
    assert_eq!(
        short.reason,
        "58% on Feb 1: short of the target 60%, due Dec 31, 2026."
    );
    let reached = assess(&metric, Some(at("2027-02-01", 61.0)), day("2027-02-02"));
    assert_eq!(reached.state, MetricState::OnTrack);
    assert_eq!(
        reached.reason,
        "61% on Feb 1: on track, at or better than the target 60%."
    );
}

#[test]
fn no_value_yet_is_no_data_and_overdue_once_the_baseline_is_a_cadence_old() {
    let metric = portal_activation();
    let fresh = assess(&metric, None, day("2026-11-09"));
    assert_eq!(fresh.state, MetricState::NoData);
    assert_eq!(fresh.reason, "No value recorded yet.");
    assert!(
        !fresh.overdue,
        "Nov 9 is the eighth day after the Nov 1 baseline"
    );
    let late = assess(&metric, None, day("2026-11-10"));
    assert!(late.overdue);
    assert_eq!(
        late.reason,
        "No value recorded yet. The first weekly value was due by Nov 9."
    );
    let mut undated = metric.clone();
    undated.baseline = None;
    assert!(
        !assess(&undated, None, day("2027-06-01")).overdue,
        "nothing to count from"
    );
}

#[test]
fn a_stale_value_still_decides_the_state_and_flags_overdue() {
    let metric = portal_activation();
    let fresh = assess(&metric, Some(at("2026-12-01", 41.0)), day("2026-12-09"));
    assert!(!fresh.overdue, "a weekly value plus one grace day");
    assert_eq!(fresh.next_due, Some(day("2026-12-09")));
    let stale = assess(&metric, Some(at("2026-12-01", 41.0)), day("2026-12-10"));
    assert!(stale.overdue);
    assert_eq!(stale.state, MetricState::Watch);
    assert!(
        stale
            .reason
            .ends_with("A weekly value is overdue (due by Dec 9)."),
        "{}",
        stale.reason
    );
}

#[test]
fn each_cadence_has_its_window() {
    let mut metric = portal_activation();
    let latest = Some(at("2026-12-01", 50.0));
    for (cadence, last_fine, first_overdue) in [
        (Cadence::Daily, "2026-12-04", "2026-12-05"),
        (Cadence::Weekly, "2026-12-09", "2026-12-10"),
        (Cadence::Monthly, "2027-01-05", "2027-01-06"),
    ] {
        metric.cadence = cadence;
        assert!(
            !assess(&metric, latest, day(last_fine)).overdue,
            "{cadence:?} on {last_fine}"
        );
        assert!(
            assess(&metric, latest, day(first_overdue)).overdue,
            "{cadence:?} on {first_overdue}"
        );
    }
}

#[test]
fn without_thresholds_or_target_the_status_says_so() {
    let mut metric = portal_activation();
    metric.watch = None;
    metric.act = None;
    metric.target = None;
    let status = status_of(&metric, "2026-12-01", 10.0);
    assert_eq!(status.state, MetricState::OnTrack);
    assert_eq!(
        status.reason,
        "10% on Dec 1: no target or threshold to compare with yet."
    );
}
