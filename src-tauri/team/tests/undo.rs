//! Undo in a team workspace: an undo is a change like any other, so it reaches the
//! other laptops; a teammate's change pulled in since makes the undo of the same record
//! refused, with nothing changed.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{edit_rollout, rollout, sync, Team};
use rollplan_core::{ErrorCode, Store};

/// The workspace at `path` as the app opens it: every action recorded to undo.
fn app(path: &std::path::Path) -> Store {
    let store = Store::open(path).expect("open the workspace");
    store.record_undo().expect("undo recording starts");
    store
}

#[test]
fn an_undo_reaches_the_team_and_a_pulled_change_makes_it_stale() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    let store = app(&anna);
    let before = store.get_rollout(&id).unwrap();
    let mut draft = before.draft();
    draft.owner = "Anna Lee".into();
    store
        .update_rollout(&id, before.row_version, &draft)
        .unwrap();
    sync(&anna);
    sync(&ben);
    assert_eq!(rollout(&ben, &id).owner, "Anna Lee");

    store.undo().expect("the edit is undone");
    sync(&anna);
    sync(&ben);
    assert_eq!(
        rollout(&ben, &id).owner,
        "",
        "the undo travels to the team like any edit"
    );

    store.redo().expect("and redone");
    sync(&anna);
    sync(&ben);
    // Ben changes the same record; Anna pulls it before she undoes.
    edit_rollout(&ben, &id, |d| d.owner = "Ben Ortiz".into());
    sync(&ben);
    sync(&anna);
    assert_eq!(rollout(&anna, &id).owner, "Ben Ortiz");
    let refused = store
        .undo()
        .expect_err("undoing over a teammate's change is refused");
    assert_eq!(refused.code(), ErrorCode::Conflict, "{refused}");
    assert_eq!(
        rollout(&anna, &id).owner,
        "Ben Ortiz",
        "a refused undo leaves the teammate's change in place"
    );
}
