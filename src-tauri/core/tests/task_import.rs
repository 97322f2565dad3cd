//! Importing a vendor's task list: CSV and XLSX, and every kind of bad file refused
//! whole.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rollplan_core::audit::AuditAction;
use rollplan_core::import::{parse_table, read_table};
use rollplan_core::people::PersonDraft;
use rollplan_core::plan::{TaskKind, TaskStatus};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::Store;

fn store() -> (Store, String) {
    let store = Store::open_in_memory().expect("store");
    store
        .create_person(&PersonDraft {
            name: "Kevin O'Brien".into(),
            ..PersonDraft::default()
        })
        .expect("person");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "EHR".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    (store, rollout)
}

fn csv(text: &str) -> rollplan_core::import::Table {
    parse_table("plan.csv", text.as_bytes().to_vec()).expect("table")
}

const GOOD: &str = "Task name,Phase,Owner,Start,Finish,Status,Predecessors\n\
    Build interfaces,Build,Kevin O'Brien,2026-11-02,2026-11-20,In progress,\n\
    Test interfaces,Testing,,11/23/2026,Fri 12/4/26,,Build interfaces\n\
    Sign off testing,Testing,,2026-12-07,2026-12-07,,Test interfaces; Build interfaces\n";

#[test]
fn a_vendor_csv_imports_with_phases_owners_and_dependencies() {
    let (store, rollout) = store();
    let preview = store
        .preview_task_import(&rollout, &csv(GOOD))
        .expect("preview");
    assert_eq!((preview.tasks_added, preview.dependencies_added), (3, 3));
    assert!(
        store.list_tasks(&rollout).expect("tasks").is_empty(),
        "a preview writes nothing"
    );

    let report = store.import_tasks(&rollout, &csv(GOOD)).expect("import");
    assert_eq!(report, preview, "the import does what the preview said");
    assert_eq!(report.new_phases, ["Build", "Testing"]);
    let tasks = store.list_tasks(&rollout).expect("tasks");
    let test = tasks
        .iter()
        .find(|t| t.title == "Test interfaces")
        .expect("test");
    assert_eq!(
        test.due_date.map(|d| d.to_string()).as_deref(),
        Some("2026-12-04")
    );
    assert_eq!(test.phase_name, "Testing");
    let build = tasks
        .iter()
        .find(|t| t.title == "Build interfaces")
        .expect("build");
    assert_eq!(build.owner_name, "Kevin O'Brien");
    assert_eq!(
        test.depends_on,
        vec![rollplan_core::plan::TaskLink::finish_to_start(&build.id)]
    );

    // A second file can depend on tasks already in the plan.
    let more = csv("Title,Depends on\nDress rehearsal,Sign off testing\n");
    assert_eq!(
        store
            .import_tasks(&rollout, &more)
            .expect("more")
            .dependencies_added,
        1
    );
}

#[test]
fn each_imported_task_has_one_history_entry_naming_what_it_waits_for() {
    let (store, rollout) = store();
    store.import_tasks(&rollout, &csv(GOOD)).expect("import");
    let tasks = store.list_tasks(&rollout).expect("tasks");
    let sign_off = tasks
        .iter()
        .find(|t| t.title == "Sign off testing")
        .expect("sign-off");
    let history = store.task_history(&sign_off.id).expect("history");
    assert_eq!(history.len(), 1, "created once, not created then edited");
    assert_eq!(history[0].action, AuditAction::Create);
    let change = |field: &str| {
        history[0]
            .changes
            .iter()
            .find(|c| c.field == field)
            .and_then(|c| c.new.clone())
    };
    assert_eq!(change("title").as_deref(), Some("Sign off testing"));
    assert_eq!(
        change("depends_on").as_deref(),
        Some("Test interfaces; Build interfaces"),
        "in the file's order"
    );
    let build = tasks
        .iter()
        .find(|t| t.title == "Build interfaces")
        .expect("build");
    let history = store.task_history(&build.id).expect("history");
    assert_eq!(history.len(), 1);
    assert!(
        history[0].changes.iter().all(|c| c.field != "depends_on"),
        "a task waiting for nothing says nothing about it"
    );
    assert_eq!(sign_off.row_version, build.row_version, "both as created");

    // A task waiting for one already in the plan names it the same way.
    let more = csv("Title,Depends on\nDress rehearsal,Sign off testing\n");
    store.import_tasks(&rollout, &more).expect("more");
    let rehearsal = store
        .list_tasks(&rollout)
        .expect("tasks")
        .into_iter()
        .find(|t| t.title == "Dress rehearsal")
        .expect("rehearsal");
    let history = store.task_history(&rehearsal.id).expect("history");
    assert_eq!(history.len(), 1);
    assert!(history[0]
        .changes
        .iter()
        .any(|c| c.field == "depends_on" && c.new.as_deref() == Some("Sign off testing")));
}

