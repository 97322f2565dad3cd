//! Links of every type and lag, on worked examples: the critical path (forward and
//! backward pass), the slipped tasks, what a changed task moves, and moving go-live.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::date;
use common::plan::{depends, linked, milestone, plan, task, Plan};
use rollplan_core::plan::{CriticalPath, GoLiveMoveScope, LinkType, Task, TaskStatus};

fn slack(path: &CriticalPath, task: &Task) -> Option<i64> {
    path.slack
        .iter()
        .find(|s| s.task_id == task.id)
        .map(|s| s.slack_days)
}

fn ids(tasks: &[&Task]) -> Vec<String> {
    tasks.iter().map(|t| t.id.clone()).collect()
}

/// A plan whose go-live milestone waits for `last` and for a side task `side` of
/// `side_days` days.
fn into_go_live(plan: &Plan, last: &Task, side_days: u32) -> (Task, Task) {
    let side = task(
        plan,
        "Side task",
        "2027-02-01",
        &format!("2027-02-{side_days:02}"),
    );
    let go_live = milestone(plan, "Go-live", "2027-03-01");
    depends(plan, &go_live, last);
    depends(plan, &go_live, &side);
    (side, go_live)
}

/// A (5 days) —FS+3→ B (2 days) → go-live: B starts 3 days after A finishes, so the
/// chain takes 5 + 3 + 2 = 10 days; a 3-day side task has 7 days of slack.
#[test]
fn finish_to_start_with_a_lag_adds_the_lag_to_the_path() {
    let plan = plan();
    let a = task(&plan, "A", "2027-01-04", "2027-01-08");
    let b = task(&plan, "B", "2027-01-14", "2027-01-15");
    linked(&plan, &b, &a, LinkType::FinishToStart, 3);
    let (side, go_live) = into_go_live(&plan, &b, 3);
    let path = plan.store.critical_path(&plan.rollout).expect("path");
    assert_eq!(path.task_ids, ids(&[&a, &b, &go_live]), "A, B, go-live");
    assert_eq!(path.length_days, 10, "5 days, 3 days of lag, 2 days");
    assert_eq!(slack(&path, &side), Some(7), "10 - 3 days");

    // A lead: B may start 2 days before A finishes, 5 - 2 + 2 = 5 days.
    linked(&plan, &b, &a, LinkType::FinishToStart, -2);
    let path = plan.store.critical_path(&plan.rollout).expect("path");
    assert_eq!(path.length_days, 5, "a lead shortens the chain");
    assert_eq!(path.task_ids, ids(&[&a, &b, &go_live]));
}

/// A (10 days) —SS+2→ B (5 days) → go-live: B starts 2 days after A starts and finishes
/// on day 7; go-live does not wait for A's finish (day 10). A is still critical: starting
/// it late starts B late.
#[test]
fn start_to_start_ties_the_starts() {
    let plan = plan();
    let a = task(&plan, "A", "2027-01-04", "2027-01-13");
    let b = task(&plan, "B", "2027-01-06", "2027-01-10");
    linked(&plan, &b, &a, LinkType::StartToStart, 2);
    let (side, go_live) = into_go_live(&plan, &b, 6);
    let path = plan.store.critical_path(&plan.rollout).expect("path");
    assert_eq!(path.task_ids, ids(&[&a, &b, &go_live]), "A, B, go-live");
    assert_eq!(path.length_days, 7, "2 days of lag, then B's 5");
    assert_eq!(slack(&path, &a), Some(0), "A's start holds B's start");
    assert_eq!(slack(&path, &side), Some(1), "7 - 6 days");
}

/// A (10 days) —FF+1→ B (3 days) → go-live: B finishes a day after A does, on day 11,
/// so it starts on day 8.
#[test]
fn finish_to_finish_ties_the_finishes() {
    let plan = plan();
    let a = task(&plan, "A", "2027-01-04", "2027-01-13");
    let b = task(&plan, "B", "2027-01-12", "2027-01-14");
    linked(&plan, &b, &a, LinkType::FinishToFinish, 1);
    let (side, go_live) = into_go_live(&plan, &b, 8);
    let path = plan.store.critical_path(&plan.rollout).expect("path");
    assert_eq!(path.task_ids, ids(&[&a, &b, &go_live]), "A, B, go-live");
    assert_eq!(path.length_days, 11, "A's 10 days and the day of lag");
    assert_eq!(slack(&path, &a), Some(0));
    assert_eq!(slack(&path, &side), Some(3), "11 - 8 days");
}

