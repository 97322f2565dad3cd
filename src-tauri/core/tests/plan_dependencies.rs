//! Dependencies between a plan's tasks: never a task and itself, never a loop (named
//! task by task), and kept while a task is in the trash.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::plan::{depends, field_messages, linked, plan, task};
use rollplan_core::audit::{AuditAction, EntityKind};
use rollplan_core::plan::{LinkType, Task, TaskLink};

#[test]
fn a_task_cannot_depend_on_itself() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let error = plan
        .store
        .add_dependency(&build.id, &build.id, LinkType::FinishToStart, 0)
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
        .add_dependency(&build.id, &test.id, LinkType::FinishToStart, 0)
        .expect_err("a loop");
    let message = error.to_string();
    assert!(
        message.contains("Build interfaces → Test interfaces → Build interfaces"),
        "the loop is named in the order the work runs: {message}"
    );
    assert_eq!(
        plan.store.get_task(&build.id).expect("build").depends_on,
        Vec::new(),
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
        .add_dependency(&tasks[0].id, &tasks[4].id, LinkType::FinishToStart, 0)
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
    assert!(plan
        .store
        .add_dependency(&build.id, &test.id, LinkType::FinishToStart, 0)
        .is_err());
    plan.store.restore_task(&build.id).expect("restore");
    assert_eq!(
        plan.store.get_task(&test.id).expect("test").depends_on,
        vec![TaskLink::finish_to_start(&build.id)],
        "a restored predecessor is waited for again, as before"
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

#[test]
fn a_link_keeps_its_type_and_lag_and_the_history_says_them() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let test = task(&plan, "Test interfaces", "2026-11-04", "2026-12-04");
    let saved = linked(&plan, &test, &build, LinkType::StartToStart, 2);
    assert_eq!(
        saved.depends_on,
        vec![TaskLink {
            depends_on_id: build.id.clone(),
            link_type: LinkType::StartToStart,
            lag_days: 2,
        }],
        "the link comes back with the type and lag it was given"
    );
    assert_eq!(
        plan.store.list_tasks(&plan.rollout).expect("list")[1].depends_on,
        saved.depends_on,
        "the plan's list reads the same link as the single task"
    );
    let history = plan
        .store
        .history(EntityKind::PlanTask, &test.id)
        .expect("history");
    assert_eq!(
        history[0].changes[0].new.as_deref(),
        Some("Build interfaces (start-to-start, +2 days)"),
        "the history names the link's type and lag"
    );

    // The same pair again with another type and a lead changes the link in place.
    let changed = linked(&plan, &test, &build, LinkType::FinishToFinish, -3);
    assert_eq!(
        changed.depends_on.len(),
        1,
        "still one link between the two"
    );
    assert_eq!(changed.depends_on[0].link_type, LinkType::FinishToFinish);
    assert_eq!(changed.depends_on[0].lag_days, -3);
    assert!(
        changed.row_version > saved.row_version,
        "changing a link is an edit of the waiting task"
    );
    let history = plan
        .store
        .history(EntityKind::PlanTask, &test.id)
        .expect("history");
    assert_eq!(
        (
            history[0].changes[0].old.as_deref(),
            history[0].changes[0].new.as_deref()
        ),
        (
            Some("Build interfaces (start-to-start, +2 days)"),
            Some("Build interfaces (finish-to-finish, -3 days)")
        ),
        "the history says what the link was and what it became"
    );
    let unchanged = linked(&plan, &test, &build, LinkType::FinishToFinish, -3);
    assert_eq!(
        unchanged.row_version, changed.row_version,
        "giving a link it already has changes nothing"
    );

    let removed = plan
        .store
        .remove_dependency(&test.id, &build.id)
        .expect("remove");
    assert!(removed.depends_on.is_empty(), "the link is gone");
    let history = plan
        .store
        .history(EntityKind::PlanTask, &test.id)
        .expect("history");
    assert_eq!(
        history[0].changes[0].old.as_deref(),
        Some("Build interfaces (finish-to-finish, -3 days)"),
        "the history says which link was removed"
    );
}

#[test]
fn a_lag_beyond_a_year_is_refused_on_its_field() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let test = task(&plan, "Test interfaces", "2026-11-23", "2026-12-04");
    for lag in [366, -366] {
        let error = plan
            .store
            .add_dependency(&test.id, &build.id, LinkType::FinishToStart, lag)
            .expect_err("a lag beyond a year");
        let fields = field_messages(error);
        assert_eq!(
            fields[0].0, "lag_days",
            "the message is on the lag: {fields:?}"
        );
    }
    assert!(
        plan.store
            .get_task(&test.id)
            .expect("test")
            .depends_on
            .is_empty(),
        "a refused link is not stored"
    );
}

#[test]
fn a_loop_is_refused_whatever_the_links_types() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let test = task(&plan, "Test interfaces", "2026-11-04", "2026-12-04");
    let train = task(&plan, "Train staff", "2026-11-10", "2026-12-04");
    linked(&plan, &test, &build, LinkType::StartToStart, 2);
    linked(&plan, &train, &test, LinkType::FinishToFinish, 0);
    let error = plan
        .store
        .add_dependency(&build.id, &train.id, LinkType::StartToFinish, 0)
        .expect_err("a loop through start-to-start and finish-to-finish links");
    assert!(
        error
            .to_string()
            .contains("Build interfaces → Test interfaces → Train staff → Build interfaces"),
        "the loop is named task by task: {error}"
    );
}

#[test]
fn the_trash_lists_the_tasks_of_every_live_rollout_most_recently_trashed_first() {
    use rollplan_core::rollouts::RolloutDraft;
    let plan = plan();
    let other = plan
        .store
        .create_rollout(&RolloutDraft {
            name: "Fax retirement".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout");
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let keep = task(&plan, "Test interfaces", "2026-11-23", "2026-12-04");
    let tell = plan
        .store
        .create_task(
            &other.id,
            &rollplan_core::plan::TaskDraft {
                title: "Tell the referral partners".into(),
                ..Default::default()
            },
        )
        .expect("task");
    assert!(plan.store.list_trashed_tasks().expect("trash").is_empty());

    plan.store.trash_task(&build.id).expect("trash");
    // Trashed a moment later, so that it is the most recent.
    std::thread::sleep(std::time::Duration::from_millis(5));
    plan.store.trash_task(&tell.id).expect("trash");
    let trashed = plan.store.list_trashed_tasks().expect("trash");
    let titles: Vec<&str> = trashed.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Tell the referral partners", "Build interfaces"]);
    assert_eq!(trashed[0].rollout_id, other.id, "each names its rollout");
    assert!(trashed.iter().all(|t| t.id != keep.id));

    // A rollout in the trash takes its tasks with it: they are not listed on their own.
    plan.store.trash_rollout(&other.id).expect("trash rollout");
    let titles: Vec<String> = plan
        .store
        .list_trashed_tasks()
        .expect("trash")
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(titles, ["Build interfaces"]);
    plan.store.restore_task(&build.id).expect("restore");
    assert!(plan.store.list_trashed_tasks().expect("trash").is_empty());
}
