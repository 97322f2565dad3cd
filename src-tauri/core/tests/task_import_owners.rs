//! A task import settles each owner name the directory does not once — added as an
//! external person, given to one of the namesakes, or left unassigned — and refuses a
//! file with bad rows listing every one of them, not the first.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rollplan_core::import::{parse_table, Table, PROBLEMS_LISTED};
use rollplan_core::people::PersonDraft;
use rollplan_core::plan::{OwnerChoice, OwnerDecision, OwnersPolicy, TaskImportOptions};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, Store};

/// A directory with Kevin and two people called Sam Lee, and an empty rollout.
fn store() -> (Store, String, [String; 2]) {
    let store = Store::open_in_memory().expect("store");
    let person = |name: &str, department: &str, email: &str| {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                department: department.into(),
                email: email.into(),
                ..PersonDraft::default()
            })
            .expect("person")
            .id
    };
    person("Kevin O'Brien", "", "");
    let sams = [
        person("Sam Lee", "Riverside", "sam.lee@riverside.org"),
        person("Sam Lee", "Eastside", "slee@eastside.org"),
    ];
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "EHR".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    (store, rollout, sams)
}

fn csv(text: &str) -> Table {
    parse_table("plan.csv", text.as_bytes().to_vec()).expect("table")
}

const VENDOR_PLAN: &str = "Task name,Resource Names\n\
    Build interfaces,Jordan Blake\n\
    Test interfaces,Sam Lee\n\
    Train super-users,jordan blake\n\
    Sign off,Kevin O'Brien\n\
    Cutover,Priya Nair\n";

fn decide(name: &str, choice: OwnerChoice) -> OwnerDecision {
    OwnerDecision {
        name: name.into(),
        choice,
    }
}

