//! The weekly status drafted from a week's plan and audit log: one test per kind of
//! news, each checking that the draft's figure agrees with the records (a task slipped
//! by three days says three); a quiet week; and how a draft is kept and shown. The other
//! sources of a status (risks, decisions, messages, metrics, readiness, training, every
//! rollout together) are in `weekly_status_records.rs`.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod status_common;

use rollplan_core::plan::TaskStatus;
use rollplan_core::status::{SectionKind, Tone};
use rollplan_core::CoreError;
use status_common::{after_week, date, items, monday, task, Week};

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
