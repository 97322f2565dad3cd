//! Stakeholders: RACI rows per workstream and the ADKAR stage where resistance sits.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::workspace::workspace;
use rollplan_core::workspace::{Adkar, AdkarStage, Raci, RaciAssignment, StakeholderDraft};
use rollplan_core::CoreError;

#[test]
fn the_weakest_adkar_stage_is_the_first_below_three() {
    let adkar = |a, d, k, ab, r| Adkar {
        awareness: Some(a),
        desire: Some(d),
        knowledge: Some(k),
        ability: Some(ab),
        reinforcement: Some(r),
    };
    assert_eq!(
        adkar(4, 2, 1, 3, 3).weakest_stage(),
        Some((AdkarStage::Desire, 2)),
        "the barrier point comes first"
    );
    assert_eq!(
        adkar(4, 4, 3, 5, 4).weakest_stage(),
        Some((AdkarStage::Knowledge, 3))
    );
    assert_eq!(Adkar::default().weakest_stage(), None);

    let (store, rollout) = workspace();
    let providers = store
        .create_stakeholder(
            &rollout,
            &StakeholderDraft {
                name: "Northgate providers".into(),
                is_group: true,
                raci: vec![
                    RaciAssignment {
                        workstream: "Message wording".into(),
                        role: Raci::Consulted,
                    },
                    RaciAssignment {
                        workstream: "Pilot go/no-go".into(),
                        role: Raci::Accountable,
                    },
                ],
                adkar: adkar(4, 2, 3, 3, 3),
                ..StakeholderDraft::default()
            },
        )
        .expect("stakeholder");
    store
        .create_stakeholder(
            &rollout,
            &StakeholderDraft {
                name: "Front desk".into(),
                is_group: true,
                adkar: adkar(5, 4, 4, 3, 4),
                ..StakeholderDraft::default()
            },
        )
        .expect("stakeholder");
    assert_eq!(providers.raci[1].role, Raci::Accountable);
    let barriers = store.adkar_barriers(&rollout).expect("barriers");
    let found: Vec<(&str, Option<AdkarStage>, bool)> = barriers
        .iter()
        .map(|b| (b.name.as_str(), b.stage, b.is_barrier))
        .collect();
    assert_eq!(
        found,
        [
            ("Northgate providers", Some(AdkarStage::Desire), true),
            ("Front desk", Some(AdkarStage::Ability), false)
        ]
    );
    let refused = store
        .create_stakeholder(
            &rollout,
            &StakeholderDraft {
                name: "Billing".into(),
                adkar: Adkar {
                    desire: Some(6),
                    ..Adkar::default()
                },
                raci: vec![
                    RaciAssignment {
                        workstream: "Claims".into(),
                        role: Raci::Informed,
                    },
                    RaciAssignment {
                        workstream: "claims".into(),
                        role: Raci::Responsible,
                    },
                ],
                ..StakeholderDraft::default()
            },
        )
        .expect_err("refused");
    let fields: Vec<String> = match refused {
        CoreError::Validation(fields) => fields.into_iter().map(|f| f.field).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(fields, ["raci", "desire"]);
}
