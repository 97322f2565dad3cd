//! Which column of a roster file holds which field, guessed from the usual headers of
//! HR and scheduling exports, and what the file's job titles and employment statuses
//! mean — all adjustable by the person before importing.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import::find_column;
use crate::{CoreError, Result};

/// Which column (by index) holds each field (`None` when the file has no such column),
/// and what the values of the role and status columns mean.
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
    /// The role each job title of the file means. A preview fills in every title it finds
    /// (remembered from an earlier import, the role of that name, a suggestion, or a new
    /// role); the person changes any of them; the import applies them.
    pub titles: Vec<TitleChoice>,
    /// What each employment status the file uses means, for those Rollplan does not know
    /// ("Suspended"): filled in from earlier imports where it can, asked otherwise.
    pub statuses: Vec<StatusChoice>,
}

/// The role a job title in the file means.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TitleChoice {
    pub title: String,
    /// The directory's role; `None` for a new role named after the title.
    pub role_id: Option<String>,
}

/// What an employment status in the file means.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusChoice {
    pub status: String,
    /// Whether people with this status still work here; `None` while undecided.
    pub active: Option<bool>,
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
            titles: Vec::new(),
            statuses: Vec::new(),
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
