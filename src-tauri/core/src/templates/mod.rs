//! Built-in rollout templates: the phases, tasks and milestones (with dependencies),
//! readiness criteria, risks and communications a practice manager would otherwise type
//! in from memory. Every date is relative to go-live (-60 is sixty days before), so a
//! template needs the rollout's go-live date and lands its plan around it. When go-live
//! is too near for the plan as drawn, the person chooses how it fits (`runway.rs`).

mod automation;
mod ehr;
mod policy;
mod runway;
mod runway_words;

use runway::Layout;
pub use runway::{LateMessage, RunwayCheck, TemplateFit};

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::plan::{
    find_or_insert_phase, insert_task, DependencyGraph, TaskDraft, TaskKind, TaskStatus,
};
use crate::readiness::{insert_criterion, CriterionDraft, ReadinessCategory};
use crate::rollouts::{insert_draft, Rollout, RolloutDraft, RolloutKind};
use crate::time::{date_text, parse_date};
use crate::workspace::{insert_communication, insert_risk, CommunicationDraft, RiskDraft};
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

/// The built-in templates.
pub fn list_templates() -> Vec<RolloutTemplate> {
    TEMPLATES
        .iter()
        .map(|t| RolloutTemplate {
            name: t.name.to_owned(),
            title: t.title.to_owned(),
            description: t.description.to_owned(),
            kind: t.kind,
        })
        .collect()
}

struct Builtin {
    name: &'static str,
    title: &'static str,
    description: &'static str,
    kind: RolloutKind,
    content: &'static Content,
}

const TEMPLATES: &[Builtin] = &[
    Builtin {
        name: "ehr-go-live",
        title: "EHR go-live",
        description: "A new EHR or a major module: build and validation, integrated testing, \
                      super-users and role-based training, cutover, go-live with a command \
                      centre and at-the-elbow support, 60 days of stabilization. With the \
                      go/no-go checklist, the usual risks and a communications plan.",
        kind: RolloutKind::EhrGoLive,
        content: &ehr::CONTENT,
    },
    Builtin {
        name: "automation",
        title: "Automation rollout (pilot, measure, scale)",
        description: "SMS reminders, prior-auth automation, online scheduling: baseline, a pilot \
                      in one clinic or panel, measure against target, decide to scale, adjust or \
                      stop, then scale and sustain. Go-live is the pilot's first day.",
        kind: RolloutKind::Automation,
        content: &automation::CONTENT,
    },
    Builtin {
        name: "policy",
        title: "Policy / SOP rollout",
        description: "A new policy or procedure: draft, review with owners and compliance, \
                      approve, train and collect attestations, then audit adherence. Go-live is \
                      the day the policy takes effect.",
        kind: RolloutKind::Policy,
        content: &policy::CONTENT,
    },
];

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
        find(template_name)?,
        parse_go_live(Some(go_live))?,
        today,
    ))
}

fn parse_go_live(text: Option<&str>) -> Result<NaiveDate> {
    let go_live = text
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .ok_or_else(|| {
            CoreError::invalid(
                "go_live_date",
                "A template plans backwards from go-live: give the go-live date.",
            )
        })?;
    parse_date(go_live).ok_or_else(|| {
        CoreError::invalid(
            "go_live_date",
            format!("The go-live date '{go_live}' is not a date: use YYYY-MM-DD."),
        )
    })
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
        let template = find(template_name)?;
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
            fill_laid_out(
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

fn find(name: &str) -> Result<&'static Builtin> {
    let wanted = name.trim().to_lowercase().replace([' ', '_'], "-");
    TEMPLATES
        .iter()
        .find(|t| t.name == wanted || t.title.to_lowercase() == name.trim().to_lowercase())
        .ok_or_else(|| {
            let names: Vec<&str> = TEMPLATES.iter().map(|t| t.name).collect();
            CoreError::invalid(
                "template",
                format!(
                    "There is no template called '{}': use one of {}.",
                    name.trim(),
                    names.join(", ")
                ),
            )
        })
}

fn day(go_live: NaiveDate, offset: i64) -> NaiveDate {
    crate::plan::add_days(go_live, offset)
}

/// Writes a template's content into a rollout inside the caller's transaction;
/// `with_criteria` is false where the caller brings its own checklist (the sample
/// clinic). `progress` gives each step's status and owner from its title and dates (a
/// new plan: to do, nobody). Returns each step's task id by title.
pub(crate) fn fill(
    tx: &Transaction<'_>,
    rollout_id: &str,
    go_live: NaiveDate,
    content: &Content,
    with_criteria: bool,
    progress: &Progress,
) -> Result<HashMap<&'static str, String>> {
    let layout = Layout::as_drawn(content);
    fill_laid_out(
        tx,
        rollout_id,
        go_live,
        (content, &layout),
        with_criteria,
        progress,
    )
}

