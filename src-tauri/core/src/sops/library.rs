//! The library as a list: reading SOPs, finding one by code, the trash, and deleting a
//! trashed SOP for good. Editing is `edit.rs`; the SQL is in `store/`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::store::{revisions, search, sops as store};
use super::{Sop, SopStatus};
use crate::audit::{self, AuditAction, AuditEntry, EntityKind};
use crate::store::trash::set_trashed;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

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
    pub fn get_sop(&self, id: &str) -> Result<Sop> {
        self.read(|conn| store::fetch(conn, id))
    }

    /// When an SOP was created and last changed, as a document's properties give them.
    pub fn sop_times(&self, id: &str) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
        self.read(|conn| store::times(conn, id))
    }

    /// The SOP (not in the trash) with this code, whatever its case.
    pub fn find_sop_by_code(&self, code: &str) -> Result<Sop> {
        self.read(|conn| match store::live_id_by_code(conn, code)? {
            Some(id) => store::fetch(conn, &id),
            None => Err(CoreError::invalid(
                "code",
                format!("No SOP has the code '{}'.", code.trim()),
            )),
        })
    }

    /// Everything written to an SOP: edits, approvals, reviews, links, trash.
    pub fn sop_history(&self, id: &str) -> Result<Vec<AuditEntry>> {
        self.history(EntityKind::Sop, id)
    }

    /// SOPs in the trash, most recently trashed first.
    pub fn list_trashed_sops(&self) -> Result<Vec<SopSummary>> {
        let heads = self.read(|conn| store::list_heads(conn, true))?;
        Ok(heads.iter().map(summary).collect())
    }

    /// Moves an SOP to the trash with its steps, exceptions, revisions and links; it
    /// leaves the library, the search and the rollouts' lists until restored.
    pub fn trash_sop(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            store::fetch(tx, id)?;
            set_trashed(tx, "sops", EntityKind::Sop, id, true)?;
            Ok(())
        })
    }

    /// Brings an SOP back from the trash, unless another SOP has taken its code since.
    pub fn restore_sop(&self, id: &str) -> Result<Sop> {
        self.write(|tx| {
            let sop = store::fetch(tx, id)?;
            if store::code_holder(tx, &sop.code, Some(id))?.is_some() {
                return Err(CoreError::Conflict(format!(
                    "Another SOP now uses the code {}: give it a different code, then restore this one.",
                    sop.code
                )));
            }
            set_trashed(tx, "sops", EntityKind::Sop, id, false)?;
            store::fetch(tx, id)
        })
    }

    /// Deletes a trashed SOP for good. One that was ever approved is kept: surveyors may
    /// ask which version was in force on a past date.
    pub fn purge_sop(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let sop = store::fetch(tx, id)?;
            if !store::is_trashed(tx, id)? {
                return Err(CoreError::Conflict(format!(
                    "{} is not in the trash: move it to the trash before deleting it for good.",
                    sop.code
                )));
            }
            if revisions::count(tx, id)? > 0 {
                return Err(CoreError::Conflict(format!(
                    "{} has approved versions, which are kept as a record of what was in force; it stays in the trash.",
                    sop.code
                )));
            }
            search::remove(tx, id)?;
            store::delete(tx, id)?;
            let gone = [audit::FieldChange {
                field: "code".into(),
                old: Some(sop.code),
                new: None,
            }];
            audit::record(
                tx,
                &timestamp_text(now()),
                EntityKind::Sop,
                id,
                AuditAction::Purge,
                &gone,
            )
        })
    }
}

/// The library's line for an SOP.
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
