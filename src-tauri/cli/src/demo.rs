//! `demo`: the sample clinic, or the large workspace the benchmark measures.

use std::time::Instant;

use chrono::NaiveDate;
use rollplan_core::demo::{large, seed_sample_clinic, SAMPLE_CLINIC};
use rollplan_core::{CoreError, Store};

use crate::args::DemoSize;
use crate::output::say;

pub fn run(
    store: &Store,
    size: DemoSize,
    seed: Option<u64>,
    path: &str,
    today: NaiveDate,
) -> Result<(), CoreError> {
    match size {
        DemoSize::Sample => {
            if seed.is_some() {
                return Err(CoreError::invalid(
                    "seed",
                    "only --size large takes a seed; the sample clinic is always the same.",
                ));
            }
            let seeded = seed_sample_clinic(store, today)?;
            say!(
                "Added the sample clinic ({SAMPLE_CLINIC}): {} rollouts in {path}",
                seeded.len()
            );
        }
        DemoSize::Large => {
            let seed = seed.unwrap_or(large::DEFAULT_SEED);
            let started = Instant::now();
            let counts = large::seed_large_workspace(store, seed, today)?;
            say!(
                "Added the large workspace (seed {seed}) in {:.1} s to {path}:",
                started.elapsed().as_secs_f64()
            );
            for (what, count) in counts {
                say!("  {count:>9}  {what}");
            }
        }
    }
    Ok(())
}
