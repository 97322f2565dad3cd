//! History with names: a change pulled from the team is recorded in the copy's own
//! audit log with who made it (the name the team knows them by, else their login) and
//! when, so a record's History panel tells team members' changes apart from one's own.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{edit_rollout, sync, Team};
use rollplan_core::audit::{AuditAction, AuditEntry, EntityKind};
use rollplan_core::Store;
use rollplan_team::members::{self, Role};

fn history(path: &std::path::Path, id: &str) -> Vec<AuditEntry> {
    Store::open(path)
        .unwrap()
        .history(EntityKind::Rollout, id)
        .unwrap()
}

#[test]
fn a_pulled_change_shows_its_author_by_name() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    let ben = team.join("ben");

    // Before the administrator gives the login a name, the login stands for itself.
    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    sync(&anna);
    sync(&ben);
    let latest = history(&ben, &id).remove(0);
    assert_eq!(
        latest.action,
        AuditAction::Update,
        "an edit is recorded as one"
    );
    assert_eq!(
        latest.by.as_deref(),
        Some("postgres"),
        "a member without a display name is named by their login"
    );
    assert_eq!(
        (
            latest.changes[0].field.as_str(),
            latest.changes[0].old.as_deref(),
            latest.changes[0].new.as_deref()
        ),
        ("owner", None, Some("Anna Lee")),
        "the entry says which field changed, from what to what"
    );

    members::add(
        &team.address(),
        "postgres",
        Role::Admin,
        Some("Dana Whitfield"),
    )
    .unwrap();
    edit_rollout(&anna, &id, |d| {
        d.goal = "Shorter queues".into();
        d.sites.push("Elm Road".into());
    });
    sync(&anna);
    sync(&ben);
    let latest = history(&ben, &id).remove(0);
    assert_eq!(
        latest.by.as_deref(),
        Some("Dana Whitfield"),
        "a pulled change names its author as the team knows them"
    );
    let sites = latest
        .changes
        .iter()
        .find(|c| c.field == "sites")
        .expect("the sites changed");
    assert_eq!(
        (sites.old.as_deref(), sites.new.as_deref()),
        (Some("Main Street"), Some("Main Street, Elm Road")),
        "a list reads as the core's own history writes it, not as the stored JSON"
    );
    assert_eq!(
        latest.changes.len(),
        2,
        "only the goal and the sites changed: {latest:?}"
    );

    // Ben's own edit is his copy's, and says no name; trash travels with its author.
    edit_rollout(&ben, &id, |d| d.sponsor = "Dr. Okafor".into());
    sync(&ben);
    Store::open(&anna).unwrap().trash_rollout(&id).unwrap();
    sync(&anna);
    sync(&ben);
    let entries = history(&ben, &id);
    assert_eq!(
        entries[0].action,
        AuditAction::Trash,
        "the trash travels: {entries:?}"
    );
    assert_eq!(entries[0].by.as_deref(), Some("Dana Whitfield"));
    let own = entries
        .iter()
        .find(|e| e.changes.iter().any(|c| c.field == "sponsor"))
        .expect("Ben's own edit is in his history");
    assert_eq!(own.by, None, "a change made on this copy names nobody");
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.changes.iter().any(|c| c.field == "sponsor"))
            .count(),
        1,
        "Ben's own change coming back from the server is not recorded twice"
    );
    for entry in history(&anna, &id) {
        let bens = entry.changes.iter().any(|c| c.field == "sponsor");
        assert_eq!(
            entry.by.is_some(),
            bens,
            "on Anna's copy only Ben's change, pulled, carries a name: {entry:?}"
        );
    }
}
