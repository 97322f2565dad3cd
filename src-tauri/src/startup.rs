//! When the app started, and the one line it logs when its first screen is usable.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Managed by Tauri from the first moment of `run`.
pub struct Startup {
    started: Instant,
    reported: AtomicBool,
}

impl Startup {
    pub fn now() -> Self {
        Self {
            started: Instant::now(),
            reported: AtomicBool::new(false),
        }
    }

    /// Logs how long the first screen took, once per launch (a reloaded page may ask
    /// again). `scripts/bench.sh` reads this line to time the start-up.
    pub fn first_screen_shown(&self) {
        if !self.reported.swap(true, Ordering::Relaxed) {
            eprintln!(
                "Rollplan: first screen shown {} ms after start",
                self.started.elapsed().as_millis()
            );
        }
    }
}
