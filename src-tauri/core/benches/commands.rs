//! Latency of the commands the UI calls, on a file-backed store with many rollouts.
//! Prints figures; asserts nothing (the machines are shared and noisy).
//!
//!     cargo bench -p rollplan-core --bench commands
//!
//! Each later area of the app adds its own commands here.

use std::time::{Duration, Instant};

use rollplan_core::bundle::{bundle_to_json, BundleResolutions};
use rollplan_core::import::read_table;
use rollplan_core::metrics::{Cadence, MetricDraft, MetricUnit};
use rollplan_core::people::roster::{RejectedRows, RosterMapping};
use rollplan_core::rollouts::{Phase, RolloutDraft, RolloutKind};
use rollplan_core::sops::{SopDraft, Step};
use rollplan_core::training::{MatrixFilter, ModuleDraft, TrainingFormat};
use rollplan_core::Store;

const ROLLOUTS: usize = 500;
const SAMPLES: usize = 200;
const PEOPLE: usize = 1_000;
const MODULES: usize = 40;
/// Fewer samples for the whole-directory operations, which take far longer each.
const HEAVY_SAMPLES: usize = 15;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("bench.db")).expect("open store");

    let started = Instant::now();
    let mut ids = Vec::with_capacity(ROLLOUTS);
    for i in 0..ROLLOUTS {
        ids.push(store.create_rollout(&draft(i)).expect("create").id);
    }
    println!(
        "seeded {ROLLOUTS} rollouts in {:.0} ms (one transaction each)\n",
        started.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "command", "median", "p95", "max"
    );

    let mut next = 0usize;
    let mut pick = || {
        next = (next + 7919) % ids.len();
        ids[next].clone()
    };

    report(
        "list_rollouts",
        measure(|| drop(store.list_rollouts().expect("list"))),
    );
    report(
        "get_rollout",
        measure(|| drop(store.get_rollout(&pick()).expect("get"))),
    );
    report(
        "update_rollout",
        measure(|| {
            let current = store.get_rollout(&pick()).expect("get");
            let mut edited = current.draft();
            edited.owner = format!("Owner {}", current.row_version);
            store
                .update_rollout(&current.id, current.row_version, &edited)
                .expect("update");
        }),
    );
    report(
        "rollout_history",
        measure(|| drop(store.rollout_history(&pick()).expect("history"))),
    );
    let mut n = ROLLOUTS;
    report(
        "create_rollout",
        measure(|| {
            n += 1;
            store.create_rollout(&draft(n)).expect("create");
        }),
    );

    people_and_training();
    sop_library();
    large_plan();
    metrics();
}

