//! The people × modules matrix, a page of people at a time, and completion per role
//! for a rollout's readiness. Totals are counted over every matching person from the
//! bits of [`super::standing`], so a page never has to load the whole directory's
//! 40,000 records; only the page's own records are read in full.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::standing::{Read, Standing};
use super::store::{modules, records, standing};
use super::{RecordStatus, TrainingModule, TrainingProgress};
use crate::store::Conn;
use crate::{Result, Store};

/// One person's standing on one module.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MatrixCell {
    pub record_id: String,
    pub status: RecordStatus,
    /// When the module is due for this person (the earliest requirement that applies).
    pub due_date: Option<NaiveDate>,
    /// Not completed or waived, and past its due date.
    pub overdue: bool,
    pub completed_on: Option<NaiveDate>,
    pub row_version: i64,
}

/// One person's line of the matrix; `cells` follow the matrix's modules, `None` where
/// the module is not required of them.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MatrixRow {
    pub person_id: String,
    pub name: String,
    pub role_name: Option<String>,
    pub department: String,
    pub cells: Vec<Option<MatrixCell>>,
}

/// Which part of the matrix to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct MatrixFilter {
    /// One rollout's requirements, or every live rollout's.
    pub rollout_id: Option<String>,
    pub role_id: Option<String>,
    pub department: Option<String>,
    /// The page: people `offset..offset + limit` in name order.
    pub offset: i64,
    /// At most this many people (0 means the default page of 100).
    pub limit: i64,
}

/// Who has done which training.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TrainingMatrix {
    pub modules: Vec<TrainingModule>,
    /// This page of people.
    pub rows: Vec<MatrixRow>,
    /// People matching the filter, on every page.
    pub people: i64,
    /// Required cells over every matching person, and how many are done (completed or
    /// waived) or overdue.
    pub required: i64,
    pub done: i64,
    pub overdue: i64,
    /// How many of the matching people are trained: every module in view that their
    /// role requires done (see [`TrainingProgress`]).
    pub progress: TrainingProgress,
}

/// Training completion of one role for one rollout ("Front desk: 14 of 18 trained; 4 overdue").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoleCompletion {
    pub role_id: String,
    pub role_name: String,
    /// Active people in the role.
    pub people: i64,
    /// People who have completed (or been excused from) every module required of the role.
    pub trained: i64,
    /// People with at least one required module past its due date.
    pub overdue: i64,
    /// `trained` of `people` as a whole percent, as [`super::trained_percent`] rounds it.
    pub percent: i64,
}

const DEFAULT_PAGE: i64 = 100;

impl Store {
    /// A page of the matrix, with totals over every person the filter matches.
    pub fn training_matrix(
        &self,
        filter: &MatrixFilter,
        today: NaiveDate,
    ) -> Result<TrainingMatrix> {
        let limit = if filter.limit > 0 {
            filter.limit
        } else {
            DEFAULT_PAGE
        };
        let page =
            |conn: &Conn, standing: &Standing| matrix_page(conn, standing, filter, limit, today);
        match filter.rollout_id.as_deref() {
            // Every live rollout's: the standing kept from the last read while nothing it
            // reads has changed, so paging and filtering do not count it all again.
            None => self.read_every_standing(page),
            // One rollout's: from the kept standing of every rollout, narrowed to its
            // requirements, while that is kept; else read for this rollout alone.
            Some(rollout_id) => self.read_if_kept(
                |store| &store.kept.every_standing,
                |conn, kept| match kept {
                    Some(every) => page(conn, &every.of_rollout(rollout_id)),
                    None => page(conn, &standing::load(conn, Some(rollout_id), Read::Every)?),
                },
            ),
        }
    }

    /// Completion per role for a rollout, by role name.
    pub fn rollout_training_completion(
        &self,
        rollout_id: &str,
        today: NaiveDate,
    ) -> Result<Vec<RoleCompletion>> {
        self.read_with_completion(rollout_id, today, |_, completion| Ok(completion.to_vec()))
    }
}

