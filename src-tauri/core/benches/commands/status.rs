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
    bench.time("draft_status (largest rollout, last week)", ROLLOUT, || {
        drop(
            store
                .draft_status(&at.rollout.id, last_week, today)
                .unwrap(),
        )
    });
    bench.time("draft_status (largest rollout, this week)", ROLLOUT, || {
        drop(store.draft_status(&at.rollout.id, today, today).unwrap())
    });
    // The generator creates every rollout today, so this week is the one all of them
    // were tracked in (last week's all-rollouts status would have none to draft).
    let portfolio = store.draft_portfolio_status(today, today).unwrap();
    let items: usize = portfolio.sections.iter().map(|s| s.items.len()).sum();
    println!(
        "  this week's all-rollouts status covers {} active rollouts, {items} items",
        portfolio.rollouts.len()
    );
    bench.time(
        "draft_portfolio_status (all rollouts, this week)",
        PORTFOLIO,
        || drop(store.draft_portfolio_status(today, today).unwrap()),
    );
}
