//! The owners an imported plan names, resolved once per name before any row is
//! written. A vendor's plan often names a dozen people the directory does not have
//! (their own staff), and some names two people share: each such name is listed once,
//! with how many tasks name it, its rows and, for a shared name, the namesakes to choose
//! from. The person's choice for a name ([`OwnerChoice`]) — or the policy for names
//! without one ([`OwnersPolicy`]) — adds them as an external person, gives the tasks to
//! someone in the directory, or leaves them unassigned.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::import_cells::split_resources;
use crate::import::{ImportProblems, Table};
use crate::people::{
    add_external_person, find_owner, list_live_people, namesakes, similar_people, Person,
};
use crate::store::{Conn, Tx};
use crate::Result;

/// How many rows one owner's entry lists beside its name.
const ROWS_LISTED: usize = 10;

/// What to do with the tasks of an owner name the directory does not settle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OwnerChoice {
    /// Add the name to People as an external person (vendor staff), who owns them.
    AddExternal,
    /// Give them to this person from the directory (one of the namesakes, say).
    Person { person_id: String },
    /// Import them without an owner; the name is kept in the task's notes.
    Unassigned,
}

/// What happens to owner names no choice was made for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OwnersPolicy {
    /// Import nothing while any name is unsettled, and list them all.
    #[default]
    Refuse,
    /// Add unknown names as external people. A name two people share is still refused:
    /// adding someone cannot tell which of them the file means.
    Add,
    /// Leave the tasks of every unsettled name unassigned.
    Unassigned,
}

/// The person's choice for one owner name of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OwnerDecision {
    /// The name as the file writes it (matched ignoring case).
    pub name: String,
    pub choice: OwnerChoice,
}

/// How a task import settles owner names the directory does not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct TaskImportOptions {
    pub owners: Vec<OwnerDecision>,
    /// For names without a decision.
    pub other_owners: OwnersPolicy,
}

/// Someone in the directory an owner name could mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Namesake {
    pub id: String,
    pub name: String,
    pub role_name: Option<String>,
    pub department: String,
    pub email: String,
}

/// An owner name of the file that is not exactly one person in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OwnerToResolve {
    /// As the file first writes it.
    pub name: String,
    /// How many tasks name it as their owner.
    pub tasks: usize,
    /// The rows that name it, as the spreadsheet numbers them.
    pub rows: Vec<usize>,
    /// The people it could mean when more than one has that name — or, when `similar`,
    /// the people whose name reads the same without titles and credentials ("Jordan
    /// Blake, NP" for "Jordan Blake"); empty when nobody in the directory is close.
    pub namesakes: Vec<Namesake>,
    /// Nobody has exactly this name, and `namesakes` are people it may mean.
    pub similar: bool,
    /// What the import does with it: the choice made, or the policy's; `None` while it
    /// is unsettled (the import is refused).
    pub resolution: Option<OwnerChoice>,
}

impl OwnerToResolve {
    /// Why the import cannot go ahead with this name, for a refusal.
    pub(super) fn problem(&self, policy: OwnersPolicy) -> String {
        let rows = rows_text(&self.rows);
        if self.similar {
            let why = if policy == OwnersPolicy::Add {
                ": adding people cannot tell whether they are the same person"
            } else {
                ""
            };
            return format!(
                "{} is not in the staff directory by that name ({rows}), but {} may be them{why}. \
                 Write their email in the file, add {} as an external person if they are \
                 someone else, or leave those tasks unassigned",
                self.name,
                described(&self.namesakes).join(" or "),
                self.name
            );
        }
        if self.namesakes.is_empty() {
            return format!(
                "{} is not in the staff directory ({rows}): add them (as an external person \
                 for vendor staff), write the name or email of someone in People, or leave \
                 those tasks unassigned",
                self.name
            );
        }
        let people = described(&self.namesakes);
        let why = if policy == OwnersPolicy::Add {
            ", and adding people cannot choose between them"
        } else {
            ""
        };
        format!(
            "{} people in the directory are called {} ({rows}){why}: {}. Write the email of \
             the one you mean in the file, or leave those tasks unassigned",
            self.namesakes.len(),
            self.name,
            people.join("; ")
        )
    }
}

/// Each person as a message names them: "Sam Lee (Front desk, Riverside, sam@…)".
fn described(people: &[Namesake]) -> Vec<String> {
    people
        .iter()
        .map(|p| {
            let details: Vec<&str> = [
                p.role_name.as_deref().unwrap_or("no role"),
                &p.department,
                &p.email,
            ]
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect();
            format!("{} ({})", p.name, details.join(", "))
        })
        .collect()
}

/// The owner of each name of the file, once settled.
#[derive(Debug, Default)]
pub(super) struct Owners {
    /// By name as the file writes it, lowercased: the person's id, or `None` for
    /// unassigned (or unsettled) tasks.
    ids: HashMap<String, Option<String>>,
    pub to_resolve: Vec<OwnerToResolve>,
    /// The external people added, by name.
    pub added: Vec<String>,
}

