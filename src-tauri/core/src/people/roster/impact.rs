//! What a roster import does to training and readiness, said before anything is written:
//! who leaves and joins each role ("3 people leave Front desk"), and each rollout's
//! trained % and readiness score before and after ("EHR go-live training 26% → 24%").
//!
//! The figures are the ones every screen shows, computed by the same core code on the
//! directory as it is before the rows are applied and as it is after (inside the
//! import's transaction, rolled back for a preview). A roster import changes people and
//! their training records only, so a rollout's readiness before is its criteria and
//! SOPs as they stand, weighed with the training completion read before.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::people::store::people as person_rows;
use crate::people::store::roles as role_rows;
use crate::readiness::readiness_with_completion;
use crate::rollouts::fetch_rollout;
use crate::store::Tx;
use crate::training::{completion_of_every_rollout, RoleCompletion, TrainingProgress};
use crate::Result;

/// How many active people a role loses and gains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoleMove {
    /// The role's name (a role the import adds has no id until it is written).
    pub role_name: String,
    /// Active people who hold the role before the import and not after (moved to another
    /// role, or no longer active).
    pub leaving: usize,
    /// Active people who hold the role after the import and not before.
    pub joining: usize,
}

/// A rollout whose training or readiness the import changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrainingImpact {
    pub rollout_id: String,
    pub rollout_name: String,
    pub trained_before: TrainingProgress,
    pub trained_after: TrainingProgress,
    /// The readiness score (0–100) before and after.
    pub readiness_before: i64,
    pub readiness_after: i64,
}

/// The directory and training as they were before the rows were applied.
pub(super) struct Before {
    roles: HashMap<String, String>,
    completion: Vec<(String, Vec<RoleCompletion>)>,
}

impl Before {
    pub(super) fn read(tx: &Tx<'_>, today: NaiveDate) -> Result<Self> {
        Ok(Self {
            roles: person_rows::active_roles(tx)?,
            completion: completion_of_every_rollout(tx, today)?,
        })
    }

    /// The moves between roles and the rollouts whose figures changed, now that the
    /// rows are applied and new staff assigned their training.
    pub(super) fn compare(
        self,
        tx: &Tx<'_>,
        today: NaiveDate,
    ) -> Result<(Vec<RoleMove>, Vec<TrainingImpact>)> {
        let after_roles = person_rows::active_roles(tx)?;
        let moves = role_moves(tx, &self.roles, &after_roles)?;
        let after: HashMap<String, Vec<RoleCompletion>> = completion_of_every_rollout(tx, today)?
            .into_iter()
            .collect();
        let mut impacts = Vec::new();
        for (rollout_id, before) in &self.completion {
            let trained_before = TrainingProgress::of_roles(before);
            let completion_after = after.get(rollout_id).map(Vec::as_slice).unwrap_or_default();
            let trained_after = TrainingProgress::of_roles(completion_after);
            if trained_before == trained_after {
                continue;
            }
            impacts.push(TrainingImpact {
                rollout_name: fetch_rollout(tx, rollout_id)?.name,
                readiness_before: readiness_with_completion(tx, rollout_id, before)?.score,
                // The completion just read is the one readiness weighs: not read again.
                readiness_after: readiness_with_completion(tx, rollout_id, completion_after)?.score,
                rollout_id: rollout_id.clone(),
                trained_before,
                trained_after,
            });
        }
        impacts.sort_by_key(|impact| impact.rollout_name.to_lowercase());
        Ok((moves, impacts))
    }
}

fn role_moves(
    tx: &Tx<'_>,
    before: &HashMap<String, String>,
    after: &HashMap<String, String>,
) -> Result<Vec<RoleMove>> {
    // (leaving, joining) by role id; ordered so the list comes out the same every time.
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (person, role) in before {
        if after.get(person) != Some(role) {
            counts.entry(role).or_default().0 += 1;
        }
    }
    for (person, role) in after {
        if before.get(person) != Some(role) {
            counts.entry(role).or_default().1 += 1;
        }
    }
    let mut moves = Vec::with_capacity(counts.len());
    for (role_id, (leaving, joining)) in counts {
        moves.push(RoleMove {
            role_name: role_rows::name_of(tx, role_id)?.unwrap_or_default(),
            leaving,
            joining,
        });
    }
    moves.sort_by_key(|m| m.role_name.to_lowercase());
    Ok(moves)
}
