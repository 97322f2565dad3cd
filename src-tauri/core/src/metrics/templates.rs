//! The built-in library of metric templates: the measures practice managers track for
//! EHR go-lives, automation pilots and policy rollouts (from DOMAIN.md), each with its
//! definition, unit, direction, cadence and suggested watch and act levels — the
//! action each level triggers and who usually takes it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Cadence, Direction, Indicator, MetricUnit};
use crate::rollouts::RolloutKind;
use crate::{CoreError, Result};

/// A metric ready to add to a rollout.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricTemplate {
    /// Stable key, as `add_metric_from_template` takes it ("no_show_rate").
    pub key: String,
    pub name: String,
    pub definition: String,
    pub numerator: String,
    pub denominator: String,
    pub unit: MetricUnit,
    pub direction: Direction,
    pub indicator: Indicator,
    pub cadence: Cadence,
    pub data_source: String,
    /// The suggested levels for want of a baseline; with one, the levels are placed
    /// from the baseline and target instead (`metric_template_levels`).
    pub watch_level: f64,
    pub watch_action: String,
    pub act_level: f64,
    pub act_action: String,
    /// Who usually acts on the levels ("front-desk lead").
    pub acted_by_role: String,
    /// The kinds of rollout it usually measures.
    pub suits: Vec<RolloutKind>,
}

/// What a person chooses when adding a metric from a template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TemplateChoices {
    /// A person's id or name from the directory; empty for nobody yet.
    pub owner: String,
    pub baseline_value: Option<f64>,
    pub baseline_date: Option<String>,
    pub target_value: Option<f64>,
    pub target_date: Option<String>,
    /// Replaces the watch level placed from the baseline and target.
    pub watch_level: Option<f64>,
    /// Replaces the act level placed from the baseline and target.
    pub act_level: Option<f64>,
    /// Who acts on both levels, as the person typed it: a directory person (id or
    /// name; the template's role stays beside the name), "name, role", or a role in
    /// words ("physician champion"). Empty for the template's role.
    pub acted_by: String,
}

