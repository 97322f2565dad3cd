//! Checking a metric's definition: the name, the baseline and target (a value and a
//! date, both or neither), a target the good way from the baseline and after it, and a
//! direction its thresholds still fit.
//!
//! The checks work on values: what they need from the database (another metric with
//! the name, the person the owner names) is looked up first and handed in as
//! [`MetricFacts`].

use super::format::value_text;
use super::{Cadence, DatedValue, Direction, Indicator, Metric, MetricDraft, MetricUnit};
use crate::time::date_text;
use crate::workspace::edit::required_date;
use crate::{CoreError, FieldError, Result};

/// The longest metric name the app accepts (a bundle's metrics are held to it too).
pub(crate) const MAX_NAME_CHARS: usize = 120;

/// What the checks need to know from the database about a draft.
pub(crate) struct MetricFacts {
    /// The name of a live metric of the same rollout called like the draft, if any.
    pub same_name: Option<String>,
    /// The person the draft's owner names: their id, nobody, or the field's message.
    pub owner: std::result::Result<Option<String>, FieldError>,
}

/// A checked draft, ready to store.
pub(crate) struct ValidMetric {
    pub name: String,
    pub definition: String,
    pub numerator: String,
    pub denominator: String,
    pub unit: MetricUnit,
    pub direction: Direction,
    pub indicator: Indicator,
    pub data_source: String,
    pub cadence: Cadence,
    pub owner_id: Option<String>,
    pub baseline: Option<DatedValue>,
    pub target: Option<DatedValue>,
}

/// Checks `draft` (a new metric when `current` is `None`), reporting every problem at
/// once.
pub(crate) fn validate(
    current: Option<&Metric>,
    draft: &MetricDraft,
    facts: MetricFacts,
) -> Result<ValidMetric> {
    let mut errors = Vec::new();
    let name = draft.name.trim().to_owned();
    if name.is_empty() {
        errors.push(FieldError::new("name", "Give the metric a name."));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new(
            "name",
            format!("Keep the name under {MAX_NAME_CHARS} characters; put the detail in the definition."),
        ));
    } else if let Some(other) = facts
        .same_name
        .filter(|_| current.is_none_or(|c| !c.name.eq_ignore_ascii_case(&name)))
    {
        errors.push(FieldError::new(
            "name",
            format!("This rollout already has a metric called '{other}'."),
        ));
    }
    let baseline = dated_value(
        draft.unit,
        "baseline",
        draft.baseline_value,
        draft.baseline_date.as_deref(),
        &mut errors,
    );
    let target = dated_value(
        draft.unit,
        "target",
        draft.target_value,
        draft.target_date.as_deref(),
        &mut errors,
    );
    if let (Some(baseline), Some(target)) = (baseline, target) {
        check_target(&name, draft, baseline, target, &mut errors);
    }
    if let Some(metric) = current {
        check_thresholds_still_fit(metric, draft.direction, &mut errors);
    }
    let owner_id = facts.owner.map_err(|e| errors.push(e)).ok().flatten();
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(ValidMetric {
        name,
        definition: draft.definition.clone(),
        numerator: draft.numerator.clone(),
        denominator: draft.denominator.clone(),
        unit: draft.unit,
        direction: draft.direction,
        indicator: draft.indicator,
        data_source: draft.data_source.clone(),
        cadence: draft.cadence,
        owner_id,
        baseline,
        target,
    })
}

/// A baseline or target: a value and a date, both or neither.
fn dated_value(
    unit: MetricUnit,
    what: &str,
    value: Option<f64>,
    date: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Option<DatedValue> {
    let value_field = format!("{what}_value");
    let date_field = format!("{what}_date");
    let date = date.map(str::trim).filter(|d| !d.is_empty());
    match (value, date) {
        (None, None) => None,
        (Some(_), None) => {
            errors.push(FieldError::new(
                &date_field,
                format!("Give the date of the {what}."),
            ));
            None
        }
        (None, Some(date)) => {
            errors.push(FieldError::new(
                &value_field,
                format!("Give the {what} value for {date}, or clear the date."),
            ));
            None
        }
        (Some(value), Some(date)) => {
            let before = errors.len();
            check_value(unit, value, &value_field, &format!("the {what}"), errors);
            let date = required_date(date, &date_field, &format!("{what} date"), errors);
            date.filter(|_| errors.len() == before)
                .map(|date| DatedValue { date, value })
        }
    }
}

/// A value must be a number and, for a percentage, between 0 and 100.
pub(crate) fn check_value(
    unit: MetricUnit,
    value: f64,
    field: &str,
    what: &str,
    errors: &mut Vec<FieldError>,
) {
    if !value.is_finite() {
        errors.push(FieldError::new(field, format!("Give {what} as a number.")));
    } else if unit == MetricUnit::Percent && !(0.0..=100.0).contains(&value) {
        errors.push(FieldError::new(
            field,
            format!(
                "A percentage is between 0 and 100: {what} cannot be {}.",
                super::format::number_text(value)
            ),
        ));
    }
}

/// The target must lie the good way from the baseline, and after it.
fn check_target(
    name: &str,
    draft: &MetricDraft,
    baseline: DatedValue,
    target: DatedValue,
    errors: &mut Vec<FieldError>,
) {
    let show = |value: f64| value_text(value, draft.unit);
    if draft.direction.is_worse(target.value, baseline.value) {
        let (better, side) = match draft.direction {
            Direction::HigherIsBetter => ("higher", "below"),
            Direction::LowerIsBetter => ("lower", "above"),
        };
        let name = if name.is_empty() { "This metric" } else { name };
        errors.push(FieldError::new(
            "target_value",
            format!(
                "{name} is better when {better}, so the target ({}) cannot be {side} the \
                 baseline ({}). Change the target, or the direction if {better} is worse.",
                show(target.value),
                show(baseline.value)
            ),
        ));
    }
    if target.date <= baseline.date {
        errors.push(FieldError::new(
            "target_date",
            format!(
                "The target date ({}) must come after the baseline date ({}).",
                date_text(target.date),
                date_text(baseline.date)
            ),
        ));
    }
}

/// Turning a metric's direction around would leave its act level on the wrong side of
/// its watch level.
fn check_thresholds_still_fit(metric: &Metric, direction: Direction, errors: &mut Vec<FieldError>) {
    if let (Some(watch), Some(act)) = (&metric.watch, &metric.act) {
        if !direction.is_worse(act.value, watch.value) {
            errors.push(FieldError::new(
                "direction",
                format!(
                    "With this direction the act level ({}) would not be worse than the watch \
                     level ({}): change the thresholds first.",
                    value_text(act.value, metric.unit),
                    value_text(watch.value, metric.unit)
                ),
            ));
        }
    }
}
