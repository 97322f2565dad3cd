//! The figures every status carries for each rollout, news or not: the go-live
//! countdown, the readiness verdict at the start of the week and at its end, and
//! training completion by role then and now. Each figure is the core's own (the
//! readiness verdict and score, the trained % by role); nothing is recomputed here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::readiness::{Readiness, Verdict};
use crate::training::RoleCompletion;

/// A readiness verdict with its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReadinessFigure {
    pub verdict: Verdict,
    pub score: i64,
}

impl ReadinessFigure {
    /// The figure of a readiness as the core judged it.
    pub fn of(readiness: &Readiness) -> Self {
        Self {
            verdict: readiness.verdict,
            score: readiness.score,
        }
    }

    /// "No-go (score 60)".
    pub fn text(&self) -> String {
        match self.verdict {
            Verdict::NotAssessed => self.verdict.label().to_owned(),
            _ => format!("{} (score {})", self.verdict.label(), self.score),
        }
    }
}

/// One role's trained % at the start of the week and at its end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrainingChange {
    pub role_name: String,
    pub people: i64,
    /// `None` when the role had nobody needing training then.
    pub percent_then: Option<i64>,
    pub percent_now: i64,
    /// "0% → 25% of 4", or "25% of 4" when unchanged: what every format shows.
    pub text: String,
}

/// Training by role then and now: every role that needs training now, in role order.
pub(crate) fn training_changes(
    then: &[RoleCompletion],
    now: &[RoleCompletion],
) -> Vec<TrainingChange> {
    now.iter()
        .map(|role| {
            let percent_then = then
                .iter()
                .find(|r| r.role_id == role.role_id)
                .map(|r| r.percent);
            let before = percent_then
                .filter(|then| *then != role.percent)
                .map(|then| format!("{then}% → "))
                .unwrap_or_default();
            TrainingChange {
                role_name: role.role_name.clone(),
                people: role.people,
                percent_then,
                percent_now: role.percent,
                text: format!("{before}{}% of {}", role.percent, role.people),
            }
        })
        .collect()
}

/// One rollout's standing figures in a status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RolloutFigures {
    pub rollout_id: String,
    pub rollout_name: String,
    pub owner: String,
    pub sponsor: String,
    pub go_live_date: Option<NaiveDate>,
    /// Days from the status's as-of day to go-live; negative once it has passed.
    pub days_to_go_live: Option<i64>,
    /// Readiness when the week began; `None` when the rollout was not tracked yet.
    pub readiness_then: Option<ReadinessFigure>,
    pub readiness_now: ReadinessFigure,
    /// The rollout's trained % at the week's end: the figure Home and the overview show.
    pub trained_percent_now: Option<i64>,
    pub training: Vec<TrainingChange>,
    /// [`Self::countdown_text`], as every format shows it.
    pub countdown: String,
    /// [`Self::readiness_text`], as every format shows it.
    pub readiness: String,
    /// The plan against its baseline ([`crate::plan::baseline_line`]); None without a
    /// baseline, and in statuses saved before baselines existed.
    #[serde(default)]
    pub baseline: Option<String>,
}

impl RolloutFigures {
    /// "In 12 days (Jan 29, 2027)", "Went live 3 days ago (...)", or no date yet: the
    /// value beside a "Go-live" label.
    pub fn countdown_text(&self) -> String {
        match (self.go_live_date, self.days_to_go_live) {
            (Some(date), Some(days)) => {
                let on = crate::metrics::format::full_date(date);
                let plural = |n: i64| if n == 1 { "" } else { "s" };
                match days {
                    0 => format!("Today ({on})"),
                    d if d > 0 => format!("In {d} day{} ({on})", plural(d)),
                    d => format!("Went live {} day{} ago ({on})", -d, plural(-d)),
                }
            }
            _ => "No date set yet".to_owned(),
        }
    }

    /// "No-go (score 40) → No-go (score 60)", or today's verdict alone.
    pub fn readiness_text(&self) -> String {
        match self.readiness_then {
            Some(then) if then != self.readiness_now => {
                format!("{} → {}", then.text(), self.readiness_now.text())
            }
            Some(_) => format!("{}, unchanged this week", self.readiness_now.text()),
            None => self.readiness_now.text(),
        }
    }
}
