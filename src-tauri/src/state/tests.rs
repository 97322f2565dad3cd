//! The app's hold on its database on real files: a restore swaps the file under the
//! open store, and closing before an exit waits for the commands in flight and leaves
//! nothing that could open the file again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rollplan_core::backup::{Backup, BackupReason};
use rollplan_core::paths::resolve_database;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{ErrorCode, Store};

use super::AppState;

fn state_at(path: &Path) -> AppState {
    AppState::open_at(resolve_database(Some(path)), |damage| {
        panic!("a fresh database is not damaged: {}", damage.message)
    })
}

fn add_rollout(state: &AppState, name: &str) {
    state
        .store()
        .expect("the store is open")
        .create_rollout(&RolloutDraft {
            name: name.into(),
            ..RolloutDraft::default()
        })
        .expect("create rollout");
}

fn rollout_names(store: &Store) -> Vec<String> {
    let mut names: Vec<String> = store
        .list_rollouts()
        .expect("list rollouts")
        .into_iter()
        .map(|r| r.name)
        .collect();
    names.sort();
    names
}

/// A database holding "Before" with a backup of it, then "After" added.
fn backed_up(dir: &Path) -> (PathBuf, AppState, Backup) {
    let db = dir.join("rollplan.db");
    let state = state_at(&db);
    add_rollout(&state, "Before");
    let backup = state
        .store()
        .expect("the store is open")
        .back_up(BackupReason::Manual)
        .expect("back up");
    add_rollout(&state, "After");
    (db, state, backup)
}

#[test]
fn a_restore_brings_back_the_backup_and_keeps_the_database_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, state, backup) = backed_up(dir.path());

    let outcome = state
        .restore(Path::new(&backup.path))
        .expect("a good backup is restored");

    assert!(
        outcome.kept.is_some(),
        "the database as it was before the restore is kept as a backup"
    );
    let store = state.store().expect("the restored database is open again");
    assert_eq!(
        rollout_names(&store),
        ["Before"],
        "after a restore the commands see the backup's data, not the replaced file's"
    );
}

#[test]
fn a_bad_backup_is_refused_and_the_open_database_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, state, _) = backed_up(dir.path());
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database").expect("write junk");

    let refused = state
        .restore(&junk)
        .expect_err("a file that is no database");

    assert_eq!(refused.code, ErrorCode::Validation, "{}", refused.message);
    let store = state.store().expect("the database stays open");
    assert_eq!(
        rollout_names(&store),
        ["After", "Before"],
        "a refused restore leaves the data as it was"
    );
}

#[test]
fn closing_waits_for_the_command_in_flight() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = state_at(&dir.path().join("rollplan.db"));
    let closed = AtomicBool::new(false);

    std::thread::scope(|scope| {
        let in_flight = state.store().expect("the store is open");
        let closer = scope.spawn(|| {
            state.close();
            closed.store(true, Ordering::SeqCst);
        });
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            !closed.load(Ordering::SeqCst),
            "the store must not close under a command that is still using it"
        );
        assert_eq!(
            rollout_names(&in_flight),
            Vec::<String>::new(),
            "the command in flight can still read"
        );
        drop(in_flight);
        closer.join().expect("the close finishes");
    });

    assert!(
        closed.load(Ordering::SeqCst),
        "the close finished once the command was done"
    );
    let refused = state
        .store()
        .err()
        .expect("no command runs after the close");
    assert_eq!(refused.code, ErrorCode::Conflict, "{}", refused.message);
    assert!(
        state.open_error().is_some(),
        "a window that asks after the close hears the database is not available"
    );
}

#[test]
fn nothing_reopens_or_replaces_the_database_once_it_is_closed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (db, state, backup) = backed_up(dir.path());
    state.close();
    let before = std::fs::read(&db).expect("read the database");

    let refused = state
        .restore(Path::new(&backup.path))
        .expect_err("a restore after the close");

    assert_eq!(refused.code, ErrorCode::Conflict, "{}", refused.message);
    assert_eq!(
        std::fs::read(&db).expect("read the database"),
        before,
        "a restore that comes after the close must not touch the file the next instance opens"
    );
    let next = Store::open(&db).expect("the next instance opens the file");
    assert_eq!(
        rollout_names(&next),
        ["After", "Before"],
        "the next instance finds every write of the closed one"
    );
}
