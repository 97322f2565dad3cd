//! Stakeholders: people and groups, their RACI role in each workstream, and where they
//! stand on the change (ADKAR), so resistance is visible before go-live.

mod adkar;
mod check;
mod raci;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store;
use crate::people::family_sort_key;
use crate::{Result, Store};

pub use adkar::{Adkar, AdkarBarrier, AdkarStage, ADKAR_BARRIER_BELOW};
pub(crate) use check::ValidStakeholder;
pub use raci::{Raci, RaciAssignment};

/// A person or group with a stake in the rollout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Stakeholder {
    pub id: String,
    pub rollout_id: String,
    /// A person's name or a group ("Northgate providers").
    pub name: String,
    pub is_group: bool,
    /// The directory entry, for a stakeholder who is one person from it.
    pub person_id: Option<String>,
    pub notes: String,
    pub raci: Vec<RaciAssignment>,
    pub adkar: Adkar,
    pub row_version: i64,
}

/// The editable part of a stakeholder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct StakeholderDraft {
    pub name: String,
    pub is_group: bool,
    pub person_id: Option<String>,
    pub notes: String,
    pub raci: Vec<RaciAssignment>,
    pub adkar: Adkar,
}

impl Store {
    /// A rollout's live stakeholders, each with their RACI rows: groups by name, then
    /// people by family name as the directory lists them.
    pub fn list_stakeholders(&self, rollout_id: &str) -> Result<Vec<Stakeholder>> {
        let mut found: Vec<Stakeholder> = self.read(|conn| store::list(conn, rollout_id))?;
        // Stable: groups keep the database's order by name.
        found
            .sort_by_cached_key(|s| (!s.is_group, (!s.is_group).then(|| family_sort_key(&s.name))));
        Ok(found)
    }

    /// Each live stakeholder's weakest ADKAR stage, barriers first.
    pub fn adkar_barriers(&self, rollout_id: &str) -> Result<Vec<AdkarBarrier>> {
        let mut barriers: Vec<AdkarBarrier> = self
            .list_stakeholders(rollout_id)?
            .into_iter()
            .map(AdkarBarrier::of)
            .collect();
        // Lowest score first; on a tie the earlier stage, which blocks the later ones.
        barriers.sort_by_key(|b| (!b.is_barrier, b.score.is_none(), b.score, b.stage));
        Ok(barriers)
    }

    pub fn create_stakeholder(
        &self,
        rollout_id: &str,
        draft: &StakeholderDraft,
    ) -> Result<Stakeholder> {
        self.write(|tx| store::create(tx, rollout_id, draft))
    }

    /// Replaces a stakeholder's fields, RACI rows and assessment; refused if it changed
    /// since `expected_row_version`.
    pub fn update_stakeholder(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &StakeholderDraft,
    ) -> Result<Stakeholder> {
        self.write(|tx| store::edit(tx, id, expected_row_version, draft))
    }

    pub fn trash_stakeholder(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<Stakeholder>(tx, id, true))
    }

    pub fn restore_stakeholder(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<Stakeholder>(tx, id, false))
    }
}
