//! Approval and the revisions it freezes: who approved which version, from when, and
//! which version was in force on any date.

use chrono::NaiveDate;

use super::store::revisions::{self as store, RevisionValues};
use super::store::search::reindex;
use super::store::sops::{fetch, is_trashed, set_approved};
use super::store::Tx;
use super::{Revision, Sop, SopStatus};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::editable::check_editable;
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
            check_editable(
                &current.code,
                is_trashed(tx, id)?,
                current.row_version,
                expected_row_version,
            )?;
            approve_in(tx, &current, approved_by, effective)
        })
    }

    /// Every approved revision of an SOP, newest first.
    pub fn sop_revisions(&self, sop_id: &str) -> Result<Vec<Revision>> {
        self.read(|conn| store::list(conn, sop_id))
    }

    /// The revision in force on `date`: the latest approved one effective by then.
    pub fn sop_in_force_on(&self, sop_id: &str, date: NaiveDate) -> Result<Option<Revision>> {
        self.read(|conn| {
            fetch(conn, sop_id)?;
            store::in_force_on(conn, sop_id, date)
        })
    }
}

/// Approves `current` (as just read in this transaction, whose version the approval is
/// based on) inside a caller's transaction and returns the frozen revision.
pub(crate) fn approve_in(
    tx: &Tx<'_>,
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
    set_approved(tx, id, current.row_version, &current.code, effective, &at)?;
    let approved = fetch(tx, id)?;
    let snapshot = serde_json::to_string(&approved)
        .map_err(|e| CoreError::Database(format!("cannot encode the revision: {e}")))?;
    let revision_id = uuid::Uuid::now_v7().to_string();
    store::insert(
        tx,
        &revision_id,
        &RevisionValues {
            sop_id: id,
            version: approved.version,
            approved_by: approved_by.trim(),
            approved_at: &at,
            effective_date: effective,
            snapshot: &snapshot,
        },
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
    store::fetch(tx, &revision_id)
}
