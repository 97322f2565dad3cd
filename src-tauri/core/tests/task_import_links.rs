//! Importing a task list whose predecessors are written as Microsoft Project writes
//! them: by ID, with link types and lags, and refused whole when an ID or a lag cannot
//! be kept.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rollplan_core::audit::EntityKind;
use rollplan_core::import::{parse_table, Table};
use rollplan_core::plan::{LinkType, Task, TaskLink};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::Store;

fn store() -> (Store, String) {
    let store = Store::open_in_memory().expect("store");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "EHR".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    (store, rollout)
}

fn csv(text: &str) -> Table {
    parse_table("vendor.csv", text.as_bytes().to_vec()).expect("table")
}

/// A vendor's plan as MS Project's CSV export writes it: IDs, a repeated title, and
/// predecessors with types and lags.
const VENDOR: &str = "ID,Task Name,Start,Finish,Predecessors\n\
    1,Build interfaces,2026-11-02,2026-11-20,\n\
    2,Testing,2026-11-04,2026-11-27,1SS+2d\n\
    3,Train super users,2026-11-09,2026-11-27,\"2FF, 1FS-1 day\"\n\
    4,Testing,2026-11-30,2026-12-04,3SF+1w\n\
    5,Go-live,2026-12-07,2026-12-07,4\n";

fn by_title<'a>(tasks: &'a [Task], title: &str, nth: usize) -> &'a Task {
    tasks
        .iter()
        .filter(|t| t.title == title)
        .nth(nth)
        .expect(title)
}

fn link(on: &Task, link_type: LinkType, lag_days: i32) -> TaskLink {
    TaskLink {
        depends_on_id: on.id.clone(),
        link_type,
        lag_days,
    }
}

#[test]
fn predecessors_by_id_import_with_their_types_and_lags() {
    let (store, rollout) = store();
    let report = store.import_tasks(&rollout, &csv(VENDOR)).expect("import");
    assert_eq!(
        (report.tasks_added, report.dependencies_added),
        (5, 5),
        "every row and every predecessor is imported"
    );
    let tasks = store.list_tasks(&rollout).expect("tasks");
    let build = by_title(&tasks, "Build interfaces", 0);
    let testing = by_title(&tasks, "Testing", 0);
    let train = by_title(&tasks, "Train super users", 0);
    let retest = by_title(&tasks, "Testing", 1);
    let go_live = by_title(&tasks, "Go-live", 0);
    assert_eq!(
        testing.depends_on,
        [link(build, LinkType::StartToStart, 2)],
        "1SS+2d: starts two days after Build interfaces starts"
    );
    let mut train_links = train.depends_on.clone();
    train_links.sort_by(|a, b| a.depends_on_id.cmp(&b.depends_on_id));
    let mut expected = vec![
        link(testing, LinkType::FinishToFinish, 0),
        link(build, LinkType::FinishToStart, -1),
    ];
    expected.sort_by(|a, b| a.depends_on_id.cmp(&b.depends_on_id));
    assert_eq!(train_links, expected, "2FF and 1FS-1 day, in one cell");
    assert_eq!(
        retest.depends_on,
        [link(train, LinkType::StartToFinish, 7)],
        "3SF+1w: a week is seven days"
    );
    assert_eq!(
        go_live.depends_on,
        [TaskLink::finish_to_start(&retest.id)],
        "a bare ID is the plain finish-to-start link, to the row with that ID \
         even though its title repeats"
    );
    let history = store
        .history(EntityKind::PlanTask, &testing.id)
        .expect("history");
    let waits_for = history[0]
        .changes
        .iter()
        .find(|c| c.field == "depends_on")
        .and_then(|c| c.new.clone());
    assert_eq!(
        waits_for.as_deref(),
        Some("Build interfaces (start-to-start, +2 days)"),
        "the created task's history names the link's type and lag"
    );
}

fn refused(text: &str) -> String {
    let (store, rollout) = store();
    let error = store
        .import_tasks(&rollout, &csv(text))
        .expect_err("refused");
    assert!(
        store.list_tasks(&rollout).expect("tasks").is_empty(),
        "a refused import leaves nothing behind"
    );
    error.to_string()
}

#[test]
fn an_id_or_a_lag_the_plan_cannot_keep_is_refused_with_its_row() {
    let missing = refused(
        "ID,Task Name,Predecessors\n1,Build,\n2,Test,1\n3,Train,2\n4,Go-live,3\n5,Support,4\n6,Review,5\n7,Close,14FS\n",
    );
    assert!(
        missing.contains("row 8")
            && missing.contains("predecessor 14 is not a task ID in this file"),
        "the row and the missing ID are named: {missing}"
    );
    let hours = refused("ID,Task Name,Predecessors\n1,Build,\n2,Test,1FS+4h\n");
    assert!(
        hours.contains("row 3") && hours.contains("give the lag in days"),
        "a lag in hours is refused with what to do: {hours}"
    );
    let too_long = refused("ID,Task Name,Predecessors\n1,Build,\n2,Test,1FS+400d\n");
    assert!(
        too_long.contains("row 3") && too_long.contains("365 days"),
        "a lag beyond a year is refused on its row: {too_long}"
    );
    let looped = refused("ID,Task Name,Predecessors\n1,Build,2SS\n2,Test,1FF\n");
    assert!(
        looped.contains("Build") && looped.contains("Test") && looped.contains("loop"),
        "a loop through start-to-start and finish-to-finish links is named: {looped}"
    );
}

#[test]
fn without_an_id_column_predecessors_are_titles_as_before() {
    let (store, rollout) = store();
    store
        .import_tasks(
            &rollout,
            &csv("Task,Depends on\nBuild,\n\"Test, then fix\",Build\nGo-live,\"Test, then fix\"\n"),
        )
        .expect("import by title");
    let tasks = store.list_tasks(&rollout).expect("tasks");
    let test = by_title(&tasks, "Test, then fix", 0);
    let go_live = by_title(&tasks, "Go-live", 0);
    assert_eq!(
        go_live.depends_on,
        [TaskLink::finish_to_start(&test.id)],
        "a title holding a comma is still one title"
    );
    let repeated = refused("Task,Depends on\nTesting,\nTesting,\n");
    assert!(
        repeated.contains("titles must differ"),
        "without IDs, dependencies name titles, so titles must differ: {repeated}"
    );
}
