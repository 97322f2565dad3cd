//! Full-text search over the library with SQLite FTS5: code, title, purpose, steps and
//! exceptions, best matches first, with the matching words marked in a snippet. The
//! index itself (what each SOP's row holds, the query) is `store/search.rs`; here the
//! typed words become a safe query and the snippet becomes parts.

use serde::Serialize;
use ts_rs::TS;

use super::store::search::{self as store, HIT_END, HIT_START};
use crate::{Result, Store};

/// One part of a snippet: text, and whether it is a matched word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// An SOP that matches a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    pub sop_id: String,
    pub code: String,
    pub title: String,
    pub snippet: Vec<SnippetPart>,
}

/// Writes the search index again from every SOP, in `tx`; how many it holds.
pub(crate) fn rebuild(tx: &rusqlite::Transaction<'_>) -> Result<usize> {
    store::clear(tx)?;
    let mut heads = super::store::sops::list_heads(tx, false)?;
    heads.extend(super::store::sops::list_heads(tx, true)?);
    for head in &heads {
        super::reindex_sop(tx, &head.id)?;
    }
    Ok(heads.len())
}

impl Store {
    /// Writes the search index again from every SOP, in the trash or not, and returns
    /// how many it holds. For a file whose SOPs changed outside the core's own writes — a
    /// team workspace's pulled changes arrive row by row — so search finds what is there.
    pub fn rebuild_sop_search(&self) -> Result<usize> {
        self.write(rebuild)
    }

    /// SOPs matching every word of `query` (as prefixes), best first. Whatever is typed
    /// — quotes, `*`, `-`, other scripts — is treated as words, never as FTS syntax.
    pub fn search_sops(&self, query: &str, limit: i64) -> Result<Vec<SearchHit>> {
        let Some(expression) = fts_expression(query) else {
            return Ok(Vec::new());
        };
        let found = self.read(|conn| store::search(conn, &expression, limit))?;
        Ok(found
            .into_iter()
            .map(|hit| SearchHit {
                snippet: snippet_parts(&hit.snippet),
                sop_id: hit.sop_id,
                code: hit.code,
                title: hit.title,
            })
            .collect())
    }
}

/// Live SOPs matching the FTS5 `expression` (code, title, purpose, steps, exceptions),
/// best first, for the search across the whole workspace.
pub(crate) fn matching_sops(
    conn: &rusqlite::Connection,
    expression: &str,
    limit: i64,
) -> Result<Vec<store::Match>> {
    store::search(conn, expression, limit)
}

/// Each word of the query as a quoted prefix term, all required: `"prior"* "auth"*`.
/// `None` when the query has no words at all.
pub(crate) fn fts_expression(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

pub(crate) fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut rest = snippet;
    while let Some(start) = rest.find(HIT_START) {
        if start > 0 {
            parts.push(SnippetPart {
                text: rest[..start].to_owned(),
                hit: false,
            });
        }
        let after = &rest[start + HIT_START.len_utf8()..];
        let end = after.find(HIT_END).unwrap_or(after.len());
        parts.push(SnippetPart {
            text: after[..end].to_owned(),
            hit: true,
        });
        rest = after.get(end + HIT_END.len_utf8()..).unwrap_or("");
    }
    if !rest.is_empty() {
        parts.push(SnippetPart {
            text: rest.to_owned(),
            hit: false,
        });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_become_safe_prefix_terms() {
        assert_eq!(
            fts_expression("prior auth").as_deref(),
            Some("\"prior\"* \"auth\"*")
        );
        assert_eq!(
            fts_expression("\"NEAR( * - OR").as_deref(),
            Some("\"NEAR\"* \"OR\"*")
        );
        assert_eq!(fts_expression("  *-\" ").as_deref(), None);
        assert_eq!(fts_expression("café").as_deref(), Some("\"café\"*"));
    }

    #[test]
    fn snippets_split_into_marked_parts() {
        let parts = snippet_parts("Verify \u{2}insurance\u{3} at check-in");
        assert_eq!(
            parts,
            vec![
                SnippetPart {
                    text: "Verify ".into(),
                    hit: false
                },
                SnippetPart {
                    text: "insurance".into(),
                    hit: true
                },
                SnippetPart {
                    text: " at check-in".into(),
                    hit: false
                },
            ]
        );
    }
}
