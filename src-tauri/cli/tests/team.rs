//! `team ...` and `sync` as an administrator and members use them, against a real
//! throwaway PostgreSQL cluster: real processes, exit codes and messages, and the
//! password never written down.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// The team crate's throwaway cluster; these tests need only its plain form.
#[allow(dead_code)]
#[path = "../../team/tests/common/cluster.rs"]
mod cluster;
mod common;

use std::path::Path;
use std::process::{Command, Output};

use cluster::Cluster;
use common::{cli, json, ok, stderr, stdout};

/// Runs the CLI with PGPASSWORD set (or cleared).
fn cli_with_password(db: &Path, password: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rollplan-cli"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ROLLPLAN_DB");
    match password {
        Some(password) => command.env("PGPASSWORD", password),
        None => command.env_remove("PGPASSWORD"),
    };
    command.output().expect("rollplan-cli runs")
}

fn stored_server(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("SELECT server FROM team_link", [], |row| row.get(0))
        .unwrap()
}

#[test]
fn a_team_is_set_up_published_joined_and_synced_from_the_command_line() {
    let cluster = Cluster::start();
    let database = cluster.create_database();
    let server = cluster.url(&database, "postgres");
    let dir = tempfile::tempdir().unwrap();
    let anna = dir.path().join("anna.db");
    let ben = dir.path().join("ben.db");

    let init = ok(cli(&anna, &["team", "init", "--server", &server]));
    assert!(
        stdout(&init).contains("Created a Rollplan team"),
        "{}",
        stdout(&init)
    );
    ok(cli(
        &anna,
        &["rollouts", "create", "--name", "Check-in kiosks"],
    ));
    let published = ok(cli(&anna, &["team", "publish", "--server", &server]));
    assert!(
        stdout(&published).contains("Published"),
        "{}",
        stdout(&published)
    );

    let joined = ok(cli(&ben, &["team", "join", "--server", &server]));
    assert!(
        stdout(&joined).contains("  rollouts: 1"),
        "the join shows each table: {}",
        stdout(&joined)
    );
    ok(cli(
        &ben,
        &["rollouts", "create", "--name", "Patient portal"],
    ));
    let status = json(&ok(cli(&ben, &["team", "status", "--json"])));
    assert_eq!(
        status["changes_waiting"], 1,
        "the new rollout waits to be sent: {status}"
    );

    let synced = ok(cli(&ben, &["sync"]));
    assert!(
        stdout(&synced).contains("Sent 1 change,"),
        "{}",
        stdout(&synced)
    );
    ok(cli(&anna, &["sync"]));
    let listed = json(&ok(cli(&anna, &["rollouts", "list", "--json"])));
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Patient portal"),
        "Ben's rollout reached Anna: {names:?}"
    );

    // Both change the same field (through the file, as any program writing it would).
    let rename = |db: &Path, name: &str| {
        rusqlite::Connection::open(db)
            .unwrap()
            .execute(
                "UPDATE rollouts SET name = ?1 WHERE name = 'Check-in kiosks'",
                [name],
            )
            .unwrap();
    };
    rename(&anna, "Kiosks (Anna)");
    rename(&ben, "Kiosks (Ben)");
    ok(cli(&anna, &["sync"]));
    let clashed = ok(cli(&ben, &["sync"]));
    assert!(
        stdout(&clashed).contains("1 field had been changed by someone else first"),
        "{}",
        stdout(&clashed)
    );
    let listed = stdout(&ok(cli(&ben, &["team", "conflicts"])));
    for expected in [
        "#1  Kiosks (Ben) (rollouts)  ·  name",
        "Yours:   Kiosks (Ben)",
        "Theirs:  Kiosks (Anna)  (postgres, ",
    ] {
        assert!(
            listed.contains(expected),
            "the conflict shows {expected:?}: {listed}"
        );
    }
    let unknown = cli(&ben, &["team", "resolve", "99", "--keep", "mine"]);
    assert_eq!(
        unknown.status.code(),
        Some(1),
        "an unknown conflict is bad input"
    );
    assert!(
        stderr(&unknown).contains("There is no open conflict 99"),
        "{}",
        stderr(&unknown)
    );
    let kept = ok(cli(&ben, &["team", "resolve", "1", "--keep", "theirs"]));
    assert!(stdout(&kept).contains("Kept theirs"), "{}", stdout(&kept));

    let conflicts = ok(cli(&ben, &["team", "conflicts"]));
    assert!(
        stdout(&conflicts).contains("No conflicts."),
        "{}",
        stdout(&conflicts)
    );
    let left = ok(cli(&anna, &["team", "leave"]));
    assert!(
        stdout(&left).contains("Every record stays"),
        "{}",
        stdout(&left)
    );
    let status = cli(&anna, &["team", "status"]);
    assert_eq!(
        status.status.code(),
        Some(1),
        "a copy that left is not in a team"
    );
    assert!(
        stderr(&status).contains("not part of a team"),
        "{}",
        stderr(&status)
    );
}

