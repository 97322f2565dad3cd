//! Adoption metrics through the store: definitions and their validation, thresholds,
//! measurements (same date, weekly entry, trash), status, attention list and charts.

mod common;

use common::date;
use rollplan_core::audit::{AuditAction, EntityKind};
use rollplan_core::metrics::{
    AnnotationKind, Cadence, Direction, MeasurementDraft, MetricDraft, MetricState, MetricUnit,
    QuickEntry, RecordOutcome, ThresholdDraft, ThresholdLevel, CHART_MAX_POINTS,
};
use rollplan_core::people::PersonDraft;
use rollplan_core::plan::UNKNOWN_OWNER_FIELD;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::workspace::DecisionDraft;
use rollplan_core::{CoreError, FieldError, Store};

fn workspace() -> (Store, String) {
    let store = Store::open_in_memory().expect("store");
    store
        .create_person(&PersonDraft {
            name: "Priya Nair".into(),
            ..PersonDraft::default()
        })
        .expect("person");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Patient portal".into(),
            go_live_date: Some("2026-11-02".into()),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    (store, rollout)
}

/// Portal activation, 30% on Nov 1 to 60% on Dec 31.
fn portal_activation() -> MetricDraft {
    MetricDraft {
        name: "Patient portal activation".into(),
        definition: "Seen patients with an active portal account".into(),
        numerator: "Patients seen this week with an active account".into(),
        denominator: "Patients seen this week".into(),
        unit: MetricUnit::Percent,
        direction: Direction::HigherIsBetter,
        cadence: Cadence::Weekly,
        owner: "Priya Nair".into(),
        baseline_value: Some(30.0),
        baseline_date: Some("2026-11-01".into()),
        target_value: Some(60.0),
        target_date: Some("2026-12-31".into()),
        ..MetricDraft::default()
    }
}

fn watch(value: f64) -> ThresholdDraft {
    ThresholdDraft {
        level: ThresholdLevel::Watch,
        value,
        action: "Super-users run a sign-up drive at check-in".into(),
        owner_role: "front-desk lead".into(),
        ..ThresholdDraft::default()
    }
}

fn act(value: f64) -> ThresholdDraft {
    ThresholdDraft {
        level: ThresholdLevel::Act,
        value,
        action: "Add portal sign-up to the rooming checklist".into(),
        owner: "Priya Nair".into(),
        ..ThresholdDraft::default()
    }
}

fn value(on: &str, value: f64) -> MeasurementDraft {
    MeasurementDraft {
        measured_on: on.into(),
        value,
        ..MeasurementDraft::default()
    }
}