/// 100,000 measurements (10 metrics × 10,000 days): the import through its real path
/// (read the CSV, check every row, write in one transaction) against a raw insert of the
/// same rows into the same table — values prepared in memory beforehand, one prepared
/// statement, one transaction — on a second file of the same schema. Then the chart and
/// status commands on that workspace.
fn metrics() {
    const METRICS: usize = 10;
    const DAYS: usize = 10_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let workspace = |name: &str| {
        let store = Store::open(&dir.path().join(name)).expect("open store");
        let rollout = store.create_rollout(&draft(0)).expect("rollout").id;
        let metric_ids: Vec<String> = (0..METRICS)
            .map(|m| {
                let draft = MetricDraft {
                    name: format!("Metric {m}"),
                    unit: MetricUnit::Count,
                    cadence: Cadence::Daily,
                    ..MetricDraft::default()
                };
                store.create_metric(&rollout, &draft).expect("metric").id
            })
            .collect();
        (store, rollout, metric_ids)
    };
    let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
    let value = |m: usize, d: usize| 100.0 + ((m * 31 + d * 17) % 500) as f64 / 4.0;
    let mut csv = String::from("Metric,Date,Value,Note\n");
    for m in 0..METRICS {
        for d in 0..DAYS {
            let on = start + chrono::Days::new(d as u64);
            csv.push_str(&format!("Metric {m},{on},{},\n", value(m, d)));
        }
    }
    let path = dir.path().join("measurements.csv");
    std::fs::write(&path, csv).expect("write csv");
    let rows = METRICS * DAYS;

    let (store, rollout, metric_ids) = workspace("import.db");
    let started = Instant::now();
    let table = read_table(&path).expect("read csv");
    let imported = store.import_measurements(&rollout, &table).expect("import");
    let import_secs = started.elapsed().as_secs_f64();
    assert_eq!(imported.added, rows);

    let (raw_store, _, raw_metric_ids) = workspace("raw.db");
    drop(raw_store);
    let at = "2026-01-01T00:00:00.000Z";
    let prepared: Vec<(String, &str, String, f64)> = (0..rows)
        .map(|i| {
            let (m, d) = (i / DAYS, i % DAYS);
            let on = start + chrono::Days::new(d as u64);
            (
                uuid::Uuid::now_v7().to_string(),
                raw_metric_ids[m].as_str(),
                on.to_string(),
                value(m, d),
            )
        })
        .collect();
    let mut conn = rusqlite::Connection::open(dir.path().join("raw.db")).expect("open raw");
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
    )
    .expect("pragmas");
    let started = Instant::now();
    let tx = conn.transaction().expect("transaction");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO metric_measurements (id, metric_id, measured_on, value, note, source,
                     created_at, updated_at) VALUES (?1, ?2, ?3, ?4, '', 'raw', ?5, ?5)",
            )
            .expect("prepare");
        for (id, metric, on, value) in &prepared {
            insert
                .execute(rusqlite::params![id, metric, on, value, at])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
    let raw_secs = started.elapsed().as_secs_f64();
    println!(
        "\nimport of {rows} measurements (read CSV, check, write, audit): {:.0} ms = {:.0} rows/s",
        import_secs * 1e3,
        rows as f64 / import_secs
    );
    println!(
        "raw SQLite insert of the same rows into the same table:     {:.0} ms = {:.0} rows/s",
        raw_secs * 1e3,
        rows as f64 / raw_secs
    );
    println!(
        "import speed / raw insert speed: {:.2} (DESIGN.md §6 asks for at least 0.33)\n",
        raw_secs / import_secs
    );

    // A year of daily values for the chart, on its own metric beside the 100,000.
    let year = store
        .create_metric(
            &rollout,
            &MetricDraft {
                name: "A year of daily values".into(),
                unit: MetricUnit::Count,
                cadence: Cadence::Daily,
                ..MetricDraft::default()
            },
        )
        .expect("metric")
        .id;
    let mut year_csv = String::from("Metric,Date,Value\n");
    for d in 0..365 {
        let on = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date") + chrono::Days::new(d);
        year_csv.push_str(&format!("A year of daily values,{on},{}\n", 40 + d % 9));
    }
    let year_table =
        rollplan_core::import::parse_table("year.csv", year_csv.into_bytes()).expect("table");
    store
        .import_measurements(&rollout, &year_table)
        .expect("import year");
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 2).expect("date");
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "command (100,000 values)", "median", "p95", "max"
    );
    report(
        "metric_chart (365 points)",
        measure(|| drop(store.metric_chart(&year, today).expect("chart"))),
    );
    report(
        "metric_chart (10,000 → 400)",
        measure_n(50, || {
            drop(store.metric_chart(&metric_ids[0], today).expect("chart"))
        }),
    );
    report(
        "rollout_metric_statuses",
        measure(|| {
            drop(
                store
                    .rollout_metric_statuses(&rollout, today)
                    .expect("statuses"),
            )
        }),
    );
    report(
        "metrics_needing_attention",
        measure(|| {
            drop(
                store
                    .metrics_needing_attention(None, today)
                    .expect("attention"),
            )
        }),
    );
    report(
        "list_metrics",
        measure(|| drop(store.list_metrics(&rollout).expect("metrics"))),
    );
    let today = chrono::NaiveDate::from_ymd_opt(2027, 6, 1).expect("date");
    exports(&store, &rollout, today, "100,000 values");
}

