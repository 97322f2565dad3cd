//! Baselines: the plan's dates frozen under a name, several kept per rollout, and the
//! one comparison (what moved, what go-live did) every screen and export shows.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::plan::{plan, task, Plan};
use rollplan_core::audit::{AuditAction, EntityKind};
use rollplan_core::plan::{Task, TaskDraft};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

/// Moves a task's due (and start, when it would end before it) to `due`.
fn move_due(plan: &Plan, task: &Task, due: &str) -> Task {
    let current = plan
        .store
        .list_tasks(&plan.rollout)
        .unwrap()
        .into_iter()
        .find(|t| t.id == task.id)
        .unwrap();
    plan.store
        .update_task(
            &current.id,
            current.row_version,
            &TaskDraft {
                due_date: Some(due.into()),
                ..current.draft()
            },
        )
        .expect("the due moves")
}

fn move_go_live(plan: &Plan, go_live: &str) {
    let rollout = plan.store.get_rollout(&plan.rollout).unwrap();
    let mut draft = rollout.draft();
    draft.go_live_date = Some(go_live.into());
    plan.store
        .update_rollout(&rollout.id, rollout.row_version, &draft)
        .expect("go-live moves");
}

#[test]
fn a_plan_is_compared_with_its_baseline_task_by_task() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    let test = task(&plan, "Test interfaces", "2026-11-23", "2026-12-04");
    let train = task(&plan, "Train front desk", "2027-01-04", "2027-01-29");
    let dropped = task(&plan, "Print paper forms", "2027-02-01", "2027-02-05");
    let baseline = plan
        .store
        .set_baseline(&plan.rollout, "  Signed-off plan ")
        .expect("set");
    assert_eq!(baseline.name, "Signed-off plan");
    assert_eq!(baseline.task_count, 4, "every live task is frozen");
    assert!(baseline.compared, "a new baseline is the one compared with");
    assert_eq!(
        baseline.go_live_date,
        NaiveDate::from_ymd_opt(2027, 3, 1),
        "the go-live is frozen too"
    );

    let view = plan.store.plan_view(&plan.rollout, today()).unwrap();
    let unchanged = view.baseline.expect("the plan compares with the baseline");
    assert_eq!(
        unchanged.comparison.sentence,
        "Every task due as in the baseline, go-live unchanged"
    );

    move_due(&plan, &build, "2026-11-27");
    move_due(&plan, &test, "2026-12-11");
    move_due(&plan, &train, "2027-01-22");
    plan.store.trash_task(&dropped.id).unwrap();
    let added = task(&plan, "Extra dress rehearsal", "2027-02-08", "2027-02-12");
    move_go_live(&plan, "2027-03-10");

    let view = plan.store.plan_view(&plan.rollout, today()).unwrap();
    let compared = view.baseline.expect("still compared");
    let c = &compared.comparison;
    assert_eq!((c.later, c.earlier, c.added, c.removed), (2, 1, 1, 1));
    assert_eq!(c.go_live_shift_days, Some(9));
    assert_eq!(
        c.sentence,
        "2 tasks later than baseline, 1 earlier, 1 task added, 1 task removed, \
         go-live 9 days later",
        "one sentence says what moved"
    );
    let variance = |id: &str| {
        compared
            .tasks
            .iter()
            .find(|t| t.task_id == id)
            .map(|t| t.variance_days)
    };
    assert_eq!(variance(&build.id), Some(Some(7)), "a week later");
    assert_eq!(variance(&train.id), Some(Some(-7)), "a week earlier");
    assert_eq!(
        variance(&added.id),
        None,
        "a task added after the baseline has no baseline dates"
    );
    assert_eq!(
        compared
            .tasks
            .iter()
            .find(|t| t.task_id == build.id)
            .unwrap()
            .due_date,
        NaiveDate::from_ymd_opt(2026, 11, 20),
        "the baseline keeps the due it froze"
    );
    assert_eq!(
        plan.store
            .baseline_comparison(&plan.rollout)
            .unwrap()
            .as_ref(),
        Some(c),
        "reports and statuses read the same comparison as the plan tab"
    );
}

