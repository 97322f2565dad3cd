//! What the server enforces and refuses: a team schema newer than this build, a
//! database that is not a team, a server that cannot be reached, and the merge rule's
//! answer to a change sent twice (who may write is `members.rs`).

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{count, edit_rollout, rollout, Team};
use rollplan_core::Store;
use rollplan_team::{ServerAddress, TeamError, SERVER_SCHEMA_VERSION};

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
    let nothing_yet =
        rollplan_team::setup::join(&team.file("ben"), &team.address(), |_, _| {}).unwrap_err();
    assert!(
        nothing_yet.to_string().contains("no workspace yet"),
        "a team nobody has published to cannot be joined: {nothing_yet}"
    );
    assert!(
        !team.file("ben").exists(),
        "the refused join leaves no file"
    );
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
