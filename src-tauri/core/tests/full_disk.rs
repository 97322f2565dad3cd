//! A write that fails because the disk is full is refused with a message a person
//! understands, and damages nothing: the file passes integrity_check, every earlier
//! write is there, and the store still reads (and reopens).
//!
//! Two ways to fill a disk, each used when the machine allows it: a real 2 MB tmpfs
//! (needs root and a container that permits mounts), and a file-size limit
//! (RLIMIT_FSIZE, set by `ulimit -f` in a shell that then runs this binary as a child,
//! with SIGXFSZ ignored so the write fails instead of killing the process). The limit
//! works on any Unix, so it always runs; the tmpfs runs wherever the test is root (CI
//! is), and a root run that cannot mount one fails rather than quietly testing less.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, Store};

const CHILD_DB: &str = "ROLLPLAN_FULL_DISK_DB";
const KEPT: &str = "Written before the disk filled";

fn big_rollout(n: usize) -> RolloutDraft {
    RolloutDraft {
        name: format!("Rollout {n}"),
        goal: format!("{n} ").repeat(4_000),
        ..RolloutDraft::default()
    }
}

/// Writes until the disk refuses. Returns the ids written and the refusal.
fn fill(store: &Store) -> (Vec<String>, CoreError) {
    let mut written = Vec::new();
    for n in 0..20_000 {
        match store.create_rollout(&big_rollout(n)) {
            Ok(rollout) => written.push(rollout.id),
            Err(error) => return (written, error),
        }
    }
    panic!("20,000 rollouts fitted on a disk that should have filled long before");
}

/// What must hold of the refusal a full disk gave.
fn assert_clear(message: &str) {
    assert!(
        message.contains("disk") && message.contains("not saved") && message.contains("try again"),
        "a full disk is explained to a person (the disk, that nothing was saved, what to \
         do), not only in SQLite's words: {message}"
    );
}

/// What must hold of the file afterwards, read without the size limit.
fn assert_undamaged(path: &Path, written: &[String]) {
    let store = Store::open(path).expect("the file reopens after the disk filled");
    let report = store.check().expect("check runs");
    assert!(
        report.is_healthy(),
        "no damage from the full disk: {report:?}"
    );
    let names: Vec<String> = store
        .list_rollouts()
        .expect("rollouts")
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert!(names.iter().any(|n| n == KEPT), "earlier data is intact");
    for id in written {
        assert!(
            store.get_rollout(id).is_ok(),
            "rollout {id} was saved before the disk filled and must still be there"
        );
    }
    assert_eq!(
        names.len(),
        written.len() + 1,
        "the refused write left nothing behind"
    );
}

fn prepare(path: &Path) {
    let store = Store::open(path).expect("store");
    store
        .create_rollout(&RolloutDraft {
            name: KEPT.into(),
            ..RolloutDraft::default()
        })
        .expect("rollout");
}

/// A 2 MB tmpfs, unmounted when dropped.
struct TinyDisk {
    dir: tempfile::TempDir,
}

impl TinyDisk {
    fn mount() -> Option<Self> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(Self { dir })
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("rollplan.db")
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn on_a_tiny_tmpfs() -> bool {
    let Some(disk) = TinyDisk::mount() else {
        return false;
    };
    let path = disk.path();
    prepare(&path);
    let store = Store::open(&path).expect("store");
    let (mut written, error) = fill(&store);
    assert_clear(&error.to_string());
    // Still readable while the disk is full; writing on is refused the same way. The
    // next write may still fit where the refused one did not (that one may also have
    // been merging the search index's segments); it is kept like any other, and the
    // disk soon refuses again.
    assert!(
        store.check().expect("check").is_healthy(),
        "healthy while full"
    );
    assert!(store.list_rollouts().is_ok(), "the store still reads");
    let again = (0..50)
        .find_map(
            |n| match store.create_rollout(&big_rollout(written.len() + n)) {
                Ok(rollout) => {
                    written.push(rollout.id);
                    None
                }
                Err(error) => Some(error),
            },
        )
        .expect("a full disk goes on refusing writes");
    assert_clear(&again.to_string());
    drop(store);
    assert_undamaged(&path, &written);
    eprintln!(
        "full_disk: tmpfs of 2 MB filled after {} rollouts; refused with: {error}",
        written.len()
    );
    true
}

/// The writer under a file-size limit; does nothing unless started as the child.
#[test]
fn full_disk_child() {
    let Some(path) = std::env::var_os(CHILD_DB) else {
        return;
    };
    let store = Store::open(path.as_ref()).expect("child opens the store");
    let (written, error) = fill(&store);
    for id in &written {
        println!("written {id}");
    }
    println!("refused {}", error.to_string().replace('\n', " "));
    let readable = store.check().is_ok_and(|r| r.is_healthy()) && store.list_rollouts().is_ok();
    println!("readable {readable}");
}

fn under_a_file_size_limit() -> bool {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rollplan.db");
    prepare(&path);
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    // Room for about a megabyte more than the file has now, in 512-byte blocks (POSIX
    // sh's unit); `trap '' XFSZ` makes the limit fail the write rather than kill.
    let blocks = (size + 1_048_576) / 512;
    let script = format!("trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\"");
    let child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "full_disk_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DB, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        return false;
    };
    let (mut written, mut refused, mut readable) = (Vec::new(), None, None);
    for line in BufReader::new(child.stdout.take().expect("stdout")).lines() {
        let Ok(line) = line else { break };
        // libtest may print "test full_disk_child ... " on the first line.
        if let Some((_, id)) = line.split_once("written ") {
            written.push(id.to_owned());
        } else if let Some((_, message)) = line.split_once("refused ") {
            refused = Some(message.to_owned());
        } else if let Some((_, flag)) = line.split_once("readable ") {
            readable = Some(flag == "true");
        }
    }
    let status = child.wait().expect("reap the child");
    let Some(message) = refused else {
        // The shell could not set the limit, or the child died: no mechanism here.
        eprintln!("full_disk: a file-size limit could not be set here ({status})");
        return false;
    };
    assert_clear(&message);
    assert_eq!(
        readable,
        Some(true),
        "the store still reads after the refusal"
    );
    assert_undamaged(&path, &written);
    eprintln!(
        "full_disk: a 1 MB file-size limit was reached after {} rollouts; refused with: \
         {message}",
        written.len()
    );
    true
}

#[test]
fn a_full_disk_refuses_the_write_clearly_and_damages_nothing() {
    let tmpfs = on_a_tiny_tmpfs();
    assert!(
        tmpfs || !running_as_root(),
        "running as root, yet a 2 MB tmpfs could not be mounted: this container forbids \
         mounts, so the real full disk was not tried (run with mount rights, or not as root)"
    );
    assert!(
        under_a_file_size_limit(),
        "a file-size limit (ulimit -f) could not be set, so a full disk was not simulated"
    );
}

/// Only root may mount a tmpfs; elsewhere the file-size limit stands in for it.
fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}
