//! Risks: likelihood × impact on 1-5 scales, with mitigation, owner, trigger and status;
//! a 5×5 heat map and the top risks for the overview.

use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::edit::rating;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::plan::resolve_owner;
use crate::rollouts::require_rollout;
use crate::store::editable::{check_editable, one_row_updated};
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::time::{now, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

/// Where a risk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    #[default]
    Open,
    Mitigating,
    Closed,
}

coded_enum!(RiskStatus, "status", "status", {
    Open => "open", "Open";
    Mitigating => "mitigating", "Mitigating";
    Closed => "closed", "Closed";
});

/// How a risk's score reads: the one banding the risk list, the overview, the heat map
/// and every export colour and label by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    /// Score 1-7.
    Low,
    /// Score 8-14.
    Medium,
    /// Score 15-25: likely and serious.
    High,
}

coded_enum!(RiskBand, "band", "band", {
    Low => "low", "Low";
    Medium => "medium", "Medium";
    High => "high", "High";
});

impl RiskBand {
    /// The band of a likelihood × impact score.
    pub fn of(score: i64) -> Self {
        match score {
            15.. => Self::High,
            8..=14 => Self::Medium,
            _ => Self::Low,
        }
    }
}

/// A risk to a rollout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Risk {
    pub id: String,
    pub rollout_id: String,
    pub title: String,
    /// 1 (rare) to 5 (almost certain).
    pub likelihood: i64,
    /// 1 (minor) to 5 (severe).
    pub impact: i64,
    /// Likelihood × impact, 1 to 25.
    pub score: i64,
    /// The score's band.
    pub band: RiskBand,
    pub mitigation: String,
    pub owner_id: Option<String>,
    pub owner_name: String,
    /// What tells us the risk is turning into an issue.
    pub trigger: String,
    pub status: RiskStatus,
    pub row_version: i64,
}

/// The editable part of a risk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RiskDraft {
    pub title: String,
    pub likelihood: i64,
    pub impact: i64,
    pub mitigation: String,
    /// A person's id or name from the directory; empty for nobody yet.
    pub owner: String,
    pub trigger: String,
    pub status: RiskStatus,
}

/// Counts of live, not closed risks per cell: `counts[likelihood - 1][impact - 1]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RiskHeatMap {
    pub counts: Vec<Vec<i64>>,
    /// Each cell's band, laid out as `counts`: the colours the screen and exports share.
    pub bands: Vec<Vec<RiskBand>>,
}

impl RiskHeatMap {
    /// A heat map of `counts`, with every cell's band.
    pub fn new(counts: Vec<Vec<i64>>) -> Self {
        let bands = (1..=5)
            .map(|likelihood| {
                (1..=5)
                    .map(|impact| RiskBand::of(likelihood * impact))
                    .collect()
            })
            .collect();
        Self { counts, bands }
    }
}

const SELECT: &str = "SELECT r.id, r.rollout_id, r.title, r.likelihood, r.impact, r.mitigation,
        r.owner_id, coalesce(p.name, '') AS owner_name, r.trigger, r.status, r.row_version,
        r.deleted_at
    FROM risks r LEFT JOIN people p ON p.id = r.owner_id";

