//! Many rows of the plan written at once, as the grid sends them: a paste from a
//! spreadsheet, a fill down, one owner or status given to several selected rows. All of
//! them land or none does, so a paste refused at row 40 leaves rows 1 to 39 as they were,
//! and the person is told which row and why.

use serde::Deserialize;
use ts_rs::TS;

use super::write::{insert_task, update_in};
use crate::plan::store::tasks as rows;
use crate::plan::{Task, TaskDraft};
use crate::{CoreError, FieldError, Result, Store};

/// One row of a grid write: an existing task at the version the grid showed, or a new
/// one (a pasted row past the end of the plan).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct GridEdit {
    /// `None` for a new task.
    pub task_id: Option<String>,
    /// The version the grid showed; ignored for a new task.
    pub row_version: i64,
    pub draft: TaskDraft,
}

impl Store {
    /// Writes every row of `edits` into `rollout_id`'s plan in one transaction, each
    /// through the same checks and history as a single edit (dates change only on the
    /// row itself: what waits for it is flagged, not moved). Returns the rows as
    /// written, in the order given. A refusal names the row by its number and title.
    pub fn apply_grid_edits(&self, rollout_id: &str, edits: &[GridEdit]) -> Result<Vec<Task>> {
        self.write(|tx| {
            let mut written = Vec::with_capacity(edits.len());
            for (index, edit) in edits.iter().enumerate() {
                let task = match &edit.task_id {
                    Some(id) => {
                        let current = rows::fetch(tx, id)?;
                        if current.rollout_id != rollout_id {
                            return Err(CoreError::Conflict(format!(
                                "Task “{}” is not in this plan.",
                                current.title
                            )));
                        }
                        let row = format!("Row {} (“{}”)", current.number, current.title);
                        update_in(tx, id, edit.row_version, &edit.draft)
                            .map_err(|e| on_row(e, &row))?
                    }
                    None => {
                        let row = format!("New row {}", index + 1);
                        insert_task(tx, rollout_id, &edit.draft).map_err(|e| on_row(e, &row))?
                    }
                };
                written.push(task);
            }
            Ok(written)
        })
    }
}

/// Says which row a refusal is about: a grid write covers many rows, and "the due date
/// is before the start" alone does not say which.
fn on_row(error: CoreError, row: &str) -> CoreError {
    match error {
        CoreError::Validation(errors) => CoreError::Validation(
            errors
                .into_iter()
                .map(|e| FieldError {
                    message: format!("{row}: {}", e.message),
                    field: e.field,
                })
                .collect(),
        ),
        CoreError::Conflict(message) => CoreError::Conflict(format!("{row}: {message}")),
        other => other,
    }
}
