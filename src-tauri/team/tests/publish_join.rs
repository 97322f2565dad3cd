//! A whole workspace through the team: the sample clinic (every kind of record, keys of
//! one and of two columns, foreign keys, frozen SOP revisions) published and joined,
//! captured as it is created on one copy and applied on another, and purged.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::NaiveDate;
use common::{content, count, sync, Team};
use rollplan_core::demo::seed_sample_clinic;
use rollplan_core::Store;
use rollplan_team::TeamError;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

#[test]
fn a_published_workspace_is_joined_as_an_identical_copy() {
    let team = Team::new();
    let anna = team.file("anna");
    seed_sample_clinic(&Store::open(&anna).unwrap(), today()).unwrap();
    let published = rollplan_team::setup::publish(&anna, &team.address()).unwrap();
    assert!(
        published.rows > 100,
        "the sample clinic goes up whole ({} rows)",
        published.rows
    );

    let ben = team.file("ben");
    let mut heard = Vec::new();
    let joined = rollplan_team::setup::join(&ben, &team.address(), |table, rows| {
        heard.push((table.to_owned(), rows))
    })
    .unwrap();
    assert_eq!(
        joined.rows, published.rows,
        "every published row comes down"
    );
    assert_eq!(
        heard, joined.tables,
        "the join reports each table as it is written"
    );
    let position = |name: &str| heard.iter().position(|(t, _)| t == name).unwrap();
    assert!(
        position("rollouts") < position("plan_tasks"),
        "parents are written before children"
    );
    assert_eq!(
        content(&anna),
        content(&ben),
        "the joined copy holds exactly the published workspace"
    );
    assert_eq!(
        count(&ben, "SELECT count(*) FROM team_outbox"),
        0,
        "a join sends nothing back"
    );
    let check = rollplan_core::check::check_file(&ben).unwrap();
    assert!(
        check.is_healthy(),
        "the joined file passes the core's own check (integrity, foreign keys, schema): {:?}",
        check.integrity_problems
    );
    assert!(
        Store::open(&ben).unwrap().list_rollouts().unwrap().len() >= 2,
        "the core reads the joined copy like any workspace"
    );
    let found = Store::open(&ben)
        .unwrap()
        .search_sops("downtime", 10)
        .unwrap();
    assert!(
        found.iter().any(|hit| hit.code == "EHR-004"),
        "the joined copy's SOP library is searchable: {found:?}"
    );

    let again = rollplan_team::setup::join(&ben, &team.address(), |_, _| {}).unwrap_err();
    assert!(
        matches!(again, TeamError::Refused(_)),
        "a join never writes into an existing file: {again}"
    );
    let twice = rollplan_team::setup::publish(&ben, &team.address()).unwrap_err();
    assert!(
        matches!(twice, TeamError::AlreadyJoined { .. }),
        "a joined copy cannot publish: {twice}"
    );
}

#[test]
fn a_workspace_created_on_one_copy_arrives_on_the_other_and_a_purge_travels() {
    let team = Team::new();
    let anna = team.file("anna");
    Store::open(&anna).unwrap();
    rollplan_team::setup::publish(&anna, &team.address()).unwrap();
    let ben = team.join("ben");

    let rollouts = seed_sample_clinic(&Store::open(&ben).unwrap(), today()).unwrap();
    let waiting = rollplan_team::setup::status(&ben).unwrap().changes_waiting;
    assert!(
        waiting > 100,
        "every row the sample creates is captured ({waiting})"
    );
    let sent = sync(&ben);
    assert_eq!(sent.new_conflicts, 0, "new rows conflict with nothing");
    sync(&anna);
    assert_eq!(
        content(&anna),
        content(&ben),
        "everything created on Ben's copy arrives on Anna's"
    );

    let purged = &rollouts[0];
    let store = Store::open(&anna).unwrap();
    store.trash_rollout(&purged.id).unwrap();
    store.purge_rollout(&purged.id).unwrap();
    drop(store);
    sync(&anna);
    sync(&ben);
    assert_eq!(
        count(
            &ben,
            &format!(
                "SELECT count(*) FROM plan_tasks WHERE rollout_id = '{}'",
                purged.id
            )
        ),
        0,
        "a purged rollout's tasks are gone on every copy"
    );
    assert_eq!(
        content(&anna),
        content(&ben),
        "the copies agree after the purge"
    );

    let carl = team.join("carl");
    assert_eq!(
        content(&carl),
        content(&anna),
        "a later join gets the workspace as it now stands"
    );
}

#[test]
fn leaving_keeps_the_local_copy_and_stops_the_capture() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let before = content(&anna);
    let left = rollplan_team::setup::leave(&anna).unwrap();
    assert_eq!(left.unsent, 0, "nothing was waiting");
    assert_eq!(content(&anna), before, "every row stays");
    common::edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    assert_eq!(
        count(&anna, "SELECT count(*) FROM team_outbox"),
        0,
        "edits after leaving are not captured"
    );
    assert!(
        matches!(
            rollplan_team::sync::sync(&anna, None),
            Err(TeamError::NotJoined)
        ),
        "a copy that left has nothing to sync"
    );
}
