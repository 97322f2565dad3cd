//! A process killed with SIGKILL in the middle of a large import leaves a healthy file
//! with the import either wholly there or wholly absent. The test runs itself again as
//! the importer: the child imports a 2,000-task plan or 20,000 measurements through the
//! real import functions, saying when it starts and when the import has committed; the
//! parent kills it at a random moment, reopens the file and checks it.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rollplan_core::import::parse_table;
use rollplan_core::metrics::{Direction, MetricDraft, MetricUnit};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::Store;

const CHILD_DB: &str = "ROLLPLAN_CRASH_IMPORT_DB";
const CHILD_KIND: &str = "ROLLPLAN_CRASH_IMPORT_KIND";
const TASKS: usize = 2_000;
const MEASUREMENTS: usize = 20_000;
const KILLS: usize = 10;

/// A vendor plan: 2,000 tasks in 20 phases, each depending on the one before.
fn plan_csv() -> String {
    let mut csv = String::from("Task name,Phase,Start,Finish,Status,Predecessors\n");
    for i in 0..TASKS {
        let before = if i % 100 == 0 {
            String::new()
        } else {
            format!("Task {}", i - 1)
        };
        let _ = writeln!(
            csv,
            "Task {i},Phase {},2026-11-02,2026-12-18,{},{before}",
            i / 100,
            if i % 3 == 0 { "Done" } else { "To do" }
        );
    }
    csv
}

/// Ten years of daily values for two metrics.
fn measurements_csv() -> String {
    let mut csv = String::from("Metric,Date,Value,Note\n");
    let first = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    for i in 0..MEASUREMENTS {
        let day = first + chrono::Days::new((i / 2) as u64);
        let (metric, value) = if i % 2 == 0 {
            ("No-show rate", format!("{}%", i % 100))
        } else {
            ("Visits per week", format!("{}", 1_000 + i % 500))
        };
        let _ = writeln!(csv, "{metric},{day},{value},pull {i}");
    }
    csv
}

/// The importer half; does nothing unless the parent started this binary as the child.
#[test]
fn crash_importer_child() {
    let (Some(path), Some(kind)) = (std::env::var_os(CHILD_DB), std::env::var(CHILD_KIND).ok())
    else {
        return;
    };
    let store = Store::open(path.as_ref()).expect("child opens the store");
    let rollout = store.list_rollouts().expect("rollouts")[0].id.clone();
    let table = match kind.as_str() {
        "tasks" => parse_table("plan.csv", plan_csv().into_bytes()),
        _ => parse_table("pull.csv", measurements_csv().into_bytes()),
    }
    .expect("the file reads");
    println!("started");
    match kind.as_str() {
        "tasks" => {
            store.import_tasks(&rollout, &table).expect("imports");
        }
        _ => {
            store
                .import_measurements(&rollout, &table)
                .expect("imports");
        }
    }
    println!("committed");
}

/// A database with one rollout and the two metrics the measurements name.
fn prepare(path: &Path) {
    let store = Store::open(path).expect("store");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "EHR go-live".into(),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    for (name, unit) in [
        ("No-show rate", MetricUnit::Percent),
        ("Visits per week", MetricUnit::Count),
    ] {
        let draft = MetricDraft {
            name: name.into(),
            unit,
            direction: Direction::LowerIsBetter,
            ..MetricDraft::default()
        };
        store.create_metric(&rollout, &draft).expect("metric");
    }
}

/// Starts the importer and kills it `after` it said it started (or lets it finish);
/// returns whether it had reported the import committed.
fn run_child(path: &Path, kind: &str, after: Option<Duration>) -> bool {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "crash_importer_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DB, path)
        .env(CHILD_KIND, kind)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the importer");
    // libtest may print "test crash_importer_child ... " on the same line first.
    let mut lines = BufReader::new(child.stdout.take().expect("child stdout")).lines();
    let said = |word: &'static str| {
        move |line: std::io::Result<String>| line.is_ok_and(|l| l.ends_with(word))
    };
    let started = lines.any(said("started"));
    assert!(started, "the importer read its file and started");
    let committed = match after {
        Some(delay) => {
            std::thread::sleep(delay);
            child.kill().expect("SIGKILL the importer");
            // Whatever it printed before it died is still in the pipe.
            lines.any(said("committed"))
        }
        None => lines.any(said("committed")),
    };
    child.wait().expect("reap the importer");
    committed
}

/// Rows of the import's tables, after checking the file is healthy.
fn check_and_count(path: &Path) -> (i64, i64, i64) {
    let store = Store::open(path).expect("the file reopens after the kill");
    let report = store.check().expect("check runs");
    assert!(
        report.is_healthy(),
        "integrity_check and foreign keys hold after a kill: {report:?}"
    );
    drop(store);
    for backup in rollplan_core::backup::list_backups(path).expect("backups") {
        rollplan_core::backup::check_backup(Path::new(&backup.path))
            .expect("every file named as a backup is a whole, good backup");
    }
    let conn = rusqlite::Connection::open(path).expect("open for counting");
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .expect("count")
    };
    (
        count("plan_tasks"),
        count("plan_dependencies"),
        count("metric_measurements"),
    )
}

/// A small pseudo-random sequence; the seed is printed so a failure can be replayed.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound.max(1)
    }
}

#[test]
fn a_killed_import_is_wholly_there_or_wholly_absent() {
    let seed = std::env::var("ROLLPLAN_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    let mut random = Random(seed);
    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let (mut kills, mut whole, mut absent, mut reported) = (0, 0, 0, 0);
    for (kind, rows) in [
        ("tasks", TASKS as i64),
        ("measurements", MEASUREMENTS as i64),
    ] {
        // One import left to finish, to know how long it takes and what "whole" is.
        let path = dir.path().join(format!("{kind}-whole.db"));
        prepare(&path);
        let clock = Instant::now();
        assert!(run_child(&path, kind, None), "an import left alone commits");
        let duration = clock.elapsed();
        let full = check_and_count(&path);
        assert_eq!(
            if kind == "tasks" { full.0 } else { full.2 },
            rows,
            "the whole {kind} import is there"
        );
        for i in 0..KILLS / 2 {
            let path = dir.path().join(format!("{kind}-{i}.db"));
            prepare(&path);
            // Anywhere from the first instant to a little after the import would end.
            let delay = Duration::from_micros(random.below(duration.as_micros() as u64 * 6 / 5));
            let committed = run_child(&path, kind, Some(delay));
            kills += 1;
            let found = check_and_count(&path);
            if found == (0, 0, 0) {
                assert!(
                    !committed,
                    "an import reported committed before the kill is there (seed {seed})"
                );
                absent += 1;
            } else {
                assert_eq!(
                    found, full,
                    "after a kill {delay:?} into the {kind} import, it is all there or none \
                     of it (seed {seed})"
                );
                whole += 1;
                reported += usize::from(committed);
            }
        }
    }
    eprintln!(
        "crash_import: {kills} importers killed at random moments (seed {seed}), every file \
         healthy: {whole} imports wholly there ({reported} reported committed before the \
         kill), {absent} wholly absent, in {:?}",
        started.elapsed()
    );
}
