//! The SQL guard of every workspace table: an edit based on a version that is no longer
//! the row's is refused by the `UPDATE` itself, whatever was checked before it.

use super::{fetch, update, Table};
use crate::rollouts::RolloutDraft;
use crate::workspace::{
    CommunicationDraft, DecisionDraft, RiskDraft, ScopeChangeDraft, StakeholderDraft,
};
use crate::Store;

fn rollout(store: &Store) -> String {
    store
        .create_rollout(&RolloutDraft {
            name: "Check-in redesign".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id
}

/// Writes `edited` over the record `id` at a version one behind its own, straight
/// through the store's update, and checks the row is refused and left as it was.
fn refuses_a_stale_version<T: Table + PartialEq + std::fmt::Debug>(
    store: &Store,
    id: &str,
    edited: &T::Draft,
    lookup: T::Lookup,
) {
    let before: T = store
        .read(|conn| Ok(fetch::<T>(conn, id)?.0))
        .expect("read");
    let valid = T::validate(edited, lookup).expect("a valid edit");
    let stale = before.row_version() - 1;
    let refused = store
        .write(|tx| {
            update::<T>(
                tx,
                id,
                stale,
                &valid,
                "2026-11-02T09:00:00Z",
                before.label(),
            )
        })
        .expect_err("an update at a stale version must be refused");
    assert_eq!(
        refused.code(),
        "conflict",
        "a stale {} is a conflict: {refused}",
        T::NOUN
    );
    let after: T = store
        .read(|conn| Ok(fetch::<T>(conn, id)?.0))
        .expect("read");
    assert_eq!(
        after,
        before,
        "a refused {} edit leaves the row as it was",
        T::NOUN
    );
}

#[test]
fn every_workspace_table_refuses_an_edit_at_a_stale_version() {
    let store = Store::open_in_memory().expect("store");
    let rollout = rollout(&store);

    let decision = DecisionDraft {
        decided_on: "2026-11-01".into(),
        title: "Lab interface moves to phase 2".into(),
        ..DecisionDraft::default()
    };
    let id = store
        .create_decision(&rollout, &decision)
        .expect("decision")
        .id;
    let edited = DecisionDraft {
        title: "Lab interface stays".into(),
        ..decision
    };
    refuses_a_stale_version::<crate::workspace::Decision>(&store, &id, &edited, ());

    let cut = ScopeChangeDraft {
        logged_on: "2026-11-01".into(),
        cut: "Lab interface".into(),
        ..ScopeChangeDraft::default()
    };
    let id = store.create_scope_change(&rollout, &cut).expect("cut").id;
    let edited = ScopeChangeDraft {
        reason: "Vendor dates".into(),
        ..cut
    };
    refuses_a_stale_version::<crate::workspace::ScopeChange>(&store, &id, &edited, ());

    let risk = RiskDraft {
        title: "Printers not mapped".into(),
        likelihood: 3,
        impact: 4,
        ..RiskDraft::default()
    };
    let id = store.create_risk(&rollout, &risk).expect("risk").id;
    let edited = RiskDraft {
        likelihood: 5,
        ..risk
    };
    refuses_a_stale_version::<crate::workspace::Risk>(&store, &id, &edited, Ok(None));

    let message = CommunicationDraft {
        audience: "Front desk".into(),
        message: "New check-in starts Monday".into(),
        send_on: "2026-11-20".into(),
        ..CommunicationDraft::default()
    };
    let id = store
        .create_communication(&rollout, &message)
        .expect("communication")
        .id;
    let edited = CommunicationDraft {
        sent_on: Some("2026-11-20".into()),
        ..message
    };
    refuses_a_stale_version::<crate::workspace::Communication>(&store, &id, &edited, Ok(None));

    let stakeholder = StakeholderDraft {
        name: "Northgate providers".into(),
        is_group: true,
        ..StakeholderDraft::default()
    };
    let id = store
        .create_stakeholder(&rollout, &stakeholder)
        .expect("stakeholder")
        .id;
    let edited = StakeholderDraft {
        notes: "Worried about visit length".into(),
        ..stakeholder
    };
    refuses_a_stale_version::<crate::workspace::Stakeholder>(&store, &id, &edited, true);
}