#[test]
fn an_xlsx_plan_with_real_date_cells_imports() {
    let (store, rollout) = store();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("vendor plan.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let dates = rust_xlsxwriter::Format::new().set_num_format("m/d/yyyy");
    for (column, header) in ["Task", "Start", "Due date", "Predecessors"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(0, column as u16, *header)
            .expect("header");
    }
    let day = |d: u32| rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 11, d as u8).expect("date");
    sheet.write_string(1, 0, "Build interfaces").expect("cell");
    sheet
        .write_datetime_with_format(1, 1, day(2), &dates)
        .expect("cell");
    sheet
        .write_datetime_with_format(1, 2, day(20), &dates)
        .expect("cell");
    sheet.write_string(2, 0, "Test interfaces").expect("cell");
    sheet
        .write_datetime_with_format(2, 1, day(23), &dates)
        .expect("cell");
    sheet
        .write_datetime_with_format(2, 2, day(30), &dates)
        .expect("cell");
    sheet.write_string(2, 3, "Build interfaces").expect("cell");
    workbook.save(&path).expect("save");

    let report = store
        .import_tasks(&rollout, &read_table(&path).expect("read"))
        .expect("import");
    assert_eq!((report.tasks_added, report.dependencies_added), (2, 1));
    let tasks = store.list_tasks(&rollout).expect("tasks");
    assert_eq!(
        tasks[0].start_date.map(|d| d.to_string()).as_deref(),
        Some("2026-11-02")
    );
    assert_eq!(
        tasks[1].due_date.map(|d| d.to_string()).as_deref(),
        Some("2026-11-30")
    );
}

/// Each bad file is refused with its row and column, and leaves nothing behind.
fn refused(text: &str) -> String {
    let (store, rollout) = store();
    let error = store
        .import_tasks(&rollout, &csv(text))
        .expect_err("refused");
    assert_eq!(error.code(), "import");
    assert!(
        store.list_tasks(&rollout).expect("tasks").is_empty(),
        "a failed import must not leave half of the rows behind"
    );
    assert!(
        store.list_phases(&rollout).expect("phases").is_empty(),
        "nor the phases it added"
    );
    error.to_string()
}

#[test]
fn bad_files_name_the_row_and_column_and_import_nothing() {
    assert_eq!(
        refused("Phase,Owner\nBuild,Kevin O'Brien\n"),
        "plan.csv, column 'Title': the column 'Title' is missing (a header such as Title, Task or Task name); found Phase, Owner"
    );
    let month_13 = refused("Title,Phase,Due\nBuild,Build,2026-11-20\nTest,Testing,13/31/2026\n");
    assert!(
        month_13.starts_with("plan.csv, row 3, column 'Due': '13/31/2026' is not a date"),
        "{month_13}"
    );
    let serial = refused("Title,Phase,Start\nBuild,Build,46082\n");
    assert!(
        serial.starts_with(
            "plan.csv, row 2, column 'Start': '46082' looks like an Excel serial date"
        ),
        "{serial}"
    );
    let unknown = refused("Title,Phase,Depends on\nBuild,Build,\nTest,Testing,Design interfaces\n");
    assert!(
        unknown.contains("row 3, column 'Depends on': there is no task called 'Design interfaces'"),
        "{unknown}"
    );
    let cycle = refused("Title,Phase,Depends on\nBuild interfaces,Build,Test interfaces\nTest interfaces,Testing,Build interfaces\n");
    assert!(cycle.contains("row 3, column 'Depends on'"), "{cycle}");
    assert!(
        cycle.contains("Test interfaces → Build interfaces → Test interfaces"),
        "{cycle}"
    );
    let owner = refused("Title,Owner\nBuild,Jordan Lee\n");
    assert!(
        owner.contains(
            "column 'Owner': this owner is not in the staff directory: Jordan Lee (row 2)"
        ),
        "{owner}"
    );
    let backwards = refused("Title,Start,End\nBuild,2026-11-20,2026-11-02\n");
    assert!(
        backwards.contains("row 2, column 'End': The due date (2026-11-02) is before the start"),
        "{backwards}"
    );
}

/// A plan listed last task first: each row waits for a task on a later row. `loop_to`
/// makes the first task also wait for the last, closing a loop through all of them.
fn reversed_chain(steps: usize, loop_to: bool) -> String {
    let mut text = String::from("Title,Depends on\n");
    for i in (0..steps).rev() {
        let after = match i {
            0 if loop_to => format!("Step {:03}", steps - 1),
            0 => String::new(),
            _ => format!("Step {:03}", i - 1),
        };
        text.push_str(&format!("Step {i:03},{after}\n"));
    }
    text
}

#[test]
fn a_long_chain_imports_in_any_row_order_and_a_loop_through_it_is_named_whole() {
    let (store, rollout) = store();
    let report = store
        .import_tasks(&rollout, &csv(&reversed_chain(300, false)))
        .expect("a chain listed backwards is still a plan");
    assert_eq!((report.tasks_added, report.dependencies_added), (300, 299));

    let looped = refused(&reversed_chain(300, true));
    let chain: Vec<String> = (0..300)
        .map(|i| format!("Step {i:03}"))
        .chain(["Step 000".to_owned()])
        .collect();
    assert_eq!(
        looped,
        format!(
            "plan.csv, row 301, column 'Depends on': That would make a loop: {}. A task \
             cannot wait, directly or through others, for itself (nothing was imported)",
            chain.join(" → ")
        ),
        "the refusal names the row that closes the loop and every task in it, in order"
    );
}