/// One page of the matrix from `standing`, with totals over every person the filter
/// matches; only the page's own records are read.
fn matrix_page(
    conn: &Conn,
    standing: &Standing,
    filter: &MatrixFilter,
    limit: i64,
    today: NaiveDate,
) -> Result<TrainingMatrix> {
    let due = standing.earliest_due(|_| true);
    let in_view: HashSet<&str> = standing
        .modules_required()
        .into_iter()
        .map(|module| standing.module_id(module))
        .collect();
    let modules: Vec<TrainingModule> = modules::list_live(conn)?
        .into_iter()
        .filter(|m| in_view.contains(m.id.as_str()))
        .collect();
    let mut matching = standing.matching(filter.role_id.as_deref(), filter.department.as_deref());
    let (required, done, overdue) = standing.totals(&matching, today);
    let progress = standing.progress(&matching, today);

    // The page: by family name as the directory orders it, then by id.
    let people = matching.len() as i64;
    let members = &standing.members;
    let rank = standing.directory_rank();
    matching.sort_by_key(|&person| rank[person]);
    let page: Vec<usize> = matching
        .into_iter()
        .skip(usize::try_from(filter.offset).unwrap_or(0))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect();
    let mut rows: Vec<MatrixRow> = page
        .iter()
        .map(|&person| {
            let member = &members[person];
            MatrixRow {
                person_id: member.id.clone(),
                name: member.name.clone(),
                role_name: Some(standing.roles[member.role].1.clone()),
                department: member.department.clone(),
                cells: vec![None; modules.len()],
            }
        })
        .collect();

    // Fill this page's cells: one query for the page's records.
    let ids: Vec<String> = rows.iter().map(|row| row.person_id.clone()).collect();
    let row_of: HashMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    let column_of: HashMap<&str, usize> = modules
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let cells = records::of_people(conn, &ids, |person_id, module_id| {
        let (&row, &column) = (row_of.get(person_id)?, column_of.get(module_id)?);
        let module = standing.module_index(module_id)?;
        let due_date = *due.get(&(standing.cohort(&members[page[row]]), module))?;
        Some((row, column, due_date))
    })?;
    for ((row, column, due_date), record) in cells {
        rows[row].cells[column] = Some(MatrixCell {
            record_id: record.id,
            status: record.status,
            due_date: Some(due_date),
            overdue: !record.status.is_done() && due_date < today,
            completed_on: record.completed_on,
            row_version: record.row_version,
        });
    }
    Ok(TrainingMatrix {
        modules,
        rows,
        people,
        required,
        done,
        overdue,
        progress,
    })
}

/// [`Store::rollout_training_completion`] inside a caller's transaction.
pub(crate) fn completion_in(
    conn: &crate::store::Conn,
    rollout_id: &str,
    today: NaiveDate,
) -> Result<Vec<RoleCompletion>> {
    let standing = standing::load(conn, Some(rollout_id), Read::DoneOnly)?;
    // Only this rollout's requirements were read: it is the first and only one, or
    // there is none (no requirements, or the rollout is in the trash).
    Ok(match standing.rollouts.is_empty() {
        true => Vec::new(),
        false => standing.completion(0, today),
    })
}

/// Completion per role for every live rollout with required training, as (rollout id,
/// completion), read in one pass over the records: Home shows it, and a roster import
/// weighs what it does to all of them.
pub(crate) fn completion_of_every_rollout(
    conn: &crate::store::Conn,
    today: NaiveDate,
) -> Result<Vec<(String, Vec<RoleCompletion>)>> {
    let standing = standing::load(conn, None, Read::DoneOnly)?;
    Ok(standing
        .rollouts
        .iter()
        .enumerate()
        .map(|(index, id)| (id.clone(), standing.completion(index, today)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rollout's matrix counted from the kept standing of every rollout is the one
    /// read for that rollout alone, page by page and role by role.
    #[test]
    fn a_rollouts_matrix_from_the_kept_standing_is_the_one_read_for_it_alone() {
        let store = Store::open_in_memory().expect("store");
        let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        let rollouts = crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
        let every = store
            .training_matrix(&MatrixFilter::default(), today)
            .expect("every rollout's, kept");
        assert!(every.required > 0, "the sample clinic requires training");
        let roles = store.list_roles().expect("roles");
        let role_filters = std::iter::once(None).chain(roles.iter().map(|r| Some(r.id.clone())));
        let mut compared = 0;
        for rollout in &rollouts {
            for role_id in role_filters.clone() {
                for offset in [0, 2] {
                    let filter = MatrixFilter {
                        rollout_id: Some(rollout.id.clone()),
                        role_id: role_id.clone(),
                        offset,
                        limit: 2,
                        ..MatrixFilter::default()
                    };
                    let kept = store.training_matrix(&filter, today).expect("kept");
                    let alone = store
                        .read(|conn| {
                            let alone = standing::load(conn, Some(&rollout.id), Read::Every)?;
                            matrix_page(conn, &alone, &filter, 2, today)
                        })
                        .expect("alone");
                    assert_eq!(kept, alone, "{}: {filter:?}", rollout.name);
                    compared += usize::from(!kept.rows.is_empty());
                }
            }
        }
        assert!(compared > 4, "pages with people were compared ({compared})");
        assert_eq!(
            store.kept.every_standing.loads(),
            1,
            "every rollout's page came from the kept standing"
        );
    }
}
