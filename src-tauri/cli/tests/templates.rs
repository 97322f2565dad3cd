//! Starting a rollout from a template from a script: a short runway asks for a fit, an
//! unknown template names the valid ones.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, stderr, stdout};

#[test]
fn a_template_on_a_short_runway_asks_for_fit_then_compresses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let go_live = (chrono::Local::now().date_naive() + chrono::Days::new(70)).to_string();
    let args = |fit: Option<&'static str>| {
        let mut args = vec![
            "rollouts",
            "create",
            "--name",
            "Riverside EHR",
            "--go-live",
            go_live.as_str(),
            "--template",
            "ehr-go-live",
        ];
        if let Some(fit) = fit {
            args.extend(["--fit", fit]);
        }
        args
    };
    let refused = cli(&db, &args(None));
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a short runway needs a choice"
    );
    let message = stderr(&refused);
    assert!(
        message.contains("--fit compress")
            && message.contains("70 are left")
            && message.contains("would already be overdue"),
        "the refusal lists the consequences and the flag: {message}"
    );
    let listed = cli(&db, &["rollouts", "list", "--json"]);
    assert_eq!(stdout(&listed).trim(), "[]", "a refusal writes nothing");

    let created = cli(&db, &args(Some("compress")));
    assert_eq!(created.status.code(), Some(0), "{}", stderr(&created));
    let listed = cli(&db, &["rollouts", "list", "--json"]);
    let rollouts: serde_json::Value = serde_json::from_str(&stdout(&listed)).expect("JSON");
    assert_eq!(
        rollouts[0]["start_date"],
        chrono::Local::now().date_naive().to_string(),
        "compressed, the plan starts today"
    );
}

#[test]
fn a_rollout_starts_from_a_template_and_an_unknown_one_names_the_valid_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    // Far enough ahead for the template's 120 days before go-live.
    let go_live = chrono::Local::now().date_naive() + chrono::Days::new(200);
    let created = cli(
        &db,
        &[
            "rollouts",
            "create",
            "--name",
            "Riverside EHR",
            "--go-live",
            &go_live.to_string(),
            "--template",
            "ehr-go-live",
            "--json",
        ],
    );
    assert_eq!(created.status.code(), Some(0), "{}", stderr(&created));
    let rollout: serde_json::Value = serde_json::from_slice(&created.stdout).expect("valid JSON");
    assert_eq!(rollout["kind"], "ehr_go_live");
    assert_eq!(
        rollout["start_date"],
        (go_live - chrono::Days::new(120)).to_string(),
        "the plan starts at kickoff, 120 days before go-live"
    );

    let unknown = cli(
        &db,
        &[
            "rollouts",
            "create",
            "--name",
            "Kiosks",
            "--go-live",
            "2027-03-01",
            "--template",
            "kiosk",
        ],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("--template")
            && stderr(&unknown).contains("ehr-go-live, automation, policy"),
        "{}",
        stderr(&unknown)
    );
    let listed = cli(&db, &["templates", "list"]);
    assert!(
        stdout(&listed).contains("automation"),
        "{}",
        stdout(&listed)
    );
    assert_eq!(
        stdout(&cli(&db, &["rollouts", "list", "--json"]))
            .matches("\"id\"")
            .count(),
        1,
        "the refused template created nothing"
    );
}
