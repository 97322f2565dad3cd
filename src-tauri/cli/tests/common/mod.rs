//! What every CLI test needs: running `rollplan-cli` as a script would (a real process
//! against a database file, `ROLLPLAN_DB` cleared so the caller's environment never
//! leaks in), and reading what it printed.

#![allow(dead_code)] // Each test file uses its own share of these.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `rollplan-cli --db <db> <args>` and waits for it.
pub fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rollplan-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("ROLLPLAN_DB")
        .output()
        .expect("rollplan-cli runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `output`, once it is known to have exited 0 (else the test fails with its stderr).
pub fn ok(output: Output) -> Output {
    assert_eq!(
        output.status.code(),
        Some(0),
        "succeeds: {}",
        stderr(&output)
    );
    output
}

/// What a `--json` command printed, parsed.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("the command prints JSON")
}

/// A database in `dir` holding the sample clinic (`demo`).
pub fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("rollplan.db");
    ok(cli(&db, &["demo"]));
    db
}
