//! Who has done which required training, read in one pass over the records and counted
//! in memory.
//!
//! Counting per person and module in SQL costs an index lookup for every pair — 40,000
//! of them on the large workspace, 40–70 ms — whereas reading the records of the modules
//! in view once, from an index that holds person, module and status, takes a few
//! milliseconds and then serves every rollout (Home) or every filter (the matrix) alike.
//! Each person's records become two rows of bits, one bit a module: held (a record
//! exists) and done (completed or waived). The store reads the rows
//! ([`super::store::standing`]); this counts them.
//!
//! A requirement may apply at some sites only ([`super::sites`]), so what a person must
//! do depends on their role and their place (department): people are counted by cohort,
//! one cohort for each (role, place).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::ids::{IdMap, Indexed};
use super::{RoleCompletion, TrainingProgress};
use crate::people::family_sort_key;
use crate::store::Conn as Connection;
use crate::{Result, Store};

mod loading;

pub(crate) use loading::Loading;

/// One requirement, by index into [`Standing`]'s lists.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Need {
    pub rollout: usize,
    pub role: usize,
    pub module: usize,
    pub due: NaiveDate,
    /// Where it applies: an index into the reaches read.
    reach: usize,
}

/// An active person in a role that has requirements in view (name and department left
/// empty when only counts were asked for).
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub id: String,
    pub name: String,
    pub role: usize,
    pub department: String,
    /// The member's department as places are told apart ([`place_key`]), by index.
    place: usize,
}

/// Which records to read: those done are enough to tell who is trained and who is
/// overdue (a missing record counts as not done); the matrix also counts the others;
/// the due lists read their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Read {
    Nothing,
    DoneOnly,
    Every,
}

/// The requirements in view and where everyone concerned stands on them.
#[derive(Debug, Clone)]
pub(crate) struct Standing {
    pub rollouts: Vec<String>,
    /// Role ids, by name (as the completion lists them).
    pub roles: Vec<(String, String)>,
    modules: Indexed,
    pub needs: Vec<Need>,
    pub members: Vec<Member>,
    member_index: IdMap<usize>,
    /// How many places the members are in: a member's cohort is `role * places + place`.
    places: usize,
    /// Per reach, per place: whether requirements of that reach apply there.
    reaches_place: Vec<Vec<bool>>,
    /// Words of bits a person takes in `held` and `done`.
    words: usize,
    held: Vec<u64>,
    done: Vec<u64>,
    /// The members of each cohort, by index: a rollout's completion visits only the
    /// cohorts it requires something of, not all ten thousand people for each of 500
    /// rollouts.
    cohort_members: Vec<Vec<usize>>,
    /// Each member's place in the directory's order, worked out at the first matrix
    /// page asked of this standing (see [`Standing::directory_rank`]).
    directory_rank: OnceLock<Vec<u32>>,
}

impl Standing {
    /// Completion per role of the rollout at `rollout` (an index into `rollouts`), by
    /// role name: roles without anyone active in them are left out.
    pub fn completion(&self, rollout: usize, today: NaiveDate) -> Vec<RoleCompletion> {
        let masks = self.masks(|need| need.rollout == rollout, today);
        let mut lines: Vec<Option<RoleCompletion>> = vec![None; self.roles.len()];
        for (mask, members) in masks.iter().zip(&self.cohort_members) {
            let Some((required, late)) = mask else {
                continue;
            };
            for &person in members {
                let member = &self.members[person];
                let line = lines[member.role].get_or_insert_with(|| RoleCompletion {
                    role_id: self.roles[member.role].0.clone(),
                    role_name: self.roles[member.role].1.clone(),
                    people: 0,
                    trained: 0,
                    overdue: 0,
                    percent: 0,
                });
                let done = self.bits(&self.done, person);
                line.people += 1;
                line.trained += i64::from(covers(done, required));
                line.overdue += i64::from(!covers(done, late));
            }
        }
        lines
            .into_iter()
            .flatten()
            .map(|line| RoleCompletion {
                percent: super::trained_percent(line.trained, line.people),
                ..line
            })
            .collect()
    }

    /// How many of `people` are trained on every module in view required of their
    /// role — the same rule as [`Standing::completion`], over any set of people.
    pub fn progress(&self, people: &[usize], today: NaiveDate) -> TrainingProgress {
        let masks = self.masks(|_| true, today);
        let (mut count, mut trained, mut overdue) = (0, 0, 0);
        for &person in people {
            let Some((required, late)) = &masks[self.cohort(&self.members[person])] else {
                continue;
            };
            let done = self.bits(&self.done, person);
            count += 1;
            trained += i64::from(covers(done, required));
            overdue += i64::from(!covers(done, late));
        }
        TrainingProgress::new(count, trained, overdue)
    }

