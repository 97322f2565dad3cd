//! The escalation table across the library: every exception of every SOP — what
//! triggers it, whom it goes to and within what time — with its SOP and step, the
//! "escalation path" IT and clinical leads ask for in one table. Filterable by role
//! (the step's role or whom it is escalated to) and by rollout (the SOPs a rollout
//! introduces or changes).
//!
//! Each SOP is read as it stands in force today (its approved version), or as its
//! draft when no version is approved yet, as the library binder prints it. The time
//! limit is read once here with the map's own reader ([`read_time_limit`]), so the
//! table, its PDF and its workbook say "within 15 minutes" exactly as the map's arrow
//! does. The SQL is in `store/`.

mod rows;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{links, revisions, sops};
use super::SopStatus;
use crate::{Result, Store};

pub use rows::EscalationRow;

/// Which exceptions the table shows; empty fields show every one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct EscalationFilter {
    /// A role, matched without regard to case against the step's role and whom the
    /// exception is escalated to.
    pub role: Option<String>,
    /// A rollout's id: only the SOPs it introduces or changes.
    pub rollout_id: Option<String>,
}

/// A rollout a person can filter by: one that links to at least one SOP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EscalationRollout {
    pub id: String,
    pub name: String,
}

/// The table, with what it can be filtered by and what the filter left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EscalationTable {
    pub rows: Vec<EscalationRow>,
    /// Every role named in the library's exceptions (steps' roles and escalation
    /// targets), in alphabetical order: the role filter's choices.
    pub roles: Vec<String>,
    /// The rollouts that link to SOPs with exceptions: the rollout filter's choices.
    pub rollouts: Vec<EscalationRollout>,
    /// How many exceptions the library holds before the filter.
    pub total: usize,
    /// One sentence saying what is shown: "12 exceptions across 5 SOPs", and the filter.
    pub summary: String,
    /// Exceptions without a time limit Rollplan can read (a limit nobody can measure).
    pub unreadable_limits: usize,
}

impl Store {
    /// The escalation table of the library as it stands on `today`, filtered.
    pub fn escalation_table(
        &self,
        filter: &EscalationFilter,
        today: NaiveDate,
    ) -> Result<EscalationTable> {
        let all = self.read(|conn| {
            let mut all = Vec::new();
            for head in sops::list_heads(conn, false)? {
                if head.status == SopStatus::Retired {
                    continue;
                }
                let (sop, in_force) = match revisions::in_force_on(conn, &head.id, today)? {
                    Some(revision) => (revision.snapshot, true),
                    None => (sops::fetch(conn, &head.id)?, false),
                };
                if sop.exceptions.is_empty() {
                    continue;
                }
                let linked = links::linked_rollouts(conn, &head.id)?;
                all.extend(rows::of_sop(&head.id, &sop, in_force, &linked));
            }
            Ok(all)
        })?;
        Ok(table(all, filter))
    }
}

/// The rows `filter` keeps, with the filter's choices drawn from all of them.
pub(crate) fn table(all: Vec<EscalationRow>, filter: &EscalationFilter) -> EscalationTable {
    let mut roles: Vec<String> = Vec::new();
    let mut rollouts: Vec<EscalationRollout> = Vec::new();
    for row in &all {
        for role in [&row.step_role, &row.escalate_to] {
            let role = role.trim();
            if !role.is_empty() && !roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
                roles.push(role.to_owned());
            }
        }
        for (id, name) in row.rollout_ids.iter().zip(&row.rollouts) {
            if !rollouts.iter().any(|r| &r.id == id) {
                rollouts.push(EscalationRollout {
                    id: id.clone(),
                    name: name.clone(),
                });
            }
        }
    }
    roles.sort_by_key(|r| r.to_lowercase());
    rollouts.sort_by_key(|r| r.name.to_lowercase());
    let total = all.len();
    let role = filter
        .role
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let rollout = filter.rollout_id.as_deref().filter(|r| !r.is_empty());
    let rows: Vec<EscalationRow> = all
        .into_iter()
        .filter(|row| {
            role.is_none_or(|role| {
                row.step_role.trim().eq_ignore_ascii_case(role)
                    || row.escalate_to.trim().eq_ignore_ascii_case(role)
            })
        })
        .filter(|row| rollout.is_none_or(|id| row.rollout_ids.iter().any(|r| r == id)))
        .collect();
    let mut sops: Vec<&str> = rows.iter().map(|r| r.sop_id.as_str()).collect();
    sops.sort_unstable();
    sops.dedup();
    let mut summary = format!(
        "{} across {}",
        super::map::plural(rows.len(), "exception"),
        super::map::plural(sops.len(), "SOP")
    );
    if let Some(role) = role {
        summary.push_str(&format!(" · role: {role}"));
    }
    if let Some(id) = rollout {
        let name = rollouts
            .iter()
            .find(|r| r.id == id)
            .map_or("a rollout with no SOP exceptions", |r| r.name.as_str());
        summary.push_str(&format!(" · rollout: {name}"));
    }
    EscalationTable {
        unreadable_limits: rows.iter().filter(|r| r.limit_flag.is_some()).count(),
        rows,
        roles,
        rollouts,
        total,
        summary,
    }
}
