//! The large workspace of DESIGN.md §6, for benchmarks and for trying Rollplan at the
//! scale of a health group: 50 rollouts with 5,000 tasks (one plan of 2,000), 500 SOPs,
//! 1,000 people, 40 training modules and about 40,000 training records, 100,000 metric
//! values, and the risks, decisions, messages and stakeholders around them. The
//! extra-large one is ten times that (one plan of 5,000 tasks): a project office sharing
//! one workspace, where a query that reads the whole database shows.
//!
//! Written through the same insert functions as the app's commands (validation, audit
//! log and all), in one transaction. The same seed and the same `today` give the same
//! workspace; only ids and timestamps differ.

mod metrics;
mod people;
mod plan;
mod plan_text;
mod rng;
mod rollouts;
mod sop_text;
mod sops;
mod training;
mod workspace;
mod workspace_text;

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::rollouts::{insert_draft, Rollout};
use crate::sops::{insert_link, SopRelation};
use crate::{CoreError, Result, Store};
use rng::Rng;

pub use rollouts::LARGEST_ROLLOUT;

/// The seed `demo --size large` uses unless given another.
pub const DEFAULT_SEED: u64 = 2026;

/// The generated workspaces `demo --size` builds beyond the sample clinic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeneratedSize {
    /// DESIGN.md §6's large workspace: 50 rollouts, 5,000 tasks.
    Large,
    /// Ten times the large one: 500 rollouts, 50,000 tasks.
    ExtraLarge,
}

impl GeneratedSize {
    fn scale(self) -> &'static Scale {
        match self {
            Self::Large => &LARGE,
            Self::ExtraLarge => &EXTRA_LARGE,
        }
    }
}

/// Where a seeding run has got to, for a progress line: `done` of `of` in `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: &'static str,
    pub done: usize,
    pub of: usize,
}

/// How much a generated workspace holds. Tests use a smaller one than DESIGN.md's.
struct Scale {
    rollouts: usize,
    /// Tasks and milestones over every plan, the largest included.
    tasks: usize,
    largest_plan: usize,
    sops: usize,
    people: usize,
    measurements: usize,
}

const LARGE: Scale = Scale {
    rollouts: 50,
    tasks: 5_000,
    largest_plan: 2_000,
    sops: 500,
    people: 1_000,
    measurements: 100_000,
};

/// Ten times the large workspace: the people, SOPs and metric values scale with it, and
/// so do the training records (every active person holds one per module).
const EXTRA_LARGE: Scale = Scale {
    rollouts: 500,
    tasks: 50_000,
    largest_plan: 5_000,
    sops: 5_000,
    people: 10_000,
    measurements: 1_000_000,
};

/// Seeds the large workspace into an empty database, dated around `today`. A database
/// that already holds rollouts is refused, like the sample clinic. Returns what it
/// holds afterwards (see [`count_workspace`]).
pub fn seed_large_workspace(
    store: &Store,
    seed: u64,
    today: NaiveDate,
) -> Result<Vec<(&'static str, i64)>> {
    seed_workspace(store, GeneratedSize::Large, seed, today, &mut |_| {})
}

