//! Which column of a roster file holds which field, guessed from the usual headers of
//! HR and scheduling exports and adjustable by the person before importing.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import::find_column;
use crate::{CoreError, Result};

/// Which column (by index) holds each field; `None` when the file has no such column.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RosterMapping {
    /// The full name; or give first and last name columns instead.
    pub name: Option<usize>,
    pub first_name: Option<usize>,
    pub last_name: Option<usize>,
    pub role: Option<usize>,
    pub department: Option<usize>,
    pub email: Option<usize>,
    pub super_user: Option<usize>,
    pub active: Option<usize>,
}

impl RosterMapping {
    /// Recognises the usual header names of roster exports.
    pub fn guess(headers: &[String]) -> Self {
        Self {
            name: find_column(
                headers,
                &[
                    "name",
                    "full name",
                    "employee name",
                    "staff name",
                    "employee",
                ],
            ),
            first_name: find_column(headers, &["first name", "first", "given name", "forename"]),
            last_name: find_column(headers, &["last name", "last", "surname", "family name"]),
            role: find_column(headers, &["role", "job title", "title", "position", "job"]),
            department: find_column(
                headers,
                &["department", "dept", "site", "location", "clinic", "unit"],
            ),
            email: find_column(headers, &["email", "email address", "e-mail", "work email"]),
            super_user: find_column(headers, &["super user", "super-user", "superuser"]),
            active: find_column(headers, &["active", "status", "employment status"]),
        }
    }

    pub(super) fn check(&self) -> Result<()> {
        if self.name.is_none() && self.first_name.is_none() && self.last_name.is_none() {
            return Err(CoreError::invalid(
                "name",
                "Choose the column that holds each person's name (or first and last name).",
            ));
        }
        Ok(())
    }
}
