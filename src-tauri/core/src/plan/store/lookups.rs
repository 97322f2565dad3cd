//! The reads that checking and describing a task makes — does the rollout exist, is the
//! phase one of its plan, who is the owner, what are the phase and owner called —
//! remembered over a run of inserts into one plan in one transaction. An imported plan
//! names the same rollout on every row, a handful of phases and the same owners again
//! and again; asked once each, the checks stay the same and stop costing a query per
//! row. A single edit uses a fresh set.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::phases;
use crate::people;
use crate::plan::validate::{phase_of, TaskRefs};
use crate::plan::TaskDraft;
use crate::{FieldError, Result};

/// Answers remembered for the life of one run of writes. Nothing in such a run removes
/// a rollout, moves or renames a phase, or changes the staff directory, so an answer
/// stays true until the run ends.
#[derive(Default)]
pub(crate) struct Lookups {
    rollouts: HashSet<String>,
    /// (phase id, rollout id) → whether it is a live phase of that rollout's plan.
    live_phases: HashMap<(String, String), bool>,
    phase_names: HashMap<String, String>,
    /// An owner as typed → the person it names, or why it names nobody.
    owners: HashMap<String, std::result::Result<Option<String>, FieldError>>,
    owner_names: HashMap<String, String>,
}

/// The names a task's history shows for its phase and owner; empty for none.
pub(crate) struct TaskNames {
    pub phase: String,
    pub owner: String,
}

impl Lookups {
    /// [`crate::rollouts::require_rollout`], once per rollout.
    pub(crate) fn require_rollout(&mut self, conn: &Connection, rollout_id: &str) -> Result<()> {
        if !self.rollouts.contains(rollout_id) {
            crate::rollouts::require_rollout(conn, rollout_id)?;
            self.rollouts.insert(rollout_id.to_owned());
        }
        Ok(())
    }

    /// What checking `draft` for the rollout's plan needs to know (see
    /// [`crate::plan::validate::validate`]).
    pub(crate) fn refs(
        &mut self,
        conn: &Connection,
        rollout_id: &str,
        draft: &TaskDraft,
    ) -> Result<TaskRefs> {
        let phase_is_live = match phase_of(draft) {
            Some(phase) => self.is_live_phase(conn, phase, rollout_id)?,
            None => true,
        };
        Ok(TaskRefs {
            phase_is_live,
            owner: self.resolve_owner(conn, &draft.owner)?,
        })
    }

    /// The names of a task's phase and owner, for its history.
    pub(crate) fn names(
        &mut self,
        conn: &Connection,
        phase_id: Option<&str>,
        owner_id: Option<&str>,
    ) -> Result<TaskNames> {
        Ok(TaskNames {
            phase: self.phase_name(conn, phase_id)?,
            owner: self.owner_name(conn, owner_id)?,
        })
    }

    /// Whether `phase_id` is a phase (not in the trash) of the rollout's plan.
    fn is_live_phase(
        &mut self,
        conn: &Connection,
        phase_id: &str,
        rollout_id: &str,
    ) -> Result<bool> {
        let key = (phase_id.to_owned(), rollout_id.to_owned());
        if let Some(&live) = self.live_phases.get(&key) {
            return Ok(live);
        }
        let live = phases::is_live(conn, phase_id, rollout_id)?;
        self.live_phases.insert(key, live);
        Ok(live)
    }

    /// A phase's name, for the history; empty for no phase.
    fn phase_name(&mut self, conn: &Connection, phase_id: Option<&str>) -> Result<String> {
        let Some(id) = phase_id else {
            return Ok(String::new());
        };
        if let Some(name) = self.phase_names.get(id) {
            return Ok(name.clone());
        }
        let name = phases::name_of(conn, id)?;
        self.phase_names.insert(id.to_owned(), name.clone());
        Ok(name)
    }

    /// [`people::resolve_owner`], once per way of writing an owner. The person found
    /// is remembered by name too, for [`Lookups::owner_name`].
    fn resolve_owner(
        &mut self,
        conn: &Connection,
        owner: &str,
    ) -> Result<std::result::Result<Option<String>, FieldError>> {
        if let Some(found) = self.owners.get(owner) {
            return Ok(found.clone());
        }
        let found = people::find_owner(conn, owner)?.map(|person| {
            person.map(|(id, name)| {
                self.owner_names.insert(id.clone(), name);
                id
            })
        });
        self.owners.insert(owner.to_owned(), found.clone());
        Ok(found)
    }

    /// [`people::owner_name`], once per person.
    fn owner_name(&mut self, conn: &Connection, person_id: Option<&str>) -> Result<String> {
        let Some(id) = person_id else {
            return Ok(String::new());
        };
        if let Some(name) = self.owner_names.get(id) {
            return Ok(name.clone());
        }
        let name = people::owner_name(conn, Some(id))?;
        self.owner_names.insert(id.to_owned(), name.clone());
        Ok(name)
    }
}
