//! The plan's dates doing what a manager means: moving go-live moves whole tasks and can
//! be undone exactly; a task's new dates move what waits for it, when the rollout says
//! so.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::date;
use common::plan::{add, plan, task, Plan};
use rollplan_core::plan::{GoLiveMoveScope, Task, TaskDraft, TaskKind, TaskStatus};
use rollplan_core::rollouts::ScheduleMode;

fn reload(plan: &Plan, task: &Task) -> Task {
    plan.store.get_task(&task.id).expect("task")
}

fn dates(task: &Task) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (task.start_date, task.due_date)
}

fn set_status(plan: &Plan, task: &Task, status: TaskStatus) -> Task {
    let mut draft = task.draft();
    draft.status = status;
    plan.store
        .update_task(&task.id, task.row_version, &draft)
        .expect("status")
}

fn version(plan: &Plan) -> i64 {
    plan.store
        .get_rollout(&plan.rollout)
        .expect("rollout")
        .row_version
}

#[test]
fn moving_go_live_moves_whole_tasks_and_leaves_done_work() {
    let plan = plan();
    let today = date("2027-01-15");
    let started = task(&plan, "Build interfaces", "2027-01-04", "2027-01-29");
    let done = set_status(
        &plan,
        &task(&plan, "Name super-users", "2026-12-01", "2026-12-10"),
        TaskStatus::Done,
    );
    let go_live = add(
        &plan,
        "Go-live",
        TaskKind::Milestone,
        "2027-03-01",
        "2027-03-01",
    );

    let moved = plan
        .store
        .move_go_live(
            &plan.rollout,
            version(&plan),
            "2027-04-12",
            GoLiveMoveScope::AllOpen,
            today,
        )
        .expect("move");
    assert_eq!(moved.shift_days, 42);
    let started_now = reload(&plan, &started);
    assert_eq!(
        dates(&started_now),
        (Some(date("2027-02-15")), Some(date("2027-03-12"))),
        "a task already under way moves whole"
    );
    assert_eq!(
        started_now.duration_days(),
        started.duration_days(),
        "moving go-live never stretches a task"
    );
    assert_eq!(
        dates(&reload(&plan, &done)),
        dates(&done),
        "done work stays where it happened"
    );
    assert_eq!(reload(&plan, &go_live).due_date, Some(date("2027-04-12")));
    let listed: Vec<&str> = moved.shifted.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        listed,
        ["Build interfaces", "Go-live"],
        "the move lists every change"
    );
}

#[test]
fn work_under_way_can_stay_where_it_is() {
    let plan = plan();
    let today = date("2027-01-15");
    let started = task(&plan, "Build interfaces", "2027-01-04", "2027-01-29");
    let doing = set_status(
        &plan,
        &task(&plan, "Map workflows", "2027-01-20", "2027-01-30"),
        TaskStatus::Doing,
    );
    let ahead = task(&plan, "Dress rehearsal", "2027-02-15", "2027-02-16");
    let preview = plan
        .store
        .preview_go_live_move(
            &plan.rollout,
            "2027-03-08",
            GoLiveMoveScope::NotStarted,
            today,
        )
        .expect("preview");
    let kept: Vec<&str> = preview.kept.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        kept,
        ["Build interfaces", "Map workflows"],
        "started or doing stays"
    );
    plan.store
        .move_go_live(
            &plan.rollout,
            version(&plan),
            "2027-03-08",
            GoLiveMoveScope::NotStarted,
            today,
        )
        .expect("move");
    assert_eq!(dates(&reload(&plan, &started)), dates(&started));
    assert_eq!(dates(&reload(&plan, &doing)), dates(&doing));
    assert_eq!(
        dates(&reload(&plan, &ahead)),
        (Some(date("2027-02-22")), Some(date("2027-02-23"))),
        "what has not started moves with go-live"
    );
}

