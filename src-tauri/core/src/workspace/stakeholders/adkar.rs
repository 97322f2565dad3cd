//! ADKAR (Prosci): where a stakeholder stands on the change, stage by stage, and the
//! stage to work on first — so resistance is visible before go-live.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The stages of ADKAR (Prosci), in the order people move through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdkarStage {
    Awareness,
    Desire,
    Knowledge,
    Ability,
    Reinforcement,
}

coded_enum!(AdkarStage, "ADKAR stage", "stage", {
    Awareness => "awareness", "Awareness";
    Desire => "desire", "Desire";
    Knowledge => "knowledge", "Knowledge";
    Ability => "ability", "Ability";
    Reinforcement => "reinforcement", "Reinforcement";
});

/// An ADKAR assessment, each stage 1-5; `None` while not assessed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Adkar {
    pub awareness: Option<i64>,
    pub desire: Option<i64>,
    pub knowledge: Option<i64>,
    pub ability: Option<i64>,
    pub reinforcement: Option<i64>,
}

/// Below this an ADKAR stage is a barrier to work on.
pub const ADKAR_BARRIER_BELOW: i64 = 3;

impl Adkar {
    /// Each assessed stage with its score, in ADKAR order.
    pub fn stages(&self) -> Vec<(AdkarStage, i64)> {
        [
            (AdkarStage::Awareness, self.awareness),
            (AdkarStage::Desire, self.desire),
            (AdkarStage::Knowledge, self.knowledge),
            (AdkarStage::Ability, self.ability),
            (AdkarStage::Reinforcement, self.reinforcement),
        ]
        .into_iter()
        .filter_map(|(stage, score)| score.map(|s| (stage, s)))
        .collect()
    }

    /// The stage to work on: ADKAR's barrier point, the first stage scored below 3
    /// (people cannot reach Knowledge without Desire, however low Knowledge is); with
    /// none below 3, the lowest-scored stage (the earlier one on a tie). `None` while
    /// nothing is assessed.
    pub fn weakest_stage(&self) -> Option<(AdkarStage, i64)> {
        let stages = self.stages();
        stages
            .iter()
            .copied()
            .find(|&(_, score)| score < ADKAR_BARRIER_BELOW)
            .or_else(|| stages.iter().copied().min_by_key(|&(_, score)| score))
    }

    /// The stage to work on, named for a report: "Knowledge", or a dash while nothing
    /// is assessed.
    pub fn weakest_stage_name(&self) -> String {
        self.weakest_stage()
            .map(|(stage, _)| format!("{stage:?}"))
            .unwrap_or_else(|| "—".into())
    }
}

/// A stakeholder's weakest ADKAR stage, for the "where is resistance" view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AdkarBarrier {
    pub stakeholder_id: String,
    pub name: String,
    pub is_group: bool,
    /// `None` while not assessed.
    pub stage: Option<AdkarStage>,
    pub score: Option<i64>,
    /// The stage scores below 3: a barrier to work on before go-live.
    pub is_barrier: bool,
}

impl AdkarBarrier {
    /// A stakeholder's weakest stage, and whether it is a barrier.
    pub(super) fn of(stakeholder: super::Stakeholder) -> Self {
        let weakest = stakeholder.adkar.weakest_stage();
        Self {
            stakeholder_id: stakeholder.id,
            name: stakeholder.name,
            is_group: stakeholder.is_group,
            stage: weakest.map(|(stage, _)| stage),
            score: weakest.map(|(_, score)| score),
            is_barrier: weakest.is_some_and(|(_, score)| score < ADKAR_BARRIER_BELOW),
        }
    }
}
