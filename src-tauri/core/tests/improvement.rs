//! Improvement cycles (PDSA) on a metric: the Study read from the metric's values in the
//! Do window, the Act written into the decision log (early when before the window
//! ended), the ramp in order, the overview's running and due lists, bad input refused
//! on its field, and the trash.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod metrics_common;

use metrics_common::{date, fields, portal_activation, value, workspace};
use rollplan_core::improvement::{ActDraft, CycleStage, PdsaAct, PdsaDraft, StudyResult};
use rollplan_core::metrics::MetricDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::CoreError;

/// A cycle from Nov 9 to Nov 22, 2026 predicting 45% by Nov 22.
fn sign_up_drive(metric_id: &str) -> PdsaDraft {
    PdsaDraft {
        metric_id: metric_id.into(),
        change: "Front desk offers portal sign-up at check-in".into(),
        prediction_value: Some(45.0),
        prediction_date: "2026-11-22".into(),
        prediction_reason: "Half of the patients asked say yes at the desk".into(),
        do_from: "2026-11-09".into(),
        do_to: "2026-11-22".into(),
    }
}

fn adopt(on: &str) -> ActDraft {
    ActDraft {
        act: Some(PdsaAct::Adopt),
        rationale: "Sign-ups held up without slowing check-in".into(),
        decided_on: on.into(),
        decided_by: "Priya Nair".into(),
    }
}

#[test]
fn the_study_reads_the_values_in_the_do_window_against_the_prediction() {
    let (store, rollout) = workspace();
    let metric = store.create_metric(&rollout, &portal_activation()).unwrap();
    for (on, v) in [
        ("2026-11-02", 31.0),
        ("2026-11-16", 38.0),
        ("2026-11-20", 41.0),
    ] {
        store.record_measurement(&metric.id, &value(on, v)).unwrap();
    }
    let today = date("2026-11-25");
    let cycle = store
        .create_pdsa_cycle(&rollout, &sign_up_drive(&metric.id), today)
        .unwrap();
    assert_eq!(
        cycle.study.summary,
        "Predicted 45% by Nov 22, 2026; measured 41% on Nov 20, 2026: 4 points below the \
         prediction, worse than predicted.",
        "the latest value in the window is compared, in the metric's unit and direction"
    );
    assert_eq!(cycle.study.result, StudyResult::WorseThanPredicted);
    assert_eq!(
        cycle.study.values.len(),
        2,
        "the value before the window is not the cycle's"
    );
    assert_eq!(
        cycle.stage,
        CycleStage::DueForDecision,
        "the window has ended and no Act is recorded"
    );

    // A value recorded later, inside the window, changes the study: it is computed.
    store
        .record_measurement(&metric.id, &value("2026-11-22", 45.04))
        .unwrap();
    let again = store.get_pdsa_cycle(&cycle.id, today).unwrap();
    assert_eq!(
        again.study.result,
        StudyResult::OnPrediction,
        "45.04% reads as 45%: on the prediction"
    );
}

