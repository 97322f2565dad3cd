//! The sample clinic's adoption metrics, weeks into each rollout:
//! - EHR go-live (seven weeks out): training completion read week by week from the
//!   sample's training records — most of the curriculum was finished only in the last
//!   days, so it sits behind its line to 100% (watch) — the proficiency pass rate
//!   slipping under its watch level (watch), and super-users named — on track but three
//!   weeks since the last count (overdue).
//! - SMS reminders (nine days live): ten weeks of no-show rate, falling from the 14%
//!   baseline ahead of its line to 9% (on track), and the reminder confirmation rate
//!   far under its act level (act: carriers may be filtering the texts).

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::shift;
use crate::metrics::{
    insert_from_template, insert_measurement, insert_metric, Cadence, Direction, Indicator, Metric,
    MetricDraft, MetricUnit, TemplateChoices,
};
use crate::rollouts::Rollout;
use crate::time::date_text;
use crate::training::progress_on;
use crate::{CoreError, Result};

pub(super) fn seed(tx: &Transaction<'_>, rollouts: &[Rollout], today: NaiveDate) -> Result<()> {
    let [ehr, sms] = rollouts else {
        return Err(CoreError::Database(
            "the sample clinic has two rollouts".into(),
        ));
    };
    let on = |offset: i64| {
        shift(today, offset).ok_or_else(|| CoreError::Database("sample date out of range".into()))
    };
    let day = |offset: i64| on(offset).map(date_text);
    let record = |metric: &Metric, values: &[(i64, f64, &str)]| -> Result<()> {
        for (offset, value, note) in values {
            insert_measurement(tx, metric, on(*offset)?, *value, note, &metric.data_source)?;
        }
        Ok(())
    };

    // Training completion is not typed in: each weekly value is what the sample's own
    // training records say about that date, so the metric, Home, readiness and every
    // export give the same trained % (see crate::training::progress_on).
    let training = insert_from_template(
        tx,
        &ehr.id,
        "training_completion",
        &TemplateChoices {
            owner: "Grace Kim".into(),
            baseline_value: Some(0.0),
            baseline_date: Some(day(-56)?),
            target_value: Some(100.0),
            target_date: Some(day(45)?),
            acted_by: "Grace Kim".into(),
            ..TemplateChoices::default()
        },
    )?;
    let weeks: Vec<i64> = (0..=7).map(|week| -49 + 7 * week).collect();
    let dates = weeks
        .iter()
        .map(|&offset| on(offset))
        .collect::<Result<Vec<_>>>()?;
    let progress = progress_on(tx, &ehr.id, &dates)?;
    for (date, week) in dates.iter().zip(&progress) {
        let note = if week.people > 0 {
            week.summary.as_str()
        } else {
            ""
        };
        insert_measurement(
            tx,
            &training,
            *date,
            week.percent as f64,
            note,
            "Training records",
        )?;
    }

    let proficiency = insert_from_template(
        tx,
        &ehr.id,
        "proficiency_pass_rate",
        &TemplateChoices {
            owner: "Grace Kim".into(),
            baseline_value: Some(88.0),
            baseline_date: Some(day(-35)?),
            target_value: Some(92.0),
            target_date: Some(day(45)?),
            acted_by: "Grace Kim".into(),
            ..TemplateChoices::default()
        },
    )?;
    record(
        &proficiency,
        &[
            (-28, 90.0, ""),
            (-21, 88.0, ""),
            (-14, 86.0, ""),
            (
                -7,
                83.0,
                "Provider cohort: order-entry questions missed most",
            ),
        ],
    )?;

    let super_users = insert_metric(
        tx,
        &ehr.id,
        &MetricDraft {
            name: "Super-users named and trained".into(),
            definition: "Staff named as super-users who have finished super-user training \
                         (about 1 per 8-10 users)"
                .into(),
            unit: MetricUnit::Count,
            direction: Direction::HigherIsBetter,
            indicator: Indicator::Leading,
            data_source: "Super-user roster".into(),
            cadence: Cadence::Weekly,
            owner: "Dana Whitfield".into(),
            baseline_value: Some(4.0),
            baseline_date: Some(day(-42)?),
            target_value: Some(14.0),
            target_date: Some(day(14)?),
            ..MetricDraft::default()
        },
    )?;
    record(
        &super_users,
        &[(-35, 6.0, ""), (-28, 8.0, ""), (-21, 9.0, "")],
    )?;

    let no_show = insert_from_template(
        tx,
        &sms.id,
        "no_show_rate",
        &TemplateChoices {
            owner: "Priya Nair".into(),
            baseline_value: Some(14.0),
            baseline_date: Some(day(-9)?),
            target_value: Some(9.0),
            target_date: Some(day(19)?),
            watch_level: Some(14.0),
            act_level: Some(15.0),
            acted_by: "Priya Nair".into(),
        },
    )?;
    record(
        &no_show,
        &[
            (-65, 14.6, ""),
            (-58, 13.9, ""),
            (-51, 14.4, ""),
            (-44, 14.1, ""),
            (-37, 13.7, ""),
            (-30, 14.3, "Flu clinic week"),
            (-23, 14.0, ""),
            (-16, 14.2, ""),
            (-9, 13.9, "Reminders live on the two pilot panels"),
            (-2, 12.6, ""),
        ],
    )?;

    let confirmations = insert_from_template(
        tx,
        &sms.id,
        "sms_confirmation_rate",
        &TemplateChoices {
            owner: "Priya Nair".into(),
            baseline_value: Some(55.0),
            baseline_date: Some(day(-9)?),
            target_value: Some(65.0),
            target_date: Some(day(51)?),
            acted_by: "Priya Nair".into(),
            ..TemplateChoices::default()
        },
    )?;
    record(
        &confirmations,
        &[
            (
                -8,
                41.0,
                "First week; vendor's figure for similar clinics is 55%",
            ),
            (
                -1,
                33.0,
                "Replies from one carrier's numbers are not arriving",
            ),
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::metrics::MetricState;
    use crate::Store;

    #[test]
    fn the_sample_clinic_has_metrics_in_act_watch_and_overdue() {
        let store = Store::open_in_memory().expect("store");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let rollouts = super::super::seed_sample_clinic(&store, today).expect("seed");
        let (ehr, sms) = (&rollouts[0], &rollouts[1]);

        let states = |rollout: &str| -> Vec<(String, MetricState, bool)> {
            store
                .rollout_metric_statuses(rollout, today)
                .expect("statuses")
                .into_iter()
                .map(|s| (s.metric_name, s.state, s.overdue))
                .collect()
        };
        assert_eq!(
            states(&ehr.id),
            [
                ("Training completion".into(), MetricState::Watch, false),
                ("Proficiency pass rate".into(), MetricState::Watch, false),
                (
                    "Super-users named and trained".into(),
                    MetricState::OnTrack,
                    true
                ),
            ]
        );
        assert_eq!(
            states(&sms.id),
            [
                ("No-show rate".into(), MetricState::OnTrack, false),
                (
                    "SMS reminder confirmation rate".into(),
                    MetricState::Act,
                    false
                ),
            ]
        );
        let no_show = &store.list_metrics(&sms.id).expect("metrics")[0];
        assert_eq!(
            store.list_measurements(&no_show.id).expect("values").len(),
            10
        );

        let attention = store
            .metrics_needing_attention(None, today)
            .expect("attention");
        assert_eq!(
            attention.len(),
            4,
            "act, the two behind (proficiency, training) and the overdue count"
        );
        assert_eq!(attention[0].state, MetricState::Act);
        assert_eq!(
            attention[0].reason,
            "33% on Nov 24: below the act level 40% — Vendor checks carrier filtering and the \
             opt-in list (Priya Nair, front-desk lead)."
        );
        assert_eq!(attention[1].metric_name, "Proficiency pass rate");
        assert_eq!(attention[1].acted_by, "Grace Kim, training lead");
    }
}
