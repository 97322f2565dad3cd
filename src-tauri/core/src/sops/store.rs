//! Reading and writing SOPs, approving them into revisions, and the revision history.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::review::next_review;
use super::search::reindex;
use super::validate::validate;
use super::{Sop, SopDraft, SopException, SopStatus, Step};
use crate::audit::{self, AuditAction, AuditEntry, ChangeSet, EntityKind};
use crate::store::rows;
use crate::store::trash::set_trashed;
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

pub(super) const COLUMNS: &str = "id, code, title, purpose, scope, owner, status, version, effective_date, \
     review_interval_months, next_review_override, last_reviewed_on, tags, row_version, \
     (SELECT max(version) FROM sop_revisions WHERE sop_revisions.sop_id = sops.id) AS approved_version";

/// An SOP as the library lists it (without its steps).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SopSummary {
    pub id: String,
    pub code: String,
    pub title: String,
    pub owner: String,
    pub status: SopStatus,
    pub version: i64,
    pub effective_date: Option<NaiveDate>,
    pub last_reviewed_on: Option<NaiveDate>,
    pub next_review_date: Option<NaiveDate>,
    /// The latest approved version, which a draft of the next one does not replace.
    pub approved_version: Option<i64>,
    pub tags: Vec<String>,
}

impl Store {
    /// Adds an SOP (as a draft, version 1).
    pub fn create_sop(&self, draft: &SopDraft) -> Result<Sop> {
        self.write(|tx| insert_sop(tx, draft))
    }

    pub fn get_sop(&self, id: &str) -> Result<Sop> {
        self.read(|conn| fetch(conn, id))
    }

    /// The SOP (not in the trash) with this code, whatever its case.
    pub fn find_sop_by_code(&self, code: &str) -> Result<Sop> {
        self.read(|conn| {
            let id: Option<String> = conn
                .query_row(
                    "SELECT id FROM sops WHERE code = ?1 COLLATE NOCASE AND deleted_at IS NULL",
                    params![code.trim()],
                    |row| row.get(0),
                )
                .optional()?;
            match id {
                Some(id) => fetch(conn, &id),
                None => Err(CoreError::invalid(
                    "code",
                    format!("No SOP has the code '{}'.", code.trim()),
                )),
            }
        })
    }

    /// The library (not the trash), by code.
    pub fn list_sops(&self) -> Result<Vec<SopSummary>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM sops WHERE deleted_at IS NULL ORDER BY code COLLATE NOCASE"
            ))?;
            let found = statement.query_map([], |row| Ok(summary(&head_from_row(row)?)))?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Everything written to an SOP: edits, approvals, reviews, links, trash.
    pub fn sop_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::Sop, id)
    }

    /// SOPs in the trash, most recently trashed first.
    pub fn list_trashed_sops(&self) -> Result<Vec<SopSummary>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM sops WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC"
            ))?;
            let found = statement.query_map([], |row| Ok(summary(&head_from_row(row)?)))?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Moves an SOP to the trash with its steps, exceptions, revisions and links; it
    /// leaves the library, the search and the rollouts' lists until restored.
    pub fn trash_sop(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            fetch(tx, id)?;
            set_trashed(tx, "sops", EntityKind::Sop, id, true)?;
            Ok(())
        })
    }

    /// Brings an SOP back from the trash, unless another SOP has taken its code since.
    pub fn restore_sop(&self, id: &str) -> Result<Sop> {
        self.write(|tx| {
            let sop = fetch(tx, id)?;
            check_code_free(tx, &sop.code, Some(id)).map_err(|_| {
                CoreError::Conflict(format!(
                    "Another SOP now uses the code {}: give it a different code, then restore this one.",
                    sop.code
                ))
            })?;
            set_trashed(tx, "sops", EntityKind::Sop, id, false)?;
            fetch(tx, id)
        })
    }

    /// Deletes a trashed SOP for good. One that was ever approved is kept: surveyors may
    /// ask which version was in force on a past date.
    pub fn purge_sop(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let sop = fetch(tx, id)?;
            let trashed: bool = tx.query_row(
                "SELECT deleted_at IS NOT NULL FROM sops WHERE id = ?1",
                params![id],
                |row| row.get(0),
            )?;
            if !trashed {
                return Err(CoreError::Conflict(format!(
                    "{} is not in the trash: move it to the trash before deleting it for good.",
                    sop.code
                )));
            }
            let revisions: i64 = tx.query_row(
                "SELECT count(*) FROM sop_revisions WHERE sop_id = ?1",
                params![id],
                |row| row.get(0),
            )?;
            if revisions > 0 {
                return Err(CoreError::Conflict(format!(
                    "{} has approved versions, which are kept as a record of what was in force; it stays in the trash.",
                    sop.code
                )));
            }
            tx.execute("DELETE FROM sop_search WHERE sop_id = ?1", params![id])?;
            tx.execute("DELETE FROM sops WHERE id = ?1", params![id])?;
            let gone = [audit::FieldChange {
                field: "code".into(),
                old: Some(sop.code),
                new: None,
            }];
            audit::record(tx, &timestamp_text(now()), EntityKind::Sop, id, AuditAction::Purge, &gone)
        })
    }

    /// Saves an edit. Editing the content of an approved SOP starts its next version as a
    /// draft; the approved revision stays in force until that draft is approved.
    pub fn update_sop(&self, id: &str, expected_row_version: i64, draft: &SopDraft) -> Result<Sop> {
        self.write(|tx| update_in(tx, id, expected_row_version, draft))
    }
}

