//! What must hold when things go wrong: a change sent twice counts once, a pull stopped
//! before its commit leaves nothing half-applied, a newer or missing team schema is
//! refused with everything left as it was, and a viewer cannot write even through raw
//! SQL.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{count, edit_rollout, rollout, sync, Team};
use rollplan_core::Store;
use rollplan_team::{ServerAddress, TeamError, SERVER_SCHEMA_VERSION};
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
fn a_server_with_a_newer_team_schema_is_refused_and_nothing_changes() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    team.server()
        .execute(
            "UPDATE rollplan.meta SET schema_version = $1",
            &[&(SERVER_SCHEMA_VERSION + 1)],
        )
        .unwrap();
    let accepted = team.accepted_changes();

    let refused = rollplan_team::sync::sync(&anna, None).unwrap_err();
    assert!(
        matches!(refused, TeamError::NewerServerSchema { .. }),
        "refused as newer: {refused}"
    );
    assert!(
        refused.to_string().contains("update Rollplan"),
        "the message says what to do: {refused}"
    );
    assert_eq!(
        team.accepted_changes(),
        accepted,
        "nothing was sent to the newer server"
    );
    assert_eq!(
        count(&anna, "SELECT count(*) FROM team_outbox"),
        1,
        "the edit still waits on the laptop"
    );
    assert_eq!(
        rollout(&anna, &id).owner,
        "Anna Lee",
        "the local edit is untouched"
    );

    let ben = team.file("ben");
    let refused = rollplan_team::setup::join(&ben, &team.address(), |_, _| {}).unwrap_err();
    assert!(
        matches!(refused, TeamError::NewerServerSchema { .. }),
        "a join is refused too: {refused}"
    );
    assert!(!ben.exists(), "a refused join leaves no file behind");
}

#[test]
fn a_database_that_is_not_a_team_says_so() {
    let team = Team::without_schema();
    let path = team.file("anna");
    Store::open(&path)
        .unwrap()
        .create_rollout(&common::draft("Kiosks"))
        .unwrap();
    let refused = rollplan_team::setup::publish(&path, &team.address()).unwrap_err();
    assert!(
        matches!(refused, TeamError::NotATeam { .. }),
        "refused: {refused}"
    );
    assert!(
        refused.to_string().contains("is not a Rollplan team"),
        "the message says so: {refused}"
    );
    assert!(
        matches!(
            rollplan_team::setup::status(&path),
            Err(TeamError::NotJoined)
        ),
        "the local workspace is not linked to anything"
    );

    rollplan_team::setup::init(&team.address()).unwrap();
    let again = rollplan_team::setup::init(&team.address()).unwrap_err();
    assert!(
        matches!(again, TeamError::AlreadyATeam { .. }),
        "a second init is refused: {again}"
    );
}

#[test]
fn an_unreachable_server_gets_a_clear_message() {
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("anna.db");
    Store::open(&path).unwrap();
    let nowhere = format!(
        "postgresql://dana:secret@{}/team",
        files.path().to_string_lossy().replace('/', "%2F")
    );
    let address = ServerAddress::parse(&nowhere, None).unwrap();
    let refused = rollplan_team::setup::publish(&path, &address).unwrap_err();
    assert!(
        matches!(refused, TeamError::Unreachable { .. }),
        "refused as unreachable: {refused}"
    );
    assert!(
        refused.to_string().contains("could not be reached"),
        "the message says so: {refused}"
    );
    assert!(
        !refused.to_string().contains("secret"),
        "the message never shows the password: {refused}"
    );
}

#[test]
fn a_viewer_cannot_write_even_through_raw_sql_and_an_editor_is_named() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    team.server()
        .batch_execute(
            "CREATE ROLE vera LOGIN IN ROLE rollplan_viewer;
             CREATE ROLE eddie LOGIN IN ROLE rollplan_editor;",
        )
        .unwrap();

    let mut vera = team.cluster.client_as(&team.database, "vera");
    let rows: i64 = vera
        .query_one("SELECT count(*) FROM rollplan.rows", &[])
        .unwrap()
        .get(0);
    assert!(rows > 0, "a viewer reads the team's rows");
    for write in [
        "INSERT INTO rollplan.rows (table_name, row_id) VALUES ('rollouts', '[\"x\"]')",
        "UPDATE rollplan.rows SET deleted = true",
        "DELETE FROM rollplan.changes",
        "SELECT rollplan.push_change(gen_random_uuid(), gen_random_uuid(), 'rollouts', '[\"x\"]', 0, '{}')",
    ] {
        let refused = vera.batch_execute(write).unwrap_err();
        assert_eq!(
            refused.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "a viewer may not run {write}: {refused}"
        );
    }
    let mut eddie = team.cluster.client_as(&team.database, "eddie");
    assert!(
        eddie
            .batch_execute("UPDATE rollplan.rows SET deleted = true")
            .is_err(),
        "an editor changes the team only through push_change, never the tables directly"
    );

    let vera_copy = team.file("vera");
    rollplan_team::setup::join(&vera_copy, &team.address_for("vera"), |_, _| {}).unwrap();
    edit_rollout(&vera_copy, &id, |d| d.owner = "Vera".into());
    let refused = rollplan_team::sync::sync(&vera_copy, None).unwrap_err();
    assert!(
        matches!(refused, TeamError::ViewerOnly),
        "the app says a viewer cannot change: {refused}"
    );
    assert_eq!(
        count(&vera_copy, "SELECT count(*) FROM team_outbox"),
        1,
        "the viewer's edit stays on the laptop"
    );

    let eddie_copy = team.file("eddie");
    rollplan_team::setup::join(&eddie_copy, &team.address_for("eddie"), |_, _| {}).unwrap();
    edit_rollout(&eddie_copy, &id, |d| d.owner = "Eddie".into());
    sync(&eddie_copy);
    let author: String = team
        .server()
        .query_one(
            "SELECT author FROM rollplan.changes ORDER BY seq DESC LIMIT 1",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        author, "eddie",
        "every accepted change is kept with who made it"
    );
    sync(&anna);
    assert_eq!(
        rollout(&anna, &id).owner,
        "Eddie",
        "an editor's change reaches the others"
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
fn the_server_rule_answers_a_resend_with_its_first_answer_and_an_empty_change_with_nothing() {
    let team = Team::new();
    let mut server = team.server();
    let push = "SELECT rollplan.push_change($1, $2, 'rollouts', '[\"r1\"]', $3, $4)::text";
    let (change, replica) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
    let fields = serde_json::json!({"id": "r1", "name": "Kiosks"});
    let first: String = server
        .query_one(push, &[&change, &replica, &0_i64, &fields])
        .unwrap()
        .get(0);
    let other = serde_json::json!({"id": "r1", "name": "Something else"});
    let again: String = server
        .query_one(push, &[&change, &replica, &0_i64, &other])
        .unwrap()
        .get(0);
    assert_eq!(
        again, first,
        "the same change id gets the same answer, whatever it carries"
    );
    let name: String = server
        .query_one(
            "SELECT fields ->> 'name' FROM rollplan.rows WHERE row_id = '[\"r1\"]'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(name, "Kiosks", "a resend changes nothing");

    let empty = serde_json::json!({});
    server
        .query_one(
            push.replace("r1", "r2").as_str(),
            &[&uuid::Uuid::now_v7(), &replica, &0_i64, &empty],
        )
        .unwrap();
    let rows: i64 = server
        .query_one(
            "SELECT count(*) FROM rollplan.rows WHERE row_id = '[\"r2\"]'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        rows, 0,
        "a change without fields makes no row a later join would have to fill"
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
