//! Writing a template's content into a rollout inside the caller's transaction: its
//! phases, steps and their dependencies, readiness criteria, risks and messages, each
//! through the owning aggregate's own insert (so each is checked and recorded as if
//! typed in).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::runway::Layout;
use super::{day, Content, Progress, Step};
use crate::plan::{find_or_insert_phase, insert_task, DependencyGraph, TaskDraft, TaskLink};
use crate::readiness::{insert_criterion, CriterionDraft};
use crate::store::Tx;
use crate::time::date_text;
use crate::workspace::{insert_communication, insert_risk, CommunicationDraft, RiskDraft};
use crate::{CoreError, Result};

/// Writes a template's content into a rollout inside the caller's transaction;
/// `with_criteria` is false where the caller brings its own checklist (the sample
/// clinic). `progress` gives each step's status and owner from its title and dates (a
/// new plan: to do, nobody). Returns each step's task id by title.
pub(crate) fn fill(
    tx: &Tx<'_>,
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
pub(super) fn fill_laid_out(
    tx: &Tx<'_>,
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
            graph.insert(tx, task, &TaskLink::finish_to_start(predecessor))?;
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
