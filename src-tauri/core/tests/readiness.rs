//! Readiness: criteria and training together make the verdict.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{clinic, date};

#[test]
fn readiness_weighs_criteria_and_training_together() {
    use rollplan_core::readiness::{CriterionDraft, CriterionStatus, ReadinessCategory, Verdict};
    let clinic = clinic();
    let today = date("2026-11-25");
    let readiness = clinic
        .store
        .rollout_readiness(&clinic.rollout, today)
        .expect("readiness");
    assert_eq!(
        readiness.verdict,
        Verdict::NoGo,
        "untrained front desk blocks go-live"
    );
    assert_eq!(
        readiness.reasons[0].text,
        "Hard gate at risk: Front desk training — 0 of 3 trained"
    );

    let gate = clinic
        .store
        .create_criterion(
            &clinic.rollout,
            &CriterionDraft {
                category: ReadinessCategory::Technology,
                title: "Check-in kiosks tested".into(),
                hard_gate: true,
                ..CriterionDraft::default()
            },
        )
        .expect("criterion");
    let people = clinic.store.list_people(false).expect("people");
    let front_desk: Vec<String> = people
        .iter()
        .filter(|p| p.role_id.as_deref() == Some(&clinic.front_desk))
        .map(|p| p.id.clone())
        .collect();
    clinic
        .store
        .complete_training(&clinic.module, &front_desk, "2026-11-24", None, today)
        .expect("trained");
    let readiness = clinic
        .store
        .rollout_readiness(&clinic.rollout, today)
        .expect("readiness");
    assert_eq!(readiness.verdict, Verdict::NoGo);
    assert_eq!(
        readiness.reasons.len(),
        1,
        "only the kiosks remain: {:?}",
        readiness.reasons
    );

    let met = CriterionDraft {
        status: CriterionStatus::Met,
        category: gate.category,
        title: gate.title.clone(),
        hard_gate: true,
        ..CriterionDraft::default()
    };
    clinic
        .store
        .update_criterion(&gate.id, gate.row_version, &met)
        .expect("met");
    let readiness = clinic
        .store
        .rollout_readiness(&clinic.rollout, today)
        .expect("readiness");
    assert_eq!((readiness.verdict, readiness.score), (Verdict::Go, 100));
}

#[test]
fn home_gets_a_status_line_per_live_rollout() {
    let store = rollplan_core::Store::open_in_memory().expect("store");
    let today = date("2026-11-25");
    let rollouts = rollplan_core::demo::seed_sample_clinic(&store, today).expect("demo");
    let statuses = store.rollout_statuses(today).expect("statuses");
    assert_eq!(statuses.len(), rollouts.len());
    let ehr = rollouts
        .iter()
        .find(|r| r.name.starts_with("EHR"))
        .expect("EHR");
    let line = statuses
        .iter()
        .find(|s| s.rollout_id == ehr.id)
        .expect("EHR status");
    assert_eq!(
        line.verdict,
        rollplan_core::readiness::Verdict::NoGo,
        "the sample go-live is not ready yet"
    );
    assert!(
        line.training.people >= 30
            && line.training.trained < line.training.people
            && line.training.overdue > 0
    );
    // The sample plan has slipped and blocked work; the counts match the plan itself.
    let slipped_past_due = store
        .list_tasks(&ehr.id)
        .expect("tasks")
        .iter()
        .filter(|t| {
            t.status != rollplan_core::plan::TaskStatus::Done
                && t.due_date.is_some_and(|d| d < today)
        })
        .count() as i64;
    assert!(slipped_past_due > 0, "the sample has overdue tasks");
    assert_eq!(line.tasks_overdue, slipped_past_due);
    assert_eq!(line.tasks_blocked, 1);
}
