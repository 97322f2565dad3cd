//! A [`Standing`] being read, a row at a time, keeping only what the requirements in
//! view make relevant.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::super::ids::{IdMap, Indexed};
use super::super::sites::{place_key, Reach};
use super::{Member, Need, Standing};

/// A [`Standing`] being read: the store feeds it the requirements, the roles, the
/// people and their records in that order, each a row at a time as borrowed text, and
/// it keeps only what the requirements in view make relevant.
#[derive(Debug, Default)]
pub(crate) struct Loading {
    rollouts: Indexed,
    roles: Indexed,
    modules: Indexed,
    needs: Vec<Need>,
    /// The distinct reaches of the requirements, by their sites as read.
    reaches: Vec<Reach>,
    reach_index: HashMap<String, usize>,
    /// The members' departments as [`place_key`] folds them, with one spelling each.
    places: Indexed,
    place_names: Vec<String>,
    /// Role ids by name, and each role's place in that order (`usize::MAX` until named).
    by_name: Vec<(String, String)>,
    role_order: Vec<usize>,
    members: Vec<Member>,
    member_index: IdMap<usize>,
    words: usize,
    held: Vec<u64>,
    done: Vec<u64>,
}

impl Loading {
    /// A requirement in view, reaching the sites in `sites` (a JSON array; none
    /// reaches everyone). Unreadable sites reach everyone: better assigned twice than
    /// missed.
    pub fn need(&mut self, rollout: &str, role: &str, module: &str, due: NaiveDate, sites: &str) {
        let reach = match self.reach_index.get(sites) {
            Some(&reach) => reach,
            None => {
                self.reaches
                    .push(Reach::from_json(sites).unwrap_or_default());
                self.reach_index
                    .insert(sites.to_owned(), self.reaches.len() - 1);
                self.reaches.len() - 1
            }
        };
        let need = Need {
            rollout: self.rollouts.index(rollout),
            role: self.roles.index(role),
            module: self.modules.index(module),
            due,
            reach,
        };
        self.needs.push(need);
    }

    /// Once every requirement is in: the roles are about to come, by name.
    pub fn start_roles(&mut self) {
        self.role_order = vec![usize::MAX; self.roles.ids.len()];
    }

    /// A role, in order of name as SQLite's NOCASE orders them, so lists come out in
    /// that order; roles no requirement names are passed over.
    pub fn role(&mut self, id: &str, name: &str) {
        if let Some(&index) = self.roles.map.get(id) {
            self.role_order[index] = self.by_name.len();
            self.by_name.push((id.to_owned(), name.to_owned()));
        }
    }

    /// Once every role is in: requirements now point at roles by name. A role that is
    /// not in the roles table (the foreign key forbids it) has no name to list it by and
    /// is left out, as a join on roles would.
    pub fn end_roles(&mut self) {
        for need in &mut self.needs {
            need.role = self.role_order[need.role];
        }
        self.needs.retain(|need| need.role != usize::MAX);
    }

    /// An active person with a role; kept when a requirement in view names the role.
    pub fn member(&mut self, id: &str, role_id: &str, department: &str, name: &str) {
        let Some(role) = self
            .roles
            .map
            .get(role_id)
            .map(|&role| self.role_order[role])
            .filter(|&role| role != usize::MAX)
        else {
            return;
        };
        let place = self.places.index(&place_key(department));
        if place == self.place_names.len() {
            self.place_names.push(department.to_owned());
        }
        self.member_index
            .insert(Box::from(id.as_bytes()), self.members.len());
        self.members.push(Member {
            id: id.to_owned(),
            name: name.to_owned(),
            role,
            department: department.to_owned(),
            place,
        });
    }

    /// Once every person is in: the ids of the modules in view, whose records come next
    /// (none when nobody is concerned).
    pub fn start_records(&mut self) -> Vec<String> {
        self.words = self.modules.ids.len().div_ceil(64).max(1);
        self.held = vec![0u64; self.members.len() * self.words];
        self.done = vec![0u64; self.members.len() * self.words];
        if self.members.is_empty() {
            return Vec::new();
        }
        self.modules.ids.clone()
    }

    /// A record of the module at `module` (an index into what [`Loading::start_records`]
    /// gave) held by the person whose id is `person`, done or not. Runs once a record,
    /// tens of thousands of times: the person is found by their id's bytes, by a fast
    /// hash.
    pub fn record(&mut self, module: usize, person: &[u8], is_done: bool) {
        let Some(&member) = self.member_index.get(person) else {
            return;
        };
        let word = member * self.words + module / 64;
        let bit = 1u64 << (module % 64);
        self.held[word] |= bit;
        if is_done {
            self.done[word] |= bit;
        }
    }

    pub fn finish(self) -> Standing {
        let reaches_place = self
            .reaches
            .iter()
            .map(|reach| self.place_names.iter().map(|d| reach.includes(d)).collect())
            .collect();
        let places = self.place_names.len();
        let mut cohort_members = vec![Vec::new(); self.by_name.len() * places];
        for (person, member) in self.members.iter().enumerate() {
            cohort_members[member.role * places + member.place].push(person);
        }
        Standing {
            places,
            cohort_members,
            directory_rank: OnceLock::new(),
            reaches_place,
            rollouts: self.rollouts.ids,
            roles: self.by_name,
            modules: self.modules,
            needs: self.needs,
            members: self.members,
            member_index: self.member_index,
            words: self.words.max(1),
            held: self.held,
            done: self.done,
        }
    }
}
