//! Which rollouts introduce or change which SOPs. A rollout lists its SOPs with their
//! status, and an SOP not yet approved is a readiness warning for its rollout. The SQL
//! is in `store/links.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::library::{summary, SopSummary};
use super::store::links as store;
use super::store::sops::fetch;
use super::store::Tx;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::rollouts::fetch_rollout;
use crate::store::Conn;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

/// How a rollout touches an SOP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SopRelation {
    /// The rollout brings in a procedure the clinic did not have.
    #[default]
    Introduces,
    /// The rollout changes an existing procedure.
    Changes,
}

coded_enum!(SopRelation, "relation", "relation", {
    Introduces => "introduces", "Introduces";
    Changes => "changes", "Changes";
});

/// An SOP as its rollout lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LinkedSop {
    pub relation: SopRelation,
    pub sop: SopSummary,
}

/// A rollout as an SOP lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LinkedRollout {
    pub relation: SopRelation,
    pub rollout_id: String,
    pub rollout_name: String,
    pub go_live_date: Option<NaiveDate>,
}

impl Store {
    /// Links an SOP to a rollout (or changes how they are linked).
    pub fn link_sop_to_rollout(
        &self,
        sop_id: &str,
        rollout_id: &str,
        relation: SopRelation,
    ) -> Result<()> {
        self.write(|tx| {
            let sop = fetch(tx, sop_id)?;
            let rollout = live_rollout_name(fetch_rollout(tx, rollout_id), rollout_id)?;
            let previous = store::relation(tx, sop_id, rollout_id)?;
            if previous == Some(relation) {
                return Ok(());
            }
            insert_link(tx, &sop.id, rollout_id, relation)?;
            let describe = |r: SopRelation| format!("{rollout} ({})", r.label().to_lowercase());
            record_link_change(
                tx,
                sop_id,
                previous.map(describe).unwrap_or_default(),
                describe(relation),
            )
        })
    }

    /// Removes the link between an SOP and a rollout; neither is otherwise touched.
    pub fn unlink_sop_from_rollout(&self, sop_id: &str, rollout_id: &str) -> Result<()> {
        self.write(|tx| {
            fetch(tx, sop_id)?;
            let Some(previous) = store::relation(tx, sop_id, rollout_id)? else {
                return Ok(());
            };
            let rollout = fetch_rollout(tx, rollout_id)?.name;
            store::delete(tx, sop_id, rollout_id)?;
            record_link_change(
                tx,
                sop_id,
                format!("{rollout} ({})", previous.label().to_lowercase()),
                String::new(),
            )
        })
    }

    /// The SOPs a rollout introduces or changes (not those in the trash), by code.
    pub fn sops_for_rollout(&self, rollout_id: &str) -> Result<Vec<LinkedSop>> {
        self.read(|conn| linked_sops_in(conn, rollout_id))
    }

    /// The rollouts (not in the trash) that introduce or change an SOP, soonest go-live
    /// first.
    pub fn rollouts_for_sop(&self, sop_id: &str) -> Result<Vec<LinkedRollout>> {
        self.read(|conn| store::linked_rollouts(conn, sop_id))
    }
}

/// [`Store::sops_for_rollout`] inside a caller's transaction.
pub(crate) fn linked_sops_in(conn: &Conn, rollout_id: &str) -> Result<Vec<LinkedSop>> {
    Ok(store::linked_sops(conn, rollout_id)?
        .into_iter()
        .map(|(relation, sop)| LinkedSop {
            relation,
            sop: summary(&sop),
        })
        .collect())
}

/// Links (or relinks) an SOP to a rollout inside a caller's transaction.
pub(crate) fn insert_link(
    tx: &Tx<'_>,
    sop_id: &str,
    rollout_id: &str,
    relation: SopRelation,
) -> Result<()> {
    store::upsert(tx, sop_id, rollout_id, relation, &timestamp_text(now()))
}

/// The name of the rollout `found`, which an SOP may be linked to only while it is out
/// of the trash.
fn live_rollout_name(found: Result<crate::rollouts::Rollout>, rollout_id: &str) -> Result<String> {
    match found {
        Ok(rollout) if rollout.deleted_at.is_none() => Ok(rollout.name),
        Ok(rollout) => Err(CoreError::Conflict(format!(
            "'{}' is in the trash: restore it before linking SOPs to it.",
            rollout.name
        ))),
        Err(CoreError::NotFound { .. }) => Err(CoreError::NotFound {
            entity: "rollout",
            id: rollout_id.to_owned(),
        }),
        Err(error) => Err(error),
    }
}

fn record_link_change(tx: &Tx<'_>, sop_id: &str, old: String, new: String) -> Result<()> {
    let mut changes = ChangeSet::default();
    changes.compare("rollout", old, new);
    audit::record(
        tx,
        &timestamp_text(now()),
        EntityKind::Sop,
        sop_id,
        AuditAction::Update,
        &changes.into_changes(),
    )
}
