//! What the values of a roster's role and status columns mean, settled once per value
//! before any row is applied: each job title maps to a role (the person's choice, one
//! remembered from an earlier import, the role of that name, a suggestion, or a new
//! role), and each employment status to working here or left (understood, remembered,
//! chosen, or still to be asked). The preview reports them; the import remembers the
//! choices for next month's file.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::statuses::{known_status, normalise};
use super::titles::suggest_role;
use super::{RosterMapping, StatusChoice, TitleChoice};
use crate::import::Table;
use crate::people::store::roster_memory as memory;
use crate::store::Tx;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result};

/// How a job title's role was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TitleBasis {
    /// The person picked it for this import.
    Chosen,
    /// Picked in an earlier import.
    Remembered,
    /// The directory has a role of exactly that name.
    SameName,
    /// The role whose words the title shares; shown for the person to confirm.
    Suggested,
    /// No role matched: a new role named after the title.
    NewRole,
}

/// One job title of the file and the role it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TitleReport {
    pub title: String,
    /// Rows of the file with this title.
    pub people: usize,
    /// The directory's role; `None` for a new role named after the title.
    pub role_id: Option<String>,
    /// The role's name (the title, for a new role).
    pub role_name: String,
    pub basis: TitleBasis,
}

/// How an employment status's meaning was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatusBasis {
    /// A status HR systems write that Rollplan understands ("Leave of Absence").
    Known,
    Remembered,
    Chosen,
    /// Not known: the import waits until the person says what it means.
    Unknown,
}

/// One employment status of the file and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusReport {
    pub status: String,
    pub rows: usize,
    /// Whether people with this status still work here; `None` while undecided.
    pub active: Option<bool>,
    pub basis: StatusBasis,
}

/// The settled meanings, looked up row by row.
pub(super) struct Meanings {
    /// By title in lower case: the role, or `None` for a new role.
    titles: HashMap<String, Option<String>>,
    /// By normalised status.
    statuses: HashMap<String, Option<bool>>,
    pub(super) title_reports: Vec<TitleReport>,
    pub(super) status_reports: Vec<StatusReport>,
}

impl Meanings {
    /// Settles every title and status `table` holds, with `mapping`'s choices first, and
    /// returns the mapping completed with a choice for each.
    pub(super) fn settle(
        tx: &Tx<'_>,
        table: &Table,
        mapping: &RosterMapping,
    ) -> Result<(Self, RosterMapping)> {
        let roles: Vec<(String, String)> = crate::people::store::roles::list_with_counts(tx)?
            .into_iter()
            .map(|role| (role.id, role.name))
            .collect();
        let mut completed = mapping.clone();
        let (titles, title_reports) = settle_titles(tx, table, mapping, &roles)?;
        completed.titles = title_reports
            .iter()
            .map(|t| TitleChoice {
                title: t.title.clone(),
                role_id: t.role_id.clone(),
            })
            .collect();
        let (statuses, status_reports) = settle_statuses(tx, table, mapping)?;
        completed.statuses = status_reports
            .iter()
            .filter(|s| s.basis != StatusBasis::Known)
            .map(|s| StatusChoice {
                status: s.status.clone(),
                active: s.active,
            })
            .collect();
        let meanings = Self {
            titles,
            statuses,
            title_reports,
            status_reports,
        };
        Ok((meanings, completed))
    }

    /// The role `title` means: `Some(id)`, or `None` for a new role of that name.
    pub(super) fn role_of(&self, title: &str) -> Option<String> {
        self.titles
            .get(&title.trim().to_lowercase())
            .cloned()
            .flatten()
    }

    /// Whether `status` means working here; `None` for an empty cell or an undecided
    /// status (the person's flag is left as it is, and the import waits for a choice).
    pub(super) fn active(&self, status: &str) -> Option<bool> {
        self.statuses.get(&normalise(status)).copied().flatten()
    }

    /// The statuses still to be decided, as "'Suspended' (3 rows)".
    pub(super) fn undecided(&self) -> Vec<String> {
        self.status_reports
            .iter()
            .filter(|s| s.active.is_none())
            .map(|s| format!("'{}' ({} {})", s.status, s.rows, rows_word(s.rows)))
            .collect()
    }

    /// Remembers what the person settled for next month's file: every title whose role
    /// is not simply the one of its name (`new_roles` gives the id of each role added
    /// for a title), and every status they chose.
    pub(super) fn remember(&self, tx: &Tx<'_>, new_roles: &HashMap<String, String>) -> Result<()> {
        let at = timestamp_text(now());
        for title in &self.title_reports {
            let role_id = match (&title.role_id, title.basis) {
                (_, TitleBasis::SameName | TitleBasis::Remembered) => continue,
                (Some(id), _) => Some(id.clone()),
                (None, _) => new_roles.get(&title.title.trim().to_lowercase()).cloned(),
            };
            if let Some(role_id) = role_id {
                memory::remember_title(tx, &title.title, &role_id, &at)?;
            }
        }
        for status in &self.status_reports {
            if let (StatusBasis::Chosen, Some(active)) = (status.basis, status.active) {
                memory::remember_status(tx, &status.status, active, &at)?;
            }
        }
        Ok(())
    }
}

