//! Who has done which required training, read in one pass over the records and counted
//! in memory.
//!
//! Counting per person and module in SQL costs an index lookup for every pair — 40,000
//! of them on the large workspace, 40–70 ms — whereas reading the records of the modules
//! in view once, from an index that holds person, module and status, takes a few
//! milliseconds and then serves every rollout (Home) or every filter (the matrix) alike.
//! Each person's records become two rows of bits, one bit a module: held (a record
//! exists) and done (completed or waived).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::ids::{IdMap, Indexed};
use super::{RoleCompletion, TrainingProgress};
use crate::store::rows;
use crate::{Result, Store};

/// The live requirements of live rollouts for live modules; `?1` is one rollout or NULL
/// for every one.
pub(super) const NEEDS: &str = "SELECT q.rollout_id, q.role_id, q.module_id, q.due_date
    FROM training_requirements q
    JOIN rollouts o ON o.id = q.rollout_id AND o.deleted_at IS NULL
    JOIN training_modules m ON m.id = q.module_id AND m.deleted_at IS NULL
    WHERE q.deleted_at IS NULL AND (?1 IS NULL OR q.rollout_id = ?1)";

/// One requirement, by index into [`Standing`]'s lists.
#[derive(Debug, Clone, Copy)]
pub(super) struct Need {
    pub rollout: usize,
    pub role: usize,
    pub module: usize,
    pub due: NaiveDate,
}

/// An active person in a role that has requirements in view (name and department left
/// empty when only counts were asked for).
#[derive(Debug)]
pub(super) struct Member {
    pub id: String,
    pub name: String,
    pub role: usize,
    pub department: String,
}

/// Which records to read: those done are enough to tell who is trained and who is
/// overdue (a missing record counts as not done); the matrix also counts the others;
/// the due lists read their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Read {
    Nothing,
    DoneOnly,
    Every,
}

/// The requirements in view and where everyone concerned stands on them.
#[derive(Debug)]
pub(super) struct Standing {
    pub rollouts: Vec<String>,
    /// Role ids, by name (as the completion lists them).
    pub roles: Vec<(String, String)>,
    modules: Indexed,
    pub needs: Vec<Need>,
    pub members: Vec<Member>,
    member_index: IdMap<usize>,
    /// Words of bits a person takes in `held` and `done`.
    words: usize,
    held: Vec<u64>,
    done: Vec<u64>,
}

impl Standing {
    /// Reads the requirements of one rollout (or every live one), the people they apply
    /// to and those people's records of the modules required.
    pub fn load(conn: &Connection, rollout_id: Option<&str>, read: Read) -> Result<Self> {
        let mut rollouts = Indexed::default();
        let mut roles = Indexed::default();
        let mut modules = Indexed::default();
        let mut needs = Vec::new();
        let mut statement = conn.prepare_cached(NEEDS)?;
        let mut found = statement.query(params![rollout_id])?;
        while let Some(row) = found.next()? {
            let due = rows::date(row, "due_date")?.ok_or_else(|| rows::unreadable("due_date"))?;
            needs.push(Need {
                rollout: rollouts.index(rows::text_at(row, 0)?),
                role: roles.index(rows::text_at(row, 1)?),
                module: modules.index(rows::text_at(row, 2)?),
                due,
            });
        }
        drop(found);

        // Roles by name, as SQLite's NOCASE orders them, so lists come out in that order.
        let mut by_name = Vec::with_capacity(roles.ids.len());
        let mut role_order = vec![usize::MAX; roles.ids.len()];
        let mut statement =
            conn.prepare_cached("SELECT id, name FROM roles ORDER BY name COLLATE NOCASE")?;
        let mut found = statement.query([])?;
        while let Some(row) = found.next()? {
            if let Some(&index) = roles.map.get(rows::text_at(row, 0)?) {
                role_order[index] = by_name.len();
                by_name.push((row.get(0)?, row.get(1)?));
            }
        }
        drop(found);
        // A role that is not in the roles table (the foreign key forbids it) has no name
        // to list it by and is left out, as the join on roles would.
        for need in &mut needs {
            need.role = role_order[need.role];
        }
        needs.retain(|need| need.role != usize::MAX);

        // Counts need no names: Home and readiness read none (a thousand people's).
        let mut members = Vec::new();
        let mut member_index: IdMap<usize> = IdMap::default();
        let mut statement = conn.prepare_cached(if read == Read::DoneOnly {
            "SELECT id, role_id, '', '' FROM people
             WHERE active = 1 AND deleted_at IS NULL AND role_id IS NOT NULL"
        } else {
            "SELECT id, role_id, department, name FROM people
             WHERE active = 1 AND deleted_at IS NULL AND role_id IS NOT NULL"
        })?;
        let mut found = statement.query([])?;
        while let Some(row) = found.next()? {
            let Some(role) = roles
                .map
                .get(rows::text_at(row, 1)?)
                .map(|&role| role_order[role])
                .filter(|&role| role != usize::MAX)
            else {
                continue;
            };
            let id: String = row.get(0)?;
            member_index.insert(Box::from(id.as_bytes()), members.len());
            members.push(Member {
                id,
                name: row.get(3)?,
                role,
                department: row.get(2)?,
            });
        }
        drop(found);

        let words = modules.ids.len().div_ceil(64).max(1);
        let mut held = vec![0u64; members.len() * words];
        let mut done = vec![0u64; members.len() * words];
        if read != Read::Nothing && !members.is_empty() {
            // Each module's records are ranges of training_records_by_module: those done,
            // then (for the matrix) those not; the query says which, so no status is read
            // (the status CHECK admits only these four). This loop runs once a record,
            // tens of thousands of times: the person is read by position, as bytes, and
            // found by a fast hash.
            let mut passes = vec![(
                conn.prepare_cached(
                    "SELECT person_id FROM training_records
                     WHERE module_id = ?1 AND status IN ('completed', 'waived')",
                )?,
                true,
            )];
            if read == Read::Every {
                passes.push((
                    conn.prepare_cached(
                        "SELECT person_id FROM training_records
                         WHERE module_id = ?1 AND status IN ('assigned', 'in_progress')",
                    )?,
                    false,
                ));
            }
            for (statement, is_done) in &mut passes {
                for (module, module_id) in modules.ids.iter().enumerate() {
                    let mut found = statement.query(params![module_id])?;
                    let bit = 1u64 << (module % 64);
                    while let Some(row) = found.next()? {
                        let Some(&member) = member_index.get(rows::bytes_at(row, 0)?) else {
                            continue;
                        };
                        let word = member * words + module / 64;
                        held[word] |= bit;
                        if *is_done {
                            done[word] |= bit;
                        }
                    }
                }
            }
        }
        Ok(Self {
            rollouts: rollouts.ids,
            roles: by_name,
            modules,
            needs,
            members,
            member_index,
            words,
            held,
            done,
        })
    }

