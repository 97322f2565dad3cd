//! A metric's watch and act levels, each with the action it triggers and who acts.
//! For a metric where higher is better the act level lies below the watch level (and
//! above it when lower is better), so that crossing watch always comes first.

use rusqlite::{params, Connection, Row, Transaction};

use super::definitions::fetch_metric;
use super::format::value_text;
use super::validate::check_value;
use super::{Direction, Metric, Threshold, ThresholdDraft, ThresholdLevel};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::people::{owner_name, resolve_owner};
use crate::store::editable::check_editable;
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::time::{now, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

const SELECT: &str = "SELECT t.id, t.metric_id, t.level, t.value, t.action, t.owner_id,
        coalesce(p.name, '') AS owner_name, t.owner_role, t.row_version, t.deleted_at
    FROM metric_thresholds t LEFT JOIN people p ON p.id = t.owner_id";

impl Store {
    /// Sets a metric's watch or act level (the draft says which); refused when the
    /// metric already has a live one at that level.
    pub fn create_threshold(&self, metric_id: &str, draft: &ThresholdDraft) -> Result<Threshold> {
        self.write(|tx| insert_threshold(tx, metric_id, draft))
    }

    /// Edits a threshold; refused if it changed since `expected_row_version`.
    pub fn update_threshold(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &ThresholdDraft,
    ) -> Result<Threshold> {
        self.write(|tx| {
            let (current, deleted) = fetch(tx, id)?;
            let label = format!("The {} level", current.level.code());
            check_editable(&label, deleted, current.row_version, expected_row_version)?;
            let metric = live_metric(tx, &current.metric_id)?;
            let owner_id = validate(tx, &metric, Some(&current.id), draft)?;
            let mut changes = ChangeSet::default();
            describe(tx, &mut changes, Some(&current), draft, owner_id.as_deref())?;
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            tx.execute(
                "UPDATE metric_thresholds SET level = ?1, value = ?2, action = ?3, owner_id = ?4,
                     owner_role = ?5, updated_at = ?6, row_version = row_version + 1
                 WHERE id = ?7",
                params![
                    draft.level.code(),
                    draft.value,
                    draft.action.trim(),
                    owner_id,
                    draft.owner_role.trim(),
                    at,
                    id
                ],
            )?;
            audit::record(
                tx,
                &at,
                EntityKind::MetricThreshold,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(fetch(tx, id)?.0)
        })
    }

    pub fn trash_threshold(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(
                tx,
                "metric_thresholds",
                EntityKind::MetricThreshold,
                "Threshold",
                id,
                true,
            )
        })
    }

    /// Brings a threshold back; refused when the metric has since been given another
    /// one at that level, or when it would sit on the wrong side of the other level.
    pub fn restore_threshold(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let (threshold, deleted) = fetch(tx, id)?;
            if deleted {
                let metric = live_metric(tx, &threshold.metric_id)?;
                let draft = ThresholdDraft {
                    level: threshold.level,
                    value: threshold.value,
                    action: threshold.action.clone(),
                    owner: threshold.owner_id.clone().unwrap_or_default(),
                    owner_role: threshold.owner_role.clone(),
                };
                validate(tx, &metric, Some(id), &draft).map_err(|error| {
                    CoreError::Conflict(format!("The threshold cannot come back: {error}"))
                })?;
            }
            trash_or_restore(
                tx,
                "metric_thresholds",
                EntityKind::MetricThreshold,
                "Threshold",
                id,
                false,
            )
        })
    }
}

/// Validates and inserts a threshold inside a caller's transaction.
pub(crate) fn insert_threshold(
    tx: &Transaction<'_>,
    metric_id: &str,
    draft: &ThresholdDraft,
) -> Result<Threshold> {
    let metric = live_metric(tx, metric_id)?;
    let owner_id = validate(tx, &metric, None, draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO metric_thresholds (id, metric_id, level, value, action, owner_id, owner_role,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            id,
            metric_id,
            draft.level.code(),
            draft.value,
            draft.action.trim(),
            owner_id,
            draft.owner_role.trim(),
            at
        ],
    )?;
    let mut changes = ChangeSet::default();
    describe(tx, &mut changes, None, draft, owner_id.as_deref())?;
    audit::record(
        tx,
        &at,
        EntityKind::MetricThreshold,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(fetch(tx, &id)?.0)
}

fn live_metric(conn: &Connection, metric_id: &str) -> Result<Metric> {
    let metric = fetch_metric(conn, metric_id)?;
    if metric.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "'{}' is in the trash: restore it before changing its thresholds.",
            metric.name
        )));
    }
    Ok(metric)
}

