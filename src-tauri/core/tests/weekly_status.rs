//! The weekly status drafted from a week's records and audit log: one test per source,
//! each checking that the draft's figure agrees with the records (a task slipped by
//! three days says three).

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod status_common;

use rollplan_core::metrics::{
    Cadence, Direction, MeasurementDraft, MetricDraft, MetricUnit, ThresholdDraft, ThresholdLevel,
};
use rollplan_core::plan::{TaskDraft, TaskStatus};
use rollplan_core::readiness::{CriterionDraft, CriterionStatus, ReadinessCategory};
use rollplan_core::status::{SectionKind, StatusDraft, StatusItem, Tone};
use rollplan_core::workspace::{CommunicationDraft, DecisionDraft, RiskDraft, RiskStatus};
use rollplan_core::CoreError;
use status_common::{after_week, date, monday, Week};

fn items(draft: &StatusDraft, kind: SectionKind) -> Vec<&StatusItem> {
    draft
        .sections
        .iter()
        .filter(|s| s.kind == kind)
        .flat_map(|s| s.items.iter())
        .collect()
}

fn task(week: &Week, title: &str, start: &str, due: &str) -> rollplan_core::plan::Task {
    week.store
        .create_task(
            &week.rollout,
            &TaskDraft {
                title: title.into(),
                owner: "Dana Whitfield".into(),
                start_date: Some(start.into()),
                due_date: Some(due.into()),
                ..TaskDraft::default()
            },
        )
        .expect("task")
}

#[test]
fn a_due_date_moved_three_days_later_says_three_days() {
    let week = Week::new();
    let t = task(&week, "Print downtime forms", "2027-01-04", "2027-01-14");
    week.everything_so_far_on("2027-01-04T09:00:00.000Z");
    let mut draft = t.draft();
    draft.due_date = Some("2027-01-17".into());
    week.store
        .update_task(&t.id, t.row_version, &draft)
        .expect("move");
    week.everything_so_far_on("2027-01-13T10:00:00.000Z");

    let status = week
        .store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    let slipped = items(&status, SectionKind::Slipped);
    let moved = slipped
        .iter()
        .find(|i| i.key.starts_with("task-moved:"))
        .expect("a due date moved later in the week is a slip");
    assert!(
        moved
            .happened
            .contains("Jan 14, 2027 to Jan 17, 2027 (3 days later)"),
        "the slip says by how many days the due date moved: {}",
        moved.happened
    );
    assert_eq!(moved.who, "Dana Whitfield", "the task's owner acts");
    assert!(!moved.action.is_empty(), "a slip says what is being done");
}

#[test]
fn a_task_past_due_and_not_done_says_how_late_it_stood_at_the_weeks_end() {
    let week = Week::new();
    task(&week, "Validate lab interface", "2027-01-04", "2027-01-14");
    week.everything_so_far_on("2027-01-04T09:00:00.000Z");

    let status = week
        .store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    let late = items(&status, SectionKind::Slipped);
    assert_eq!(
        late.len(),
        1,
        "one task came past due in the week: {late:?}"
    );
    assert!(
        late[0]
            .happened
            .contains("due Jan 14, 2027, not done (3 days late at Jan 17, 2027)"),
        "the slip counts the days from the due date to the week's Sunday: {}",
        late[0].happened
    );
    assert!(
        late[0].key.starts_with("task-late:"),
        "and says it is a past-due slip"
    );

    let next_week = week
        .store
        .draft_status(&week.rollout, date("2027-01-18"), date("2027-01-27"))
        .unwrap();
    assert!(
        items(&next_week, SectionKind::Slipped).is_empty(),
        "a task already late before the week is not news of that week"
    );
}

