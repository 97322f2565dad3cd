//! Undo and redo: an edit, a deletion and an import taken back and done again, a step
//! refused when its rows changed since, and the list kept to its length.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::Path;

use rollplan_core::audit::{AuditAction, Reversal};
use rollplan_core::import::parse_table;
use rollplan_core::people::roster::{RejectedRows, RosterMapping};
use rollplan_core::plan::TaskDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::undo::KEPT;
use rollplan_core::{CoreError, ErrorCode, Store};

fn recording(store: Store) -> Store {
    store.record_undo().expect("recording starts");
    store
}

fn rollout(store: &Store) -> String {
    store
        .create_rollout(&RolloutDraft {
            name: "EHR go-live".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id
}

fn draft(title: &str) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        start_date: Some("2027-01-04".into()),
        due_date: Some("2027-01-08".into()),
        ..TaskDraft::default()
    }
}

#[test]
fn an_edit_is_undone_and_redone_and_the_history_says_so() {
    let store = recording(Store::open_in_memory().unwrap());
    let rollout = rollout(&store);
    let task = store
        .create_task(&rollout, &draft("Build order set"))
        .unwrap();
    let edited = store
        .update_task(&task.id, task.row_version, &draft("Build order sets"))
        .unwrap();
    assert_eq!(
        store.undo_state().unwrap().undo.as_deref(),
        Some("Undo: edit task “Build order sets”"),
        "the header names the action and the task"
    );

    let undone = store.undo().unwrap();
    assert_eq!(undone.done, "Undone: edit task “Build order sets”");
    let back = store.get_task(&task.id).unwrap();
    assert_eq!(back.title, "Build order set", "the old title is back");
    assert_eq!(
        back.row_version, task.row_version,
        "the row is as it was, its version too, so a form still open on the edited version \
         ({}) is told it changed",
        edited.row_version
    );
    assert_eq!(
        undone.state.redo.as_deref(),
        Some("Redo: edit task “Build order sets”")
    );
    assert_eq!(
        undone.state.undo.as_deref(),
        Some("Undo: add task “Build order set”"),
        "the step before is next"
    );
    let history = store.task_history(&task.id).unwrap();
    let newest = &history[0];
    assert_eq!(newest.reversal, Some(Reversal::Undone));
    assert_eq!(newest.action, AuditAction::Update);
    assert_eq!(
        (
            newest.changes[0].old.as_deref(),
            newest.changes[0].new.as_deref()
        ),
        (Some("Build order sets"), Some("Build order set")),
        "the history shows what the undo changed"
    );

    let redone = store.redo().unwrap();
    assert_eq!(redone.done, "Redone: edit task “Build order sets”");
    assert_eq!(store.get_task(&task.id).unwrap().title, "Build order sets");
    assert_eq!(redone.state.redo, None, "nothing is left to redo");
    assert_eq!(
        store.task_history(&task.id).unwrap()[0].reversal,
        Some(Reversal::Redone)
    );
}

#[test]
fn a_deletion_undone_brings_the_task_back_and_a_new_action_clears_redo() {
    let store = recording(Store::open_in_memory().unwrap());
    let rollout = rollout(&store);
    let kept = store
        .create_task(&rollout, &draft("Train super-users"))
        .unwrap();
    store.trash_task(&kept.id).unwrap();
    assert!(store.list_tasks(&rollout).unwrap().is_empty());
    store.undo().unwrap();
    assert_eq!(
        store.list_tasks(&rollout).unwrap().len(),
        1,
        "undoing a deletion brings the task back to the plan"
    );

    store.undo().unwrap();
    assert!(
        store.get_task(&kept.id).is_err(),
        "undoing the creation removes the task"
    );
    store.redo().unwrap();
    assert_eq!(store.get_task(&kept.id).unwrap().title, "Train super-users");
    assert!(store.undo_state().unwrap().redo.is_some());
    store
        .create_task(&rollout, &draft("Print downtime forms"))
        .unwrap();
    assert_eq!(
        store.undo_state().unwrap().redo,
        None,
        "a new action clears what could be redone"
    );
}

#[test]
fn a_step_whose_row_changed_since_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clinic.db");
    let store = recording(Store::open(&path).unwrap());
    let rollout = rollout(&store);
    let task = store
        .create_task(&rollout, &draft("Build order set"))
        .unwrap();
    store
        .update_task(&task.id, task.row_version, &draft("Build order sets"))
        .unwrap();
    // A teammate's change pulled into the file: written by another connection.
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute(
            "UPDATE plan_tasks SET title = 'Build order sets (v2)', row_version = row_version + 1 \
             WHERE id = ?1",
            [&task.id],
        )
        .unwrap();
    let before = snapshot(&path);
    let refused = store.undo().expect_err("a stale undo is refused");
    assert_eq!(refused.code(), ErrorCode::Conflict);
    assert!(
        matches!(&refused, CoreError::Conflict(m) if m.contains("can no longer be undone")),
        "the refusal says why: {refused}"
    );
    assert_eq!(
        store.get_task(&task.id).unwrap().title,
        "Build order sets (v2)",
        "the teammate's change stands"
    );
    assert_eq!(snapshot(&path), before, "a refused undo changes nothing");
    assert_eq!(
        store.undo_state().unwrap().undo.as_deref(),
        Some("Undo: add task “Build order set”"),
        "the refused step leaves the list; the one before is offered"
    );
}

