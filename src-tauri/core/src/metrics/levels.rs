//! Where a template's watch and act levels go for one metric: placed from the baseline
//! and target the person enters, not fixed numbers. A clinic whose charts close at 62%
//! today must not start in *Act* because a template assumed 75%.
//!
//! Rules, in the metric's own direction:
//! - **Watch at the baseline**: a value worse than where the metric started means the
//!   change is going backwards. (Being behind the straight line from baseline to target
//!   is already *watch* by the status rules, so the level needs no margin of its own.)
//! - **Act past the baseline by a quarter of the baseline-to-target gap**, or by the
//!   template's own distance between its watch and act levels if that is more: a
//!   quarter of the planned gain lost on top of being back at the start, and never so
//!   close to the start that a week's noise triggers the act level's action (holding
//!   logins, escalating to a vendor).
//! - No target, or a target equal to the baseline ("keep it where it is"): the
//!   template's distance alone. No baseline: the template's suggested levels.
//! - A level never leaves what the unit allows (0–100 for a percentage, not below 0
//!   otherwise). A metric starting at the very end of its scale (0% of people trained)
//!   cannot fall past it: act sits on the end and watch a tenth of the way toward the
//!   target, so still being at the start after the first weeks gets a look.

use serde::Serialize;
use ts_rs::TS;

use super::templates::MetricTemplate;
use super::{Direction, MetricUnit};

/// How far past the baseline the act level lies, as a share of the baseline-to-target gap.
const ACT_PAST_BASELINE: f64 = 0.25;
/// Where watch goes when there is no room past the baseline, as a share of the gap.
const WATCH_TOWARD_TARGET: f64 = 0.1;

/// A template's watch and act levels for one metric.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct TemplateLevels {
    pub watch: f64,
    pub act: f64,
    /// Whether the levels were placed from the baseline (false: the template's own
    /// suggestions, for want of a baseline).
    pub from_baseline: bool,
}

/// The levels `template` suggests for a metric starting at `baseline` and aiming at
/// `target` (either may be unknown yet, or not a number a person finished typing).
pub fn place_levels(
    template: &MetricTemplate,
    baseline: Option<f64>,
    target: Option<f64>,
) -> TemplateLevels {
    let suggested = TemplateLevels {
        watch: template.watch_level,
        act: template.act_level,
        from_baseline: false,
    };
    let Some(baseline) = baseline.filter(|b| b.is_finite()) else {
        return suggested;
    };
    let (lowest, highest) = bounds(template.unit);
    if !(lowest..=highest).contains(&baseline) {
        return suggested;
    }
    // "Worse" as a sign: -1 when lower values are worse.
    let worse = match template.direction {
        Direction::HigherIsBetter => -1.0,
        Direction::LowerIsBetter => 1.0,
    };
    let template_spacing = (template.watch_level - template.act_level).abs();
    // The gap only counts when the target lies the good way from the baseline;
    // validation refuses the other way round anyway.
    let gap = target
        .filter(|t| t.is_finite())
        .map(|t| (t - baseline) * -worse)
        .filter(|gap| *gap > 0.0);
    let step = precision(gap.unwrap_or(template_spacing));
    let spacing = gap.map_or(template_spacing, |gap| {
        (gap * ACT_PAST_BASELINE).max(template_spacing)
    });
    let clamp = |value: f64| round_to(value, step).clamp(lowest, highest);
    let mut watch = clamp(baseline);
    let act = clamp(baseline + worse * spacing);
    if act == watch {
        // No room past the baseline: the end of the scale is act, and watch moves
        // toward the target so that it still comes first.
        let toward = gap.unwrap_or(template_spacing) * WATCH_TOWARD_TARGET;
        watch = clamp(baseline - worse * toward.max(step));
    }
    TemplateLevels {
        watch,
        act,
        from_baseline: true,
    }
}

/// The values a unit allows.
fn bounds(unit: MetricUnit) -> (f64, f64) {
    match unit {
        MetricUnit::Percent => (0.0, 100.0),
        _ => (0.0, f64::MAX),
    }
}

/// The rounding step for levels on a scale of `size`: tenths for most metrics,
/// hundredths for small ones (a 3.2 → 3.6 survey score).
fn precision(size: f64) -> f64 {
    if size >= 2.0 {
        0.1
    } else {
        0.01
    }
}

fn round_to(value: f64, step: f64) -> f64 {
    let steps = (value / step).round();
    // Back through a decimal so that 55.00000000000001 reads 55.
    let decimals = if step >= 0.1 { 1 } else { 2 };
    format!("{:.*}", decimals, steps * step)
        .parse()
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::list_metric_templates;

    fn template(key: &str) -> MetricTemplate {
        list_metric_templates()
            .into_iter()
            .find(|t| t.key == key)
            .expect("template")
    }

    #[test]
    fn levels_follow_the_baseline_and_target() {
        let charts = template("charts_closed_same_day");
        assert_eq!(
            place_levels(&charts, Some(62.0), Some(90.0)),
            TemplateLevels {
                watch: 62.0,
                act: 52.0,
                from_baseline: true
            },
            "watch at the 62% start, act 10 points below it (the template's distance \
             beats a quarter of the 28-point gap)"
        );
        let ar = template("days_in_ar");
        assert_eq!(
            place_levels(&ar, Some(120.0), Some(40.0)),
            TemplateLevels {
                watch: 120.0,
                act: 140.0,
                from_baseline: true
            },
            "a quarter of an 80-day gap beats the template's 10 days"
        );
        let no_show = template("no_show_rate");
        assert_eq!(
            place_levels(&no_show, Some(14.0), Some(9.0)),
            TemplateLevels {
                watch: 14.0,
                act: 17.0,
                from_baseline: true
            },
            "lower is better: act lies above the baseline"
        );
    }

    #[test]
    fn without_a_gap_the_template_spacing_is_used_and_without_a_baseline_its_levels() {
        let no_show = template("no_show_rate");
        let held = place_levels(&no_show, Some(8.0), Some(8.0));
        assert_eq!(
            (held.watch, held.act),
            (8.0, 11.0),
            "watch 12 / act 15: 3 apart"
        );
        let unknown = place_levels(&no_show, None, Some(8.0));
        assert_eq!(
            (unknown.watch, unknown.act, unknown.from_baseline),
            (12.0, 15.0, false)
        );
    }

    #[test]
    fn a_metric_starting_at_the_end_of_its_scale_keeps_watch_before_act() {
        let training = template("training_completion");
        let levels = place_levels(&training, Some(0.0), Some(100.0));
        assert_eq!(
            (levels.watch, levels.act),
            (10.0, 0.0),
            "nothing lies below 0%: act on it, watch a tenth of the way up"
        );
        let small = place_levels(&template("staff_satisfaction"), Some(3.2), Some(4.0));
        assert_eq!(
            (small.watch, small.act),
            (3.2, 2.7),
            "half a point: the template's distance"
        );
    }
}
