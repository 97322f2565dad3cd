//! The `sop_search` table: the SQLite FTS5 index of the library, one row per SOP (code,
//! title, purpose and scope, and a body of steps, exceptions and tags).

use rusqlite::{params, Connection, Transaction};

use crate::sops::Sop;
use crate::store::ranked::{best_live, id_list};
use crate::Result;

// Control characters cannot occur in the indexed text, so they mark matches safely; the
// UI receives parts, never markup. The query below writes them as char(2) and char(3).
/// Where a matched word starts in a [`Match`]'s snippet.
pub(crate) const HIT_START: char = '\u{2}';
/// Where a matched word ends in a [`Match`]'s snippet.
pub(crate) const HIT_END: char = '\u{3}';

/// A match as the index gives it: the SOP and a snippet with matched words between
/// [`HIT_START`] and [`HIT_END`].
pub(crate) struct Match {
    pub sop_id: String,
    pub code: String,
    pub title: String,
    pub snippet: String,
    /// How well it matches (FTS5's bm25: lower is better).
    pub score: f64,
}

/// Rewrites the SOP's row in the index from its working copy. The row is kept under the
/// SOP's own rowid in `sops`, so an autosave finds it at once: `sop_id` is not indexed,
/// and looking it up by that would read the whole index (5,000 SOPs: 20 ms a save).
pub(crate) fn reindex(tx: &Transaction<'_>, sop: &Sop) -> Result<()> {
    remove(tx, &sop.id)?;
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
    // Should another SOP's row hold that rowid (a copy whose rowids were renumbered),
    // this one takes a new rowid and [`remove`] finds it the slow way.
    tx.prepare_cached(
        "INSERT INTO sop_search (rowid, sop_id, code, title, purpose, body)
         SELECT CASE WHEN EXISTS (SELECT 1 FROM sop_search WHERE rowid = s.rowid)
                     THEN NULL ELSE s.rowid END,
                ?1, ?2, ?3, ?4, ?5
         FROM (SELECT (SELECT rowid FROM sops WHERE id = ?1) AS rowid) s",
    )?
    .execute(params![
        sop.id,
        sop.code,
        sop.title,
        format!("{} {}", sop.purpose, sop.scope),
        body.join("\n")
    ])?;
    Ok(())
}

/// Empties the index, before it is written again from every SOP.
pub(crate) fn clear(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM sop_search", [])?;
    Ok(())
}

/// Takes the SOP out of the index.
/// Its row is found under the SOP's rowid (see [`reindex`]); only where it is not there
/// (an SOP not yet indexed, or a copy whose rowids were renumbered) is the index read
/// through for it.
pub(crate) fn remove(tx: &Transaction<'_>, sop_id: &str) -> Result<()> {
    let removed = tx
        .prepare_cached(
            "DELETE FROM sop_search
             WHERE rowid = (SELECT rowid FROM sops WHERE id = ?1) AND sop_id = ?1",
        )?
        .execute(params![sop_id])?;
    if removed == 0 {
        tx.prepare_cached("DELETE FROM sop_search WHERE sop_id = ?1")?
            .execute(params![sop_id])?;
    }
    Ok(())
}

/// Live SOPs matching the FTS5 `expression`, best first, at most `limit` (every one
/// for a negative limit): the index ranks its matches alone and only the best few are
/// looked up in `sops` for their code and title and whether they are in the trash (see
/// [`best_live`]).
pub(crate) fn search(conn: &Connection, expression: &str, limit: i64) -> Result<Vec<Match>> {
    best_live(limit, |window| live_among_ranked(conn, expression, window))
}

/// The live SOPs among the `window` best-ranked matches (all for a negative window),
/// best first, and how many matches the index gave.
fn live_among_ranked(
    conn: &Connection,
    expression: &str,
    window: i64,
) -> Result<(Vec<Match>, usize)> {
    let mut ranked = conn.prepare_cached(
        "SELECT sop_id, snippet(sop_search, -1, char(2), char(3), '…', 12) AS snippet,
                bm25(sop_search, 0.0, 10.0, 5.0, 2.0, 1.0) AS score
         FROM sop_search WHERE sop_search MATCH ?1 ORDER BY score LIMIT ?2",
    )?;
    let candidates = ranked
        .query_map(params![expression, window], |row| {
            Ok((
                row.get::<_, String>("sop_id")?,
                row.get::<_, String>("snippet")?,
                row.get::<_, f64>("score")?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let read = candidates.len();
    let ids = id_list(candidates.iter().map(|(id, _, _)| id.as_str()))?;
    let mut named: std::collections::HashMap<String, (String, String)> = conn
        .prepare_cached(
            "SELECT id, code, title FROM sops
             WHERE id IN (SELECT value FROM json_each(?1)) AND deleted_at IS NULL",
        )?
        .query_map(params![ids], |row| {
            Ok((row.get("id")?, (row.get("code")?, row.get("title")?)))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let live = candidates
        .into_iter()
        .filter_map(|(sop_id, snippet, score)| {
            let (code, title) = named.remove(&sop_id)?;
            Some(Match {
                sop_id,
                code,
                title,
                snippet,
                score,
            })
        })
        .collect();
    Ok((live, read))
}
