//! The staff directory: people and the managed list of roles they hold. Owners,
//! approvers and trainees across Rollplan are people from here (`owners.rs` turns a
//! typed name into one). All SQL of the directory is in `store/`.

mod directory;
mod owners;
mod page;
mod role_merge;
mod roles;
pub mod roster;
mod sort_key;
mod store;
mod validate;
mod write;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use owners::UNKNOWN_OWNER_FIELD;
pub(crate) use owners::{
    find_owner, find_owner_keeping, namesakes, owner_name, resolve_owner, resolve_owner_keeping,
    similar_people,
};
pub(crate) use page::{DirectoryOrder, DIRECTORY_READS};
pub use page::{PeopleKind, PeoplePage, PeopleQuery};
pub use role_merge::RoleMergeReport;
pub(crate) use roles::insert_role;
pub use sort_key::family_sort_key;
pub(crate) use store::people::list_live as list_live_people;
pub(crate) use store::roles::find_by_name as find_role_by_name;
pub(crate) use validate::{MAX_NAME_CHARS, MAX_TEXT_CHARS as MAX_DEPARTMENT_CHARS};
pub(crate) use write::{add_external_person, add_person, insert_person, update_person_in};

/// A job role, such as "Medical assistant (MA)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Role {
    pub id: String,
    pub name: String,
    /// How many active people hold the role.
    pub active_people: i64,
}

/// A member of staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// What orders the directory: family name, then given name, without titles or
    /// credentials ("okafor", "amara" for "Dr. Amara Okafor").
    pub sort_key: String,
    pub role_id: Option<String>,
    /// The role's name, for display; `None` without a role.
    pub role_name: Option<String>,
    /// Department or site.
    pub department: String,
    pub email: String,
    /// A super-user supports colleagues at the elbow during go-live.
    pub super_user: bool,
    /// People who left stay in the directory (their history stays true) but inactive.
    pub active: bool,
    /// Vendor staff rather than the clinic's own: they may own tasks, need no role, are
    /// not on HR's roster and are never assigned training.
    pub external: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub row_version: i64,
}

/// Everything a person can edit about a member of staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PersonDraft {
    pub name: String,
    pub role_id: Option<String>,
    pub department: String,
    pub email: String,
    pub super_user: bool,
    pub active: bool,
    pub external: bool,
}

impl Default for PersonDraft {
    fn default() -> Self {
        Self {
            name: String::new(),
            role_id: None,
            department: String::new(),
            email: String::new(),
            super_user: false,
            active: true,
            external: false,
        }
    }
}

impl Person {
    /// The editable part of this person.
    pub fn draft(&self) -> PersonDraft {
        PersonDraft {
            name: self.name.clone(),
            role_id: self.role_id.clone(),
            department: self.department.clone(),
            email: self.email.clone(),
            super_user: self.super_user,
            active: self.active,
            external: self.external,
        }
    }
}
