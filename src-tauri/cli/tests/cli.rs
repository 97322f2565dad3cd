//! The CLI as a script uses it: real processes, real files, exit codes and output.

use std::path::Path;
use std::process::{Command, Output};

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rollplan-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ROLLPLAN_DB")
        .output()
        .expect("rollplan-cli runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn create_then_list_sees_the_rollout_as_text_and_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let created = cli(
        &db,
        &[
            "rollouts",
            "create",
            "--name",
            "SMS reminders",
            "--kind",
            "automation",
            "--go-live",
            "2027-03-01",
            "--owner",
            "Priya Nair",
            "--site",
            "Riverside",
        ],
    );
    assert_eq!(
        created.status.code(),
        Some(0),
        "create succeeds: {}",
        stderr(&created)
    );

    let listed = cli(&db, &["rollouts", "list"]);
    assert_eq!(listed.status.code(), Some(0));
    let text = stdout(&listed);
    assert!(
        text.contains("SMS reminders")
            && text.contains("Automation")
            && text.contains("2027-03-01")
    );

    let json = cli(&db, &["rollouts", "list", "--json"]);
    let rollouts: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(rollouts[0]["name"], "SMS reminders");
    assert_eq!(rollouts[0]["kind"], "automation");
    assert_eq!(rollouts[0]["sites"][0], "Riverside");
}

#[test]
fn bad_input_exits_1_and_names_the_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let output = cli(
        &db,
        &[
            "rollouts",
            "create",
            "--name",
            "Kiosks",
            "--start",
            "2027-03-01",
            "--go-live",
            "2027-02-01",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "a refused create exits 1");
    assert!(
        stderr(&output).contains("--go-live"),
        "the message names the flag to fix: {}",
        stderr(&output)
    );

    let unknown_kind = cli(
        &db,
        &["rollouts", "create", "--name", "Kiosks", "--kind", "pilot"],
    );
    assert_eq!(unknown_kind.status.code(), Some(1));
    assert!(stderr(&unknown_kind).contains("--kind"));

    let usage = cli(&db, &["rollouts", "frobnicate"]);
    assert_eq!(
        usage.status.code(),
        Some(1),
        "a usage error is bad input, not a fault"
    );

    let listed = cli(&db, &["rollouts", "list", "--json"]);
    assert_eq!(
        stdout(&listed).trim(),
        "[]",
        "nothing was written by refused commands"
    );
}

#[test]
fn demo_seeds_once_and_check_reports_a_healthy_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let demo = cli(&db, &["demo"]);
    assert_eq!(
        demo.status.code(),
        Some(0),
        "demo succeeds: {}",
        stderr(&demo)
    );
    let again = cli(&db, &["demo"]);
    assert_eq!(again.status.code(), Some(1), "a second demo is refused");
    let large = cli(&db, &["demo", "--size", "large"]);
    assert_eq!(
        large.status.code(),
        Some(1),
        "the large workspace is refused on a database with rollouts too"
    );
    assert!(
        stderr(&large).contains("already holds rollouts"),
        "the refusal says why: {}",
        stderr(&large)
    );
    let seeded = cli(&db, &["demo", "--seed", "3"]);
    assert_eq!(
        seeded.status.code(),
        Some(1),
        "--seed is for --size large only"
    );
    assert!(
        stderr(&seeded).contains("--size large"),
        "the message names the flag it needs: {}",
        stderr(&seeded)
    );

    let check = cli(&db, &["check", "--json"]);
    assert_eq!(check.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&check.stdout).expect("valid JSON");
    assert_eq!(report["integrity_problems"], serde_json::json!([]));
}