/// [`fill`] with the steps and messages placed by `layout` rather than as drawn.
fn fill_laid_out(
    tx: &Transaction<'_>,
    rollout_id: &str,
    go_live: NaiveDate,
    (content, layout): (&Content, &Layout),
    with_criteria: bool,
    progress: &Progress,
) -> Result<HashMap<&'static str, String>> {
    let mut phases = HashMap::new();
    for name in content.phases {
        phases.insert(*name, find_or_insert_phase(tx, rollout_id, name)?.id);
    }
    let mut ids: HashMap<&'static str, String> = HashMap::new();
    for (Step(kind, phase, title, _, _, _), (start, due)) in content.steps.iter().zip(&layout.steps)
    {
        let (start, due) = (day(go_live, *start), day(go_live, *due));
        let (status, owner) = progress(title, start, due);
        let task = insert_task(
            tx,
            rollout_id,
            &TaskDraft {
                title: (*title).to_owned(),
                phase_id: phases.get(phase).cloned(),
                kind: *kind,
                start_date: Some(date_text(start)),
                due_date: Some(date_text(due)),
                status,
                owner: owner.to_owned(),
                ..TaskDraft::default()
            },
        )?;
        ids.insert(title, task.id);
    }
    let mut graph = DependencyGraph::load(tx, rollout_id)?;
    for Step(_, _, title, _, _, after) in content.steps {
        for predecessor in *after {
            let (Some(task), Some(predecessor)) = (ids.get(title), ids.get(predecessor)) else {
                return Err(CoreError::Database(format!(
                    "the template step '{title}' waits for '{predecessor}', which it does not have"
                )));
            };
            graph.insert(tx, task, predecessor)?;
        }
    }
    if with_criteria {
        for (category, title, owner_role, hard_gate) in content.criteria {
            insert_criterion(
                tx,
                rollout_id,
                &CriterionDraft {
                    category: *category,
                    title: (*title).to_owned(),
                    owner_role: (*owner_role).to_owned(),
                    hard_gate: *hard_gate,
                    ..CriterionDraft::default()
                },
            )?;
        }
    }
    for (title, likelihood, impact, mitigation, trigger) in content.risks {
        insert_risk(
            tx,
            rollout_id,
            &RiskDraft {
                title: (*title).to_owned(),
                likelihood: *likelihood,
                impact: *impact,
                mitigation: (*mitigation).to_owned(),
                trigger: (*trigger).to_owned(),
                ..RiskDraft::default()
            },
        )?;
    }
    for ((audience, channel, message, _), send_day) in content.comms.iter().zip(&layout.comms) {
        insert_communication(
            tx,
            rollout_id,
            &CommunicationDraft {
                audience: (*audience).to_owned(),
                channel: (*channel).to_owned(),
                message: (*message).to_owned(),
                send_on: date_text(day(go_live, *send_day)),
                ..CommunicationDraft::default()
            },
        )?;
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_waits_only_for_earlier_steps_it_has() {
        for template in TEMPLATES {
            let steps: HashMap<&str, &Step> =
                template.content.steps.iter().map(|s| (s.2, s)).collect();
            assert_eq!(
                steps.len(),
                template.content.steps.len(),
                "{}: titles are unique",
                template.name
            );
            for step in template.content.steps {
                assert!(
                    template.content.phases.contains(&step.1),
                    "{}: {} has a known phase",
                    template.name,
                    step.2
                );
                assert!(
                    step.3 <= step.4,
                    "{}: {} starts before it is due",
                    template.name,
                    step.2
                );
                for predecessor in step.5 {
                    let before = steps
                        .get(predecessor)
                        .unwrap_or_else(|| panic!("{}: {predecessor} exists", template.name));
                    assert!(
                        before.4 <= step.3,
                        "{}: {predecessor} is due by the time {} starts",
                        template.name,
                        step.2
                    );
                }
            }
        }
    }
}
