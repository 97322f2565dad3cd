//! Adding a metric from a template: the metric, then its two levels placed from the
//! baseline and target, in one transaction — and a refusal reported on the field of the
//! dialog it is about.

use super::levels::{place_levels, TemplateLevels};
use super::store::metrics::fetch as fetch_metric;
use super::store::Tx;
use super::templates::{find_template, MetricTemplate, TemplateChoices};
use super::who_acts::{who_acts, ACTED_BY_FIELD};
use super::{insert_metric, insert_threshold, Metric, MetricDraft, ThresholdDraft, ThresholdLevel};
use crate::people::{resolve_owner, UNKNOWN_OWNER_FIELD};
use crate::{CoreError, FieldError, Result, Store};

impl Store {
    /// Adds the template's metric to a rollout with its watch and act levels (the
    /// suggested ones unless `choices` replace them), in one transaction.
    pub fn add_metric_from_template(
        &self,
        rollout_id: &str,
        template_key: &str,
        choices: &TemplateChoices,
    ) -> Result<Metric> {
        self.write(|tx| insert_from_template(tx, rollout_id, template_key, choices))
    }
}

/// Adds a template's metric and its two levels inside a caller's transaction. Unless
/// the person chose them, the levels are placed from the baseline and target
/// ([`place_levels`]); *Who acts* may be a person, a role or both ([`who_acts`]).
/// A refused level is reported on the dialog's own field (`watch_level`, `act_level`,
/// `acted_by`), not on the metric's.
pub(crate) fn insert_from_template(
    tx: &Tx<'_>,
    rollout_id: &str,
    template_key: &str,
    choices: &TemplateChoices,
) -> Result<Metric> {
    let template = find_template(template_key)?;
    let acting = who_acts(&choices.acted_by, &template.acted_by_role, |name| {
        resolve_owner(tx, name)
    })?;
    let metric = insert_metric(
        tx,
        rollout_id,
        &MetricDraft {
            name: template.name.clone(),
            definition: template.definition.clone(),
            numerator: template.numerator.clone(),
            denominator: template.denominator.clone(),
            unit: template.unit,
            direction: template.direction,
            indicator: template.indicator,
            data_source: template.data_source.clone(),
            cadence: template.cadence,
            owner: choices.owner.clone(),
            baseline_value: choices.baseline_value,
            baseline_date: choices.baseline_date.clone(),
            target_value: choices.target_value,
            target_date: choices.target_date.clone(),
        },
    )
    .map_err(|error| with_field_error(error, acting.as_ref().err()))?;
    let acting = acting.map_err(|e| CoreError::Validation(vec![e]))?;
    let placed = place_levels(&template, choices.baseline_value, choices.target_value);
    for (level, value, action) in [
        (
            ThresholdLevel::Watch,
            choices.watch_level.unwrap_or(placed.watch),
            &template.watch_action,
        ),
        (
            ThresholdLevel::Act,
            choices.act_level.unwrap_or(placed.act),
            &template.act_action,
        ),
    ] {
        let draft = ThresholdDraft {
            level,
            value,
            action: action.clone(),
            owner: acting.person_id.clone().unwrap_or_default(),
            owner_role: acting.role.clone(),
        };
        insert_threshold(tx, &metric.id, &draft).map_err(|error| on_dialog_fields(error, level))?;
    }
    fetch_metric(tx, &metric.id)
}

/// The levels a template suggests for a metric from `baseline` to `target`, as the
/// dialog shows them while the person types.
pub fn metric_template_levels(
    template_key: &str,
    baseline: Option<f64>,
    target: Option<f64>,
) -> Result<TemplateLevels> {
    Ok(place_levels(
        &find_template(template_key)?,
        baseline,
        target,
    ))
}

/// A refusal of the metric, with *Who acts*'s own refusal beside it so that both show
/// at once.
fn with_field_error(error: CoreError, extra: Option<&FieldError>) -> CoreError {
    match (error, extra) {
        (CoreError::Validation(mut errors), Some(extra)) => {
            errors.push(extra.clone());
            CoreError::Validation(errors)
        }
        (error, _) => error,
    }
}

/// A threshold's refusal moved onto the fields the template dialog shows: its value on
/// `watch_level` or `act_level`, who acts on `acted_by`.
fn on_dialog_fields(error: CoreError, level: ThresholdLevel) -> CoreError {
    let CoreError::Validation(errors) = error else {
        return error;
    };
    let level_field = match level {
        ThresholdLevel::Watch => "watch_level",
        ThresholdLevel::Act => "act_level",
    };
    CoreError::Validation(
        errors
            .into_iter()
            .map(|e| {
                let field = match e.field.as_str() {
                    "value" | "level" => level_field,
                    "owner" | UNKNOWN_OWNER_FIELD => ACTED_BY_FIELD,
                    other => other,
                };
                FieldError::new(field, e.message)
            })
            .collect(),
    )
}

/// A template's watch and act levels at `(watch, act)`, each with the template's action,
/// acted on by `owner` (a directory person, or empty) in the template's role.
pub(crate) fn insert_template_thresholds(
    tx: &Tx<'_>,
    metric_id: &str,
    template: &MetricTemplate,
    (watch, act): (f64, f64),
    owner: &str,
) -> Result<()> {
    for (level, value, action) in [
        (ThresholdLevel::Watch, watch, &template.watch_action),
        (ThresholdLevel::Act, act, &template.act_action),
    ] {
        insert_threshold(
            tx,
            metric_id,
            &ThresholdDraft {
                level,
                value,
                action: action.clone(),
                owner: owner.to_owned(),
                owner_role: template.acted_by_role.clone(),
            },
        )?;
    }
    Ok(())
}
