//! The weekly status drafted from a week's records beside the plan: risks, decisions
//! and messages, metrics, readiness, training by role, and every active rollout's
//! status together; each test checks that the draft's figure agrees with the records.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod status_common;

use rollplan_core::metrics::{
    Cadence, Direction, MeasurementDraft, MetricDraft, MetricUnit, ThresholdDraft, ThresholdLevel,
};
use rollplan_core::readiness::{CriterionDraft, CriterionStatus, ReadinessCategory};
use rollplan_core::status::{SectionKind, StatusDraft, Tone};
use rollplan_core::workspace::{CommunicationDraft, DecisionDraft, RiskDraft, RiskStatus};
use status_common::{after_week, date, items, monday, task, Week};

#[test]
fn risks_raised_escalated_and_closed_carry_the_cores_band() {
    let week = Week::new();
    let risk = |title: &str, likelihood, impact| RiskDraft {
        title: title.into(),
        likelihood,
        impact,
        mitigation: "Extra at-the-elbow support".into(),
        ..RiskDraft::default()
    };
    let rising = week
        .store
        .create_risk(&week.rollout, &risk("Interface vendor late", 2, 3))
        .unwrap();
    let closing = week
        .store
        .create_risk(&week.rollout, &risk("Printer drivers", 3, 3))
        .unwrap();
    week.everything_so_far_on("2027-01-04T09:00:00.000Z");
    week.store
        .update_risk(
            &rising.id,
            rising.row_version,
            &risk("Interface vendor late", 4, 4),
        )
        .unwrap();
    week.store
        .update_risk(
            &closing.id,
            closing.row_version,
            &RiskDraft {
                status: RiskStatus::Closed,
                ..risk("Printer drivers", 3, 3)
            },
        )
        .unwrap();
    week.store
        .create_risk(&week.rollout, &risk("Provider schedules not cut", 3, 5))
        .unwrap();
    week.everything_so_far_on("2027-01-14T10:00:00.000Z");

    let status = week
        .store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    let risks = items(&status, SectionKind::Risks);
    let find = |prefix: &str| {
        risks
            .iter()
            .find(|i| i.key.starts_with(prefix))
            .unwrap_or_else(|| panic!("a {prefix} item: {risks:?}"))
    };
    let escalated = find("risk-escalated:");
    assert!(
        escalated.happened.contains("score 6 → 16, Low → High"),
        "the score before and after, in the core's bands: {}",
        escalated.happened
    );
    assert_eq!(escalated.tone, Tone::Bad, "a high risk needs attention");
    let raised = find("risk-raised:");
    assert_eq!(raised.impact, "High risk, score 15 of 25");
    assert_eq!(find("risk-closed:").tone, Tone::Good);
    assert_eq!(
        status.sections.first().map(|s| s.kind),
        Some(SectionKind::Risks),
        "the worst news (a high risk) comes first"
    );
}

#[test]
fn decisions_and_messages_come_from_their_own_dates() {
    let week = Week::new();
    let store = &week.store;
    store
        .create_decision(
            &week.rollout,
            &DecisionDraft {
                decided_on: "2027-01-13".into(),
                title: "Lab interface moves to phase 2".into(),
                choice: "Go live without the lab interface".into(),
                decided_by: "Steering committee".into(),
                verification: "Lab results filed within a day".into(),
                ..DecisionDraft::default()
            },
        )
        .unwrap();
    store
        .create_decision(
            &week.rollout,
            &DecisionDraft {
                decided_on: "2027-01-05".into(),
                title: "Earlier decision".into(),
                ..DecisionDraft::default()
            },
        )
        .unwrap();
    let message = |audience: &str, send_on: &str, sent_on: Option<&str>| CommunicationDraft {
        audience: audience.into(),
        channel: "Email".into(),
        message: "Go-live dates and what changes".into(),
        send_on: send_on.into(),
        owner: "Dana Whitfield".into(),
        sent_on: sent_on.map(Into::into),
    };
    store
        .create_communication(
            &week.rollout,
            &message("Providers", "2027-01-12", Some("2027-01-12")),
        )
        .unwrap();
    store
        .create_communication(&week.rollout, &message("Front desk", "2027-01-13", None))
        .unwrap();

    let status = store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    let decisions = items(&status, SectionKind::Decisions);
    assert_eq!(
        decisions.len(),
        1,
        "only the decision dated in the week: {decisions:?}"
    );
    assert!(decisions[0]
        .happened
        .contains("Lab interface moves to phase 2"));
    assert_eq!(decisions[0].who, "Steering committee");
    let messages = items(&status, SectionKind::Messages);
    let overdue = messages
        .iter()
        .find(|i| i.key.starts_with("message-overdue:"))
        .expect("overdue");
    assert!(
        overdue.happened.contains("(4 days overdue)"),
        "due Jan 13, not sent by Sunday Jan 17: {}",
        overdue.happened
    );
    assert_eq!(overdue.tone, Tone::Watch);
    assert!(
        messages.iter().any(|i| i.key.starts_with("message-sent:")),
        "the sent one is told"
    );
}

