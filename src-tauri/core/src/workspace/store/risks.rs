//! The `risks` table, read with each owner's name from the directory.

use rusqlite::types::Value;
use rusqlite::{Connection, Row, Transaction};

use super::Table;
use crate::audit::EntityKind;
use crate::people::find_owner_keeping;
use crate::store::rows;
use crate::workspace::record::FoundOwner;
use crate::workspace::risks::ValidRisk;
use crate::workspace::{Risk, RiskBand, RiskDraft};
use crate::Result;

impl Table for Risk {
    const TABLE: &'static str = "risks";
    const NOUN: &'static str = "Risk";
    const ENTITY: EntityKind = EntityKind::Risk;
    const SELECT: &'static str = "SELECT r.id, r.rollout_id, r.title, r.likelihood, r.impact,
        r.mitigation, r.owner_id, coalesce(p.name, '') AS owner_name, r.trigger, r.status,
        r.row_version, r.deleted_at
    FROM risks r LEFT JOIN people p ON p.id = r.owner_id";
    const ALIAS: &'static str = "r";
    /// Highest score first, closed ones last.
    const ORDER: &'static str =
        "r.status = 'closed', r.likelihood * r.impact DESC, r.impact DESC, r.id";
    const COLUMNS: &'static [&'static str] = &[
        "title",
        "likelihood",
        "impact",
        "mitigation",
        "owner_id",
        "trigger",
        "status",
    ];

    fn bind(valid: &ValidRisk) -> Vec<Value> {
        vec![
            valid.title.clone().into(),
            valid.likelihood.into(),
            valid.impact.into(),
            valid.mitigation.clone().into(),
            valid.owner_id.clone().into(),
            valid.trigger.clone().into(),
            valid.status.code().to_owned().into(),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Risk> {
        let status: String = row.get("status")?;
        let (likelihood, impact): (i64, i64) = (row.get("likelihood")?, row.get("impact")?);
        Ok(Risk {
            id: row.get("id")?,
            rollout_id: row.get("rollout_id")?,
            title: row.get("title")?,
            likelihood,
            impact,
            score: likelihood * impact,
            band: RiskBand::of(likelihood * impact),
            mitigation: row.get("mitigation")?,
            owner_id: row.get("owner_id")?,
            owner_name: row.get("owner_name")?,
            trigger: row.get("trigger")?,
            status: status.parse().map_err(|_| rows::unreadable("status"))?,
            row_version: row.get("row_version")?,
        })
    }

    fn look_up(conn: &Connection, draft: &RiskDraft, current: Option<&Self>) -> Result<FoundOwner> {
        find_owner_keeping(
            conn,
            &draft.owner,
            current.and_then(|r| r.owner_id.as_deref()),
        )
    }
}

/// Checks and inserts a risk inside a caller's transaction.
pub(crate) fn insert_risk(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &RiskDraft,
) -> Result<Risk> {
    super::create(tx, rollout_id, draft)
}
