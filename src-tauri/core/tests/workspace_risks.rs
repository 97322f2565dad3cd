//! Risks: ratings on the 1-5 scales, owners from the directory, the order they are
//! listed in and the heat map.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::workspace::{risk, workspace};
use rollplan_core::plan::UNKNOWN_OWNER_FIELD;
use rollplan_core::workspace::{RiskDraft, RiskStatus};
use rollplan_core::CoreError;

#[test]
fn likelihood_seven_is_refused_on_its_field() {
    let (store, rollout) = workspace();
    let error = store
        .create_risk(&rollout, &risk("Carrier filters texts", 7, 3))
        .expect_err("off the scale");
    match error {
        CoreError::Validation(fields) => {
            assert_eq!(fields.len(), 1);
            assert_eq!(fields[0].field, "likelihood");
            assert_eq!(
                fields[0].message,
                "Likelihood is rated 1 (rare) to 5 (almost certain); 7 is off the scale."
            );
        }
        other => panic!("expected validation, got {other:?}"),
    }
    let unknown_owner = store
        .create_risk(
            &rollout,
            &RiskDraft {
                owner: "Jordan Lee".into(),
                ..risk("Carrier filters texts", 3, 3)
            },
        )
        .expect_err("owner not in directory");
    assert_eq!(
        unknown_owner.payload().field.as_deref(),
        Some(UNKNOWN_OWNER_FIELD)
    );
    assert!(store.list_risks(&rollout).expect("risks").is_empty());
}

#[test]
fn risks_sort_by_score_and_fill_the_heat_map() {
    let (store, rollout) = workspace();
    store
        .create_risk(&rollout, &risk("Low", 1, 2))
        .expect("low");
    let high = store
        .create_risk(
            &rollout,
            &RiskDraft {
                owner: "Priya Nair".into(),
                ..risk("Patients opt out", 4, 5)
            },
        )
        .expect("high");
    store
        .create_risk(&rollout, &risk("Middle", 3, 3))
        .expect("middle");
    store
        .create_risk(&rollout, &risk("Also middle", 3, 3))
        .expect("middle");
    let closed = store
        .create_risk(&rollout, &risk("Closed", 5, 5))
        .expect("closed");
    store
        .update_risk(
            &closed.id,
            closed.row_version,
            &RiskDraft {
                status: RiskStatus::Closed,
                ..risk("Closed", 5, 5)
            },
        )
        .expect("close");

    let scores: Vec<(String, i64)> = store
        .list_risks(&rollout)
        .expect("list")
        .into_iter()
        .map(|r| (r.title, r.score))
        .collect();
    assert_eq!(scores[0], ("Patients opt out".to_owned(), 20));
    assert_eq!(
        scores.last().map(|s| s.0.as_str()),
        Some("Closed"),
        "closed risks sink"
    );
    assert_eq!(high.owner_name, "Priya Nair");

    let top: Vec<String> = store
        .top_risks(&rollout, 2)
        .expect("top")
        .into_iter()
        .map(|r| r.title)
        .collect();
    assert_eq!(top.len(), 2);
    assert_eq!(top[0], "Patients opt out");

    let map = store.risk_heat_map(&rollout).expect("heat map");
    assert_eq!(map.counts[3][4], 1, "likelihood 4, impact 5");
    assert_eq!(map.counts[2][2], 2, "two risks at 3 × 3");
    assert_eq!(map.counts[0][1], 1);
    assert_eq!(map.counts[4][4], 0, "closed risks are off the map");
    assert_eq!(map.counts.iter().flatten().sum::<i64>(), 4);
}
