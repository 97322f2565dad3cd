//! The all-rollouts status on the generated workspace (at the small scale a debug build
//! seeds in a moment): every active rollout is in it, once, with its own figures.

use chrono::{Duration, NaiveDate};

use crate::demo::large::{seed_small_workspace, DEFAULT_SEED};
use crate::rollouts::Phase;
use crate::Store;

#[test]
fn the_all_rollouts_status_of_the_generated_workspace_holds_each_active_rollout_once() {
    let store = Store::open_in_memory().expect("store");
    let today = NaiveDate::from_ymd_opt(2027, 1, 20).expect("date");
    seed_small_workspace(&store, DEFAULT_SEED, today).expect("workspace");
    let status = store
        .draft_portfolio_status(today - Duration::days(7), today)
        .expect("the all-rollouts status drafts");
    let active: Vec<String> = store
        .list_rollouts()
        .expect("rollouts")
        .into_iter()
        .filter(|r| r.phase != Phase::Closed)
        .map(|r| r.id)
        .collect();
    let mut shown: Vec<String> = status
        .rollouts
        .iter()
        .map(|f| f.rollout_id.clone())
        .collect();
    shown.sort();
    let mut expected = active.clone();
    expected.sort();
    assert_eq!(
        shown, expected,
        "every active rollout once, closed ones left out"
    );
    let mut keys: Vec<&str> = status
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.key.as_str()))
        .collect();
    let count = keys.len();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(
        keys.len(),
        count,
        "every item has its own key, to be hidden alone"
    );
    for figures in &status.rollouts {
        let readiness = store
            .rollout_readiness(&figures.rollout_id, today)
            .expect("readiness");
        assert_eq!(
            (figures.readiness_now.verdict, figures.readiness_now.score),
            (readiness.verdict, readiness.score),
            "a past week's end is rebuilt to today's verdict when nothing changed since: {}",
            figures.rollout_name
        );
    }
}
