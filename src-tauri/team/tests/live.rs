//! An open app hears of a teammate's accepted change within moments: the listener on
//! one copy wakes when another copy's push is accepted, and stays quiet otherwise.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::{edit_rollout, sync, Team};
use rollplan_team::live::Listener;

#[test]
fn a_teammates_accepted_change_wakes_the_listener_within_two_seconds() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    let mut listener = Listener::open(&ben, None).expect("Ben's copy listens to its team");
    assert!(
        listener.can_write,
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
    let refused = Listener::open(&lone, None).expect_err("a file not joined has no team");
    assert!(
        matches!(refused, rollplan_team::TeamError::NotJoined),
        "the refusal says the file is not in a team, got {refused}"
    );
}
