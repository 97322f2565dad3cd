//! A template on a short runway: the check before creating, and the two answers —
//! compress the plan into the days left, or keep the template's durations.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use common::date;
use rollplan_core::plan::{Task, TaskKind};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::templates::{check_template_runway, list_templates, TemplateFit};
use rollplan_core::Store;

fn draft(go_live: NaiveDate) -> RolloutDraft {
    RolloutDraft {
        name: "Riverside EHR".into(),
        go_live_date: Some(go_live.to_string()),
        ..RolloutDraft::default()
    }
}

fn today() -> NaiveDate {
    date("2027-01-04")
}

fn days_after(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).expect("a date")
}

/// Every invariant a compressed plan must keep, checked on the rollout's tasks against
/// the plan as the template draws it.
fn assert_fits(store: &Store, rollout: &str, drawn: &[Task], go_live: NaiveDate, today: NaiveDate) {
    let tasks = store.list_tasks(rollout).expect("tasks");
    let by_id: HashMap<&str, &Task> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let drawn: HashMap<&str, &Task> = drawn.iter().map(|t| (t.title.as_str(), t)).collect();
    for task in &tasks {
        let (start, due) = (task.start_date.expect("start"), task.due_date.expect("due"));
        assert!(
            start >= today,
            "{}: nothing is dated before today ({start})",
            task.title
        );
        let before = drawn[task.title.as_str()];
        if before.start_date >= Some(go_live) {
            assert_eq!(
                (task.start_date, task.due_date),
                (before.start_date, before.due_date),
                "{}: what comes after go-live does not move",
                task.title
            );
        } else if task.kind == TaskKind::Task {
            assert!(
                due < go_live,
                "{}: work before go-live is due before it",
                task.title
            );
        }
        if task.kind == TaskKind::Task {
            assert!(
                task.duration_days() >= 1,
                "{}: no task shorter than a day",
                task.title
            );
            assert!(
                task.duration_days() <= before.duration_days(),
                "{}: compressing never lengthens a task ({} > {})",
                task.title,
                task.duration_days(),
                before.duration_days()
            );
        }
        for predecessor in task.predecessor_ids().map(|id| by_id[id]) {
            // Handing over on the same day is how the plan reads a link too.
            assert!(
                predecessor.due_date <= task.start_date,
                "'{}' starts only once '{}' is due: the order is kept",
                task.title,
                predecessor.title
            );
        }
    }
    let path = store.critical_path(rollout).expect("path");
    assert!(
        path.length_days <= (go_live - today).num_days(),
        "the critical path ({} days) fits the runway ({} days)",
        path.length_days,
        (go_live - today).num_days()
    );
    assert!(
        store
            .slipped_tasks(rollout, today)
            .expect("slipped")
            .is_empty(),
        "a compressed plan has nothing overdue or slipped"
    );
    for message in store.list_communications(rollout).expect("comms") {
        assert!(
            message.send_on >= today,
            "no message is late: {}",
            message.message
        );
    }
}

/// The plan as the template draws it, for comparing lengths.
fn drawn(store: &Store, template: &str, go_live: NaiveDate) -> Vec<Task> {
    let early = go_live.checked_sub_days(Days::new(400)).expect("date");
    let rollout = store
        .create_rollout_from_template(&draft(go_live), template, None, early)
        .expect("as drawn");
    store.list_tasks(&rollout.id).expect("tasks")
}

#[test]
fn ten_weeks_out_the_ehr_template_asks_and_says_what_keeping_it_means() {
    let go_live = days_after(today(), 70);
    let check = check_template_runway("ehr-go-live", &go_live.to_string(), today()).expect("check");
    assert!(check.short, "120 days of plan do not fit in 70");
    assert_eq!((check.runway_days, check.lead_days), (70, 120));
    assert!(
        check.critical_path_days > 70,
        "the drawn path is longer than the runway"
    );
    assert!(check.can_compress);
    assert!(
        check
            .compressed_critical_path_days
            .is_some_and(|days| days <= 70),
        "compressed, the path fits: {:?}",
        check.compressed_critical_path_days
    );
    assert!(
        !check.overdue_tasks.is_empty(),
        "kept as drawn, some work is overdue"
    );
    assert_eq!(check.past_milestones, ["Project kickoff"]);
    assert_eq!(
        check.late_messages.len(),
        1,
        "the all-staff meeting is late"
    );
    assert_eq!(check.late_messages[0].days_late, 30);
    let said = check.keep_consequences.join(" ");
    assert!(
        said.contains(&format!(
            "Critical path {} days, 70 days left.",
            check.critical_path_days
        )) && said.contains(&format!(
            "{} tasks would already be overdue.",
            check.overdue_tasks.len()
        )) && said.contains("1 message a month late"),
        "the consequences are spelled out: {said}"
    );

    let store = Store::open_in_memory().expect("store");
    let unasked = store
        .create_rollout_from_template(&draft(go_live), "ehr-go-live", None, today())
        .expect_err("a short runway needs a choice");
    assert_eq!(unasked.payload().field.as_deref(), Some("fit"));
    assert!(
        unasked.to_string().contains("would already be overdue"),
        "{unasked}"
    );
    assert_eq!(
        store.count_rollouts().expect("count"),
        0,
        "a refusal writes nothing"
    );
}

