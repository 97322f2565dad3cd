//! Two laptops sharing one workspace through a real PostgreSQL server: edits of
//! different fields merge, edits of the same field conflict and each resolution does
//! what it says, offline edits are replayed, trash, restore and purge travel.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{count, edit_rollout, rollout, sync, Team};
use rollplan_core::Store;
use rollplan_team::conflicts::{self, Keep};

#[test]
fn different_fields_of_one_record_merge() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");
    assert_eq!(
        rollout(&ben, &id).name,
        "Check-in kiosks",
        "a join copies the workspace down"
    );

    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    edit_rollout(&ben, &id, |d| {
        d.goal = "Shorter queues at the front desk".into()
    });
    let before = rollout(&anna, &id).row_version;
    sync(&anna);
    let ben_sync = sync(&ben);
    assert_eq!(
        ben_sync.new_conflicts, 0,
        "different fields must not conflict"
    );
    sync(&anna);

    for (who, path) in [("anna", &anna), ("ben", &ben)] {
        let r = rollout(path, &id);
        assert_eq!(r.owner, "Anna Lee", "{who} has Anna's owner");
        assert_eq!(
            r.goal, "Shorter queues at the front desk",
            "{who} has Ben's goal"
        );
    }
    assert!(
        rollout(&anna, &id).row_version > before,
        "a pulled change bumps row_version, so an open form on Anna's laptop notices it"
    );
    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "both copies hold the same workspace"
    );
}

#[test]
fn the_same_field_conflicts_and_each_resolution_does_what_it_says() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    edit_rollout(&anna, &id, |d| {
        d.name = "Kiosks (Anna)".into();
        d.goal = "Anna's goal".into();
    });
    edit_rollout(&ben, &id, |d| {
        d.name = "Kiosks (Ben)".into();
        d.goal = "Ben's goal".into();
    });
    sync(&anna);
    let report = sync(&ben);
    assert_eq!(
        report.new_conflicts, 2,
        "both fields changed by both are conflicts"
    );

    let open = conflicts::list(&ben).unwrap();
    let name = open
        .iter()
        .find(|c| c.field == "name")
        .expect("a conflict on the name");
    assert_eq!(name.yours, "Kiosks (Ben)", "yours is Ben's value");
    assert_eq!(
        name.record.as_deref(),
        Some("Kiosks (Ben)"),
        "the conflict names the record as this copy shows it"
    );
    assert_eq!(name.theirs, "Kiosks (Anna)", "theirs is Anna's value");
    assert_eq!(
        name.theirs_by, "postgres",
        "theirs names the login that made it"
    );
    assert!(
        name.theirs_at.starts_with("20") && name.theirs_at.ends_with('Z'),
        "theirs says when, in UTC as every time in the file: {}",
        name.theirs_at
    );
    assert_eq!(
        rollout(&ben, &id).name,
        "Kiosks (Ben)",
        "nothing is overwritten before Ben decides"
    );
    let goal = open
        .iter()
        .find(|c| c.field == "goal")
        .expect("a conflict on the goal");

    conflicts::resolve(&ben, name.id, Keep::Theirs).unwrap();
    assert_eq!(
        rollout(&ben, &id).name,
        "Kiosks (Anna)",
        "keeping theirs writes their value here"
    );
    conflicts::resolve(&ben, goal.id, Keep::Mine).unwrap();
    assert!(
        conflicts::list(&ben).unwrap().is_empty(),
        "both conflicts are decided"
    );

    let report = sync(&ben);
    assert_eq!(
        report.new_conflicts, 0,
        "keeping mine after seeing theirs is accepted"
    );
    sync(&anna);
    let r = rollout(&anna, &id);
    assert_eq!(
        r.goal, "Ben's goal",
        "keeping mine sends Ben's value to everyone"
    );
    assert_eq!(r.name, "Kiosks (Anna)", "keeping theirs sends nothing back");
    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "the copies agree after resolving"
    );
}

#[test]
fn offline_edits_are_replayed_by_one_sync() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    let store = Store::open(&ben).unwrap();
    let second = store
        .create_rollout(&common::draft("Patient portal"))
        .unwrap();
    drop(store);
    edit_rollout(&ben, &second.id, |d| d.owner = "Ben Ortiz".into());
    edit_rollout(&ben, &id, |d| d.scope_in = "Both front desks".into());
    let waiting = rollplan_team::setup::status(&ben).unwrap().changes_waiting;
    assert!(
        waiting >= 3,
        "every offline edit waits on the laptop (waiting: {waiting})"
    );

    sync(&ben);
    assert_eq!(
        rollplan_team::setup::status(&ben).unwrap().changes_waiting,
        0,
        "all were sent"
    );
    sync(&anna);
    assert_eq!(
        rollout(&anna, &second.id).owner,
        "Ben Ortiz",
        "the new rollout arrives with its edit"
    );
    assert_eq!(
        rollout(&anna, &id).scope_in,
        "Both front desks",
        "the edit of the shared rollout arrives"
    );
    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "the copies agree"
    );
}

