//! Reading one rollout and everything it links to into a [`Bundle`]: which rows, is
//! said in `queries.rs`; how a row becomes a record, in `record.rs`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::format::*;
use super::queries::{
    rollout_dependencies, sop_relation, ALL_IN_ROLLOUT, IN_LIVE_METRICS, LINKED_REVISIONS,
    LINKED_SOPS, LIVE_BY_ID, LIVE_CYCLES, LIVE_IN_ROLLOUT, RECORDS_OF_REQUIRED_MODULES,
    REQUIRED_MODULES, TRAINEES,
};
use super::record::{load_by_id, load_where, Record};
use crate::readiness::readiness_in;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// The rollout and everything it links to, ready to be written as a `.rollplan`
    /// file. People travel as names and roles unless `include_people`, which adds their
    /// directory fields and their training records for the rollout's modules.
    /// The bundle also carries the readiness the sender sees `today`, so an import can
    /// say what will read differently on the other side.
    pub fn export_bundle(
        &self,
        rollout_id: &str,
        include_people: bool,
        today: NaiveDate,
    ) -> Result<Bundle> {
        self.read(|conn| read_bundle(conn, rollout_id, include_people, today))
    }
}

pub(super) fn read_bundle(
    conn: &Connection,
    rollout_id: &str,
    include_people: bool,
    today: NaiveDate,
) -> Result<Bundle> {
    let rollout = load_where::<BundleRollout>(conn, LIVE_BY_ID, rollout_id)?
        .pop()
        .ok_or_else(|| CoreError::NotFound {
            entity: "Rollout",
            id: rollout_id.to_owned(),
        })?;
    let live = |condition| (condition, rollout_id);

    let phases: Vec<BundlePhase> = section(conn, live(LIVE_IN_ROLLOUT))?;
    let mut tasks: Vec<BundleTask> = section(conn, live(LIVE_IN_ROLLOUT))?;
    // A task whose phase is in the trash shows as "no phase" in the app; so it travels.
    let phase_ids: BTreeSet<&str> = phases.iter().map(|p| p.id.as_str()).collect();
    for task in &mut tasks {
        if task
            .phase_id
            .as_deref()
            .is_some_and(|id| !phase_ids.contains(id))
        {
            task.phase_id = None;
        }
    }
    let decisions: Vec<BundleDecision> = section(conn, live(LIVE_IN_ROLLOUT))?;
    let mut pdsa_cycles: Vec<BundlePdsaCycle> = section(conn, live(LIVE_CYCLES))?;
    // An Act whose decision is in the trash keeps its words; the decision stays here.
    let decision_ids: BTreeSet<&str> = decisions.iter().map(|d| d.id.as_str()).collect();
    for cycle in &mut pdsa_cycles {
        if cycle
            .decision_id
            .as_deref()
            .is_some_and(|id| !decision_ids.contains(id))
        {
            cycle.decision_id = None;
        }
    }
    let mut sops: Vec<BundleSop> = section(conn, live(LINKED_SOPS))?;
    for sop in &mut sops {
        sop.relation = relation(conn, &sop.id, rollout_id)?;
    }
    let mut bundle = Bundle {
        format: BUNDLE_FORMAT.to_owned(),
        version: BUNDLE_VERSION,
        exported_at: timestamp_text(now()),
        include_people,
        dependencies: rollout_dependencies(conn, rollout_id)?,
        criteria: section(conn, live(LIVE_IN_ROLLOUT))?,
        risks: section(conn, live(LIVE_IN_ROLLOUT))?,
        decisions,
        pdsa_cycles,
        communications: section(conn, live(LIVE_IN_ROLLOUT))?,
        weekly_statuses: section(conn, live(ALL_IN_ROLLOUT))?,
        debriefs: section(conn, live(LIVE_IN_ROLLOUT))?,
        stakeholders: section(conn, live(LIVE_IN_ROLLOUT))?,
        scope_changes: section(conn, live(LIVE_IN_ROLLOUT))?,
        training_modules: section(conn, live(REQUIRED_MODULES))?,
        training_requirements: section(conn, live(LIVE_IN_ROLLOUT))?,
        metrics: section(conn, live(LIVE_IN_ROLLOUT))?,
        metric_thresholds: section(conn, live(IN_LIVE_METRICS))?,
        metric_measurements: section(conn, live(IN_LIVE_METRICS))?,
        sop_revisions: section(conn, live(LINKED_REVISIONS))?,
        rollout,
        phases,
        tasks,
        sops,
        roles: Vec::new(),
        people: Vec::new(),
        training_records: Vec::new(),
        readiness_as_sent: Some(SentReadiness::of(
            &readiness_in(conn, rollout_id, today)?,
            today,
        )),
        programme: crate::programmes::bundle_programme_in(conn, rollout_id)?,
    };
    add_people(conn, &mut bundle, rollout_id)?;
    Ok(bundle)
}