#[test]
fn several_baselines_are_kept_renamed_chosen_and_removed() {
    let plan = plan();
    let build = task(&plan, "Build interfaces", "2026-11-02", "2026-11-20");
    assert!(
        plan.store
            .plan_view(&plan.rollout, today())
            .unwrap()
            .baseline
            .is_none(),
        "no baseline, no comparison"
    );
    let first = plan
        .store
        .set_baseline(&plan.rollout, "Signed-off plan")
        .unwrap();
    move_due(&plan, &build, "2026-11-27");
    let second = plan
        .store
        .set_baseline(&plan.rollout, "After vendor delay")
        .unwrap();
    let listed = plan.store.list_baselines(&plan.rollout).unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|b| (b.name.as_str(), b.compared))
            .collect::<Vec<_>>(),
        vec![("After vendor delay", true), ("Signed-off plan", false)],
        "latest first, the latest compared"
    );
    let sentence = |plan: &Plan| {
        plan.store
            .baseline_comparison(&plan.rollout)
            .unwrap()
            .map(|c| c.sentence)
    };
    assert_eq!(
        sentence(&plan).as_deref(),
        Some("Every task due as in the baseline, go-live unchanged")
    );

    let chosen = plan.store.choose_baseline(&first.id).unwrap();
    assert!(chosen.iter().any(|b| b.id == first.id && b.compared));
    assert_eq!(
        sentence(&plan).as_deref(),
        Some("1 task later than baseline, go-live unchanged"),
        "the chosen baseline is the one compared with"
    );

    let renamed = plan
        .store
        .rename_baseline(&first.id, first.row_version, "Board sign-off")
        .unwrap();
    assert_eq!(renamed.name, "Board sign-off");
    assert!(renamed.compared, "a rename keeps the choice");
    let stale = plan
        .store
        .rename_baseline(&first.id, first.row_version, "Again")
        .expect_err("a stale rename is refused");
    assert_eq!(format!("{:?}", stale.code()), "Conflict");
    let empty = plan
        .store
        .rename_baseline(&first.id, renamed.row_version, "  ")
        .expect_err("a baseline needs a name");
    assert_eq!(format!("{:?}", empty.code()), "Validation");

    plan.store.remove_baseline(&first.id).unwrap();
    let listed = plan.store.list_baselines(&plan.rollout).unwrap();
    assert_eq!(
        listed
            .iter()
            .map(|b| (b.id.as_str(), b.compared))
            .collect::<Vec<_>>(),
        vec![(second.id.as_str(), true)],
        "with the chosen one removed, the latest is compared"
    );
    assert!(
        plan.store.choose_baseline(&first.id).is_err(),
        "a removed baseline cannot be chosen"
    );
    plan.store.restore_baseline(&first.id).unwrap();
    assert_eq!(
        sentence(&plan).as_deref(),
        Some("1 task later than baseline, go-live unchanged"),
        "restored, the chosen baseline is compared again with every date it froze"
    );

    let actions: Vec<AuditAction> = plan
        .store
        .history(EntityKind::PlanBaseline, &first.id)
        .unwrap()
        .into_iter()
        .map(|entry| entry.action)
        .collect();
    for action in [
        AuditAction::Create,
        AuditAction::Update,
        AuditAction::Trash,
        AuditAction::Restore,
    ] {
        assert!(
            actions.contains(&action),
            "the audit log records {action:?} of a baseline: {actions:?}"
        );
    }
}

#[test]
fn a_baseline_needs_a_name_and_a_rollout() {
    let plan = plan();
    let error = plan
        .store
        .set_baseline(&plan.rollout, " ")
        .expect_err("refused");
    assert_eq!(format!("{:?}", error.code()), "Validation");
    let error = plan
        .store
        .set_baseline("no-such-rollout", "Signed-off plan")
        .expect_err("refused");
    assert_eq!(format!("{:?}", error.code()), "NotFound");
    assert!(
        plan.store.list_baselines(&plan.rollout).unwrap().is_empty(),
        "a refused baseline leaves nothing behind"
    );
}
