//! `export --format bundle` and `import bundle` as a script uses them.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::cli;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn task_count(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row("SELECT count(*) FROM plan_tasks", [], |row| row.get(0))
        .expect("count")
}

/// The sample clinic's EHR rollout exported by name; returns the bundle's path.
fn exported(dir: &Path) -> std::path::PathBuf {
    let source = dir.join("source.db");
    assert_eq!(cli(&source, &["demo"]).status.code(), Some(0));
    let out = dir.join("ehr.rollplan");
    let export = cli(
        &source,
        &[
            "export",
            "EHR",
            "--format",
            "bundle",
            "--out",
            out.to_str().expect("path"),
        ],
    );
    assert_eq!(export.status.code(), Some(0), "{}", text(&export.stderr));
    assert!(text(&export.stdout).contains("names and roles only"));
    out
}

#[test]
fn export_then_dry_run_then_import_into_another_database() {
    let dir = tempfile::tempdir().expect("dir");
    let bundle = exported(dir.path());
    let written = std::fs::read_to_string(&bundle).expect("bundle written");
    assert!(written.contains("\"format\": \"rollplan-bundle\""));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "the temporary file was renamed away");

    let target = dir.path().join("target.db");
    let file = bundle.to_str().expect("path");
    let dry = cli(&target, &["import", "bundle", file, "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", text(&dry.stderr));
    assert!(
        text(&dry.stdout).contains("Would import"),
        "{}",
        text(&dry.stdout)
    );
    assert_eq!(task_count(&target), 0, "a dry run writes nothing");

    let real = cli(&target, &["import", "bundle", file, "--json"]);
    assert_eq!(real.status.code(), Some(0), "{}", text(&real.stderr));
    let report: serde_json::Value = serde_json::from_slice(&real.stdout).expect("json report");
    assert_eq!(report["written"], true);
    assert!(task_count(&target) > 0, "the tasks arrived");
}

#[test]
fn conflicts_exit_1_until_a_choice_is_given() {
    let dir = tempfile::tempdir().expect("dir");
    let bundle = exported(dir.path());
    let target = dir.path().join("target.db");
    let file = bundle.to_str().expect("path");
    assert_eq!(
        cli(&target, &["import", "bundle", file]).status.code(),
        Some(0)
    );

    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&bundle).expect("read")).expect("json");
    value["tasks"][0]["title"] = serde_json::Value::from("Changed in the bundle");
    let changed = dir.path().join("changed.rollplan");
    std::fs::write(&changed, value.to_string()).expect("write");
    let changed = changed.to_str().expect("path");

    let refused = cli(&target, &["import", "bundle", changed]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("--take-theirs"),
        "{}",
        text(&refused.stderr)
    );
    assert!(
        text(&refused.stdout).contains("Changed in the bundle"),
        "the conflict is shown"
    );

    let kept = cli(&target, &["import", "bundle", changed, "--keep-mine"]);
    assert_eq!(kept.status.code(), Some(0), "{}", text(&kept.stderr));
    let taken = cli(&target, &["import", "bundle", changed, "--take-theirs"]);
    assert_eq!(taken.status.code(), Some(0), "{}", text(&taken.stderr));
    assert!(
        text(&taken.stdout).contains("1 updated"),
        "{}",
        text(&taken.stdout)
    );
}

#[test]
fn a_broken_bundle_exits_1_naming_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let broken = dir.path().join("broken.rollplan");
    std::fs::write(
        &broken,
        "{\"format\": \"rollplan-bundle\", \"version\": 1, \"rol",
    )
    .expect("write");
    let output = cli(
        &dir.path().join("target.db"),
        &["import", "bundle", broken.to_str().expect("path")],
    );
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(
        message.contains("broken.rollplan") && message.contains("ends too early"),
        "{message}"
    );
}
