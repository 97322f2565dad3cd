//! Reading where everyone stands on the training required of them: the requirements in
//! view, the roles and people they apply to, and those people's records, fed a row at a
//! time into the counting in [`super::super::standing`] and [`super::super::history`].

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::super::history::{completion_from, progress_from};
use super::super::sites::{place_key, Reach};
use super::super::standing::{Loading, Read, Standing};
use super::super::{RoleCompletion, TrainingProgress};
use super::{directory, records, requirements};
use crate::store::Reads;
use crate::Result;

/// Every column [`load`] reads, so that where everyone stands is kept while none of them
/// changes ([`crate::store::Kept`]): a test checks the list against the columns its
/// queries ask SQLite for.
pub(crate) const READS: Reads = Reads {
    name: "standing",
    tables: &[
        (
            "training_requirements",
            &[
                "rollout_id",
                "role_id",
                "module_id",
                "due_date",
                "sites",
                "deleted_at",
            ],
        ),
        ("rollouts", &["id", "sites", "deleted_at"]),
        ("training_modules", &["id", "deleted_at"]),
        ("roles", &["id", "name"]),
        // Through the `trainees` view, which selects every column: any change counts.
        ("people", &[]),
        ("training_records", &["person_id", "module_id", "status"]),
    ],
    pointed_at: &[],
};

/// The requirements of one rollout (or every live one), the people they apply to and
/// — as `read` asks — those people's records of the modules required.
pub(crate) fn load(conn: &Connection, rollout_id: Option<&str>, read: Read) -> Result<Standing> {
    let mut loading = Loading::default();
    requirements::each_need(conn, rollout_id, |rollout, role, module, due, sites| {
        loading.need(rollout, role, module, due, sites)
    })?;
    loading.start_roles();
    directory::each_role(conn, |id, name| loading.role(id, name))?;
    loading.end_roles();
    // Counts need no names: Home and readiness read none (a thousand people's).
    directory::each_member(
        conn,
        read != Read::DoneOnly,
        |id, role, department, name| loading.member(id, role, department, name),
    )?;
    let modules = loading.start_records();
    if read != Read::Nothing && !modules.is_empty() {
        // Those done are enough to tell who is trained and who is overdue (a missing
        // record counts as not done); the matrix also counts the others.
        records::each_holder(conn, &modules, true, |module, person| {
            loading.record(module, person, true)
        })?;
        if read == Read::Every {
            records::each_holder(conn, &modules, false, |module, person| {
                loading.record(module, person, false)
            })?;
        }
    }
    Ok(loading.finish())
}

/// The trained % of `rollout_id` as of each of `dates` (in the same order), read back
/// from the completion dates on the records (see [`super::super::history`]).
pub(crate) fn progress_on(
    conn: &Connection,
    rollout_id: &str,
    dates: &[NaiveDate],
) -> Result<Vec<TrainingProgress>> {
    Ok(progress_from(&completion_on(conn, rollout_id, dates)?))
}

/// Completion per role of `rollout_id` as of each of `dates` (in the same order), read
/// back from the completion dates on the records: what readiness weighed on those days.
pub(crate) fn completion_on(
    conn: &Connection,
    rollout_id: &str,
    dates: &[NaiveDate],
) -> Result<Vec<Vec<RoleCompletion>>> {
    // The requirements as (role, module, due date, where they apply).
    let mut needs: Vec<(String, String, NaiveDate, Reach)> = Vec::new();
    requirements::each_need(conn, Some(rollout_id), |_, role, module, due, sites| {
        let reach = Reach::from_json(sites).unwrap_or_default();
        needs.push((role.to_owned(), module.to_owned(), due, reach));
    })?;
    // Required modules per cohort (role and place), each with its earliest due date,
    // worked out once for each cohort the people fall in.
    let mut required: HashMap<String, HashMap<String, NaiveDate>> = HashMap::new();
    let mut people: Vec<(String, String, String)> = Vec::new();
    directory::each_member(conn, false, |id, role, department, _| {
        let cohort = format!("{role}\u{1f}{}", place_key(department));
        let modules = required.entry(cohort.clone()).or_insert_with(|| {
            let mut modules: HashMap<String, NaiveDate> = HashMap::new();
            for (_, module, due, _) in needs
                .iter()
                .filter(|(r, _, _, reach)| r == role && reach.includes(department))
            {
                modules
                    .entry(module.clone())
                    .and_modify(|d| *d = (*d).min(*due))
                    .or_insert(*due);
            }
            modules
        });
        if !modules.is_empty() {
            people.push((id.to_owned(), role.to_owned(), cohort));
        }
    })?;
    let done = records::done_dates(conn)?;
    let mut roles: Vec<(String, String)> = Vec::new();
    directory::each_role(conn, |id, name| {
        roles.push((id.to_owned(), name.to_owned()))
    })?;
    Ok(completion_from(&required, &done, &people, &roles, dates))
}
