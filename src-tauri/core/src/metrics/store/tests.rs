//! The SQL guard of each versioned update: called with a version the row has moved on
//! from, the store function itself refuses the edit as a conflict and writes nothing.

use super::measurements::{self, MeasurementValues};
use super::metrics;
use super::thresholds::{self, ThresholdValues};
use crate::metrics::validate::{validate, MetricFacts};
use crate::metrics::{Metric, MetricDraft, ThresholdDraft, ThresholdLevel};
use crate::rollouts::RolloutDraft;
use crate::store::inspect::{query_plan, reads_index_alone};
use crate::time::parse_date;
use crate::{CoreError, Store};

const AT: &str = "2026-12-01T09:00:00Z";

fn store_with_metric() -> (Store, Metric) {
    let store = Store::open_in_memory().expect("store");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Patient portal".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout");
    let metric = store
        .create_metric(
            &rollout.id,
            &MetricDraft {
                name: "Portal activation".into(),
                ..MetricDraft::default()
            },
        )
        .expect("metric");
    (store, metric)
}

fn assert_conflict(result: crate::Result<()>, what: &str) {
    match result {
        Err(error @ CoreError::Conflict(_)) => assert!(
            error.to_string().contains("changed elsewhere"),
            "a stale {what} is refused as changed elsewhere: {error}"
        ),
        other => panic!("a stale {what} must be a conflict, got {other:?}"),
    }
}

#[test]
fn a_metric_update_at_a_stale_version_is_refused_by_the_sql() {
    let (store, metric) = store_with_metric();
    let draft = MetricDraft {
        name: "Renamed".into(),
        ..metric.draft()
    };
    let result = store.write(|tx| {
        let facts = MetricFacts {
            same_name: None,
            owner: Ok(None),
        };
        let valid = validate(Some(&metric), &draft, facts)?;
        metrics::update(
            tx,
            &metric.id,
            metric.row_version - 1,
            "Portal activation",
            &valid,
            AT,
        )
    });
    assert_conflict(result, "metric update");
    let after = store.get_metric(&metric.id).expect("metric");
    assert_eq!(
        after.name, "Portal activation",
        "the refused edit wrote nothing"
    );
    assert_eq!(
        after.row_version, metric.row_version,
        "the version did not move"
    );
}

#[test]
fn a_threshold_update_at_a_stale_version_is_refused_by_the_sql() {
    let (store, metric) = store_with_metric();
    let threshold = store
        .create_threshold(
            &metric.id,
            &ThresholdDraft {
                level: ThresholdLevel::Watch,
                value: 40.0,
                action: "Remind at check-in".into(),
                ..ThresholdDraft::default()
            },
        )
        .expect("threshold");
    let values = ThresholdValues {
        level: ThresholdLevel::Watch,
        value: 30.0,
        action: "Call the vendor",
        owner_id: None,
        owner_role: "",
    };
    let result = store.write(|tx| {
        thresholds::update(
            tx,
            &threshold.id,
            threshold.row_version + 1,
            "The watch level",
            &values,
            AT,
        )
    });
    assert_conflict(result, "threshold update");
    let after = store.get_metric(&metric.id).expect("metric");
    let watch = after.watch.expect("the watch level is still there");
    assert_eq!(watch.value, 40.0, "the refused edit wrote nothing");
    assert_eq!(
        watch.row_version, threshold.row_version,
        "the version did not move"
    );
}

#[test]
fn a_measurement_update_at_a_stale_version_is_refused_by_the_sql() {
    let (store, metric) = store_with_metric();
    let recorded = store
        .record_measurement(
            &metric.id,
            &crate::metrics::MeasurementDraft {
                measured_on: "2026-12-01".into(),
                value: 41.0,
                ..Default::default()
            },
        )
        .expect("value")
        .measurement;
    let values = MeasurementValues {
        measured_on: parse_date("2026-12-01").expect("date"),
        value: 55.0,
        note: "",
        source: "typed",
    };
    let result = store.write(|tx| {
        measurements::update(
            tx,
            &recorded.id,
            recorded.row_version - 1,
            "The value",
            &values,
            AT,
        )
    });
    assert_conflict(result, "measurement update");
    let after = store.list_measurements(&metric.id).expect("values");
    assert_eq!(after.len(), 1, "still one value");
    assert_eq!(after[0].value, 41.0, "the refused edit wrote nothing");
    assert_eq!(
        after[0].row_version, recorded.row_version,
        "the version did not move"
    );
}