    /// Each member's place in the directory's order (by family name, then id), by
    /// member index: worked out once a standing, so that the kept one sorts the
    /// matrix's ten thousand people by a number at each page and filter, not by names
    /// folded afresh.
    pub fn directory_rank(&self) -> &[u32] {
        self.directory_rank.get_or_init(|| {
            let mut order: Vec<usize> = (0..self.members.len()).collect();
            order.sort_by_cached_key(|&person| {
                let member = &self.members[person];
                (family_sort_key(&member.name), &member.id)
            });
            let mut rank = vec![0; order.len()];
            for (place, person) in order.into_iter().enumerate() {
                rank[person] = u32::try_from(place).unwrap_or(u32::MAX);
            }
            rank
        })
    }

    /// The cohort a member is counted in: their role at their place.
    pub fn cohort(&self, member: &Member) -> usize {
        member.role * self.places + member.place
    }

    /// The earliest due date of each (cohort, module) among the requirements `wanted`
    /// keeps — several rollouts may require the same module of a role at a place.
    pub fn earliest_due(
        &self,
        wanted: impl Fn(&Need) -> bool,
    ) -> HashMap<(usize, usize), NaiveDate> {
        let mut earliest: HashMap<(usize, usize), NaiveDate> = HashMap::new();
        for need in self.needs.iter().filter(|n| wanted(n)) {
            let reached = &self.reaches_place[need.reach];
            for place in (0..self.places).filter(|&place| reached[place]) {
                earliest
                    .entry((need.role * self.places + place, need.module))
                    .and_modify(|due| *due = (*due).min(need.due))
                    .or_insert(need.due);
            }
        }
        earliest
    }

    /// Every module a requirement in view names, by index, each once.
    pub fn modules_required(&self) -> Vec<usize> {
        let mut modules: Vec<usize> = self.needs.iter().map(|need| need.module).collect();
        modules.sort_unstable();
        modules.dedup();
        modules
    }

    /// Per cohort, the modules required of it and those of them already past due, among
    /// the requirements `wanted` keeps; `None` for a cohort with none of them.
    pub fn masks(
        &self,
        wanted: impl Fn(&Need) -> bool,
        today: NaiveDate,
    ) -> Vec<Option<(Vec<u64>, Vec<u64>)>> {
        let mut masks: Vec<Option<(Vec<u64>, Vec<u64>)>> =
            vec![None; self.roles.len() * self.places];
        for ((cohort, module), due) in self.earliest_due(wanted) {
            let (required, late) =
                masks[cohort].get_or_insert_with(|| (vec![0; self.words], vec![0; self.words]));
            let (word, bit) = (module / 64, 1u64 << (module % 64));
            required[word] |= bit;
            if due < today {
                late[word] |= bit;
            }
        }
        masks
    }

    /// The members something in view is required of (a role in view at another site
    /// may have nothing), kept by a role and a department (all of them for `None`).
    pub fn matching(&self, role_id: Option<&str>, department: Option<&str>) -> Vec<usize> {
        let mut required = vec![false; self.roles.len() * self.places];
        for (cohort, _) in self.earliest_due(|_| true).into_keys() {
            required[cohort] = true;
        }
        (0..self.members.len())
            .filter(|&person| {
                let member = &self.members[person];
                required[self.cohort(member)]
                    && role_id.is_none_or(|id| id == self.roles[member.role].0)
                    && department.is_none_or(|d| d == member.department)
            })
            .collect()
    }

    /// The matrix's totals over `people`: (required records, done, overdue). Required
    /// records are those people hold for modules required of their role (earliest due
    /// date where several rollouts require one); a requirement nobody was assigned a
    /// record for is not counted.
    pub fn totals(&self, people: &[usize], today: NaiveDate) -> (i64, i64, i64) {
        let masks = self.masks(|_| true, today);
        let mut totals = (0, 0, 0);
        for &person in people {
            let Some((required, late)) = &masks[self.cohort(&self.members[person])] else {
                continue;
            };
            let (held, done, _) = self.records(person, required);
            let (_, _, open_late) = self.records(person, late);
            totals.0 += held;
            totals.1 += done;
            totals.2 += open_late;
        }
        totals
    }

    /// The id of the module at `module`.
    pub fn module_id(&self, module: usize) -> &str {
        &self.modules.ids[module]
    }

    /// The index of a member, by person id.
    pub fn member_index(&self, id: &[u8]) -> Option<usize> {
        self.member_index.get(id).copied()
    }

