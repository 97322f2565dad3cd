//! A rollout's trained % on past dates, read back from the completion dates on the
//! training records — so a "Training completion" series drawn from the records says
//! what the records say, date by date.
//!
//! Today's requirements and today's active people are used for every date (the records
//! keep no history of who was required when): the series answers "of the people who
//! must be trained now, how many had finished by then?". An excused (waived) module
//! counts as done from the start; a completed one from its completion date. The rows
//! are read by [`super::store::standing::progress_on`]; this counts them.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{trained_percent, RoleCompletion, TrainingProgress};

/// Completion per role as of each of `dates`: `required` holds the modules each cohort
/// (a role at a place: see [`super::standing`]) needs with their earliest due date,
/// `done` when each (person, module) was done, `people` each active person something is
/// required of (id, role id, cohort), and `roles` every role (id, name) in the order
/// lines are wanted. Roles with nobody in them are left
/// out, as [`super::standing::Standing::completion`] leaves them out today.
pub(super) fn completion_from(
    required: &HashMap<String, HashMap<String, NaiveDate>>,
    done: &HashMap<(String, String), NaiveDate>,
    people: &[(String, String, String)],
    roles: &[(String, String)],
    dates: &[NaiveDate],
) -> Vec<Vec<RoleCompletion>> {
    dates
        .iter()
        .map(|&date| {
            // (people, trained, overdue) per role id.
            let mut counts: HashMap<&str, (i64, i64, i64)> = HashMap::new();
            for (person, role, cohort) in people {
                let modules = &required[cohort];
                let done_by = |module: &String| {
                    done.get(&(person.clone(), module.clone()))
                        .is_some_and(|on| *on <= date)
                };
                let line = counts.entry(role.as_str()).or_default();
                line.0 += 1;
                line.1 += i64::from(modules.keys().all(done_by));
                line.2 += i64::from(
                    modules
                        .iter()
                        .any(|(module, due)| *due < date && !done_by(module)),
                );
            }
            roles
                .iter()
                .filter_map(|(id, name)| {
                    let (people, trained, overdue) = *counts.get(id.as_str())?;
                    Some(RoleCompletion {
                        role_id: id.clone(),
                        role_name: name.clone(),
                        people,
                        trained,
                        overdue,
                        percent: trained_percent(trained, people),
                    })
                })
                .collect()
        })
        .collect()
}

/// The trained % as of each of `dates`, summed over the roles of [`completion_from`].
pub(super) fn progress_from(completion: &[Vec<RoleCompletion>]) -> Vec<TrainingProgress> {
    completion
        .iter()
        .map(|roles| TrainingProgress::of_roles(roles))
        .collect()
}
