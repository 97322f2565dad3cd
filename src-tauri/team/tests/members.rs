//! Who may do what, as the server enforces it: a viewer cannot change a row, through
//! raw SQL or `push_change`, even after a grant given by mistake; a removed member can
//! no longer read, and their laptop keeps its work; only administrators manage members;
//! a team of the first version is brought up to date by `team init`, and a newer one is
//! refused untouched.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{count, edit_rollout, rollout, sync, Team};
use postgres::error::SqlState;
use rollplan_team::members::{self, Role};
use rollplan_team::setup::{self, Initialised};
use rollplan_team::{TeamError, SERVER_SCHEMA_VERSION};

const PUSH: &str = "SELECT rollplan.push_change(gen_random_uuid(), gen_random_uuid(), 'rollouts', \
                    '[\"x\"]', 0, '{\"name\": \"Mine now\"}')";

/// Makes logins on the server, as IT would (members are added to the team separately).
fn logins(team: &Team, names: &[&str]) {
    let mut server = team.server();
    for name in names {
        server
            .batch_execute(&format!("CREATE ROLE {name} LOGIN"))
            .unwrap();
    }
}

fn live_rows(team: &Team) -> i64 {
    team.server()
        .query_one("SELECT count(*) FROM rollplan.rows WHERE NOT deleted", &[])
        .unwrap()
        .get(0)
}

#[test]
fn a_viewer_cannot_change_a_row_through_raw_sql_or_push_change_and_is_told_whom_to_ask() {
    let team = Team::new();
    let (anna, id) = team.published_with_rollout("anna");
    logins(&team, &["vera", "eddie"]);
    let admin = team.address();
    members::add(&admin, "postgres", Role::Admin, Some("Dana Whitfield")).unwrap();
    members::add(&admin, "vera", Role::Viewer, None).unwrap();
    members::add(&admin, "eddie", Role::Editor, None).unwrap();

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
        "INSERT INTO rollplan.members (login, role) VALUES ('vera', 'admin')",
        "SELECT rollplan.add_member('vera', 'admin', NULL)",
        "SELECT rollplan.merge_change(gen_random_uuid(), gen_random_uuid(), 'rollouts', '[\"x\"]', 0, '{}')",
        PUSH,
    ] {
        let refused = vera.batch_execute(write).unwrap_err();
        assert_eq!(
            refused.code(),
            Some(&SqlState::INSUFFICIENT_PRIVILEGE),
            "a viewer may not run {write}: {refused}"
        );
    }

    // IT grants too much by mistake: the function's own check and row-level security
    // still hold.
    team.server()
        .batch_execute(
            "GRANT EXECUTE ON FUNCTION rollplan.push_change(uuid, uuid, text, text, bigint, jsonb) TO vera;
             GRANT UPDATE, DELETE ON rollplan.rows TO vera;",
        )
        .unwrap();
    let refused = vera.batch_execute(PUSH).unwrap_err();
    assert_eq!(
        refused.code(),
        Some(&SqlState::INSUFFICIENT_PRIVILEGE),
        "push_change checks the role itself: {refused}"
    );
    let before = live_rows(&team);
    let changed = vera
        .execute("UPDATE rollplan.rows SET deleted = true", &[])
        .unwrap();
    let deleted = vera.execute("DELETE FROM rollplan.rows", &[]).unwrap();
    assert_eq!(
        (changed, deleted, live_rows(&team)),
        (0, 0, before),
        "row-level security lets nobody write a row directly"
    );

    let mut eddie = team.cluster.client_as(&team.database, "eddie");
    assert!(
        eddie
            .batch_execute("UPDATE rollplan.rows SET deleted = true")
            .is_err(),
        "an editor changes the team only through push_change, never the tables directly"
    );

    let vera_copy = team.file("vera");
    setup::join(&vera_copy, &team.address_for("vera"), |_, _| {}).unwrap();
    sync(&vera_copy);
    edit_rollout(&vera_copy, &id, |d| d.owner = "Vera".into());
    let refused = rollplan_team::sync::sync(&vera_copy, None).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "You can view this workspace; ask Dana Whitfield to make you an editor.",
        "the viewer is told whom to ask, by name"
    );
    assert_eq!(
        count(&vera_copy, "SELECT count(*) FROM team_outbox"),
        1,
        "the viewer's edit stays on the laptop"
    );

    let eddie_copy = team.file("eddie");
    setup::join(&eddie_copy, &team.address_for("eddie"), |_, _| {}).unwrap();
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
fn a_member_removed_while_offline_is_told_so_keeps_their_work_and_can_no_longer_read() {
    let team = Team::new();
    let (_anna, id) = team.published_with_rollout("anna");
    logins(&team, &["mia"]);
    members::add(&team.address(), "mia", Role::Editor, None).unwrap();
    let mia = team.file("mia");
    setup::join(&mia, &team.address_for("mia"), |_, _| {}).unwrap();

    // Offline: Mia edits; meanwhile the administrator removes her.
    edit_rollout(&mia, &id, |d| d.owner = "Mia Sorensen".into());
    let before = common::content(&mia);
    members::remove(&team.address(), "mia").unwrap();

    let refused = rollplan_team::sync::sync(&mia, None).unwrap_err();
    assert!(
        matches!(refused, TeamError::NoLongerMember),
        "refused: {refused}"
    );
    assert_eq!(
        refused.to_string(),
        "You are no longer a member of this team workspace; your local copy is kept.",
        "the message says what happened and that nothing is lost"
    );
    assert_eq!(
        common::content(&mia),
        before,
        "every record of the local copy is untouched"
    );
    assert_eq!(
        count(&mia, "SELECT count(*) FROM team_outbox"),
        1,
        "the unsent edit is still waiting"
    );
    assert_eq!(
        rollout(&mia, &id).owner,
        "Mia Sorensen",
        "Mia's own edit is kept"
    );

    let mut raw = team.cluster.client_as(&team.database, "mia");
    for read in [
        "SELECT count(*) FROM rollplan.rows",
        "SELECT count(*) FROM rollplan.changes",
        "SELECT * FROM rollplan.member_list()",
    ] {
        let refused = raw.query(read, &[]).unwrap_err();
        assert_eq!(
            refused.code(),
            Some(&SqlState::INSUFFICIENT_PRIVILEGE),
            "a removed member may not run {read}: {refused}"
        );
    }
    // A grant left behind by some other route still shows her nothing.
    team.server()
        .batch_execute("GRANT SELECT ON rollplan.rows, rollplan.changes, rollplan.members TO mia")
        .unwrap();
    for read in [
        "SELECT count(*) FROM rollplan.rows",
        "SELECT count(*) FROM rollplan.changes",
    ] {
        let seen: i64 = raw.query_one(read, &[]).unwrap().get(0);
        assert_eq!(seen, 0, "row-level security hides every row: {read}");
    }

    let refused =
        setup::join(&team.file("mia-again"), &team.address_for("mia"), |_, _| {}).unwrap_err();
    assert!(
        matches!(refused, TeamError::NotAMember { .. }),
        "a removed member cannot join again: {refused}"
    );
}

