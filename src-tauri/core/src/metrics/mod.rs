//! Adoption metrics: how a rollout will be measured (definition, unit, direction,
//! cadence, owner, baseline and target), the watch and act levels that say what happens
//! when the number goes wrong, the measurements over time, and what they add up to —
//! a status with its reason, chart data, and the list of metrics needing attention.
//!
//! Owners are people from the staff directory, named as a plan's task owners are (an id
//! or a name; an unknown name is refused on [`crate::people::UNKNOWN_OWNER_FIELD`]).
//!
//! All SQL is in `store/`, one file per table. The other files load what they need
//! through it, check and compute on values (`validate`, `status`, `chart`, `who_acts`
//! take no connection), and hand the outcome back to be written with its audit entry.

mod chart;
mod dashboard;
mod definitions;
pub(crate) mod format;
mod from_template;
mod import;
mod levels;
mod measurements;
mod names;
mod record;
mod status;
mod store;
mod templates;
mod thresholds;
mod validate;
mod values;
mod who_acts;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use chart::{downsample, AnnotationKind, ChartAnnotation, MetricChart, CHART_MAX_POINTS};
pub use from_template::metric_template_levels;
pub use import::{MeasurementImportReport, MetricImportCount};
pub use levels::{place_levels, TemplateLevels};
pub use record::{QuickEntry, RecordOutcome, RecordedMeasurement};
pub use status::{assess, expected_on, overdue_after_days, MetricState, MetricStatus};
pub use templates::{list_metric_templates, MetricTemplate, TemplateChoices};
pub use values::CellValue;
pub use who_acts::ACTED_BY_FIELD;

pub(crate) use dashboard::{owned_statuses_in, rollout_statuses_in, statuses_on, ATTENTION_READS};
pub(crate) use definitions::insert_metric;
pub(crate) use from_template::{insert_from_template, insert_template_thresholds};
pub(crate) use record::insert_measurement;
pub(crate) use store::measurements::series_between;
pub(crate) use store::metrics::{fetch as fetch_metric_in, list_live as list_metrics_in};
pub(crate) use thresholds::insert_threshold;
pub(crate) use validate::{check_value, MAX_NAME_CHARS};
pub(crate) use values::{parse_date as parse_measurement_date, parse_value};

/// What a metric is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MetricUnit {
    #[default]
    Percent,
    Count,
    Minutes,
    Hours,
    Days,
    Dollars,
    /// A rating such as a 1-5 pulse survey.
    Score,
}

coded_enum!(MetricUnit, "unit", "unit", {
    Percent => "percent", "Percent";
    Count => "count", "Count";
    Minutes => "minutes", "Minutes";
    Hours => "hours", "Hours";
    Days => "days", "Days";
    Dollars => "dollars", "Dollars";
    Score => "score", "Score";
});

/// Which way is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    HigherIsBetter,
    LowerIsBetter,
}

coded_enum!(Direction, "direction", "direction", {
    HigherIsBetter => "higher_is_better", "Higher is better";
    LowerIsBetter => "lower_is_better", "Lower is better";
});

impl Direction {
    /// True when `value` is strictly worse than `level` (a value exactly on a level has
    /// not crossed it).
    pub fn is_worse(self, value: f64, level: f64) -> bool {
        match self {
            Self::HigherIsBetter => value < level,
            Self::LowerIsBetter => value > level,
        }
    }
}

/// A leading indicator moves before the outcome (training completion); a lagging one is
/// the outcome itself (no-show rate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Indicator {
    #[default]
    Leading,
    Lagging,
}

coded_enum!(Indicator, "indicator", "indicator", {
    Leading => "leading", "Leading";
    Lagging => "lagging", "Lagging";
});

/// How often a value is expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Daily,
    #[default]
    Weekly,
    Monthly,
}

coded_enum!(Cadence, "cadence", "cadence", {
    Daily => "daily", "Daily";
    Weekly => "weekly", "Weekly";
    Monthly => "monthly", "Monthly";
});

/// The two levels of a metric's thresholds: watch (look closer) and act (do the thing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdLevel {
    #[default]
    Watch,
    Act,
}

coded_enum!(ThresholdLevel, "threshold level", "level", {
    Watch => "watch", "Watch";
    Act => "act", "Act";
});

