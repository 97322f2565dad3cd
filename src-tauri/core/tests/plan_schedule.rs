//! What a plan says about its schedule: the critical path into go-live, the tasks that
//! slipped, moving go-live with the open work, and the plan tab's one reading of it all.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::date;
use common::plan::{depends, milestone, plan, task};
use rollplan_core::plan::{GoLiveMove, GoLiveMoveScope, TaskStatus};

/// Chain A(10 days) → B(5) → Go-live, and C(3) → Go-live in parallel.
#[test]
fn the_critical_path_is_the_longest_chain_into_go_live() {
    let plan = plan();
    let a = task(&plan, "A", "2027-01-01", "2027-01-10");
    let b = task(&plan, "B", "2027-01-11", "2027-01-15");
    let c = task(&plan, "C", "2027-02-01", "2027-02-03");
    let unrelated = task(&plan, "Stabilization huddles", "2027-03-02", "2027-04-30");
    let go_live = milestone(&plan, "Go-live", "2027-03-01");
    depends(&plan, &b, &a);
    depends(&plan, &go_live, &b);
    depends(&plan, &go_live, &c);
    depends(&plan, &unrelated, &go_live);
    let path = plan.store.critical_path(&plan.rollout).expect("path");
    assert_eq!(path.target_task_id.as_deref(), Some(go_live.id.as_str()));
    assert_eq!(
        path.task_ids,
        vec![a.id.clone(), b.id.clone(), go_live.id.clone()]
    );
    assert_eq!(path.length_days, 15);
    let slack = |id: &str| {
        path.slack
            .iter()
            .find(|s| s.task_id == id)
            .map(|s| s.slack_days)
    };
    assert_eq!(slack(&a.id), Some(0));
    assert_eq!(
        slack(&c.id),
        Some(12),
        "C takes 3 of the 15 days the chain A-B takes"
    );
    assert_eq!(
        slack(&unrelated.id),
        None,
        "work after go-live cannot delay it"
    );
}

#[test]
fn without_milestones_the_longest_chain_in_the_plan_is_critical() {
    let plan = plan();
    let a = task(&plan, "A", "2027-01-01", "2027-01-02");
    let b = task(&plan, "B", "2027-01-03", "2027-01-04");
    let long = task(&plan, "Long", "2027-01-01", "2027-01-03");
    depends(&plan, &b, &a);
    let path = plan.store.critical_path(&plan.rollout).expect("path");
    assert_eq!(path.task_ids, vec![a.id, b.id], "2 + 2 days beats 3 days");
    assert_eq!(path.length_days, 4);
    assert_eq!(
        path.slack.iter().find(|s| s.task_id == long.id),
        None,
        "Long does not lead to B"
    );
}

#[test]
fn slipped_tasks_are_overdue_or_hold_up_a_dependent() {
    let plan = plan();
    let today = date("2026-12-10");
    let overdue = task(&plan, "Printer tests", "2026-11-20", "2026-12-07");
    let late = task(&plan, "Build interfaces", "2026-12-01", "2026-12-20");
    let waiting = task(&plan, "Test interfaces", "2026-12-15", "2026-12-30");
    let done_late = task(&plan, "Order scanners", "2026-11-01", "2026-11-10");
    let mut finished = done_late.draft();
    finished.status = TaskStatus::Done;
    plan.store
        .update_task(&done_late.id, done_late.row_version, &finished)
        .expect("done");
    depends(&plan, &waiting, &late);
    let slipped = plan
        .store
        .slipped_tasks(&plan.rollout, today)
        .expect("slipped");
    let found: Vec<(&str, i64, &str)> = slipped
        .iter()
        .map(|s| (s.title.as_str(), s.days_overdue, s.reason.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("Printer tests", 3, "3 days overdue"),
            (
                "Build interfaces",
                0,
                "Due 2026-12-20 but 'Test interfaces' should start 2026-12-15"
            ),
        ]
    );
    assert_eq!(slipped[1].holds_up, vec![waiting.id]);
    assert!(slipped
        .iter()
        .all(|s| s.task_id != overdue.id || s.holds_up.is_empty()));
}

