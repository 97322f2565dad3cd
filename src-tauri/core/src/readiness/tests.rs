//! The SQL guard of the criteria table: an edit based on a version that is no longer the
//! row's is refused by the `UPDATE` itself, whatever was checked before it.

use super::draft::validate;
use super::{store, CriterionDraft, CriterionStatus};
use crate::rollouts::RolloutDraft;
use crate::Store;

#[test]
fn a_criterion_edit_at_a_stale_version_is_refused_by_its_update() {
    let store = Store::open_in_memory().expect("store");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Check-in redesign".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    let draft = CriterionDraft {
        title: "Integrated testing signed off".into(),
        hard_gate: true,
        ..CriterionDraft::default()
    };
    let created = store.create_criterion(&rollout, &draft).expect("criterion");
    let edited = CriterionDraft {
        status: CriterionStatus::Met,
        ..draft
    };
    let valid = validate(&edited, Ok(None)).expect("a valid edit");
    let refused = store
        .write(|tx| {
            store::update(
                tx,
                &created.id,
                created.row_version - 1,
                &valid,
                "2026-11-02T09:00:00Z",
                &created.title,
            )
        })
        .expect_err("an update at a stale version must be refused");
    assert_eq!(
        refused.code(),
        "conflict",
        "a stale edit is a conflict: {refused}"
    );
    let after = store.list_criteria(&rollout).expect("criteria");
    assert_eq!(
        after,
        vec![created],
        "a refused edit leaves the criterion as it was"
    );
}
