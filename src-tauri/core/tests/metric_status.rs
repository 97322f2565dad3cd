//! Where metrics stand, as the screens ask: a status that follows the weeks entered, the
//! attention list in order of urgency, and the chart with its lines, levels and marks.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod metrics_common;

use metrics_common::{act, date, portal_activation, value, watch, workspace};
use rollplan_core::metrics::{AnnotationKind, Cadence, MetricState, QuickEntry, CHART_MAX_POINTS};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::workspace::DecisionDraft;

#[test]
fn status_follows_the_values_as_weeks_are_entered() {
    let (store, rollout) = workspace();
    let metric = store
        .create_metric(&rollout, &portal_activation())
        .expect("metric");
    store
        .create_threshold(&metric.id, &watch(33.0))
        .expect("watch");
    store.create_threshold(&metric.id, &act(28.0)).expect("act");
    assert_eq!(
        store
            .metric_status(&metric.id, date("2026-11-05"))
            .expect("status")
            .state,
        MetricState::NoData
    );
    // The line from 30% (Nov 1) to 60% (Dec 31) rises half a point a day.
    let weeks = [
        ("2026-11-10", 35.0, MetricState::OnTrack, "ahead of 34.5%"),
        ("2026-11-17", 39.0, MetricState::OnTrack, "ahead of 38%"),
        (
            "2026-11-24",
            41.0,
            MetricState::Watch,
            "behind 41.5%, above the watch level",
        ),
        ("2026-12-01", 27.0, MetricState::Act, "below the act level"),
    ];
    for (on, number, expected, why) in weeks {
        store
            .record_measurement(&metric.id, &value(on, number))
            .expect("value");
        let today = date(on) + chrono::Days::new(1);
        let status = store.metric_status(&metric.id, today).expect("status");
        assert_eq!(
            status.state, expected,
            "{number} on {on} is {why}: {}",
            status.reason
        );
        assert_eq!(status.rollout_name, "Patient portal");
        assert!(!status.overdue, "a value a day old is not overdue");
    }
    let status = store
        .metric_status(&metric.id, date("2026-12-02"))
        .expect("status");
    assert_eq!(
        status.reason,
        "27% on Dec 1: below the act level 28% — Add portal sign-up to the rooming checklist (Priya Nair)."
    );
    let statuses = store
        .rollout_metric_statuses(&rollout, date("2026-12-02"))
        .expect("statuses");
    assert_eq!(statuses.len(), 1);
    assert_eq!(
        statuses[0], status,
        "the small multiples show the same status"
    );
}

