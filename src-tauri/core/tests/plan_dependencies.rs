//! Dependencies between a plan's tasks: never a task and itself, never a loop (named
//! task by task), and kept while a task is in the trash.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::plan::{depends, field_messages, plan, task};
use rollplan_core::audit::{AuditAction, EntityKind};
use rollplan_core::plan::Task;

#[test]
fn a_task_cannot_depend_on_itself() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let error = plan
        .store
        .add_dependency(&build.id, &build.id)
        .expect_err("refused");
    assert_eq!(
        field_messages(error),
        vec![(
            "depends_on".to_owned(),
            "'Build interfaces' cannot depend on itself.".to_owned()
        )]
    );
}

#[test]
fn a_two_task_loop_is_refused_naming_both_tasks() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let test = task(&plan, "Test interfaces", "2026-11-23", "2026-12-04");
    depends(&plan, &test, &build);
    let error = plan
        .store
        .add_dependency(&build.id, &test.id)
        .expect_err("a loop");
    let message = error.to_string();
    assert!(
        message.contains("Build interfaces → Test interfaces → Build interfaces"),
        "the loop is named in the order the work runs: {message}"
    );
    assert_eq!(
        plan.store.get_task(&build.id).expect("build").depends_on,
        Vec::<String>::new(),
        "the refused dependency is not stored"
    );
}

#[test]
fn a_long_loop_names_every_task_on_it() {
    let plan = plan();
    let names = ["Map workflows", "Build", "Test", "Train", "Dress rehearsal"];
    let tasks: Vec<Task> = names
        .iter()
        .map(|name| task(&plan, name, "2026-11-02", "2026-11-03"))
        .collect();
    for pair in tasks.windows(2) {
        depends(&plan, &pair[1], &pair[0]);
    }
    let error = plan
        .store
        .add_dependency(&tasks[0].id, &tasks[4].id)
        .expect_err("a loop");
    assert!(
        error
            .to_string()
            .contains("Map workflows → Build → Test → Train → Dress rehearsal → Map workflows"),
        "{error}"
    );
}

#[test]
fn a_trashed_task_keeps_its_dependencies_for_when_it_comes_back() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let test = task(&plan, "Test interfaces", "2026-11-23", "2026-12-04");
    depends(&plan, &test, &build);
    plan.store.trash_task(&build.id).expect("trash");
    assert_eq!(plan.store.list_tasks(&plan.rollout).expect("list").len(), 1);
    assert!(
        plan.store
            .get_task(&test.id)
            .expect("test")
            .depends_on
            .is_empty(),
        "a trashed predecessor does not hold anything up"
    );
    // Even while trashed, it cannot be made part of a loop.
    assert!(plan.store.add_dependency(&build.id, &test.id).is_err());
    plan.store.restore_task(&build.id).expect("restore");
    assert_eq!(
        plan.store.get_task(&test.id).expect("test").depends_on,
        vec![build.id.clone()]
    );
    let history = plan.store.task_history(&build.id).expect("history");
    let actions: Vec<AuditAction> = history.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            AuditAction::Restore,
            AuditAction::Trash,
            AuditAction::Create
        ]
    );
    let test_history = plan
        .store
        .history(EntityKind::PlanTask, &test.id)
        .expect("history");
    assert_eq!(test_history[0].changes[0].field, "depends_on");
    assert_eq!(
        test_history[0].changes[0].new.as_deref(),
        Some("Build interfaces")
    );
}
