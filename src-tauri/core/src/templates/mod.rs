//! Built-in rollout templates: the phases, tasks and milestones (with dependencies),
//! readiness criteria, risks and communications a practice manager would otherwise type
//! in from memory. Every date is relative to go-live (-60 is sixty days before), so a
//! template needs the rollout's go-live date and lands its plan around it. When go-live
//! is too near for the plan as drawn, the person chooses how it fits (`runway.rs`).

mod automation;
mod catalogue;
mod ehr;
mod fill;
mod policy;
mod runway;
mod runway_words;

pub use catalogue::list_templates;
pub(crate) use fill::fill;
use runway::Layout;
pub use runway::{LateMessage, RunwayCheck, TemplateFit};

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::plan::{TaskKind, TaskStatus};
use crate::readiness::ReadinessCategory;
use crate::rollouts::{insert_draft, required_date, Rollout, RolloutDraft, RolloutKind};
use crate::time::date_text;
use crate::{CoreError, Result, Store};

/// A built-in template, as the "new rollout" dialog and `templates list` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RolloutTemplate {
    /// What `--template` and `create_rollout_from_template` take.
    pub name: String,
    pub title: String,
    pub description: String,
    pub kind: RolloutKind,
}

/// A step's status and owner's name, from its title, start and due date.
pub(crate) type Progress = dyn Fn(&str, NaiveDate, NaiveDate) -> (TaskStatus, &'static str);

/// The EHR go-live template's content, for the sample clinic.
pub(crate) fn ehr_content() -> &'static Content {
    &ehr::CONTENT
}

/// The automation template's content, for the sample clinic.
pub(crate) fn automation_content() -> &'static Content {
    &automation::CONTENT
}

/// Task or milestone, in the step tables.
const T: TaskKind = TaskKind::Task;
const M: TaskKind = TaskKind::Milestone;

/// One step of a template: kind, phase, title, start and due (days from go-live), and
/// the titles of the steps it waits for.
struct Step(
    TaskKind,
    &'static str,
    &'static str,
    i64,
    i64,
    &'static [&'static str],
);

/// What a template puts into a rollout.
pub(crate) struct Content {
    phases: &'static [&'static str],
    steps: &'static [Step],
    /// (category, criterion, the role that usually owns it, hard gate)
    criteria: &'static [(ReadinessCategory, &'static str, &'static str, bool)],
    /// (title, likelihood, impact, mitigation, trigger)
    risks: &'static [(&'static str, i64, i64, &'static str, &'static str)],
    /// (audience, channel, message, send day)
    comms: &'static [(&'static str, &'static str, &'static str, i64)],
}

/// What `template_name`'s plan would look like with go-live on `go_live`, seen on
/// `today`: whether it fits, and what compressing or keeping it would mean.
pub fn check_template_runway(
    template_name: &str,
    go_live: &str,
    today: NaiveDate,
) -> Result<RunwayCheck> {
    Ok(runway::check(
        catalogue::find(template_name)?,
        parse_go_live(Some(go_live))?,
        today,
    ))
}

fn parse_go_live(text: Option<&str>) -> Result<NaiveDate> {
    required_date(
        text.unwrap_or(""),
        "go_live_date",
        "go-live date",
        "A template plans backwards from go-live: give the go-live date.",
    )
}

impl Store {
    /// Creates a rollout from `draft` and fills it from the template `template_name`, in
    /// one transaction. The draft needs a go-live date; its kind defaults to the
    /// template's, and a missing start date becomes the day the plan's first task
    /// starts. When the plan as drawn would start before `today`, `fit` says whether to
    /// compress it to the runway or keep its durations; without a choice it is refused,
    /// with what keeping it would mean.
    pub fn create_rollout_from_template(
        &self,
        draft: &RolloutDraft,
        template_name: &str,
        fit: Option<TemplateFit>,
        today: NaiveDate,
    ) -> Result<Rollout> {
        let template = catalogue::find(template_name)?;
        let go_live = parse_go_live(draft.go_live_date.as_deref())?;
        let check = runway::check(template, go_live, today);
        let layout = match (check.short, fit) {
            (false, _) => Layout::as_drawn(template.content),
            (true, None) => {
                return Err(CoreError::invalid(
                    "fit",
                    format!(
                        "{} Compress the plan to the runway, or keep the template's durations: {}",
                        check.headline,
                        check.keep_consequences.join(" ")
                    ),
                ))
            }
            (true, Some(fit)) => runway::layout(template.content, fit, check.runway_days)
                .ok_or_else(|| CoreError::invalid("fit", check.compress_summary.clone()))?,
        };
        let mut draft = draft.clone();
        if draft.kind == RolloutKind::Other {
            draft.kind = template.kind;
        }
        if draft
            .start_date
            .as_deref()
            .is_none_or(|d| d.trim().is_empty())
        {
            draft.start_date = Some(date_text(day(go_live, layout.first_day())));
        }
        self.write(|tx| {
            let rollout = insert_draft(tx, &draft)?;
            fill::fill_laid_out(
                tx,
                &rollout.id,
                go_live,
                (template.content, &layout),
                true,
                &|_, _, _| (TaskStatus::Todo, ""),
            )?;
            Ok(rollout)
        })
    }
}

fn day(go_live: NaiveDate, offset: i64) -> NaiveDate {
    crate::plan::add_days(go_live, offset)
}
