//! The queries behind the search: for each kind, its best few matches in the
//! workspace's full-text index (`search_index`, written by the triggers of migration
//! 0024) joined to its own table for what a hit shows and to leave out what is in the
//! trash (a record, or the rollout it belongs to); for SOPs, the library's own index.

use rusqlite::{params, Connection};

use super::rank::{expression, Found};
use super::SearchKind;
use crate::sops::matching_sops;
use crate::Result;

/// Where a kind lives: its table, what it shows beside its name, and the rollout it
/// belongs to, as SQL over `t` (the record) and `r` (its rollout, when it has one).
struct Source {
    kind: SearchKind,
    /// The value of the index's `kind` column.
    key: &'static str,
    from: &'static str,
    detail: &'static str,
    rollout: &'static str,
}

/// A record of a rollout is found only while neither it nor its rollout is trashed.
const IN_ROLLOUT: &str = "JOIN rollouts r ON r.id = t.rollout_id AND r.deleted_at IS NULL";

const SOURCES: [Source; 8] = [
    Source {
        kind: SearchKind::Rollout,
        key: "rollout",
        from: "JOIN rollouts t ON t.id = search_index.id",
        detail: "''",
        rollout: "t.id",
    },
    Source {
        kind: SearchKind::Task,
        key: "task",
        from: "JOIN plan_tasks t ON t.id = search_index.id",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Criterion,
        key: "criterion",
        from: "JOIN readiness_criteria t ON t.id = search_index.id",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Risk,
        key: "risk",
        from: "JOIN risks t ON t.id = search_index.id",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Decision,
        key: "decision",
        from: "JOIN decisions t ON t.id = search_index.id",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Metric,
        key: "metric",
        from: "JOIN metrics t ON t.id = search_index.id",
        detail: "r.name",
        rollout: "r.id",
    },
    Source {
        kind: SearchKind::Person,
        key: "person",
        from: "JOIN people t ON t.id = search_index.id LEFT JOIN roles ro ON ro.id = t.role_id",
        detail: "trim(coalesce(ro.name, '') || CASE WHEN t.department <> '' AND ro.name IS NOT NULL THEN ' · ' ELSE '' END || t.department)",
        rollout: "NULL",
    },
    Source {
        kind: SearchKind::Module,
        key: "module",
        from: "JOIN training_modules t ON t.id = search_index.id",
        detail: "''",
        rollout: "NULL",
    },
];

/// The best `per_kind` matches of every kind for `words`.
pub(super) fn find(conn: &Connection, words: &[String], per_kind: i64) -> Result<Vec<Found>> {
    let terms = expression(words, Some("{title body}"));
    let mut found = Vec::new();
    for source in &SOURCES {
        let in_rollout = if source.rollout == "r.id" {
            IN_ROLLOUT
        } else {
            ""
        };
        // Every piece of this statement is a constant of this file: the query itself
        // only ever travels as a parameter.
        let sql = format!(
            "SELECT search_index.id AS id, search_index.title AS title,
                    {detail} AS detail, {rollout} AS rollout_id,
                    snippet(search_index, 3, char(2), char(3), '…', 10) AS snippet,
                    bm25(search_index, 0.0, 0.0, 10.0, 1.0) AS score
             FROM search_index {from} {in_rollout}
             WHERE search_index MATCH ?1 AND t.deleted_at IS NULL
             ORDER BY score LIMIT ?2",
            detail = source.detail,
            rollout = source.rollout,
            from = source.from,
        );
        let query = format!("kind : \"{}\" AND {terms}", source.key);
        let mut statement = conn.prepare_cached(&sql)?;
        let rows = statement.query_map(params![query, per_kind], |row| {
            let title: String = row.get("title")?;
            Ok(Found {
                kind: source.kind,
                id: row.get("id")?,
                names: vec![title.clone()],
                title,
                detail: row.get("detail")?,
                rollout_id: row.get("rollout_id")?,
                snippet: row.get("snippet")?,
                score: row.get("score")?,
            })
        })?;
        for row in rows {
            found.push(row?);
        }
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