#[test]
fn undoing_a_go_live_move_restores_every_date_exactly_with_history() {
    let plan = plan();
    let today = date("2027-01-15");
    let tasks = [
        task(&plan, "Build interfaces", "2027-01-04", "2027-01-29"),
        task(&plan, "Dress rehearsal", "2027-02-15", "2027-02-16"),
        add(
            &plan,
            "Go-live",
            TaskKind::Milestone,
            "2027-03-01",
            "2027-03-01",
        ),
    ];
    let before: Vec<_> = tasks.iter().map(|t| dates(&reload(&plan, t))).collect();
    let moved = plan
        .store
        .move_go_live(
            &plan.rollout,
            version(&plan),
            "2027-02-08",
            GoLiveMoveScope::AllOpen,
            today,
        )
        .expect("move");
    let undo = moved.undo.expect("a move can be undone");
    plan.store.undo_plan_dates(&undo).expect("undo");
    let after: Vec<_> = tasks.iter().map(|t| dates(&reload(&plan, t))).collect();
    assert_eq!(after, before, "every task is back on its dates");
    let rollout = plan.store.get_rollout(&plan.rollout).expect("rollout");
    assert_eq!(
        rollout.go_live_date,
        Some(date("2027-03-01")),
        "go-live is back"
    );
    let history = plan.store.task_history(&tasks[0].id).expect("history");
    assert_eq!(
        history[0]
            .changes
            .iter()
            .find(|c| c.field == "due_date")
            .and_then(|c| c.new.clone()),
        Some("2027-01-29".into()),
        "the undo is in the task's history"
    );
    assert!(
        plan.store.rollout_history(&plan.rollout).expect("history")[0]
            .changes
            .iter()
            .any(|c| c.field == "go_live_date" && c.new.as_deref() == Some("2027-03-01")),
        "and in the rollout's"
    );
    let again = plan.store.undo_plan_dates(&undo).expect_err("only once");
    assert_eq!(again.code(), "conflict", "an undo applied once is stale");
}

#[test]
fn an_undo_after_an_edit_is_refused_and_changes_nothing() {
    let plan = plan();
    let today = date("2027-01-15");
    let rehearsal = task(&plan, "Dress rehearsal", "2027-02-15", "2027-02-16");
    let go_live = add(
        &plan,
        "Go-live",
        TaskKind::Milestone,
        "2027-03-01",
        "2027-03-01",
    );
    let moved = plan
        .store
        .move_go_live(
            &plan.rollout,
            version(&plan),
            "2027-03-15",
            GoLiveMoveScope::AllOpen,
            today,
        )
        .expect("move");
    let edited = reload(&plan, &rehearsal);
    let mut draft = edited.draft();
    draft.notes = "Room 4 booked".into();
    plan.store
        .update_task(&edited.id, edited.row_version, &draft)
        .expect("edit after the move");
    let error = plan
        .store
        .undo_plan_dates(moved.undo.as_ref().expect("undo"))
        .expect_err("edited since");
    assert_eq!(error.code(), "conflict");
    assert!(error.to_string().contains("Dress rehearsal"), "{error}");
    assert_eq!(
        reload(&plan, &go_live).due_date,
        Some(date("2027-03-15")),
        "a refused undo changes nothing"
    );
    assert_eq!(
        plan.store
            .get_rollout(&plan.rollout)
            .expect("rollout")
            .go_live_date,
        Some(date("2027-03-15"))
    );
}

/// A → B → C, and D also waits for B; E waits for A but is done.
struct Chain {
    plan: Plan,
    a: Task,
    b: Task,
    c: Task,
    d: Task,
    e: Task,
}

fn chain() -> Chain {
    let plan = plan();
    let a = task(&plan, "Build interfaces", "2027-01-04", "2027-01-15");
    let b = task(&plan, "Live-test interfaces", "2027-01-15", "2027-01-20");
    let c = task(&plan, "Integrated testing", "2027-01-25", "2027-01-29");
    let d = add(
        &plan,
        "Interfaces signed off",
        TaskKind::Milestone,
        "2027-01-22",
        "2027-01-22",
    );
    let e = set_status(
        &plan,
        &task(&plan, "Order the lab feed", "2027-01-16", "2027-01-17"),
        TaskStatus::Done,
    );
    for (waiting, on) in [(&b, &a), (&c, &b), (&d, &b), (&e, &a)] {
        plan.store
            .add_dependency(
                &waiting.id,
                &on.id,
                rollplan_core::plan::LinkType::FinishToStart,
                0,
            )
            .expect("link");
    }
    let [a, b, c, d, e] = [&a, &b, &c, &d, &e].map(|t| reload(&plan, t));
    Chain {
        plan,
        a,
        b,
        c,
        d,
        e,
    }
}

fn with_due(task: &Task, due: &str) -> TaskDraft {
    let mut draft = task.draft();
    draft.due_date = Some(due.into());
    draft
}

