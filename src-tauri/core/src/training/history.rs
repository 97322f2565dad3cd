//! A rollout's trained % on past dates, read back from the completion dates on the
//! training records — so a "Training completion" series drawn from the records says
//! what the records say, date by date.
//!
//! Today's requirements and today's active people are used for every date (the records
//! keep no history of who was required when): the series answers "of the people who
//! must be trained now, how many had finished by then?". An excused (waived) module
//! counts as done from the start; a completed one from its completion date.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::standing::NEEDS;
use super::TrainingProgress;
use crate::store::rows;
use crate::Result;

/// The trained % of `rollout_id` as of each of `dates` (in the same order).
pub(crate) fn progress_on(
    conn: &Connection,
    rollout_id: &str,
    dates: &[NaiveDate],
) -> Result<Vec<TrainingProgress>> {
    // Required modules per role, each with its earliest due date.
    let mut required: HashMap<String, HashMap<String, NaiveDate>> = HashMap::new();
    let mut statement = conn.prepare_cached(NEEDS)?;
    let mut found = statement.query(params![rollout_id])?;
    while let Some(row) = found.next()? {
        let due = rows::date(row, "due_date")?.ok_or_else(|| rows::unreadable("due_date"))?;
        let role: String = row.get("role_id")?;
        let module: String = row.get("module_id")?;
        required
            .entry(role)
            .or_default()
            .entry(module)
            .and_modify(|d| *d = (*d).min(due))
            .or_insert(due);
    }
    drop(found);

    // When each person finished each module they have done.
    let mut done: HashMap<(String, String), NaiveDate> = HashMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT person_id, module_id, status, completed_on FROM training_records
         WHERE status IN ('completed', 'waived')",
    )?;
    let mut found = statement.query([])?;
    while let Some(row) = found.next()? {
        let status: String = row.get("status")?;
        let on = match status.as_str() {
            "waived" => NaiveDate::MIN,
            _ => rows::date(row, "completed_on")?.unwrap_or(NaiveDate::MIN),
        };
        done.insert((row.get("person_id")?, row.get("module_id")?), on);
    }
    drop(found);

    let mut people: Vec<(String, String)> = Vec::new();
    let mut statement = conn.prepare_cached(
        "SELECT id, role_id FROM people
         WHERE active = 1 AND deleted_at IS NULL AND role_id IS NOT NULL",
    )?;
    let mut found = statement.query([])?;
    while let Some(row) = found.next()? {
        let role: String = row.get("role_id")?;
        if required.contains_key(&role) {
            people.push((row.get("id")?, role));
        }
    }
    drop(found);

    Ok(dates
        .iter()
        .map(|&date| {
            let (mut trained, mut overdue) = (0, 0);
            for (person, role) in &people {
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
        .collect())
}
