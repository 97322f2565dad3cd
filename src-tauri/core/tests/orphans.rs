//! Rows that point at records that no longer exist (written by another program, or by
//! an old bug, with foreign keys off): the file still opens, the rows are named, and
//! only a repair the person asks for changes anything — after a backup, clearing the
//! links that may be empty and setting aside the rows that cannot stand alone.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use rollplan_core::people::PersonDraft;
use rollplan_core::plan::TaskDraft;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::store::orphans::OrphanRepair;
use rollplan_core::Store;
use rusqlite::{params, Connection};

/// A database with a rollout whose one task is owned by a person, and another rollout
/// whose task is owned by nobody; then (behind the app's back, foreign keys off) the
/// person and the second rollout are deleted.
fn orphaned_database(path: &std::path::Path) -> (String, String) {
    let store = Store::open(path).expect("store");
    let person = store
        .create_person(&PersonDraft {
            name: "Dana Reyes".into(),
            ..PersonDraft::default()
        })
        .expect("person");
    let kept = store
        .create_rollout(&RolloutDraft {
            name: "EHR go-live".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout");
    let owned = store
        .create_task(
            &kept.id,
            &TaskDraft {
                title: "Train front desk".into(),
                owner: person.id.clone(),
                ..TaskDraft::default()
            },
        )
        .expect("owned task");
    let doomed = store
        .create_rollout(&RolloutDraft {
            name: "Fax retirement".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout");
    let lost = store
        .create_task(
            &doomed.id,
            &TaskDraft {
                title: "Tell the referral partners".into(),
                ..TaskDraft::default()
            },
        )
        .expect("task");
    drop(store);

    let raw = Connection::open(path).expect("raw connection");
    raw.execute_batch("PRAGMA foreign_keys = OFF")
        .expect("pragma");
    raw.execute("DELETE FROM people WHERE id = ?1", params![person.id])
        .expect("delete person");
    raw.execute("DELETE FROM rollouts WHERE id = ?1", params![doomed.id])
        .expect("delete rollout");
    (owned.id, lost.id)
}

#[test]
fn rows_pointing_at_missing_records_are_named_not_treated_as_damage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    let (owned, lost) = orphaned_database(&path);

    let store = Store::open(&path).expect("a file with orphaned rows still opens");
    let found = store.orphaned_rows().expect("orphans");
    let tasks_owner = found
        .iter()
        .find(|o| o.table == "plan_tasks" && o.column == "owner_id")
        .expect("the task whose owner is gone is named");
    assert_eq!(tasks_owner.row_ids, vec![owned.clone()], "which task");
    assert_eq!(
        tasks_owner.repair,
        OrphanRepair::ClearLink,
        "an owner may be empty"
    );
    let tasks_rollout = found
        .iter()
        .find(|o| o.table == "plan_tasks" && o.column == "rollout_id")
        .expect("the task whose rollout is gone is named");
    assert_eq!(tasks_rollout.row_ids, vec![lost.clone()], "which task");
    assert_eq!(
        tasks_rollout.repair,
        OrphanRepair::SetAside,
        "a task cannot stand without its rollout"
    );
    assert_eq!(
        tasks_rollout.summary,
        "1 plan task points at a rollout that no longer exists (the repair sets it aside)",
        "said in a person's words"
    );
    let report = store.check().expect("check");
    assert!(
        !report.is_healthy(),
        "the check still says something is wrong"
    );
    assert_eq!(report.foreign_key_violations, 2, "two rows are counted");
    assert!(
        store.get_task(&owned).is_ok(),
        "nothing changes before the repair is asked for"
    );
}

#[test]
fn the_repair_backs_up_clears_links_and_sets_rows_aside_keeping_their_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    let (owned, lost) = orphaned_database(&path);
    let store = Store::open(&path).expect("store");
    let before = store.get_task(&owned).expect("task").row_version;

    let outcome = store.repair_orphans().expect("repair");
    assert_eq!(outcome.links_cleared, 1, "the owner link is cleared");
    assert_eq!(
        outcome.rows_set_aside, 1,
        "the rollout-less task is set aside"
    );
    let backup = outcome.backup.expect("a backup is made first");
    assert!(
        backup.file_name.contains("before-repair"),
        "the backup says why it was made: {}",
        backup.file_name
    );

    let task = store.get_task(&owned).expect("the owned task stays");
    assert_eq!(task.owner_id, None, "its broken owner link is cleared");
    assert!(
        task.row_version > before,
        "a repaired row moves on, so an open editor sees a conflict"
    );
    assert!(store.get_task(&lost).is_err(), "the orphaned task is gone");
    assert!(store.check().expect("check").is_healthy(), "healthy after");
    drop(store);

    let raw = Connection::open(&path).expect("raw");
    let (table, json): (String, String) = raw
        .query_row(
            "SELECT table_name, row_json FROM quarantined_rows",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .expect("the set-aside row is kept");
    assert_eq!(table, "plan_tasks");
    assert!(
        json.contains("Tell the referral partners") && json.contains(&lost),
        "every column of the set-aside row is kept: {json}"
    );

    let store = Store::open(&path).expect("store");
    let again = store.repair_orphans().expect("second repair");
    assert_eq!(
        (
            again.links_cleared,
            again.rows_set_aside,
            again.backup.is_none()
        ),
        (0, 0, true),
        "a sound file needs no repair and no backup"
    );
}

#[test]
fn the_finding_is_kept_until_another_connection_writes_or_the_repair_runs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    let (owned, _) = orphaned_database(&path);
    let store = Store::open(&path).expect("store");

    let first = store.orphaned_rows().expect("orphans");
    assert_eq!(first.len(), 2);
    assert_eq!(store.orphan_scans(), 1);
    // The store's own writes enforce foreign keys, so they cannot break a link: the
    // finding stands, and asking again reads nothing.
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Kiosk check-in".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout");
    let task = store
        .create_task(
            &rollout.id,
            &TaskDraft {
                title: "Order the kiosks".into(),
                ..TaskDraft::default()
            },
        )
        .expect("task");
    assert_eq!(store.orphaned_rows().expect("orphans"), first);
    assert_eq!(
        store.orphan_scans(),
        1,
        "kept across the store's own writes"
    );

    // Another program deletes the new rollout behind the app's back: read again.
    let raw = Connection::open(&path).expect("raw connection");
    raw.execute_batch("PRAGMA foreign_keys = OFF")
        .expect("pragma");
    raw.execute("DELETE FROM rollouts WHERE id = ?1", params![rollout.id])
        .expect("delete rollout");
    let found = store.orphaned_rows().expect("orphans");
    assert_eq!(store.orphan_scans(), 2, "another connection wrote");
    let tasks_rollout = found
        .iter()
        .find(|o| o.table == "plan_tasks" && o.column == "rollout_id")
        .expect("tasks without their rollout");
    assert!(
        tasks_rollout.row_ids.contains(&task.id),
        "the new broken link is found"
    );

    // The repair (foreign keys off) forgets the finding; the next scan finds nothing.
    store.repair_orphans().expect("repair");
    assert_eq!(store.orphaned_rows().expect("orphans"), Vec::new());
    assert_eq!(store.orphan_scans(), 3);
    assert_eq!(store.get_task(&owned).expect("task").owner_id, None);
}
