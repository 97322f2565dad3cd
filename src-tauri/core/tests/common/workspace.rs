//! A rollout's workspace to fill: one person in the directory (Priya Nair) and one
//! rollout going live on 2026-12-07, for the workspace tests.

use rollplan_core::people::PersonDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::workspace::RiskDraft;
use rollplan_core::Store;

/// A store holding Priya Nair and the "SMS reminders" rollout (its id).
pub fn workspace() -> (Store, String) {
    let store = Store::open_in_memory().expect("store");
    store
        .create_person(&PersonDraft {
            name: "Priya Nair".into(),
            ..PersonDraft::default()
        })
        .expect("person");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "SMS reminders".into(),
            go_live_date: Some("2026-12-07".into()),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    (store, rollout)
}

/// A risk rated `likelihood` × `impact`, everything else left empty.
pub fn risk(title: &str, likelihood: i64, impact: i64) -> RiskDraft {
    RiskDraft {
        title: title.into(),
        likelihood,
        impact,
        ..RiskDraft::default()
    }
}