/// A rollout plan of 2,000 tasks in 20 phases: each task waits for the one before it in
/// its phase, and each phase's first task for the last of the phase before, plus a
/// cross-link every 7 tasks — the shape of a vendor's go-live plan.
fn large_plan() {
    const TASKS: usize = 2_000;
    const PER_PHASE: usize = 100;
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("plan.db")).expect("open store");
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Large EHR go-live".into(),
            start_date: Some("2026-01-01".into()),
            go_live_date: Some("2027-12-31".into()),
            ..RolloutDraft::default()
        })
        .expect("rollout")
        .id;
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
    let mut csv = String::from("Title,Phase,Start,Due,Status,Depends on\n");
    for i in 0..TASKS {
        let phase = i / PER_PHASE;
        let begin = start + chrono::Days::new((phase * 30 + (i % PER_PHASE) / 4) as u64);
        let end = begin + chrono::Days::new((i % 5) as u64);
        let mut after = Vec::new();
        // The task before, in its phase or (for a phase's first task) the last of the
        // phase before.
        if i > 0 {
            after.push(format!("Task {}", i - 1));
        }
        if i % 7 == 0 && i >= PER_PHASE {
            after.push(format!("Task {}", i - PER_PHASE + 3));
        }
        let status = if i % 11 == 0 { "done" } else { "todo" };
        csv.push_str(&format!(
            "Task {i},Phase {phase},{begin},{end},{status},{}\n",
            after.join("; ")
        ));
    }
    let path = dir.path().join("plan.csv");
    std::fs::write(&path, csv).expect("write plan");
    let started = Instant::now();
    let table = read_table(&path).expect("read plan");
    store.import_tasks(&rollout, &table).expect("import plan");
    println!(
        "\nimported {TASKS} tasks with dependencies in {:.0} ms (one transaction)\n",
        started.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "command (2,000 tasks)", "median", "p95", "max"
    );
    let today = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).expect("date");
    report(
        "list_tasks",
        measure_n(50, || drop(store.list_tasks(&rollout).expect("list"))),
    );
    report(
        "critical_path",
        measure_n(50, || drop(store.critical_path(&rollout).expect("path"))),
    );
    report(
        "slipped_tasks",
        measure_n(50, || {
            drop(store.slipped_tasks(&rollout, today).expect("slipped"))
        }),
    );
    report(
        "rollout_overview",
        measure_n(50, || {
            drop(store.rollout_overview(&rollout, today).expect("overview"))
        }),
    );
    report(
        "preview_go_live_move",
        measure_n(20, || {
            drop(
                store
                    .preview_go_live_move(&rollout, "2028-01-14", today)
                    .expect("preview"),
            )
        }),
    );
    bundle_round_trip(&store, &rollout, dir.path());
    exports(&store, &rollout, today, "2,000 tasks");
}

/// The 2,000-task plan as a bundle: export (read + JSON), import into an empty file
/// (every row added), and the same import again (every row compared and skipped).
fn bundle_round_trip(store: &Store, rollout: &str, dir: &std::path::Path) {
    let export = || {
        let bundle = store.export_bundle(rollout, false).expect("export");
        bundle_to_json(&bundle).expect("json")
    };
    let json = export();
    report("export_bundle + JSON", measure_n(20, || drop(export())));
    let mut fresh = Vec::new();
    for sample in 0..5 {
        let target = Store::open(&dir.join(format!("bundle-{sample}.db"))).expect("open");
        let started = Instant::now();
        target
            .import_bundle(&json, &BundleResolutions::default())
            .expect("import");
        fresh.push(started.elapsed());
    }
    fresh.sort();
    report("import_bundle (empty db)", fresh);
    let again = Store::open(&dir.join("bundle-0.db")).expect("reopen");
    report(
        "import_bundle (all same)",
        measure_n(5, || {
            drop(
                again
                    .import_bundle(&json, &BundleResolutions::default())
                    .expect("reimport"),
            )
        }),
    );
    println!("bundle of the 2,000-task plan: {} KB", json.len() / 1024);
}