#[test]
fn a_later_due_moves_what_waits_for_it_down_the_chain_and_can_be_undone() {
    let Chain {
        plan,
        a,
        b,
        c,
        d,
        e,
    } = chain();
    assert_eq!(
        plan.store
            .get_rollout(&plan.rollout)
            .expect("rollout")
            .schedule_mode,
        ScheduleMode::Move,
        "a new rollout schedules from the links"
    );
    let draft = with_due(&a, "2027-01-22");
    let preview = plan
        .store
        .preview_task_save(&a.id, &draft)
        .expect("preview");
    let shown: Vec<(&str, Option<NaiveDate>, Option<NaiveDate>)> = preview
        .iter()
        .map(|s| (s.title.as_str(), s.new_start, s.new_due))
        .collect();
    assert_eq!(
        shown,
        [
            (
                "Live-test interfaces",
                Some(date("2027-01-22")),
                Some(date("2027-01-27"))
            ),
            (
                "Interfaces signed off",
                Some(date("2027-01-27")),
                Some(date("2027-01-27"))
            ),
            (
                "Integrated testing",
                Some(date("2027-01-27")),
                Some(date("2027-01-31"))
            ),
        ],
        "each waiting task moves by what its link needs, keeping its length; done work stays"
    );
    assert_eq!(
        dates(&reload(&plan, &b)),
        dates(&b),
        "a preview writes nothing"
    );

    let saved = plan
        .store
        .save_task(&a.id, a.row_version, &draft)
        .expect("save");
    assert_eq!(
        saved.moved, preview,
        "the save moves what the preview showed"
    );
    assert_eq!(saved.task.due_date, Some(date("2027-01-22")));
    assert_eq!(reload(&plan, &c).duration_days(), c.duration_days());
    assert_eq!(
        dates(&reload(&plan, &e)),
        dates(&e),
        "a done task never moves"
    );
    assert!(
        plan.store
            .slipped_tasks(&plan.rollout, date("2027-01-10"))
            .expect("slipped")
            .is_empty(),
        "nothing waits on a task due after it starts"
    );

    plan.store
        .undo_plan_dates(saved.undo.as_ref().expect("moves can be undone"))
        .expect("undo");
    for waiting in [&b, &c, &d] {
        assert_eq!(
            dates(&reload(&plan, waiting)),
            dates(waiting),
            "{} is back",
            waiting.title
        );
    }
    assert_eq!(
        reload(&plan, &a).due_date,
        Some(date("2027-01-22")),
        "Undo takes back the moves, not the edit itself"
    );
}

#[test]
fn nothing_moves_backwards_or_when_the_links_still_hold() {
    let Chain { plan, a, b, .. } = chain();
    let earlier = plan
        .store
        .save_task(&a.id, a.row_version, &with_due(&a, "2027-01-10"))
        .expect("earlier");
    assert!(
        earlier.moved.is_empty(),
        "an earlier due moves nothing back"
    );
    assert_eq!(dates(&reload(&plan, &b)), dates(&b));
    let b = reload(&plan, &b);
    let within = plan
        .store
        .save_task(&b.id, b.row_version, &with_due(&b, "2027-01-22"))
        .expect("within the slack");
    assert!(
        within.moved.is_empty(),
        "a due on the day the next task starts is a hand-over"
    );
}

#[test]
fn a_rollout_that_only_flags_keeps_todays_behaviour() {
    let Chain { plan, a, b, .. } = chain();
    let rollout = plan.store.get_rollout(&plan.rollout).expect("rollout");
    let flagged = plan
        .store
        .set_schedule_mode(&rollout.id, rollout.row_version, ScheduleMode::Flag)
        .expect("flag only");
    assert_eq!(flagged.schedule_mode, ScheduleMode::Flag);
    assert!(
        plan.store.rollout_history(&rollout.id).expect("history")[0]
            .changes
            .iter()
            .any(|c| c.field == "schedule_mode"),
        "the choice is in the rollout's history"
    );
    let stale = plan
        .store
        .set_schedule_mode(&rollout.id, rollout.row_version, ScheduleMode::Move)
        .expect_err("stale");
    assert_eq!(stale.code(), "conflict");

    let draft = with_due(&a, "2027-01-22");
    assert!(plan
        .store
        .preview_task_save(&a.id, &draft)
        .expect("preview")
        .is_empty());
    let saved = plan
        .store
        .save_task(&a.id, a.row_version, &draft)
        .expect("save");
    assert!(
        saved.moved.is_empty() && saved.undo.is_none(),
        "flag only moves nothing"
    );
    assert_eq!(dates(&reload(&plan, &b)), dates(&b));
    let slipped = plan
        .store
        .slipped_tasks(&plan.rollout, date("2027-01-10"))
        .expect("slipped");
    assert_eq!(slipped.len(), 1, "the late task is flagged instead");
    assert_eq!(slipped[0].holds_up, vec![b.id.clone()]);
}
