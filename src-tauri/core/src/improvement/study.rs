//! The Study of a PDSA cycle: the metric's values inside the Do window, the one value
//! compared with the prediction, and the difference in words — above, below or on the
//! prediction, and whether that is better or worse given the metric's direction.
//!
//! Computed here once, on values, so the metric's detail, the overview, every report
//! and the command line say the same sentence.
//!
//! Two rules make the comparison precise:
//! - The value compared is the latest one measured inside the Do window and not after
//!   the prediction's date: what the prediction ("80% by Mar 15") is about.
//! - "On the prediction" means the two values read the same at the metric's display
//!   precision (one decimal, as [`value_text`] writes them); the difference is taken
//!   between those displayed values, so the words never contradict the numbers shown
//!   beside them.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::metrics::format::{full_date, number_text, value_text};
use crate::metrics::{DatedValue, Direction, MetricUnit};

/// Where the measured value sits against the prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StudyResult {
    /// No value inside the Do window yet (up to the prediction's date).
    NotMeasured,
    /// The same as predicted at the metric's display precision.
    OnPrediction,
    /// Above or below, the good side for the metric's direction.
    BetterThanPredicted,
    /// Above or below, the bad side.
    WorseThanPredicted,
}

coded_enum!(StudyResult, "study result", "result", {
    NotMeasured => "not_measured", "Not measured yet";
    OnPrediction => "on_prediction", "On the prediction";
    BetterThanPredicted => "better_than_predicted", "Better than predicted";
    WorseThanPredicted => "worse_than_predicted", "Worse than predicted";
});

/// The Study of one cycle.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Study {
    /// The metric's values inside the Do window, in date order.
    pub values: Vec<DatedValue>,
    /// The value compared with the prediction, if there is one.
    pub compared: Option<DatedValue>,
    /// Measured minus predicted, both rounded to the display precision.
    pub difference: Option<f64>,
    pub result: StudyResult,
    /// "Predicted 80% by Mar 15, 2027; measured 72% on Mar 14, 2027: 8 points below
    /// the prediction, worse than predicted."
    pub summary: String,
}

/// What a study needs to know about its cycle and metric.
pub(crate) struct StudyInput<'a> {
    pub unit: MetricUnit,
    pub direction: Direction,
    pub predicted: DatedValue,
    pub do_from: NaiveDate,
    pub do_to: NaiveDate,
    /// The metric's values in date order (any range: the window is cut here).
    pub series: &'a [DatedValue],
}

