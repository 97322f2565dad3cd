//! *Plan the next wave* from the 2,000-task rollout: its plan, checklist, risks,
//! training requirements, metrics and communications copied in one transaction, on a
//! copy of the workspace (every run adds a wave, and a kept workspace must not grow).

use std::path::Path;
use std::time::Duration;

use chrono::Duration as Days;
use rollplan_core::programmes::{ProgrammeDraft, WaveDraft};
use rollplan_core::Store;
use rusqlite::{params, Connection};

use crate::measure::{Bench, Budget};
use crate::Landmarks;

/// One wave planned in under a second.
const PLAN_WAVE: Budget = Budget::Median(Duration::from_secs(1));

pub fn run(bench: &mut Bench, workspace: &Path, dir: &Path, at: &Landmarks) {
    let path = dir.join("waves.db");
    Connection::open(workspace)
        .unwrap()
        .execute("VACUUM INTO ?1", params![path.to_string_lossy()])
        .unwrap();
    let store = Store::open(&path).unwrap();
    let programme = store
        .create_programme(&ProgrammeDraft {
            name: "Enterprise EHR, site by site".into(),
            ..ProgrammeDraft::default()
        })
        .unwrap();
    store
        .add_rollout_to_programme(&programme.id, &at.rollout.id)
        .unwrap();
    let first_go_live = at.rollout.go_live_date.unwrap_or(at.today);
    bench.area("Programme waves", &at.rollout.name);
    let mut wave = 1;
    bench.time(
        "plan_next_wave (from the 2,000-task plan)",
        PLAN_WAVE,
        || {
            wave += 1;
            store
                .plan_next_wave(
                    &programme.id,
                    &WaveDraft {
                        name: format!("{} — wave {wave}", at.rollout.name),
                        go_live_date: (first_go_live + Days::weeks(wave)).to_string(),
                        sites: vec![format!("Site group {wave}")],
                    },
                    at.today,
                )
                .unwrap();
        },
    );
}
