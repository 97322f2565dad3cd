//! `import roster`, `import tasks` and `import measurements` as a script uses them: a
//! good file lands, a bad one names its row and column and writes nothing.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, stderr, stdout};

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
    // By name, as `export` takes it.
    let imported = cli(
        &db,
        &["import", "tasks", path, "--rollout", "ehr", "--json"],
    );
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
fn rollout_takes_a_unique_part_of_the_name_and_an_ambiguous_one_lists_the_matches() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    for name in ["EHR go-live: Riverside", "EHR go-live: Northgate"] {
        assert_eq!(
            cli(&db, &["rollouts", "create", "--name", name])
                .status
                .code(),
            Some(0)
        );
    }
    let plan = dir.path().join("plan.csv");
    std::fs::write(&plan, "Task,Start,Finish\nBuild,2026-11-02,2026-11-20\n").expect("write");
    let path = plan.to_str().expect("path");
    let unique = cli(
        &db,
        &[
            "import",
            "tasks",
            path,
            "--rollout",
            "northgate",
            "--dry-run",
        ],
    );
    assert_eq!(unique.status.code(), Some(0), "{}", stderr(&unique));
    let ambiguous = cli(
        &db,
        &["import", "tasks", path, "--rollout", "go-live", "--dry-run"],
    );
    assert_eq!(ambiguous.status.code(), Some(1));
    assert!(
        stderr(&ambiguous).contains("'EHR go-live: Riverside'")
            && stderr(&ambiguous).contains("'EHR go-live: Northgate'"),
        "names every match: {}",
        stderr(&ambiguous)
    );
    let measurements = cli(
        &db,
        &["import", "measurements", path, "--rollout", "nowhere"],
    );
    assert_eq!(
        measurements.status.code(),
        Some(1),
        "{}",
        stderr(&measurements)
    );
}

#[test]
fn owners_are_refused_all_at_once_added_as_external_or_left_unassigned() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rollplan.db");
    assert_eq!(
        cli(&db, &["rollouts", "create", "--name", "EHR go-live"])
            .status
            .code(),
        Some(0)
    );
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "Name,Role,Department,Email\n\
         Sam Lee,Front desk,Riverside,sam.lee@riverside.org\n\
         Sam Lee,Scheduler,Eastside,slee@eastside.org\n",
    )
    .expect("write");
    let namesakes = cli(&db, &["import", "roster", roster.to_str().expect("path")]);
    assert_eq!(namesakes.status.code(), Some(0), "{}", stderr(&namesakes));
    let plan = dir.path().join("vendor.csv");
    std::fs::write(
        &plan,
        "Task Name,Resource Names,Finish\n\
         Build interfaces,Jordan Blake,2026-11-20\n\
         Test interfaces,Sam Lee,2026-12-04\n\
         Train super-users,Jordan Blake[50%],2026-12-11\n",
    )
    .expect("write");
    let path = plan.to_str().expect("path");
    let import = |extra: &[&str]| {
        let mut args = vec!["import", "tasks", path, "--rollout", "ehr"];
        args.extend_from_slice(extra);
        cli(&db, &args)
    };

    let refused = import(&[]);
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert!(
        message.contains("Jordan Blake is not in the staff directory (rows 2, 4)")
            && message.contains(
                "2 people in the directory are called Sam Lee (row 3): \
                 Sam Lee (Scheduler, Eastside, slee@eastside.org); \
                 Sam Lee (Front desk, Riverside, sam.lee@riverside.org)"
            )
            && message.contains("--owners add"),
        "every name at once, namesakes told apart, and how to go on: {message}"
    );

    let added = import(&["--owners", "add"]);
    assert_eq!(added.status.code(), Some(1), "Sam Lee is still two people");
    assert!(
        stderr(&added).contains("adding people cannot choose between them"),
        "says why a shared name is not added: {}",
        stderr(&added)
    );

    let dry = import(&["--owners", "unassigned", "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains(
            "Would leave 3 tasks unassigned (owners in the file: Jordan Blake, Sam Lee)."
        ),
        "{}",
        stdout(&dry)
    );
    let file_text = std::fs::read_to_string(&plan).expect("read");
    std::fs::write(&plan, file_text.replace("Sam Lee", "slee@eastside.org")).expect("write");
    let imported = import(&["--owners", "add"]);
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    assert!(
        stdout(&imported).contains("Added 1 person to People as external: Jordan Blake"),
        "an email picks the namesake; the unknown name is added: {}",
        stdout(&imported)
    );
}
