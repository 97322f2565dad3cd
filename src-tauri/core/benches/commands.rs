//! Latency of the commands the UI calls, on a file-backed store with many rollouts.
//! Prints figures; asserts nothing (the machines are shared and noisy).
//!
//!     cargo bench -p rollplan-core --bench commands
//!
//! Each later area of the app adds its own commands here.

use std::time::{Duration, Instant};

use rollplan_core::rollouts::{Phase, RolloutDraft, RolloutKind};
use rollplan_core::Store;

const ROLLOUTS: usize = 500;
const SAMPLES: usize = 200;

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

fn measure(mut f: impl FnMut()) -> Vec<Duration> {
    for _ in 0..10 {
        f();
    }
    let mut samples: Vec<Duration> = (0..SAMPLES)
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
