//! Adoption metrics from the template library, two to six a rollout (eight on the
//! largest), with their watch and act levels, and 100,000 values in all: many tracked
//! daily for a year or more, the rest weekly or monthly. Values sit at baseline before
//! go-live and move along the line to target after it; about one metric in five drifts
//! the wrong way into its watch or act band.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::rng::Rng;
use crate::metrics::{
    insert_measurement, insert_metric, insert_template_thresholds, list_metric_templates, Cadence,
    MetricDraft, MetricTemplate, MetricUnit,
};
use crate::plan::add_days;
use crate::rollouts::{Rollout, RolloutKind};
use crate::time::date_text;
use crate::Result;

/// (template key, baseline, target)
const GOALS: &[(&str, f64, f64)] = &[
    ("training_completion", 0.0, 100.0),
    ("proficiency_pass_rate", 86.0, 93.0),
    ("charts_closed_same_day", 72.0, 90.0),
    ("time_in_notes", 19.0, 14.0),
    ("in_basket_per_provider", 70.0, 50.0),
    ("help_desk_tickets", 14.0, 4.0),
    ("ticket_first_response", 45.0, 15.0),
    ("portal_activation", 22.0, 50.0),
    ("no_show_rate", 14.0, 9.0),
    ("sms_confirmation_rate", 50.0, 65.0),
    ("third_next_available", 12.0, 3.0),
    ("check_in_time", 14.0, 8.0),
    ("charge_lag", 4.0, 2.0),
    ("days_in_ar", 48.0, 38.0),
    ("denial_rate", 9.0, 5.0),
    ("prior_auth_turnaround", 72.0, 36.0),
    ("staff_satisfaction", 3.0, 4.0),
];

const NOTES: &[&str] = &[
    "Holiday week",
    "Flu clinic week",
    "Vendor outage in the afternoon",
    "Two providers on leave",
    "New reminder wording from today",
];

/// One metric planned: its template, cadence and number of values.
struct Planned<'r> {
    rollout: &'r Rollout,
    template: &'static (&'static str, f64, f64),
    cadence: Cadence,
    values: usize,
}

/// Writes the metrics of every rollout and `total` values across them.
pub(super) fn seed(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    rollouts: &[Rollout],
    owners: &[String],
    total: usize,
    today: NaiveDate,
) -> Result<()> {
    let library = list_metric_templates();
    let mut planned = Vec::new();
    for (index, rollout) in rollouts.iter().enumerate() {
        let suits: Vec<&'static (&'static str, f64, f64)> = GOALS
            .iter()
            .filter(|(key, _, _)| {
                library.iter().any(|t| {
                    t.key == *key
                        && (t.suits.contains(&rollout.kind) || rollout.kind == RolloutKind::Other)
                })
            })
            .collect();
        let count = if index == 0 {
            8
        } else {
            rng.between(2, 6) as usize
        };
        let first = rng.below(suits.len());
        for k in 0..count.min(suits.len()) {
            let template = suits[(first + k) % suits.len()];
            let cadence = match library.iter().find(|t| t.key == template.0) {
                Some(t) if t.cadence == Cadence::Daily || rng.chance(0.45) => Cadence::Daily,
                Some(t) => t.cadence,
                None => Cadence::Weekly,
            };
            let values = match cadence {
                Cadence::Daily => rng.between(365, 900) as usize,
                Cadence::Weekly => rng.between(20, 160) as usize,
                Cadence::Monthly => rng.between(6, 36) as usize,
            };
            planned.push(Planned {
                rollout,
                template,
                cadence,
                values,
            });
        }
    }
    // Scale the daily series so that the whole comes to `total` exactly.
    let daily: usize = planned
        .iter()
        .filter(|p| p.cadence == Cadence::Daily)
        .map(|p| p.values)
        .sum();
    let others = planned.iter().map(|p| p.values).sum::<usize>() - daily;
    let wanted = total.saturating_sub(others);
    let mut written = 0;
    for plan in planned.iter_mut().filter(|p| p.cadence == Cadence::Daily) {
        plan.values = plan.values * wanted / daily.max(1);
        written += plan.values;
    }
    if let Some(longest) = planned
        .iter_mut()
        .filter(|p| p.cadence == Cadence::Daily)
        .max_by_key(|p| p.values)
    {
        longest.values += wanted - written;
    }
    for plan in &planned {
        let Some(template) = library.iter().find(|t| t.key == plan.template.0) else {
            continue;
        };
        write(tx, rng, plan, template, owners, today)?;
    }
    Ok(())
}

fn write(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    plan: &Planned<'_>,
    template: &MetricTemplate,
    owners: &[String],
    today: NaiveDate,
) -> Result<()> {
    let &(_, baseline, target) = plan.template;
    let go_live = plan.rollout.go_live_date.unwrap_or(today);
    let (baseline_date, target_date) = (add_days(go_live, -28), add_days(go_live, 90));
    let owner = rng.pick(owners).clone();
    let metric = insert_metric(
        tx,
        &plan.rollout.id,
        &MetricDraft {
            name: template.name.clone(),
            definition: template.definition.clone(),
            numerator: template.numerator.clone(),
            denominator: template.denominator.clone(),
            unit: template.unit,
            direction: template.direction,
            indicator: template.indicator,
            data_source: template.data_source.clone(),
            cadence: plan.cadence,
            owner: owner.clone(),
            baseline_value: Some(baseline),
            baseline_date: Some(date_text(baseline_date)),
            target_value: Some(target),
            target_date: Some(date_text(target_date)),
        },
    )?;
    insert_template_thresholds(
        tx,
        &metric.id,
        template,
        (template.watch_level, template.act_level),
        &owner,
    )?;
    let step = match plan.cadence {
        Cadence::Daily => 1,
        Cadence::Weekly => 7,
        Cadence::Monthly => 30,
    };
    // The series ends today (or a day or two ago), or a year after go-live for a rollout
    // long past it.
    let end = add_days(today, -rng.between(0, 2)).min(add_days(go_live, 365));
    let drifts = rng.chance(0.2);
    let worse = template.act_level;
    let spread = (baseline - target).abs().max(1.0) * 0.06;
    for n in (0..plan.values).rev() {
        let on = add_days(end, -(n as i64) * step);
        let progress = ((on - go_live).num_days() as f64
            / (target_date - go_live).num_days().max(1) as f64)
            .clamp(0.0, 1.0);
        let mut value = baseline + (target - baseline) * progress;
        if drifts && progress > 0.5 {
            // Falls back toward and past the act level over the series' last stretch.
            value += (worse - value) * ((progress - 0.5) * 2.4).min(1.2);
        }
        value += (rng.unit() - 0.5) * 2.0 * spread;
        let value = clamp(template.unit, value);
        let note = if rng.chance(0.01) {
            *rng.pick(NOTES)
        } else {
            ""
        };
        insert_measurement(tx, &metric, on, value, note, &template.data_source)?;
    }
    Ok(())
}

/// Keeps a generated value to what its unit allows, rounded as reports show it.
fn clamp(unit: MetricUnit, value: f64) -> f64 {
    let value = match unit {
        MetricUnit::Percent => value.clamp(0.0, 100.0),
        MetricUnit::Score => value.clamp(1.0, 5.0),
        _ => value.max(0.0),
    };
    (value * 10.0).round() / 10.0
}
