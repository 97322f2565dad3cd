//! Full-text search over the library with SQLite FTS5: code, title, purpose, steps and
//! exceptions, best matches first, with the matching words marked in a snippet.

use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::Sop;
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

// Control characters cannot occur in the indexed text, so they mark matches safely; the
// UI receives parts, never markup.
const HIT_START: char = '\u{2}';
const HIT_END: char = '\u{3}';

impl Store {
    /// SOPs matching every word of `query` (as prefixes), best first. Whatever is typed
    /// — quotes, `*`, `-`, other scripts — is treated as words, never as FTS syntax.
    pub fn search_sops(&self, query: &str, limit: i64) -> Result<Vec<SearchHit>> {
        let Some(expression) = fts_expression(query) else {
            return Ok(Vec::new());
        };
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT s.id, s.code, s.title,
                        snippet(sop_search, -1, char(2), char(3), '…', 12) AS snippet
                 FROM sop_search JOIN sops s ON s.id = sop_search.sop_id
                 WHERE sop_search MATCH ?1 AND s.deleted_at IS NULL
                 ORDER BY bm25(sop_search, 0.0, 10.0, 5.0, 2.0, 1.0)
                 LIMIT ?2",
            )?;
            let found = statement.query_map(params![expression, limit], |row| {
                let snippet: String = row.get("snippet")?;
                Ok(SearchHit {
                    sop_id: row.get("id")?,
                    code: row.get("code")?,
                    title: row.get("title")?,
                    snippet: snippet_parts(&snippet),
                })
            })?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }
}

/// Rewrites the SOP's row in the search index.
pub(super) fn reindex(tx: &Transaction<'_>, sop: &Sop) -> Result<()> {
    tx.execute("DELETE FROM sop_search WHERE sop_id = ?1", params![sop.id])?;
    let mut body: Vec<String> = sop
        .steps
        .iter()
        // Written as a sentence, so a snippet reads like the step it came from.
        .map(|s| format!("{}: {} {}", s.role, s.instruction, s.quality_check))
        .collect();
    body.extend(sop.exceptions.iter().map(|e| {
        format!(
            "If {}: {} {} {} {}",
            e.trigger, e.action, e.escalate_to, e.within, e.evidence
        )
    }));
    body.push(sop.tags.join(" "));
    tx.execute(
        "INSERT INTO sop_search (sop_id, code, title, purpose, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            sop.id,
            sop.code,
            sop.title,
            format!("{} {}", sop.purpose, sop.scope),
            body.join("\n")
        ],
    )?;
    Ok(())
}

/// Each word of the query as a quoted prefix term, all required: `"prior"* "auth"*`.
/// `None` when the query has no words at all.
fn fts_expression(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
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
