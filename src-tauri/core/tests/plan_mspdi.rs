//! Microsoft Project XML in and out: a plan as ProjectLibre writes it imported into a
//! rollout, the sample EHR rollout exported and imported back into a new rollout as the
//! same plan, the export read by an independent XML reader, and the PHI check in front
//! of it like every export.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{NaiveDate, Utc};
use rollplan_core::demo::seed_sample_clinic;
use rollplan_core::export::{run_export, ExportDetail, ExportFormat, ExportRequest, ExportSubject};
use rollplan_core::people::PersonDraft;
use rollplan_core::plan::mspdi::{parse_plan_file, read_plan_file};
use rollplan_core::plan::{LinkType, Task, TaskDraft, TaskKind, TaskLink, TaskStatus};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).expect("date")
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mspdi")
        .join(name)
}

fn new_rollout(store: &Store, name: &str) -> String {
    store
        .create_rollout(&RolloutDraft {
            name: name.into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id
}

fn export_mspdi(store: &Store, rollout: &str, path: &Path, force: bool) -> bool {
    let request = ExportRequest {
        subject: ExportSubject::Rollout { id: rollout.into() },
        format: ExportFormat::Mspdi,
        path: path.to_path_buf(),
        force,
        overwrite: true,
        include_people: false,
        passphrase: None,
        detail: ExportDetail::default(),
    };
    run_export(store, &request, today(), Utc::now(), &mut |_| {})
        .expect("the export runs")
        .written
}

#[test]
fn a_plan_saved_by_projectlibre_is_imported_with_phases_owners_and_links() {
    let store = Store::open_in_memory().expect("store");
    for (name, email) in [
        ("Kevin O'Brien", ""),
        ("Dana Whitfield", "dana@riverside.org"),
    ] {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                email: email.into(),
                ..PersonDraft::default()
            })
            .expect("person");
    }
    let rollout = new_rollout(&store, "Lab interface");
    let table = read_plan_file(&fixture("projectlibre.xml")).expect("the plan reads");
    let report = store
        .import_tasks(&rollout, &table)
        .expect("the plan imports");
    assert_eq!(report.tasks_added, 4, "summary tasks are phases, not tasks");
    assert_eq!(report.dependencies_added, 3);
    assert_eq!(report.new_phases, ["Build", "Testing"]);
    assert_eq!(
        report.notes.len(),
        1,
        "the 'Must start on' is noted; a start-no-earlier-than on the task's own start is \
         not: {:?}",
        report.notes
    );
    let tasks = store.list_tasks(&rollout).expect("tasks");
    let by_title = |title: &str| tasks.iter().find(|t| t.title == title).expect(title);
    let map = by_title("Map result codes");
    assert_eq!(map.status, TaskStatus::Done, "100 % complete is done");
    assert_eq!(map.owner_name, "Kevin O'Brien");
    assert_eq!(map.notes, "Codes from the reference lab <LOINC> list.");
    assert_eq!(map.phase_name, "Build");
    let feed = by_title("Build the results feed");
    assert_eq!(
        feed.status,
        TaskStatus::Doing,
        "20 % complete is in progress"
    );
    assert_eq!(
        feed.owner_name, "Dana Whitfield",
        "the first resource, matched by its email"
    );
    assert!(
        feed.notes.contains("Also assigned: Kevin O'Brien"),
        "the second resource is named in the notes: {}",
        feed.notes
    );
    assert_eq!(feed.depends_on, [TaskLink::finish_to_start(&map.id)]);
    let live = by_title("Results live");
    assert_eq!(live.kind, TaskKind::Milestone, "a task of no duration");
    assert_eq!(
        live.due_date,
        Some(NaiveDate::from_ymd_opt(2027, 2, 5).unwrap())
    );
    assert_eq!(live.phase_name, "Testing");
}

