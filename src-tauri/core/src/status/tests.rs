//! The all-rollouts status on the generated workspace (at the small scale a debug build
//! seeds in a moment): every active rollout is in it, once, with its own figures, and
//! its routine progress counted as its own status lists it.

use chrono::{Duration, NaiveDate};

use super::portfolio::LISTED_EACH;
use super::SectionKind;
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

#[test]
fn the_all_rollouts_status_counts_each_rollouts_routine_progress_as_its_own_status_lists_it() {
    let store = Store::open_in_memory().expect("store");
    // The generated plans are written now, so the week holding today is full of routine
    // progress.
    let today = crate::time::now().date_naive();
    seed_small_workspace(&store, DEFAULT_SEED, today).expect("workspace");
    let portfolio = store
        .draft_portfolio_status(today, today)
        .expect("the all-rollouts status drafts");
    let mut summarised = 0;
    for figures in &portfolio.rollouts {
        let own = store
            .draft_status(&figures.rollout_id, today, today)
            .expect("the rollout's own status");
        for (kind, noun) in [
            (SectionKind::Completed, "completed"),
            (SectionKind::Started, "started"),
        ] {
            let listed = |status: &crate::status::StatusDraft| -> Vec<String> {
                status
                    .sections
                    .iter()
                    .filter(|s| s.kind == kind)
                    .flat_map(|s| s.items.iter())
                    .filter(|i| i.rollout_name == figures.rollout_name)
                    .map(|i| i.happened.clone())
                    .collect()
            };
            let own_items = listed(&own);
            let shown = listed(&portfolio);
            if own_items.len() > LISTED_EACH {
                summarised += 1;
                assert_eq!(
                    shown,
                    [format!("{} tasks {noun}", own_items.len())],
                    "{}: one line with the count its own status lists",
                    figures.rollout_name
                );
            } else {
                assert_eq!(
                    shown, own_items,
                    "{}: a few are listed one by one",
                    figures.rollout_name
                );
            }
        }
        let needing = |status: &crate::status::StatusDraft| -> Vec<String> {
            status
                .sections
                .iter()
                .filter(|s| !matches!(s.kind, SectionKind::Completed | SectionKind::Started))
                .flat_map(|s| s.items.iter())
                .filter(|i| i.rollout_name == figures.rollout_name)
                .map(|i| i.key.clone())
                .collect()
        };
        let mut own_needing = needing(&own);
        let mut shown_needing = needing(&portfolio);
        own_needing.sort();
        shown_needing.sort();
        assert_eq!(
            shown_needing, own_needing,
            "{}: news that needs someone stays item by item",
            figures.rollout_name
        );
    }
    assert!(
        summarised > 0,
        "the generated week has a rollout with many tasks done"
    );
}