impl Owners {
    /// The owner to give a task whose owner cell names `name`: the settled person's id,
    /// the name itself when the directory knows it, or `None` for nobody.
    pub fn owner_for(&self, name: &str) -> Option<String> {
        match self.ids.get(&name.to_lowercase()) {
            Some(settled) => settled.clone(),
            None => (!name.is_empty()).then(|| name.to_owned()),
        }
    }

    /// Whether the tasks of `name` go without an owner by choice or policy.
    pub fn is_unassigned(&self, name: &str) -> bool {
        self.to_resolve.iter().any(|o| {
            o.name.eq_ignore_ascii_case(name) && o.resolution == Some(OwnerChoice::Unassigned)
        })
    }
}

/// Finds every owner name of the file that is not exactly one person, settles each by
/// `options`, and adds the external people chosen (first, so the tasks can name them).
pub(super) fn resolve_owners(
    tx: &Tx<'_>,
    table: &Table,
    column: usize,
    options: &TaskImportOptions,
    problems: &mut ImportProblems,
) -> Result<Owners> {
    let mut owners = Owners::default();
    // Everyone in the directory, read once and only if some name is unknown.
    let mut directory: Option<Vec<Person>> = None;
    for (name, rows) in names_in(table, column) {
        if let Ok(_known) = find_owner(tx, &name)? {
            continue;
        }
        let mut found = namesakes(tx, &name)?;
        let similar = found.is_empty();
        if similar {
            if directory.is_none() {
                directory = Some(list_live_people(tx, false)?);
            }
            found = similar_people(directory.as_deref().unwrap_or_default(), &name);
        }
        let similar = similar && !found.is_empty();
        let found = found
            .into_iter()
            .map(|p| Namesake {
                id: p.id,
                name: p.name,
                role_name: p.role_name,
                department: p.department,
                email: p.email,
            })
            .collect::<Vec<_>>();
        let decided = options
            .owners
            .iter()
            .find(|d| d.name.trim().eq_ignore_ascii_case(&name))
            .map(|d| d.choice.clone());
        let resolution = decided.or(match (options.other_owners, found.len()) {
            (OwnersPolicy::Unassigned, _) => Some(OwnerChoice::Unassigned),
            (OwnersPolicy::Add, 0) => Some(OwnerChoice::AddExternal),
            _ => None,
        });
        let id = match &resolution {
            Some(OwnerChoice::AddExternal) => {
                owners.added.push(name.clone());
                Some(add_external_person(tx, &name)?)
            }
            Some(OwnerChoice::Person { person_id }) => {
                let chosen = person_id_if_live(tx, person_id)?;
                if chosen.is_none() {
                    problems.push_for_file(
                        Some(column),
                        format!(
                            "the person chosen for {name} is no longer in the directory: \
                             choose again"
                        ),
                    );
                }
                chosen
            }
            Some(OwnerChoice::Unassigned) | None => None,
        };
        owners.ids.insert(name.to_lowercase(), id);
        owners.to_resolve.push(OwnerToResolve {
            tasks: rows.len(),
            name,
            rows,
            namesakes: found,
            similar,
            resolution,
        });
    }
    Ok(owners)
}

/// Each owner name of the file once, in the order first used, with the rows using it.
fn names_in(table: &Table, column: usize) -> Vec<(String, Vec<usize>)> {
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
    names
}

/// `person_id` when it is someone in the directory (not in the trash).
fn person_id_if_live(conn: &Conn, person_id: &str) -> Result<Option<String>> {
    Ok(match find_owner(conn, person_id)? {
        Ok(Some((id, _))) if id == person_id => Some(id),
        Ok(_) | Err(_) => None,
    })
}

/// "row 2", "rows 2, 5, 9", "rows 2, 3, … and 14 more".
pub(super) fn rows_text(rows: &[usize]) -> String {
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

    #[test]
    fn a_shared_name_lists_each_namesake_with_what_tells_them_apart() {
        let entry = OwnerToResolve {
            name: "Sam Lee".into(),
            tasks: 2,
            rows: vec![4, 6],
            namesakes: vec![
                Namesake {
                    id: "a".into(),
                    name: "Sam Lee".into(),
                    role_name: Some("Front desk".into()),
                    department: "Riverside".into(),
                    email: "sam.lee@riverside.org".into(),
                },
                Namesake {
                    id: "b".into(),
                    name: "Sam Lee".into(),
                    role_name: None,
                    department: String::new(),
                    email: String::new(),
                },
            ],
            similar: false,
            resolution: None,
        };
        assert_eq!(
            entry.problem(OwnersPolicy::Add),
            "2 people in the directory are called Sam Lee (rows 4, 6), and adding people \
             cannot choose between them: Sam Lee (Front desk, Riverside, \
             sam.lee@riverside.org); Sam Lee (no role). Write the email of the one you \
             mean in the file, or leave those tasks unassigned",
            "each namesake with role, department and email, and why adding does not help"
        );
    }
}
