//! One line per live rollout for Home: its readiness verdict, training progress and
//! the plan's overdue and blocked tasks.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::Verdict;
use crate::{plan, Result, Store};

/// What Home shows about a rollout beyond its own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RolloutStatus {
    pub rollout_id: String,
    pub verdict: Verdict,
    pub score: i64,
    /// People in required roles, and how many of them are fully trained or overdue.
    pub people_to_train: i64,
    pub people_trained: i64,
    pub people_overdue: i64,
    /// Open tasks past their due date, and tasks marked blocked.
    pub tasks_overdue: i64,
    pub tasks_blocked: i64,
}

impl Store {
    /// Readiness and training progress of every live rollout.
    pub fn rollout_statuses(&self, today: NaiveDate) -> Result<Vec<RolloutStatus>> {
        self.list_rollouts()?
            .into_iter()
            .map(|rollout| {
                // One completion pass serves both the verdict and the training figures.
                let roles = self.rollout_training_completion(&rollout.id, today)?;
                let readiness = self.readiness_with(&rollout.id, &roles)?;
                let (tasks_overdue, tasks_blocked) =
                    self.read(|conn| plan::overdue_and_blocked(conn, &rollout.id, today))?;
                Ok(RolloutStatus {
                    rollout_id: rollout.id,
                    verdict: readiness.verdict,
                    score: readiness.score,
                    people_to_train: roles.iter().map(|r| r.people).sum(),
                    people_trained: roles.iter().map(|r| r.trained).sum(),
                    people_overdue: roles.iter().map(|r| r.overdue).sum(),
                    tasks_overdue,
                    tasks_blocked,
                })
            })
            .collect()
    }
}