#[test]
fn a_metric_that_crossed_its_act_level_names_the_action_and_who_acts() {
    let week = Week::new();
    let store = &week.store;
    let metric = store
        .create_metric(
            &week.rollout,
            &MetricDraft {
                name: "No-show rate".into(),
                unit: MetricUnit::Percent,
                direction: Direction::LowerIsBetter,
                cadence: Cadence::Weekly,
                ..MetricDraft::default()
            },
        )
        .unwrap();
    store
        .create_threshold(
            &metric.id,
            &ThresholdDraft {
                level: ThresholdLevel::Act,
                value: 15.0,
                action: "Add a second reminder 24 h before".into(),
                owner_role: "Front-desk lead".into(),
                ..ThresholdDraft::default()
            },
        )
        .unwrap();
    for (on, value) in [("2027-01-08", 12.0), ("2027-01-15", 18.0)] {
        store
            .record_measurement(
                &metric.id,
                &MeasurementDraft {
                    measured_on: on.into(),
                    value,
                    ..MeasurementDraft::default()
                },
            )
            .unwrap();
    }
    let status = store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    let metrics = items(&status, SectionKind::Metrics);
    assert_eq!(metrics.len(), 1, "{metrics:?}");
    assert_eq!(metrics[0].happened, "No-show rate: On track → Act");
    let today = store.metric_status(&metric.id, date("2027-01-17")).unwrap();
    assert_eq!(
        metrics[0].impact, "18% on Jan 15: above the act level 15%",
        "the impact is the metric's own reason, its action given apart"
    );
    assert!(
        today.reason.starts_with(&metrics[0].impact),
        "{}",
        today.reason
    );
    assert_eq!(metrics[0].action, "Add a second reminder 24 h before");
    assert_eq!(metrics[0].who, today.acted_by);
    assert_eq!(metrics[0].tone, Tone::Bad);
}

#[test]
fn readiness_then_and_now_are_the_verdicts_of_those_days() {
    let week = Week::new();
    let store = &week.store;
    let mut draft = CriterionDraft {
        category: ReadinessCategory::Technology,
        title: "Integrated testing signed off".into(),
        status: CriterionStatus::NotMet,
        hard_gate: true,
        ..CriterionDraft::default()
    };
    let criterion = store.create_criterion(&week.rollout, &draft).unwrap();
    week.everything_so_far_on("2027-01-04T09:00:00.000Z");
    draft.status = CriterionStatus::Met;
    store
        .update_criterion(&criterion.id, criterion.row_version, &draft)
        .unwrap();
    week.everything_so_far_on("2027-01-13T10:00:00.000Z");

    let status = store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    let figures = &status.rollouts[0];
    // The trend drawn on the Sunday rebuilds the week before's Sunday, the eve.
    let trend = store
        .readiness_trend(&week.rollout, date("2027-01-17"))
        .unwrap();
    let then = trend
        .points
        .iter()
        .find(|p| p.on == date("2027-01-10"))
        .unwrap();
    assert_eq!(
        figures.readiness_then.map(|r| (r.verdict, r.score)),
        Some((then.verdict, then.score)),
        "readiness at the week's start is the verdict of its eve"
    );
    let now = store
        .rollout_readiness(&week.rollout, date("2027-01-17"))
        .unwrap();
    assert_eq!(
        (figures.readiness_now.verdict, figures.readiness_now.score),
        (now.verdict, now.score),
        "readiness at the week's end is the verdict every screen gives"
    );
    let changed = items(&status, SectionKind::Readiness);
    assert!(
        changed
            .iter()
            .any(|i| i.happened == "Integrated testing signed off: Not met → Met"),
        "the criterion that changed is named: {changed:?}"
    );
}

