//! Imports through their real path (read the file, check every row, write the rows and
//! their audit entries in one transaction) beside a raw insert of the same rows into the
//! same tables — values and ids prepared in memory beforehand, one prepared statement
//! per table, one transaction, no checks, no audit entries — on a second database in the
//! same state, in the same run. After each pair the two databases are compared: both
//! must have gained the same number of rows in every table the raw insert writes.
//!
//! Every import on a file first backs the whole database up (`before-import`): a fixed
//! cost per import, not per row, that on the large workspace outweighs a small import.
//! The import still makes it here, through its real code path; its duration (as the
//! store measured it) is shown on a row of its own and taken out of the import's rows
//! per second.
//!
//! The import side records each import as a step that can be undone, as the app does
//! (a row of the undo log beside each row written); the command line records none
//! (`ROLLPLAN_BENCH_UNDO=off` measures that path).
//!
//! Each import runs against two states, three times each with the median kept (one run
//! of a few hundred milliseconds is at the mercy of whatever else the machine is doing):
//! a fresh database (the import's own cost) and a copy of the large workspace (what a
//! user of it waits for; a roster's new hires are assigned the training their roles
//! require, and the raw insert writes those training records too).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rollplan_core::backup::{list_backups, BackupReason};
use rollplan_core::import::read_table;
use rollplan_core::metrics::{Cadence, MetricDraft, MetricUnit};
use rollplan_core::people::roster::{RejectedRows, RosterMapping};
use rollplan_core::plan::mspdi::read_plan_file;
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::Store;
use rusqlite::{params, Connection, Transaction};

use crate::measure::{ms, rate, size, Bench, Budget, Value};

mod inputs;

/// Imports at no less than a third of raw SQLite insert speed.
const IMPORT: Budget = Budget::OfRawSpeed(1.0 / 3.0);
const AT: &str = "2026-01-01T00:00:00.000Z";

/// Writes a raw insert's rows; built before the clock starts.
type RawInsert = Box<dyn FnOnce(&Transaction<'_>)>;

struct Case {
    name: &'static str,
    file: PathBuf,
    rows: usize,
    /// Brings a database to the state the import expects; returns the rollout it goes to.
    setup: fn(&Store, &Path) -> String,
    import: fn(&Store, &Path, &str),
    raw: fn(&Connection, &Path, &str) -> RawInsert,
    /// The tables the raw insert writes: both sides must add as many rows to each.
    tables: &'static [&'static str],
}

/// Timings of an import and of a raw insert of the same rows.
struct Sample {
    /// Seconds in the import, without its backup.
    import: f64,
    /// Seconds in the import's `before-import` backup, and the size of that backup.
    backup: f64,
    bytes: u64,
    /// Seconds in the raw insert.
    raw: f64,
}

#[derive(Clone, Copy)]
enum Target {
    Fresh,
    Workspace,
}

pub fn run(bench: &mut Bench, workspace: &Path, dir: &Path) {
    let files = inputs::write(dir);
    let cases = [
        Case {
            name: "roster",
            file: files.roster.clone(),
            rows: inputs::PEOPLE,
            setup: |_, _| String::new(),
            import: import_roster,
            raw: raw_roster,
            tables: &["people", "training_records"],
        },
        Case {
            name: "tasks",
            file: files.tasks.clone(),
            rows: inputs::TASKS,
            setup: setup_tasks,
            import: import_tasks,
            raw: raw_tasks,
            tables: &["plan_phases", "plan_tasks", "plan_dependencies"],
        },
        // The same plan as Microsoft Project XML, as MS Project would send it back.
        Case {
            name: "tasks (MSPDI)",
            file: files.tasks_mspdi.clone(),
            rows: inputs::TASKS,
            setup: setup_tasks,
            import: import_mspdi_tasks,
            raw: raw_mspdi_tasks,
            tables: &["plan_phases", "plan_tasks", "plan_dependencies"],
        },
        Case {
            name: "measurements",
            file: files.measurements.clone(),
            rows: inputs::MEASUREMENTS,
            setup: setup_measurements,
            import: import_measurements,
            raw: raw_measurements,
            tables: &["metric_measurements"],
        },
    ];
    bench.begin(
        "Import",
        "rows per second through the import (file read, every row checked, rows and audit \
         entries written; without its before-import backup, timed on the row below it) and \
         through a raw insert of the same rows into the same tables",
    );
    for case in &cases {
        for (target, runs, label) in [
            (Target::Fresh, 3, "fresh db"),
            (Target::Workspace, 3, "workspace copy"),
        ] {
            let samples: Vec<Sample> = (0..runs)
                .map(|n| sample(case, target, workspace, dir, &files.roster, n))
                .collect();
            let import = median(samples.iter().map(|s| case.rows as f64 / s.import));
            let raw = median(samples.iter().map(|s| case.rows as f64 / s.raw));
            let backup = median(samples.iter().map(|s| s.backup));
            let slowest_backup = samples.iter().map(|s| s.backup).fold(0.0, f64::max);
            let bytes = samples.iter().map(|s| s.bytes).max().unwrap_or(0) as usize;
            let what = format!("{}, {} rows, {label}", case.name, thousands(case.rows));
            println!(
                "  {what:<46} import {:>14}  raw {:>14}  {:.2} of raw",
                rate(import),
                rate(raw),
                import / raw
            );
            let backup_what = format!("  its before-import backup ({})", size(bytes));
            println!(
                "  {backup_what:<46} {:>10} (the whole database copied once per import)",
                ms(Duration::from_secs_f64(backup))
            );
            bench.push(&what, Value::Speed { import, raw }, IMPORT);
            bench.push(
                &format!("backup before {}, {label}", case.name),
                Value::Time {
                    median: Duration::from_secs_f64(backup),
                    p95: Duration::from_secs_f64(slowest_backup),
                    bytes: Some(bytes),
                },
                Budget::None,
            );
        }
    }
}