#[test]
fn recording_the_act_writes_an_entry_of_the_decision_log() {
    let (store, rollout) = workspace();
    let metric = store.create_metric(&rollout, &portal_activation()).unwrap();
    store
        .record_measurement(&metric.id, &value("2026-11-20", 47.0))
        .unwrap();
    let today = date("2026-11-25");
    let cycle = store
        .create_pdsa_cycle(&rollout, &sign_up_drive(&metric.id), today)
        .unwrap();
    let decisions_before = store.list_decisions(&rollout).unwrap().len();
    let decided = store
        .record_pdsa_act(&cycle.id, cycle.row_version, &adopt("2026-11-23"), today)
        .unwrap();
    let act = decided.act.clone().expect("the Act is recorded");
    assert_eq!(act.act, PdsaAct::Adopt);
    assert!(!act.early, "an Act after the window ended is on time");
    assert_eq!(decided.stage, CycleStage::Decided);

    let decisions = store.list_decisions(&rollout).unwrap();
    assert_eq!(
        decisions.len(),
        decisions_before + 1,
        "the Act is one new entry of the decision log"
    );
    let decision = decisions
        .iter()
        .find(|d| Some(&d.id) == act.decision_id.as_ref())
        .expect("the cycle keeps the id of the decision it wrote");
    assert_eq!(
        decision.title,
        "Adopt: Front desk offers portal sign-up at check-in"
    );
    assert_eq!(decision.choice, "Adopt");
    assert_eq!(decision.decided_on, date("2026-11-23"));
    assert_eq!(decision.decided_by, "Priya Nair");
    assert!(
        decision
            .rationale
            .starts_with("Sign-ups held up without slowing check-in"),
        "the person's rationale comes first: {}",
        decision.rationale
    );
    assert!(
        decision.rationale.contains(
            "Study: Predicted 45% by Nov 22, 2026; measured 47% on Nov 20, 2026: 2 points above \
             the prediction, better than predicted."
        ),
        "the decision keeps the study it was made on: {}",
        decision.rationale
    );

    let again = store
        .record_pdsa_act(
            &decided.id,
            decided.row_version,
            &adopt("2026-11-24"),
            today,
        )
        .unwrap_err();
    assert!(
        matches!(again, CoreError::Conflict(_)),
        "a second Act is refused: {again}"
    );
    assert_eq!(
        store.list_decisions(&rollout).unwrap().len(),
        decisions_before + 1,
        "a refused Act writes no decision"
    );
    let edit = store
        .update_pdsa_cycle(
            &decided.id,
            decided.row_version,
            &sign_up_drive(&metric.id),
            today,
        )
        .unwrap_err();
    assert!(
        matches!(edit, CoreError::Conflict(_)),
        "a decided cycle is not edited: {edit}"
    );
}

#[test]
fn an_act_before_the_window_ends_is_allowed_and_marked_early() {
    let (store, rollout) = workspace();
    let metric = store.create_metric(&rollout, &portal_activation()).unwrap();
    let today = date("2026-11-15");
    let cycle = store
        .create_pdsa_cycle(&rollout, &sign_up_drive(&metric.id), today)
        .unwrap();
    assert_eq!(cycle.stage, CycleStage::Running);
    let decided = store
        .record_pdsa_act(
            &cycle.id,
            cycle.row_version,
            &ActDraft {
                act: Some(PdsaAct::Abandon),
                rationale: "Check-in queues doubled on the first two days".into(),
                decided_on: "2026-11-12".into(),
                decided_by: String::new(),
            },
            today,
        )
        .unwrap();
    let act = decided.act.clone().unwrap();
    assert!(
        act.early,
        "an Act on Nov 12, before the window ends on Nov 22, is early"
    );
    assert_eq!(decided.act_text(), "Abandon on Nov 12, 2026 (early)");
    let decision = store
        .list_decisions(&rollout)
        .unwrap()
        .into_iter()
        .find(|d| Some(&d.id) == act.decision_id.as_ref())
        .unwrap();
    assert!(
        decision
            .rationale
            .contains("Decided early, before the Do window ended on Nov 22, 2026."),
        "the decision log says it was early too: {}",
        decision.rationale
    );
}

#[test]
fn bad_input_is_refused_on_its_field() {
    let (store, rollout) = workspace();
    let metric = store.create_metric(&rollout, &portal_activation()).unwrap();
    let today = date("2026-11-15");

    let backwards = PdsaDraft {
        do_from: "2026-11-22".into(),
        do_to: "2026-11-09".into(),
        prediction_date: "2026-11-22".into(),
        ..sign_up_drive(&metric.id)
    };
    let problems = fields(
        store
            .create_pdsa_cycle(&rollout, &backwards, today)
            .unwrap_err(),
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, "do_to");
    assert_eq!(
        problems[0].message,
        "The Do window ends on Nov 9, 2026 before it starts on Nov 22, 2026: the last day must \
         be on or after the first."
    );

    let other = store
        .create_rollout(&RolloutDraft {
            name: "Online scheduling".into(),
            ..RolloutDraft::default()
        })
        .unwrap();
    let elsewhere = store
        .create_metric(
            &other.id,
            &MetricDraft {
                name: "Online bookings".into(),
                ..portal_activation()
            },
        )
        .unwrap();
    let problems = fields(
        store
            .create_pdsa_cycle(&rollout, &sign_up_drive(&elsewhere.id), today)
            .unwrap_err(),
    );
    assert_eq!(problems[0].field, "metric_id");
    assert!(
        problems[0]
            .message
            .contains("'Online bookings' is a metric of another rollout"),
        "{}",
        problems[0].message
    );

    let out_of_range = PdsaDraft {
        prediction_value: Some(140.0),
        change: "  ".into(),
        ..sign_up_drive(&metric.id)
    };
    let problems: Vec<String> = fields(
        store
            .create_pdsa_cycle(&rollout, &out_of_range, today)
            .unwrap_err(),
    )
    .into_iter()
    .map(|p| p.field)
    .collect();
    assert_eq!(
        problems,
        ["change", "prediction_value"],
        "every problem is reported at once"
    );

    let cycle = store
        .create_pdsa_cycle(&rollout, &sign_up_drive(&metric.id), today)
        .unwrap();
    let problems: Vec<String> = fields(
        store
            .record_pdsa_act(&cycle.id, cycle.row_version, &ActDraft::default(), today)
            .unwrap_err(),
    )
    .into_iter()
    .map(|p| p.field)
    .collect();
    assert_eq!(problems, ["act", "rationale", "decided_on"]);
    assert!(
        store
            .create_pdsa_cycle("no-such-rollout", &sign_up_drive(&metric.id), today)
            .is_err(),
        "a cycle needs its rollout"
    );
}

