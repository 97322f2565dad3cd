//! Reading one roster row's cells through the mapping: the name, the email, the yes/no
//! super-user column, and the status column through its settled meanings.

use super::meanings::Meanings;
use super::statuses::yes_or_no;
use super::RosterMapping;
use crate::import::TableRow;
use crate::people::validate::looks_like_email;

/// A row's values, read through the mapping.
pub(super) struct RowValues {
    pub name: String,
    pub email: String,
    pub role: String,
    pub department: String,
    pub super_user: Option<bool>,
    pub active: Option<bool>,
}

/// The row's name: the full-name column, or first and last name joined.
pub(super) fn row_name(row: &TableRow, mapping: &RosterMapping) -> String {
    match mapping
        .name
        .map(|c| row.cell(Some(c)))
        .filter(|n| !n.is_empty())
    {
        Some(name) => name.to_owned(),
        None => [row.cell(mapping.first_name), row.cell(mapping.last_name)]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

pub(super) fn read_values(
    row: &TableRow,
    mapping: &RosterMapping,
    meanings: &Meanings,
) -> std::result::Result<RowValues, (Option<usize>, String)> {
    let name = row_name(row, mapping);
    if name.is_empty() {
        return Err((
            mapping.name.or(mapping.last_name),
            "the name is empty".into(),
        ));
    }
    let email = row.cell(mapping.email).to_owned();
    if !email.is_empty() && !looks_like_email(&email) {
        return Err((mapping.email, format!("'{email}' is not an email address")));
    }
    Ok(RowValues {
        name,
        email,
        role: row.cell(mapping.role).to_owned(),
        department: row.cell(mapping.department).to_owned(),
        super_user: yes_no(row, mapping.super_user)?,
        // An undecided status leaves the flag as it is; the import waits for a choice.
        active: meanings.active(row.cell(mapping.active)),
    })
}

/// A yes/no cell; an empty cell or a missing column says nothing.
fn yes_no(
    row: &TableRow,
    column: Option<usize>,
) -> std::result::Result<Option<bool>, (Option<usize>, String)> {
    let text = row.cell(column);
    if text.is_empty() {
        return Ok(None);
    }
    match yes_or_no(text) {
        Some(answer) => Ok(Some(answer)),
        None => Err((
            column,
            format!("expected yes or no, found '{}'", row.cell(column)),
        )),
    }
}