/// Home reads the latest value of every metric: each must come from the index alone
/// (metric_measurements_latest, migration 0031), not from a read of the row, which on a
/// large file is a page read per metric.
#[test]
fn a_metrics_latest_value_is_read_from_the_index_alone() {
    let (store, _) = store_with_metric();
    let plan = store
        .read(|conn| query_plan(conn, measurements::LATEST, ["metric"]))
        .expect("plan");
    assert!(
        reads_index_alone(&plan, "metric_measurements_latest"),
        "the latest value comes from the covering index: {plan:?}"
    );
}

/// Home reads every live metric's thresholds in one pass: each metric must come back
/// with exactly the levels it has when read alone.
#[test]
fn every_metric_read_together_has_the_thresholds_it_has_alone() {
    let store = Store::open_in_memory().expect("store");
    let today = parse_date("2026-11-20").expect("date");
    crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
    let all = store.read(metrics::list_all_live).expect("every metric");
    assert!(
        all.iter().any(|m| m.watch.is_some() && m.act.is_some()),
        "the sample clinic has metrics with both levels"
    );
    assert!(
        all.iter().any(|m| m.watch.is_none() || m.act.is_none()),
        "and metrics missing one"
    );
    for metric in &all {
        let alone = store
            .read(|conn| metrics::fetch(conn, &metric.id))
            .expect("one metric");
        assert_eq!(&alone, metric, "{}: the same thresholds", metric.name);
    }
}

/// Home's metrics needing attention are kept for the day asked while nothing they read
/// changes: a task typed leaves them, a value recorded or another day reads them again,
/// and what is kept is always what reading afresh gives.
#[test]
fn the_kept_attention_list_is_read_again_only_when_what_it_reads_changes() {
    let store = Store::open_in_memory().expect("store");
    store.record_undo().expect("undo recording, as in the app");
    let today = parse_date("2026-11-20").expect("date");
    let rollouts = crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
    let afresh = |day| {
        store
            .read(|conn| {
                super::super::dashboard::attention_in(conn, &metrics::list_all_live(conn)?, day)
            })
            .expect("read afresh")
    };
    let kept = |day| {
        store
            .metrics_needing_attention(None, day)
            .expect("attention")
    };
    assert!(
        !kept(today).is_empty(),
        "the sample clinic has metrics to act on"
    );
    let mut loads = store.kept.metrics_attention.loads();
    let mut check = |day, again: bool, what: &str| {
        assert_eq!(
            kept(day),
            afresh(day),
            "{what}: the kept list is the database's"
        );
        let now = store.kept.metrics_attention.loads();
        assert_eq!(now > loads, again, "{what}: read again? {again}");
        loads = now;
    };
    check(today, false, "asked twice");

    let task = store.list_tasks(&rollouts[0].id).expect("tasks").remove(0);
    let mut draft = task.draft();
    draft.title.push_str(" (typed)");
    store
        .update_task(&task.id, task.row_version, &draft)
        .expect("task edited");
    check(today, false, "a task's title typed");

    let tomorrow = today.succ_opt().expect("tomorrow");
    check(tomorrow, true, "the next day");
    check(today, true, "back to the day before");

    let metric = store
        .list_metrics(&rollouts[0].id)
        .expect("metrics")
        .remove(0);
    store
        .record_measurement(
            &metric.id,
            &crate::metrics::MeasurementDraft {
                measured_on: "2026-11-19".into(),
                value: 99.0,
                ..crate::metrics::MeasurementDraft::default()
            },
        )
        .expect("value recorded");
    check(today, true, "a value recorded");

    store.undo().expect("undone");
    check(today, true, "the value undone");
}

/// Every column the attention list reads is one whose change makes the kept list
/// stale ([`crate::metrics::ATTENTION_READS`]).
#[test]
fn the_kept_attention_list_watches_every_column_it_reads() {
    let store = Store::open_in_memory().expect("store");
    let today = parse_date("2026-11-20").expect("date");
    crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
    let read = store.columns_read(|conn| {
        super::super::dashboard::attention_in(conn, &metrics::list_all_live(conn)?, today).map(drop)
    });
    assert!(
        read.iter().any(|(table, _)| table == "metric_measurements"),
        "the values were read: {read:?}"
    );
    let unwatched = crate::metrics::ATTENTION_READS.unwatched(&read);
    assert!(
        unwatched.is_empty(),
        "every column the attention list reads is watched; not: {unwatched:?}"
    );
}