impl Store {
    /// A rollout's live risks, highest score first, closed ones last.
    pub fn list_risks(&self, rollout_id: &str) -> Result<Vec<Risk>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "{SELECT} WHERE r.rollout_id = ?1 AND r.deleted_at IS NULL
                 ORDER BY r.status = 'closed', r.likelihood * r.impact DESC, r.impact DESC, r.id"
            ))?;
            let found = statement.query_map(params![rollout_id], from_row)?;
            Ok(found.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The `count` highest-scoring risks that are not closed.
    pub fn top_risks(&self, rollout_id: &str, count: usize) -> Result<Vec<Risk>> {
        let mut risks = self.list_risks(rollout_id)?;
        risks.retain(|r| r.status != RiskStatus::Closed);
        risks.truncate(count);
        Ok(risks)
    }

    /// The 5×5 heat map of a rollout's risks that are not closed.
    pub fn risk_heat_map(&self, rollout_id: &str) -> Result<RiskHeatMap> {
        let mut counts = vec![vec![0i64; 5]; 5];
        for risk in self.list_risks(rollout_id)? {
            if risk.status != RiskStatus::Closed {
                counts[(risk.likelihood - 1) as usize][(risk.impact - 1) as usize] += 1;
            }
        }
        Ok(RiskHeatMap::new(counts))
    }

    pub fn create_risk(&self, rollout_id: &str, draft: &RiskDraft) -> Result<Risk> {
        self.write(|tx| insert_risk(tx, rollout_id, draft))
    }

    /// Edits a risk; refused if it changed since `expected_row_version`.
    pub fn update_risk(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &RiskDraft,
    ) -> Result<Risk> {
        self.write(|tx| {
            let (current, deleted) = fetch(tx, id)?;
            check_editable(
                &current.title,
                deleted,
                current.row_version,
                expected_row_version,
            )?;
            let owner_id = validate(tx, draft)?;
            let mut changes = ChangeSet::default();
            describe(&mut changes, Some(&current), draft, owner_id.as_deref(), tx)?;
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            let affected = tx.execute(
                "UPDATE risks SET title = ?1, likelihood = ?2, impact = ?3, mitigation = ?4,
                     owner_id = ?5, trigger = ?6, status = ?7, updated_at = ?8,
                     row_version = row_version + 1
                 WHERE id = ?9 AND row_version = ?10",
                params![
                    draft.title.trim(),
                    draft.likelihood,
                    draft.impact,
                    draft.mitigation,
                    owner_id,
                    draft.trigger,
                    draft.status.code(),
                    at,
                    id,
                    expected_row_version
                ],
            )?;
            one_row_updated(affected, &current.title)?;
            audit::record(
                tx,
                &at,
                EntityKind::Risk,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(fetch(tx, id)?.0)
        })
    }

    pub fn trash_risk(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, "risks", EntityKind::Risk, "Risk", id, true))
    }

    pub fn restore_risk(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, "risks", EntityKind::Risk, "Risk", id, false))
    }
}

/// Checks a draft; returns the owner's person id.
fn validate(conn: &Connection, draft: &RiskDraft) -> Result<Option<String>> {
    let mut errors = Vec::new();
    if draft.title.trim().is_empty() {
        errors.push(FieldError::new("title", "Say what could go wrong."));
    }
    rating(
        draft.likelihood,
        "likelihood",
        "Likelihood",
        "1 (rare) to 5 (almost certain)",
        &mut errors,
    );
    rating(
        draft.impact,
        "impact",
        "Impact",
        "1 (minor) to 5 (severe)",
        &mut errors,
    );
    let owner = resolve_owner(conn, &draft.owner)?
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(owner)
}

/// Validates and inserts a risk inside a caller's transaction.
pub(crate) fn insert_risk(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &RiskDraft,
) -> Result<Risk> {
    require_rollout(tx, rollout_id)?;
    let owner_id = validate(tx, draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO risks (id, rollout_id, title, likelihood, impact, mitigation, owner_id,
             trigger, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            id,
            rollout_id,
            draft.title.trim(),
            draft.likelihood,
            draft.impact,
            draft.mitigation,
            owner_id,
            draft.trigger,
            draft.status.code(),
            at
        ],
    )?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, None, draft, owner_id.as_deref(), tx)?;
    audit::record(
        tx,
        &at,
        EntityKind::Risk,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(fetch(tx, &id)?.0)
}

fn describe(
    changes: &mut ChangeSet,
    old: Option<&Risk>,
    new: &RiskDraft,
    new_owner: Option<&str>,
    conn: &Connection,
) -> Result<()> {
    let text = |f: fn(&Risk) -> String| old.map(f).unwrap_or_default();
    changes.compare("title", text(|r| r.title.clone()), new.title.trim());
    changes.compare(
        "likelihood",
        text(|r| r.likelihood.to_string()),
        new.likelihood.to_string(),
    );
    changes.compare(
        "impact",
        text(|r| r.impact.to_string()),
        new.impact.to_string(),
    );
    changes.compare(
        "mitigation",
        text(|r| r.mitigation.clone()),
        new.mitigation.as_str(),
    );
    changes.compare(
        "owner",
        text(|r| r.owner_name.clone()),
        crate::plan::owner_name(conn, new_owner)?,
    );
    changes.compare("trigger", text(|r| r.trigger.clone()), new.trigger.as_str());
    changes.compare(
        "status",
        old.map(|r| r.status.code()).unwrap_or(""),
        new.status.code(),
    );
    Ok(())
}

/// A risk and whether it is in the trash.
fn fetch(conn: &Connection, id: &str) -> Result<(Risk, bool)> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE r.id = ?1"),
        id,
        "Risk",
        |row| {
            Ok((
                from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )
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
