//! Approval and the revisions it freezes: who approved which version, from when, and
//! which version was in force on any date.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::search::reindex;
use super::store::fetch;
use super::{Revision, Sop, SopStatus};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::rows;
use crate::time::{date_text, now, parse_date, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// Approves the working version: records who approved it and from when it is in
    /// force, and freezes it as a revision that can never change.
    pub fn approve_sop(
        &self,
        id: &str,
        expected_row_version: i64,
        approved_by: &str,
        effective_date: &str,
    ) -> Result<Revision> {
        let effective = parse_date(effective_date).ok_or_else(|| {
            CoreError::invalid(
                "effective_date",
                format!(
                    "'{}' is not a date: use a date like 2027-03-01.",
                    effective_date.trim()
                ),
            )
        })?;
        if approved_by.trim().is_empty() {
            return Err(CoreError::invalid("approved_by", "Say who approved it."));
        }
        self.write(|tx| {
            let current = fetch(tx, id)?;
            if current.row_version != expected_row_version {
                return Err(CoreError::Conflict(format!(
                    "{} was changed elsewhere; reload first.",
                    current.code
                )));
            }
            approve_in(tx, &current, approved_by, effective)
        })
    }

    /// Every approved revision of an SOP, newest first.
    pub fn sop_revisions(&self, sop_id: &str) -> Result<Vec<Revision>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id, sop_id, version, approved_by, approved_at, effective_date, snapshot
                 FROM sop_revisions WHERE sop_id = ?1 ORDER BY version DESC",
            )?;
            let found = statement.query_map(params![sop_id], revision_from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The revision in force on `date`: the latest approved one effective by then.
    pub fn sop_in_force_on(&self, sop_id: &str, date: NaiveDate) -> Result<Option<Revision>> {
        self.read(|conn| {
            fetch(conn, sop_id)?;
            Ok(conn
                .query_row(
                    "SELECT id, sop_id, version, approved_by, approved_at, effective_date, snapshot
                     FROM sop_revisions WHERE sop_id = ?1 AND effective_date <= ?2
                     ORDER BY effective_date DESC, version DESC LIMIT 1",
                    params![sop_id, date_text(date)],
                    revision_from_row,
                )
                .optional()?)
        })
    }
}

/// Approves `current` inside a caller's transaction and returns the frozen revision.
pub(crate) fn approve_in(
    tx: &Transaction<'_>,
    current: &Sop,
    approved_by: &str,
    effective: NaiveDate,
) -> Result<Revision> {
    let id = current.id.as_str();
    if current.status == SopStatus::Approved {
        return Err(CoreError::Conflict(format!(
            "{} version {} is already approved.",
            current.code, current.version
        )));
    }
    if current.steps.is_empty() {
        return Err(CoreError::invalid(
            "steps",
            "An SOP needs at least one step before it can be approved.",
        ));
    }
    let at = timestamp_text(now());
    tx.execute(
        "UPDATE sops SET status = 'approved', effective_date = ?1, updated_at = ?2,
             row_version = row_version + 1
         WHERE id = ?3",
        params![date_text(effective), at, id],
    )?;
    let approved = fetch(tx, id)?;
    let snapshot = serde_json::to_string(&approved)
        .map_err(|e| CoreError::Database(format!("cannot encode the revision: {e}")))?;
    let revision_id = uuid::Uuid::now_v7().to_string();
    tx.execute(
        "INSERT INTO sop_revisions (id, sop_id, version, approved_by, approved_at, effective_date, snapshot)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![revision_id, id, approved.version, approved_by.trim(), at, date_text(effective), snapshot],
    )?;
    let mut changes = ChangeSet::default();
    changes.compare("status", current.status.code(), "approved");
    changes.compare("approved_by", "", approved_by.trim());
    changes.compare(
        "effective_date",
        current.effective_date.map(date_text).unwrap_or_default(),
        date_text(effective),
    );
    audit::record(
        tx,
        &at,
        EntityKind::Sop,
        id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    reindex(tx, &approved)?;
    fetch_revision(tx, &revision_id)
}

fn fetch_revision(conn: &Connection, id: &str) -> Result<Revision> {
    rows::fetch_by_id(
        conn,
        "SELECT id, sop_id, version, approved_by, approved_at, effective_date, snapshot FROM sop_revisions WHERE id = ?1",
        id,
        "SOP revision",
        revision_from_row,
    )
}

fn revision_from_row(row: &Row<'_>) -> rusqlite::Result<Revision> {
    let snapshot: String = row.get("snapshot")?;
    Ok(Revision {
        id: row.get("id")?,
        sop_id: row.get("sop_id")?,
        version: row.get("version")?,
        approved_by: row.get("approved_by")?,
        approved_at: row.get("approved_at")?,
        effective_date: rows::date(row, "effective_date")?
            .ok_or_else(|| rows::unreadable("effective_date"))?,
        snapshot: serde_json::from_str(&snapshot).map_err(|_| rows::unreadable("snapshot"))?,
    })
}