    /// The index of a module in view.
    pub fn module_index(&self, id: &str) -> Option<usize> {
        self.modules.map.get(id).copied()
    }

    /// Of `mask`'s modules, how many `person` holds a record of, and of those how many are
    /// done and how many are not.
    pub fn records(&self, person: usize, mask: &[u64]) -> (i64, i64, i64) {
        let held = self.bits(&self.held, person);
        let done = self.bits(&self.done, person);
        let mut counts = (0, 0, 0);
        for ((m, h), d) in mask.iter().zip(held).zip(done) {
            counts.0 += i64::from((m & h).count_ones());
            counts.1 += i64::from((m & h & d).count_ones());
            counts.2 += i64::from((m & h & !d).count_ones());
        }
        counts
    }

    fn bits<'a>(&self, all: &'a [u64], person: usize) -> &'a [u64] {
        &all[person * self.words..(person + 1) * self.words]
    }
}

/// Whether every bit of `wanted` is set in `have`.
fn covers(have: &[u64], wanted: &[u64]) -> bool {
    have.iter().zip(wanted).all(|(h, w)| h & w == *w)
}

impl Standing {
    /// Where everyone stands on the requirements of the rollout `rollout_id` alone, as
    /// reading that rollout's requirements ([`super::store::standing::load`] for one
    /// rollout) finds: the same people and records, only the requirements narrowed,
    /// so that what is required, done and overdue is counted over that rollout's.
    pub fn of_rollout(&self, rollout_id: &str) -> Standing {
        let rollout = self.rollouts.iter().position(|id| id == rollout_id);
        Standing {
            needs: self
                .needs
                .iter()
                .filter(|need| Some(need.rollout) == rollout)
                .copied()
                .collect(),
            ..self.clone()
        }
    }

    /// Completion per role of the rollout `rollout_id`: none when it has no requirement
    /// in view (none at all, or the rollout is in the trash) — as reading its own
    /// requirements alone ([`super::completion_in`]) finds.
    pub fn completion_of(&self, rollout_id: &str, today: NaiveDate) -> Vec<RoleCompletion> {
        match self.rollouts.iter().position(|id| id == rollout_id) {
            Some(rollout) => self.completion(rollout, today),
            None => Vec::new(),
        }
    }
}

impl Store {
    /// Runs `f` in one read with where everyone stands on the training every live
    /// rollout requires (every record, names included), kept from an earlier read while
    /// nothing it reads has changed ([`crate::store::Kept`]): Home, the matrix of every
    /// rollout, the due list and a rollout's readiness all count from it.
    pub(crate) fn read_every_standing<T>(
        &self,
        f: impl FnOnce(&Connection, &Standing) -> Result<T>,
    ) -> Result<T> {
        self.read_kept(
            |store| &store.kept.every_standing,
            |conn| super::store::standing::load(conn, None, Read::Every),
            f,
        )
    }

    /// Runs `f` in one read with the rollout's completion per role: from the standing
    /// of every rollout while it is kept, else read for this rollout alone (the records
    /// of its own modules only, rather than every record of every rollout's).
    pub(crate) fn read_with_completion<T>(
        &self,
        rollout_id: &str,
        today: NaiveDate,
        f: impl FnOnce(&Connection, &[RoleCompletion]) -> Result<T>,
    ) -> Result<T> {
        self.read_if_kept(
            |store| &store.kept.every_standing,
            |conn, kept| {
                f(
                    conn,
                    &completion_kept_or_read(conn, kept, rollout_id, today)?,
                )
            },
        )
    }

    /// Completion per role for every live rollout, by rollout id (Home).
    pub(crate) fn training_completion_by_rollout(
        &self,
        today: NaiveDate,
    ) -> Result<HashMap<String, Vec<RoleCompletion>>> {
        self.read_every_standing(|_, standing| {
            Ok(standing
                .rollouts
                .iter()
                .enumerate()
                .map(|(index, id)| (id.clone(), standing.completion(index, today)))
                .collect())
        })
    }
}

/// The completion per role of `rollout_id` today: from `kept`, the standing of every
/// rollout when it is kept, else read for this rollout alone (the records of its own
/// modules only, rather than every record of every rollout's).
pub(crate) fn completion_kept_or_read(
    conn: &Connection,
    kept: Option<&Standing>,
    rollout_id: &str,
    today: NaiveDate,
) -> Result<Vec<RoleCompletion>> {
    match kept {
        Some(standing) => Ok(standing.completion_of(rollout_id, today)),
        None => super::completion_in(conn, rollout_id, today),
    }
}