#[test]
fn compressed_the_plan_fits_between_today_and_go_live_in_the_same_order() {
    let store = Store::open_in_memory().expect("store");
    let go_live = days_after(today(), 70);
    let as_drawn = drawn(&store, "ehr-go-live", go_live);
    let rollout = store
        .create_rollout_from_template(
            &draft(go_live),
            "ehr-go-live",
            Some(TemplateFit::Compress),
            today(),
        )
        .expect("compressed");
    assert_eq!(rollout.start_date, Some(today()), "the plan starts today");
    assert_fits(&store, &rollout.id, &as_drawn, go_live, today());
    let tasks = store.list_tasks(&rollout.id).expect("tasks");
    let go_live_milestone = tasks
        .iter()
        .find(|t| t.title == "Go-live")
        .expect("go-live");
    assert_eq!(
        go_live_milestone.due_date,
        Some(go_live),
        "go-live stays on go-live"
    );
    let total = |tasks: &[Task]| tasks.iter().map(Task::duration_days).sum::<i64>();
    assert!(
        total(&tasks) < total(&as_drawn),
        "durations are scaled down ({} days of work against {})",
        total(&tasks),
        total(&as_drawn)
    );
}

#[test]
fn every_template_compresses_on_every_runway_it_can() {
    for template in list_templates() {
        for runway in [3, 8, 15, 30, 45, 70, 100] {
            let store = Store::open_in_memory().expect("store");
            let go_live = days_after(today(), runway);
            let check = check_template_runway(&template.name, &go_live.to_string(), today())
                .expect("check");
            let as_drawn = drawn(&store, &template.name, go_live);
            let created = store.create_rollout_from_template(
                &draft(go_live),
                &template.name,
                Some(TemplateFit::Compress),
                today(),
            );
            match created {
                Ok(rollout) => {
                    assert!(
                        check.can_compress || !check.short,
                        "{}: {runway}",
                        template.name
                    );
                    assert_fits(&store, &rollout.id, &as_drawn, go_live, today());
                }
                Err(error) => {
                    assert!(
                        !check.can_compress,
                        "{} on {runway} days: {error}",
                        template.name
                    );
                    assert_eq!(error.payload().field.as_deref(), Some("fit"));
                }
            }
        }
    }
}

#[test]
fn kept_the_plan_starts_in_the_past_as_the_check_said() {
    let store = Store::open_in_memory().expect("store");
    let go_live = days_after(today(), 70);
    let check = check_template_runway("ehr-go-live", &go_live.to_string(), today()).expect("check");
    let rollout = store
        .create_rollout_from_template(
            &draft(go_live),
            "ehr-go-live",
            Some(TemplateFit::Keep),
            today(),
        )
        .expect("kept");
    assert_eq!(
        rollout.start_date,
        go_live.checked_sub_days(Days::new(120)),
        "kept as drawn, kickoff is 120 days before go-live"
    );
    let overdue = store
        .slipped_tasks(&rollout.id, today())
        .expect("slipped")
        .into_iter()
        .filter(|s| s.days_overdue > 0)
        .count();
    assert_eq!(
        overdue,
        check.overdue_tasks.len() + check.past_milestones.len(),
        "what the check listed is what is overdue"
    );
}

#[test]
fn a_long_runway_asks_nothing_and_a_runway_too_short_cannot_be_compressed() {
    let roomy = days_after(today(), 150);
    let check = check_template_runway("ehr-go-live", &roomy.to_string(), today()).expect("check");
    assert!(!check.short, "150 days hold the 120 the template plans");
    let store = Store::open_in_memory().expect("store");
    store
        .create_rollout_from_template(&draft(roomy), "ehr-go-live", None, today())
        .expect("no question on a long runway");

    let tomorrow = days_after(today(), 1);
    let check =
        check_template_runway("ehr-go-live", &tomorrow.to_string(), today()).expect("check");
    assert!(
        check.short && !check.can_compress,
        "a day cannot hold the chain of work"
    );
    let refused = store
        .create_rollout_from_template(
            &draft(tomorrow),
            "ehr-go-live",
            Some(TemplateFit::Compress),
            today(),
        )
        .expect_err("too short");
    assert_eq!(refused.payload().field.as_deref(), Some("fit"));
    assert!(
        refused.to_string().contains("Too short to compress"),
        "{refused}"
    );
}