/// Every export format of one rollout: the report model, the PHI check, then each
/// renderer on that model, with the size of what it writes.
fn exports(store: &Store, rollout: &str, today: chrono::NaiveDate, what: &str) {
    use rollplan_core::export;
    println!(
        "\n{:<32} {:>10} {:>10} {:>10} {:>10}",
        format!("export ({what})"),
        "median",
        "p95",
        "max",
        "size"
    );
    // Table formats carry every value; documents each metric's latest values.
    let tables_of = || store.rollout_report(rollout, today).expect("report");
    let document_of = || {
        store
            .rollout_document_report(rollout, today)
            .expect("report")
    };
    let tables = tables_of();
    let document = document_of();
    let sized = |name: &str, samples: Vec<Duration>, bytes: usize| {
        let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1e3);
        let size = match bytes {
            0 => String::new(),
            b if b < 10 * 1024 => format!("{b} B"),
            b => format!("{:.0} KB", b as f64 / 1024.0),
        };
        println!(
            "{:<32} {:>10} {:>10} {:>10} {:>10}",
            name,
            ms(at(0.5)),
            ms(at(0.95)),
            ms(at(1.0)),
            size
        );
    };
    sized(
        "rollout_report (every value)",
        measure_n(10, || drop(tables_of())),
        0,
    );
    sized(
        "rollout_document_report",
        measure_n(10, || drop(document_of())),
        0,
    );
    sized(
        "phi_check (every value)",
        measure_n(10, || drop(export::phi_check(&tables))),
        0,
    );
    // What `export --format html` does: gather, check, render.
    let html = export::rollout_html(&document).len();
    sized(
        "html (gather + check + render)",
        measure_n(10, || {
            let document = document_of();
            drop(export::phi_check(&document));
            drop(export::rollout_html(&document));
        }),
        html,
    );
    let markdown = export::rollout_markdown(&document).len();
    sized(
        "markdown (render)",
        measure_n(10, || drop(export::rollout_markdown(&document))),
        markdown,
    );
    let csv: usize = export::rollout_csv_files(&tables)
        .expect("csv")
        .iter()
        .map(|(_, b)| b.len())
        .sum();
    sized(
        "csv, all tables (render)",
        measure_n(10, || {
            drop(export::rollout_csv_files(&tables).expect("csv"))
        }),
        csv,
    );
    let xlsx = export::rollout_xlsx(&tables).expect("xlsx").len();
    sized(
        "xlsx (render)",
        measure_n(5, || drop(export::rollout_xlsx(&tables).expect("xlsx"))),
        xlsx,
    );
    let stamp = chrono::Utc::now();
    let ics = export::rollout_ics(&document, stamp).len();
    sized(
        "ics (render)",
        measure_n(10, || drop(export::rollout_ics(&document, stamp))),
        ics,
    );
}

/// The SOP library at DESIGN.md §6 scale: 500 SOPs of 10–50 steps.
fn sop_library() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("sops.db")).expect("open store");
    let topics = [
        "check-in",
        "insurance",
        "prior authorization",
        "refill",
        "referral",
        "downtime",
        "charge capture",
        "no-show",
    ];
    let mut largest = String::new();
    for i in 0..500 {
        let topic = topics[i % topics.len()];
        let steps = 10 + (i % 41);
        let draft = SopDraft {
            code: format!("SOP-{i:03}"),
            title: format!("{topic} procedure {i}"),
            purpose: format!("How the clinic handles {topic} every time."),
            steps: (0..steps)
                .map(|n| Step {
                    role: "Front desk".into(),
                    instruction: format!(
                        "Step {n}: confirm the {topic} details and record them in the chart."
                    ),
                    quality_check: String::new(),
                })
                .collect(),
            ..SopDraft::default()
        };
        let sop = store.create_sop(&draft).expect("sop");
        if steps == 50 {
            largest = sop.id;
        }
    }
    println!(
        "\n{:<28} {:>10} {:>10} {:>10}",
        "command (500 SOPs)", "median", "p95", "max"
    );
    report(
        "search_sops",
        measure(|| drop(store.search_sops("prior auth", 50).expect("search"))),
    );
    report(
        "get_sop (50 steps)",
        measure(|| drop(store.get_sop(&largest).expect("get"))),
    );
    report(
        "list_sops",
        measure(|| drop(store.list_sops().expect("list"))),
    );
}