#[test]
fn moving_go_live_moves_the_open_work_with_it() {
    let plan = plan();
    let today = date("2027-01-15");
    let started = task(&plan, "Build interfaces", "2027-01-04", "2027-01-29");
    let ahead = task(&plan, "Dress rehearsal", "2027-02-15", "2027-02-16");
    let done = task(&plan, "Name super-users", "2026-12-01", "2026-12-10");
    let mut finished = done.draft();
    finished.status = TaskStatus::Done;
    plan.store
        .update_task(&done.id, done.row_version, &finished)
        .expect("done");
    let go_live = milestone(&plan, "Go-live", "2027-03-01");

    let preview = plan
        .store
        .preview_go_live_move(&plan.rollout, "2027-03-15", GoLiveMoveScope::AllOpen, today)
        .expect("preview");
    assert_eq!(preview.shift_days, 14);
    let moved: Vec<(&str, String, String)> = preview
        .shifted
        .iter()
        .map(|s| {
            let text = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            (s.title.as_str(), text(s.new_start), text(s.new_due))
        })
        .collect();
    assert_eq!(
        moved,
        vec![
            ("Build interfaces", "2027-01-18".into(), "2027-02-12".into()),
            ("Dress rehearsal", "2027-03-01".into(), "2027-03-02".into()),
            ("Go-live", "2027-03-15".into(), "2027-03-15".into()),
        ],
        "open tasks move whole, a start in the past too; done work does not move"
    );
    assert_eq!(
        plan.store.get_task(&ahead.id).expect("ahead").start_date,
        Some(date("2027-02-15")),
        "a preview writes nothing"
    );

    let rollout = plan.store.get_rollout(&plan.rollout).expect("rollout");
    let applied = plan
        .store
        .move_go_live(
            &plan.rollout,
            rollout.row_version,
            "2027-03-15",
            GoLiveMoveScope::AllOpen,
            today,
        )
        .expect("apply");
    assert!(applied.undo.is_some(), "a move comes back with its undo");
    assert_eq!(
        GoLiveMove {
            undo: None,
            ..applied
        },
        preview,
        "the move does what the preview said"
    );
    assert_eq!(
        plan.store
            .get_rollout(&plan.rollout)
            .expect("rollout")
            .go_live_date,
        Some(date("2027-03-15"))
    );
    assert_eq!(
        plan.store
            .get_task(&go_live.id)
            .expect("milestone")
            .due_date,
        Some(date("2027-03-15"))
    );
    assert_eq!(
        plan.store.get_task(&started.id).expect("started").due_date,
        Some(date("2027-02-12"))
    );
    assert_eq!(
        plan.store.get_task(&done.id).expect("done").due_date,
        Some(date("2026-12-10"))
    );

    let earlier = plan
        .store
        .preview_go_live_move(&plan.rollout, "2027-02-01", GoLiveMoveScope::AllOpen, today)
        .expect("preview earlier");
    let squeezed: Vec<&str> = earlier
        .overdue_at_once
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        squeezed,
        ["Build interfaces"],
        "six weeks earlier puts the interface build's due date in the past"
    );
    let error = plan
        .store
        .move_go_live(
            &plan.rollout,
            rollout.row_version,
            "2027-02-01",
            GoLiveMoveScope::AllOpen,
            today,
        )
        .expect_err("stale version");
    assert_eq!(error.code(), "conflict");
    let before_start = plan
        .store
        .preview_go_live_move(&plan.rollout, "2026-09-01", GoLiveMoveScope::AllOpen, today)
        .expect_err("before the rollout starts");
    assert_eq!(before_start.code(), "validation");
}