/// One import and one raw insert of `case` into twin databases.
fn sample(
    case: &Case,
    target: Target,
    workspace: &Path,
    dir: &Path,
    roster: &Path,
    n: usize,
) -> Sample {
    let twin = |role: &str| {
        let path = dir.join(format!("{}-{role}-{n}.db", case.name));
        if let Target::Workspace = target {
            let source = Connection::open(workspace).unwrap();
            source
                .execute("VACUUM INTO ?1", params![path.to_string_lossy()])
                .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let rollout = (case.setup)(&store, roster);
        (store, path, rollout)
    };
    let (store, import_path, rollout) = twin("import");
    // `ROLLPLAN_BENCH_UNDO=off` measures the command line's path, for comparison.
    if std::env::var_os("ROLLPLAN_BENCH_UNDO").is_none_or(|v| v != "off") {
        store.record_undo().unwrap();
    }
    let before = counts(&import_path, case.tables);
    let started = Instant::now();
    (case.import)(&store, &case.file, &rollout);
    let elapsed = started.elapsed();
    let backup = store
        .last_import_backup_time()
        .expect("an import into a file makes a before-import backup");
    drop(store);
    // What the backup copied: the database with what its WAL still held.
    let bytes = list_backups(&import_path)
        .unwrap()
        .into_iter()
        .find(|b| b.reason == BackupReason::BeforeImport)
        .map_or(0, |b| b.size_bytes);

    let (store, raw_path, rollout) = twin("raw");
    drop(store);
    assert_eq!(
        before,
        counts(&raw_path, case.tables),
        "the import and the raw insert start from the same state"
    );
    let mut conn = Connection::open(&raw_path).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
    )
    .unwrap();
    let insert = (case.raw)(&conn, &case.file, &rollout);
    let started = Instant::now();
    let tx = conn.transaction().unwrap();
    insert(&tx);
    tx.commit().unwrap();
    let raw = started.elapsed().as_secs_f64();
    drop(conn);
    assert_eq!(
        counts(&import_path, case.tables),
        counts(&raw_path, case.tables),
        "the raw insert must add as many rows to {:?} as the {} import",
        case.tables,
        case.name
    );
    for path in [import_path, raw_path] {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    // The backups of earlier samples would otherwise pile up in the temporary folder.
    let _ = std::fs::remove_dir_all(dir.join("backups"));
    Sample {
        import: (elapsed - backup).as_secs_f64(),
        backup: backup.as_secs_f64(),
        bytes,
        raw,
    }
}

/// How many rows each of `tables` holds in the database at `path`.
fn counts(path: &Path, tables: &[&str]) -> Vec<i64> {
    let conn = Connection::open(path).unwrap();
    tables
        .iter()
        .map(|table| {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
}

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn import_roster(store: &Store, file: &Path, _: &str) {
    let table = read_table(file).unwrap();
    let mapping = RosterMapping::guess(&table.headers);
    store
        .import_roster(&table, &mapping, RejectedRows::Refuse, roster_today())
        .unwrap();
}

/// The people, and the training records the import assigns them: one per module their
/// role requires in a live rollout (none in a fresh database).
fn raw_roster(conn: &Connection, file: &Path, _: &str) -> RawInsert {
    let rows: Vec<[String; 4]> = inputs::read_rows(file);
    let mut required = conn
        .prepare(
            "SELECT DISTINCT q.module_id FROM training_requirements q
             JOIN rollouts o ON o.id = q.rollout_id AND o.deleted_at IS NULL
             JOIN training_modules m ON m.id = q.module_id AND m.deleted_at IS NULL
             WHERE q.deleted_at IS NULL AND q.role_id = ?1",
        )
        .unwrap();
    let mut modules: HashMap<String, Vec<String>> = HashMap::new();
    let mut people = Vec::with_capacity(rows.len());
    let mut records = Vec::new();
    for [name, role, department, email] in rows {
        let role_id: String = conn
            .query_row("SELECT id FROM roles WHERE name = ?1", params![role], |r| {
                r.get(0)
            })
            .unwrap();
        let person_id = uuid::Uuid::now_v7().to_string();
        let required = modules.entry(role_id.clone()).or_insert_with(|| {
            required
                .query_map(params![role_id], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        });
        for module_id in required.iter() {
            records.push((
                uuid::Uuid::now_v7().to_string(),
                person_id.clone(),
                module_id.clone(),
            ));
        }
        people.push((person_id, name, role_id, department, email));
    }
    Box::new(move |tx| {
        let mut insert = tx.prepare("INSERT INTO people (id, name, role_id, department, email, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)").unwrap();
        for (id, name, role_id, department, email) in &people {
            insert
                .execute(params![id, name, role_id, department, email, AT])
                .unwrap();
        }
        let mut assign = tx.prepare("INSERT INTO training_records (id, person_id, module_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)").unwrap();
        for (id, person, module) in &records {
            assign.execute(params![id, person, module, AT]).unwrap();
        }
    })
}

/// The tasks go to a new rollout; their owners come from the roster, imported first.
fn setup_tasks(store: &Store, roster: &Path) -> String {
    import_roster(store, roster, "");
    let draft = RolloutDraft {
        name: "Vendor plan import".into(),
        ..RolloutDraft::default()
    };
    store.create_rollout(&draft).unwrap().id
}

fn import_tasks(store: &Store, file: &Path, rollout: &str) {
    store
        .import_tasks(rollout, &read_table(file).unwrap())
        .unwrap();
}

fn import_mspdi_tasks(store: &Store, file: &Path, rollout: &str) {
    store
        .import_tasks(rollout, &read_plan_file(file).unwrap())
        .unwrap();
}

/// The raw insert of the same plan, prepared from the CSV it was made from.
fn raw_mspdi_tasks(conn: &Connection, file: &Path, rollout: &str) -> RawInsert {
    raw_tasks(conn, &file.with_extension("csv"), rollout)
}

fn raw_tasks(conn: &Connection, file: &Path, rollout: &str) -> RawInsert {
    let plan = inputs::resolve_plan(conn, file);
    let rollout = rollout.to_owned();
    Box::new(move |tx| {
        let mut phase = tx.prepare("INSERT INTO plan_phases (id, rollout_id, name, position, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)").unwrap();
        for (position, (id, name)) in plan.phases.iter().enumerate() {
            phase
                .execute(params![id, rollout, name, position as i64 + 1, AT])
                .unwrap();
        }
        let mut task = tx.prepare("INSERT INTO plan_tasks (id, rollout_id, phase_id, title, owner_id, start_date, due_date, status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)").unwrap();
        for t in &plan.tasks {
            task.execute(params![
                t.id, rollout, t.phase_id, t.title, t.owner_id, t.start, t.due, t.status, AT
            ])
            .unwrap();
        }
        let mut dependency = tx.prepare("INSERT INTO plan_dependencies (task_id, depends_on_id, created_at) VALUES (?1, ?2, ?3)").unwrap();
        for (task, predecessor) in &plan.dependencies {
            dependency.execute(params![task, predecessor, AT]).unwrap();
        }
    })
}

/// The values go to a new rollout's daily metrics, named as the file names them.
fn setup_measurements(store: &Store, _: &Path) -> String {
    let draft = RolloutDraft {
        name: "Daily metrics import".into(),
        ..RolloutDraft::default()
    };
    let rollout = store.create_rollout(&draft).unwrap().id;
    for name in inputs::METRIC_NAMES {
        let draft = MetricDraft {
            name: (*name).into(),
            unit: MetricUnit::Count,
            cadence: Cadence::Daily,
            ..MetricDraft::default()
        };
        store.create_metric(&rollout, &draft).unwrap();
    }
    rollout
}

fn import_measurements(store: &Store, file: &Path, rollout: &str) {
    store
        .import_measurements(rollout, &read_table(file).unwrap())
        .unwrap();
}

fn raw_measurements(conn: &Connection, file: &Path, rollout: &str) -> RawInsert {
    let rows: Vec<[String; 3]> = inputs::read_rows(file);
    let mut ids = std::collections::HashMap::new();
    for name in inputs::METRIC_NAMES {
        let id: String = conn
            .query_row(
                "SELECT id FROM metrics WHERE rollout_id = ?1 AND name = ?2",
                params![rollout, name],
                |r| r.get(0),
            )
            .unwrap();
        ids.insert(*name, id);
    }
    let values: Vec<(String, String, String, f64)> = rows
        .into_iter()
        .map(|[metric, on, value]| {
            (
                uuid::Uuid::now_v7().to_string(),
                ids[metric.as_str()].clone(),
                on,
                value.parse().unwrap(),
            )
        })
        .collect();
    Box::new(move |tx| {
        let mut insert = tx.prepare("INSERT INTO metric_measurements (id, metric_id, measured_on, value, source, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'raw', ?5, ?5)").unwrap();
        for (id, metric, on, value) in &values {
            insert.execute(params![id, metric, on, value, AT]).unwrap();
        }
    })
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The day a roster import weighs training and readiness on.
pub(crate) fn roster_today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, 1, 11).expect("a real date")
}