/// The staff directory and training at the scale of DESIGN.md §6: 1,000 people and
/// 40 modules all required of every role, so 40,000 training records.
fn people_and_training() {
    let dir = tempfile::tempdir().expect("temp dir");
    // ROLLPLAN_BENCH_KEEP names a file to keep the generated workspace in, to inspect it.
    let path = std::env::var_os("ROLLPLAN_BENCH_KEEP")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("training.db"));
    let store = Store::open(&path).expect("open store");
    let roles = store.list_roles().expect("roles");
    let rollout = store.create_rollout(&draft(0)).expect("rollout");
    let roster = roster_csv(dir.path(), &roles);
    let table = read_table(&roster).expect("read roster");
    let mapping = RosterMapping::guess(&table.headers);

    let started = Instant::now();
    store
        .import_roster(&table, &mapping, RejectedRows::Refuse)
        .expect("first import");
    println!(
        "\nimported a {PEOPLE}-row roster into an empty directory in {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    let mut module_ids = Vec::new();
    for m in 0..MODULES {
        let module = ModuleDraft {
            title: format!("Module {m:02}"),
            format: TrainingFormat::Classroom,
            duration_minutes: 60,
            description: String::new(),
        };
        module_ids.push(store.create_training_module(&module).expect("module").id);
    }
    let started = Instant::now();
    for role in &roles {
        for module in &module_ids {
            store
                .add_requirement(&rollout.id, &role.id, module, "2027-01-15")
                .expect("requirement");
        }
    }
    println!(
        "required {MODULES} modules of {} roles ({} records assigned) in {:.0} ms\n",
        roles.len(),
        PEOPLE * MODULES,
        started.elapsed().as_secs_f64() * 1e3
    );
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 20).expect("date");
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "command", "median", "p95", "max"
    );
    let first_page = MatrixFilter {
        rollout_id: Some(rollout.id.clone()),
        ..MatrixFilter::default()
    };
    report(
        "training_matrix (page of 100)",
        measure(|| drop(store.training_matrix(&first_page, today).expect("matrix"))),
    );
    report(
        "rollout_training_completion",
        measure(|| {
            drop(
                store
                    .rollout_training_completion(&rollout.id, today)
                    .expect("completion"),
            )
        }),
    );
    report(
        "list_people",
        measure_n(HEAVY_SAMPLES, || {
            drop(store.list_people(true).expect("people"))
        }),
    );
    report(
        "preview_roster (1,000 rows)",
        measure_n(HEAVY_SAMPLES, || {
            drop(store.preview_roster(&table, &mapping).expect("preview"))
        }),
    );
}

fn roster_csv(dir: &std::path::Path, roles: &[rollplan_core::people::Role]) -> std::path::PathBuf {
    let mut text = String::from("Name,Role,Department,Email\n");
    for i in 0..PEOPLE {
        let role = &roles[i % roles.len()].name;
        let site = ["Riverside Family Medicine", "Northgate Pediatrics"][i % 2];
        text.push_str(&format!(
            "Person {i:04},\"{role}\",{site},person{i}@clinic.org\n"
        ));
    }
    let path = dir.join("roster.csv");
    std::fs::write(&path, text).expect("write roster");
    path
}

fn draft(i: usize) -> RolloutDraft {
    let kinds = RolloutKind::ALL;
    let phases = Phase::ALL;
    RolloutDraft {
        name: format!("Rollout {i:04}"),
        kind: kinds[i % kinds.len()],
        phase: phases[i % phases.len()],
        goal: "Cut the no-show rate from 14% to under 9% with two-way reminders.".into(),
        sites: vec![
            "Riverside Family Medicine".into(),
            "Northgate Pediatrics".into(),
        ],
        sponsor: "Dr. Amara Okafor".into(),
        owner: "Dana Whitfield".into(),
        start_date: Some(format!("2026-{:02}-01", 1 + i % 12)),
        go_live_date: Some(format!("2027-{:02}-15", 1 + i % 12)),
        scope_in: "Scheduling, registration and check-in.".into(),
        scope_out: "Lab interface (phase 2).".into(),
    }
}

fn measure(f: impl FnMut()) -> Vec<Duration> {
    measure_n(SAMPLES, f)
}

fn measure_n(count: usize, mut f: impl FnMut()) -> Vec<Duration> {
    for _ in 0..count.min(10) {
        f();
    }
    let mut samples: Vec<Duration> = (0..count)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    samples
}

fn report(name: &str, samples: Vec<Duration>) {
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| format!("{:.3} ms", d.as_secs_f64() * 1e3);
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        name,
        ms(at(0.5)),
        ms(at(0.95)),
        ms(at(1.0))
    );
}
