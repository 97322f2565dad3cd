//! Risks: likelihood × impact on 1-5 scales, with mitigation, owner, trigger and status;
//! a 5×5 heat map and the top risks for the overview.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::edit::rating;
use super::record::{owner, FoundOwner, Record};
use super::store;
use crate::audit::ChangeSet;
use crate::{CoreError, FieldError, Result, Store};

/// Where a risk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    #[default]
    Open,
    Mitigating,
    Closed,
}

coded_enum!(RiskStatus, "status", "status", {
    Open => "open", "Open";
    Mitigating => "mitigating", "Mitigating";
    Closed => "closed", "Closed";
});

/// How a risk's score reads: the one banding the risk list, the overview, the heat map
/// and every export colour and label by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    /// Score 1-7.
    Low,
    /// Score 8-14.
    Medium,
    /// Score 15-25: likely and serious.
    High,
}

coded_enum!(RiskBand, "band", "band", {
    Low => "low", "Low";
    Medium => "medium", "Medium";
    High => "high", "High";
});

impl RiskBand {
    /// The band of a likelihood × impact score.
    pub fn of(score: i64) -> Self {
        match score {
            15.. => Self::High,
            8..=14 => Self::Medium,
            _ => Self::Low,
        }
    }
}

/// A risk to a rollout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Risk {
    pub id: String,
    pub rollout_id: String,
    pub title: String,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: i64,
    /// 1 (minor) to 5 (severe).
    pub impact: i64,
    /// Likelihood × impact, 1 to 25.
    pub score: i64,
    /// The score's band.
    pub band: RiskBand,
    pub mitigation: String,
    pub owner_id: Option<String>,
    pub owner_name: String,
    /// What tells us the risk is turning into an issue.
    pub trigger: String,
    pub status: RiskStatus,
    pub row_version: i64,
}

/// The editable part of a risk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RiskDraft {
    pub title: String,
    pub likelihood: i64,
    pub impact: i64,
    pub mitigation: String,
    /// A person's id or name from the directory; empty for nobody yet.
    pub owner: String,
    pub trigger: String,
    pub status: RiskStatus,
}

/// Counts of live, not closed risks per cell: `counts[likelihood - 1][impact - 1]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RiskHeatMap {
    pub counts: Vec<Vec<i64>>,
    /// Each cell's band, laid out as `counts`: the colours the screen and exports share.
    pub bands: Vec<Vec<RiskBand>>,
}

impl RiskHeatMap {
    /// A heat map of `counts`, with every cell's band.
    pub fn new(counts: Vec<Vec<i64>>) -> Self {
        let bands = (1..=5)
            .map(|likelihood| {
                (1..=5)
                    .map(|impact| RiskBand::of(likelihood * impact))
                    .collect()
            })
            .collect();
        Self { counts, bands }
    }
}

/// A risk's draft once checked: what is written.
pub(crate) struct ValidRisk {
    pub title: String,
    pub likelihood: i64,
    pub impact: i64,
    pub mitigation: String,
    pub owner_id: Option<String>,
    pub owner_name: String,
    pub trigger: String,
    pub status: RiskStatus,
}

impl Store {
    /// A rollout's live risks, highest score first, closed ones last.
    pub fn list_risks(&self, rollout_id: &str) -> Result<Vec<Risk>> {
        self.read(|conn| store::list(conn, rollout_id))
    }

    /// The `count` highest-scoring risks that are not closed.
    pub fn top_risks(&self, rollout_id: &str, count: usize) -> Result<Vec<Risk>> {
        let mut risks = self.list_risks(rollout_id)?;
        risks.retain(|r| r.status != RiskStatus::Closed);
        risks.truncate(count);
        Ok(risks)
    }

    /// The 5×5 heat map of a rollout's risks that are not closed.
    pub fn risk_heat_map(&self, rollout_id: &str) -> Result<RiskHeatMap> {
        let mut counts = vec![vec![0i64; 5]; 5];
        for risk in self.list_risks(rollout_id)? {
            if risk.status != RiskStatus::Closed {
                counts[(risk.likelihood - 1) as usize][(risk.impact - 1) as usize] += 1;
            }
        }
        Ok(RiskHeatMap::new(counts))
    }

    pub fn create_risk(&self, rollout_id: &str, draft: &RiskDraft) -> Result<Risk> {
        self.write(|tx| store::create(tx, rollout_id, draft))
    }

    /// Edits a risk; refused if it changed since `expected_row_version`.
    pub fn update_risk(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &RiskDraft,
    ) -> Result<Risk> {
        self.write(|tx| store::edit(tx, id, expected_row_version, draft))
    }

    pub fn trash_risk(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<Risk>(tx, id, true))
    }

    pub fn restore_risk(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<Risk>(tx, id, false))
    }
}

impl Record for Risk {
    type Draft = RiskDraft;
    type Lookup = FoundOwner;
    type Valid = ValidRisk;

    fn validate(draft: &RiskDraft, found: FoundOwner) -> Result<ValidRisk> {
        let mut errors = Vec::new();
        if draft.title.trim().is_empty() {
            errors.push(FieldError::new("title", "Say what could go wrong."));
        }
        rating(
            draft.likelihood,
            "likelihood",
            "Likelihood",
            "1 (rare) to 5 (almost certain)",
            &mut errors,
        );
        rating(
            draft.impact,
            "impact",
            "Impact",
            "1 (minor) to 5 (severe)",
            &mut errors,
        );
        let (owner_id, owner_name) = owner(found, &mut errors);
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors));
        }
        Ok(ValidRisk {
            title: draft.title.trim().to_owned(),
            likelihood: draft.likelihood,
            impact: draft.impact,
            mitigation: draft.mitigation.clone(),
            owner_id,
            owner_name,
            trigger: draft.trigger.clone(),
            status: draft.status,
        })
    }

    fn describe(changes: &mut ChangeSet, old: Option<&Risk>, new: &ValidRisk) {
        let text = |f: fn(&Risk) -> &str| old.map(f).unwrap_or_default();
        let number = |f: fn(&Risk) -> i64| old.map(|r| f(r).to_string()).unwrap_or_default();
        changes.compare("title", text(|r| &r.title), new.title.as_str());
        changes.compare(
            "likelihood",
            number(|r| r.likelihood),
            new.likelihood.to_string(),
        );
        changes.compare("impact", number(|r| r.impact), new.impact.to_string());
        changes.compare(
            "mitigation",
            text(|r| &r.mitigation),
            new.mitigation.as_str(),
        );
        changes.compare("owner", text(|r| &r.owner_name), new.owner_name.as_str());
        changes.compare("trigger", text(|r| &r.trigger), new.trigger.as_str());
        changes.compare(
            "status",
            old.map(|r| r.status.code()).unwrap_or(""),
            new.status.code(),
        );
    }

    fn label(&self) -> &str {
        &self.title
    }

    fn row_version(&self) -> i64 {
        self.row_version
    }
}
