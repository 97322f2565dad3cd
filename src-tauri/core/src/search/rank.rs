//! The words of a query and the order of the hits: a name that is exactly the query
//! first, then names holding every word, then the rest (the words matched in a note,
//! a step, an exception), each group best match first. Names are compared folded, as
//! the index compares them: without case or diacritics.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::{SearchKind, SearchResult};
use crate::sops::snippet_parts;

/// A hit as an index gives it, before ranking.
pub(super) struct Found {
    pub kind: SearchKind,
    pub id: String,
    pub title: String,
    /// What counts as its name for ranking: its title, and an SOP's code.
    pub names: Vec<String>,
    pub detail: String,
    pub rollout_id: Option<String>,
    /// FTS5's passage around the matched words, marked; shown when the name did not match.
    pub snippet: String,
    /// FTS5's bm25 (lower is better), with names weighted above the rest.
    pub score: f64,
}

/// `text` without case or diacritics: "Müller" and "MULLER" fold alike.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of a query or a name, folded; everything that is not a letter or a digit
/// (quotes, `%`, `*`, hyphens) separates words.
pub(super) fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How a query word matches a word of a name: a one-letter word only as itself, a
/// longer one as its start (the query is typed as the person goes).
fn matches(query_word: &str, word: &str) -> bool {
    if query_word.chars().count() < 2 {
        word == query_word
    } else {
        word.starts_with(query_word)
    }
}

/// 0: a name is exactly the query; 1: a name holds every word; 2: the words are
/// elsewhere.
fn tier(found: &Found, query: &[String]) -> u8 {
    let names: Vec<Vec<String>> = found.names.iter().map(|n| words(n)).collect();
    if names.iter().any(|name| name == query) {
        0
    } else if names
        .iter()
        .any(|name| query.iter().all(|q| name.iter().any(|w| matches(q, w))))
    {
        1
    } else {
        2
    }
}

/// The hits in the order a person reads them, best first.
pub(super) fn rank(found: Vec<Found>, query: &[String]) -> Vec<SearchResult> {
    let mut tiered: Vec<(u8, Found)> = found.into_iter().map(|f| (tier(&f, query), f)).collect();
    let order = |kind: SearchKind| SearchKind::ALL.iter().position(|k| *k == kind);
    tiered.sort_by(|(ta, a), (tb, b)| {
        ta.cmp(tb)
            .then_with(|| a.score.total_cmp(&b.score))
            .then_with(|| order(a.kind).cmp(&order(b.kind)))
            .then_with(|| a.title.chars().count().cmp(&b.title.chars().count()))
            .then_with(|| a.title.cmp(&b.title))
    });
    tiered
        .into_iter()
        .map(|(tier, found)| SearchResult {
            kind: found.kind,
            kind_label: found.kind.label().to_owned(),
            id: found.id,
            title: found.title,
            detail: found.detail,
            rollout_id: found.rollout_id,
            snippet: if tier == 2 {
                snippet_parts(&found.snippet)
            } else {
                Vec::new()
            },
        })
        .collect()
}

/// The FTS5 query of `words`: each a quoted term (quotes inside doubled), a prefix
/// when it has two letters or more, all required; `columns` restricts each term to
/// those columns (`{title body}`).
pub(super) fn expression(words: &[String], columns: Option<&str>) -> String {
    words
        .iter()
        .map(|w| {
            let term = format!(
                "\"{}\"{}",
                w.replace('"', "\"\""),
                if w.chars().count() < 2 { "" } else { "*" }
            );
            match columns {
                Some(columns) => format!("{columns} : {term}"),
                None => term,
            }
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}