fn section<R: Record>(conn: &Connection, (condition, rollout_id): (&str, &str)) -> Result<Vec<R>> {
    load_where(conn, condition, rollout_id)
}

fn relation(conn: &Connection, sop_id: &str, rollout_id: &str) -> Result<crate::sops::SopRelation> {
    // The SOP was read because it is linked, so the link is there.
    sop_relation(conn, sop_id, rollout_id)?
        .unwrap_or_default()
        .parse()
}

/// The people the rollout names (owners, stakeholders) and their roles. With the
/// directory opted in, also everyone active in a role the rollout requires training
/// of, their records for its modules, and whoever verified those records.
fn add_people(conn: &Connection, bundle: &mut Bundle, rollout_id: &str) -> Result<()> {
    let mut person_ids: BTreeSet<String> = BTreeSet::new();
    let owners = bundle
        .tasks
        .iter()
        .map(|t| &t.owner_id)
        .chain(bundle.risks.iter().map(|r| &r.owner_id))
        .chain(bundle.criteria.iter().map(|c| &c.owner_id))
        .chain(bundle.communications.iter().map(|c| &c.owner_id))
        .chain(bundle.stakeholders.iter().map(|s| &s.person_id))
        .chain(bundle.metrics.iter().map(|m| &m.owner_id))
        .chain(bundle.metric_thresholds.iter().map(|t| &t.owner_id));
    person_ids.extend(owners.flatten().cloned());

    if bundle.include_people {
        let trainees: Vec<BundlePerson> = load_where(conn, TRAINEES, rollout_id)?;
        person_ids.extend(trainees.into_iter().map(|p| p.id));
        let module_ids: BTreeSet<&str> = bundle
            .training_modules
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        let records: Vec<BundleTrainingRecord> =
            load_where(conn, RECORDS_OF_REQUIRED_MODULES, rollout_id)?;
        bundle.training_records = records
            .into_iter()
            .filter(|r| {
                person_ids.contains(&r.person_id) && module_ids.contains(r.module_id.as_str())
            })
            .collect();
        let verifiers = bundle
            .training_records
            .iter()
            .filter_map(|r| r.verified_by.clone());
        person_ids.extend(verifiers.collect::<Vec<_>>());
    }

    for id in &person_ids {
        if let Some(stored) = load_by_id::<BundlePerson>(conn, id)? {
            let mut person = stored.record;
            if !bundle.include_people {
                person.redact();
            }
            bundle.people.push(person);
        }
    }
    let role_ids: BTreeSet<String> = bundle
        .people
        .iter()
        .filter_map(|p| p.role_id.clone())
        .chain(
            bundle
                .training_requirements
                .iter()
                .map(|r| r.role_id.clone()),
        )
        .collect();
    for id in &role_ids {
        if let Some(stored) = load_by_id::<BundleRole>(conn, id)? {
            bundle.roles.push(stored.record);
        }
    }
    Ok(())
}