#[test]
fn the_preview_lists_each_name_to_settle_once_with_its_tasks_and_namesakes() {
    let (store, rollout, _) = store();
    let preview = store
        .preview_task_import(&rollout, &csv(VENDOR_PLAN))
        .expect("preview");
    let listed: Vec<(&str, usize, &[usize], usize)> = preview
        .owners
        .iter()
        .map(|o| {
            (
                o.name.as_str(),
                o.tasks,
                o.rows.as_slice(),
                o.namesakes.len(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("Jordan Blake", 2, &[2, 4][..], 0),
            ("Sam Lee", 1, &[3][..], 2),
            ("Priya Nair", 1, &[6][..], 0),
        ],
        "each unsettled name once, in file order, with its tasks, rows and namesakes"
    );
    let emails: Vec<&str> = preview.owners[1]
        .namesakes
        .iter()
        .map(|p| p.email.as_str())
        .collect();
    assert_eq!(
        emails,
        ["slee@eastside.org", "sam.lee@riverside.org"],
        "namesakes come with what tells them apart"
    );
    assert!(
        preview.owners.iter().all(|o| o.resolution.is_none()) && !preview.can_import,
        "without a choice nothing is settled, and the import would be refused"
    );
}

#[test]
fn choices_add_external_people_pick_namesakes_and_leave_tasks_unassigned() {
    let (store, rollout, sams) = store();
    let options = TaskImportOptions {
        owners: vec![
            decide("JORDAN BLAKE", OwnerChoice::AddExternal),
            decide(
                "Sam Lee",
                OwnerChoice::Person {
                    person_id: sams[1].clone(),
                },
            ),
            decide("Priya Nair", OwnerChoice::Unassigned),
        ],
        other_owners: OwnersPolicy::Refuse,
    };
    let preview = store
        .preview_task_import_with(&rollout, &csv(VENDOR_PLAN), &options)
        .expect("preview");
    assert_eq!(
        (preview.people_added.as_slice(), preview.tasks_unassigned),
        (&["Jordan Blake".to_owned()][..], 1),
        "the preview says who would be added and how many tasks left unassigned"
    );
    assert!(preview.can_import, "every name has a choice");
    assert!(
        store
            .list_people(true)
            .expect("people")
            .iter()
            .all(|p| p.name != "Jordan Blake"),
        "a preview adds nobody"
    );

    let report = store
        .import_tasks_with(&rollout, &csv(VENDOR_PLAN), &options)
        .expect("import");
    assert_eq!(report, preview, "the import does what the preview said");
    let people = store.list_people(true).expect("people");
    let jordan = people
        .iter()
        .find(|p| p.name == "Jordan Blake")
        .expect("Jordan added");
    assert!(
        jordan.external && jordan.role_id.is_none(),
        "an added owner is external, without a role"
    );
    let tasks = store.list_tasks(&rollout).expect("tasks");
    let owner_of = |title: &str| {
        let task = tasks.iter().find(|t| t.title == title).expect("task");
        (task.owner_id.clone(), task.notes.clone())
    };
    assert_eq!(owner_of("Build interfaces").0.as_ref(), Some(&jordan.id));
    assert_eq!(
        owner_of("Train super-users").0.as_ref(),
        Some(&jordan.id),
        "a name in another case is the same person, added once"
    );
    assert_eq!(
        owner_of("Test interfaces").0.as_ref(),
        Some(&sams[1]),
        "the namesake chosen"
    );
    assert_eq!(
        owner_of("Cutover"),
        (None, "Owner in the file: Priya Nair".to_owned()),
        "an unassigned task keeps the file's name in its notes"
    );
}

#[test]
fn a_refused_import_adds_no_external_people() {
    let (store, rollout, _) = store();
    let options = TaskImportOptions {
        other_owners: OwnersPolicy::Unassigned,
        owners: vec![decide("Jordan Blake", OwnerChoice::AddExternal)],
    };
    let bad = format!("{VENDOR_PLAN}Go-live,Jordan Blake,\nRehearsal,,\n")
        .replace(
            "Task name,Resource Names",
            "Task name,Resource Names,Finish",
        )
        .replace("Cutover,Priya Nair\n", "Cutover,Priya Nair,someday\n");
    let error = store
        .import_tasks_with(&rollout, &csv(&bad), &options)
        .expect_err("a bad date refuses the file");
    assert!(
        error
            .to_string()
            .contains("row 6, column 'Finish': 'someday' is not a date"),
        "{error}"
    );
    assert!(
        store.list_tasks(&rollout).expect("tasks").is_empty()
            && store
                .list_people(true)
                .expect("people")
                .iter()
                .all(|p| p.name != "Jordan Blake"),
        "all or nothing: the external person chosen is not added either"
    );
}

#[test]
fn owners_add_adds_the_unknown_but_still_refuses_a_shared_name() {
    let (store, rollout, _) = store();
    let add = TaskImportOptions {
        other_owners: OwnersPolicy::Add,
        ..TaskImportOptions::default()
    };
    let error = store
        .import_tasks_with(&rollout, &csv(VENDOR_PLAN), &add)
        .expect_err("Sam Lee is two people");
    let message = error.to_string();
    assert!(
        message.starts_with(
            "plan.csv: 2 people in the directory are called Sam Lee (row 3), \
             and adding people cannot choose between them: Sam Lee (no role, Eastside, \
             slee@eastside.org); Sam Lee (no role, Riverside, sam.lee@riverside.org)."
        ),
        "only the shared name is refused, with each namesake and why: {message}"
    );
    let unassigned_sam = TaskImportOptions {
        owners: vec![decide("Sam Lee", OwnerChoice::Unassigned)],
        ..add
    };
    let report = store
        .import_tasks_with(&rollout, &csv(VENDOR_PLAN), &unassigned_sam)
        .expect("import");
    assert_eq!(
        (report.people_added.len(), report.tasks_unassigned),
        (2, 1),
        "Jordan and Priya added, Sam's task left unassigned"
    );
}

#[test]
fn owners_unassigned_imports_every_task_of_an_unsettled_name_without_an_owner() {
    let (store, rollout, _) = store();
    let options = TaskImportOptions {
        other_owners: OwnersPolicy::Unassigned,
        ..TaskImportOptions::default()
    };
    let report = store
        .import_tasks_with(&rollout, &csv(VENDOR_PLAN), &options)
        .expect("import");
    assert_eq!(
        (
            report.tasks_added,
            report.tasks_unassigned,
            report.people_added.len()
        ),
        (5, 4, 0)
    );
}

#[test]
fn every_bad_row_is_listed_in_one_refusal() {
    let (store, rollout, _) = store();
    let text = "Title,Start,Finish,Status,Depends on\n\
        Build,2026-11-02,2026-11-20,,\n\
        Test,2026-11-23,13/31/2026,,Build\n\
        Train,,,maybe,Design\n\
        ,2026-12-01,,,\n\
        Go-live,,,,Rehearsal\n\
        Sign off,2026-12-09,2026-12-01,,\n\
        Build,,,,\n\
        Cutover,,,,Test\n";
    let preview = store
        .preview_task_import(&rollout, &csv(text))
        .expect("a preview lists the problems");
    let places: Vec<(Option<usize>, Option<&str>)> = preview
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_deref()))
        .collect();
    assert_eq!(
        places,
        [
            (Some(3), Some("Finish")),
            (Some(4), Some("Status")),
            (Some(5), Some("Title")),
            (Some(7), Some("Finish")),
            (Some(8), Some("Title")),
            (Some(4), Some("Depends on")),
            (Some(6), Some("Depends on")),
        ],
        "every bad row with its column, a refused row's links too; a row naming a refused \
         row is not refused again"
    );
    let error = store
        .import_tasks(&rollout, &csv(text))
        .expect_err("refused");
    match &error {
        CoreError::ImportProblems { problems, more, .. } => assert_eq!(
            (problems, *more),
            (&preview.problems, 0),
            "the import refuses with the problems its preview listed"
        ),
        other => panic!("expected the list of problems, got {other:?}"),
    }
    assert_eq!(
        error.payload().problems.len(),
        7,
        "the UI receives the list"
    );
    assert!(
        store.list_tasks(&rollout).expect("tasks").is_empty(),
        "a refused import leaves nothing behind"
    );
}

