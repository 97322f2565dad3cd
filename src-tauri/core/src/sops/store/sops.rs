//! The `sops` table: an SOP's working copy (its steps and exceptions are in
//! `children.rs`). Reads come back whole, with the latest approved version and the
//! next review date worked out.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::children;
use crate::sops::review::next_review;
use crate::sops::{Sop, SopStatus, SopSummary};
use crate::store::editable::one_row_updated;
use crate::store::rows;
use crate::time::date_text;
use crate::{CoreError, Result};

/// The columns of an SOP's own row, with its latest approved version.
pub(super) const COLUMNS: &str = "id, code, title, purpose, scope, owner, status, version, effective_date, \
     review_interval_months, next_review_override, last_reviewed_on, tags, replaces_id, row_version, \
     (SELECT max(version) FROM sop_revisions WHERE sop_revisions.sop_id = sops.id) AS approved_version";

/// What an SOP's own row stores, checked and trimmed.
pub(crate) struct SopValues<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub purpose: &'a str,
    pub scope: &'a str,
    pub owner: &'a str,
    pub status: SopStatus,
    pub version: i64,
    pub effective_date: Option<NaiveDate>,
    pub review_interval_months: i64,
    pub next_review_override: Option<NaiveDate>,
    pub tags: &'a [String],
    /// The id of the SOP this one replaces.
    pub replaces: Option<&'a str>,
}

/// One SOP, live or in the trash, with its steps and exceptions.
pub(crate) fn fetch(conn: &Connection, id: &str) -> Result<Sop> {
    let mut sop = rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM sops WHERE id = ?1"),
        id,
        "SOP",
        head_from_row,
    )?;
    (sop.steps, sop.exceptions) = children::load(conn, id)?;
    Ok(sop)
}

/// When the SOP `id` was created and last changed.
pub(crate) fn times(conn: &Connection, id: &str) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    rows::fetch_by_id(
        conn,
        "SELECT created_at, updated_at FROM sops WHERE id = ?1",
        id,
        "SOP",
        |row| {
            Ok((
                rows::required_timestamp(row, "created_at")?,
                rows::required_timestamp(row, "updated_at")?,
            ))
        },
    )
}

/// Whether the SOP `id` is in the trash.
pub(crate) fn is_trashed(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT deleted_at IS NOT NULL FROM sops WHERE id = ?1")?
        .query_row(params![id], |row| row.get(0))?)
}

/// The library's SOPs (without steps): the live ones by code, or the trashed ones most
/// recently trashed first.
pub(crate) fn list_heads(conn: &Connection, trashed: bool) -> Result<Vec<Sop>> {
    let filter_and_order = if trashed {
        "WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
    } else {
        "WHERE deleted_at IS NULL ORDER BY code COLLATE NOCASE"
    };
    let mut statement =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM sops {filter_and_order}"))?;
    let found = statement.query_map([], head_from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The columns of an SOP's own row the library lists, with its latest approved version.
const SUMMARY_COLUMNS: &str = "id, code, title, owner, status, version, effective_date, \
     review_interval_months, next_review_override, last_reviewed_on, tags, \
     (SELECT max(version) FROM sop_revisions WHERE sop_revisions.sop_id = sops.id) AS approved_version";

/// The live SOPs as the library lists them, by code: only the columns a summary shows
/// (not the purpose and scope, which can run long).
pub(crate) fn live_summaries(conn: &Connection) -> Result<Vec<SopSummary>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM sops WHERE deleted_at IS NULL ORDER BY code COLLATE NOCASE"
    ))?;
    let found = statement.query_map([], summary_from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The live SOPs that may be due for review by `horizon`, by code: those in force
/// (approved once, not retired) whose next review could fall by then. The test in SQL
/// keeps a few too many — it counts a month as 28 days, the shortest — and never too
/// few, so that the caller's exact rule decides, without reading the whole library.
pub(crate) fn live_heads_maybe_due_by(conn: &Connection, horizon: NaiveDate) -> Result<Vec<Sop>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM sops
         WHERE deleted_at IS NULL AND status <> 'retired'
           AND CASE WHEN next_review_override IS NOT NULL THEN next_review_override <= ?1
                    ELSE coalesce(max(effective_date, last_reviewed_on), effective_date,
                                  last_reviewed_on)
                         <= date(?1, '-' || (review_interval_months * 28) || ' days')
               END
           AND EXISTS (SELECT 1 FROM sop_revisions WHERE sop_revisions.sop_id = sops.id)
         ORDER BY code COLLATE NOCASE"
    ))?;
    let found = statement.query_map(params![date_text(horizon)], head_from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The live SOPs a person owns (the owner's name, whatever its case), by code: the
/// reviews of a person's week.
pub(crate) fn live_heads_owned_by(conn: &Connection, owner: &str) -> Result<Vec<Sop>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM sops
         WHERE deleted_at IS NULL AND owner = ?1 COLLATE NOCASE ORDER BY code COLLATE NOCASE"
    ))?;
    let found = statement.query_map(params![owner.trim()], head_from_row)?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// The id of the live SOP with this code, whatever its case.