/// Saves an edit inside a caller's transaction (see [`Store::update_sop`]).
pub(crate) fn update_in(
    tx: &Transaction<'_>,
    id: &str,
    expected_row_version: i64,
    draft: &SopDraft,
) -> Result<Sop> {
    let dates = validate(draft)?;
    let current = fetch(tx, id)?;
    if current.row_version != expected_row_version {
        return Err(CoreError::Conflict(format!(
            "{} was changed elsewhere since you opened it; reload to see the latest.",
            current.code
        )));
    }
    // The working copy is itself an approved revision (approved, or retired after it):
    // it cannot change in place, so an edit to its content starts the next version.
    let frozen = current.approved_version == Some(current.version);
    let content_changed = content(&current.draft()) != content(draft);
    let (version, status) = if frozen && content_changed {
        (current.version + 1, SopStatus::Draft)
    } else {
        (current.version, draft.status)
    };
    if status == SopStatus::Approved && !frozen {
        return Err(CoreError::invalid(
            "status",
            "Approve the SOP with Approve, which records who approved it.",
        ));
    }
    if frozen && !content_changed && matches!(status, SopStatus::Draft | SopStatus::InReview) {
        return Err(CoreError::invalid(
            "status",
            format!(
                "Version {} is approved and cannot go back to {}: edit the procedure to start version {}, or retire it.",
                current.version,
                status.label().to_lowercase(),
                current.version + 1
            ),
        ));
    }
    check_code_free(tx, &draft.code, Some(id))?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, &current.draft(), draft);
    changes.compare("version", current.version.to_string(), version.to_string());
    changes.compare("status", current.status.code(), status.code());
    if changes.is_empty() {
        return Ok(current);
    }
    let at = timestamp_text(now());
    tx.execute(
            "UPDATE sops SET code = ?1, title = ?2, purpose = ?3, scope = ?4, owner = ?5, status = ?6,
                 version = ?7, effective_date = ?8, review_interval_months = ?9,
                 next_review_override = ?10, tags = ?11, updated_at = ?12, row_version = row_version + 1
             WHERE id = ?13",
            params![
                draft.code.trim(),
                draft.title.trim(),
                draft.purpose,
                draft.scope,
                draft.owner.trim(),
                status.code(),
                version,
                dates.effective_date.map(date_text),
                draft.review_interval_months,
                dates.next_review_override.map(date_text),
                tags_json(&draft.tags)?,
                at,
                id
            ],
        )?;
    write_children(tx, id, draft)?;
    audit::record(
        tx,
        &at,
        EntityKind::Sop,
        id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    let updated = fetch(tx, id)?;
    reindex(tx, &updated)?;
    Ok(updated)
}