#[test]
fn a_ramp_lists_its_cycles_in_the_order_they_ran_and_the_overview_shows_what_needs_a_look() {
    let (store, rollout) = workspace();
    let metric = store.create_metric(&rollout, &portal_activation()).unwrap();
    let today = date("2026-11-25");
    let later = store
        .create_pdsa_cycle(
            &rollout,
            &PdsaDraft {
                change: "Sign-up cards in the exam rooms".into(),
                do_from: "2026-11-23".into(),
                do_to: "2026-12-06".into(),
                prediction_date: "2026-12-06".into(),
                ..sign_up_drive(&metric.id)
            },
            today,
        )
        .unwrap();
    let first = store
        .create_pdsa_cycle(&rollout, &sign_up_drive(&metric.id), today)
        .unwrap();
    let ramp: Vec<String> = store
        .list_pdsa_cycles(&metric.id, today)
        .unwrap()
        .into_iter()
        .map(|c| c.change)
        .collect();
    assert_eq!(
        ramp,
        [first.change.clone(), later.change.clone()],
        "by Do start, not by when they were typed"
    );

    let overview = store.rollout_overview(&rollout, today).unwrap();
    let ids = |cycles: &[rollplan_core::improvement::PdsaCycle]| -> Vec<String> {
        cycles.iter().map(|c| c.id.clone()).collect()
    };
    assert_eq!(
        ids(&overview.improvement.running),
        std::slice::from_ref(&later.id),
        "inside its window on Nov 25: running"
    );
    assert_eq!(
        ids(&overview.improvement.due_for_decision),
        std::slice::from_ref(&first.id),
        "ended on Nov 22 without an Act: due for its decision"
    );

    store.trash_pdsa_cycle(&first.id).unwrap();
    assert_eq!(store.list_pdsa_cycles(&metric.id, today).unwrap().len(), 1);
    assert!(
        store
            .rollout_overview(&rollout, today)
            .unwrap()
            .improvement
            .due_for_decision
            .is_empty(),
        "a trashed cycle waits for nothing"
    );
    store.restore_pdsa_cycle(&first.id).unwrap();
    assert_eq!(
        store.list_pdsa_cycles(&metric.id, today).unwrap().len(),
        2,
        "restored"
    );
}

#[test]
fn the_metrics_chart_carries_each_window_and_prediction_inside_its_axes() {
    let (store, rollout) = workspace();
    let metric = store.create_metric(&rollout, &portal_activation()).unwrap();
    let today = date("2026-11-25");
    store
        .create_pdsa_cycle(
            &rollout,
            &PdsaDraft {
                prediction_date: "2027-01-20".into(),
                prediction_value: Some(70.0),
                ..sign_up_drive(&metric.id)
            },
            today,
        )
        .unwrap();
    let chart = store.metric_chart(&metric.id, today).unwrap();
    assert_eq!(chart.cycles.len(), 1);
    let scale = chart.scale.expect("a chart with a baseline has axes");
    assert!(
        scale.last_day >= date("2027-01-20"),
        "the axes reach the prediction's date: {}",
        scale.last_day
    );
    assert!(
        scale.value_max >= 70.0,
        "and its value: {}",
        scale.value_max
    );
}
