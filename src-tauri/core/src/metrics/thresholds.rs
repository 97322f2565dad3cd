//! A metric's watch and act levels, each with the action it triggers and who acts.
//! For a metric where higher is better the act level lies below the watch level (and
//! above it when lower is better), so that crossing watch always comes first.

use super::definitions::live;
use super::format::value_text;
use super::store::metrics::fetch as fetch_metric;
use super::store::thresholds::{self as store, ThresholdValues};
use super::store::Tx;
use super::validate::check_value;
use super::{Direction, Metric, Threshold, ThresholdDraft, ThresholdLevel};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::people::{owner_name, resolve_owner};
use crate::store::editable::check_editable;
use crate::store::trash::trash_or_restore;
use crate::time::{now, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

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
            let (current, deleted) = store::fetch(tx, id)?;
            let label = format!("The {} level", current.level.code());
            check_editable(&label, deleted, current.row_version, expected_row_version)?;
            let metric = live(fetch_metric(tx, &current.metric_id)?, CHANGING)?;
            let owner = resolve_owner(tx, &draft.owner)?;
            let owner_id = validate(&metric, Some(&current.id), draft, owner)?;
            let mut changes = ChangeSet::default();
            let new_owner = owner_name(tx, owner_id.as_deref())?;
            describe(&mut changes, Some(&current), draft, &new_owner);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            let values = values(draft, owner_id.as_deref());
            store::update(tx, id, expected_row_version, &label, &values, &at)?;
            audit::record(
                tx,
                &at,
                EntityKind::MetricThreshold,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(store::fetch(tx, id)?.0)
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
            let (threshold, deleted) = store::fetch(tx, id)?;
            if deleted {
                let metric = live(fetch_metric(tx, &threshold.metric_id)?, CHANGING)?;
                let draft = ThresholdDraft {
                    level: threshold.level,
                    value: threshold.value,
                    action: threshold.action.clone(),
                    owner: threshold.owner_id.clone().unwrap_or_default(),
                    owner_role: threshold.owner_role.clone(),
                };
                let owner = resolve_owner(tx, &draft.owner)?;
                validate(&metric, Some(id), &draft, owner).map_err(|error| {
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

/// What a change to a trashed metric's levels is refused as.
const CHANGING: &str = "changing its thresholds";

/// Validates and inserts a threshold inside a caller's transaction.
pub(crate) fn insert_threshold(
    tx: &Tx<'_>,
    metric_id: &str,
    draft: &ThresholdDraft,
) -> Result<Threshold> {
    let metric = live(fetch_metric(tx, metric_id)?, CHANGING)?;
    let owner = resolve_owner(tx, &draft.owner)?;
    let owner_id = validate(&metric, None, draft, owner)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    store::insert(tx, &id, metric_id, &values(draft, owner_id.as_deref()), &at)?;
    let mut changes = ChangeSet::default();
    describe(
        &mut changes,
        None,
        draft,
        &owner_name(tx, owner_id.as_deref())?,
    );
    audit::record(
        tx,
        &at,
        EntityKind::MetricThreshold,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(store::fetch(tx, &id)?.0)
}

/// The row a checked draft becomes: free text trimmed, the owner resolved.
fn values<'a>(draft: &'a ThresholdDraft, owner_id: Option<&'a str>) -> ThresholdValues<'a> {
    ThresholdValues {
        level: draft.level,
        value: draft.value,
        action: draft.action.trim(),
        owner_id,
        owner_role: draft.owner_role.trim(),
    }
}

/// Checks a draft against its metric and the metric's other level, given the person
/// the draft's owner names (`owner`, as resolved in the directory); returns the person
/// who acts, if one is named.
fn validate(
    metric: &Metric,
    own_id: Option<&str>,
    draft: &ThresholdDraft,
    owner: std::result::Result<Option<String>, FieldError>,
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
    let owner = owner.map_err(|e| errors.push(e)).ok().flatten();
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(owner)
}

/// Notes every field whose stored text would change; `None` describes a new level.
/// The owner is noted by name (`new_owner`), as people read the history.
fn describe(
    changes: &mut ChangeSet,
    old: Option<&Threshold>,
    new: &ThresholdDraft,
    new_owner: &str,
) {
    let text = |f: fn(&Threshold) -> String| old.map(f).unwrap_or_default();
    changes.compare("level", text(|t| t.level.code().into()), new.level.code());
    changes.compare(
        "value",
        text(|t| t.value.to_string()),
        new.value.to_string(),
    );
    changes.compare("action", text(|t| t.action.clone()), new.action.trim());
    changes.compare("owner", text(|t| t.owner_name.clone()), new_owner);
    changes.compare(
        "owner_role",
        text(|t| t.owner_role.clone()),
        new.owner_role.trim(),
    );
}