#[test]
fn the_last_hundred_steps_are_kept() {
    let store = recording(Store::open_in_memory().unwrap());
    let rollout = rollout(&store);
    let mut task = store.create_task(&rollout, &draft("Step 0")).unwrap();
    for n in 1..=KEPT + 5 {
        task = store
            .update_task(&task.id, task.row_version, &draft(&format!("Step {n}")))
            .unwrap();
    }
    for _ in 0..KEPT {
        store
            .undo()
            .expect("each of the last hundred steps can be undone");
    }
    assert_eq!(
        store.get_task(&task.id).unwrap().title,
        "Step 5",
        "a hundred steps back"
    );
    let error = store.undo().expect_err("older steps are forgotten");
    assert!(error.to_string().contains("nothing to undo"), "{error}");
}

#[test]
fn a_store_that_does_not_record_offers_nothing_to_undo() {
    let store = Store::open_in_memory().unwrap();
    rollout(&store);
    assert_eq!(
        store.undo_state().unwrap().undo,
        None,
        "the command line records no steps"
    );
    let recorder = recording(Store::open_in_memory().unwrap());
    recorder.list_tasks("none").ok();
    assert_eq!(
        recorder.undo_state().unwrap().undo,
        None,
        "a read leaves no step"
    );
}

/// Row count and a hash of the content of every table, but the audit log and the undo
/// list (which an undo adds to by design) and SQLite's own bookkeeping (the rowid
/// counter, the full-text index's internal pages, read here through the index itself,
/// and the numbers `search_keys` gives the index's rows).
fn snapshot(path: &Path) -> BTreeMap<String, (usize, u64)> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual')
             AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit_log', 'undo_steps', 'undo_log')",
        )
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = BTreeMap::new();
    for table in tables {
        // The search index's row numbers are its own bookkeeping: a row put back is
        // indexed again under a new number; what it indexes is compared.
        let columns = if table == "search_keys" {
            "kind, id"
        } else {
            "*"
        };
        let mut statement = conn
            .prepare(&format!("SELECT {columns} FROM \"{table}\""))
            .unwrap();
        let columns = statement.column_count();
        let mut rows: Vec<String> = statement
            .query_map([], |row| {
                let values: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                    .collect();
                Ok(values.join("\u{1f}"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        let mut hasher = DefaultHasher::new();
        rows.hash(&mut hasher);
        out.insert(table, (rows.len(), hasher.finish()));
    }
    out
}

#[test]
fn undoing_an_import_restores_every_tables_rows_and_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clinic.db");
    let store = recording(Store::open(&path).unwrap());
    let rollout = rollout(&store);
    store.create_task(&rollout, &draft("Kick-off")).unwrap();
    let before = snapshot(&path);

    let mut roster = String::from("First Name,Last Name,Job Title,Department,Email\n");
    for n in 0..1000 {
        roster += &format!("Person{n},Staff,Front desk,Riverside,p{n}@riverside.org\n");
    }
    let roster = parse_table("roster.csv", roster.into_bytes()).unwrap();
    let mapping = RosterMapping::guess(&roster.headers);
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 11).unwrap();
    store
        .import_roster(&roster, &mapping, RejectedRows::Refuse, today)
        .unwrap();
    assert_eq!(
        store.undo_state().unwrap().undo.as_deref(),
        Some("Undo: import 1,000 people")
    );
    let tasks = parse_table(
        "plan.csv",
        b"Task name,Phase,Start,Finish,Predecessors\n\
          Build interfaces,Build,2026-11-02,2026-11-20,\n\
          Test interfaces,Testing,2026-11-23,2026-12-04,Build interfaces\n"
            .to_vec(),
    )
    .unwrap();
    store.import_tasks(&rollout, &tasks).unwrap();
    let imported = snapshot(&path);
    assert_ne!(imported, before);

    assert_eq!(store.undo().unwrap().done, "Undone: import 2 tasks");
    assert_eq!(store.undo().unwrap().done, "Undone: import 1,000 people");
    let undone = snapshot(&path);
    for (table, figures) in &before {
        assert_eq!(
            undone.get(table),
            Some(figures),
            "undoing both imports restores {table}'s row count and content"
        );
    }
    assert_eq!(undone, before);

    store.redo().unwrap();
    store.redo().unwrap();
    assert_eq!(
        snapshot(&path),
        imported,
        "redoing both imports puts back every row as imported"
    );
}

#[test]
fn a_rollout_deleted_for_good_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clinic.db");
    let store = recording(Store::open(&path).unwrap());
    let rollout = rollout(&store);
    let first = store
        .create_task(&rollout, &draft("Build interfaces"))
        .unwrap();
    let second = store
        .create_task(&rollout, &draft("Test interfaces"))
        .unwrap();
    store
        .add_dependency(
            &second.id,
            &first.id,
            rollplan_core::plan::LinkType::default(),
            0,
        )
        .unwrap();
    store.trash_rollout(&rollout).unwrap();
    let trashed = snapshot(&path);
    store.purge_rollout(&rollout).unwrap();
    assert!(store.get_rollout(&rollout).is_err());
    assert_eq!(
        store.undo().unwrap().done,
        "Undone: delete rollout “EHR go-live” for good"
    );
    assert_eq!(
        snapshot(&path),
        trashed,
        "the rollout, its tasks and their link come back as they were, parents before \
         children or not"
    );
}
