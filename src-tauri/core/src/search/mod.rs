//! Search everything (Ctrl+K): one query across rollouts, plan tasks, readiness
//! criteria, risks, decisions, people, SOPs (steps and exceptions included), training
//! modules and metrics, ranked the way a person expects — a record named exactly what
//! was typed first, then records whose name holds every word, then those where a word
//! turned up elsewhere (a note, a step) — as fast as a keystroke.
//!
//! The words come from two SQLite FTS5 indexes kept in step by the database itself
//! (`search_index`, by triggers, and the SOP library's `sop_search`); `store.rs` asks
//! each for its best few of every kind, so a large workspace never sends whole tables
//! into Rust, and this file ranks those few.

mod rank;
mod store;

use serde::Serialize;
use ts_rs::TS;

use crate::sops::SnippetPart;
use crate::{Result, Store};

pub use rank::fold;

/// At most this many hits of each kind are read: enough to choose from, never a table.
pub const PER_KIND: i64 = 6;
/// At most this many hits are returned, best first.
pub const MOST: usize = 30;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Rollout,
    Task,
    Criterion,
    Risk,
    Decision,
    Person,
    Sop,
    Module,
    Metric,
}

impl SearchKind {
    /// Every kind, in the order hits of equal rank are listed.
    pub const ALL: [SearchKind; 9] = [
        Self::Rollout,
        Self::Sop,
        Self::Task,
        Self::Criterion,
        Self::Risk,
        Self::Decision,
        Self::Metric,
        Self::Person,
        Self::Module,
    ];

    /// The kind as a person names it beside a hit.
    pub fn label(self) -> &'static str {
        match self {
            Self::Rollout => "Rollout",
            Self::Task => "Task",
            Self::Criterion => "Readiness criterion",
            Self::Risk => "Risk",
            Self::Decision => "Decision",
            Self::Person => "Person",
            Self::Sop => "SOP",
            Self::Module => "Training module",
            Self::Metric => "Metric",
        }
    }
}

/// One hit: what it is, its name, where it belongs, and the words that matched when
/// they were not in its name.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchResult {
    pub kind: SearchKind,
    /// [`SearchKind::label`].
    pub kind_label: String,
    pub id: String,
    /// Its name or title (an SOP's code comes first: "FD-012 Patient check-in").
    pub title: String,
    /// Where it belongs: the rollout of a task, risk, decision, criterion or metric; a
    /// person's role; empty when there is nothing to add.
    pub detail: String,
    /// The rollout it opens in, for the records that live in one.
    pub rollout_id: Option<String>,
    /// When the words matched outside its name: the passage around them, the matched
    /// words marked. Empty when the name matched.
    pub snippet: Vec<SnippetPart>,
}

/// What a search found, best first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchResults {
    pub hits: Vec<SearchResult>,
    /// Said instead of results when the query is too short to search.
    pub hint: Option<String>,
}

impl Store {
    /// Everything in the workspace matching every word of `query` (prefixes of words of
    /// two letters or more, whole one-letter words), best first, at most [`MOST`].
    /// Quotes, `%`, `*` and the like are only separators between words.
    pub fn search_workspace(&self, query: &str) -> Result<SearchResults> {
        let words = rank::words(query);
        if words.is_empty() {
            return Ok(SearchResults {
                hits: Vec::new(),
                hint: None,
            });
        }
        if words.iter().all(|w| w.chars().count() < 2) {
            return Ok(SearchResults {
                hits: Vec::new(),
                hint: Some("Type another letter to search.".to_owned()),
            });
        }
        let found = self.read(|conn| store::find(conn, &words, PER_KIND))?;
        let mut hits = rank::rank(found, &words);
        hits.truncate(MOST);
        Ok(SearchResults { hits, hint: None })
    }
}

#[cfg(test)]
mod tests;