#[test]
fn rows_naming_a_phase_in_any_case_share_one_phase() {
    let (store, rollout) = store();
    store.create_phase(&rollout, "Build").expect("phase");
    let report = store
        .import_tasks(
            &rollout,
            &csv(
                "Title,Phase\nBuild interfaces,build\nTest interfaces,Testing\n\
                  Load test,TESTING\nTrain staff,Build\n",
            ),
        )
        .expect("import");
    assert_eq!(report.new_phases, ["Testing"]);
    let phases = store.list_phases(&rollout).expect("phases");
    assert_eq!(
        phases.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Build", "Testing"],
        "one phase per name, however the rows spell it"
    );
    for task in store.list_tasks(&rollout).expect("tasks") {
        let expected = if task.title.contains("test") || task.title.contains("Test") {
            "Testing"
        } else {
            "Build"
        };
        assert_eq!(task.phase_name, expected, "{}", task.title);
    }
}

/// An MS Project export as it arrives: several resources in one cell, a share of time in
/// brackets, an owner by email, 0-day milestones and % Complete without a status.
#[test]
fn an_ms_project_export_reads_resources_milestones_and_percent_complete() {
    let (store, rollout) = store();
    store
        .create_person(&PersonDraft {
            name: "Ana Rivera".into(),
            email: "ana.rivera@riverside.example".into(),
            ..PersonDraft::default()
        })
        .expect("person");
    let plan = csv(
        "Name,Duration,Start,Finish,% Complete,Resource Names,Notes\n\
         Build interfaces,15 days,2026-11-02,2026-11-20,45%,Kevin O'Brien; Ana Rivera[50%],Vendor team\n\
         Unit test,5 days,2026-11-23,2026-11-27,0%,ANA.RIVERA@riverside.example,\n\
         Interfaces signed off,0 days,2026-11-30,2026-11-30,100%,Kevin O'Brien[25%],\n",
    );
    store.import_tasks(&rollout, &plan).expect("import");
    let tasks = store.list_tasks(&rollout).expect("tasks");
    let task = |title: &str| tasks.iter().find(|t| t.title == title).expect(title);

    let build = task("Build interfaces");
    assert_eq!(
        build.owner_name, "Kevin O'Brien",
        "the first resource owns it"
    );
    assert_eq!(
        build.notes, "Vendor team\nAlso assigned: Ana Rivera",
        "the others are named in the notes, after the file's own"
    );
    assert_eq!(build.status, TaskStatus::Doing, "45% complete is under way");
    let unit = task("Unit test");
    assert_eq!(unit.owner_name, "Ana Rivera", "an email finds its person");
    assert_eq!(unit.status, TaskStatus::Todo);
    let signed = task("Interfaces signed off");
    assert_eq!(
        signed.kind,
        TaskKind::Milestone,
        "a 0-day task is a milestone"
    );
    assert_eq!(signed.status, TaskStatus::Done);
    assert_eq!(
        signed.owner_name, "Kevin O'Brien",
        "the bracketed share is not the name"
    );

    let refused = store
        .import_tasks(&rollout, &csv("Name,% Complete\nCutover,140%\n"))
        .expect_err("a share over 100% is refused");
    assert!(
        refused
            .to_string()
            .contains("'140%' is not a percentage from 0 to 100"),
        "{refused}"
    );
}

/// A vendor's plan naming people the directory does not have: one refusal lists every
/// name once with its rows, and namesakes apart, instead of one name per attempt.
#[test]
fn every_unknown_or_ambiguous_owner_is_named_once_in_one_refusal() {
    let (store, rollout) = store();
    for name in ["Sam Lee", "Sam Lee"] {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                ..PersonDraft::default()
            })
            .expect("namesake");
    }
    let message = refused_in(
        &store,
        &rollout,
        "Title,Owner\n\
         Build,Jordan Lee\n\
         Test,Kevin O'Brien\n\
         Train,Priya Nair; Jordan Lee\n\
         Sign off,jordan lee\n\
         Cutover,Sam Lee\n\
         Go-live,Priya Nair[50%]\n",
    );
    assert!(
        message.contains(
            "these owners are not in the staff directory: Jordan Lee (rows 2, 5), \
             Priya Nair (rows 4, 7)"
        ),
        "each unknown name once, with the rows that name it: {message}"
    );
    assert!(
        message.contains("this is the name of more than one person: Sam Lee (row 6)"),
        "namesakes are told apart from the unknown: {message}"
    );
    assert!(
        !message.contains("Kevin"),
        "a known owner is not listed: {message}"
    );
}

fn refused_in(store: &Store, rollout: &str, text: &str) -> String {
    let error = store
        .import_tasks(rollout, &csv(text))
        .expect_err("refused");
    assert!(
        store.list_tasks(rollout).expect("tasks").is_empty(),
        "nothing was imported"
    );
    error.to_string()
}
