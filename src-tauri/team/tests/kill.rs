//! The laptop killed (SIGKILL) at random moments of a push and of a pull, and the
//! server restarted (`pg_ctl restart -m fast`) in the middle of a sync: each time the
//! next sync carries on, and in the end every edit committed on the laptop is on the
//! server exactly once and every copy holds the same workspace.
//!
//! The process killed is this test binary, started again to run only [`child_sync`]
//! (ignored in a normal run), so the kill lands in the real sync code and nothing of
//! the test's own is in the way. The moments are drawn from a seeded generator over
//! the time a whole sync of the same size took, measured first.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{content_hash, count, sync, Dice, Team};
use rollplan_core::Store;
use rusqlite::Connection;

/// Names the copy the child process syncs.
const CHILD_DB: &str = "ROLLPLAN_TEAM_TEST_CHILD_DB";

/// Not a test of its own: the process the tests below start and kill. Without the
/// variable naming a copy it has nothing to do.
#[test]
#[ignore = "started and killed by the fault tests in this file"]
fn child_sync() {
    let Ok(db) = std::env::var(CHILD_DB) else {
        return;
    };
    rollplan_team::sync::sync(Path::new(&db), None).expect("the child's sync");
}

fn spawn_sync(db: &Path) -> Child {
    Command::new(std::env::current_exe().expect("the test binary"))
        .args(["child_sync", "--exact", "--ignored", "--test-threads=1"])
        .env(CHILD_DB, db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the child sync")
}

/// A whole sync in a child process, as long as it takes (the scale for the moments).
fn timed_sync(db: &Path) -> Duration {
    let started = Instant::now();
    let status = spawn_sync(db).wait().unwrap();
    assert!(status.success(), "an undisturbed sync succeeds");
    started.elapsed()
}

/// Starts a sync of `db` and kills it with SIGKILL after `delay`; whether it was still
/// running when killed.
fn kill_sync_after(db: &Path, delay: Duration) -> bool {
    let mut child = spawn_sync(db);
    std::thread::sleep(delay);
    let running = child.try_wait().unwrap().is_none();
    // Child::kill is SIGKILL on Unix: no handler, no cleanup, as when a laptop dies.
    child.kill().unwrap();
    child.wait().unwrap();
    running
}

/// A moment in `0..scale`.
fn moment(dice: &mut Dice, scale: Duration) -> Duration {
    let millis = u64::try_from(scale.as_millis()).unwrap().max(1);
    Duration::from_millis(dice.below(millis as usize) as u64)
}

/// A copy publishing the team's workspace and one joined to it, both with many rollouts.
struct Setup {
    team: Team,
    anna: PathBuf,
    ben: PathBuf,
    /// Every change id that ever waited in Anna's outbox.
    enqueued: BTreeSet<String>,
    /// The changes the publish put on the server.
    published: i64,
    round: usize,
}

impl Setup {
    fn new() -> Self {
        let team = Team::new();
        let anna = team.file("anna");
        let store = Store::open(&anna).unwrap();
        for i in 0..300 {
            store
                .create_rollout(&common::draft(&format!("Rollout {i}")))
                .unwrap();
        }
        drop(store);
        rollplan_team::setup::publish(&anna, &team.address()).unwrap();
        let published = team.accepted_changes();
        let ben = team.join("ben");
        Self {
            team,
            anna,
            ben,
            enqueued: BTreeSet::new(),
            published,
            round: 0,
        }
    }

    /// Commits a round of edits on Anna's copy (a few new rollouts and a change to
    /// every rollout's goal, each captured as a change of its own) and notes their ids.
    fn edit(&mut self) {
        self.round += 1;
        let store = Store::open(&self.anna).unwrap();
        for i in 0..5 {
            store
                .create_rollout(&common::draft(&format!("Round {} rollout {i}", self.round)))
                .unwrap();
        }
        drop(store);
        let conn = Connection::open(&self.anna).unwrap();
        conn.execute(
            "UPDATE rollouts SET goal = ?1",
            [format!("Goal of round {}", self.round)],
        )
        .unwrap();
        let mut statement = conn.prepare("SELECT change_id FROM team_outbox").unwrap();
        let ids = statement
            .query_map([], |row| row.get::<_, String>(0))
            .unwrap();
        for id in ids {
            self.enqueued.insert(id.unwrap());
        }
    }

    /// After both copies synced to the end: Anna's every change is on the server once,
    /// and Anna's, Ben's and a fresh copy's workspaces are the same.
    fn check(&self) {
        for copy in [&self.anna, &self.ben] {
            sync(copy);
        }
        assert_eq!(
            count(&self.anna, "SELECT count(*) FROM team_outbox"),
            0,
            "every change of Anna's was answered"
        );
        let replica: String = Connection::open(&self.anna)
            .unwrap()
            .query_row("SELECT replica_id FROM team_link", [], |row| row.get(0))
            .unwrap();
        let mut server = self.team.server();
        let on_server: Vec<String> = server
            .query(
                "SELECT change_id::text FROM rollplan.changes WHERE replica_id::text = $1
                  ORDER BY seq",
                &[&replica],
            )
            .unwrap()
            .iter()
            .map(|row| row.get(0))
            .collect();
        let distinct: BTreeSet<String> = on_server.iter().cloned().collect();
        assert_eq!(
            distinct.len(),
            on_server.len(),
            "no change of Anna's is on the server twice"
        );
        assert_eq!(
            on_server.len() as i64 - self.published,
            self.enqueued.len() as i64,
            "every edit committed on Anna's laptop reached the server (besides the published rows)"
        );
        assert!(
            self.enqueued.is_subset(&distinct),
            "each of them by the change id it was made with"
        );
        assert_eq!(
            count(&self.ben, "SELECT count(*) FROM team_outbox"),
            0,
            "nothing pulled by Ben is sent back"
        );
        let carl = self.team.join(&format!("carl{}", self.round));
        let expected = content_hash(&carl);
        for copy in [&self.anna, &self.ben] {
            assert_eq!(
                content_hash(copy),
                expected,
                "{} holds what the server holds",
                copy.display()
            );
        }
    }
}

#[test]
fn a_laptop_killed_at_ten_random_moments_of_a_push_and_of_a_pull_loses_and_doubles_nothing() {
    let mut setup = Setup::new();
    let mut dice = Dice(20_261_206);
    setup.edit();
    let push_scale = timed_sync(&setup.anna);
    let pull_scale = timed_sync(&setup.ben);
    // Ten kills of each at random moments; a kill can come after a quicker sync has
    // already ended, so rounds go on (up to thirty) until five of each landed mid-sync.
    let (mut pushes_hit, mut pulls_hit, mut rounds) = (0, 0, 0);
    while rounds < 10 || ((pushes_hit < 5 || pulls_hit < 5) && rounds < 30) {
        rounds += 1;
        setup.edit();
        pushes_hit += usize::from(kill_sync_after(&setup.anna, moment(&mut dice, push_scale)));
        pulls_hit += usize::from(kill_sync_after(&setup.ben, moment(&mut dice, pull_scale)));
    }
    eprintln!(
        "push scale {push_scale:?}, pull scale {pull_scale:?}, kills while running: push \
         {pushes_hit}/{rounds}, pull {pulls_hit}/{rounds}"
    );
    assert!(
        pushes_hit >= 5 && pulls_hit >= 5,
        "kills land while the sync runs (push {pushes_hit}/{rounds}, pull {pulls_hit}/{rounds})"
    );
    setup.check();
}

#[test]
fn the_server_restarted_in_the_middle_of_a_sync_loses_and_doubles_nothing() {
    let mut setup = Setup::new();
    let mut dice = Dice(615);
    setup.edit();
    let push_scale = timed_sync(&setup.anna);
    let pull_scale = timed_sync(&setup.ben);
    for _ in 0..3 {
        for (copy, scale) in [
            (setup.anna.clone(), push_scale),
            (setup.ben.clone(), pull_scale),
        ] {
            setup.edit();
            let mut child = spawn_sync(&copy);
            std::thread::sleep(moment(&mut dice, scale));
            setup.team.cluster.restart();
            // Cut off or done: either way it ends by itself.
            child.wait().unwrap();
        }
    }
    setup.check();
}