#[test]
fn a_refusal_lists_the_first_problems_and_counts_the_rest() {
    let (store, rollout, _) = store();
    let mut text = String::from("Title,Finish\n");
    for i in 0..PROBLEMS_LISTED + 50 {
        text.push_str(&format!("Task {i},not a date\n"));
    }
    let error = store
        .import_tasks(&rollout, &csv(&text))
        .expect_err("refused");
    let message = error.to_string();
    assert!(
        message.starts_with("plan.csv: nothing was imported; 250 problems to fix:")
            && message.ends_with("\n  and 50 more"),
        "the first 200 problems and how many more: {}",
        &message[..200]
    );
    assert_eq!(error.payload().more_problems, 50);
}

#[test]
fn a_name_written_without_credentials_offers_the_person_it_may_mean() {
    let (store, rollout, _) = store();
    let provider = store
        .create_person(&PersonDraft {
            name: "Jordan Blake, NP".into(),
            department: "Northgate".into(),
            email: "jordan.blake@northgate.org".into(),
            ..PersonDraft::default()
        })
        .expect("provider");
    let preview = store
        .preview_task_import(&rollout, &csv(VENDOR_PLAN))
        .expect("preview");
    let jordan = &preview.owners[0];
    assert_eq!(
        (
            jordan.name.as_str(),
            jordan.similar,
            jordan
                .namesakes
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
        ),
        ("Jordan Blake", true, vec![provider.id.as_str()]),
        "the provider is offered for the name the vendor wrote without credentials"
    );
    let add = TaskImportOptions {
        other_owners: OwnersPolicy::Add,
        owners: vec![decide("Sam Lee", OwnerChoice::Unassigned)],
    };
    let message = store
        .import_tasks_with(&rollout, &csv(VENDOR_PLAN), &add)
        .expect_err("adding would duplicate the provider")
        .to_string();
    assert!(
        message.starts_with(
            "plan.csv: Jordan Blake is not in the staff directory by that name (rows 2, 4), \
             but Jordan Blake, NP (no role, Northgate, jordan.blake@northgate.org) may be \
             them: adding people cannot tell whether they are the same person."
        ),
        "{message}"
    );
    let chosen = TaskImportOptions {
        owners: vec![
            decide(
                "Jordan Blake",
                OwnerChoice::Person {
                    person_id: provider.id.clone(),
                },
            ),
            decide("Sam Lee", OwnerChoice::Unassigned),
        ],
        ..add
    };
    let report = store
        .import_tasks_with(&rollout, &csv(VENDOR_PLAN), &chosen)
        .expect("import");
    assert_eq!(
        report.people_added,
        ["Priya Nair"],
        "the provider owns their tasks and nobody is added twice"
    );
}