/// A value as displayed: rounded to one decimal.
fn displayed(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// A difference in the metric's unit: percentages differ by points ("8 points"),
/// other units read as their values do ("3 min", "$200", "2 days").
fn difference_words(difference: f64, unit: MetricUnit) -> String {
    let size = difference.abs();
    match unit {
        MetricUnit::Percent if size == 1.0 => "1 point".to_owned(),
        MetricUnit::Percent => format!("{} points", number_text(size)),
        _ => value_text(size, unit),
    }
}

/// The Study of a cycle from its metric's values.
pub(crate) fn study(input: &StudyInput<'_>) -> Study {
    let unit = input.unit;
    let values: Vec<DatedValue> = input
        .series
        .iter()
        .filter(|v| v.date >= input.do_from && v.date <= input.do_to)
        .copied()
        .collect();
    let until = input.do_to.min(input.predicted.date);
    let compared = values.iter().rev().find(|v| v.date <= until).copied();
    let predicted_words = format!(
        "Predicted {} by {}",
        value_text(input.predicted.value, unit),
        full_date(input.predicted.date)
    );
    let Some(measured) = compared else {
        return Study {
            values,
            compared: None,
            difference: None,
            result: StudyResult::NotMeasured,
            summary: format!(
                "{predicted_words}; no value measured between {} and {} yet.",
                full_date(input.do_from),
                full_date(until)
            ),
        };
    };
    let difference = displayed(displayed(measured.value) - displayed(input.predicted.value));
    let measured_words = format!(
        "measured {} on {}",
        value_text(measured.value, unit),
        full_date(measured.date)
    );
    let (result, comparison) = if difference == 0.0 {
        (StudyResult::OnPrediction, "on the prediction".to_owned())
    } else {
        let side = if difference > 0.0 { "above" } else { "below" };
        let better = match input.direction {
            Direction::HigherIsBetter => difference > 0.0,
            Direction::LowerIsBetter => difference < 0.0,
        };
        let result = if better {
            StudyResult::BetterThanPredicted
        } else {
            StudyResult::WorseThanPredicted
        };
        (
            result,
            format!(
                "{} {side} the prediction, {}",
                difference_words(difference, unit),
                result.label().to_lowercase()
            ),
        )
    };
    Study {
        values,
        compared: Some(measured),
        difference: Some(difference),
        result,
        summary: format!("{predicted_words}; {measured_words}: {comparison}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn at(date: &str, value: f64) -> DatedValue {
        DatedValue {
            date: day(date),
            value,
        }
    }

    /// A cycle from Mar 1 to Mar 14 predicting `predicted` by Mar 15.
    fn cycle<'a>(
        unit: MetricUnit,
        direction: Direction,
        predicted: f64,
        series: &'a [DatedValue],
    ) -> StudyInput<'a> {
        StudyInput {
            unit,
            direction,
            predicted: at("2027-03-15", predicted),
            do_from: day("2027-03-01"),
            do_to: day("2027-03-14"),
            series,
        }
    }

    #[test]
    fn below_a_higher_is_better_prediction_is_worse_in_points() {
        let series = [
            at("2027-02-22", 60.0),
            at("2027-03-07", 68.0),
            at("2027-03-14", 72.0),
            at("2027-03-21", 79.0),
        ];
        let study = study(&cycle(
            MetricUnit::Percent,
            Direction::HigherIsBetter,
            80.0,
            &series,
        ));
        assert_eq!(
            study.summary,
            "Predicted 80% by Mar 15, 2027; measured 72% on Mar 14, 2027: 8 points below the \
             prediction, worse than predicted.",
            "the study says the gap in points and which side is good"
        );
        assert_eq!(study.result, StudyResult::WorseThanPredicted);
        assert_eq!(study.difference, Some(-8.0));
        assert_eq!(
            study.values,
            [at("2027-03-07", 68.0), at("2027-03-14", 72.0)],
            "only the values inside the Do window are the cycle's"
        );
    }

    #[test]
    fn above_a_lower_is_better_prediction_is_worse_in_the_metrics_unit() {
        let series = [at("2027-03-10", 14.5)];
        let study = study(&cycle(
            MetricUnit::Minutes,
            Direction::LowerIsBetter,
            11.5,
            &series,
        ));
        assert_eq!(
            study.summary,
            "Predicted 11.5 min by Mar 15, 2027; measured 14.5 min on Mar 10, 2027: 3 min \
             above the prediction, worse than predicted.",
            "minutes read as minutes, and more minutes is worse here"
        );
        assert_eq!(study.result, StudyResult::WorseThanPredicted);
    }

    #[test]
    fn below_a_lower_is_better_prediction_is_better() {
        let series = [at("2027-03-14", 9.0)];
        let study = study(&cycle(
            MetricUnit::Percent,
            Direction::LowerIsBetter,
            10.0,
            &series,
        ));
        assert_eq!(study.result, StudyResult::BetterThanPredicted);
        assert!(
            study
                .summary
                .ends_with("1 point below the prediction, better than predicted."),
            "one point is singular, and lower is better: {}",
            study.summary
        );
    }

    #[test]
    fn on_the_prediction_means_equal_at_the_display_precision() {
        // 79.96 reads as 80%: a person sees the two numbers as the same.
        let series = [at("2027-03-12", 79.96)];
        let on = study(&cycle(
            MetricUnit::Percent,
            Direction::HigherIsBetter,
            80.0,
            &series,
        ));
        assert_eq!(
            on.summary,
            "Predicted 80% by Mar 15, 2027; measured 80% on Mar 12, 2027: on the prediction."
        );
        assert_eq!(on.result, StudyResult::OnPrediction);
        assert_eq!(on.difference, Some(0.0));
        // 80.06 reads as 80.1%: a tenth above, which the display shows.
        let series = [at("2027-03-12", 80.06)];
        let above = study(&cycle(
            MetricUnit::Percent,
            Direction::HigherIsBetter,
            80.0,
            &series,
        ));
        assert_eq!(
            above.result,
            StudyResult::BetterThanPredicted,
            "a difference the display shows is not on the prediction"
        );
        assert!(
            above.summary.contains("0.1 points above"),
            "{}",
            above.summary
        );
    }

    #[test]
    fn no_value_in_the_window_says_so() {
        let series = [at("2027-02-28", 50.0), at("2027-03-20", 90.0)];
        let study = study(&cycle(
            MetricUnit::Percent,
            Direction::HigherIsBetter,
            80.0,
            &series,
        ));
        assert_eq!(study.result, StudyResult::NotMeasured);
        assert_eq!(
            study.summary,
            "Predicted 80% by Mar 15, 2027; no value measured between Mar 1, 2027 and Mar 14, \
             2027 yet.",
            "values outside the window are not the cycle's"
        );
    }

    #[test]
    fn a_value_after_the_predictions_date_is_not_compared() {
        let mut input = cycle(MetricUnit::Count, Direction::HigherIsBetter, 40.0, &[]);
        let series = [at("2027-03-05", 38.0), at("2027-03-12", 45.0)];
        input.predicted = at("2027-03-08", 40.0);
        input.series = &series;
        let study = study(&input);
        assert_eq!(
            study.compared,
            Some(at("2027-03-05", 38.0)),
            "the prediction is about its own date"
        );
        assert!(
            study.summary.contains("2 below the prediction"),
            "{}",
            study.summary
        );
        assert_eq!(study.values.len(), 2, "the window still holds both values");
    }
}