#[test]
fn completed_started_and_blocked_tasks_are_told_with_their_day() {
    let week = Week::new();
    let done = task(&week, "Provision user accounts", "2027-01-04", "2027-01-20");
    let started = task(&week, "Build order sets", "2027-01-04", "2027-01-29");
    let blocked = task(&week, "Test label printers", "2027-01-04", "2027-01-29");
    let untouched = task(&week, "Book training rooms", "2027-01-04", "2027-01-29");
    week.everything_so_far_on("2027-01-04T09:00:00.000Z");
    for (t, status) in [
        (&done, TaskStatus::Done),
        (&started, TaskStatus::Doing),
        (&blocked, TaskStatus::Blocked),
    ] {
        let mut draft = t.draft();
        draft.status = status;
        week.store
            .update_task(&t.id, t.row_version, &draft)
            .expect("status");
    }
    week.everything_so_far_on("2027-01-12T10:00:00.000Z");

    let status = week
        .store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    let completed = items(&status, SectionKind::Completed);
    assert_eq!(completed.len(), 1, "one task was completed: {completed:?}");
    assert_eq!(
        completed[0].happened,
        "Provision user accounts: completed on Jan 12, 2027"
    );
    assert_eq!(completed[0].tone, Tone::Good);
    let begun = items(&status, SectionKind::Started);
    assert_eq!(begun.len(), 1, "one task was started: {begun:?}");
    assert!(begun[0]
        .happened
        .starts_with("Build order sets: started on Jan 12, 2027"));
    let stuck = items(&status, SectionKind::Blocked);
    assert_eq!(stuck.len(), 1, "one task was newly blocked: {stuck:?}");
    assert!(stuck[0].happened.contains("blocked since Jan 12, 2027"));
    assert!(
        !format!("{status:?}").contains(&untouched.id),
        "a task nobody touched is not in the status"
    );

    let week_before = week
        .store
        .draft_status(&week.rollout, date("2027-01-04"), after_week())
        .unwrap();
    assert!(
        items(&week_before, SectionKind::Completed).is_empty(),
        "the completion belongs to the week it happened in"
    );
}

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
fn a_week_with_nothing_says_so_and_a_week_not_started_is_refused() {
    let week = Week::new();
    let status = week
        .store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    assert!(status.is_quiet(), "nothing happened: {:?}", status.sections);
    assert!(
        status.headline.starts_with("A quiet week"),
        "{}",
        status.headline
    );
    assert_eq!(
        status.next_update,
        date("2027-01-25"),
        "next update a week after it is sent"
    );
    assert_eq!(
        status.rollouts[0].days_to_go_live,
        Some(43),
        "the countdown runs from the week's Sunday to go-live"
    );

    let refused = week
        .store
        .draft_status(&week.rollout, date("2027-01-25"), after_week())
        .unwrap_err();
    assert!(
        matches!(&refused, CoreError::Validation(_))
            && refused.to_string().contains("has not started"),
        "a week that has not started is refused: {refused}"
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

#[test]
fn a_slip_says_how_many_open_tasks_wait_for_it() {
    use rollplan_core::plan::LinkType;
    let week = Week::new();
    // The longest chain, so that the late task is not on the critical path.
    task(&week, "Build interfaces", "2026-11-02", "2027-02-26");
    let late = task(&week, "Validate lab interface", "2027-01-04", "2027-01-14");
    let waiting = [
        task(&week, "Train lab staff", "2027-01-18", "2027-01-22"),
        task(&week, "Print lab labels", "2027-01-18", "2027-01-20"),
        task(&week, "Order label stock", "2027-01-15", "2027-01-16"),
    ];
    for t in &waiting {
        week.store
            .add_dependency(&t.id, &late.id, LinkType::FinishToStart, 0)
            .expect("link");
    }
    // One of the three is done already: it no longer waits.
    let done = week.store.get_task(&waiting[2].id).expect("task");
    let mut draft = done.draft();
    draft.status = TaskStatus::Done;
    week.store
        .update_task(&done.id, done.row_version, &draft)
        .expect("done");
    week.everything_so_far_on("2027-01-04T09:00:00.000Z");

    let status = week
        .store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    let slipped = items(&status, SectionKind::Slipped);
    let item = slipped
        .iter()
        .find(|i| i.happened.starts_with("Validate lab interface"))
        .expect("the late task is a slip");
    assert_eq!(item.impact, "Not on the critical path; 2 tasks wait for it");
}

#[test]
fn a_draft_is_kept_until_anything_is_written_here_or_elsewhere() {
    let week = Week::new();
    let store = &week.store;
    let created = task(&week, "Build order sets", "2027-01-12", "2027-01-13");
    week.everything_so_far_on("2027-01-12T10:00:00.000Z");
    let draft = || {
        store
            .draft_status(&week.rollout, monday(), after_week())
            .unwrap()
    };
    let first = draft();
    let worked_out = store.status_drafts_worked_out();
    assert_eq!(draft(), first);
    assert_eq!(
        store.status_drafts_worked_out(),
        worked_out,
        "nothing written: the kept draft"
    );

    // Another week, or the same week on another day, is drafted afresh.
    store
        .draft_status(&week.rollout, date("2027-01-04"), after_week())
        .unwrap();
    store
        .draft_status(&week.rollout, monday(), date("2027-01-22"))
        .unwrap();
    assert_eq!(store.status_drafts_worked_out(), worked_out + 2);

    // A write here, whatever it touches, drafts again.
    let mut edited = created.draft();
    edited.title = "Build and test order sets".into();
    store
        .update_task(&created.id, created.row_version, &edited)
        .unwrap();
    let before = store.status_drafts_worked_out();
    draft();
    assert_eq!(
        store.status_drafts_worked_out(),
        before + 1,
        "after a task edit"
    );
    draft();
    assert_eq!(
        store.status_drafts_worked_out(),
        before + 1,
        "then kept again"
    );

    // So does a write by another connection (a team pull, the command line).
    week.db
        .execute(
            "UPDATE plan_tasks SET title = 'Order sets signed off' WHERE id = ?1",
            [&created.id],
        )
        .unwrap();
    draft();
    assert_eq!(
        store.status_drafts_worked_out(),
        before + 2,
        "after another connection's write"
    );
}

#[test]
fn a_draft_as_shown_holds_each_sections_first_items_and_counts_them_all() {
    let week = Week::new();
    let tasks: Vec<_> = (1..=5)
        .map(|n| {
            task(
                &week,
                &format!("Checklist item {n}"),
                "2027-01-04",
                "2027-01-20",
            )
        })
        .collect();
    week.everything_so_far_on("2027-01-04T09:00:00.000Z");
    for t in &tasks {
        let mut draft = t.draft();
        draft.status = TaskStatus::Done;
        week.store
            .update_task(&t.id, t.row_version, &draft)
            .expect("done");
    }
    week.everything_so_far_on("2027-01-12T10:00:00.000Z");
    let whole = week
        .store
        .draft_status(&week.rollout, monday(), after_week())
        .unwrap();
    assert_eq!(items(&whole, SectionKind::Completed).len(), 5);

    let shown = whole.clone().shown(Some(2));
    assert_eq!(shown.section_sizes.get(&SectionKind::Completed), Some(&5));
    assert_eq!(
        items(&shown.draft, SectionKind::Completed),
        items(&whole, SectionKind::Completed)[..2],
        "the first two, in the draft's order"
    );
    assert_eq!(shown.draft.headline, whole.headline, "the rest as drafted");
    assert_eq!(shown.draft.rollouts, whole.rollouts);
    assert_eq!(
        whole.clone().shown(None).draft,
        whole,
        "None: the draft whole"
    );
}
