//! `people list` and `people merge-roles`, and finding a role by its name.

use rollplan_core::people::{Person, Role};
use rollplan_core::{CoreError, Store};

use crate::output::say;
use crate::output::{print_json, print_table};

pub fn list(store: &Store, json: bool, all: bool) -> Result<(), CoreError> {
    let people = store.list_people(all)?;
    if json {
        return print_json(&people);
    }
    if people.is_empty() {
        say!("No people in the directory.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = people.iter().map(person_row).collect();
    print_table(
        &[
            "NAME",
            "ROLE",
            "DEPARTMENT",
            "EMAIL",
            "SUPER-USER",
            "ACTIVE",
            "EXTERNAL",
        ],
        &rows,
    );
    Ok(())
}

fn person_row(person: &Person) -> Vec<String> {
    let flag = |on: bool| if on { "yes" } else { "no" }.to_owned();
    vec![
        person.name.clone(),
        person.role_name.clone().unwrap_or_default(),
        person.department.clone(),
        person.email.clone(),
        flag(person.super_user),
        flag(person.active),
        flag(person.external),
    ]
}

/// `people merge-roles ROLE --into KEPT`.
pub fn merge_roles(store: &Store, merged: &str, kept: &str) -> Result<(), CoreError> {
    let roles = store.list_roles()?;
    let merged = find_role(&roles, merged, "check the spelling")?;
    let kept = find_role(&roles, kept, "check the spelling")?;
    let report = store.merge_roles(&merged.id, &kept.id)?;
    say!(
        "Merged '{}' into '{}': {} {} moved, {} training {} moved{}.",
        report.merged_role,
        report.kept_role,
        report.people_moved,
        if report.people_moved == 1 {
            "person"
        } else {
            "people"
        },
        report.requirements_moved,
        if report.requirements_moved == 1 {
            "requirement"
        } else {
            "requirements"
        },
        match report.requirements_already_held {
            0 => String::new(),
            held => format!(
                ", {held} already required of '{}' removed",
                report.kept_role
            ),
        }
    );
    Ok(())
}

/// The role called `name` (ignoring case), or the one role whose name holds it; a
/// refusal lists the roles to choose from, and `hint` says what else the person can do.
pub fn find_role<'a>(roles: &'a [Role], name: &str, hint: &str) -> Result<&'a Role, CoreError> {
    let lower = name.trim().to_lowercase();
    let exact: Vec<&Role> = roles
        .iter()
        .filter(|r| r.name.to_lowercase() == lower)
        .collect();
    let matches = if exact.is_empty() {
        roles
            .iter()
            .filter(|r| r.name.to_lowercase().contains(&lower))
            .collect()
    } else {
        exact
    };
    let names = |found: &[&Role]| {
        found
            .iter()
            .map(|r| format!("'{}'", r.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(CoreError::invalid(
            "role",
            format!(
                "No role is called '{name}'. The roles are: {}; {hint}.",
                names(&roles.iter().collect::<Vec<_>>())
            ),
        )),
        several => Err(CoreError::invalid(
            "role",
            format!(
                "'{name}' matches {}: write more of the name.",
                names(several)
            ),
        )),
    }
}
