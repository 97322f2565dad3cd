//! The sample clinic's improvement cycles, on the SMS pilot's no-show rate: a first
//! cycle (reminders 72 hours before the visit on the two pilot panels) finished and
//! decided — adapt: it moved the rate, a little less than predicted — and its
//! adaptation (a second reminder 24 hours before) running now, so every screen and
//! export shows a ramp with a decided cycle and a running one.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::shift;
use crate::improvement::{insert_cycle, record_act_in, ActDraft, PdsaAct, PdsaDraft};
use crate::metrics::list_metrics_in;
use crate::rollouts::Rollout;
use crate::time::date_text;
use crate::{CoreError, Result};

/// The metric the cycles try to move.
const NO_SHOW: &str = "No-show rate";

pub(super) fn seed(tx: &Transaction<'_>, sms: &Rollout, today: NaiveDate) -> Result<()> {
    let day = |offset: i64| {
        shift(today, offset)
            .map(date_text)
            .ok_or_else(|| CoreError::Database("sample date out of range".into()))
    };
    let no_show = list_metrics_in(tx, &sms.id)?
        .into_iter()
        .find(|m| m.name == NO_SHOW)
        .ok_or_else(|| CoreError::Database("the SMS pilot measures its no-show rate".into()))?;
    let first = insert_cycle(
        tx,
        &sms.id,
        &PdsaDraft {
            metric_id: no_show.id.clone(),
            change: "Text reminder 72 hours before each visit on the two pilot panels".into(),
            prediction_value: Some(12.0),
            prediction_date: day(-2)?,
            prediction_reason: "The vendor's clinics saw no-shows fall by about two points in \
                                the first week of reminders."
                .into(),
            do_from: day(-9)?,
            do_to: day(-2)?,
        },
        today,
    )?;
    record_act_in(
        tx,
        &first.id,
        first.row_version,
        &ActDraft {
            act: Some(PdsaAct::Adapt),
            rationale: "The rate moved, but less than predicted; patients told the front desk \
                        three days ahead is too early to remember. Keep the 72-hour text and \
                        add a second one the day before."
                .into(),
            decided_on: day(-1)?,
            decided_by: "Priya Nair, front-desk lead".into(),
        },
        today,
    )?;
    insert_cycle(
        tx,
        &sms.id,
        &PdsaDraft {
            metric_id: no_show.id,
            change: "Second text reminder 24 hours before the visit".into(),
            prediction_value: Some(11.0),
            prediction_date: day(12)?,
            prediction_reason: "A reminder the day before catches the patients who forget; \
                                the two panels' late cancellations suggest about 1.5 points."
                .into(),
            do_from: day(-1)?,
            do_to: day(12)?,
        },
        today,
    )?;
    Ok(())
}