#[test]
fn a_newer_database_is_refused_with_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("future.db");
    // A file as a later Rollplan would leave it: a schema version beyond ours.
    rusqlite::Connection::open(&db)
        .and_then(|c| c.execute_batch("CREATE TABLE later (x); PRAGMA user_version = 999;"))
        .expect("write a future database");
    let output = cli(&db, &["rollouts", "list"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("newer version of Rollplan"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_roster_imports_and_a_bad_one_names_row_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let good = dir.path().join("roster.csv");
    std::fs::write(
        &good,
        "Name,Role,Email\nGrace Kim,Registered nurse (RN),grace@northgate.org\n",
    )
    .expect("write");
    let dry = cli(
        &db,
        &[
            "import",
            "roster",
            good.to_str().expect("path"),
            "--dry-run",
        ],
    );
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("Would import roster.csv: 1 added"),
        "{}",
        stdout(&dry)
    );
    assert_eq!(
        stdout(&cli(&db, &["people", "list", "--json"])).trim(),
        "[]",
        "a dry run writes nothing"
    );

    let imported = cli(&db, &["import", "roster", good.to_str().expect("path")]);
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    assert!(stdout(&cli(&db, &["people", "list"])).contains("Grace Kim"));

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "Name,Role,Email\nLuis Ortega,MA,luis at riverside\n").expect("write");
    let refused = cli(&db, &["import", "roster", bad.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("bad.csv, row 2, column 'Email'"),
        "names file, row and column: {}",
        stderr(&refused)
    );
}

#[test]
fn sops_list_shows_the_library_and_what_is_due_for_review() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    assert_eq!(cli(&db, &["demo"]).status.code(), Some(0));
    let all = cli(&db, &["sops", "list"]);
    assert_eq!(all.status.code(), Some(0), "{}", stderr(&all));
    assert!(stdout(&all).contains("FD-012") && stdout(&all).contains("EHR-004"));

    let due = cli(&db, &["sops", "list", "--due-within", "30", "--json"]);
    let listed: serde_json::Value = serde_json::from_slice(&due.stdout).expect("valid JSON");
    let codes: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|s| s["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        ["FD-015", "FD-012"],
        "overdue first, then due within the month"
    );
    assert!(stdout(&cli(&db, &["sops", "list", "--due-within", "30"])).contains("(overdue)"));
}

#[test]
fn sops_in_force_answers_which_version_applied_on_a_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    assert_eq!(cli(&db, &["demo"]).status.code(), Some(0));

    // Check-in's version 2 is still a draft, so version 1 is what staff follow today.
    let today = cli(&db, &["sops", "in-force", "fd-012"]);
    assert_eq!(today.status.code(), Some(0), "{}", stderr(&today));
    let text = stdout(&today);
    assert!(text.contains("Version 1 in force"), "{text}");
    assert!(text.contains("approved by Dr. Amara Okafor"), "{text}");
    assert!(
        text.contains("  1. Front desk: Greet the patient"),
        "{text}"
    );

    let json = cli(&db, &["sops", "in-force", "FD-012", "--json"]);
    let revision: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(revision["version"], 1);
    assert_eq!(
        revision["snapshot"]["steps"].as_array().map(Vec::len),
        Some(4)
    );

    let before = cli(&db, &["sops", "in-force", "FD-012", "--on", "2001-01-01"]);
    assert_eq!(before.status.code(), Some(0));
    assert!(stdout(&before).contains("No approved version of FD-012 was in force on 2001-01-01"));

    let unknown = cli(&db, &["sops", "in-force", "XX-1"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("No SOP has the code 'XX-1'"),
        "{}",
        stderr(&unknown)
    );
    let bad_date = cli(&db, &["sops", "in-force", "FD-012", "--on", "13/31/2026"]);
    assert_eq!(bad_date.status.code(), Some(1), "{}", stderr(&bad_date));
    assert!(stderr(&bad_date).contains("--on"), "{}", stderr(&bad_date));
}

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