#[test]
fn attention_lists_act_then_watch_then_overdue_with_the_action_and_who() {
    let (store, rollout) = workspace();
    let other = store
        .create_rollout(&RolloutDraft {
            name: "SMS reminders".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    let metric = |rollout: &str, name: &str| {
        let mut draft = portal_activation();
        draft.name = name.into();
        let metric = store.create_metric(rollout, &draft).expect("metric");
        store
            .create_threshold(&metric.id, &watch(40.0))
            .expect("watch");
        store.create_threshold(&metric.id, &act(33.0)).expect("act");
        metric.id
    };
    let watching = metric(&rollout, "Portal activation at Riverside");
    let acting = metric(&other, "Portal activation at Northgate");
    let fine = metric(&rollout, "Portal activation on the web");
    let stale = metric(&rollout, "Portal activation by phone");
    store
        .record_measurement(&watching, &value("2026-12-01", 38.0))
        .expect("watch");
    store
        .record_measurement(&acting, &value("2026-12-01", 20.0))
        .expect("act");
    store
        .record_measurement(&fine, &value("2026-12-01", 50.0))
        .expect("fine");
    store
        .record_measurement(&stale, &value("2026-11-20", 50.0))
        .expect("stale");
    let today = date("2026-12-02");

    let all = store
        .metrics_needing_attention(None, today)
        .expect("attention");
    let names: Vec<&str> = all.iter().map(|s| s.metric_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Portal activation at Northgate",
            "Portal activation at Riverside",
            "Portal activation by phone"
        ],
        "act, then watch, then overdue; the one on track with a fresh value is left out"
    );
    assert_eq!(all[0].rollout_name, "SMS reminders");
    assert_eq!(all[0].action, "Add portal sign-up to the rooming checklist");
    assert_eq!(all[0].acted_by, "Priya Nair");
    assert_eq!(all[1].acted_by, "front-desk lead");
    assert!(all[2].overdue && all[2].state == MetricState::OnTrack);
    let one = store
        .metrics_needing_attention(Some(&rollout), today)
        .expect("one rollout");
    assert_eq!(one.len(), 2, "only this rollout's metrics");
    store.trash_rollout(&other).expect("trash rollout");
    assert_eq!(
        store
            .metrics_needing_attention(None, today)
            .expect("attention")
            .len(),
        2,
        "a rollout in the trash needs no attention"
    );
}

#[test]
fn the_chart_has_the_series_lines_levels_and_marks() {
    let (store, rollout) = workspace();
    let metric = store
        .create_metric(&rollout, &portal_activation())
        .expect("metric");
    store
        .create_threshold(&metric.id, &watch(40.0))
        .expect("watch");
    store
        .create_decision(
            &rollout,
            &DecisionDraft {
                decided_on: "2026-11-20".into(),
                title: "Sign-up at check-in, not by email".into(),
                choice: "Check-in".into(),
                ..DecisionDraft::default()
            },
        )
        .expect("decision");
    let entries: Vec<QuickEntry> = vec![QuickEntry {
        metric_id: metric.id.clone(),
        value: 35.0,
        note: String::new(),
    }];
    store
        .record_measurements(&rollout, "2026-11-10", &entries)
        .expect("week 1");
    store
        .record_measurement(&metric.id, &value("2026-11-17", 39.0))
        .expect("week 2");
    let chart = store
        .metric_chart(&metric.id, date("2026-11-18"))
        .expect("chart");
    assert_eq!(chart.points.len(), 2);
    assert!(!chart.downsampled);
    assert_eq!(chart.target_line.len(), 2, "baseline to target");
    assert_eq!(chart.target_line[1].value, 60.0);
    assert_eq!(chart.watch_level, Some(40.0));
    assert_eq!(chart.act_level, None);
    let marks: Vec<(AnnotationKind, &str)> = chart
        .annotations
        .iter()
        .map(|a| (a.kind, a.label.as_str()))
        .collect();
    assert_eq!(
        marks,
        [
            (AnnotationKind::GoLive, "Go-live"),
            (
                AnnotationKind::Decision,
                "Sign-up at check-in, not by email"
            )
        ],
        "go-live (Nov 2) and the decision (Nov 20), in date order"
    );
    assert_eq!(
        chart.status.state,
        MetricState::Watch,
        "39 < 38 expected? no: below watch 40"
    );
}

#[test]
fn a_long_daily_series_is_downsampled_for_the_chart() {
    let (store, rollout) = workspace();
    let mut draft = portal_activation();
    draft.cadence = Cadence::Daily;
    let metric = store.create_metric(&rollout, &draft).expect("metric");
    let start = date("2025-01-01");
    for day in 0..800u64 {
        let on = start + chrono::Days::new(day);
        let number = if day == 500 {
            99.0
        } else {
            40.0 + (day % 7) as f64
        };
        store
            .record_measurement(&metric.id, &value(&on.to_string(), number))
            .expect("value");
    }
    let chart = store
        .metric_chart(&metric.id, date("2027-03-15"))
        .expect("chart");
    assert_eq!(chart.total_points, 800);
    assert!(chart.downsampled);
    assert!(chart.points.len() <= CHART_MAX_POINTS);
    assert!(
        chart.points.iter().any(|p| p.value == 99.0),
        "the spike survives downsampling"
    );
    assert_eq!(
        chart.points.last().map(|p| p.date),
        Some(start + chrono::Days::new(799))
    );
}