/// P (5 days) → A (4 days) —SF+2→ B (6 days) → go-live: A starts on day 5, so B may
/// finish no earlier than day 7 and starts on day 1; the chain into go-live runs
/// through A's start.
#[test]
fn start_to_finish_ties_the_start_to_the_finish() {
    let plan = plan();
    let p = task(&plan, "P", "2027-01-04", "2027-01-08");
    let a = task(&plan, "A", "2027-01-09", "2027-01-12");
    let b = task(&plan, "B", "2027-01-05", "2027-01-10");
    depends(&plan, &a, &p);
    linked(&plan, &b, &a, LinkType::StartToFinish, 2);
    let (side, go_live) = into_go_live(&plan, &b, 3);
    let path = plan.store.critical_path(&plan.rollout).expect("path");
    assert_eq!(
        path.task_ids,
        ids(&[&p, &a, &b, &go_live]),
        "P, A, B, go-live"
    );
    assert_eq!(
        path.length_days, 7,
        "A starts on day 5, B finishes 2 days later"
    );
    assert_eq!(slack(&path, &a), Some(0));
    assert_eq!(slack(&path, &side), Some(4), "7 - 3 days");
}

#[test]
fn a_dependent_is_held_up_by_the_end_its_link_ties() {
    let plan = plan();
    let today = date("2027-01-01");
    let a = task(&plan, "Build interfaces", "2027-01-04", "2027-01-10");
    let ss = task(&plan, "Test as built", "2027-01-05", "2027-01-12");
    let ff = task(&plan, "Write tip sheets", "2027-01-02", "2027-01-09");
    let sf = task(&plan, "Old interface support", "2026-12-20", "2027-01-03");
    let lead = task(&plan, "Book trainers", "2027-01-09", "2027-01-11");
    linked(&plan, &ss, &a, LinkType::StartToStart, 2);
    linked(&plan, &ff, &a, LinkType::FinishToFinish, 0);
    linked(&plan, &sf, &a, LinkType::StartToFinish, 0);
    linked(&plan, &lead, &a, LinkType::FinishToStart, -1);
    let slipped = plan
        .store
        .slipped_tasks(&plan.rollout, today)
        .expect("slipped");
    assert_eq!(slipped.len(), 1, "only Build interfaces holds anything up");
    let mut held: Vec<&str> = slipped[0].holds_up.iter().map(String::as_str).collect();
    held.sort_unstable();
    let mut expected = vec![ss.id.as_str(), ff.id.as_str(), sf.id.as_str()];
    expected.sort_unstable();
    assert_eq!(
        held, expected,
        "SS+2 (starts the 5th, allowed the 6th), FF (due the 9th, allowed the 10th) and \
         SF (due the 3rd, allowed the 4th) are held up; a start on the 9th is what FS-1 allows"
    );
    assert!(
        slipped[0].reason.contains("but '") && slipped[0].reason.contains("and 2 other tasks"),
        "the reason names the first task held up and counts the others: {}",
        slipped[0].reason
    );
}

#[test]
fn the_reason_for_a_slip_names_the_ends_and_the_lag() {
    let plan = plan();
    let today = date("2027-01-01");
    let a = task(&plan, "Build interfaces", "2027-01-04", "2027-01-10");
    let b = task(&plan, "Test as built", "2027-01-05", "2027-01-12");
    linked(&plan, &b, &a, LinkType::StartToStart, 2);
    let slipped = plan
        .store
        .slipped_tasks(&plan.rollout, today)
        .expect("slipped");
    assert_eq!(
        slipped[0].reason,
        "Starts 2027-01-04 but 'Test as built' should start 2027-01-05, 2 days after it starts"
    );
    linked(&plan, &b, &a, LinkType::FinishToFinish, 0);
    let c = task(&plan, "Tip sheets", "2027-01-02", "2027-01-09");
    linked(&plan, &c, &a, LinkType::FinishToFinish, 0);
    let slipped = plan
        .store
        .slipped_tasks(&plan.rollout, today)
        .expect("slipped");
    assert_eq!(
        slipped[0].reason, "Due 2027-01-10 but 'Tip sheets' should finish 2027-01-09",
        "only the tip sheets finish before the build does"
    );
}

