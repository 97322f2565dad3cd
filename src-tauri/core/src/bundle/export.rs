//! Reading one rollout and everything it links to into a [`Bundle`].

use std::collections::BTreeSet;

use rusqlite::{params, Connection};

use super::format::*;
use super::record::{load_by_id, load_where, Record};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

/// Live rows of the rollout (`?1`).
const LIVE_IN_ROLLOUT: &str = "rollout_id = ?1 AND deleted_at IS NULL";

impl Store {
    /// The rollout and everything it links to, ready to be written as a `.rollplan`
    /// file. People travel as names and roles unless `include_people`, which adds their
    /// directory fields and their training records for the rollout's modules.
    pub fn export_bundle(&self, rollout_id: &str, include_people: bool) -> Result<Bundle> {
        self.read(|conn| read_bundle(conn, rollout_id, include_people))
    }
}

fn read_bundle(conn: &Connection, rollout_id: &str, include_people: bool) -> Result<Bundle> {
    let rollout = load_where::<BundleRollout>(conn, "id = ?1 AND deleted_at IS NULL", rollout_id)?
        .pop()
        .ok_or_else(|| CoreError::NotFound {
            entity: "Rollout",
            id: rollout_id.to_owned(),
        })?;
    let live = |condition| (condition, rollout_id);
    let in_live_metrics = "metric_id IN (SELECT id FROM metrics WHERE rollout_id = ?1
         AND deleted_at IS NULL) AND deleted_at IS NULL";
    // A requirement keeps its module even if the module went to the trash, so the
    // module travels with it rather than leaving the requirement pointing nowhere.
    let required_modules = "id IN (SELECT module_id FROM training_requirements
         WHERE rollout_id = ?1 AND deleted_at IS NULL)";
    let linked_sops =
        "id IN (SELECT sop_id FROM sop_rollouts WHERE rollout_id = ?1) AND deleted_at IS NULL";
    let linked_revisions = "sop_id IN (SELECT s.id FROM sops s JOIN sop_rollouts l
         ON l.sop_id = s.id WHERE l.rollout_id = ?1 AND s.deleted_at IS NULL)";

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
    let mut sops: Vec<BundleSop> = section(conn, live(linked_sops))?;
    for sop in &mut sops {
        sop.relation = relation(conn, &sop.id, rollout_id)?;
    }
    let mut bundle = Bundle {
        format: BUNDLE_FORMAT.to_owned(),
        version: BUNDLE_VERSION,
        exported_at: timestamp_text(now()),
        include_people,
        dependencies: dependencies(conn, rollout_id)?,
        criteria: section(conn, live(LIVE_IN_ROLLOUT))?,
        risks: section(conn, live(LIVE_IN_ROLLOUT))?,
        decisions: section(conn, live(LIVE_IN_ROLLOUT))?,
        communications: section(conn, live(LIVE_IN_ROLLOUT))?,
        stakeholders: section(conn, live(LIVE_IN_ROLLOUT))?,
        scope_changes: section(conn, live(LIVE_IN_ROLLOUT))?,
        training_modules: section(conn, live(required_modules))?,
        training_requirements: section(conn, live(LIVE_IN_ROLLOUT))?,
        metrics: section(conn, live(LIVE_IN_ROLLOUT))?,
        metric_thresholds: section(conn, live(in_live_metrics))?,
        metric_measurements: section(conn, live(in_live_metrics))?,
        sop_revisions: section(conn, live(linked_revisions))?,
        rollout,
        phases,
        tasks,
        sops,
        roles: Vec::new(),
        people: Vec::new(),
        training_records: Vec::new(),
    };
    add_people(conn, &mut bundle, rollout_id)?;
    Ok(bundle)
}

fn section<R: Record>(conn: &Connection, (condition, rollout_id): (&str, &str)) -> Result<Vec<R>> {
    load_where(conn, condition, rollout_id)
}

fn relation(conn: &Connection, sop_id: &str, rollout_id: &str) -> Result<crate::sops::SopRelation> {
    let code: String = conn.query_row(
        "SELECT relation FROM sop_rollouts WHERE sop_id = ?1 AND rollout_id = ?2",
        params![sop_id, rollout_id],
        |row| row.get(0),
    )?;
    code.parse()
}

/// Dependencies between the rollout's live tasks, in (task, predecessor) order.
fn dependencies(conn: &Connection, rollout_id: &str) -> Result<Vec<BundleDependency>> {
    let mut statement = conn.prepare_cached(
        // CROSS JOIN fixes the order: the rollout's tasks, then each one's dependencies
        // by primary key, then the predecessor by id. Left to itself the planner paired
        // every task with every other task of the rollout first (4 million probes for a
        // 2,000-task plan, over a second).
        "SELECT d.task_id, d.depends_on_id FROM plan_tasks t
         CROSS JOIN plan_dependencies d ON d.task_id = t.id
         CROSS JOIN plan_tasks p ON p.id = d.depends_on_id
         WHERE t.rollout_id = ?1 AND t.deleted_at IS NULL
           AND p.rollout_id = ?1 AND p.deleted_at IS NULL
         ORDER BY d.task_id, d.depends_on_id",
    )?;
    let rows = statement.query_map([rollout_id], |row| {
        Ok(BundleDependency {
            task_id: row.get(0)?,
            depends_on_id: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
        let trainees: Vec<BundlePerson> = load_where(
            conn,
            "deleted_at IS NULL AND active = 1 AND role_id IN (SELECT role_id
             FROM training_requirements WHERE rollout_id = ?1 AND deleted_at IS NULL)",
            rollout_id,
        )?;
        person_ids.extend(trainees.into_iter().map(|p| p.id));
        let module_ids: BTreeSet<&str> = bundle
            .training_modules
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        let records: Vec<BundleTrainingRecord> = load_where(
            conn,
            "module_id IN (SELECT module_id FROM training_requirements
             WHERE rollout_id = ?1 AND deleted_at IS NULL)",
            rollout_id,
        )?;
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