    /// Completion per role of the rollout at `rollout` (an index into `rollouts`), by
    /// role name: roles without anyone active in them are left out.
    pub fn completion(&self, rollout: usize, today: NaiveDate) -> Vec<RoleCompletion> {
        let masks = self.masks(|need| need.rollout == rollout, today);
        let mut lines: Vec<Option<RoleCompletion>> = vec![None; self.roles.len()];
        for (person, member) in self.members.iter().enumerate() {
            let Some((required, late)) = &masks[member.role] else {
                continue;
            };
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
            let Some((required, late)) = &masks[self.members[person].role] else {
                continue;
            };
            let done = self.bits(&self.done, person);
            count += 1;
            trained += i64::from(covers(done, required));
            overdue += i64::from(!covers(done, late));
        }
        TrainingProgress::new(count, trained, overdue)
    }

    /// The earliest due date of each (role, module) among the requirements `wanted`
    /// keeps — several rollouts may require the same module of a role.
    pub fn earliest_due(
        &self,
        wanted: impl Fn(&Need) -> bool,
    ) -> HashMap<(usize, usize), NaiveDate> {
        let mut earliest: HashMap<(usize, usize), NaiveDate> = HashMap::new();
        for need in self.needs.iter().filter(|n| wanted(n)) {
            earliest
                .entry((need.role, need.module))
                .and_modify(|due| *due = (*due).min(need.due))
                .or_insert(need.due);
        }
        earliest
    }

    /// Per role, the modules required of it and those of them already past due, among
    /// the requirements `wanted` keeps; `None` for a role with none of them.
    pub fn masks(
        &self,
        wanted: impl Fn(&Need) -> bool,
        today: NaiveDate,
    ) -> Vec<Option<(Vec<u64>, Vec<u64>)>> {
        let mut masks: Vec<Option<(Vec<u64>, Vec<u64>)>> = vec![None; self.roles.len()];
        for ((role, module), due) in self.earliest_due(wanted) {
            let (required, late) =
                masks[role].get_or_insert_with(|| (vec![0; self.words], vec![0; self.words]));
            let (word, bit) = (module / 64, 1u64 << (module % 64));
            required[word] |= bit;
            if due < today {
                late[word] |= bit;
            }
        }
        masks
    }

    /// The members a role and a department keep (all of them for `None`).
    pub fn matching(&self, role_id: Option<&str>, department: Option<&str>) -> Vec<usize> {
        (0..self.members.len())
            .filter(|&person| {
                let member = &self.members[person];
                role_id.is_none_or(|id| id == self.roles[member.role].0)
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
            let Some((required, late)) = &masks[self.members[person].role] else {
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

impl Store {
    /// Completion per role for every live rollout, by rollout id: one pass over the
    /// records for all of them (Home).
    pub(crate) fn training_completion_by_rollout(
        &self,
        today: NaiveDate,
    ) -> Result<HashMap<String, Vec<RoleCompletion>>> {
        let standing = self.read(|conn| Standing::load(conn, None, Read::DoneOnly))?;
        Ok(standing
            .rollouts
            .iter()
            .enumerate()
            .map(|(index, id)| (id.clone(), standing.completion(index, today)))
            .collect())
    }
}