#[test]
fn only_an_administrator_manages_members_and_the_creator_stays_one() {
    let team = Team::new();
    team.published_with_rollout("anna");
    logins(&team, &["eddie", "fay", "gus"]);
    let admin = team.address();
    members::add(&admin, "eddie", Role::Editor, Some("Eddie Park")).unwrap();

    let refused = members::add(&team.address_for("eddie"), "fay", Role::Viewer, None).unwrap_err();
    assert!(
        matches!(&refused, TeamError::AdminOnly { admin } if admin == "postgres"),
        "an editor cannot add members and is told whom to ask: {refused}"
    );
    let unknown = members::add(&admin, "nobody", Role::Viewer, None).unwrap_err();
    assert!(
        unknown.to_string().contains("There is no login nobody"),
        "a login that does not exist is named: {unknown}"
    );
    let creator = members::remove(&admin, "postgres").unwrap_err();
    assert!(
        creator.to_string().contains("created this team"),
        "the team's creator stays its administrator: {creator}"
    );
    let stranger = members::remove(&admin, "gus").unwrap_err();
    assert!(
        stranger.to_string().contains("not a member"),
        "removing someone who is not a member says so: {stranger}"
    );

    members::add(&admin, "eddie", Role::Admin, None).unwrap();
    members::add(&team.address_for("eddie"), "fay", Role::Viewer, None).unwrap();
    let listed = members::list(&team.address_for("fay")).unwrap();
    let shown: Vec<(&str, Role, Option<&str>, &str)> = listed
        .iter()
        .map(|m| {
            (
                m.login.as_str(),
                m.role,
                m.display_name.as_deref(),
                m.added_by.as_str(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            ("eddie", Role::Admin, Some("Eddie Park"), "postgres"),
            ("postgres", Role::Admin, None, "postgres"),
            ("fay", Role::Viewer, None, "eddie"),
        ],
        "administrators first; a new role keeps the name given before; who added whom"
    );
    let outsider = members::list(&team.address_for("gus")).unwrap_err();
    assert!(
        matches!(outsider, TeamError::NotAMember { .. }),
        "someone who is not a member does not see the members: {outsider}"
    );
}

#[test]
fn a_first_version_team_is_brought_up_to_date_by_init_and_a_newer_one_is_refused_untouched() {
    let team = Team::without_schema();
    let mut server = team.server();
    server
        .batch_execute(include_str!("../server/0001_team.sql"))
        .unwrap();
    server
        .batch_execute(
            "INSERT INTO rollplan.meta (id, schema_version, workspace_id)
                 VALUES (1, 1, gen_random_uuid());
             CREATE ROLE olga LOGIN IN ROLE rollplan_viewer;
             CREATE ROLE otto LOGIN IN ROLE rollplan_editor;",
        )
        .unwrap();
    let anna = team.file("anna");
    let id = rollplan_core::Store::open(&anna)
        .unwrap()
        .create_rollout(&common::draft("Kiosks"))
        .unwrap()
        .id;
    setup::publish(&anna, &team.address()).unwrap();
    edit_rollout(&anna, &id, |d| d.owner = "Anna Lee".into());
    sync(&anna);
    let not_yet = members::list(&team.address()).unwrap_err();
    assert!(
        matches!(not_yet, TeamError::OlderServerSchema { found: 1 }),
        "members need the newer schema: {not_yet}"
    );
    let (rows, changes) = (live_rows(&team), team.accepted_changes());

    let upgraded = setup::init(&team.address()).unwrap();
    assert_eq!(
        upgraded,
        Initialised::Upgraded {
            from: 1,
            to: SERVER_SCHEMA_VERSION
        },
        "init brings the older team up to date"
    );
    assert_eq!(
        (live_rows(&team), team.accepted_changes()),
        (rows, changes),
        "the workspace and its history are untouched"
    );
    let roles: Vec<(String, Role)> = members::list(&team.address())
        .unwrap()
        .into_iter()
        .map(|m| (m.login, m.role))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("postgres".to_owned(), Role::Admin),
            ("otto".to_owned(), Role::Editor),
            ("olga".to_owned(), Role::Viewer),
        ],
        "the first version's viewers and editors keep their roles as members"
    );
    let refused = team
        .cluster
        .client_as(&team.database, "olga")
        .batch_execute(PUSH)
        .unwrap_err();
    assert_eq!(
        refused.code(),
        Some(&SqlState::INSUFFICIENT_PRIVILEGE),
        "the upgraded team enforces the roles: {refused}"
    );
    edit_rollout(&anna, &id, |d| d.goal = "Shorter queues".into());
    assert_eq!(sync(&anna).sent, 1, "syncing goes on after the upgrade");

    let again = setup::init(&team.address()).unwrap_err();
    assert!(
        matches!(again, TeamError::AlreadyATeam { .. }),
        "a current team is left alone: {again}"
    );

    team.server()
        .execute(
            "UPDATE rollplan.meta SET schema_version = $1",
            &[&(SERVER_SCHEMA_VERSION + 1)],
        )
        .unwrap();
    let objects = |team: &Team| -> i64 {
        team.server()
            .query_one(
                "SELECT (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                          WHERE n.nspname = 'rollplan')
                      + (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname = 'rollplan')
                      + (SELECT count(*) FROM pg_policy)",
                &[],
            )
            .unwrap()
            .get(0)
    };
    let before = objects(&team);
    let newer = setup::init(&team.address()).unwrap_err();
    assert!(
        matches!(newer, TeamError::NewerServerSchema { .. }),
        "a newer team is refused: {newer}"
    );
    let version: i32 = team
        .server()
        .query_one("SELECT schema_version FROM rollplan.meta", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        (version, objects(&team)),
        (SERVER_SCHEMA_VERSION + 1, before),
        "the newer team is left exactly as it was"
    );
}