#[test]
fn a_task_list_imports_and_a_bad_one_names_row_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let created = cli(&db, &["rollouts", "create", "--name", "EHR", "--json"]);
    let rollout: serde_json::Value = serde_json::from_slice(&created.stdout).expect("valid JSON");
    let id = rollout["id"].as_str().expect("id").to_owned();
    let good = dir.path().join("plan.csv");
    std::fs::write(
        &good,
        "Task,Phase,Start,Finish,Predecessors\nBuild,Build,2026-11-02,2026-11-20,\nTest,Testing,2026-11-23,2026-12-04,Build\n",
    )
    .expect("write");
    let path = good.to_str().expect("path");
    let dry = cli(
        &db,
        &["import", "tasks", path, "--rollout", &id, "--dry-run"],
    );
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("Would import plan.csv: 2 tasks, 1 dependencies."),
        "{}",
        stdout(&dry)
    );
    let imported = cli(&db, &["import", "tasks", path, "--rollout", &id, "--json"]);
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let report: serde_json::Value = serde_json::from_slice(&imported.stdout).expect("valid JSON");
    assert_eq!(report["tasks_added"], 2);
    assert_eq!(
        report["new_phases"],
        serde_json::json!(["Build", "Testing"])
    );

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "Task,Due\nCutover,13/31/2026\n").expect("write");
    let refused = cli(
        &db,
        &[
            "import",
            "tasks",
            bad.to_str().expect("path"),
            "--rollout",
            &id,
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("bad.csv, row 2, column 'Due'"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn measurements_import_and_a_bad_file_names_row_and_column() {
    use rollplan_core::metrics::{Direction, MetricDraft, MetricUnit};

    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    let created = cli(
        &db,
        &["rollouts", "create", "--name", "SMS reminders", "--json"],
    );
    let rollout: serde_json::Value = serde_json::from_slice(&created.stdout).expect("valid JSON");
    let id = rollout["id"].as_str().expect("id").to_owned();
    {
        // Metrics are defined in the app; the store stands in for it here.
        let store = rollplan_core::Store::open(&db).expect("open");
        store
            .create_metric(
                &id,
                &MetricDraft {
                    name: "No-show rate".into(),
                    unit: MetricUnit::Percent,
                    direction: Direction::LowerIsBetter,
                    ..MetricDraft::default()
                },
            )
            .expect("metric");
    }
    let good = dir.path().join("pull.csv");
    std::fs::write(
        &good,
        "Metric,Week of,Value,Note\nNo-show rate,11/2/2026,0.14,\nno show rate,2026-11-09,0.125,pilot week 1\n",
    )
    .expect("write");
    let path = good.to_str().expect("path");
    let dry = cli(
        &db,
        &[
            "import",
            "measurements",
            path,
            "--rollout",
            &id,
            "--dry-run",
        ],
    );
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    let text = stdout(&dry);
    assert!(
        text.contains("Would import pull.csv: 2 added, 0 updated, 0 unchanged."),
        "{text}"
    );
    assert!(text.contains("fractions read as percentages"), "{text}");
    let imported = cli(
        &db,
        &["import", "measurements", path, "--rollout", &id, "--json"],
    );
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let report: serde_json::Value = serde_json::from_slice(&imported.stdout).expect("valid JSON");
    assert_eq!(report["added"], 2);
    assert_eq!(report["metrics"][0]["metric_name"], "No-show rate");
    let again = cli(&db, &["import", "measurements", path, "--rollout", &id]);
    assert!(
        stdout(&again).contains("Imported pull.csv: 0 added, 0 updated, 2 unchanged."),
        "a second run of the same file changes nothing: {}",
        stdout(&again)
    );

    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Metric,Date,Value\nNo-show rate,2026-11-16,about 12\n",
    )
    .expect("write");
    let refused = cli(
        &db,
        &[
            "import",
            "measurements",
            bad.to_str().expect("path"),
            "--rollout",
            &id,
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("bad.csv, row 2, column 'Value': 'about 12' is not a number"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn an_sop_and_the_library_export_as_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    assert_eq!(cli(&db, &["demo"]).status.code(), Some(0));

    let sop = dir.path().join("check-in.pdf");
    let one = cli(
        &db,
        &[
            "export-sop",
            "fd-012",
            "--format",
            "pdf",
            "--out",
            sop.to_str().expect("path"),
        ],
    );
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    let bytes = std::fs::read(&sop).expect("written");
    assert!(bytes.starts_with(b"%PDF"));

    let binder = dir.path().join("library.pdf");
    let all = cli(
        &db,
        &[
            "export-library",
            "--title",
            "Riverside Family Health",
            "--out",
            binder.to_str().expect("path"),
        ],
    );
    assert_eq!(all.status.code(), Some(0), "{}", stderr(&all));
    assert!(std::fs::read(&binder)
        .expect("written")
        .starts_with(b"%PDF"));

    let again = cli(
        &db,
        &["export-library", "--out", binder.to_str().expect("path")],
    );
    assert_eq!(
        again.status.code(),
        Some(1),
        "an existing file is kept without --overwrite"
    );
    assert!(stderr(&again).contains("--overwrite"), "{}", stderr(&again));
}
