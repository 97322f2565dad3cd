//! Whether a task import may go ahead, and if not, the one refusal that says everything
//! to fix: each unsettled owner name (with its rows and namesakes), then every bad row.
//! The import and the command line's dry run both ask here, so they refuse alike.

use super::import_owners::OwnersPolicy;
use super::TaskImportReport;
use crate::import::{ImportProblem, PROBLEMS_LISTED};
use crate::CoreError;

impl TaskImportReport {
    /// The refusal of this import, or `None` when it can go ahead: no problem in the
    /// file and every owner name settled. `policy` is the one the names were settled
    /// by, which says why a shared name is still unsettled.
    pub fn refusal(&self, policy: OwnersPolicy) -> Option<CoreError> {
        let owners = self
            .owners
            .iter()
            .filter(|owner| owner.resolution.is_none())
            .map(|owner| ImportProblem {
                row: None,
                column: None,
                message: owner.problem(policy),
            });
        let all: Vec<ImportProblem> = owners.chain(self.problems.iter().cloned()).collect();
        if all.is_empty() {
            return None;
        }
        let more = all.len().saturating_sub(PROBLEMS_LISTED) + self.more_problems;
        Some(CoreError::ImportProblems {
            file: self.file.clone(),
            problems: all.into_iter().take(PROBLEMS_LISTED).collect(),
            more,
        })
    }

    /// Whether the import can go ahead as the preview showed it (its `can_import`).
    pub(super) fn is_settled(&self) -> bool {
        self.problems.is_empty()
            && self.more_problems == 0
            && self.owners.iter().all(|owner| owner.resolution.is_some())
    }
}
