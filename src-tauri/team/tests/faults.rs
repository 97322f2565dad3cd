//! What must hold when the laptop's side goes wrong: a change sent again counts once, a
//! pull stopped before its commit leaves nothing half-applied, a record added offline to
//! a rollout someone purged stops nobody, and a copy put back from a backup gets back
//! what it had sent.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{count, edit_rollout, rollout, sync, Team};
use rollplan_core::Store;
use rollplan_team::TeamError;
use rusqlite::Connection;

#[test]
fn a_change_sent_again_has_no_effect_the_second_time() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());

    // What a laptop killed after the server committed, but before it cleared its outbox,
    // would send again: the same rows with the same change ids.
    let conn = Connection::open(&anna).unwrap();
    let waiting: Vec<(String, String, String, Option<String>, i64)> = conn
        .prepare("SELECT change_id, table_name, row_id, fields, based_on_seq FROM team_outbox")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!waiting.is_empty(), "the edit waits in the outbox");
    sync(&anna);
    let accepted = team.accepted_changes();
    for (change_id, table, row_id, fields, based_on) in &waiting {
        conn.execute(
            "INSERT INTO team_outbox (change_id, table_name, row_id, fields, based_on_seq)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![change_id, table, row_id, fields, based_on],
        )
        .unwrap();
    }
    drop(conn);
    let report = sync(&anna);
    assert_eq!(
        team.accepted_changes(),
        accepted,
        "a resent change adds nothing on the server"
    );
    assert_eq!(
        report.new_conflicts, 0,
        "a resent change is not a conflict with itself"
    );
    assert_eq!(
        count(&anna, "SELECT count(*) FROM team_outbox"),
        0,
        "the resent changes are answered"
    );

    let ben = team.join("ben");
    assert_eq!(
        rollout(&ben, &id).owner,
        "Anna Lee",
        "the change counted once, as sent"
    );
}

#[test]
fn a_pull_stopped_before_its_commit_leaves_nothing_half_applied() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");
    let store = Store::open(&anna).unwrap();
    let second = store
        .create_rollout(&common::draft("Patient portal"))
        .unwrap();
    drop(store);
    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    edit_rollout(&anna, &id, |d| d.goal = "Shorter queues".into());
    sync(&anna);
    let before = common::content(&ben);
    let pulled_before = rollplan_team::setup::status(&ben).unwrap().last_pulled_seq;

    let mut applied = 0;
    let stopped = rollplan_team::sync::pull_with(&ben, None, |_| {
        applied += 1;
        if applied == 2 {
            return Err(TeamError::Interrupted("stopped by the test".into()));
        }
        Ok(())
    });
    assert!(
        matches!(stopped, Err(TeamError::Interrupted(_))),
        "the pull reports that it stopped: {stopped:?}"
    );
    assert_eq!(
        applied, 2,
        "the pull was stopped in the middle of its changes"
    );
    assert_eq!(
        common::content(&ben),
        before,
        "nothing of a stopped pull is applied"
    );
    let status = rollplan_team::setup::status(&ben).unwrap();
    assert_eq!(
        status.last_pulled_seq, pulled_before,
        "the last pulled change stays where it was"
    );
    assert_eq!(
        count(&ben, "SELECT applying FROM team_link"),
        0,
        "the capture is not left silenced"
    );

    sync(&ben);
    assert_eq!(
        rollout(&ben, &second.id).name,
        "Patient portal",
        "the next pull applies everything"
    );
    assert_eq!(
        rollout(&ben, &id).goal,
        "Shorter queues",
        "the next pull applies everything"
    );
    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "the copies agree after the next pull"
    );
    assert_eq!(
        count(&ben, "SELECT count(*) FROM team_outbox"),
        0,
        "pulled changes are not sent back"
    );
}

#[test]
fn a_record_added_offline_to_a_rollout_someone_purged_does_not_stop_anyone_syncing() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    let store = Store::open(&anna).unwrap();
    store.trash_rollout(&id).unwrap();
    store.purge_rollout(&id).unwrap();
    drop(store);
    Store::open(&ben)
        .unwrap()
        .create_phase(&id, "Go-live week")
        .unwrap();
    sync(&anna);
    sync(&ben);
    sync(&anna);

    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "both copies hold what the server holds, the orphaned phase included"
    );
    assert_eq!(
        count(
            &anna,
            "SELECT count(*) FROM plan_phases WHERE name = 'Go-live week'"
        ),
        1,
        "Ben's phase is kept, not silently lost"
    );
    let orphans = Store::open(&anna).unwrap().orphaned_rows().unwrap();
    assert!(
        !orphans.is_empty(),
        "the core names the phase whose rollout is gone, for repair"
    );
}

#[test]
fn a_copy_put_back_from_an_older_backup_gets_back_what_it_had_sent() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");
    let older = team.file("anna-older");
    Connection::open(&anna)
        .unwrap()
        .execute("VACUUM INTO ?1", [older.to_str().unwrap()])
        .unwrap();

    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    sync(&anna);
    let before = rollout(&anna, &id).row_version;
    sync(&anna);
    assert_eq!(
        rollout(&anna, &id).row_version,
        before,
        "a copy's own change coming back changes nothing, not even the version an open form holds"
    );

    for companion in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{companion}", anna.display()));
    }
    std::fs::copy(&older, &anna).unwrap();
    assert_eq!(
        rollout(&anna, &id).owner,
        "",
        "the backup predates the edit"
    );
    sync(&anna);
    assert_eq!(
        rollout(&anna, &id).owner,
        "Anna Lee",
        "the edit Anna had sent comes back from the team"
    );
    sync(&ben);
    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "the copies agree"
    );
}
