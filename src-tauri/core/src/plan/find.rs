//! Finding a task of a rollout's plan from what a person types on the command line: its
//! id, its title (ignoring case), or a unique part of the title — as a rollout is found
//! by its name. Several matches are refused with their titles.

use super::{list_live_tasks, Task};
use crate::{CoreError, Result, Store};

impl Store {
    /// The live task of `rollout_id` whose id or title (ignoring case) is `text`; failing
    /// that, the only one whose title contains it. `field` names the argument in a
    /// refusal.
    pub fn find_task(&self, rollout_id: &str, text: &str, field: &str) -> Result<Task> {
        let wanted = text.trim();
        let tasks = self.read(|conn| list_live_tasks(conn, rollout_id))?;
        let exact: Vec<&Task> = tasks
            .iter()
            .filter(|t| t.id == wanted || t.title.to_lowercase() == wanted.to_lowercase())
            .collect();
        let lower = wanted.to_lowercase();
        let found = if exact.is_empty() {
            tasks
                .iter()
                .filter(|t| t.title.to_lowercase().contains(&lower))
                .collect()
        } else {
            exact
        };
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(CoreError::invalid(
                field,
                format!("No task of this plan is called '{wanted}'."),
            )),
            several => {
                let titles: Vec<String> =
                    several.iter().map(|t| format!("'{}'", t.title)).collect();
                Err(CoreError::invalid(
                    field,
                    format!(
                        "'{wanted}' matches several tasks: {}. Use more of the title or the id.",
                        titles.join(", ")
                    ),
                ))
            }
        }
    }
}