#[test]
fn a_changed_task_moves_what_waits_for_it_by_each_links_type_and_lag() {
    let plan = plan();
    let a = task(&plan, "Build interfaces", "2027-01-04", "2027-01-08");
    let ss = task(&plan, "Test as built", "2027-01-05", "2027-01-07");
    let ff = task(&plan, "Write tip sheets", "2027-01-02", "2027-01-08");
    let sf = task(&plan, "Old interface support", "2027-01-01", "2027-01-05");
    let fine = task(&plan, "Book trainers", "2027-01-20", "2027-01-22");
    linked(&plan, &ss, &a, LinkType::StartToStart, 1);
    linked(&plan, &ff, &a, LinkType::FinishToFinish, 0);
    linked(&plan, &sf, &a, LinkType::StartToFinish, 0);
    linked(&plan, &fine, &a, LinkType::FinishToStart, 2);
    let a = plan.store.get_task(&a.id).expect("a");
    let mut draft = a.draft();
    draft.start_date = Some("2027-01-06".into());
    draft.due_date = Some("2027-01-10".into());
    let moves = plan
        .store
        .preview_task_save(&a.id, &draft)
        .expect("preview");
    let mut shown: Vec<(String, String, String)> = moves
        .iter()
        .map(|m| {
            (
                m.title.clone(),
                m.new_start.map(|d| d.to_string()).unwrap_or_default(),
                m.new_due.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    shown.sort();
    let row = |t: &str, s: &str, d: &str| (t.to_owned(), s.to_owned(), d.to_owned());
    assert_eq!(
        shown,
        [
            row("Old interface support", "2027-01-02", "2027-01-06"),
            row("Test as built", "2027-01-07", "2027-01-09"),
            row("Write tip sheets", "2027-01-04", "2027-01-10"),
        ],
        "SS+1 starts a day after the new start, FF finishes with the new finish, SF \
         finishes on the new start; the FS+2 task still starts after the 12th"
    );
    let saved = plan
        .store
        .save_task(&a.id, a.row_version, &draft)
        .expect("save");
    assert_eq!(
        saved.moved.len(),
        3,
        "the save moves what the preview showed"
    );
}

#[test]
fn moving_go_live_earlier_keeps_links_to_work_that_stays() {
    let plan = plan();
    let today = date("2027-01-15");
    let build = task(&plan, "Build interfaces", "2027-01-04", "2027-02-10");
    let mut doing = build.draft();
    doing.status = TaskStatus::Doing;
    plan.store
        .update_task(&build.id, build.row_version, &doing)
        .expect("doing");
    let tips = task(&plan, "Write tip sheets", "2027-02-01", "2027-02-12");
    linked(&plan, &tips, &build, LinkType::FinishToFinish, 0);
    let huddle = task(&plan, "Huddle", "2027-02-15", "2027-02-16");
    let go_live = milestone(&plan, "Go-live", "2027-03-01");
    depends(&plan, &go_live, &tips);
    let preview = plan
        .store
        .preview_go_live_move(
            &plan.rollout,
            "2027-02-22",
            GoLiveMoveScope::NotStarted,
            today,
        )
        .expect("preview");
    let new_dates = |task: &Task| {
        preview
            .shifted
            .iter()
            .find(|s| s.task_id == task.id)
            .map(|s| (s.new_start, s.new_due))
    };
    assert_eq!(
        preview
            .kept
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>(),
        ["Build interfaces"],
        "the build is under way and stays"
    );
    assert_eq!(
        new_dates(&tips),
        Some((Some(date("2027-01-30")), Some(date("2027-02-10")))),
        "the tip sheets finish with the build (FF), so they move 2 days earlier, not 7"
    );
    assert_eq!(
        new_dates(&huddle),
        Some((Some(date("2027-02-08")), Some(date("2027-02-09")))),
        "a task with no link to work that stays moves with go-live"
    );
    assert_eq!(
        new_dates(&go_live),
        Some((Some(date("2027-02-22")), Some(date("2027-02-22")))),
        "go-live lands on the new date: the tip sheets still finish before it"
    );
}