/// Seeds a generated workspace of `size` into an empty database, as
/// [`seed_large_workspace`] does, telling `progress` where it has got to. All of it is
/// one transaction: a run stopped half way leaves the database empty.
pub fn seed_workspace(
    store: &Store,
    size: GeneratedSize,
    seed: u64,
    today: NaiveDate,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<(&'static str, i64)>> {
    seed_at_scale(store, size.scale(), seed, today, progress)
}

/// A workspace with every part of the large one at a scale a debug build seeds in a
/// moment, for tests.
#[cfg(test)]
pub(crate) fn seed_small_workspace(
    store: &Store,
    seed: u64,
    today: NaiveDate,
) -> Result<Vec<(&'static str, i64)>> {
    seed_at_scale(store, &tests::SMALL, seed, today, &mut |_| {})
}

fn seed_at_scale(
    store: &Store,
    scale: &Scale,
    seed: u64,
    today: NaiveDate,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<(&'static str, i64)>> {
    if store.count_rollouts()? > 0 {
        return Err(CoreError::Conflict(
            "This database already holds rollouts; the large workspace is only added to an \
             empty database. Use a new file (--db PATH)."
                .into(),
        ));
    }
    let mut root = Rng::new(seed);
    let mut tell =
        |stage: &'static str, done: usize, of: usize| progress(Progress { stage, done, of });
    store.write(|tx| {
        tell("people", 0, scale.people);
        let staff = people::seed(tx, &mut root.fork(1), scale.people)?;
        let active: Vec<&people::Staff> = staff.iter().filter(|p| p.active).collect();
        let names_of = |role: &str| -> Vec<String> {
            active
                .iter()
                .filter(|p| p.role == role)
                .map(|p| p.name.clone())
                .collect()
        };
        let managers = names_of("Practice manager");
        let providers = names_of("Provider");
        let sponsors: Vec<String> = providers
            .iter()
            .take(6)
            .map(|name| format!("{name}, Medical Director"))
            .collect();
        let trainers: Vec<String> = active
            .iter()
            .filter(|p| p.super_user || p.role == "Practice manager")
            .map(|p| p.id.clone())
            .collect();

        let mut rng = root.fork(2);
        let drafts = rollouts::drafts(&mut rng, scale.rollouts, today, &managers, &sponsors);
        let rollouts = drafts
            .iter()
            .map(|draft| insert_draft(tx, draft))
            .collect::<Result<Vec<Rollout>>>()?;
        let sizes = plan_sizes(&mut rng, scale);
        let mut plans = root.fork(3);
        for (index, (rollout, size)) in rollouts.iter().zip(sizes).enumerate() {
            tell("rollouts and their plans", index, rollouts.len());
            let team_size = if index == 0 {
                60
            } else {
                plans.between(6, 16) as usize
            };
            let team: Vec<&people::Staff> = (0..team_size).map(|_| *plans.pick(&active)).collect();
            let ids: Vec<String> = team.iter().map(|p| p.id.clone()).collect();
            let named: Vec<(String, String)> = team
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect();
            plan::seed(tx, &mut plans, rollout, size, &ids, today)?;
            workspace::seed(tx, &mut plans, rollout, &named, today)?;
        }

        let mut by_role: HashMap<&str, Vec<String>> = HashMap::new();
        for person in &active {
            by_role
                .entry(person.role)
                .or_default()
                .push(person.name.clone());
        }
        let approvers: Vec<String> = managers
            .iter()
            .chain(providers.iter().take(10))
            .cloned()
            .collect();
        tell("SOPs", 0, scale.sops);
        let mut library = root.fork(4);
        let sop_ids = sops::seed(tx, &mut library, scale.sops, &by_role, &approvers, today)?;
        for rollout in &rollouts {
            let first = library.below(sop_ids.len());
            for k in 0..library.between(2, 6) as usize {
                let relation = if library.chance(0.4) {
                    SopRelation::Introduces
                } else {
                    SopRelation::Changes
                };
                insert_link(
                    tx,
                    &sop_ids[(first + k * 37) % sop_ids.len()],
                    &rollout.id,
                    relation,
                )?;
            }
        }

        tell("training", 0, staff.len());
        let roles: Vec<&str> = people::role_names().collect();
        training::seed(
            tx,
            &mut root.fork(5),
            &rollouts,
            &roles,
            &staff,
            &trainers,
            today,
        )?;
        tell("metric values", 0, scale.measurements);
        let owners: Vec<String> = active.iter().map(|p| p.id.clone()).collect();
        metrics::seed(
            tx,
            &mut root.fork(6),
            &rollouts,
            &owners,
            scale.measurements,
            today,
        )?;
        tell("saving", 0, 0);
        counts(tx)
    })
}

/// How many of each thing a database holds (trashed ones included), for the CLI and the
/// benchmark to show what they work on.
pub fn count_workspace(store: &Store) -> Result<Vec<(&'static str, i64)>> {
    store.read(counts)
}

fn counts(conn: &Connection) -> Result<Vec<(&'static str, i64)>> {
    [
        ("rollouts", "rollouts"),
        ("tasks and milestones", "plan_tasks"),
        ("dependencies", "plan_dependencies"),
        ("people", "people"),
        ("SOPs", "sops"),
        ("approved SOP versions", "sop_revisions"),
        ("training modules", "training_modules"),
        ("training requirements", "training_requirements"),
        ("training records", "training_records"),
        ("metrics", "metrics"),
        ("measurements", "metric_measurements"),
        ("readiness criteria", "readiness_criteria"),
        ("risks", "risks"),
        ("decisions", "decisions"),
        ("communications", "communications"),
        ("stakeholders", "stakeholders"),
        ("audit entries", "audit_log"),
    ]
    .into_iter()
    .map(|(label, table)| {
        let count = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })?;
        Ok((label, count))
    })
    .collect()
}

/// Tasks per plan: the first holds the largest plan, the others share the rest, from a
/// few dozen tasks to about a hundred.
fn plan_sizes(rng: &mut Rng, scale: &Scale) -> Vec<usize> {
    let others = scale.rollouts.saturating_sub(1);
    let rest = scale.tasks - scale.largest_plan;
    let weights: Vec<usize> = (0..others).map(|_| rng.between(30, 100) as usize).collect();
    let sum: usize = weights.iter().sum::<usize>().max(1);
    let mut sizes: Vec<usize> = weights.iter().map(|w| w * rest / sum).collect();
    let short = rest - sizes.iter().sum::<usize>();
    for size in sizes.iter_mut().take(short) {
        *size += 1;
    }
    sizes.insert(0, scale.largest_plan);
    sizes
}

#[cfg(test)]
mod tests;
