//! Home's figures in one reading: every live rollout's status line, the programmes its
//! waves are grouped under, and the first few SOPs due for review and metrics needing
//! action with how many there are. A project office's workspace has hundreds of each;
//! Home shows a few and a button for the rest, so only those few travel to the window
//! (the full lists are the commands of their own, asked for when the button is pressed).

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::metrics::MetricStatus;
use crate::programmes::ProgrammeWaves;
use crate::readiness::RolloutStatus;
use crate::sops::SopSummary;
use crate::{Result, Store};

/// The first items of a list, and how many it has in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FirstOf<T> {
    pub first: Vec<T>,
    pub total: u32,
}

impl<T> FirstOf<T> {
    fn of(mut all: Vec<T>, first: usize) -> Self {
        let total = u32::try_from(all.len()).unwrap_or(u32::MAX);
        all.truncate(first);
        Self { first: all, total }
    }
}

/// What Home shows beyond the rollouts themselves.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HomeFigures {
    pub statuses: Vec<RolloutStatus>,
    pub programmes: Vec<ProgrammeWaves>,
    /// SOPs in force whose review falls within the window asked for, soonest first.
    pub sops_due: FirstOf<SopSummary>,
    /// Metrics of every live rollout needing action, act first.
    pub metrics_attention: FirstOf<MetricStatus>,
}

impl Store {
    /// Home's figures for `today`: each list cut to its `first` items, with its total;
    /// the same items, in the same order, as [`Store::sops_due_for_review`] and
    /// [`Store::metrics_needing_attention`] give whole.
    pub fn home_figures(
        &self,
        today: NaiveDate,
        sop_review_within_days: u64,
        first: usize,
    ) -> Result<HomeFigures> {
        Ok(HomeFigures {
            statuses: self.rollout_statuses(today)?,
            programmes: self.list_programmes()?,
            sops_due: FirstOf::of(
                self.sops_due_for_review(today, sop_review_within_days)?,
                first,
            ),
            metrics_attention: FirstOf::of(self.metrics_needing_attention(None, today)?, first),
        })
    }

    /// Reads Home's kept figures for `today` ahead of the window asking for them, so they
    /// are kept by the time it does. The app calls this as it starts, while the window
    /// is still loading its page: on a workspace of hundreds of rollouts and hundreds of
    /// thousands of training records, the first reading is the slowest part of showing
    /// Home, and the processor would otherwise sit waiting for the page.
    pub fn read_home_ahead(&self, today: NaiveDate) -> Result<()> {
        self.rollout_statuses(today)?;
        self.metrics_needing_attention(None, today)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Home's lists are the whole lists' first items, and their totals the whole lists'
    /// lengths.
    #[test]
    fn home_figures_are_the_first_of_the_whole_lists() {
        let store = Store::open_in_memory().expect("store");
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
        let sops = store.sops_due_for_review(today, 400).expect("sops due");
        let metrics = store
            .metrics_needing_attention(None, today)
            .expect("metrics");
        assert!(
            sops.len() > 1 && metrics.len() > 1,
            "the sample clinic has a few of each"
        );

        let home = store.home_figures(today, 400, 1).expect("home");
        assert_eq!(home.sops_due.first, sops[..1].to_vec());
        assert_eq!(home.sops_due.total as usize, sops.len());
        assert_eq!(home.metrics_attention.first, metrics[..1].to_vec());
        assert_eq!(home.metrics_attention.total as usize, metrics.len());
        assert_eq!(
            home.statuses,
            store.rollout_statuses(today).expect("statuses")
        );
        assert_eq!(
            home.programmes,
            store.list_programmes().expect("programmes")
        );

        let whole = store.home_figures(today, 400, 100).expect("home");
        assert_eq!(whole.sops_due.first, sops, "a short list travels whole");
        assert_eq!(whole.metrics_attention.first, metrics);
    }

    /// What the app reads ahead as it starts is what Home then asks for: each of Home's
    /// kept figures is read once, and Home's own asking reads nothing again.
    #[test]
    fn home_read_ahead_leaves_nothing_for_home_to_read_again() {
        let store = Store::open_in_memory().expect("store");
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
        let loads = |store: &Store| {
            [
                store.kept.every_standing.loads(),
                store.kept.home_counts.loads(),
                store.kept.metrics_attention.loads(),
            ]
        };
        let before = loads(&store);
        store.read_home_ahead(today).expect("read ahead");
        let ahead = loads(&store);
        for (what, (before, ahead)) in ["standing", "counts", "metrics"]
            .iter()
            .zip(before.iter().zip(ahead.iter()))
        {
            assert_eq!(*ahead, before + 1, "{what} read once ahead");
        }
        let statuses = store.rollout_statuses(today).expect("statuses");
        let attention = store
            .metrics_needing_attention(None, today)
            .expect("metrics");
        assert_eq!(loads(&store), ahead, "Home's asking reads nothing again");
        assert!(
            !statuses.is_empty() && !attention.is_empty(),
            "the sample clinic has both"
        );
    }
}
