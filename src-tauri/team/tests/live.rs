//! An open app hears of a teammate's accepted change within moments: the session of
//! one copy wakes when another copy's push is accepted, and stays quiet otherwise; and
//! it keeps its one connection from sync to sync.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::{edit_rollout, sync, Team};
use rollplan_team::session::Session;

#[test]
fn a_teammates_accepted_change_wakes_the_listener_within_two_seconds() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    let mut listener = Session::open(&ben, None).expect("Ben's copy connects to its team");
    listener.listen().expect("Ben's copy listens to its team");
    assert!(
        listener.can_write(),
        "the team's creator is an administrator, who may change the workspace"
    );
    assert!(
        !listener.wait(Duration::from_millis(300)).unwrap(),
        "nothing was accepted, so the listener must stay quiet"
    );

    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    let sent = Instant::now();
    sync(&anna);
    assert!(
        listener.wait(Duration::from_secs(2)).unwrap(),
        "an accepted change must wake a listening copy"
    );
    assert!(
        sent.elapsed() < Duration::from_secs(2),
        "the news must arrive within two seconds of the push"
    );
    assert!(
        !listener.wait(Duration::from_millis(200)).unwrap(),
        "one push is one piece of news, not a stream"
    );
}

#[test]
fn a_copy_not_in_a_team_cannot_listen() {
    let team = Team::new();
    let lone = team.file("lone");
    drop(rollplan_core::Store::open(&lone).unwrap());
    let refused = Session::open(&lone, None).expect_err("a file not joined has no team");
    assert!(
        matches!(refused, rollplan_team::TeamError::NotJoined),
        "the refusal says the file is not in a team, got {refused}"
    );
}

#[test]
fn a_session_syncs_again_and_again_on_one_connection() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");
    // Whether the team's database takes new connections (no one's, a superuser's
    // included, while it does not).
    let connections = |allowed: bool| {
        team.cluster
            .admin("postgres")
            .batch_execute(&format!(
                "ALTER DATABASE {} WITH ALLOW_CONNECTIONS {allowed}",
                team.database
            ))
            .unwrap();
    };

    let mut session = Session::open(&ben, None).expect("Ben's copy connects to its team");
    session.listen().unwrap();
    for round in 0..3 {
        edit_rollout(&anna, &id, |d| d.owner = format!("Owner {round}"));
        sync(&anna);
        connections(false);
        assert!(
            Session::open(&ben, None).is_err(),
            "no new connection can be made now"
        );
        assert!(
            session.wait(Duration::from_secs(2)).unwrap(),
            "round {round} is heard"
        );
        let report = session
            .sync()
            .expect("the session syncs on the connection it has");
        connections(true);
        assert_eq!(report.received, 1, "round {round}'s change arrives");
        assert_eq!(
            common::rollout(&ben, &id).owner,
            format!("Owner {round}"),
            "Ben's file holds round {round}'s change"
        );
    }

    // The administrator's name given meanwhile: the next sync knows it, on the same
    // connection.
    rollplan_team::members::add(
        &team.address(),
        "postgres",
        rollplan_team::members::Role::Admin,
        Some("Dana Whitfield"),
    )
    .unwrap();
    assert!(session.can_write());
    session.sync().unwrap();
    assert_eq!(
        session.admin(),
        "Dana Whitfield",
        "each sync learns again whom to ask"
    );

    // The server restarted: the session's connection is gone, and a new one carries on.
    team.cluster.restart();
    assert!(
        session.sync().is_err(),
        "a session whose connection was cut says so rather than pretending to sync"
    );
    edit_rollout(&ben, &id, |d| d.goal = "After the restart".into());
    let mut again = Session::open(&ben, None).expect("a new session reconnects");
    assert_eq!(
        again.sync().unwrap().sent,
        1,
        "the change waiting meanwhile goes up"
    );
}
