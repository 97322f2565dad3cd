//! Home's verdict is the readiness page's. Home weighs every rollout at once from the
//! bare states (`rollout_statuses`); the readiness page and the overview weigh one
//! rollout's full signals (`rollout_readiness`). Both end in the same weighing, and
//! this test walks a rollout through every kind of signal — none, criteria soft and
//! hard, training at risk and overdue, SOPs in each status — checking at each step that
//! Home shows the verdict and score the readiness page and the overview show.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::{clinic, date, for_rollout};
use rollplan_core::readiness::{CriterionDraft, CriterionStatus, ReadinessCategory, Verdict};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::sops::{SopDraft, SopRelation, Step};
use rollplan_core::Store;

/// Every live rollout's Home line against its readiness page and overview; returns the
/// verdict of `rollout` for the step's own expectation.
fn assert_home_is_the_readiness_page(
    store: &Store,
    today: NaiveDate,
    rollout: &str,
    step: &str,
) -> Verdict {
    let home = store.rollout_statuses(today).expect("Home");
    assert!(!home.is_empty(), "{step}: Home lists the rollouts");
    for line in &home {
        let page = store
            .rollout_readiness(&line.rollout_id, today)
            .expect("readiness page");
        let overview = store
            .rollout_overview(&line.rollout_id, today)
            .expect("overview")
            .readiness;
        assert_eq!(
            (line.verdict, line.score),
            (page.verdict, page.score),
            "{step}: Home shows the readiness page's verdict and score ({:?})",
            page.reasons
        );
        assert_eq!(
            (overview.verdict, overview.score),
            (page.verdict, page.score),
            "{step}: the overview shows the readiness page's verdict and score"
        );
    }
    home.iter()
        .find(|line| line.rollout_id == rollout)
        .expect("the rollout on Home")
        .verdict
}

fn criterion(title: &str, status: CriterionStatus, hard_gate: bool) -> CriterionDraft {
    CriterionDraft {
        category: ReadinessCategory::Technology,
        title: title.into(),
        status,
        hard_gate,
        ..CriterionDraft::default()
    }
}

#[test]
fn home_shows_the_readiness_pages_verdict_through_every_signal() {
    let clinic = clinic();
    let store = &clinic.store;
    let today = date("2026-11-25");

    let empty = store
        .create_rollout(&RolloutDraft {
            name: "Nothing to judge yet".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    assert_eq!(
        assert_home_is_the_readiness_page(store, today, &empty, "no signals"),
        Verdict::NotAssessed,
        "a rollout with nothing to judge is not assessed on both"
    );
    let soft = store
        .create_criterion(
            &empty,
            &criterion("Kiosk signage", CriterionStatus::AtRisk, false),
        )
        .expect("soft criterion");
    assert_eq!(
        assert_home_is_the_readiness_page(store, today, &empty, "one soft criterion at risk"),
        Verdict::Go,
        "a soft criterion warns without blocking, on both"
    );
    store.trash_criterion(&soft.id).expect("trash");
    assert_home_is_the_readiness_page(store, today, &empty, "its only criterion trashed");

    let rollout = &clinic.rollout;
    assert_eq!(
        assert_home_is_the_readiness_page(store, today, rollout, "untrained front desk"),
        Verdict::NoGo
    );
    let gate = store
        .create_criterion(
            rollout,
            &criterion("Kiosks tested", CriterionStatus::NotMet, true),
        )
        .expect("hard gate");
    store
        .create_criterion(
            rollout,
            &criterion("Signage up", CriterionStatus::AtRisk, false),
        )
        .expect("soft criterion");
    assert_home_is_the_readiness_page(store, today, rollout, "a hard gate not met");

    let sop = store
        .create_sop(&SopDraft {
            code: "FD-012".into(),
            title: "Patient check-in".into(),
            steps: vec![Step {
                role: "Front desk".into(),
                instruction: "Confirm two identifiers.".into(),
                ..Step::default()
            }],
            ..SopDraft::default()
        })
        .expect("sop");
    store
        .link_sop_to_rollout(&sop.id, rollout, SopRelation::Introduces)
        .expect("link");
    assert_home_is_the_readiness_page(store, today, rollout, "a linked SOP in draft");
    store
        .approve_sop(&sop.id, sop.row_version, "Dr. Okafor", "2026-11-20")
        .expect("approve");
    assert_home_is_the_readiness_page(store, today, rollout, "the SOP approved");

    // One of three trained, then the due date passes for the other two.
    let matrix = store
        .training_matrix(&for_rollout(rollout), today)
        .expect("matrix");
    let people: Vec<String> = matrix.rows.iter().map(|r| r.person_id.clone()).collect();
    store
        .complete_training(&clinic.module, &people[..1], "2026-11-24", None, today)
        .expect("one trained");
    assert_home_is_the_readiness_page(store, today, rollout, "training under way");
    let after_due = date("2026-12-05");
    assert_home_is_the_readiness_page(store, after_due, rollout, "training overdue");

    store
        .complete_training(&clinic.module, &people, "2026-12-04", None, after_due)
        .expect("all trained");
    store
        .update_criterion(
            &gate.id,
            gate.row_version,
            &criterion("Kiosks tested", CriterionStatus::Met, true),
        )
        .expect("gate met");
    assert_eq!(
        assert_home_is_the_readiness_page(store, after_due, rollout, "every gate met"),
        Verdict::Go,
        "with every hard gate met both say go"
    );
}

#[test]
fn on_the_sample_clinic_home_and_the_readiness_page_agree_every_week() {
    let store = Store::open_in_memory().expect("store");
    let seeded_on = date("2026-11-25");
    let rollouts = rollplan_core::demo::seed_sample_clinic(&store, seeded_on).expect("demo");
    for weeks in [0, 2, 6, 10] {
        let today = seeded_on + chrono::Days::new(7 * weeks);
        for rollout in &rollouts {
            assert_home_is_the_readiness_page(
                &store,
                today,
                &rollout.id,
                &format!("{} after {weeks} weeks", rollout.name),
            );
        }
    }
}
