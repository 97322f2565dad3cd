//! A rollout's plan for the plan tests: a rollout from 2026-10-01 going live on
//! 2027-03-01, one person in the directory, and short ways to add tasks, milestones and
//! dependencies.

use rollplan_core::people::PersonDraft;
use rollplan_core::plan::{LinkType, Task, TaskDraft, TaskKind};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, Store};

pub struct Plan {
    pub store: Store,
    pub rollout: String,
}

/// A rollout going live on 2027-03-01 and one person, Dana Whitfield, in the directory.
pub fn plan() -> Plan {
    let store = Store::open_in_memory().expect("store");
    store
        .create_person(&PersonDraft {
            name: "Dana Whitfield".into(),
            ..PersonDraft::default()
        })
        .expect("person");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "EHR go-live".into(),
            start_date: Some("2026-10-01".into()),
            go_live_date: Some("2027-03-01".into()),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    Plan { store, rollout }
}

/// Adds a task or milestone from `start` to `due`.
pub fn add(plan: &Plan, title: &str, kind: TaskKind, start: &str, due: &str) -> Task {
    plan.store
        .create_task(
            &plan.rollout,
            &TaskDraft {
                title: title.into(),
                kind,
                start_date: Some(start.into()),
                due_date: Some(due.into()),
                ..TaskDraft::default()
            },
        )
        .expect("task")
}

pub fn task(plan: &Plan, title: &str, start: &str, due: &str) -> Task {
    add(plan, title, TaskKind::Task, start, due)
}

pub fn milestone(plan: &Plan, title: &str, on: &str) -> Task {
    plan.store
        .create_task(
            &plan.rollout,
            &TaskDraft {
                title: title.into(),
                kind: TaskKind::Milestone,
                due_date: Some(on.into()),
                ..TaskDraft::default()
            },
        )
        .expect("milestone")
}

/// Makes `task` wait for `on` to finish.
pub fn depends(plan: &Plan, task: &Task, on: &Task) {
    linked(plan, task, on, LinkType::FinishToStart, 0);
}

/// Makes `task` wait for `on` with a link of `link_type` and `lag_days`.
pub fn linked(plan: &Plan, task: &Task, on: &Task, link_type: LinkType, lag_days: i32) -> Task {
    plan.store
        .add_dependency(&task.id, &on.id, link_type, lag_days)
        .expect("dependency")
}

/// A validation error's (field, message) pairs, in the order given.
pub fn field_messages(error: CoreError) -> Vec<(String, String)> {
    match error {
        CoreError::Validation(fields) => fields.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}
