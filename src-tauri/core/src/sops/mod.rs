//! The SOP library: standard operating procedures with ordered steps, exception
//! handling, approval into immutable revisions, review cycles and full-text search.
//!
//! All SQL is in `store/`, one file per table. The other files load what they need
//! through it and decide on values (`validate`, `diff`, `align` and the search query
//! take no connection); edits reach the database only through the store's versioned
//! updates.

mod align;
mod diff;
mod edit;
pub mod escalations;
mod library;
mod links;
pub mod map;
mod page;
mod review;
mod revisions;
mod search;
mod store;
mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use diff::{diff_sops, ChangeKind, ExceptionChange, FieldDifference, SopDiff, StepChange};
pub(crate) use edit::{insert_sop, update_in};
pub use library::SopSummary;
pub(crate) use links::{insert_link, linked_sops_in};
pub use links::{LinkedRollout, LinkedSop, SopRelation};
pub(crate) use page::{Library, LIBRARY_READS};
pub use page::{SopLibraryPage, SopLibraryQuery, SopLibraryRow};
pub use review::add_months;
pub(crate) use review::reviews_due_of_owner;
pub(crate) use revisions::approve_in;
pub(crate) use search::{matching_sops, snippet_parts};
pub use search::{SearchHit, SnippetPart};
pub(crate) use store::links::statuses_by_rollout as sop_statuses_by_rollout;
pub(crate) use validate::MAX_CODE_CHARS;

/// Where an SOP stands. Approved and retired SOPs have an approved revision; a draft or
/// in-review SOP may be the next version of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SopStatus {
    #[default]
    Draft,
    InReview,
    Approved,
    Retired,
}

coded_enum!(SopStatus, "status", "status", {
    Draft => "draft", "Draft";
    InReview => "in_review", "In review";
    Approved => "approved", "Approved";
    Retired => "retired", "Retired";
});

/// One step of a procedure.
#[derive(Debug, Clone, Default, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Step {
    /// Who the step is across saves, reorders and versions, so an exception can name
    /// it. Empty on a step not yet saved (and in revisions approved before steps had
    /// ids); saving gives it one.
    pub id: String,
    /// The role responsible ("Front desk", "MA").
    pub role: String,
    pub instruction: String,
    /// A quality check or "stop the line" rule, if any.
    pub quality_check: String,
}

/// Two steps are equal when a reader would read them the same: their id says which
/// step it is, not what it says, so a version frozen before steps had ids still
/// compares unchanged with the working copy.
impl PartialEq for Step {
    fn eq(&self, other: &Self) -> bool {
        self.role == other.role
            && self.instruction == other.instruction
            && self.quality_check == other.quality_check
    }
}

/// What to do when the normal path does not apply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SopException {
    pub trigger: String,
    pub action: String,
    /// A role or a person.
    pub escalate_to: String,
    /// How soon ("15 minutes", "same day").
    pub within: String,
    pub evidence: String,
    /// The id of the step it applies to; `None` for the whole procedure. A step removed
    /// later leaves the id here: the map draws the exception from the start and says so.
    pub step_id: Option<String>,
}

/// Everything a person edits on an SOP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SopDraft {
    pub code: String,
    pub title: String,
    pub purpose: String,
    pub scope: String,
    pub owner: String,
    pub status: SopStatus,
    /// `YYYY-MM-DD`, or empty.
    pub effective_date: Option<String>,
    pub review_interval_months: i64,
    /// `YYYY-MM-DD` to override the computed next review, or empty.
    pub next_review_override: Option<String>,
    pub tags: Vec<String>,
    pub steps: Vec<Step>,
    pub exceptions: Vec<SopException>,
    /// The id of the SOP this one replaces (the current state it redesigns), if any.
    pub replaces: Option<String>,
}

impl Default for SopDraft {
    fn default() -> Self {
        Self {
            code: String::new(),
            title: String::new(),
            purpose: String::new(),
            scope: String::new(),
            owner: String::new(),
            status: SopStatus::Draft,
            effective_date: None,
            review_interval_months: 12,
            next_review_override: None,
            tags: Vec::new(),
            steps: Vec::new(),
            exceptions: Vec::new(),
            replaces: None,
        }
    }
}

/// An SOP's working copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Sop {
    pub id: String,
    pub code: String,
    pub title: String,
    pub purpose: String,
    pub scope: String,
    pub owner: String,
    pub status: SopStatus,
    /// The version being worked on (or the approved one, once approved).
    pub version: i64,
    pub effective_date: Option<NaiveDate>,
    pub review_interval_months: i64,
    pub next_review_override: Option<NaiveDate>,
    /// When it was last reviewed without change ("reviewed, no change").
    // Revisions frozen before reviews were recorded have no such field.
    #[serde(default)]
    pub last_reviewed_on: Option<NaiveDate>,
    /// The override, or the later of the effective date and the last review, plus the
    /// review interval.
    pub next_review_date: Option<NaiveDate>,
    /// The latest approved version, if any: while the next version is drafted, this one
    /// stays in force.
    #[serde(default)]
    pub approved_version: Option<i64>,
    pub tags: Vec<String>,
    pub steps: Vec<Step>,
    pub exceptions: Vec<SopException>,
    /// The id of the SOP this one replaces. Revisions approved before SOPs could name
    /// one have no such field.
    #[serde(default)]
    pub replaces: Option<String>,
    pub row_version: i64,
}

/// An approved, frozen version of an SOP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Revision {
    pub id: String,
    pub sop_id: String,
    pub version: i64,
    pub approved_by: String,
    /// UTC ISO-8601.
    pub approved_at: String,
    pub effective_date: NaiveDate,
    /// The SOP exactly as approved.
    pub snapshot: Sop,
}

impl Sop {
    /// The editable part of this SOP.
    pub fn draft(&self) -> SopDraft {
        SopDraft {
            code: self.code.clone(),
            title: self.title.clone(),
            purpose: self.purpose.clone(),
            scope: self.scope.clone(),
            owner: self.owner.clone(),
            status: self.status,
            effective_date: self.effective_date.map(crate::time::date_text),
            review_interval_months: self.review_interval_months,
            next_review_override: self.next_review_override.map(crate::time::date_text),
            tags: self.tags.clone(),
            steps: self.steps.clone(),
            exceptions: self.exceptions.clone(),
            replaces: self.replaces.clone(),
        }
    }
}

/// Rewrites one SOP's row in the search index from its stored working copy, for writers
/// outside this module (the bundle import).
/// Writes the library's full-text index again from every SOP, inside `tx`: after rows
/// of the library changed outside the core's own writes (an undo).
pub(crate) fn rebuild_search_index(tx: &store::Tx<'_>) -> crate::Result<()> {
    search::rebuild(tx).map(|_| ())
}

pub(crate) fn reindex_sop(tx: &store::Tx<'_>, id: &str) -> crate::Result<()> {
    let sop = store::sops::fetch(tx, id)?;
    store::search::reindex(tx, &sop)
}