pub(crate) fn live_id_by_code(conn: &Connection, code: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM sops WHERE code = ?1 COLLATE NOCASE AND deleted_at IS NULL",
        )?
        .query_row(params![code.trim()], |row| row.get(0))
        .optional()?)
}

/// The title of a live SOP other than `own_id` that has this code, if one does.
pub(crate) fn code_holder(
    conn: &Connection,
    code: &str,
    own_id: Option<&str>,
) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT title FROM sops
             WHERE code = ?1 COLLATE NOCASE AND deleted_at IS NULL AND id <> ?2",
        )?
        .query_row(params![code.trim(), own_id.unwrap_or("")], |row| row.get(0))
        .optional()?)
}

/// Inserts an SOP's own row under `id`.
pub(crate) fn insert(
    tx: &Transaction<'_>,
    id: &str,
    values: &SopValues<'_>,
    at: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sops (id, code, title, purpose, scope, owner, status, version,
             effective_date, review_interval_months, next_review_override, tags, created_at,
             updated_at, replaces_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
    )?
    .execute(params![
        id,
        values.code,
        values.title,
        values.purpose,
        values.scope,
        values.owner,
        values.status.code(),
        values.version,
        values.effective_date.map(date_text),
        values.review_interval_months,
        values.next_review_override.map(date_text),
        tags_json(values.tags)?,
        at,
        values.replaces
    ])?;
    Ok(())
}

/// Rewrites the SOP's own row as it was at `expected_row_version`; a row that has
/// moved on since is a conflict naming `label`, and nothing is written.
pub(crate) fn update(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    label: &str,
    values: &SopValues<'_>,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE sops SET code = ?1, title = ?2, purpose = ?3, scope = ?4, owner = ?5,
                 status = ?6, version = ?7, effective_date = ?8, review_interval_months = ?9,
                 next_review_override = ?10, tags = ?11, updated_at = ?12, replaces_id = ?15,
                 row_version = row_version + 1
             WHERE id = ?13 AND row_version = ?14",
        )?
        .execute(params![
            values.code,
            values.title,
            values.purpose,
            values.scope,
            values.owner,
            values.status.code(),
            values.version,
            values.effective_date.map(date_text),
            values.review_interval_months,
            values.next_review_override.map(date_text),
            tags_json(values.tags)?,
            at,
            id,
            expected_row_version,
            values.replaces
        ])?;
    one_row_updated(affected, label)
}

/// The SOPs reached from `id` by following what each replaces, nearest first (trashed
/// ones included, as their link still stands). Stops on a repeat, so a chain written
/// round by some other program still ends.
pub(crate) fn replaced_chain(conn: &Connection, id: &str) -> Result<Vec<String>> {
    let mut statement = conn.prepare_cached(
        "WITH RECURSIVE chain (id, depth) AS (
             SELECT replaces_id, 1 FROM sops WHERE id = ?1 AND replaces_id IS NOT NULL
             UNION
             SELECT sops.replaces_id, chain.depth + 1 FROM sops JOIN chain ON sops.id = chain.id
             WHERE sops.replaces_id IS NOT NULL AND chain.depth < (SELECT count(*) FROM sops)
         )
         SELECT id FROM chain ORDER BY depth",
    )?;
    let found = statement.query_map(params![id], |row| row.get("id"))?;
    let mut chain: Vec<String> = Vec::new();
    for next in found {
        let next: String = next?;
        if chain.contains(&next) {
            break;
        }
        chain.push(next);
    }
    Ok(chain)
}