#[test]
fn the_all_rollouts_status_names_each_rollout_and_leaves_closed_ones_out() {
    let week = Week::new();
    let store = &week.store;
    let other = store
        .create_rollout(&rollplan_core::rollouts::RolloutDraft {
            name: "SMS reminders".into(),
            ..Default::default()
        })
        .unwrap();
    let closed = store
        .create_rollout(&rollplan_core::rollouts::RolloutDraft {
            name: "Old fax workflow".into(),
            phase: rollplan_core::rollouts::Phase::Closed,
            ..Default::default()
        })
        .unwrap();
    task(&week, "Validate lab interface", "2027-01-04", "2027-01-14");
    week.everything_so_far_on("2027-01-04T09:00:00.000Z");
    let all = store
        .draft_portfolio_status(monday(), after_week())
        .unwrap();
    let names: Vec<&str> = all
        .rollouts
        .iter()
        .map(|r| r.rollout_name.as_str())
        .collect();
    assert!(
        names.contains(&"EHR go-live") && names.contains(&other.name.as_str()),
        "{names:?}"
    );
    assert!(
        !names.contains(&closed.name.as_str()),
        "a closed rollout is not active"
    );
    let slipped = items(&all, SectionKind::Slipped);
    assert_eq!(
        slipped[0].rollout_name, "EHR go-live",
        "each item names its rollout"
    );
    assert_eq!(all.rollout_id, None);
}

#[test]
fn training_by_role_then_and_now_follows_the_completion_dates() {
    use rollplan_core::people::PersonDraft;
    use rollplan_core::training::{ModuleDraft, TrainingFormat};
    let week = Week::new();
    let store = &week.store;
    let front_desk = store
        .list_roles()
        .unwrap()
        .into_iter()
        .find(|r| r.name == "Front desk")
        .unwrap()
        .id;
    let people: Vec<String> = ["Ana", "Ben"]
        .iter()
        .map(|name| {
            store
                .create_person(&PersonDraft {
                    name: (*name).into(),
                    role_id: Some(front_desk.clone()),
                    ..PersonDraft::default()
                })
                .unwrap()
                .id
        })
        .collect();
    let module = store
        .create_training_module(&ModuleDraft {
            title: "New check-in workflow".into(),
            format: TrainingFormat::Classroom,
            duration_minutes: 90,
            description: String::new(),
        })
        .unwrap()
        .id;
    store
        .add_requirement(&week.rollout, &front_desk, &module, "2027-02-01", &[])
        .unwrap();
    store
        .complete_training(&module, &people[..1], "2027-01-13", None, after_week())
        .unwrap();

    let status = store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    let role = status.rollouts[0]
        .training
        .iter()
        .find(|r| r.role_name == "Front desk")
        .expect("the front desk needs training");
    assert_eq!(
        (role.percent_then, role.percent_now),
        (Some(0), 50),
        "one of two trained in the week"
    );
    let completion = store
        .rollout_training_completion(&week.rollout, date("2027-01-17"))
        .unwrap();
    assert_eq!(
        role.percent_now,
        completion
            .iter()
            .find(|r| r.role_id == front_desk)
            .unwrap()
            .percent,
        "now is the completion every screen shows"
    );
    let news = items(&status, SectionKind::Training);
    assert_eq!(news[0].happened, "Front desk: 0% → 50% trained (1 of 2)");

    // While the week is under way, today's training is what every screen counts: read
    // for the rollout alone, or from the standing of every rollout once Home has kept
    // it, in one rollout's status and in the all-rollouts one.
    let midweek = date("2027-01-15");
    let percent_now = |status: &StatusDraft| {
        let rollout = status
            .rollouts
            .iter()
            .find(|r| r.rollout_id == week.rollout)
            .expect("the rollout is in the status");
        let role = rollout
            .training
            .iter()
            .find(|r| r.role_name == "Front desk");
        role.map(|r| (r.percent_then, r.percent_now))
    };
    let read_alone = store
        .draft_status(&week.rollout, monday(), midweek)
        .unwrap();
    store.rollout_statuses(midweek).unwrap();
    let from_standing = store
        .draft_status(&week.rollout, monday(), midweek)
        .unwrap();
    let all = store.draft_portfolio_status(monday(), midweek).unwrap();
    assert_eq!(percent_now(&read_alone), Some((Some(0), 50)));
    assert_eq!(read_alone, from_standing);
    assert_eq!(percent_now(&all), percent_now(&read_alone));
}