/// A value on a date: a baseline, a target, a point of a series.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct DatedValue {
    pub date: NaiveDate,
    pub value: f64,
}

/// A metric's watch or act level and the action it triggers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Threshold {
    pub id: String,
    pub metric_id: String,
    pub level: ThresholdLevel,
    /// Crossing means strictly worse than this value, in the metric's unit.
    pub value: f64,
    /// What happens when the metric crosses the level ("super-users run a sign-up
    /// drive at check-in").
    pub action: String,
    /// The person from the directory who acts, if one is named.
    pub owner_id: Option<String>,
    pub owner_name: String,
    /// Who acts, as a role in words ("front-desk lead").
    pub owner_role: String,
    /// Who acts, ready to show: "Priya Nair, front-desk lead", the name, or the role.
    pub acted_by: String,
    pub row_version: i64,
}

/// The editable part of a threshold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ThresholdDraft {
    pub level: ThresholdLevel,
    pub value: f64,
    pub action: String,
    /// A person's id or name from the directory; empty for nobody in particular.
    pub owner: String,
    /// Who acts, as a role in words; may go with or without a person.
    pub owner_role: String,
}

/// How a rollout will be measured.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Metric {
    pub id: String,
    pub rollout_id: String,
    pub name: String,
    /// Exactly what is counted.
    pub definition: String,
    /// For rates: what is counted on top ("appointments not attended").
    pub numerator: String,
    /// For rates: out of what ("appointments booked").
    pub denominator: String,
    pub unit: MetricUnit,
    pub direction: Direction,
    pub indicator: Indicator,
    /// Where the number comes from ("PM system no-show report").
    pub data_source: String,
    pub cadence: Cadence,
    pub owner_id: Option<String>,
    pub owner_name: String,
    pub baseline: Option<DatedValue>,
    pub target: Option<DatedValue>,
    pub watch: Option<Threshold>,
    pub act: Option<Threshold>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub row_version: i64,
}

/// Everything a person can edit on a metric's definition. Dates are text so that a
/// mistyped one comes back as a message on its field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MetricDraft {
    pub name: String,
    pub definition: String,
    pub numerator: String,
    pub denominator: String,
    pub unit: MetricUnit,
    pub direction: Direction,
    pub indicator: Indicator,
    pub data_source: String,
    pub cadence: Cadence,
    /// A person's id or name from the directory; empty for nobody yet.
    pub owner: String,
    pub baseline_value: Option<f64>,
    /// `YYYY-MM-DD`; required with a baseline value.
    pub baseline_date: Option<String>,
    pub target_value: Option<f64>,
    /// `YYYY-MM-DD`; required with a target value, after the baseline date.
    pub target_date: Option<String>,
}

impl Metric {
    /// The editable part of this metric, ready to change and send back to update.
    pub fn draft(&self) -> MetricDraft {
        MetricDraft {
            name: self.name.clone(),
            definition: self.definition.clone(),
            numerator: self.numerator.clone(),
            denominator: self.denominator.clone(),
            unit: self.unit,
            direction: self.direction,
            indicator: self.indicator,
            data_source: self.data_source.clone(),
            cadence: self.cadence,
            owner: self.owner_id.clone().unwrap_or_default(),
            baseline_value: self.baseline.map(|b| b.value),
            baseline_date: self.baseline.map(|b| crate::time::date_text(b.date)),
            target_value: self.target.map(|t| t.value),
            target_date: self.target.map(|t| crate::time::date_text(t.date)),
        }
    }

    /// The live threshold at `level`.
    pub fn threshold(&self, level: ThresholdLevel) -> Option<&Threshold> {
        match level {
            ThresholdLevel::Watch => self.watch.as_ref(),
            ThresholdLevel::Act => self.act.as_ref(),
        }
    }
}

/// One value of a metric.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Measurement {
    pub id: String,
    pub metric_id: String,
    pub measured_on: NaiveDate,
    pub value: f64,
    pub note: String,
    /// Where the value came from ("typed", a file name, a report).
    pub source: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub row_version: i64,
}

/// The editable part of a measurement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MeasurementDraft {
    /// `YYYY-MM-DD`.
    pub measured_on: String,
    /// In the metric's unit: 12 for 12 %.
    pub value: f64,
    pub note: String,
    pub source: String,
}
