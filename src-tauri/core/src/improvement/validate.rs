//! The checks of a cycle's plan and of its Act, every message under the field it is
//! about: the metric must be one of the same rollout and not in the trash, the Do
//! window cannot end before it starts, the prediction needs a value in the metric's
//! unit and a date not before the window starts.

use chrono::NaiveDate;

use super::{ActDraft, PdsaAct, PdsaDraft};
use crate::error::FieldError;
use crate::metrics::format::full_date;
use crate::metrics::{check_value, fetch_metric_in, DatedValue};
use crate::store::Conn;
use crate::workspace::edit::required_date;
use crate::{CoreError, Result};

/// A cycle's plan once checked: what is written.
pub(crate) struct ValidCycle {
    pub metric_id: String,
    pub metric_name: String,
    pub change: String,
    pub prediction: DatedValue,
    pub prediction_reason: String,
    pub do_from: NaiveDate,
    pub do_to: NaiveDate,
}

/// An Act once checked.
pub(crate) struct ValidAct {
    pub act: PdsaAct,
    pub rationale: String,
    pub decided_on: NaiveDate,
    pub decided_by: String,
}

pub(super) fn check(conn: &Conn, rollout_id: &str, draft: &PdsaDraft) -> Result<ValidCycle> {
    let mut errors = Vec::new();
    let metric = if draft.metric_id.trim().is_empty() {
        errors.push(FieldError::new(
            "metric_id",
            "Choose the metric the cycle is meant to move.",
        ));
        None
    } else {
        match fetch_metric_in(conn, draft.metric_id.trim()) {
            Ok(metric) if metric.rollout_id != rollout_id => {
                errors.push(FieldError::new(
                    "metric_id",
                    format!(
                        "'{}' is a metric of another rollout: a cycle predicts a metric of \
                         its own rollout.",
                        metric.name
                    ),
                ));
                None
            }
            Ok(metric) if metric.deleted_at.is_some() => {
                errors.push(FieldError::new(
                    "metric_id",
                    format!("'{}' is in the trash: restore it first.", metric.name),
                ));
                None
            }
            Ok(metric) => Some(metric),
            Err(CoreError::NotFound { .. }) => {
                errors.push(FieldError::new(
                    "metric_id",
                    format!("There is no metric with the id {}.", draft.metric_id.trim()),
                ));
                None
            }
            Err(other) => return Err(other),
        }
    };
    if draft.change.trim().is_empty() {
        errors.push(FieldError::new(
            "change",
            "Say what change the cycle tries, in a line.",
        ));
    }
    let do_from = required_date(
        &draft.do_from,
        "do_from",
        "first day of the Do window",
        &mut errors,
    );
    let do_to = required_date(
        &draft.do_to,
        "do_to",
        "last day of the Do window",
        &mut errors,
    );
    if let (Some(from), Some(to)) = (do_from, do_to) {
        if to < from {
            errors.push(FieldError::new(
                "do_to",
                format!(
                    "The Do window ends on {} before it starts on {}: the last day must be on \
                     or after the first.",
                    full_date(to),
                    full_date(from)
                ),
            ));
        }
    }
    let prediction_date = required_date(
        &draft.prediction_date,
        "prediction_date",
        "date of the prediction",
        &mut errors,
    );
    if let (Some(date), Some(from)) = (prediction_date, do_from) {
        if date < from {
            errors.push(FieldError::new(
                "prediction_date",
                format!(
                    "The prediction is for {}, before the change starts on {}: predict a \
                     value the change can reach.",
                    full_date(date),
                    full_date(from)
                ),
            ));
        }
    }
    match (draft.prediction_value, &metric) {
        (None, _) => errors.push(FieldError::new(
            "prediction_value",
            "Give the value you expect by the prediction's date.",
        )),
        (Some(value), Some(metric)) => check_value(
            metric.unit,
            value,
            "prediction_value",
            "the predicted value",
            &mut errors,
        ),
        (Some(_), None) => {}
    }
    match (
        metric,
        draft.prediction_value,
        prediction_date,
        do_from,
        do_to,
    ) {
        (Some(metric), Some(value), Some(date), Some(do_from), Some(do_to))
            if errors.is_empty() =>
        {
            Ok(ValidCycle {
                metric_id: metric.id,
                metric_name: metric.name,
                change: draft.change.trim().to_owned(),
                prediction: DatedValue { date, value },
                prediction_reason: draft.prediction_reason.trim_end().to_owned(),
                do_from,
                do_to,
            })
        }
        _ => Err(CoreError::Validation(errors)),
    }
}

pub(super) fn check_act(draft: &ActDraft) -> Result<ValidAct> {
    let mut errors = Vec::new();
    if draft.act.is_none() {
        errors.push(FieldError::new(
            "act",
            "Choose what happens to the change: adopt, adapt or abandon.",
        ));
    }
    if draft.rationale.trim().is_empty() {
        errors.push(FieldError::new(
            "rationale",
            "Say why, in a line: the decision log keeps it.",
        ));
    }
    let decided_on = required_date(
        &draft.decided_on,
        "decided_on",
        "date of the decision",
        &mut errors,
    );
    match (draft.act, decided_on) {
        (Some(act), Some(decided_on)) if errors.is_empty() => Ok(ValidAct {
            act,
            rationale: draft.rationale.trim().to_owned(),
            decided_on,
            decided_by: draft.decided_by.trim().to_owned(),
        }),
        _ => Err(CoreError::Validation(errors)),
    }
}