/// Checks a draft against its metric and the metric's other level; returns the
/// person who acts, if one is named.
fn validate(
    conn: &Connection,
    metric: &Metric,
    own_id: Option<&str>,
    draft: &ThresholdDraft,
) -> Result<Option<String>> {
    let mut errors = Vec::new();
    let show = |value: f64| value_text(value, metric.unit);
    let level = draft.level.code();
    let other = |level: ThresholdLevel| {
        metric
            .threshold(level)
            .filter(|t| Some(t.id.as_str()) != own_id)
    };
    if let Some(same) = other(draft.level) {
        errors.push(FieldError::new(
            "level",
            format!(
                "{} already has a {level} level ({}): edit that one instead.",
                metric.name,
                show(same.value)
            ),
        ));
    }
    let before = errors.len();
    check_value(
        metric.unit,
        draft.value,
        "value",
        &format!("the {level} level"),
        &mut errors,
    );
    let opposite = match draft.level {
        ThresholdLevel::Watch => ThresholdLevel::Act,
        ThresholdLevel::Act => ThresholdLevel::Watch,
    };
    if let Some(counterpart) = other(opposite).filter(|_| errors.len() == before) {
        let (watch, act) = match draft.level {
            ThresholdLevel::Watch => (draft.value, counterpart.value),
            ThresholdLevel::Act => (counterpart.value, draft.value),
        };
        if !metric.direction.is_worse(act, watch) {
            let (better, side) = match (metric.direction, draft.level) {
                (Direction::HigherIsBetter, ThresholdLevel::Act) => ("higher", "below"),
                (Direction::HigherIsBetter, ThresholdLevel::Watch) => ("higher", "above"),
                (Direction::LowerIsBetter, ThresholdLevel::Act) => ("lower", "above"),
                (Direction::LowerIsBetter, ThresholdLevel::Watch) => ("lower", "below"),
            };
            errors.push(FieldError::new(
                "value",
                format!(
                    "When {better} is better the {level} level must be {side} the {} level ({}), \
                     so that watch comes before act; {} is not.",
                    opposite.code(),
                    show(counterpart.value),
                    show(draft.value)
                ),
            ));
        }
    }
    if draft.action.trim().is_empty() {
        errors.push(FieldError::new(
            "action",
            format!(
                "Say what happens when {} crosses the {level} level: who does what.",
                metric.name
            ),
        ));
    }
    let owner = resolve_owner(conn, &draft.owner)?
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(owner)
}

fn describe(
    conn: &Connection,
    changes: &mut ChangeSet,
    old: Option<&Threshold>,
    new: &ThresholdDraft,
    new_owner: Option<&str>,
) -> Result<()> {
    let text = |f: fn(&Threshold) -> String| old.map(f).unwrap_or_default();
    changes.compare("level", text(|t| t.level.code().into()), new.level.code());
    changes.compare(
        "value",
        text(|t| t.value.to_string()),
        new.value.to_string(),
    );
    changes.compare("action", text(|t| t.action.clone()), new.action.trim());
    changes.compare(
        "owner",
        text(|t| t.owner_name.clone()),
        owner_name(conn, new_owner)?,
    );
    changes.compare(
        "owner_role",
        text(|t| t.owner_role.clone()),
        new.owner_role.trim(),
    );
    Ok(())
}

/// Fills each metric's live watch and act levels.
pub(crate) fn attach_thresholds(conn: &Connection, metrics: &mut [Metric]) -> Result<()> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE t.metric_id = ?1 AND t.deleted_at IS NULL"
    ))?;
    for metric in metrics {
        for threshold in statement.query_map(params![metric.id], from_row)? {
            let threshold = threshold?;
            match threshold.level {
                ThresholdLevel::Watch => metric.watch = Some(threshold),
                ThresholdLevel::Act => metric.act = Some(threshold),
            }
        }
    }
    Ok(())
}

/// A threshold and whether it is in the trash.
fn fetch(conn: &Connection, id: &str) -> Result<(Threshold, bool)> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE t.id = ?1"),
        id,
        "Threshold",
        |row| {
            Ok((
                from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Threshold> {
    let level: String = row.get("level")?;
    let owner_name: String = row.get("owner_name")?;
    let owner_role: String = row.get("owner_role")?;
    let acted_by = match (owner_name.is_empty(), owner_role.is_empty()) {
        (false, false) => format!("{owner_name}, {owner_role}"),
        (false, true) => owner_name.clone(),
        _ => owner_role.clone(),
    };
    Ok(Threshold {
        id: row.get("id")?,
        metric_id: row.get("metric_id")?,
        level: level.parse().map_err(|_| rows::unreadable("level"))?,
        value: row.get("value")?,
        action: row.get("action")?,
        owner_id: row.get("owner_id")?,
        owner_name,
        owner_role,
        acted_by,
        row_version: row.get("row_version")?,
    })
}