fn fields(error: CoreError) -> Vec<FieldError> {
    match error {
        CoreError::Validation(fields) => fields,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_metric_is_defined_with_its_owner_baseline_and_target_and_audited() {
    let (store, rollout) = workspace();
    let metric = store
        .create_metric(&rollout, &portal_activation())
        .expect("metric");
    assert_eq!(metric.owner_name, "Priya Nair");
    assert_eq!(metric.baseline.map(|b| b.value), Some(30.0));
    assert_eq!(metric.target.map(|t| t.date), Some(date("2026-12-31")));
    assert_eq!(store.list_metrics(&rollout).expect("list").len(), 1);
    let history = store
        .history(EntityKind::Metric, &metric.id)
        .expect("history");
    assert_eq!(history[0].action, AuditAction::Create);
    assert!(history[0]
        .changes
        .iter()
        .any(|c| c.field == "target" && c.new.as_deref() == Some("60 on 2026-12-31")));
    let mut edited = metric.draft();
    edited.target_value = Some(65.0);
    let updated = store
        .update_metric(&metric.id, metric.row_version, &edited)
        .expect("update");
    assert_eq!(updated.row_version, metric.row_version + 1);
    let stale = store
        .update_metric(&metric.id, metric.row_version, &edited)
        .expect_err("stale");
    assert_eq!(
        stale.code(),
        "conflict",
        "an edit from an old copy is refused"
    );
}

#[test]
fn a_target_in_the_wrong_direction_is_refused_on_the_target() {
    let (store, rollout) = workspace();
    let mut draft = portal_activation();
    draft.target_value = Some(25.0);
    let errors = fields(
        store
            .create_metric(&rollout, &draft)
            .expect_err("wrong way"),
    );
    assert_eq!(errors[0].field, "target_value");
    assert_eq!(
        errors[0].message,
        "Patient portal activation is better when higher, so the target (25%) cannot be below \
         the baseline (30%). Change the target, or the direction if higher is worse."
    );
    let lower = MetricDraft {
        name: "No-show rate".into(),
        direction: Direction::LowerIsBetter,
        baseline_value: Some(14.0),
        baseline_date: Some("2026-11-01".into()),
        target_value: Some(16.0),
        target_date: Some("2026-12-01".into()),
        ..MetricDraft::default()
    };
    let errors = fields(
        store
            .create_metric(&rollout, &lower)
            .expect_err("wrong way"),
    );
    assert!(
        errors[0]
            .message
            .contains("cannot be above the baseline (14%)"),
        "{:?}",
        errors
    );
    assert!(
        store.list_metrics(&rollout).expect("list").is_empty(),
        "nothing was written"
    );
}

#[test]
fn dates_percentages_and_owners_are_checked_field_by_field() {
    let (store, rollout) = workspace();
    let mut draft = portal_activation();
    draft.target_date = Some("2026-10-01".into());
    draft.baseline_value = Some(130.0);
    draft.owner = "Nobody Known".into();
    let errors = fields(store.create_metric(&rollout, &draft).expect_err("bad"));
    let field_names: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(field_names, ["baseline_value", UNKNOWN_OWNER_FIELD]);
    assert_eq!(
        errors[0].message,
        "A percentage is between 0 and 100: the baseline cannot be 130."
    );
    let mut draft = portal_activation();
    draft.target_date = Some("2026-10-01".into());
    let errors = fields(store.create_metric(&rollout, &draft).expect_err("bad"));
    assert_eq!(errors[0].field, "target_date");
    assert_eq!(
        errors[0].message,
        "The target date (2026-10-01) must come after the baseline date (2026-11-01)."
    );
    let mut draft = portal_activation();
    draft.baseline_date = None;
    let errors = fields(store.create_metric(&rollout, &draft).expect_err("bad"));
    assert_eq!(errors[0].field, "baseline_date");
    assert_eq!(errors[0].message, "Give the date of the baseline.");
    store
        .create_metric(&rollout, &portal_activation())
        .expect("first");
    let mut twin = portal_activation();
    twin.name = "patient PORTAL activation".into();
    let errors = fields(store.create_metric(&rollout, &twin).expect_err("twin"));
    assert_eq!(
        errors[0].message,
        "This rollout already has a metric called 'Patient portal activation'."
    );
}

#[test]
fn thresholds_must_put_watch_before_act() {
    let (store, rollout) = workspace();
    let metric = store
        .create_metric(&rollout, &portal_activation())
        .expect("metric");
    store
        .create_threshold(&metric.id, &watch(45.0))
        .expect("watch");
    let errors = fields(
        store
            .create_threshold(&metric.id, &act(50.0))
            .expect_err("above watch"),
    );
    assert_eq!(errors[0].field, "value");
    assert_eq!(
        errors[0].message,
        "When higher is better the act level must be below the watch level (45%), so that \
         watch comes before act; 50% is not."
    );
    let errors = fields(
        store
            .create_threshold(&metric.id, &act(45.0))
            .expect_err("equal"),
    );
    assert_eq!(
        errors[0].field, "value",
        "an act level equal to watch is refused too"
    );
    let act = store
        .create_threshold(&metric.id, &act(35.0))
        .expect("act below watch");
    assert_eq!(act.acted_by, "Priya Nair");
    let errors = fields(
        store
            .create_threshold(&metric.id, &watch(50.0))
            .expect_err("second watch"),
    );
    assert_eq!(errors[0].field, "level");
    let mut no_action = watch(40.0);
    no_action.action = " ".into();
    no_action.level = ThresholdLevel::Watch;
    let loaded = store.get_metric(&metric.id).expect("metric");
    let watch_id = loaded.watch.as_ref().expect("watch").id.clone();
    let errors = fields(
        store
            .update_threshold(&watch_id, 1, &no_action)
            .expect_err("no action"),
    );
    assert_eq!(errors[0].field, "action");
    assert_eq!(
        loaded.watch.as_ref().map(|t| t.acted_by.as_str()),
        Some("front-desk lead")
    );

    // Lower is better: act above watch.
    let lower = store
        .create_metric(
            &rollout,
            &MetricDraft {
                name: "No-show rate".into(),
                direction: Direction::LowerIsBetter,
                ..MetricDraft::default()
            },
        )
        .expect("no-show");
    store
        .create_threshold(&lower.id, &watch(12.0))
        .expect("watch");
    let errors = fields(
        store
            .create_threshold(&lower.id, &self::act(10.0))
            .expect_err("below"),
    );
    assert!(errors[0]
        .message
        .starts_with("When lower is better the act level must be above"));
    store
        .create_threshold(&lower.id, &self::act(15.0))
        .expect("act above watch");
    let mut turned = lower.draft();
    turned.direction = Direction::HigherIsBetter;
    let current = store.get_metric(&lower.id).expect("metric");
    let errors = fields(
        store
            .update_metric(&lower.id, current.row_version, &turned)
            .expect_err("turn"),
    );
    assert_eq!(
        errors[0].field, "direction",
        "turning the direction would invert the levels"
    );
}

#[test]
fn typing_a_value_for_a_date_that_has_one_replaces_it_and_says_so() {
    let (store, rollout) = workspace();
    let metric = store
        .create_metric(&rollout, &portal_activation())
        .expect("metric");
    let first = store
        .record_measurement(&metric.id, &value("2026-12-01", 39.0))
        .expect("first");
    assert_eq!(first.outcome, RecordOutcome::Added);
    assert_eq!(
        first.message,
        "Recorded 39% for Patient portal activation on Dec 1, 2026."
    );
    let again = store
        .record_measurement(&metric.id, &value("2026-12-01", 41.0))
        .expect("again");
    assert_eq!(again.outcome, RecordOutcome::Replaced);
    assert_eq!(again.previous_value, Some(39.0));
    assert_eq!(
        again.message,
        "Patient portal activation already had 39% on Dec 1, 2026: replaced it with 41%."
    );
    assert_eq!(
        again.measurement.id, first.measurement.id,
        "the same row, updated"
    );
    let same = store
        .record_measurement(&metric.id, &value("2026-12-01", 41.0))
        .expect("same");
    assert_eq!(same.outcome, RecordOutcome::Unchanged);
    let values = store.list_measurements(&metric.id).expect("values");
    assert_eq!(values.len(), 1, "one value per date");
    let history = store
        .history(EntityKind::MetricMeasurement, &first.measurement.id)
        .expect("history");
    assert_eq!(history.len(), 2, "created, then replaced");
    assert_eq!(
        history[0].changes[0].old.as_deref(),
        Some("39"),
        "the old value is kept in the log"
    );
    let errors = fields(
        store
            .record_measurement(&metric.id, &value("2026-12-08", 140.0))
            .expect_err("140%"),
    );
    assert_eq!(errors[0].field, "value");
    let errors = fields(
        store
            .record_measurement(&metric.id, &value("12/08/2026", 40.0))
            .expect_err("date"),
    );
    assert_eq!(errors[0].field, "measured_on");
}

#[test]
fn editing_a_value_onto_a_taken_date_is_refused_naming_the_date() {
    let (store, rollout) = workspace();
    let metric = store
        .create_metric(&rollout, &portal_activation())
        .expect("metric");
    store
        .record_measurement(&metric.id, &value("2026-12-01", 41.0))
        .expect("dec 1");
    let other = store
        .record_measurement(&metric.id, &value("2026-12-08", 44.0))
        .expect("dec 8");
    let errors = fields(
        store
            .update_measurement(&other.measurement.id, 1, &value("2026-12-01", 44.0))
            .expect_err("taken"),
    );
    assert_eq!(
        errors[0].message,
        "Patient portal activation already has a value on Dec 1, 2026 (41%): edit or trash that one instead."
    );
    let moved = store
        .update_measurement(&other.measurement.id, 1, &value("2026-12-09", 44.5))
        .expect("a free date");
    assert_eq!(moved.measured_on, date("2026-12-09"));
    assert_eq!(moved.row_version, 2);
}

#[test]
fn the_weekly_entry_records_every_metric_or_none() {
    let (store, rollout) = workspace();
    let portal = store
        .create_metric(&rollout, &portal_activation())
        .expect("portal");
    let no_show = store
        .create_metric(
            &rollout,
            &MetricDraft {
                name: "No-show rate".into(),
                direction: Direction::LowerIsBetter,
                ..MetricDraft::default()
            },
        )
        .expect("no-show");
    let entry = |metric_id: &str, value: f64| QuickEntry {
        metric_id: metric_id.into(),
        value,
        note: String::new(),
    };
    let error = store
        .record_measurements(
            &rollout,
            "2026-12-01",
            &[entry(&portal.id, 41.0), entry(&no_show.id, 112.0)],
        )
        .expect_err("one value off the scale");
    assert!(
        error
            .to_string()
            .contains("No-show rate's value cannot be 112"),
        "{error}"
    );
    assert!(
        store
            .list_measurements(&portal.id)
            .expect("values")
            .is_empty(),
        "a refused weekly entry leaves no value behind"
    );
    let recorded = store
        .record_measurements(
            &rollout,
            "2026-12-01",
            &[entry(&portal.id, 41.0), entry(&no_show.id, 12.0)],
        )
        .expect("weekly entry");
    assert_eq!(recorded.len(), 2);
    assert!(recorded.iter().all(|r| r.outcome == RecordOutcome::Added));
    assert_eq!(recorded[0].measurement.source, "typed");
}

#[test]
fn trash_and_restore_cover_definitions_thresholds_and_measurements() {
    let (store, rollout) = workspace();
    let metric = store
        .create_metric(&rollout, &portal_activation())
        .expect("metric");
    let threshold = store
        .create_threshold(&metric.id, &watch(45.0))
        .expect("watch");
    let recorded = store
        .record_measurement(&metric.id, &value("2026-12-01", 41.0))
        .expect("value");
    let id = &recorded.measurement.id;

    store.trash_measurement(id).expect("trash value");
    assert!(store
        .list_measurements(&metric.id)
        .expect("values")
        .is_empty());
    assert_eq!(
        store
            .list_trashed_measurements(&metric.id)
            .expect("trash")
            .len(),
        1
    );
    store
        .record_measurement(&metric.id, &value("2026-12-01", 43.0))
        .expect("a new value that day");
    let refused = store.restore_measurement(id).expect_err("date taken again");
    assert_eq!(refused.code(), "conflict");
    assert!(
        refused
            .to_string()
            .starts_with("Dec 1, 2026 has a value again (43)"),
        "{refused}"
    );

    store
        .trash_threshold(&threshold.id)
        .expect("trash threshold");
    assert!(store
        .get_metric(&metric.id)
        .expect("metric")
        .watch
        .is_none());
    store
        .restore_threshold(&threshold.id)
        .expect("restore threshold");
    assert!(store
        .get_metric(&metric.id)
        .expect("metric")
        .watch
        .is_some());

    store.trash_metric(&metric.id).expect("trash metric");
    assert!(store.list_metrics(&rollout).expect("list").is_empty());
    assert_eq!(
        store.list_trashed_metrics(&rollout).expect("trash").len(),
        1
    );
    let refused = store
        .record_measurement(&metric.id, &value("2026-12-08", 44.0))
        .expect_err("trashed");
    assert_eq!(refused.code(), "conflict");
    store
        .create_metric(&rollout, &portal_activation())
        .expect("a new one with the name");
    let refused = store.restore_metric(&metric.id).expect_err("name taken");
    assert_eq!(refused.code(), "conflict");

    for (kind, entity) in [
        (EntityKind::MetricMeasurement, id.as_str()),
        (EntityKind::MetricThreshold, threshold.id.as_str()),
        (EntityKind::Metric, metric.id.as_str()),
    ] {
        let actions: Vec<AuditAction> = store
            .history(kind, entity)
            .expect("history")
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert!(
            actions.contains(&AuditAction::Trash),
            "{kind:?} trash is audited"
        );
    }
}

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

#[test]
fn a_metric_from_a_template_comes_with_its_levels_and_actions() {
    use rollplan_core::metrics::{list_metric_templates, TemplateChoices};

    let (store, rollout) = workspace();
    let templates = list_metric_templates();
    let no_show = templates
        .iter()
        .find(|t| t.key == "no_show_rate")
        .expect("the no-show template");
    assert_eq!(no_show.direction, Direction::LowerIsBetter);
    assert_eq!(no_show.unit, MetricUnit::Percent);
    let metric = store
        .add_metric_from_template(
            &rollout,
            "no_show_rate",
            &TemplateChoices {
                owner: "Priya Nair".into(),
                baseline_value: Some(14.0),
                baseline_date: Some("2026-11-01".into()),
                target_value: Some(9.0),
                target_date: Some("2026-12-01".into()),
                act_level: Some(16.0),
                ..TemplateChoices::default()
            },
        )
        .expect("from the template");
    assert_eq!(metric.name, "No-show rate");
    assert_eq!(metric.owner_name, "Priya Nair");
    let watch = metric.watch.as_ref().expect("placed watch level");
    assert_eq!(
        (watch.value, watch.acted_by.as_str()),
        (14.0, "front-desk lead"),
        "watch follows the 14% baseline, not the template's fixed 12%"
    );
    let act = metric.act.as_ref().expect("chosen act level");
    assert_eq!(act.value, 16.0, "a chosen level replaces the suggestion");
    assert_eq!(act.action, "Add a second reminder 24 h before the visit");

    let wrong_way = store
        .add_metric_from_template(
            &rollout,
            "portal_activation",
            &TemplateChoices {
                baseline_value: Some(40.0),
                baseline_date: Some("2026-11-01".into()),
                target_value: Some(30.0),
                target_date: Some("2026-12-01".into()),
                ..TemplateChoices::default()
            },
        )
        .expect_err("a falling target for a rising metric");
    assert_eq!(fields(wrong_way)[0].field, "target_value");
    assert_eq!(
        store.list_metrics(&rollout).expect("list").len(),
        1,
        "nothing half-added"
    );
    let unknown = store
        .add_metric_from_template(&rollout, "happiness", &TemplateChoices::default())
        .expect_err("unknown");
    assert!(unknown
        .to_string()
        .starts_with("Unknown metric template 'happiness': use one of training_completion"));
}