#[test]
fn a_wrong_password_is_refused_clearly_and_the_right_one_is_never_stored() {
    let cluster = Cluster::start();
    let database = cluster.create_database();
    cluster
        .admin(&database)
        .batch_execute("CREATE ROLE pat LOGIN SUPERUSER PASSWORD 'right-horse'")
        .unwrap();
    cluster.require_password_for("pat");
    let server = cluster.url(&database, "pat");
    let dir = tempfile::tempdir().unwrap();
    let pat = dir.path().join("pat.db");

    let refused = cli_with_password(&pat, Some("wrong"), &["team", "init", "--server", &server]);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a wrong password is the person's to fix"
    );
    assert!(
        stderr(&refused).contains("did not accept your sign-in"),
        "the message says what happened: {}",
        stderr(&refused)
    );
    ok(cli_with_password(
        &pat,
        Some("right-horse"),
        &["team", "init", "--server", &server],
    ));

    // The password given in the address works too, and is kept out of the file.
    let with_password = server.replacen("pat@", "pat:right-horse@", 1);
    ok(cli_with_password(
        &pat,
        None,
        &["rollouts", "create", "--name", "Kiosks"],
    ));
    ok(cli_with_password(
        &pat,
        None,
        &["team", "publish", "--server", &with_password],
    ));
    let stored = stored_server(&pat);
    assert!(
        !stored.contains("right-horse"),
        "the stored address has no password: {stored}"
    );
    let file = std::fs::read(&pat).unwrap();
    assert!(
        !file
            .windows(b"right-horse".len())
            .any(|w| w == b"right-horse"),
        "the password is nowhere in the database file"
    );

    let no_password = cli_with_password(&pat, None, &["sync"]);
    assert_eq!(
        no_password.status.code(),
        Some(1),
        "a sync without the password is refused"
    );
    assert!(
        stderr(&no_password).contains("PGPASSWORD"),
        "it says where the password comes from: {}",
        stderr(&no_password)
    );
    ok(cli_with_password(&pat, Some("right-horse"), &["sync"]));
}

#[test]
fn members_are_added_listed_and_removed_from_the_command_line() {
    let cluster = Cluster::start();
    let database = cluster.create_database();
    cluster
        .admin(&database)
        .batch_execute("CREATE ROLE vera LOGIN")
        .unwrap();
    let server = cluster.url(&database, "postgres");
    let dir = tempfile::tempdir().unwrap();
    let dana = dir.path().join("dana.db");
    let vera = dir.path().join("vera.db");
    ok(cli(&dana, &["team", "init", "--server", &server]));
    ok(cli(&dana, &["rollouts", "create", "--name", "Kiosks"]));
    ok(cli(&dana, &["team", "publish", "--server", &server]));

    let refused = cli(
        &vera,
        &["team", "join", "--server", &cluster.url(&database, "vera")],
    );
    assert_eq!(refused.status.code(), Some(1), "not a member yet");
    assert!(
        stderr(&refused).contains("is not a member of this team workspace"),
        "{}",
        stderr(&refused)
    );

    // The joined workspace knows its server: no --server needed.
    let added = ok(cli(
        &dana,
        &[
            "team",
            "add-member",
            "postgres",
            "--role",
            "admin",
            "--name",
            "Dana Whitfield",
        ],
    ));
    assert!(
        stdout(&added).contains("postgres is now an administrator"),
        "{}",
        stdout(&added)
    );
    ok(cli(
        &dana,
        &["team", "add-member", "vera", "--role", "viewer"],
    ));
    let listed = json(&ok(cli(&dana, &["team", "members", "--json"])));
    assert_eq!(
        listed[1]["login"], "vera",
        "the viewer is listed after the administrator: {listed}"
    );
    assert_eq!(listed[1]["role"], "viewer", "{listed}");
    let plain = stdout(&ok(cli(&dana, &["team", "members"])));
    assert!(
        plain.contains("Dana Whitfield (postgres)") && plain.contains("viewer"),
        "{plain}"
    );

    ok(cli(
        &vera,
        &["team", "join", "--server", &cluster.url(&database, "vera")],
    ));
    ok(cli(&vera, &["rollouts", "create", "--name", "Portal"]));
    let viewer = cli(&vera, &["sync"]);
    assert_eq!(viewer.status.code(), Some(1), "a viewer's push is refused");
    assert!(
        stderr(&viewer).contains("ask Dana Whitfield to make you an editor"),
        "{}",
        stderr(&viewer)
    );

    let removed = ok(cli(&dana, &["team", "remove-member", "vera"]));
    assert!(
        stdout(&removed).contains("vera is no longer a member"),
        "{}",
        stdout(&removed)
    );
    let gone = cli(&vera, &["sync"]);
    assert_eq!(
        gone.status.code(),
        Some(1),
        "a removed member's sync is refused"
    );
    assert!(
        stderr(&gone).contains("no longer a member of this team workspace"),
        "{}",
        stderr(&gone)
    );
}
