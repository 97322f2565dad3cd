//! The benchmark of DESIGN.md §6 on the large workspace (`rollplan-cli demo --size
//! large`): every command the UI calls on its main screens, every export of the largest
//! rollout with its size, and imports beside a raw SQLite insert of the same rows. Ends
//! with a table of every figure against its budget. Prints figures; asserts nothing (the
//! machines are shared and noisy).
//!
//!     cargo bench -p rollplan-core --bench commands
//!
//! `cargo bench -p rollplan-core --bench commands -- imports` runs one part (screens,
//! exports, maps, scale, status, imports, waves, window). The window part — start-up and
//! memory of the release app beside an empty Tauri window, and the .deb — needs the
//! builds and the display that `scripts/bench.sh` provides; that script runs the whole
//! benchmark. The scale part times the screens again on the extra-large workspace
//! (`demo --size xl`) beside the large one. `ROLLPLAN_BENCH_DB=PATH` (and
//! `ROLLPLAN_BENCH_XL_DB=PATH`) keeps the workspace in PATH: generated there on the first
//! run and reused on later ones (the few edits the benchmark times — an autosave, a
//! status change — are written to it; imports and the planned wave go to copies).

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod exports;
mod imports;
mod maps;
mod measure;
mod scale;
mod screens;
mod status;
mod waves;
mod window;

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use rollplan_core::demo::large::{self, GeneratedSize};
use rollplan_core::metrics::Cadence;
use rollplan_core::rollouts::Rollout;
use rollplan_core::sops::SopStatus;
use rollplan_core::Store;

use measure::Bench;

/// The things on the workspace the screens are opened on: the largest of each kind.
pub struct Landmarks {
    pub today: NaiveDate,
    /// The rollout with the most tasks (the 2,000-task plan).
    pub rollout: Rollout,
    /// The SOP with the most steps, and a draft one for the autosave.
    pub longest_sop: String,
    pub draft_sop: String,
    /// An SOP with at least two approved versions, to compare.
    pub revised_sop: String,
    /// The largest rollout's daily metric with the most values.
    pub daily_metric: String,
    pub person: String,
}

fn main() {
    let today = chrono::Local::now().date_naive();
    let kept = std::env::var_os("ROLLPLAN_BENCH_DB").map(PathBuf::from);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = kept.unwrap_or_else(|| dir.path().join("large.db"));
    let store = open_generated(&path, GeneratedSize::Large, today);
    let landmarks = find_landmarks(&store, today);
    println!(
        "rollout screens open '{}'; today is {today}",
        landmarks.rollout.name
    );

    // Naming parts after `--` runs only those: screens, exports, maps, scale, status, imports,
    // waves, window.
    let parts: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    let wanted = |part: &str| parts.is_empty() || parts.iter().any(|p| p == part);
    let mut bench = Bench::default();
    if wanted("screens") {
        screens::run(&mut bench, &store, &landmarks);
    }
    if wanted("exports") {
        exports::run(&mut bench, &store, &landmarks);
    }
    if wanted("maps") {
        maps::run(&mut bench, &store, &landmarks);
    }
    let xl_path = std::env::var_os("ROLLPLAN_BENCH_XL_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().join("extra-large.db"));
    if wanted("scale") {
        scale::run(&mut bench, &store, &landmarks, &xl_path);
    }
    if wanted("status") {
        status::run(&mut bench, &store, &landmarks);
    }
    if wanted("imports") {
        imports::run(&mut bench, &path, dir.path());
    }
    if wanted("waves") {
        waves::run(&mut bench, &path, dir.path(), &landmarks);
    }
    if wanted("window") {
        // The extra-large workspace is built here if the scale part has not built it.
        drop(open_generated(&xl_path, GeneratedSize::ExtraLarge, today));
        let workspaces = [
            window::Workspace {
                label: "large",
                path: &path,
                memory: window::MEMORY_LARGE,
            },
            window::Workspace {
                label: "extra-large",
                path: &xl_path,
                memory: window::MEMORY_XL,
            },
        ];
        window::run(&mut bench, &workspaces, dir.path());
    }
    measure::print_table(&bench.figures);
}

/// The generated workspace of `size` in `path`: made there on the first run, reused on
/// later ones.
fn open_generated(path: &Path, size: GeneratedSize, today: NaiveDate) -> Store {
    let store = Store::open(path).expect("open the workspace");
    if store.count_rollouts().expect("count") == 0 {
        let started = Instant::now();
        large::seed_workspace(&store, size, large::DEFAULT_SEED, today, &mut |_| {}).expect("seed");
        println!(
            "generated the workspace (seed {}) in {:.1} s into {}",
            large::DEFAULT_SEED,
            started.elapsed().as_secs_f64(),
            path.display()
        );
    } else {
        println!("reusing the workspace in {}", path.display());
    }
    for (what, count) in large::count_workspace(&store).expect("counts") {
        println!("  {count:>9}  {what}");
    }
    store
}

fn find_landmarks(store: &Store, today: NaiveDate) -> Landmarks {
    let rollout = store
        .find_rollout(large::LARGEST_ROLLOUT)
        .or_else(|_| {
            let rollouts = store.list_rollouts()?;
            let mut sized = Vec::new();
            for rollout in rollouts {
                sized.push((store.list_tasks(&rollout.id)?.len(), rollout));
            }
            sized.sort_by_key(|(tasks, _)| *tasks);
            sized
                .pop()
                .map(|(_, rollout)| rollout)
                .ok_or_else(|| rollplan_core::CoreError::Database("no rollouts".into()))
        })
        .expect("a rollout to open");
    let mut sops = Vec::new();
    for summary in store.list_sops().expect("sops") {
        sops.push(store.get_sop(&summary.id).expect("sop"));
    }
    let longest = |wanted: &dyn Fn(&rollplan_core::sops::Sop) -> bool| {
        sops.iter()
            .filter(|s| wanted(s))
            .max_by_key(|s| s.steps.len())
            .map(|s| s.id.clone())
            .expect("an SOP of that kind")
    };
    let mut daily = Vec::new();
    for metric in store.list_metrics(&rollout.id).expect("metrics") {
        if metric.cadence == Cadence::Daily {
            let values = store.list_measurements(&metric.id).expect("values").len();
            daily.push((values, metric.id));
        }
    }
    daily.sort();
    Landmarks {
        today,
        longest_sop: longest(&|_| true),
        draft_sop: longest(&|s| s.status == SopStatus::Draft),
        revised_sop: longest(&|s| s.approved_version.is_some_and(|v| v >= 2)),
        daily_metric: daily.pop().map(|(_, id)| id).expect("a daily metric"),
        person: store
            .list_people(false)
            .expect("people")
            .first()
            .map(|p| p.id.clone())
            .expect("someone"),
        rollout,
    }
}