#[test]
fn a_refused_plan_names_the_task_and_imports_nothing() {
    let store = Store::open_in_memory().expect("store");
    let rollout = new_rollout(&store, "Lab interface");
    let text = std::fs::read_to_string(fixture("projectlibre.xml")).expect("fixture");
    // The owners are not in the directory: the import refuses, naming them.
    let table = parse_plan_file("plan.xml", text.clone().into_bytes()).expect("reads");
    let refused = store
        .import_tasks(&rollout, &table)
        .expect_err("unknown owners are refused")
        .to_string();
    assert!(refused.contains("Kevin O'Brien"), "{refused}");
    let looped = text.replacen(
        "<ConstraintType>0</ConstraintType>\n            <Notes>",
        "<ConstraintType>0</ConstraintType>\n            <PredecessorLink><PredecessorUID>6</PredecessorUID></PredecessorLink>\n            <Notes>",
        1,
    );
    let looped = looped
        .replace(
            "<ResourceUID>1</ResourceUID>",
            "<ResourceUID>-65535</ResourceUID>",
        )
        .replace(
            "<ResourceUID>2</ResourceUID>",
            "<ResourceUID>-65535</ResourceUID>",
        );
    let table = parse_plan_file("plan.xml", looped.into_bytes()).expect("reads");
    let refused = store
        .import_tasks(&rollout, &table)
        .expect_err("a loop of links is refused")
        .to_string();
    assert!(
        refused.contains("Map result codes") && refused.contains("Results live"),
        "the loop is named by its tasks: {refused}"
    );
    assert!(
        store.list_tasks(&rollout).expect("tasks").is_empty(),
        "a refused plan leaves nothing behind"
    );
}

/// What a task is, in the terms a round trip must keep.
fn described(task: &Task, all: &[Task]) -> String {
    let waits_for = |link: &TaskLink| {
        let title = &all.iter().find(|t| t.id == link.depends_on_id)?.title;
        Some(format!("{title} {:?} {:+}", link.link_type, link.lag_days))
    };
    let mut waits: Vec<String> = task.depends_on.iter().filter_map(waits_for).collect();
    waits.sort();
    format!(
        "{:?} phase={:?} start={:?} due={:?} status={:?} owner={:?} notes={:?} waits={waits:?}",
        task.kind,
        task.phase_name,
        match task.kind {
            TaskKind::Milestone => task.due_date,
            TaskKind::Task => task.start_date,
        },
        task.due_date,
        task.status,
        task.owner_name,
        task.notes,
    )
}

fn plan_of(store: &Store, rollout: &str) -> BTreeMap<String, String> {
    let tasks = store.list_tasks(rollout).expect("tasks");
    tasks
        .iter()
        .map(|t| (t.title.clone(), described(t, &tasks)))
        .collect()
}