#[test]
fn trash_restore_and_purge_travel() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    Store::open(&anna).unwrap().trash_rollout(&id).unwrap();
    sync(&anna);
    sync(&ben);
    assert!(
        rollout(&ben, &id).deleted_at.is_some(),
        "the rollout is in the trash on Ben's copy too"
    );

    Store::open(&ben).unwrap().restore_rollout(&id).unwrap();
    sync(&ben);
    sync(&anna);
    assert!(
        rollout(&anna, &id).deleted_at.is_none(),
        "the restore reaches Anna"
    );

    let store = Store::open(&anna).unwrap();
    store.trash_rollout(&id).unwrap();
    store.purge_rollout(&id).unwrap();
    drop(store);
    sync(&anna);
    sync(&ben);
    assert_eq!(
        count(
            &ben,
            &format!("SELECT count(*) FROM rollouts WHERE id = '{id}'")
        ),
        0,
        "a purge deletes the rollout on every copy"
    );
    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "the copies agree"
    );
}

#[test]
fn an_edit_of_a_record_someone_purged_is_a_conflict_and_cannot_bring_it_back_by_half() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    let store = Store::open(&anna).unwrap();
    store.trash_rollout(&id).unwrap();
    store.purge_rollout(&id).unwrap();
    drop(store);
    sync(&anna);
    edit_rollout(&ben, &id, |d| d.owner = "Ben Ortiz".into());
    let report = sync(&ben);
    assert_eq!(
        report.new_conflicts, 1,
        "Ben's edit of the purged rollout is a conflict"
    );

    let open = conflicts::list(&ben).unwrap();
    assert_eq!(open.len(), 1, "one conflict, on the owner");
    assert!(open[0].theirs_deleted, "theirs is the purge");
    let refused = conflicts::resolve(&ben, open[0].id, Keep::Mine).unwrap_err();
    assert!(
        refused.to_string().contains("purged this record"),
        "keeping one field of a purged record is refused with the reason: {refused}"
    );
    conflicts::resolve(&ben, open[0].id, Keep::Theirs).unwrap();
    sync(&ben);
    assert_eq!(
        count(
            &ben,
            &format!("SELECT count(*) FROM rollouts WHERE id = '{id}'")
        ),
        0,
        "keeping theirs leaves the rollout purged on Ben's copy"
    );
    let rows: i64 = team
        .server()
        .query_one(
            "SELECT count(*) FROM rollplan.rows WHERE NOT deleted AND table_name = 'rollouts'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        rows, 0,
        "the server never revived the rollout with only an owner"
    );
    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "the copies agree"
    );
}

#[test]
fn an_edit_waiting_here_when_theirs_arrives_is_a_conflict_and_later_edits_wait_for_the_decision() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    sync(&anna);
    edit_rollout(&ben, &id, |d| d.owner = "Ben Ortiz".into());
    // Ben's copy pulls before it has sent its edit (the app writing while a sync runs).
    rollplan_team::sync::pull_with(&ben, None, |_| Ok(())).unwrap();
    assert_eq!(
        rollout(&ben, &id).owner,
        "Ben Ortiz",
        "Ben's unsent edit is not overwritten"
    );
    let open = conflicts::list(&ben).unwrap();
    assert_eq!(open.len(), 1, "the pull found the conflict");
    assert_eq!(open[0].theirs, "Anna Lee", "theirs is Anna's value");

    // Another edit of the same field before deciding: it must not reach the team by
    // itself, since Ben's copy never showed him Anna's value.
    edit_rollout(&ben, &id, |d| d.owner = "Ben O.".into());
    sync(&ben);
    sync(&anna);
    assert_eq!(
        rollout(&anna, &id).owner,
        "Anna Lee",
        "nothing of Ben's overwrote Anna's value"
    );
    let open = conflicts::list(&ben).unwrap();
    assert_eq!(open.len(), 1, "still one conflict");
    assert_eq!(
        open[0].yours, "Ben O.",
        "the conflict holds Ben's latest value"
    );

    conflicts::resolve(&ben, open[0].id, Keep::Mine).unwrap();
    sync(&ben);
    sync(&anna);
    assert_eq!(
        rollout(&anna, &id).owner,
        "Ben O.",
        "keeping mine sends Ben's latest value"
    );
    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "the copies agree"
    );
}

#[test]
fn an_older_change_pulled_after_this_copys_newer_one_was_accepted_does_not_win_here() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");
    edit_rollout(&ben, &id, |d| {
        d.goal = "Triage".into();
        d.owner = "Ben Ortiz".into();
    });
    sync(&ben);

    // Offline, Anna writes Ben's goal too (the server accepts it: the same value), then
    // a newer goal (accepted: hers was the latest), and an owner of her own (a conflict
    // with Ben's). Her sync then pulls Ben's older goal after hers were accepted.
    edit_rollout(&anna, &id, |d| d.goal = "Triage".into());
    edit_rollout(&anna, &id, |d| d.goal = "Scanning".into());
    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    let report = sync(&anna);
    assert_eq!(report.new_conflicts, 1, "only the owner conflicts");
    assert_eq!(
        rollout(&anna, &id).goal,
        "Scanning",
        "Anna's newer goal, which the team accepted, is not undone by Ben's older one"
    );

    let open = conflicts::list(&anna).unwrap();
    conflicts::resolve(&anna, open[0].id, Keep::Theirs).unwrap();
    sync(&anna);
    sync(&ben);
    assert_eq!(
        common::content(&anna),
        common::content(&ben),
        "both copies hold the team's workspace"
    );
    assert_eq!(rollout(&ben, &id).goal, "Scanning", "Ben has Anna's goal");
}
