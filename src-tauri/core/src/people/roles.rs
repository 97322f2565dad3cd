//! The managed list of roles people hold ("Medical assistant (MA)", "Front desk", ...):
//! listing them with how many hold each, and adding one.

use super::store::roles as rows;
use super::Role;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::Tx;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// The managed list of roles, by name, with how many active people hold each.
    pub fn list_roles(&self) -> Result<Vec<Role>> {
        self.read(rows::list_with_counts)
    }

    /// Adds a role to the managed list; names are unique, ignoring case.
    pub fn create_role(&self, name: &str) -> Result<Role> {
        self.write(|tx| {
            let id = insert_role(tx, name)?;
            Ok(Role {
                id,
                name: name.trim().to_owned(),
                active_people: 0,
            })
        })
    }
}

/// Adds a role inside a caller's transaction and returns its id.
pub(crate) fn insert_role(tx: &Tx<'_>, name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid("name", "Enter the role's name."));
    }
    if let Some(existing) = rows::find_by_name(tx, name)? {
        return Err(CoreError::invalid(
            "name",
            format!("There is already a role called '{}'.", existing.1),
        ));
    }
    let at = timestamp_text(now());
    let id = rows::insert(tx, name, &at)?;
    let mut changes = ChangeSet::default();
    changes.compare("name", "", name);
    audit::record(
        tx,
        &at,
        EntityKind::Role,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use crate::people::PersonDraft;
    use crate::Store;

    /// Each role counts its active people, not those who left or are in the trash; a
    /// role nobody holds counts none.
    #[test]
    fn each_role_counts_its_active_people() {
        let store = Store::open_in_memory().expect("store");
        let front = store.create_role("Front desk lead").expect("role").id;
        let empty = store.create_role("Courier").expect("role").id;
        let person = |name: &str, active: bool| {
            store
                .create_person(&PersonDraft {
                    name: name.into(),
                    role_id: Some(front.clone()),
                    active,
                    ..PersonDraft::default()
                })
                .expect("person")
        };
        person("Ana Abbott", true);
        person("Ben Brown", true);
        person("Cy Cole", false);
        let trashed = person("Di Dunn", true);
        store.trash_person(&trashed.id).expect("trashed");
        let roles = store.list_roles().expect("roles");
        let count = |id: &str| {
            roles
                .iter()
                .find(|r| r.id == id)
                .expect("role")
                .active_people
        };
        assert_eq!(count(&front), 2, "the active people, not those who left");
        assert_eq!(count(&empty), 0, "a role nobody holds");
        let names: Vec<&str> = roles.iter().map(|r| r.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|name| name.to_lowercase());
        assert_eq!(names, sorted, "by name, ignoring case");
    }
}
