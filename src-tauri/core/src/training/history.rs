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

use super::TrainingProgress;

/// The trained % as of each of `dates`: `required` holds the modules each role needs
/// with their earliest due date, `done` when each (person, module) was done, `people`
/// each active person in a role that needs any (id, role id).
pub(super) fn progress_from(
    required: &HashMap<String, HashMap<String, NaiveDate>>,
    done: &HashMap<(String, String), NaiveDate>,
    people: &[(String, String)],
    dates: &[NaiveDate],
) -> Vec<TrainingProgress> {
    dates
        .iter()
        .map(|&date| {
            let (mut trained, mut overdue) = (0, 0);
            for (person, role) in people {
                let modules = &required[role];
                let done_by = |module: &String| {
                    done.get(&(person.clone(), module.clone()))
                        .is_some_and(|on| *on <= date)
                };
                trained += i64::from(modules.keys().all(done_by));
                overdue += i64::from(
                    modules
                        .iter()
                        .any(|(module, due)| *due < date && !done_by(module)),
                );
            }
            TrainingProgress::new(people.len() as i64, trained, overdue)
        })
        .collect()
}
