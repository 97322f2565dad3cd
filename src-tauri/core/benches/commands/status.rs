//! The weekly status drafted on the large workspace: the 2,000-task rollout's week, and
//! the week of all 50 rollouts together (the project office's Monday summary), as the
//! Status tab and `rollplan-cli status` draft them.

use std::time::Duration;

use rollplan_core::Store;

use crate::measure::{Bench, Budget};
use crate::Landmarks;

/// One rollout's status in under 50 ms, every active rollout's in under 200 ms.
const ROLLOUT: Budget = Budget::Median(Duration::from_millis(50));
const PORTFOLIO: Budget = Budget::Median(Duration::from_millis(200));

pub fn run(bench: &mut Bench, store: &Store, at: &Landmarks) {
    let today = at.today;
    // Last week: a whole week of the audit log and records to read.
    let last_week = today - chrono::Duration::days(7);
    bench.area("Weekly status", &at.rollout.name);
    bench.time("draft_status (largest rollout)", ROLLOUT, || {
        drop(
            store
                .draft_status(&at.rollout.id, last_week, today)
                .unwrap(),
        )
    });
    bench.time("draft_portfolio_status (all rollouts)", PORTFOLIO, || {
        drop(store.draft_portfolio_status(last_week, today).unwrap())
    });
}
