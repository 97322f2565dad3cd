//! Lists of training by due date: what is overdue or due soon across the clinic, and
//! everything required of one person across rollouts.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::standing::{Read, Standing};
use super::store::{modules, records, standing};
use super::RecordStatus;
use crate::store::rows::nocase_key;
use crate::store::Conn;
use crate::{Result, Store};

/// One person's required module, with where they stand on it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DueTraining {
    pub record_id: String,
    pub person_id: String,
    pub person_name: String,
    pub role_name: Option<String>,
    pub module_id: String,
    pub module_title: String,
    pub status: RecordStatus,
    pub due_date: NaiveDate,
    pub overdue: bool,
    pub completed_on: Option<NaiveDate>,
    pub row_version: i64,
}

/// The Training screen's due list: the first of what is overdue and of what falls due
/// soon, each with how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DuePage {
    /// Overdue training, soonest first, at most the `limit` asked for.
    pub overdue: Vec<DueTraining>,
    pub overdue_total: u32,
    /// Training falling due within the days asked for, soonest first, at most `limit`.
    pub soon: Vec<DueTraining>,
    pub soon_total: u32,
}

impl Store {
    /// The first `overdue_limit` overdue and `soon_limit` soon-due entries of
    /// [`Store::training_due`], with how many there are of each: a health group's list
    /// holds tens of thousands, and a screen draws a page of it.
    pub fn training_due_page(
        &self,
        rollout_id: Option<&str>,
        today: NaiveDate,
        within_days: u64,
        (overdue_limit, soon_limit): (u32, u32),
    ) -> Result<DuePage> {
        let (overdue, soon): (Vec<_>, Vec<_>) = self
            .training_due(rollout_id, today, within_days)?
            .into_iter()
            .partition(|item| item.overdue);
        let total = |list: &Vec<DueTraining>| u32::try_from(list.len()).unwrap_or(u32::MAX);
        let first = |list: Vec<DueTraining>, limit: u32| -> Vec<DueTraining> {
            list.into_iter().take(limit as usize).collect()
        };
        Ok(DuePage {
            overdue_total: total(&overdue),
            soon_total: total(&soon),
            overdue: first(overdue, overdue_limit),
            soon: first(soon, soon_limit),
        })
    }

    /// Training not yet done that is overdue or due within `within_days` of `today`,
    /// soonest first — for one rollout, or every live rollout.
    pub fn training_due(
        &self,
        rollout_id: Option<&str>,
        today: NaiveDate,
        within_days: u64,
    ) -> Result<Vec<DueTraining>> {
        let horizon = today
            .checked_add_days(Days::new(within_days))
            .unwrap_or(today);
        let list = |conn: &Conn, standing: &Standing| {
            let due = standing.earliest_due(|_| true);
            let titles = modules::live_titles(conn)?;
            let mut open = records::open_due_by(conn, rollout_id, horizon, |person, module_id| {
                let person = standing.member_index(person)?;
                let module = standing.module_index(module_id)?;
                let member = &standing.members[person];
                let due_date = *due
                    .get(&(standing.cohort(member), module))
                    .filter(|&&d| d <= horizon)?;
                Some((person, module, due_date))
            })?;
            // In the order a person's list comes in, then by ids, so that two people of
            // the same name keep one order. Names and titles are folded once a person
            // and a module, not once an entry: the list can hold tens of thousands.
            let title = |module: usize| {
                titles
                    .get(standing.module_id(module))
                    .map_or("", String::as_str)
            };
            let mut name_keys: Vec<Option<Vec<u8>>> = vec![None; standing.members.len()];
            let mut title_keys: Vec<Option<Vec<u8>>> = Vec::new();
            for ((person, module, _), _) in &open {
                name_keys[*person]
                    .get_or_insert_with(|| nocase_key(&standing.members[*person].name));
                if title_keys.len() <= *module {
                    title_keys.resize(module + 1, None);
                }
                title_keys[*module].get_or_insert_with(|| nocase_key(title(*module)));
            }
            let key = |&(person, module, due_date): &(usize, usize, NaiveDate)| {
                (
                    due_date,
                    name_keys[person].as_deref(),
                    title_keys[module].as_deref(),
                    standing.members[person].id.as_str(),
                    standing.module_id(module),
                )
            };
            open.sort_by(|(a, _), (b, _)| key(a).cmp(&key(b)));
            Ok(open
                .into_iter()
                .map(|((person, module, due_date), record)| {
                    let member = &standing.members[person];
                    DueTraining {
                        record_id: record.id,
                        person_id: member.id.clone(),
                        person_name: member.name.clone(),
                        role_name: Some(standing.roles[member.role].1.clone()),
                        module_title: title(module).to_owned(),
                        module_id: standing.module_id(module).to_owned(),
                        overdue: !record.status.is_done() && due_date < today,
                        status: record.status,
                        due_date,
                        completed_on: record.completed_on,
                        row_version: record.row_version,
                    }
                })
                .collect())
        };
        match rollout_id {
            // Every live rollout's: the standing kept while nothing it reads has changed.
            None => self.read_every_standing(list),
            Some(_) => {
                self.read(|conn| list(conn, &standing::load(conn, rollout_id, Read::Nothing)?))
            }
        }
    }

    /// Everything required of one person by the live rollouts, soonest first.
    pub fn person_training(&self, person_id: &str, today: NaiveDate) -> Result<Vec<DueTraining>> {
        let found = self.read(|conn| records::of_person_due(conn, person_id))?;
        Ok(found
            .into_iter()
            .map(|(due, record)| DueTraining {
                record_id: record.id,
                person_id: due.person_id,
                person_name: due.person_name,
                role_name: due.role_name,
                module_id: due.module_id,
                module_title: due.module_title,
                overdue: !record.status.is_done() && due.due_date < today,
                status: record.status,
                due_date: due.due_date,
                completed_on: record.completed_on,
                row_version: record.row_version,
            })
            .collect())
    }
}
