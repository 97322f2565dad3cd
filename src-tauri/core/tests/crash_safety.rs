//! A process killed with SIGKILL in the middle of writing loses nothing it committed and
//! leaves a healthy file. The test runs itself a second time as the writer: the child
//! creates rollouts as fast as it can and prints each id once its transaction has
//! committed; the parent kills it mid-stream, reopens the file and checks every id.

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