/// Marks the SOP approved from `effective`, as it was at `expected_row_version`.
pub(crate) fn set_approved(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    label: &str,
    effective: NaiveDate,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE sops SET status = 'approved', effective_date = ?1, updated_at = ?2,
                 row_version = row_version + 1
             WHERE id = ?3 AND row_version = ?4",
        )?
        .execute(params![date_text(effective), at, id, expected_row_version])?;
    one_row_updated(affected, label)
}

/// Records a review without change on `today` (clearing this cycle's next-review
/// override), as the SOP was at `expected_row_version`.
pub(crate) fn set_reviewed(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    label: &str,
    today: NaiveDate,
    at: &str,
) -> Result<()> {
    let affected = tx
        .prepare_cached(
            "UPDATE sops SET last_reviewed_on = ?1, next_review_override = NULL, updated_at = ?2,
                 row_version = row_version + 1
             WHERE id = ?3 AND row_version = ?4",
        )?
        .execute(params![date_text(today), at, id, expected_row_version])?;
    one_row_updated(affected, label)
}

/// Deletes the SOP's row for good (its steps and exceptions go with it).
pub(crate) fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM sops WHERE id = ?1", params![id])?;
    Ok(())
}

/// Tags as stored: a JSON list, blanks dropped, each trimmed.
fn tags_json(tags: &[String]) -> Result<String> {
    let clean: Vec<&str> = tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    serde_json::to_string(&clean)
        .map_err(|e| CoreError::Database(format!("cannot encode tags: {e}")))
}

/// What an SOP's row and its summary read the same way: its status, review dates and
/// tags.
struct CommonColumns {
    status: SopStatus,
    effective_date: Option<chrono::NaiveDate>,
    review_interval_months: i64,
    next_review_override: Option<chrono::NaiveDate>,
    last_reviewed_on: Option<chrono::NaiveDate>,
    tags: Vec<String>,
}

impl CommonColumns {
    fn read(row: &Row<'_>) -> rusqlite::Result<Self> {
        let status: String = row.get("status")?;
        let tags: String = row.get("tags")?;
        Ok(Self {
            status: status
                .parse::<SopStatus>()
                .map_err(|_| rows::unreadable("status"))?,
            effective_date: rows::date(row, "effective_date")?,
            review_interval_months: row.get("review_interval_months")?,
            next_review_override: rows::date(row, "next_review_override")?,
            last_reviewed_on: rows::date(row, "last_reviewed_on")?,
            tags: serde_json::from_str(&tags).map_err(|_| rows::unreadable("tags"))?,
        })
    }

    fn next_review_date(&self) -> Option<chrono::NaiveDate> {
        next_review(
            self.effective_date.max(self.last_reviewed_on),
            self.review_interval_months,
            self.next_review_override,
        )
    }
}

/// The SOP's own row, without steps and exceptions.
pub(super) fn head_from_row(row: &Row<'_>) -> rusqlite::Result<Sop> {
    let common = CommonColumns::read(row)?;
    Ok(Sop {
        id: row.get("id")?,
        code: row.get("code")?,
        title: row.get("title")?,
        purpose: row.get("purpose")?,
        scope: row.get("scope")?,
        owner: row.get("owner")?,
        status: common.status,
        version: row.get("version")?,
        effective_date: common.effective_date,
        review_interval_months: common.review_interval_months,
        next_review_override: common.next_review_override,
        last_reviewed_on: common.last_reviewed_on,
        next_review_date: common.next_review_date(),
        approved_version: row.get("approved_version")?,
        tags: common.tags,
        steps: Vec::new(),
        exceptions: Vec::new(),
        replaces: row.get("replaces_id")?,
        row_version: row.get("row_version")?,
    })
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<SopSummary> {
    let common = CommonColumns::read(row)?;
    Ok(SopSummary {
        id: row.get("id")?,
        code: row.get("code")?,
        title: row.get("title")?,
        owner: row.get("owner")?,
        status: common.status,
        version: row.get("version")?,
        effective_date: common.effective_date,
        last_reviewed_on: common.last_reviewed_on,
        next_review_date: common.next_review_date(),
        approved_version: row.get("approved_version")?,
        tags: common.tags,
    })
}
