//! What an import did (or, previewed, would do), and how the caller settles conflicts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::audit::FieldChange;

/// The outcome of importing (or previewing) a bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct BundleImportReport {
    pub rollout_id: String,
    pub rollout_name: String,
    /// False for a preview: nothing was written.
    pub written: bool,
    /// One entry per section of the bundle, in the bundle's order.
    pub sections: Vec<SectionCounts>,
    /// Rows that differ between this database and the bundle.
    pub conflicts: Vec<BundleConflict>,
    /// Things the user should know that did not stop the import.
    pub warnings: Vec<String>,
    /// How the rollout's readiness will read here unlike what the sender saw (its
    /// explanation is also among the warnings); `None` when they agree.
    pub readiness_change: Option<super::ReadinessChange>,
}

/// How many of a section's records were added, left alone or overwritten.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct SectionCounts {
    /// The bundle's name for it: "tasks", "metric_measurements", ...
    pub section: String,
    /// New here: created.
    pub added: usize,
    /// Already here, and the same (or kept as it is here after a conflict).
    pub skipped: usize,
    /// Already here but different, and replaced with the bundle's version.
    pub updated: usize,
}

/// One row that exists on both sides with different content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BundleConflict {
    /// Names the conflict in [`BundleResolutions::by_conflict`]: `section/id`.
    pub key: String,
    pub section: String,
    pub id: String,
    /// The row's name as people know it (a task's title).
    pub label: String,
    /// Each differing field: `old` is this database's value, `new` the bundle's.
    pub fields: Vec<FieldChange>,
    /// False for an approved SOP revision, which is never changed once approved.
    pub can_take_theirs: bool,
    /// What will happen (or happened); `None` while the user has not chosen.
    pub resolution: Option<BundleResolution>,
}

/// What to do with a row that differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BundleResolution {
    /// Keep this database's version; the bundle's is ignored.
    KeepMine,
    /// Replace this database's version with the bundle's.
    TakeTheirs,
}

/// The caller's choices: one per conflict key, else the choice for all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct BundleResolutions {
    pub all: Option<BundleResolution>,
    pub by_conflict: BTreeMap<String, BundleResolution>,
}

impl BundleResolutions {
    /// The same choice for every conflict.
    pub fn all(choice: BundleResolution) -> Self {
        Self {
            all: Some(choice),
            by_conflict: BTreeMap::new(),
        }
    }

    pub(crate) fn for_key(&self, key: &str) -> Option<BundleResolution> {
        self.by_conflict.get(key).copied().or(self.all)
    }
}

impl BundleImportReport {
    pub(crate) fn counts(&mut self, section: &str) -> &mut SectionCounts {
        if let Some(index) = self.sections.iter().position(|s| s.section == section) {
            return &mut self.sections[index];
        }
        self.sections.push(SectionCounts {
            section: section.to_owned(),
            ..SectionCounts::default()
        });
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    /// Conflicts still waiting for the user's choice.
    pub fn unresolved(&self) -> impl Iterator<Item = &BundleConflict> {
        self.conflicts.iter().filter(|c| c.resolution.is_none())
    }

    /// Records added, over all sections.
    pub fn total_added(&self) -> usize {
        self.sections.iter().map(|s| s.added).sum()
    }

    /// Records replaced with the bundle's version, over all sections.
    pub fn total_updated(&self) -> usize {
        self.sections.iter().map(|s| s.updated).sum()
    }

    /// Records left as they are, over all sections.
    pub fn total_skipped(&self) -> usize {
        self.sections.iter().map(|s| s.skipped).sum()
    }
}
