//! One line per live rollout for Home: its readiness verdict, training progress and
//! the plan's overdue and blocked tasks.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::store::criterion_states_by_rollout;
use super::verdict::verdict_and_score;
use super::{CriterionStatus, Verdict};
use crate::sops::{sop_statuses_by_rollout, SopStatus};
use crate::store::{Conn, Reads};
use crate::training::TrainingProgress;
use crate::{plan, Result, Store};

/// What Home shows about a rollout beyond its own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RolloutStatus {
    pub rollout_id: String,
    pub verdict: Verdict,
    pub score: i64,
    /// People in required roles, how many are fully trained or overdue, and the
    /// trained % every screen shows.
    pub training: TrainingProgress,
    /// Open tasks past their due date, and tasks marked blocked.
    pub tasks_overdue: i64,
    pub tasks_blocked: i64,
}

impl Store {
    /// Readiness and training progress of every live rollout. Each source is read once
    /// for all rollouts (a few queries however many rollouts there are), then each
    /// rollout is weighed as [`Store::rollout_readiness`] weighs it.
    pub fn rollout_statuses(&self, today: NaiveDate) -> Result<Vec<RolloutStatus>> {
        let rollouts = self.list_rollouts()?;
        let mut training = self.training_completion_by_rollout(today)?;
        let (criteria, sops, tasks) = self.read_kept_where(
            |store| &store.kept.home_counts,
            |counts| counts.day == today,
            |conn| counts_in(conn, today),
            |_, counts| {
                Ok((
                    counts.criteria.clone(),
                    counts.sops.clone(),
                    counts.tasks.clone(),
                ))
            },
        )?;
        Ok(rollouts
            .into_iter()
            .map(|rollout| {
                let id = rollout.id;
                let roles = training.remove(&id).unwrap_or_default();
                let (verdict, score) = verdict_and_score(
                    criteria.get(&id).map_or(&[], Vec::as_slice),
                    &roles,
                    sops.get(&id).map_or(&[], Vec::as_slice),
                );
                let (tasks_overdue, tasks_blocked) = tasks.get(&id).copied().unwrap_or((0, 0));
                RolloutStatus {
                    verdict,
                    score,
                    training: TrainingProgress::of_roles(&roles),
                    tasks_overdue,
                    tasks_blocked,
                    rollout_id: id,
                }
            })
            .collect())
    }
}

/// What Home counts of every rollout beside its training, for one day: its criteria's
/// states, its SOPs' statuses and its plan's overdue and blocked tasks. Kept while
/// none of what it reads changes ([`HOME_COUNTS_READS`]).
#[derive(Debug)]
pub(crate) struct HomeCounts {
    day: NaiveDate,
    criteria: HashMap<String, Vec<(CriterionStatus, bool)>>,
    sops: HashMap<String, Vec<SopStatus>>,
    tasks: HashMap<String, (i64, i64)>,
}

/// What [`HomeCounts`] reads: a task's title typed leaves them as they were, its status
/// or due date changed counts them again. A test checks the list against the columns
/// the read asks SQLite for.
pub(crate) const HOME_COUNTS_READS: Reads = Reads {
    name: "home_counts",
    tables: &[
        (
            "readiness_criteria",
            &[
                "rollout_id",
                "status",
                "hard_gate",
                "deleted_at",
                "category",
                "created_at",
                "id",
            ],
        ),
        ("sops", &["id", "status", "code", "deleted_at"]),
        ("sop_rollouts", &[]),
        (
            "plan_tasks",
            &["rollout_id", "status", "due_date", "deleted_at"],
        ),
    ],
    pointed_at: &[],
};

/// Works out [`HomeCounts`] for `today`.
pub(crate) fn counts_in(conn: &Conn, today: NaiveDate) -> Result<HomeCounts> {
    Ok(HomeCounts {
        day: today,
        criteria: criterion_states_by_rollout(conn)?,
        sops: sop_statuses_by_rollout(conn)?,
        tasks: plan::overdue_and_blocked_by_rollout(conn, today)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::TaskStatus;

    /// Home's counts are kept for the day asked while nothing they read changes: a
    /// task's title typed leaves them, its status changed, a criterion met or another
    /// day reads them again, and the statuses are always what reading afresh gives.
    #[test]
    fn home_counts_are_read_again_only_when_what_they_read_changes() {
        let store = Store::open_in_memory().expect("store");
        store.record_undo().expect("undo recording, as in the app");
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        let rollouts = crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
        let afresh = |day| {
            let counts = store.read(|conn| counts_in(conn, day)).expect("afresh");
            (counts.criteria, counts.sops, counts.tasks)
        };
        let kept = |day| {
            store
                .read_kept_where(
                    |store| &store.kept.home_counts,
                    |counts| counts.day == day,
                    |conn| counts_in(conn, day),
                    |_, c| Ok((c.criteria.clone(), c.sops.clone(), c.tasks.clone())),
                )
                .expect("kept")
        };
        let statuses = store.rollout_statuses(today).expect("statuses");
        assert!(
            statuses
                .iter()
                .any(|s| s.tasks_overdue > 0 || s.tasks_blocked > 0),
            "the sample clinic has tasks late or blocked"
        );
        let mut loads = store.kept.home_counts.loads();
        let mut check = |day, again: bool, what: &str| {
            assert_eq!(
                kept(day),
                afresh(day),
                "{what}: the kept counts are the database's"
            );
            let now = store.kept.home_counts.loads();
            assert_eq!(now > loads, again, "{what}: read again? {again}");
            loads = now;
        };
        check(today, false, "asked again");

        let task = store.list_tasks(&rollouts[0].id).expect("tasks").remove(0);
        let mut draft = task.draft();
        draft.title.push_str(" (typed)");
        let task = store
            .update_task(&task.id, task.row_version, &draft)
            .expect("title typed");
        check(today, false, "a task's title typed");

        let mut draft = task.draft();
        draft.status = match task.status {
            TaskStatus::Blocked => TaskStatus::Doing,
            _ => TaskStatus::Blocked,
        };
        store
            .update_task(&task.id, task.row_version, &draft)
            .expect("status changed");
        check(today, true, "a task's status changed");

        let criterion = store
            .list_criteria(&rollouts[0].id)
            .expect("criteria")
            .remove(0);
        let status = match criterion.status {
            CriterionStatus::Met => CriterionStatus::AtRisk,
            _ => CriterionStatus::Met,
        };
        store
            .set_criterion_status(&criterion.id, criterion.row_version, status)
            .expect("criterion changed");
        check(today, true, "a criterion's status changed");

        check(today.succ_opt().expect("tomorrow"), true, "the next day");
    }

    /// Every column Home's counts read is one whose change makes the kept counts stale.
    #[test]
    fn home_counts_watch_every_column_they_read() {
        let store = Store::open_in_memory().expect("store");
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
        let read = store.columns_read(|conn| counts_in(conn, today).map(drop));
        let unwatched = HOME_COUNTS_READS.unwatched(&read);
        assert!(
            unwatched.is_empty(),
            "every column Home's counts read is watched; not: {unwatched:?}"
        );
    }
}