struct Entry {
    key: &'static str,
    name: &'static str,
    definition: &'static str,
    numerator: &'static str,
    denominator: &'static str,
    unit: MetricUnit,
    direction: Direction,
    indicator: Indicator,
    cadence: Cadence,
    data_source: &'static str,
    watch: (f64, &'static str),
    act: (f64, &'static str),
    acted_by: &'static str,
    suits: &'static [RolloutKind],
}

use Cadence::{Daily, Monthly, Weekly};
use Direction::{HigherIsBetter as Higher, LowerIsBetter as Lower};
use Indicator::{Lagging, Leading};
use RolloutKind::{Automation, EhrGoLive, Policy, WorkflowRedesign};

// A table of data: one entry per template reads better than rustfmt's one field a line.
#[rustfmt::skip]
const LIBRARY: &[Entry] = &[
    Entry { key: "training_completion", name: "Training completion",
        definition: "Share of the people in roles that need training who have completed (or been excused from) every module their role requires: the trained % of the Training page",
        numerator: "People fully trained", denominator: "People in roles with required training",
        unit: MetricUnit::Percent, direction: Higher, indicator: Leading, cadence: Weekly,
        data_source: "Training records",
        watch: (80.0, "Trainer adds make-up sessions for the roles behind and tells their managers"),
        act: (60.0, "Go/no-go review of the roles behind: no training, no login"),
        acted_by: "training lead", suits: &[EhrGoLive, Policy, Automation] },
    Entry { key: "proficiency_pass_rate", name: "Proficiency pass rate",
        definition: "Share of trainees passing the post-training proficiency check on the first attempt",
        numerator: "Trainees passing on the first attempt", denominator: "Trainees who took the check",
        unit: MetricUnit::Percent, direction: Higher, indicator: Leading, cadence: Weekly,
        data_source: "Proficiency check scores",
        watch: (85.0, "Trainer reviews the missed items and adds an at-the-elbow session for that role"),
        act: (75.0, "Hold go-live logins for those who failed until they pass a retake"),
        acted_by: "training lead", suits: &[EhrGoLive] },
    Entry { key: "charts_closed_same_day", name: "Charts closed same day",
        definition: "Share of encounters signed by the end of the day of the visit",
        numerator: "Encounters signed by end of day", denominator: "Encounters that day",
        unit: MetricUnit::Percent, direction: Higher, indicator: Lagging, cadence: Weekly,
        data_source: "EHR open-encounters report",
        watch: (80.0, "Share each provider's open charts at the daily huddle"),
        act: (70.0, "Personalization refresher for the bottom quartile of providers"),
        acted_by: "physician champion", suits: &[EhrGoLive, WorkflowRedesign] },
    Entry { key: "time_in_notes", name: "Time in notes per encounter",
        definition: "Minutes a provider spends in the note per encounter, from the EHR audit log",
        numerator: "Minutes in notes", denominator: "Encounters",
        unit: MetricUnit::Minutes, direction: Lower, indicator: Lagging, cadence: Weekly,
        data_source: "EHR audit log / provider efficiency report",
        watch: (18.0, "Super-user shadows the slowest providers for half a clinic"),
        act: (22.0, "Build smart phrases and templates with the providers over the limit"),
        acted_by: "physician champion", suits: &[EhrGoLive, Automation] },
    Entry { key: "in_basket_per_provider", name: "In-basket messages per provider per day",
        definition: "Messages arriving in each provider's in-basket per clinic day",
        numerator: "In-basket messages", denominator: "Provider clinic days",
        unit: MetricUnit::Count, direction: Lower, indicator: Lagging, cadence: Weekly,
        data_source: "EHR in-basket report",
        watch: (60.0, "Review message routing rules with the nurses"),
        act: (80.0, "Move refill and result notices to a nurse pool"),
        acted_by: "clinical lead", suits: &[EhrGoLive] },
    Entry { key: "help_desk_tickets", name: "Help-desk tickets per 100 users per day",
        definition: "New help-desk tickets per 100 active users per day; should fall week over week",
        numerator: "New tickets", denominator: "Active users / 100",
        unit: MetricUnit::Count, direction: Lower, indicator: Leading, cadence: Daily,
        data_source: "Help-desk ticket log",
        watch: (8.0, "Add the top three ticket topics to the daily huddle and a tip sheet"),
        act: (12.0, "Extend at-the-elbow support one week"),
        acted_by: "project manager", suits: &[EhrGoLive, Automation] },
    Entry { key: "ticket_first_response", name: "Ticket time to first response",
        definition: "Minutes from a ticket being logged to the first reply",
        numerator: "", denominator: "",
        unit: MetricUnit::Minutes, direction: Lower, indicator: Leading, cadence: Daily,
        data_source: "Help-desk ticket log",
        watch: (30.0, "Add a super-user to the command-centre rota at peak hours"),
        act: (60.0, "Escalate staffing of the command centre to the vendor"),
        acted_by: "project manager", suits: &[EhrGoLive] },
    Entry { key: "portal_activation", name: "Patient portal activation",
        definition: "Share of patients seen with an active portal account",
        numerator: "Patients seen with an active account", denominator: "Patients seen",
        unit: MetricUnit::Percent, direction: Higher, indicator: Lagging, cadence: Weekly,
        data_source: "Portal activation report",
        watch: (45.0, "Super-users run a sign-up drive at check-in"),
        act: (35.0, "Add portal sign-up to the check-in script and the rooming checklist"),
        acted_by: "front-desk lead", suits: &[EhrGoLive, Automation] },
    Entry { key: "no_show_rate", name: "No-show rate",
        definition: "Share of booked appointments not attended and not cancelled in advance",
        numerator: "Appointments not attended", denominator: "Appointments booked",
        unit: MetricUnit::Percent, direction: Lower, indicator: Lagging, cadence: Weekly,
        data_source: "Practice-management no-show report",
        watch: (12.0, "Front desk calls the unconfirmed patients the day before"),
        act: (15.0, "Add a second reminder 24 h before the visit"),
        acted_by: "front-desk lead", suits: &[Automation, WorkflowRedesign] },
    Entry { key: "sms_confirmation_rate", name: "SMS reminder confirmation rate",
        definition: "Share of text reminders the patient confirmed",
        numerator: "Reminders confirmed", denominator: "Reminders delivered",
        unit: MetricUnit::Percent, direction: Higher, indicator: Leading, cadence: Weekly,
        data_source: "Reminder vendor dashboard",
        watch: (50.0, "Review the message wording and send times with the vendor"),
        act: (35.0, "Vendor checks carrier filtering and the opt-in list"),
        acted_by: "front-desk lead", suits: &[Automation] },
    Entry { key: "third_next_available", name: "Third next available appointment",
        definition: "Days to the third next open appointment slot, averaged over providers",
        numerator: "", denominator: "",
        unit: MetricUnit::Days, direction: Lower, indicator: Lagging, cadence: Weekly,
        data_source: "Scheduling system",
        watch: (14.0, "Release held slots 48 hours ahead"),
        act: (21.0, "Open extra sessions and review templates with the providers"),
        acted_by: "scheduling lead", suits: &[WorkflowRedesign, EhrGoLive] },
    Entry { key: "check_in_time", name: "Check-in time",
        definition: "Minutes from arrival to roomed",
        numerator: "", denominator: "",
        unit: MetricUnit::Minutes, direction: Lower, indicator: Lagging, cadence: Weekly,
        data_source: "Time stamps in the scheduling system",
        watch: (12.0, "Observe check-in for an hour and fix the slowest step"),
        act: (15.0, "Add a second check-in station at peak times"),
        acted_by: "front-desk lead", suits: &[WorkflowRedesign, EhrGoLive, Automation] },
    Entry { key: "charge_lag", name: "Charge lag",
        definition: "Days from the visit to the charge being entered",
        numerator: "", denominator: "",
        unit: MetricUnit::Days, direction: Lower, indicator: Lagging, cadence: Weekly,
        data_source: "Billing system lag report",
        watch: (3.0, "Daily charge reconciliation at end of clinic"),
        act: (5.0, "Coder reviews unbilled encounters with each provider"),
        acted_by: "billing lead", suits: &[EhrGoLive] },
    Entry { key: "days_in_ar", name: "Days in A/R",
        definition: "Accounts receivable divided by average daily charges",
        numerator: "Accounts receivable", denominator: "Average daily charges",
        unit: MetricUnit::Days, direction: Lower, indicator: Lagging, cadence: Monthly,
        data_source: "Billing system A/R report",
        watch: (45.0, "Work the 60+ day bucket weekly"),
        act: (55.0, "Review with the clearinghouse and add billing staff hours"),
        acted_by: "billing lead", suits: &[EhrGoLive] },
    Entry { key: "denial_rate", name: "Denial rate",
        definition: "Share of claims denied on first submission",
        numerator: "Claims denied on first submission", denominator: "Claims submitted",
        unit: MetricUnit::Percent, direction: Lower, indicator: Lagging, cadence: Monthly,
        data_source: "Clearinghouse denial report",
        watch: (8.0, "Sort denials by reason and fix the top one at the source"),
        act: (10.0, "Hold claims for a pre-submission scrub until the rate falls"),
        acted_by: "billing lead", suits: &[EhrGoLive, Automation] },
    Entry { key: "prior_auth_turnaround", name: "Prior-auth turnaround",
        definition: "Hours from a prior-authorization request to the payer's decision",
        numerator: "", denominator: "",
        unit: MetricUnit::Hours, direction: Lower, indicator: Lagging, cadence: Weekly,
        data_source: "Prior-auth work queue",
        watch: (48.0, "Review stuck requests at the daily huddle"),
        act: (72.0, "Escalate to the payer representative and the vendor"),
        acted_by: "prior-auth coordinator", suits: &[Automation] },
    Entry { key: "staff_satisfaction", name: "Staff satisfaction with the new workflow",
        definition: "Average answer to a 1-5 pulse survey: the new workflow makes my work easier",
        numerator: "", denominator: "",
        unit: MetricUnit::Score, direction: Higher, indicator: Leading, cadence: Monthly,
        data_source: "Pulse survey",
        watch: (3.5, "Listening session with the lowest-scoring team"),
        act: (3.0, "Sponsor meets the team; fix the top two complaints before the next survey"),
        acted_by: "practice manager", suits: &[EhrGoLive, Automation, Policy, WorkflowRedesign] },
];

/// The metric template library, in display order.
pub fn list_metric_templates() -> Vec<MetricTemplate> {
    LIBRARY.iter().map(template).collect()
}

fn template(entry: &Entry) -> MetricTemplate {
    MetricTemplate {
        key: entry.key.into(),
        name: entry.name.into(),
        definition: entry.definition.into(),
        numerator: entry.numerator.into(),
        denominator: entry.denominator.into(),
        unit: entry.unit,
        direction: entry.direction,
        indicator: entry.indicator,
        cadence: entry.cadence,
        data_source: entry.data_source.into(),
        watch_level: entry.watch.0,
        watch_action: entry.watch.1.into(),
        act_level: entry.act.0,
        act_action: entry.act.1.into(),
        acted_by_role: entry.acted_by.into(),
        suits: entry.suits.to_vec(),
    }
}

/// The template with `key`, or a message naming the ones there are.
pub(super) fn find_template(key: &str) -> Result<MetricTemplate> {
    LIBRARY
        .iter()
        .find(|e| e.key == key.trim())
        .map(template)
        .ok_or_else(|| {
            let known: Vec<&str> = LIBRARY.iter().map(|e| e.key).collect();
            CoreError::invalid(
                "template",
                format!(
                    "Unknown metric template '{}': use one of {}",
                    key.trim(),
                    known.join(", ")
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_consistent() {
        let templates = list_metric_templates();
        assert!(templates.len() >= 15);
        let mut keys: Vec<&str> = templates.iter().map(|t| t.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), templates.len(), "keys are unique");
        for t in &templates {
            assert!(
                t.direction.is_worse(t.act_level, t.watch_level),
                "{}: the act level lies past the watch level",
                t.key
            );
            if t.unit == MetricUnit::Percent {
                assert!((0.0..=100.0).contains(&t.act_level), "{}", t.key);
                assert!((0.0..=100.0).contains(&t.watch_level), "{}", t.key);
            }
            assert!(!t.definition.is_empty() && !t.suits.is_empty(), "{}", t.key);
        }
    }
}
