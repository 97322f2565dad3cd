//! The reads that checking and describing a task makes — does the rollout exist, is the
//! phase one of its plan, who is the owner — remembered over a run of inserts into one
//! plan in one transaction. An imported plan names the same rollout on every row, a
//! handful of phases and the same owners again and again; asked once each, the checks
//! stay the same and stop costing a query per row. A single edit uses a fresh set.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection};

use crate::people;
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

impl Lookups {
    /// [`super::require_rollout`], once per rollout.
    pub(crate) fn require_rollout(&mut self, conn: &Connection, rollout_id: &str) -> Result<()> {
        if !self.rollouts.contains(rollout_id) {
            crate::rollouts::require_rollout(conn, rollout_id)?;
            self.rollouts.insert(rollout_id.to_owned());
        }
        Ok(())
    }

    /// Whether `phase_id` is a phase (not in the trash) of the rollout's plan.
    pub(crate) fn is_live_phase(
        &mut self,
        conn: &Connection,
        phase_id: &str,
        rollout_id: &str,
    ) -> Result<bool> {
        let key = (phase_id.to_owned(), rollout_id.to_owned());
        if let Some(&live) = self.live_phases.get(&key) {
            return Ok(live);
        }
        let live: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM plan_phases
                 WHERE id = ?1 AND rollout_id = ?2 AND deleted_at IS NULL)",
            )?
            .query_row(params![phase_id, rollout_id], |row| row.get(0))?;
        self.live_phases.insert(key, live);
        Ok(live)
    }

    /// A phase's name, for the history; empty for no phase.
    pub(crate) fn phase_name(
        &mut self,
        conn: &Connection,
        phase_id: Option<&str>,
    ) -> Result<String> {
        let Some(id) = phase_id else {
            return Ok(String::new());
        };
        if let Some(name) = self.phase_names.get(id) {
            return Ok(name.clone());
        }
        let name: String = conn
            .prepare_cached("SELECT name FROM plan_phases WHERE id = ?1")?
            .query_row(params![id], |row| row.get(0))?;
        self.phase_names.insert(id.to_owned(), name.clone());
        Ok(name)
    }

    /// [`people::resolve_owner`], once per way of writing an owner. The person found
    /// is remembered by name too, for [`Lookups::owner_name`].
    pub(crate) fn resolve_owner(
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
    pub(crate) fn owner_name(
        &mut self,
        conn: &Connection,
        person_id: Option<&str>,
    ) -> Result<String> {
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