#[test]
fn the_plan_view_is_what_the_separate_readings_give() {
    let plan = plan();
    let today = date("2026-12-10");
    let phase = plan
        .store
        .create_phase(&plan.rollout, "Build")
        .expect("phase");
    let build = task(&plan, "Build interfaces", "2026-12-01", "2026-12-20");
    let mut in_phase = build.draft();
    in_phase.phase_id = Some(phase.id.clone());
    plan.store
        .update_task(&build.id, build.row_version, &in_phase)
        .expect("into the phase");
    let overdue = task(&plan, "Printer tests", "2026-11-20", "2026-12-07");
    let waiting = task(&plan, "Test interfaces", "2026-12-15", "2026-12-30");
    let go_live = milestone(&plan, "Go-live", "2027-03-01");
    depends(&plan, &waiting, &build);
    depends(&plan, &go_live, &waiting);
    depends(&plan, &go_live, &overdue);

    let view = plan
        .store
        .plan_view(&plan.rollout, today)
        .expect("plan view");
    assert_eq!(view.tasks, plan.store.list_tasks(&plan.rollout).unwrap());
    assert_eq!(view.phases, plan.store.list_phases(&plan.rollout).unwrap());
    assert_eq!(
        view.critical_path,
        plan.store.critical_path(&plan.rollout).unwrap()
    );
    assert_eq!(
        view.slipped,
        plan.store.slipped_tasks(&plan.rollout, today).unwrap()
    );
    assert_eq!(view.tasks.len(), 4);
    assert_eq!(view.phases.len(), 1);
    assert_eq!(
        view.critical_path.task_ids,
        vec![build.id.clone(), waiting.id.clone(), go_live.id.clone()]
    );
    assert_eq!(
        view.slipped.len(),
        2,
        "one overdue, one holding up a dependent"
    );
    // What the tab asks for after an edit of one row: the same, without the tasks.
    let signals = plan
        .store
        .plan_signals(&plan.rollout, today)
        .expect("plan signals");
    assert_eq!(signals.critical_path, view.critical_path);
    assert_eq!(signals.slipped, view.slipped);
    assert_eq!(signals.baseline, view.baseline);

    // The tab's first screen: the plan's first rows as the whole reading begins, with
    // how many there are, and nothing of the trash.
    for rows in [0, 1, 3, 4, 50] {
        let opening = plan
            .store
            .plan_opening(&plan.rollout, rows)
            .expect("opening");
        let first = view
            .tasks
            .iter()
            .take(rows as usize)
            .cloned()
            .collect::<Vec<_>>();
        assert_eq!(opening.tasks, first, "the first {rows}, links included");
        assert_eq!(opening.task_count, 4);
        assert_eq!(opening.phases, view.phases);
    }
    plan.store.trash_task(&overdue.id).expect("trash");
    let opening = plan.store.plan_opening(&plan.rollout, 50).expect("opening");
    assert_eq!(opening.task_count, 3);
    assert!(opening.tasks.iter().all(|t| t.id != overdue.id));
    assert!(
        opening
            .tasks
            .iter()
            .all(|t| t.depends_on.iter().all(|l| l.depends_on_id != overdue.id)),
        "a link to a trashed task is not shown"
    );
    assert_eq!(
        plan.store
            .plan_opening("no-such-rollout", 50)
            .expect_err("an unknown rollout")
            .code(),
        "not_found"
    );

    let error = plan
        .store
        .plan_view("no-such-rollout", today)
        .expect_err("an unknown rollout");
    assert_eq!(error.code(), "not_found");
    let error = plan
        .store
        .plan_signals("no-such-rollout", today)
        .expect_err("an unknown rollout");
    assert_eq!(error.code(), "not_found");
}

#[test]
fn a_plan_is_in_phase_order_then_by_date_undated_last_then_as_entered() {
    use rollplan_core::plan::TaskDraft;
    let plan = plan();
    let build = plan
        .store
        .create_phase(&plan.rollout, "Build")
        .expect("phase");
    let test = plan
        .store
        .create_phase(&plan.rollout, "Test")
        .expect("phase");
    let gone = plan
        .store
        .create_phase(&plan.rollout, "Gone")
        .expect("phase");
    let add = |title: &str, phase: Option<&str>, start: Option<&str>, due: Option<&str>| {
        plan.store
            .create_task(
                &plan.rollout,
                &TaskDraft {
                    title: title.into(),
                    phase_id: phase.map(str::to_owned),
                    start_date: start.map(str::to_owned),
                    due_date: due.map(str::to_owned),
                    ..TaskDraft::default()
                },
            )
            .expect("task")
    };
    // Entered out of order on purpose.
    add("No phase, undated", None, None, None);
    add("Test, undated", Some(&test.id), None, None);
    add("Test, Dec 1", Some(&test.id), Some("2026-12-01"), None);
    add("Build, Dec 10", Some(&build.id), Some("2026-12-10"), None);
    add("No phase, Nov 1", None, Some("2026-11-01"), None);
    add(
        "Build, due Dec 5",
        Some(&build.id),
        None,
        Some("2026-12-05"),
    );
    add(
        "Build, Dec 10, entered later",
        Some(&build.id),
        Some("2026-12-10"),
        None,
    );
    add(
        "In a trashed phase, Oct 1",
        Some(&gone.id),
        Some("2026-10-01"),
        None,
    );
    plan.store.trash_phase(&gone.id).expect("trash phase");

    let titles: Vec<String> = plan
        .store
        .list_tasks(&plan.rollout)
        .expect("tasks")
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Build, due Dec 5",
            "Build, Dec 10",
            "Build, Dec 10, entered later",
            "Test, Dec 1",
            "Test, undated",
            "In a trashed phase, Oct 1",
            "No phase, Nov 1",
            "No phase, undated",
        ]
    );
    // The first screen's rows are the same order's first.
    for rows in 0..=9 {
        let opening = plan
            .store
            .plan_opening(&plan.rollout, rows)
            .expect("opening");
        let first: Vec<&str> = opening.tasks.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(first, titles[..(rows as usize).min(8)], "the first {rows}");
    }
}