/// Validates and inserts an SOP inside a caller's transaction.
pub(crate) fn insert_sop(tx: &Transaction<'_>, draft: &SopDraft) -> Result<Sop> {
    let dates = validate(draft)?;
    if draft.status == SopStatus::Approved {
        return Err(CoreError::invalid(
            "status",
            "A new SOP starts as a draft; approve it once it has steps.",
        ));
    }
    check_code_free(tx, &draft.code, None)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO sops (id, code, title, purpose, scope, owner, status, effective_date,
             review_interval_months, next_review_override, tags, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        params![
            id,
            draft.code.trim(),
            draft.title.trim(),
            draft.purpose,
            draft.scope,
            draft.owner.trim(),
            draft.status.code(),
            dates.effective_date.map(date_text),
            draft.review_interval_months,
            dates.next_review_override.map(date_text),
            tags_json(&draft.tags)?,
            at
        ],
    )?;
    write_children(tx, &id, draft)?;
    let mut changes = ChangeSet::default();
    changes.compare("code", "", draft.code.trim());
    changes.compare("title", "", draft.title.trim());
    audit::record(
        tx,
        &at,
        EntityKind::Sop,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    let sop = fetch(tx, &id)?;
    reindex(tx, &sop)?;
    Ok(sop)
}

/// The parts of a draft that make up the procedure itself (not its status or dates).
fn content(draft: &SopDraft) -> (&str, &str, &str, &str, &str, &Vec<Step>, &Vec<SopException>) {
    (
        draft.code.trim(),
        draft.title.trim(),
        &draft.purpose,
        &draft.scope,
        draft.owner.trim(),
        &draft.steps,
        &draft.exceptions,
    )
}

fn describe(changes: &mut ChangeSet, old: &SopDraft, new: &SopDraft) {
    changes.compare("code", old.code.as_str(), new.code.trim());
    changes.compare("title", old.title.as_str(), new.title.trim());
    changes.compare("purpose", old.purpose.as_str(), new.purpose.as_str());
    changes.compare("scope", old.scope.as_str(), new.scope.as_str());
    changes.compare("owner", old.owner.as_str(), new.owner.trim());
    changes.compare(
        "effective_date",
        old.effective_date.clone().unwrap_or_default(),
        new.effective_date.clone().unwrap_or_default(),
    );
    changes.compare(
        "review_interval_months",
        old.review_interval_months.to_string(),
        new.review_interval_months.to_string(),
    );
    changes.compare("tags", old.tags.join(", "), new.tags.join(", "));
    changes.compare("steps", steps_text(&old.steps), steps_text(&new.steps));
    changes.compare(
        "exceptions",
        exceptions_text(&old.exceptions),
        exceptions_text(&new.exceptions),
    );
}

/// Steps as numbered lines, so the audit log shows what changed in words.
fn steps_text(steps: &[Step]) -> String {
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {}: {}", i + 1, s.role.trim(), s.instruction.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn exceptions_text(exceptions: &[SopException]) -> String {
    exceptions
        .iter()
        .map(|e| format!("If {}: {}", e.trigger.trim(), e.action.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn check_code_free(conn: &Connection, code: &str, own_id: Option<&str>) -> Result<()> {
    let holder: Option<String> = conn
        .query_row(
            "SELECT title FROM sops WHERE code = ?1 COLLATE NOCASE AND deleted_at IS NULL AND id <> ?2",
            params![code.trim(), own_id.unwrap_or("")],
            |row| row.get(0),
        )
        .optional()?;
    match holder {
        Some(title) => Err(CoreError::invalid(
            "code",
            format!("{} is already the code of '{title}'.", code.trim()),
        )),
        None => Ok(()),
    }
}

/// Replaces the steps and exceptions (the whole ordered list is the unit of editing).
fn write_children(tx: &Transaction<'_>, id: &str, draft: &SopDraft) -> Result<()> {
    tx.execute("DELETE FROM sop_steps WHERE sop_id = ?1", params![id])?;
    tx.execute("DELETE FROM sop_exceptions WHERE sop_id = ?1", params![id])?;
    let mut step = tx.prepare_cached(
        "INSERT INTO sop_steps (sop_id, position, role, instruction, quality_check) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (position, s) in draft.steps.iter().enumerate() {
        step.execute(params![
            id,
            position as i64,
            s.role.trim(),
            s.instruction,
            s.quality_check
        ])?;
    }
    let mut exception = tx.prepare_cached(
        "INSERT INTO sop_exceptions (sop_id, position, trigger, action, escalate_to, within, evidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, e) in draft.exceptions.iter().enumerate() {
        exception.execute(params![
            id,
            position as i64,
            e.trigger,
            e.action,
            e.escalate_to,
            e.within,
            e.evidence
        ])?;
    }
    Ok(())
}

fn tags_json(tags: &[String]) -> Result<String> {
    let clean: Vec<&str> = tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    serde_json::to_string(&clean)
        .map_err(|e| CoreError::Database(format!("cannot encode tags: {e}")))
}

pub(super) fn fetch(conn: &Connection, id: &str) -> Result<Sop> {
    let mut sop = rows::fetch_by_id(
        conn,
        &format!("SELECT {COLUMNS} FROM sops WHERE id = ?1"),
        id,
        "SOP",
        head_from_row,
    )?;
    let mut steps = conn.prepare_cached(
        "SELECT role, instruction, quality_check FROM sop_steps WHERE sop_id = ?1 ORDER BY position",
    )?;
    sop.steps = steps
        .query_map(params![id], |row| {
            Ok(Step {
                role: row.get(0)?,
                instruction: row.get(1)?,
                quality_check: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut exceptions = conn.prepare_cached(
        "SELECT trigger, action, escalate_to, within, evidence FROM sop_exceptions WHERE sop_id = ?1 ORDER BY position",
    )?;
    sop.exceptions = exceptions
        .query_map(params![id], |row| {
            Ok(SopException {
                trigger: row.get(0)?,
                action: row.get(1)?,
                escalate_to: row.get(2)?,
                within: row.get(3)?,
                evidence: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(sop)
}

/// The SOP's own row, without steps and exceptions.
pub(super) fn head_from_row(row: &Row<'_>) -> rusqlite::Result<Sop> {
    let status: String = row.get("status")?;
    let tags: String = row.get("tags")?;
    let effective_date = rows::date(row, "effective_date")?;
    let review_interval_months: i64 = row.get("review_interval_months")?;
    let next_review_override = rows::date(row, "next_review_override")?;
    let last_reviewed_on = rows::date(row, "last_reviewed_on")?;
    Ok(Sop {
        id: row.get("id")?,
        code: row.get("code")?,
        title: row.get("title")?,
        purpose: row.get("purpose")?,
        scope: row.get("scope")?,
        owner: row.get("owner")?,
        status: status
            .parse::<SopStatus>()
            .map_err(|_| rows::unreadable("status"))?,
        version: row.get("version")?,
        effective_date,
        review_interval_months,
        next_review_override,
        last_reviewed_on,
        next_review_date: next_review(
            effective_date.max(last_reviewed_on),
            review_interval_months,
            next_review_override,
        ),
        approved_version: row.get("approved_version")?,
        tags: serde_json::from_str(&tags).map_err(|_| rows::unreadable("tags"))?,
        steps: Vec::new(),
        exceptions: Vec::new(),
        row_version: row.get("row_version")?,
    })
}

pub(super) fn summary(sop: &Sop) -> SopSummary {
    SopSummary {
        id: sop.id.clone(),
        code: sop.code.clone(),
        title: sop.title.clone(),
        owner: sop.owner.clone(),
        status: sop.status,
        version: sop.version,
        effective_date: sop.effective_date,
        last_reviewed_on: sop.last_reviewed_on,
        next_review_date: sop.next_review_date,
        approved_version: sop.approved_version,
        tags: sop.tags.clone(),
    }
}
