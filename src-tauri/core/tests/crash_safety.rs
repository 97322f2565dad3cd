//! A process killed with SIGKILL in the middle of writing loses nothing it committed and
//! leaves a healthy file. The test runs itself a second time as the writer: the child
//! creates rollouts as fast as it can and prints each id once its transaction has
//! committed; the parent kills it mid-stream, reopens the file and checks every id.
//! A second child edits one rollout and one task in turn with rising values, and is
//! killed ten times after a different number of edits: every edit it reported is in the
//! record's value and history.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::Store;

const CHILD_DB: &str = "ROLLPLAN_CRASH_TEST_DB";

/// The writer half; does nothing unless the parent started this binary as the child.
#[test]
fn crash_writer_child() {
    let Some(path) = std::env::var_os(CHILD_DB) else {
        return;
    };
    let store = Store::open(path.as_ref()).expect("child opens the store");
    for i in 0.. {
        let draft = RolloutDraft {
            name: format!("Rollout {i}"),
            goal: "x".repeat(2_000),
            ..RolloutDraft::default()
        };
        let created = store.create_rollout(&draft).expect("child writes");
        println!("committed {}", created.id);
    }
}

#[test]
fn a_killed_writer_loses_no_committed_rollout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "crash_writer_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DB, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the writer");

    let stdout = child.stdout.take().expect("child stdout");
    let mut committed = Vec::new();
    let started = Instant::now();
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        if let Some(id) = line.strip_prefix("committed ") {
            committed.push(id.to_owned());
        }
        // Kill it mid-stream once it has written a fair amount, while it keeps writing.
        if committed.len() >= 200 || started.elapsed() > Duration::from_secs(20) {
            child.kill().expect("SIGKILL the writer");
            break;
        }
    }
    child.wait().expect("reap the writer");
    assert!(
        committed.len() >= 50,
        "the writer committed rollouts before it was killed"
    );

    let store = Store::open(&path).expect("the file reopens after the kill");
    let report = store.check().expect("check runs");
    assert!(
        report.is_healthy(),
        "the file is healthy after a kill: {report:?}"
    );
    for id in &committed {
        assert!(
            store.get_rollout(id).is_ok(),
            "rollout {id} was reported committed before the kill and must still be there"
        );
    }
}

const EDIT_DB: &str = "ROLLPLAN_CRASH_EDIT_DB";
const EDIT_KILLS: usize = 10;

/// The editor half: edit n (from 1) writes "Edit n" into the rollout's goal when n is
/// odd and into the task's notes when n is even, each in its own transaction, and
/// prints it once committed. Does nothing unless started as the child.
#[test]
fn crash_editor_child() {
    let Some(path) = std::env::var_os(EDIT_DB) else {
        return;
    };
    let store = Store::open(path.as_ref()).expect("child opens the store");
    let mut rollout = store.list_rollouts().expect("rollouts").remove(0);
    let mut task = store.list_tasks(&rollout.id).expect("tasks").remove(0);
    for n in 1.. {
        if n % 2 == 1 {
            let mut draft = rollout.draft();
            draft.goal = format!("Edit {n}");
            rollout = store
                .update_rollout(&rollout.id, rollout.row_version, &draft)
                .expect("child edits the rollout");
        } else {
            let mut draft = task.draft();
            draft.notes = format!("Edit {n}");
            task = store
                .update_task(&task.id, task.row_version, &draft)
                .expect("child edits the task");
        }
        println!("committed {n}");
    }
}

/// The number in "Edit n".
fn edit_number(text: &str) -> u64 {
    text.strip_prefix("Edit ")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_burst_of_edits_killed_mid_stream_keeps_every_committed_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.subsec_nanos() as u64);
    let (mut verified, started) = (0u64, Instant::now());
    for round in 0..EDIT_KILLS as u64 {
        let path = dir.path().join(format!("edits-{round}.db"));
        let (rollout, task) = {
            let store = Store::open(&path).expect("store");
            let rollout = store
                .create_rollout(&RolloutDraft {
                    name: "Check-in redesign".into(),
                    ..RolloutDraft::default()
                })
                .expect("rollout");
            let draft = rollplan_core::plan::TaskDraft {
                title: "Train the front desk".into(),
                ..Default::default()
            };
            let task = store.create_task(&rollout.id, &draft).expect("task");
            (rollout.id, task.id)
        };
        // Kill after a different number of edits each round, between 1 and 400.
        let kill_after = (seed.wrapping_mul(round + 1).wrapping_mul(2_654_435_761) % 400) + 1;
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "crash_editor_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(EDIT_DB, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the editor");
        let mut last = 0;
        let mut killed = false;
        // After the kill, read on: lines the editor printed before it died are still in
        // the pipe, and each is an edit that committed.
        for line in BufReader::new(child.stdout.take().expect("child stdout")).lines() {
            let Ok(line) = line else { break };
            if let Some((_, n)) = line.split_once("committed ") {
                last = n.trim().parse().expect("an edit number");
            }
            if last >= kill_after && !killed {
                child.kill().expect("SIGKILL the editor");
                killed = true;
            }
        }
        child.wait().expect("reap the editor");
        assert!(
            last >= kill_after,
            "the editor committed edits before it was killed"
        );

        let store = Store::open(&path).expect("the file reopens after the kill");
        let report = store.check().expect("check runs");
        assert!(report.is_healthy(), "healthy after a kill: {report:?}");
        // The edit in flight at the kill may have committed too, unreported.
        let last_of = |odd: bool| (1..=last + 1).rev().find(|n| (n % 2 == 1) == odd);
        let goal = edit_number(&store.get_rollout(&rollout).expect("rollout").goal);
        let notes = edit_number(&store.get_task(&task).expect("task").notes);
        for (found, odd, what) in [
            (goal, true, "rollout's goal"),
            (notes, false, "task's notes"),
        ] {
            let newest_reported = (1..=last).rev().find(|n| (n % 2 == 1) == odd).unwrap_or(0);
            assert!(
                found == newest_reported || Some(found) == last_of(odd),
                "the {what} holds edit {found}, but edit {newest_reported} was committed"
            );
        }
        // Every reported edit is in the history, written with it in its transaction.
        let mut seen = std::collections::BTreeSet::new();
        for entry in store
            .rollout_history(&rollout)
            .expect("history")
            .into_iter()
            .chain(store.task_history(&task).expect("history"))
        {
            for change in entry.changes {
                seen.insert(change.new.as_deref().map_or(0, edit_number));
            }
        }
        for n in 1..=last {
            assert!(seen.contains(&n), "committed edit {n} is in the history");
        }
        verified += last;
    }
    eprintln!(
        "crash_safety: {EDIT_KILLS} editors killed mid-stream, every file healthy, \
         {verified} committed edits verified (value and history) in {:?}",
        started.elapsed()
    );
}
