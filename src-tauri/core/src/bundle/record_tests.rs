//! The SQL guard of the bundle's generic update: taking the bundle's copy of a row at a
//! version the row has moved on from is refused as a conflict, and writes nothing.

use super::{load_by_id, update};
use crate::bundle::BundleMetric;
use crate::metrics::MetricDraft;
use crate::rollouts::RolloutDraft;
use crate::{CoreError, Store};

#[test]
fn taking_the_bundles_copy_at_a_stale_version_is_refused_by_the_sql() {
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
    let result = store.write(|tx| {
        let stored = load_by_id::<BundleMetric>(tx, &metric.id)?.expect("the row is there");
        let mut theirs = stored.record.clone();
        theirs.definition = "Counted at the sister clinic".into();
        let stale = stored.row_version.map(|version| version - 1);
        update(tx, &theirs, stale, "2026-12-01T09:00:00Z")
    });
    match result {
        Err(error @ CoreError::Conflict(_)) => assert!(
            error.to_string().contains("Portal activation"),
            "the conflict names the record: {error}"
        ),
        other => panic!("a stale update must be a conflict, got {other:?}"),
    }
    let after = store.get_metric(&metric.id).expect("metric");
    assert_eq!(after.definition, "", "the refused update wrote nothing");
    assert_eq!(
        after.row_version, metric.row_version,
        "the version did not move"
    );
}
