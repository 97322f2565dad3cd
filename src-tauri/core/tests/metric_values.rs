//! Recording a metric's values through the store: a date typed again replaces its value,
//! a taken date is refused, the weekly entry is all or nothing, and the trash.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod metrics_common;

use metrics_common::{date, fields, portal_activation, value, watch, workspace};
use rollplan_core::audit::{AuditAction, EntityKind};
use rollplan_core::metrics::{Direction, MetricDraft, QuickEntry, RecordOutcome};

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
