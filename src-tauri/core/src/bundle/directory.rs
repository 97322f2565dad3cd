//! Finding the bundle's people and roles in this database's directory. A person is the
//! same person when the id matches, else (if the bundle carries emails) the email, else
//! the exact name; a role when the id matches, else the name. Matches take this
//! database's id everywhere in the bundle; whoever is not found is created.

use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;

use super::format::Bundle;
use super::queries::{exists, people_named, person_with_email, role_named};
use crate::Result;

pub(super) fn match_directory(
    conn: &Connection,
    bundle: &mut Bundle,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let mut roles = HashMap::new();
    for role in &bundle.roles {
        if !exists(conn, "roles", &role.id)? {
            if let Some(local) = role_named(conn, &role.name)? {
                roles.insert(role.id.clone(), local);
            }
        }
    }
    let mut people = HashMap::new();
    for person in &bundle.people {
        if exists(conn, "people", &person.id)? {
            continue;
        }
        let email = person.email.as_deref().map(str::trim).unwrap_or_default();
        let by_email: Option<String> = if email.is_empty() {
            None
        } else {
            person_with_email(conn, email)?
        };
        let found = match by_email {
            Some(id) => Some(id),
            None => {
                let same_name = people_named(conn, &person.name)?;
                if same_name.len() > 1 {
                    warnings.push(format!(
                        "Several people here are named {}; the bundle's {} was added as \
                         someone new. Merge them in People if they are the same person.",
                        person.name, person.name
                    ));
                }
                (same_name.len() == 1).then(|| same_name[0].clone())
            }
        };
        if let Some(local) = found {
            people.insert(person.id.clone(), local);
        }
    }
    apply(bundle, &roles, &people);
    Ok(())
}

/// Rewrites every reference to a matched person or role to this database's id.
fn apply(bundle: &mut Bundle, roles: &HashMap<String, String>, people: &HashMap<String, String>) {
    let swap = |map: &HashMap<String, String>, id: &mut String| {
        if let Some(local) = map.get(id.as_str()) {
            id.clone_from(local);
        }
    };
    let swap_option = |map: &HashMap<String, String>, id: &mut Option<String>| {
        if let Some(id) = id {
            swap(map, id);
        }
    };
    for role in &mut bundle.roles {
        swap(roles, &mut role.id);
    }
    for requirement in &mut bundle.training_requirements {
        swap(roles, &mut requirement.role_id);
    }
    for person in &mut bundle.people {
        swap(people, &mut person.id);
        swap_option(roles, &mut person.role_id);
    }
    bundle
        .tasks
        .iter_mut()
        .for_each(|t| swap_option(people, &mut t.owner_id));
    bundle
        .risks
        .iter_mut()
        .for_each(|r| swap_option(people, &mut r.owner_id));
    bundle
        .criteria
        .iter_mut()
        .for_each(|c| swap_option(people, &mut c.owner_id));
    bundle
        .communications
        .iter_mut()
        .for_each(|c| swap_option(people, &mut c.owner_id));
    bundle
        .stakeholders
        .iter_mut()
        .for_each(|s| swap_option(people, &mut s.person_id));
    bundle
        .metrics
        .iter_mut()
        .for_each(|m| swap_option(people, &mut m.owner_id));
    bundle
        .metric_thresholds
        .iter_mut()
        .for_each(|t| swap_option(people, &mut t.owner_id));
    for record in &mut bundle.training_records {
        swap(people, &mut record.person_id);
        swap_option(people, &mut record.verified_by);
    }
    // Two bundle entries may have found the same local person or role: keep one.
    let mut seen = BTreeSet::new();
    bundle.people.retain(|p| seen.insert(p.id.clone()));
    let mut seen = BTreeSet::new();
    bundle.roles.retain(|r| seen.insert(r.id.clone()));
}
