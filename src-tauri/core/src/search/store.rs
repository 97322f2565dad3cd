//! The queries behind the search: for each kind, its best few matches in the
//! workspace's full-text index (`search_index`, written by the triggers of migration
//! 0024), then what a hit shows from its own table, leaving out what is in the trash (a
//! record, or the rollout it belongs to); for SOPs, the library's own index.
//!
//! The index ranks a kind's matches alone and only the best few are looked up in their
//! table: a common word on a health group's workspace matches thousands of tasks, and
//! joining every match to its task and rollout before ranking took most of a search.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::rank::{expression, Found};
use super::SearchKind;
use crate::sops::matching_sops;
use crate::store::ranked::{best_live, id_list};
use crate::Result;

/// Where a kind lives: its table (`t`), what it shows beside its name, and the rollout
/// it belongs to, as SQL over `t` and `r` (its rollout, when it has one).
struct Source {
    kind: SearchKind,
    /// The value of the index's `kind` column.
    key: &'static str,
    table: &'static str,
    /// Further tables the detail reads.
    joins: &'static str,
    detail: &'static str,
    rollout: &'static str,
}

/// A record of a rollout is found only while neither it nor its rollout is trashed.
const IN_ROLLOUT: &str = "JOIN rollouts r ON r.id = t.rollout_id AND r.deleted_at IS NULL";

const SOURCES: [Source; 8] = [
    Source {
        kind: SearchKind::Rollout,
        key: "rollout",
        table: "rollouts",
        joins: "",
        detail: "''",
        rollout: "t.id",
    },
    Source {
        kind: SearchKind::Task,
        key: "task",
        table: "plan_tasks",
        joins: "",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Criterion,
        key: "criterion",
        table: "readiness_criteria",
        joins: "",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Risk,
        key: "risk",
        table: "risks",
        joins: "",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Decision,
        key: "decision",
        table: "decisions",
        joins: "",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Metric,
        key: "metric",
        table: "metrics",
        joins: "",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Person,
        key: "person",
        table: "people",
        joins: "LEFT JOIN roles ro ON ro.id = t.role_id",
        detail: "trim(coalesce(ro.name, '') || CASE WHEN t.department <> '' AND ro.name IS NOT NULL THEN ' · ' ELSE '' END || t.department)",
        rollout: "NULL",
    },
    Source {
        kind: SearchKind::Module,
        key: "module",
        table: "training_modules",
        joins: "",
        detail: "''",
        rollout: "NULL",
    },
];

/// The best `per_kind` matches of every kind for `words`.
pub(super) fn find(conn: &Connection, words: &[String], per_kind: i64) -> Result<Vec<Found>> {
    let terms = expression(words, Some("{title body}"));
    let mut found = Vec::new();
    for source in &SOURCES {
        let query = format!("kind : \"{}\" AND {terms}", source.key);
        found.extend(best_live(per_kind, |window| {
            live_among_ranked(conn, source, &query, window)
        })?);
    }
    for sop in matching_sops(conn, &expression(words, None), per_kind)? {
        found.push(Found {
            kind: SearchKind::Sop,
            title: format!("{} {}", sop.code, sop.title),
            names: vec![sop.code, sop.title],
            id: sop.sop_id,
            detail: String::new(),
            rollout_id: None,
            snippet: sop.snippet,
            score: sop.score,
        });
    }
    Ok(found)
}

/// The live records among the `window` best-ranked matches of `query` (every match for
/// a negative window), best first, and how many matches the index gave.
fn live_among_ranked(
    conn: &Connection,
    source: &Source,
    query: &str,
    window: i64,
) -> Result<(Vec<Found>, usize)> {
    let mut ranked = conn.prepare_cached(
        "SELECT id, title, snippet(search_index, 3, char(2), char(3), '…', 10) AS snippet,
                bm25(search_index, 0.0, 0.0, 10.0, 1.0) AS score
         FROM search_index WHERE search_index MATCH ?1 ORDER BY score LIMIT ?2",
    )?;
    let candidates = ranked
        .query_map(params![query, window], |row| {
            let title: String = row.get("title")?;
            Ok(Found {
                kind: source.kind,
                id: row.get("id")?,
                names: vec![title.clone()],
                title,
                detail: String::new(),
                rollout_id: None,
                snippet: row.get("snippet")?,
                score: row.get("score")?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let read = candidates.len();
    let mut shown = live_details(conn, source, &candidates)?;
    let live = candidates
        .into_iter()
        .filter_map(|mut hit| {
            let (detail, rollout_id) = shown.remove(&hit.id)?;
            hit.detail = detail;
            hit.rollout_id = rollout_id;
            Some(hit)
        })
        .collect();
    Ok((live, read))
}

/// What each of `candidates` shows beside its name and the rollout it belongs to, by
/// id, for those neither in the trash nor of a rollout in the trash.
fn live_details(
    conn: &Connection,
    source: &Source,
    candidates: &[Found],
) -> Result<HashMap<String, (String, Option<String>)>> {
    if candidates.is_empty() {
        return Ok(HashMap::new());
    }
    let ids = id_list(candidates.iter().map(|c| c.id.as_str()))?;
    let in_rollout = if source.rollout == "r.id" {
        IN_ROLLOUT
    } else {
        ""
    };
    // Every piece of this statement is a constant of this file.
    let sql = format!(
        "SELECT t.id AS id, {detail} AS detail, {rollout} AS rollout_id
         FROM {table} t {joins} {in_rollout}
         WHERE t.id IN (SELECT value FROM json_each(?1)) AND t.deleted_at IS NULL",
        detail = source.detail,
        rollout = source.rollout,
        table = source.table,
        joins = source.joins,
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(params![ids], |row| {
        Ok((
            row.get::<_, String>("id")?,
            (row.get("detail")?, row.get("rollout_id")?),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
