//! The weekly status: what happened in one Monday-to-Sunday week of a rollout (or of
//! every active rollout together), drafted from the records and the audit log so the
//! manager edits a status rather than writing it from memory. Worst news first; every
//! item says what happened, its impact, the action and who takes it.
//!
//! - `week` fixes the week and refuses one that has not started;
//! - `sources` gathers a rollout's week (the only part that reads the store), with
//!   `plan_week`, its plan's part, kept while the plan is as it was;
//! - `tasks`, `risks`, `logs`, `signals` turn the sources into items, as pure functions;
//! - `draft` orders them into sections and joins rollouts into the portfolio status;
//! - `saved` keeps dated status records (draft, then sent and frozen), SQL in `store/`.

mod changes;
mod draft;
mod figures;
mod kept;
mod logs;
mod plan_week;
mod portfolio;
mod risks;
mod saved;
mod signals;
mod sources;
mod store;
mod tasks;
mod week;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use draft::PORTFOLIO_TITLE;
pub use figures::{ReadinessFigure, RolloutFigures, TrainingChange};
pub(crate) use kept::KeptDraft;
pub(crate) use plan_week::{PlanWeek, PLAN_WEEK_READS};
pub use saved::{SavedStatus, StatusEdit, StatusState, MAX_NOTE_CHARS, SUMMARY_NOTE};
pub use week::StatusWeek;

/// How bad a piece of news is: the order a status reads in, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Needs the sponsor's attention: a threshold crossed into act, a gate lost.
    Bad,
    /// Worth watching: a slip, a block, an overdue message.
    Watch,
    /// Neither good nor bad: a decision made, a task started.
    Neutral,
    /// Progress: a task done, a risk closed, a gate met.
    Good,
}

coded_enum!(Tone, "tone", "tone", {
    Bad => "bad", "Needs attention";
    Watch => "watch", "Watch";
    Neutral => "neutral", "For information";
    Good => "good", "Progress";
});

/// The sections of a status, each a kind of news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Readiness,
    Metrics,
    Slipped,
    Blocked,
    Risks,
    Messages,
    Training,
    Decisions,
    Completed,
    Started,
}

coded_enum!(SectionKind, "section", "section", {
    Readiness => "readiness", "Go-live readiness";
    Metrics => "metrics", "Metrics that changed status";
    Slipped => "slipped", "Tasks that slipped";
    Blocked => "blocked", "Newly blocked";
    Risks => "risks", "Risks";
    Messages => "messages", "Messages";
    Training => "training", "Training completion";
    Decisions => "decisions", "Decisions made";
    Completed => "completed", "Tasks completed";
    Started => "started", "Tasks started";
});

/// One piece of news, written the way a sponsor wants it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusItem {
    /// Stable for the same news in the same week and unique in a status
    /// ("task-late:<id>"): what a saved status hides an item by.
    pub key: String,
    pub tone: Tone,
    /// The rollout it is about (named in the all-rollouts status).
    pub rollout_name: String,
    /// What happened, in one line.
    pub happened: String,
    /// What it means for the rollout; empty when there is nothing to add.
    pub impact: String,
    /// What we are doing about it; empty for good news.
    pub action: String,
    /// Who does it; empty when nobody needs to act.
    pub who: String,
}

/// A kind of news with its items, worst first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusSection {
    pub kind: SectionKind,
    pub title: String,
    pub items: Vec<StatusItem>,
}

impl StatusSection {
    /// The worst tone among the items: where the section goes in the status.
    pub fn worst(&self) -> Tone {
        self.items
            .iter()
            .map(|item| item.tone)
            .min()
            .unwrap_or(Tone::Good)
    }
}

/// A drafted status: the week, each rollout's figures, and the news in sections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusDraft {
    /// The rollout, or `None` for the status of every active rollout.
    pub rollout_id: Option<String>,
    /// "EHR go-live: Riverside & Northgate", or "All active rollouts".
    pub title: String,
    pub week: StatusWeek,
    /// "Jan 11 – Jan 17, 2027": the week as every screen and format names it.
    pub week_label: String,
    /// One sentence on top: the worst news, or that the week was quiet.
    pub headline: String,
    /// Go-live countdown, readiness then and now, training by role then and now.
    pub rollouts: Vec<RolloutFigures>,
    /// Worst news first; a week with nothing in it has none.
    pub sections: Vec<StatusSection>,
    /// When the next update comes.
    pub next_update: NaiveDate,
}

impl StatusDraft {
    /// Whether nothing happened in the week: the status says so rather than showing
    /// empty sections.
    pub fn is_quiet(&self) -> bool {
        self.sections.is_empty()
    }

    /// The draft as a screen first shows it: each section cut to its first `first_items`
    /// (whole for None), with how many it holds. A go-live's week can hold thousands of
    /// items, and a screen shows a section's first few until asked for the rest; what is
    /// saved, sent and exported is always drafted whole.
    pub fn shown(mut self, first_items: Option<usize>) -> DraftShown {
        let section_sizes = self
            .sections
            .iter()
            .map(|s| (s.kind, u32::try_from(s.items.len()).unwrap_or(u32::MAX)))
            .collect();
        if let Some(first) = first_items {
            for section in &mut self.sections {
                section.items.truncate(first);
            }
        }
        DraftShown {
            draft: self,
            section_sizes,
        }
    }
}

/// A draft as a screen shows it (see [`StatusDraft::shown`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DraftShown {
    /// The draft, each section holding its first items.
    pub draft: StatusDraft,
    /// How many items each section holds in all.
    pub section_sizes: std::collections::BTreeMap<SectionKind, u32>,
}
