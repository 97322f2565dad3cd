//! `demo`: the sample clinic, or the large (or extra-large) workspace the benchmark
//! measures.

use std::io::{IsTerminal, Write};
use std::time::Instant;

use chrono::NaiveDate;
use rollplan_core::demo::large::{self, GeneratedSize, Progress};
use rollplan_core::demo::{seed_sample_clinic, SAMPLE_CLINIC};
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
    let generated = match size {
        DemoSize::Sample => {
            if seed.is_some() {
                return Err(CoreError::invalid(
                    "seed",
                    "only --size large or xl takes a seed; the sample clinic is always the same.",
                ));
            }
            let seeded = seed_sample_clinic(store, today)?;
            say!(
                "Added the sample clinic ({SAMPLE_CLINIC}): {} rollouts in {path}",
                seeded.len()
            );
            return Ok(());
        }
        DemoSize::Large => (GeneratedSize::Large, "large"),
        DemoSize::Xl => (GeneratedSize::ExtraLarge, "extra-large"),
    };
    let (size, name) = generated;
    let seed = seed.unwrap_or(large::DEFAULT_SEED);
    let started = Instant::now();
    let mut line = ProgressLine::new(started);
    let counts = large::seed_workspace(store, size, seed, today, &mut |at| line.show(at));
    line.finish();
    let counts = counts?;
    say!(
        "Added the {name} workspace (seed {seed}) in {:.1} s to {path}:",
        started.elapsed().as_secs_f64()
    );
    for (what, count) in counts {
        say!("  {count:>9}  {what}");
    }
    Ok(())
}

/// One line on the terminal saying what the generator is doing, rewritten in place; silent
/// when stderr is not a terminal, so scripts and logs get the summary alone.
struct ProgressLine {
    started: Instant,
    shown: bool,
    last: Option<&'static str>,
}

impl ProgressLine {
    fn new(started: Instant) -> Self {
        Self {
            started,
            shown: false,
            last: None,
        }
    }

    fn show(&mut self, at: Progress) {
        if !std::io::stderr().is_terminal() {
            return;
        }
        // A stage repeating (rollout after rollout) is redrawn every tenth step only.
        if self.last == Some(at.stage) && !at.done.is_multiple_of(10) {
            return;
        }
        self.last = Some(at.stage);
        let count = if at.of > 0 && at.done > 0 {
            format!(" {}/{}", at.done, at.of)
        } else {
            String::new()
        };
        let elapsed = self.started.elapsed().as_secs();
        let mut err = std::io::stderr().lock();
        // Failing to draw the progress line is no reason to stop the seeding.
        let _ = write!(err, "\r\x1b[2K  {}{count}… ({elapsed} s)", at.stage);
        let _ = err.flush();
        self.shown = true;
    }

    fn finish(&mut self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}
