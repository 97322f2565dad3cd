//! The owners an imported plan names, checked all at once before any row is written: a
//! vendor's plan often names a dozen people the directory does not have yet, and a
//! person fixing the file wants them all in one message, each name once with the rows
//! that use it — not one name per attempt.

use std::collections::HashMap;

use super::import_cells::split_resources;
use crate::import::Table;
use crate::people::{find_owner, UNKNOWN_OWNER_FIELD};
use crate::store::Conn;
use crate::{CoreError, Result};

/// How many names one refusal lists, and how many rows beside each name.
const NAMES_LISTED: usize = 200;
const ROWS_LISTED: usize = 10;

/// Refuses the file, naming every owner that is not exactly one person in the
/// directory, when there is any.
pub(super) fn check_owners(conn: &Conn, table: &Table, column: usize) -> Result<()> {
    // Each name once, in the order the file first uses it, with the rows that use it.
    let mut names: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let (owner, _) = split_resources(row.cell(Some(column)));
        if owner.is_empty() {
            continue;
        }
        let at = *index.entry(owner.to_lowercase()).or_insert_with(|| {
            names.push((owner.clone(), Vec::new()));
            names.len() - 1
        });
        names[at].1.push(row.line);
    }
    let mut unknown = Vec::new();
    let mut ambiguous = Vec::new();
    for (name, rows) in &names {
        if let Err(problem) = find_owner(conn, name)? {
            let listed = format!("{name} ({})", rows_text(rows));
            if problem.field == UNKNOWN_OWNER_FIELD {
                unknown.push(listed);
            } else {
                ambiguous.push(listed);
            }
        }
    }
    if unknown.is_empty() && ambiguous.is_empty() {
        return Ok(());
    }
    let mut parts = Vec::new();
    if !unknown.is_empty() {
        parts.push(format!(
            "{} not in the staff directory: {}. Add them to People (or import the roster \
             first)",
            if unknown.len() == 1 {
                "this owner is"
            } else {
                "these owners are"
            },
            listing(&unknown)
        ));
    }
    if !ambiguous.is_empty() {
        parts.push(format!(
            "{} the name of more than one person: {}. Write the email of the one you mean",
            if ambiguous.len() == 1 {
                "this is"
            } else {
                "these are"
            },
            listing(&ambiguous)
        ));
    }
    Err(CoreError::Import {
        file: table.file.clone(),
        row: None,
        column: table.headers.get(column).cloned(),
        message: format!("{} (nothing was imported)", parts.join("; ")),
    })
}

/// "row 2", "rows 2, 5, 9", "rows 2, 3, … and 14 more".
fn rows_text(rows: &[usize]) -> String {
    let shown: Vec<String> = rows
        .iter()
        .take(ROWS_LISTED)
        .map(usize::to_string)
        .collect();
    let more = rows.len().saturating_sub(ROWS_LISTED);
    match (rows.len(), more) {
        (1, _) => format!("row {}", shown.join("")),
        (_, 0) => format!("rows {}", shown.join(", ")),
        _ => format!("rows {} and {more} more", shown.join(", ")),
    }
}

/// The first [`NAMES_LISTED`] entries, and how many more there are.
fn listing(entries: &[String]) -> String {
    let shown = entries
        .iter()
        .take(NAMES_LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    match entries.len().saturating_sub(NAMES_LISTED) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_listed_as_people_read_them() {
        assert_eq!(rows_text(&[2]), "row 2");
        assert_eq!(rows_text(&[2, 5, 9]), "rows 2, 5, 9");
        let many: Vec<usize> = (2..20).collect();
        assert_eq!(
            rows_text(&many),
            "rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 8 more"
        );
    }
}