#[test]
fn the_sample_plan_comes_back_the_same_from_its_export() {
    let store = Store::open_in_memory().expect("store");
    let rollouts = seed_sample_clinic(&store, today()).expect("sample clinic");
    let ehr = rollouts
        .iter()
        .find(|r| r.name.starts_with("EHR"))
        .expect("the EHR rollout");
    // Every type of link, with a lag, a lead and none, beside the sample's own links.
    let tasks = store.list_tasks(&ehr.id).expect("tasks");
    let last = tasks.last().expect("a last task");
    let plain: Vec<&Task> = tasks
        .iter()
        .filter(|t| t.depends_on.is_empty() && t.id != last.id)
        .collect();
    for (from, link_type, lag) in [
        (plain[0], LinkType::StartToStart, 2),
        (plain[1], LinkType::FinishToFinish, -1),
        (plain[2], LinkType::StartToFinish, 0),
        (plain[3], LinkType::FinishToStart, 3),
    ] {
        store
            .add_dependency(&last.id, &from.id, link_type, lag)
            .expect("a typed link");
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ehr.xml");
    assert!(
        export_mspdi(&store, &ehr.id, &path, false),
        "the sample plan passes the PHI check"
    );
    let copy = new_rollout(&store, "EHR copy");
    let table = read_plan_file(&path).expect("our own export reads");
    let report = store.import_tasks(&copy, &table).expect("and imports");
    assert!(
        report.notes.is_empty(),
        "nothing was left out: {:?}",
        report.notes
    );
    let original = plan_of(&store, &ehr.id);
    assert!(original.len() > 10, "the sample plan has tasks to compare");
    assert_eq!(
        plan_of(&store, &copy),
        original,
        "every task comes back with its phase, dates, status, owner, notes and links"
    );
    let phases = |id: &str| -> Vec<String> {
        store
            .list_phases(id)
            .expect("phases")
            .into_iter()
            .filter(|p| {
                store
                    .list_tasks(id)
                    .unwrap()
                    .iter()
                    .any(|t| t.phase_id.as_deref() == Some(p.id.as_str()))
            })
            .map(|p| p.name)
            .collect()
    };
    assert_eq!(phases(&copy), phases(&ehr.id), "phases in the same order");
}

#[test]
fn the_export_is_mspdi_as_an_independent_reader_sees_it() {
    let store = Store::open_in_memory().expect("store");
    let rollouts = seed_sample_clinic(&store, today()).expect("sample clinic");
    let ehr = &rollouts[0];
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ehr.xml");
    assert!(export_mspdi(&store, &ehr.id, &path, false));
    let script = r#"
import sys, xml.etree.ElementTree as ET
ns = {"p": "http://schemas.microsoft.com/project"}
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "{http://schemas.microsoft.com/project}Project", root.tag
order = [child.tag.split("}")[1] for child in root]
print("ORDER", ",".join(order))
print("NAME", root.find("p:Name", ns).text)
tasks = root.findall("p:Tasks/p:Task", ns)
uids = {t.find("p:UID", ns).text for t in tasks}
for t in tasks:
    assert t.find("p:ID", ns) is not None, "every task has an ID"
    for link in t.findall("p:PredecessorLink", ns):
        assert link.find("p:PredecessorUID", ns).text in uids, "links point at tasks"
levels = [(t.find("p:OutlineLevel", ns).text, t.find("p:Summary", ns).text) for t in tasks]
print("SUMMARIES", sum(1 for l, s in levels if s == "1" and l == "1"))
print("TASKS", sum(1 for l, s in levels if s == "0"))
print("RESOURCES", len(root.findall("p:Resources/p:Resource", ns)))
print("ASSIGNMENTS", len(root.findall("p:Assignments/p:Assignment", ns)))
"#;
    let output = std::process::Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "python reads the file: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let line = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key} ")))
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        line("ORDER"),
        "SaveVersion,Name,Title,ScheduleFromStart,StartDate,FinishDate,CurrencyCode,\
         CalendarUID,DefaultStartTime,DefaultFinishTime,MinutesPerDay,MinutesPerWeek,\
         DaysPerMonth,DurationFormat,ExtendedAttributes,Calendars,Tasks,Resources,Assignments",
        "the project's elements in the schema's order"
    );
    assert_eq!(
        line("NAME"),
        ehr.name,
        "the project is named after the rollout"
    );
    let tasks = store.list_tasks(&ehr.id).expect("tasks");
    assert_eq!(
        line("TASKS"),
        tasks.len().to_string(),
        "every task is there"
    );
    let phases = store.list_phases(&ehr.id).expect("phases").len();
    assert_eq!(
        line("SUMMARIES"),
        phases.to_string(),
        "one summary task per phase"
    );
    let owners: std::collections::HashSet<&str> = tasks
        .iter()
        .map(|t| t.owner_name.as_str())
        .filter(|o| !o.is_empty())
        .collect();
    assert_eq!(
        line("RESOURCES"),
        owners.len().to_string(),
        "one resource per owner"
    );
    assert_eq!(
        line("ASSIGNMENTS"),
        tasks
            .iter()
            .filter(|t| !t.owner_name.is_empty())
            .count()
            .to_string(),
        "one assignment per owned task"
    );
}

#[test]
fn patient_details_in_the_plan_stop_the_export() {
    let store = Store::open_in_memory().expect("store");
    let rollout = new_rollout(&store, "Lab interface");
    store
        .create_task(
            &rollout,
            &TaskDraft {
                title: "Call back about the lab result".into(),
                notes: "Patient's cell 555-201-7788".into(),
                ..TaskDraft::default()
            },
        )
        .expect("task");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.xml");
    assert!(
        !export_mspdi(&store, &rollout, &path, false),
        "the PHI check stops the export"
    );
    assert!(!path.exists(), "nothing was written");
    assert!(
        export_mspdi(&store, &rollout, &path, true),
        "unless the person insists"
    );
    let table = read_plan_file(&path).expect("reads");
    assert_eq!(
        table.rows.len(),
        1,
        "a task without dates or a phase goes out too"
    );
}

/// `mpxj-rewritten.xml` is `projectlibre.xml` read and written again by MPXJ 16.10's
/// MSPDI writer (the library ProjectLibre and many tools save MSPDI with), with every
/// element it adds: the reader takes the same plan from both.
#[test]
fn a_plan_rewritten_by_mpxj_reads_as_the_original() {
    let original = read_plan_file(&fixture("projectlibre.xml")).expect("reads");
    let rewritten = read_plan_file(&fixture("mpxj-rewritten.xml")).expect("reads");
    assert_eq!(rewritten.headers, original.headers);
    let rows = |table: &rollplan_core::import::Table| -> Vec<(usize, Vec<String>)> {
        table
            .rows
            .iter()
            .map(|r| (r.line, r.cells.clone()))
            .collect()
    };
    assert_eq!(
        rows(&rewritten),
        rows(&original),
        "the same rows, cell for cell"
    );
    assert_eq!(rewritten.notes, original.notes, "the same notes");
}
