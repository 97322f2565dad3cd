//! What the next wave takes from the previous one, on the bundle's values: the plan
//! (phases, tasks, links), the readiness checklist, the risks, the training
//! requirements, the metrics with their levels and the communications plan, each under
//! a fresh id, every date moved by the gap between the two go-lives, and every status
//! back at its start. What happened at the previous wave's sites stays with it: its
//! decisions, scope changes, stakeholders, debriefs, weekly statuses, improvement
//! cycles, measurements and training records. The workspace's shared records —
//! training modules, SOPs, people and roles — are referred to, not copied.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::bundle::{Bundle, BundleRollout};
use crate::plan::TaskStatus;
use crate::readiness::CriterionStatus;
use crate::workspace::RiskStatus;

/// Turns the previous wave's bundle into the next wave's: `rollout` is the new rollout
/// (already created), `shift` the gap between the two go-lives.
pub(crate) fn next_wave(source: Bundle, rollout: BundleRollout, shift: Duration) -> Bundle {
    let mut ids = Ids::default();
    let moved = |date: NaiveDate| date + shift;
    let sites = rollout.sites.clone();
    let phases = source
        .phases
        .into_iter()
        .map(|mut phase| {
            phase.id = ids.fresh(&phase.id);
            phase
        })
        .collect();
    let tasks = source
        .tasks
        .into_iter()
        .map(|mut task| {
            task.id = ids.fresh(&task.id);
            task.phase_id = task.phase_id.and_then(|id| ids.get(&id));
            task.start_date = task.start_date.map(moved);
            task.due_date = task.due_date.map(moved);
            task.status = TaskStatus::Todo;
            task
        })
        .collect();
    let dependencies = source
        .dependencies
        .into_iter()
        .filter_map(|mut link| {
            link.task_id = ids.get(&link.task_id)?;
            link.depends_on_id = ids.get(&link.depends_on_id)?;
            Some(link)
        })
        .collect();
    let criteria = source
        .criteria
        .into_iter()
        .map(|mut criterion| {
            criterion.id = ids.fresh(&criterion.id);
            criterion.status = CriterionStatus::NotMet;
            criterion.evidence.clear();
            criterion.evidence_link.clear();
            criterion.evidence_file.clear();
            criterion
        })
        .collect();
    let risks = source
        .risks
        .into_iter()
        .map(|mut risk| {
            risk.id = ids.fresh(&risk.id);
            risk.status = RiskStatus::Open;
            risk
        })
        .collect();
    let communications = source
        .communications
        .into_iter()
        .map(|mut message| {
            message.id = ids.fresh(&message.id);
            message.send_on = moved(message.send_on);
            message.sent_on = None;
            message
        })
        .collect();
    let training_requirements = source
        .training_requirements
        .into_iter()
        .map(|mut requirement| {
            requirement.id = ids.fresh(&requirement.id);
            requirement.due_date = moved(requirement.due_date);
            requirement.sites = sites_of_requirement(requirement.sites, &sites);
            requirement
        })
        .collect();
    let metrics = source
        .metrics
        .into_iter()
        .map(|mut metric| {
            metric.id = ids.fresh(&metric.id);
            // The baseline was measured at the previous wave's sites; the new sites
            // measure their own. The target and its date keep the same distance from
            // go-live.
            metric.baseline_value = None;
            metric.baseline_date = None;
            metric.target_date = metric.target_date.map(moved);
            metric
        })
        .collect();
    let metric_thresholds = source
        .metric_thresholds
        .into_iter()
        .filter_map(|mut level| {
            level.metric_id = ids.get(&level.metric_id)?;
            level.id = ids.fresh(&level.id);
            Some(level)
        })
        .collect();
    Bundle {
        rollout,
        phases,
        tasks,
        dependencies,
        criteria,
        risks,
        communications,
        training_requirements,
        metrics,
        metric_thresholds,
        decisions: Vec::new(),
        weekly_statuses: Vec::new(),
        debriefs: Vec::new(),
        pdsa_cycles: Vec::new(),
        stakeholders: Vec::new(),
        scope_changes: Vec::new(),
        metric_measurements: Vec::new(),
        training_records: Vec::new(),
        readiness_as_sent: None,
        // The new wave joins the programme as its own step, once it exists.
        programme: None,
        ..source
    }
}

/// A requirement limited to some sites keeps those of them the new wave reaches; one
/// whose sites the new wave does not reach applies wherever the new wave is, as a
/// requirement of the plan it was copied from.
fn sites_of_requirement(
    limited_to: Option<Vec<String>>,
    wave_sites: &[String],
) -> Option<Vec<String>> {
    let kept: Vec<String> = limited_to?
        .into_iter()
        .filter(|site| wave_sites.iter().any(|s| s.eq_ignore_ascii_case(site)))
        .collect();
    (!kept.is_empty()).then_some(kept)
}

/// The fresh id given to each copied record, by the id it had in the previous wave.
#[derive(Default)]
struct Ids(HashMap<String, String>);

impl Ids {
    fn fresh(&mut self, old: &str) -> String {
        let new = uuid::Uuid::now_v7().to_string();
        self.0.insert(old.to_owned(), new.clone());
        new
    }

    fn get(&self, old: &str) -> Option<String> {
        self.0.get(old).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_requirement_keeps_the_sites_the_new_wave_reaches() {
        let wave = vec!["Eastside".to_owned(), "Northgate".to_owned()];
        assert_eq!(
            sites_of_requirement(Some(vec!["northgate".into(), "Riverside".into()]), &wave),
            Some(vec!["northgate".to_owned()]),
            "a site the new wave reaches is kept, one it does not is dropped"
        );
        assert_eq!(
            sites_of_requirement(Some(vec!["Riverside".into()]), &wave),
            None,
            "a requirement limited to sites the new wave does not reach applies wherever it is"
        );
        assert_eq!(
            sites_of_requirement(None, &wave),
            None,
            "a requirement for wherever the rollout is stays so"
        );
    }
}
