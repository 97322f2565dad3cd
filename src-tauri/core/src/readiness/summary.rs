//! One line per live rollout for Home: its readiness verdict, training progress and
//! the plan's overdue and blocked tasks.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::store::criterion_states_by_rollout;
use super::verdict::verdict_and_score;
use super::Verdict;
use crate::sops::sop_statuses_by_rollout;
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
        let (criteria, sops, tasks) = self.read(|conn| {
            Ok((
                criterion_states_by_rollout(conn)?,
                sop_statuses_by_rollout(conn)?,
                plan::overdue_and_blocked_by_rollout(conn, today)?,
            ))
        })?;
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
