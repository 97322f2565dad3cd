//! When the app started, and the one line it logs when its first screen is usable.

use std::fmt::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use serde::Deserialize;
use ts_rs::TS;

/// What the window says of its start: when its page began to load (milliseconds since
/// the Unix epoch, the page's `performance.timeOrigin`) and when each step was done
/// (milliseconds after that).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct StartupReport {
    pub page_opened_at: f64,
    pub steps: Vec<(String, f64)>,
}

/// Managed by Tauri from the first moment of `run`.
pub struct Startup {
    started: Instant,
    /// The same moment by the wall clock, which is what the page's times are on.
    started_at_ms: f64,
    reported: AtomicBool,
}

impl Startup {
    pub fn now() -> Self {
        let since_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        Self {
            started: Instant::now(),
            started_at_ms: since_epoch.as_secs_f64() * 1e3,
            reported: AtomicBool::new(false),
        }
    }

    /// Logs how long the first screen took and where the time went, once per launch (a
    /// reloaded page may ask again). `scripts/bench.sh` reads this line.
    pub fn first_screen_shown(&self, report: &StartupReport) {
        if !self.reported.swap(true, Ordering::Relaxed) {
            eprintln!(
                "Rollplan: first screen shown {} ms after start ({})",
                self.started.elapsed().as_millis(),
                self.describe(report)
            );
        }
    }

    /// "page opened at 310 ms, script 420 ms, app info 450 ms, …", all after start.
    fn describe(&self, report: &StartupReport) -> String {
        let opened = report.page_opened_at - self.started_at_ms;
        let mut text = format!("page opened at {opened:.0} ms");
        for (step, at) in &report.steps {
            let _ = write!(text, ", {step} {:.0} ms", opened + at);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_are_told_in_milliseconds_after_start() {
        let startup = Startup::now();
        let report = StartupReport {
            page_opened_at: startup.started_at_ms + 300.0,
            steps: vec![("script".into(), 120.0), ("Home figures".into(), 410.4)],
        };
        assert_eq!(
            startup.describe(&report),
            "page opened at 300 ms, script 420 ms, Home figures 710 ms"
        );
    }
}