fn rows_word(count: usize) -> &'static str {
    if count == 1 {
        "row"
    } else {
        "rows"
    }
}

/// Each distinct non-empty value of `column`, as first written, with how many rows hold
/// it, in the order first met; `key` says which values are the same.
fn distinct_values(
    table: &Table,
    column: Option<usize>,
    key: impl Fn(&str) -> String,
) -> Vec<(String, String, usize)> {
    let mut order: Vec<(String, String, usize)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    if column.is_none() {
        return order;
    }
    for row in &table.rows {
        let value = row.cell(column).trim();
        if value.is_empty() {
            continue;
        }
        let k = key(value);
        match index.get(&k) {
            Some(&at) => order[at].2 += 1,
            None => {
                index.insert(k.clone(), order.len());
                order.push((k, value.to_owned(), 1));
            }
        }
    }
    order
}

type Settled<T, R> = (HashMap<String, T>, Vec<R>);

fn settle_titles(
    tx: &Tx<'_>,
    table: &Table,
    mapping: &RosterMapping,
    roles: &[(String, String)],
) -> Result<Settled<Option<String>, TitleReport>> {
    let remembered = memory::title_roles(tx)?;
    let chosen: HashMap<String, &TitleChoice> = mapping
        .titles
        .iter()
        .map(|c| (c.title.trim().to_lowercase(), c))
        .collect();
    let role_name = |id: &str| roles.iter().find(|r| r.0 == id).map(|r| r.1.clone());
    let mut settled = HashMap::new();
    let mut reports = Vec::new();
    for (key, title, people) in distinct_values(table, mapping.role, |v| v.to_lowercase()) {
        // What Rollplan would settle on by itself; a choice that agrees keeps that basis.
        let automatic: (Option<String>, TitleBasis) = if let Some(id) = remembered.get(&key) {
            (Some(id.clone()), TitleBasis::Remembered)
        } else if let Some(role) = roles.iter().find(|r| r.1.to_lowercase() == key) {
            (Some(role.0.clone()), TitleBasis::SameName)
        } else if let Some(role) = suggest_role(&title, roles) {
            (Some(role.0.clone()), TitleBasis::Suggested)
        } else {
            (None, TitleBasis::NewRole)
        };
        let (role_id, basis) = match chosen.get(&key) {
            Some(choice) if choice.role_id != automatic.0 => {
                (choice.role_id.clone(), TitleBasis::Chosen)
            }
            _ => automatic,
        };
        let name = match &role_id {
            Some(id) => role_name(id).ok_or_else(|| {
                CoreError::invalid(
                    "titles",
                    format!(
                        "The role chosen for '{title}' is no longer in the list: choose again."
                    ),
                )
            })?,
            None => title.clone(),
        };
        settled.insert(key, role_id.clone());
        reports.push(TitleReport {
            title,
            people,
            role_id,
            role_name: name,
            basis,
        });
    }
    Ok((settled, reports))
}

fn settle_statuses(
    tx: &Tx<'_>,
    table: &Table,
    mapping: &RosterMapping,
) -> Result<Settled<Option<bool>, StatusReport>> {
    let remembered: HashMap<String, bool> = memory::status_meanings(tx)?
        .into_iter()
        .map(|(status, active)| (normalise(&status), active))
        .collect();
    let chosen: HashMap<String, Option<bool>> = mapping
        .statuses
        .iter()
        .map(|c| (normalise(&c.status), c.active))
        .collect();
    let mut settled = HashMap::new();
    let mut reports = Vec::new();
    for (key, status, rows) in distinct_values(table, mapping.active, normalise) {
        let automatic = match known_status(&status) {
            Some(active) => (Some(active), StatusBasis::Known),
            None => match remembered.get(&key) {
                Some(&active) => (Some(active), StatusBasis::Remembered),
                None => (None, StatusBasis::Unknown),
            },
        };
        let (active, basis) = match chosen.get(&key) {
            Some(&Some(choice))
                if automatic.1 != StatusBasis::Known && Some(choice) != automatic.0 =>
            {
                (Some(choice), StatusBasis::Chosen)
            }
            _ => automatic,
        };
        settled.insert(key, active);
        reports.push(StatusReport {
            status,
            rows,
            active,
            basis,
        });
    }
    Ok((settled, reports))
}
