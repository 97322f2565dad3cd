//! Defining metrics: what is counted, in which unit, which way is good, the baseline
//! and the target. Each write and its audit entry share one transaction; the SQL is in
//! `store/metrics.rs`.

use super::store::metrics as store;
use super::store::Tx;
use super::validate::{validate, MetricFacts, ValidMetric};
use super::{DatedValue, Metric, MetricDraft};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::people::{owner_name, resolve_owner, resolve_owner_keeping};
use crate::rollouts::require_rollout;
use crate::store::editable::check_editable;
use crate::store::trash::trash_or_restore;
use crate::time::{date_text, now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// A rollout's live metrics with their thresholds, in the order they were defined.
    pub fn list_metrics(&self, rollout_id: &str) -> Result<Vec<Metric>> {
        self.read(|conn| store::list_live(conn, rollout_id))
    }

    /// A rollout's metrics in the trash, most recently trashed first.
    pub fn list_trashed_metrics(&self, rollout_id: &str) -> Result<Vec<Metric>> {
        self.read(|conn| store::list_trashed(conn, rollout_id))
    }

    /// One metric, live or in the trash, with its live thresholds.
    pub fn get_metric(&self, id: &str) -> Result<Metric> {
        self.read(|conn| store::fetch(conn, id))
    }

    /// Defines a metric for a rollout, or explains every field that is wrong.
    pub fn create_metric(&self, rollout_id: &str, draft: &MetricDraft) -> Result<Metric> {
        self.write(|tx| insert_metric(tx, rollout_id, draft))
    }

    /// Replaces a live metric's definition; refused if it changed since
    /// `expected_row_version`. An update that changes nothing writes nothing.
    pub fn update_metric(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &MetricDraft,
    ) -> Result<Metric> {
        self.write(|tx| {
            let current = store::fetch(tx, id)?;
            check_editable(
                &current.name,
                current.deleted_at.is_some(),
                current.row_version,
                expected_row_version,
            )?;
            let facts = MetricFacts {
                same_name: store::live_named(tx, &current.rollout_id, &draft.name)?,
                owner: resolve_owner_keeping(tx, &draft.owner, current.owner_id.as_deref())?,
            };
            let valid = validate(Some(&current), draft, facts)?;
            let new_owner = owner_name(tx, valid.owner_id.as_deref())?;
            let mut changes = ChangeSet::default();
            describe(&mut changes, Some(&current), &valid, &new_owner);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            store::update(tx, id, expected_row_version, &current.name, &valid, &at)?;
            audit::record(
                tx,
                &at,
                EntityKind::Metric,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            store::fetch(tx, id)
        })
    }

    /// Moves a metric to the trash; its thresholds and measurements stay with it.
    pub fn trash_metric(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, "metrics", EntityKind::Metric, "Metric", id, true))
    }

    /// Brings a metric back; refused if a live metric of its rollout took its name.
    pub fn restore_metric(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let metric = store::fetch(tx, id)?;
            if metric.deleted_at.is_some() {
                if let Some(other) = store::live_named(tx, &metric.rollout_id, &metric.name)? {
                    return Err(CoreError::Conflict(format!(
                        "The rollout already has a metric called '{other}': rename one of them \
                         before restoring."
                    )));
                }
            }
            trash_or_restore(tx, "metrics", EntityKind::Metric, "Metric", id, false)
        })
    }
}

/// Validates and inserts a metric inside a caller's transaction.
pub(crate) fn insert_metric(tx: &Tx<'_>, rollout_id: &str, draft: &MetricDraft) -> Result<Metric> {
    require_rollout(tx, rollout_id)?;
    let facts = MetricFacts {
        same_name: store::live_named(tx, rollout_id, &draft.name)?,
        owner: resolve_owner(tx, &draft.owner)?,
    };
    let valid = validate(None, draft, facts)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    store::insert(tx, &id, rollout_id, &valid, &at)?;
    let mut changes = ChangeSet::default();
    describe(
        &mut changes,
        None,
        &valid,
        &owner_name(tx, valid.owner_id.as_deref())?,
    );
    audit::record(
        tx,
        &at,
        EntityKind::Metric,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    store::fetch(tx, &id)
}

/// Notes every field whose stored text would change; `None` describes a new metric.
/// The owner is noted by name (`new_owner`), as people read the history.
fn describe(changes: &mut ChangeSet, old: Option<&Metric>, new: &ValidMetric, new_owner: &str) {
    let text = |f: fn(&Metric) -> String| old.map(f).unwrap_or_default();
    let dated = |d: Option<DatedValue>| {
        d.map(|d| format!("{} on {}", d.value, date_text(d.date)))
            .unwrap_or_default()
    };
    changes.compare("name", text(|m| m.name.clone()), new.name.as_str());
    changes.compare(
        "definition",
        text(|m| m.definition.clone()),
        new.definition.as_str(),
    );
    changes.compare(
        "numerator",
        text(|m| m.numerator.clone()),
        new.numerator.as_str(),
    );
    changes.compare(
        "denominator",
        text(|m| m.denominator.clone()),
        new.denominator.as_str(),
    );
    changes.compare("unit", text(|m| m.unit.code().into()), new.unit.code());
    changes.compare(
        "direction",
        text(|m| m.direction.code().into()),
        new.direction.code(),
    );
    changes.compare(
        "indicator",
        text(|m| m.indicator.code().into()),
        new.indicator.code(),
    );
    changes.compare(
        "data_source",
        text(|m| m.data_source.clone()),
        new.data_source.as_str(),
    );
    changes.compare(
        "cadence",
        text(|m| m.cadence.code().into()),
        new.cadence.code(),
    );
    changes.compare("owner", text(|m| m.owner_name.clone()), new_owner);
    changes.compare(
        "baseline",
        dated(old.and_then(|m| m.baseline)),
        dated(new.baseline),
    );
    changes.compare(
        "target",
        dated(old.and_then(|m| m.target)),
        dated(new.target),
    );
}

/// `metric`, unless it is in the trash: then the work described by `doing` ("recording
/// values") is refused until it is restored.
pub(super) fn live(metric: Metric, doing: &str) -> Result<Metric> {
    if metric.deleted_at.is_some() {
        return Err(CoreError::Conflict(format!(
            "'{}' is in the trash: restore it before {doing}.",
            metric.name
        )));
    }
    Ok(metric)
}
