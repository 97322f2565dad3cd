//! Every problem of an imported file, gathered in one pass instead of stopping at the
//! first: a person fixing a vendor's plan wants the whole list (the row, the column and
//! what is wrong) in one report, not one line per attempt. An import pushes what it
//! finds into an [`ImportProblems`] as it reads the rows; when the list is not empty at
//! the end, the import writes nothing and [`ImportProblems::refusal`] says why.

use serde::Serialize;
use ts_rs::TS;

use super::Table;
use crate::CoreError;

/// How many problems a refusal lists; the rest are counted ("and 41 more").
pub const PROBLEMS_LISTED: usize = 200;

/// One thing wrong with an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportProblem {
    /// The row as the spreadsheet numbers it; `None` for the file as a whole (an owner
    /// named on several rows, a missing column).
    pub row: Option<usize>,
    /// The column's header as the file writes it.
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = match (self.row, &self.column) {
            (Some(row), Some(column)) => format!("row {row}, column '{column}': "),
            (Some(row), None) => format!("row {row}: "),
            (None, Some(column)) => format!("column '{column}': "),
            (None, None) => String::new(),
        };
        write!(f, "{place}{}", self.message)
    }
}

/// The problems found so far in one file: the first [`PROBLEMS_LISTED`] kept, the rest
/// only counted.
#[derive(Debug, Clone, Default)]
pub struct ImportProblems {
    file: String,
    headers: Vec<String>,
    listed: Vec<ImportProblem>,
    total: usize,
}

impl ImportProblems {
    /// An empty list for `table`, whose headers name the columns pushed by index.
    pub fn new(table: &Table) -> Self {
        Self {
            file: table.file.clone(),
            headers: table.headers.clone(),
            listed: Vec::new(),
            total: 0,
        }
    }

    /// Notes that the cell of `row` (as the spreadsheet numbers it) in `column` (an
    /// index into the headers; `None` for the row as a whole) is wrong, and why.
    pub fn push(&mut self, row: usize, column: Option<usize>, message: impl Into<String>) {
        self.add(Some(row), column, message.into());
    }

    /// Notes a problem of the file as a whole, or of a column over several rows.
    pub fn push_for_file(&mut self, column: Option<usize>, message: impl Into<String>) {
        self.add(None, column, message.into());
    }

    fn add(&mut self, row: Option<usize>, column: Option<usize>, message: String) {
        self.total += 1;
        if self.listed.len() < PROBLEMS_LISTED {
            self.listed.push(ImportProblem {
                row,
                column: column.and_then(|c| self.headers.get(c).cloned()),
                message,
            });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// How many problems were found, listed or not.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The problems listed, and how many more were found beyond them.
    pub fn into_parts(self) -> (Vec<ImportProblem>, usize) {
        let more = self.total - self.listed.len();
        (self.listed, more)
    }

    /// The error refusing the file, or `None` when nothing is wrong.
    pub fn refusal(self) -> Option<CoreError> {
        if self.is_empty() {
            return None;
        }
        let file = self.file.clone();
        let (problems, more) = self.into_parts();
        Some(CoreError::ImportProblems {
            file,
            problems,
            more,
        })
    }
}

/// What a refusal says: a single problem on one line as before, several as a list.
pub(crate) fn describe_problems(file: &str, problems: &[ImportProblem], more: usize) -> String {
    match (problems, more) {
        ([only], 0) if only.row.is_none() && only.column.is_none() => {
            format!("{file}: {} (nothing was imported)", only.message)
        }
        ([only], 0) => format!("{file}, {only} (nothing was imported)"),
        _ => {
            let total = problems.len() + more;
            let mut text = format!("{file}: nothing was imported; {total} problems to fix:");
            for problem in problems {
                text.push_str(&format!("\n  {problem}"));
            }
            if more > 0 {
                text.push_str(&format!("\n  and {more} more"));
            }
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::parse_table;

    #[test]
    fn the_first_problems_are_listed_and_the_rest_counted() {
        let table = parse_table("plan.csv", b"Title,Due\na,b\n".to_vec()).expect("table");
        let mut problems = ImportProblems::new(&table);
        assert!(
            problems.clone().refusal().is_none(),
            "no problem, no refusal"
        );
        for row in 0..PROBLEMS_LISTED + 41 {
            problems.push(row + 2, Some(1), "not a date");
        }
        assert_eq!(problems.total(), PROBLEMS_LISTED + 41);
        let (listed, more) = problems.into_parts();
        assert_eq!(
            (listed.len(), more),
            (PROBLEMS_LISTED, 41),
            "a refusal lists the first problems and counts the others"
        );
        assert_eq!(
            listed[0].column.as_deref(),
            Some("Due"),
            "a column is named by its header"
        );
    }

    #[test]
    fn one_problem_reads_on_one_line_and_several_as_a_list() {
        let due = |row| ImportProblem {
            row: Some(row),
            column: Some("Due".into()),
            message: "'x' is not a date".into(),
        };
        assert_eq!(
            describe_problems("plan.csv", &[due(3)], 0),
            "plan.csv, row 3, column 'Due': 'x' is not a date (nothing was imported)"
        );
        assert_eq!(
            describe_problems("plan.csv", &[due(3), due(5)], 7),
            "plan.csv: nothing was imported; 9 problems to fix:\n  \
             row 3, column 'Due': 'x' is not a date\n  \
             row 5, column 'Due': 'x' is not a date\n  and 7 more"
        );
    }
}
