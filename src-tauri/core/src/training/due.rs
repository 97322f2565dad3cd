//! Lists of training by due date: what is overdue or due soon across the clinic, and
//! everything required of one person across rollouts.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::standing::{Read, Standing};
use super::store::records::RecordState;
use super::store::{modules, records, standing};
use super::RecordStatus;
use crate::store::rows::nocase_key;
use crate::store::{Conn, Reads};
use crate::{Result, Store};

/// One person's required module, with where they stand on it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DueTraining {
    pub record_id: String,
    pub person_id: String,
    pub person_name: String,
    pub role_name: Option<String>,
    pub module_id: String,
    pub module_title: String,
    pub status: RecordStatus,
    pub due_date: NaiveDate,
    pub overdue: bool,
    pub completed_on: Option<NaiveDate>,
    pub row_version: i64,
}

/// The Training screen's due list: the first of what is overdue and of what falls due
/// soon, each with how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DuePage {
    /// Overdue training, soonest first, at most the `limit` asked for.
    pub overdue: Vec<DueTraining>,
    pub overdue_total: u32,
    /// Training falling due within the days asked for, soonest first, at most `limit`.
    pub soon: Vec<DueTraining>,
    pub soon_total: u32,
}

/// The columns the kept due list of every live rollout reads: the standing's (whose
/// people, roles and requirements it is counted from) and the open records' own state
/// and the modules' titles, which it shows.
pub(crate) const DUE_READS: Reads = Reads {
    name: "due_list",
    tables: &[
        (
            "training_requirements",
            &[
                "rollout_id",
                "role_id",
                "module_id",
                "due_date",
                "sites",
                "deleted_at",
            ],
        ),
        ("rollouts", &["id", "sites", "deleted_at"]),
        ("training_modules", &["id", "title", "deleted_at"]),
        ("roles", &["id", "name"]),
        // Through the `trainees` view, as the standing reads them.
        ("people", &[]),
        (
            "training_records",
            &[
                "id",
                "person_id",
                "module_id",
                "status",
                "completed_on",
                "row_version",
            ],
        ),
    ],
    pointed_at: &[],
};

/// Open records due by a horizon, in the list's order: (person, module, due date) as
/// indices into the standing, each with its record's state.
type InOrder = Vec<((usize, usize, NaiveDate), RecordState)>;

/// The due list of every live rollout for one day and horizon, in its order, kept
/// between reads ([`DUE_READS`]): the Training screen's page is the first entries of
/// each part, not the whole list built, folded and sorted again.
#[derive(Debug)]
pub(crate) struct DueList {
    today: NaiveDate,
    within_days: u64,
    /// (id, name, role name) of each person listed, by index.
    people: Vec<(String, String, Option<String>)>,
    /// (id, title) of each module listed, by index.
    modules: Vec<(String, String)>,
    overdue: Vec<DueEntry>,
    soon: Vec<DueEntry>,
}

#[derive(Debug)]
struct DueEntry {
    person: usize,
    module: usize,
    due_date: NaiveDate,
    record: RecordState,
}

impl DueList {
    fn load(conn: &Conn, standing: &Standing, today: NaiveDate, within_days: u64) -> Result<Self> {
        let (open, titles) = in_order(conn, standing, None, horizon(today, within_days))?;
        let mut list = DueList {
            today,
            within_days,
            people: Vec::new(),
            modules: Vec::new(),
            overdue: Vec::new(),
            soon: Vec::new(),
        };
        let mut person_at: Vec<Option<usize>> = vec![None; standing.members.len()];
        let mut module_at: HashMap<usize, usize> = HashMap::new();
        for ((person, module, due_date), record) in open {
            let person = *person_at[person].get_or_insert_with(|| {
                let member = &standing.members[person];
                list.people.push((
                    member.id.clone(),
                    member.name.clone(),
                    Some(standing.roles[member.role].1.clone()),
                ));
                list.people.len() - 1
            });
            let module = *module_at.entry(module).or_insert_with(|| {
                let id = standing.module_id(module);
                let title = titles.get(id).map_or("", String::as_str);
                list.modules.push((id.to_owned(), title.to_owned()));
                list.modules.len() - 1
            });
            let entry = DueEntry {
                person,
                module,
                due_date,
                record,
            };
            match is_overdue(&entry.record, due_date, today) {
                true => list.overdue.push(entry),
                false => list.soon.push(entry),
            }
        }
        Ok(list)
    }

    /// The first `limit` of `entries` as the screen shows them.
    fn first(&self, entries: &[DueEntry], limit: u32) -> Vec<DueTraining> {
        entries
            .iter()
            .take(limit as usize)
            .map(|entry| {
                let (person_id, person_name, role_name) = &self.people[entry.person];
                let (module_id, module_title) = &self.modules[entry.module];
                DueTraining {
                    record_id: entry.record.id.clone(),
                    person_id: person_id.clone(),
                    person_name: person_name.clone(),
                    role_name: role_name.clone(),
                    module_id: module_id.clone(),
                    module_title: module_title.clone(),
                    status: entry.record.status,
                    due_date: entry.due_date,
                    overdue: is_overdue(&entry.record, entry.due_date, self.today),
                    completed_on: entry.record.completed_on,
                    row_version: entry.record.row_version,
                }
            })
            .collect()
    }
}

fn is_overdue(record: &RecordState, due_date: NaiveDate, today: NaiveDate) -> bool {
    !record.status.is_done() && due_date < today
}

fn horizon(today: NaiveDate, within_days: u64) -> NaiveDate {
    today
        .checked_add_days(Days::new(within_days))
        .unwrap_or(today)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Training not yet done that is due by `horizon` — for one rollout, or every live
/// rollout for `None` — in the list's order, with the titles of the live modules.
fn in_order(
    conn: &Conn,
    standing: &Standing,
    rollout_id: Option<&str>,
    horizon: NaiveDate,
) -> Result<(InOrder, HashMap<String, String>)> {
    let due = standing.earliest_due(|_| true);
    let titles = modules::live_titles(conn)?;
    let mut open = records::open_due_by(conn, rollout_id, horizon, |person, module_id| {
        let person = standing.member_index(person)?;
        let module = standing.module_index(module_id)?;
        let member = &standing.members[person];
        let due_date = *due
            .get(&(standing.cohort(member), module))
            .filter(|&&d| d <= horizon)?;
        Some((person, module, due_date))
    })?;
    // In the order a person's list comes in, then by ids, so that two people of the
    // same name keep one order. Names and titles are folded once a person and a
    // module, not once an entry: the list can hold tens of thousands.
    let title = |module: usize| {
        titles
            .get(standing.module_id(module))
            .map_or("", String::as_str)
    };
    let mut name_keys: Vec<Option<Vec<u8>>> = vec![None; standing.members.len()];
    let mut title_keys: Vec<Option<Vec<u8>>> = Vec::new();
    for ((person, module, _), _) in &open {
        name_keys[*person].get_or_insert_with(|| nocase_key(&standing.members[*person].name));
        if title_keys.len() <= *module {
            title_keys.resize(module + 1, None);
        }
        title_keys[*module].get_or_insert_with(|| nocase_key(title(*module)));
    }
    let key = |&(person, module, due_date): &(usize, usize, NaiveDate)| {
        (
            due_date,
            name_keys[person].as_deref(),
            title_keys[module].as_deref(),
            standing.members[person].id.as_str(),
            standing.module_id(module),
        )
    };
    open.sort_by(|(a, _), (b, _)| key(a).cmp(&key(b)));
    Ok((open, titles))
}

impl Store {
    /// The first `overdue_limit` overdue and `soon_limit` soon-due entries of
    /// [`Store::training_due`], with how many there are of each: a health group's list
    /// holds tens of thousands, and a screen draws a page of it. Every live rollout's
    /// list is kept, in its order, for the day and horizon asked, while nothing it
    /// reads has changed ([`DUE_READS`]).
    pub fn training_due_page(
        &self,
        rollout_id: Option<&str>,
        today: NaiveDate,
        within_days: u64,
        (overdue_limit, soon_limit): (u32, u32),
    ) -> Result<DuePage> {
        if rollout_id.is_some() {
            let (overdue, soon): (Vec<_>, Vec<_>) = self
                .training_due(rollout_id, today, within_days)?
                .into_iter()
                .partition(|item| item.overdue);
            return Ok(DuePage {
                overdue_total: count(overdue.len()),
                soon_total: count(soon.len()),
                overdue: overdue.into_iter().take(overdue_limit as usize).collect(),
                soon: soon.into_iter().take(soon_limit as usize).collect(),
            });
        }
        self.read_kept_from(
            (
                |store: &Self| &store.kept.every_standing,
                |conn: &Conn| standing::load(conn, None, Read::Every),
            ),
            (
                |store: &Self| &store.kept.due_list,
                |list: &DueList| list.today == today && list.within_days == within_days,
            ),
            |conn, standing| DueList::load(conn, standing, today, within_days),
            |_, list| {
                Ok(DuePage {
                    overdue: list.first(&list.overdue, overdue_limit),
                    overdue_total: count(list.overdue.len()),
                    soon: list.first(&list.soon, soon_limit),
                    soon_total: count(list.soon.len()),
                })
            },
        )
    }

    /// Training not yet done that is overdue or due within `within_days` of `today`,
    /// soonest first — for one rollout, or every live rollout.
    pub fn training_due(
        &self,
        rollout_id: Option<&str>,
        today: NaiveDate,
        within_days: u64,
    ) -> Result<Vec<DueTraining>> {
        let horizon = horizon(today, within_days);
        let list = |conn: &Conn, standing: &Standing| {
            let (open, titles) = in_order(conn, standing, rollout_id, horizon)?;
            Ok(open
                .into_iter()
                .map(|((person, module, due_date), record)| {
                    let member = &standing.members[person];
                    let module_id = standing.module_id(module);
                    DueTraining {
                        person_id: member.id.clone(),
                        person_name: member.name.clone(),
                        role_name: Some(standing.roles[member.role].1.clone()),
                        module_title: titles.get(module_id).cloned().unwrap_or_default(),
                        module_id: module_id.to_owned(),
                        overdue: is_overdue(&record, due_date, today),
                        status: record.status,
                        due_date,
                        completed_on: record.completed_on,
                        row_version: record.row_version,
                        record_id: record.id,
                    }
                })
                .collect())
        };
        match rollout_id {
            // Every live rollout's: the standing kept while nothing it reads has changed.
            None => self.read_every_standing(list),
            Some(_) => {
                self.read(|conn| list(conn, &standing::load(conn, rollout_id, Read::Nothing)?))
            }
        }
    }

    /// Everything required of one person by the live rollouts, soonest first.
    pub fn person_training(&self, person_id: &str, today: NaiveDate) -> Result<Vec<DueTraining>> {
        let found = self.read(|conn| records::of_person_due(conn, person_id))?;
        Ok(found
            .into_iter()
            .map(|(due, record)| DueTraining {
                record_id: record.id,
                person_id: due.person_id,
                person_name: due.person_name,
                role_name: due.role_name,
                module_id: due.module_id,
                module_title: due.module_title,
                overdue: !record.status.is_done() && due.due_date < today,
                status: record.status,
                due_date: due.due_date,
                completed_on: record.completed_on,
                row_version: record.row_version,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::{ModuleDraft, RecordDraft, RecordStatus};

    /// The days ahead the lists look: the sample clinic's training falls due over months.
    const WITHIN: u64 = 365;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    /// The page worked out from the whole list, as the screen had it before the list
    /// was kept: what the kept list must answer.
    fn from_the_whole_list(store: &Store, today: NaiveDate, limit: u32) -> DuePage {
        let (overdue, soon): (Vec<_>, Vec<_>) = store
            .training_due(None, today, WITHIN)
            .expect("due")
            .into_iter()
            .partition(|item| item.overdue);
        DuePage {
            overdue_total: count(overdue.len()),
            soon_total: count(soon.len()),
            overdue: overdue.into_iter().take(limit as usize).collect(),
            soon: soon.into_iter().take(limit as usize).collect(),
        }
    }

    fn page(store: &Store, today: NaiveDate, limit: u32) -> DuePage {
        store
            .training_due_page(None, today, WITHIN, (limit, limit))
            .expect("due page")
    }

    /// The kept list answers what the whole list does, page after page, and a change to
    /// what it reads — a record completed, a module renamed, a person renamed, a
    /// requirement removed, another day — is seen by the next page asked for; an edit
    /// it does not read leaves it kept.
    #[test]
    fn the_kept_due_list_answers_the_whole_lists_page_and_follows_each_change() {
        let store = Store::open_in_memory().expect("store");
        let today = day("2026-11-20");
        let rollouts = crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
        let loads = |store: &Store| store.kept.due_list.loads();
        let agrees = |store: &Store, today: NaiveDate, what: &str| {
            for limit in [0, 1, 3, 10_000] {
                assert_eq!(
                    page(store, today, limit),
                    from_the_whole_list(store, today, limit),
                    "{what}: the first {limit} of each"
                );
            }
        };
        let first = page(&store, today, 10_000);
        assert!(
            first.overdue_total > 0 && first.soon_total > 0,
            "the sample clinic has training overdue and due soon: {first:?}"
        );
        agrees(&store, today, "as seeded");
        assert_eq!(loads(&store), 1, "every page came from one list, kept");

        let next_day = today.succ_opt().expect("next day");
        agrees(&store, next_day, "the next day");
        assert_eq!(loads(&store), 2, "another day is worked out for it");

        let task = store.list_tasks(&rollouts[0].id).expect("tasks").remove(0);
        let mut draft = task.draft();
        draft.title.push_str(" (typed)");
        store
            .update_task(&task.id, task.row_version, &draft)
            .expect("task edited");
        agrees(&store, next_day, "a task's title typed");
        assert_eq!(loads(&store), 2, "a task's title leaves the list kept");

        let before = page(&store, next_day, 0);
        let open = page(&store, next_day, 1).overdue.remove(0);
        store
            .update_training_record(
                &open.record_id,
                open.row_version,
                &RecordDraft {
                    status: RecordStatus::Completed,
                    completed_on: Some("2026-11-19".into()),
                    ..RecordDraft::default()
                },
                next_day,
            )
            .expect("completed");
        let after = page(&store, next_day, 10_000);
        assert!(
            !after
                .overdue
                .iter()
                .chain(&after.soon)
                .any(|item| item.record_id == open.record_id),
            "the record completed leaves the list"
        );
        assert_eq!(
            after.overdue_total + after.soon_total + 1,
            before.overdue_total + before.soon_total,
            "and its count"
        );
        agrees(&store, next_day, "a record completed");

        let module = store
            .list_training_modules()
            .expect("modules")
            .into_iter()
            .find(|m| after.overdue.iter().any(|item| item.module_id == m.id))
            .expect("an overdue module");
        store
            .update_training_module(
                &module.id,
                module.row_version,
                &ModuleDraft {
                    title: "Renamed module".into(),
                    format: module.format,
                    duration_minutes: module.duration_minutes,
                    description: module.description.clone(),
                },
            )
            .expect("renamed");
        assert!(
            page(&store, next_day, 10_000)
                .overdue
                .iter()
                .any(|item| item.module_title == "Renamed module"),
            "the module's new title is shown"
        );
        agrees(&store, next_day, "a module renamed");

        let person = store
            .list_people(false)
            .expect("people")
            .into_iter()
            .find(|p| p.id == after.overdue[0].person_id)
            .expect("the person");
        let mut draft = person.draft();
        draft.name = "Aaron Aardvark".into();
        store
            .update_person(&person.id, person.row_version, &draft)
            .expect("renamed");
        assert!(
            page(&store, next_day, 10_000)
                .overdue
                .iter()
                .any(|item| item.person_name == "Aaron Aardvark"),
            "the person's new name is shown"
        );
        agrees(&store, next_day, "a person renamed");

        for rollout in &rollouts {
            for requirement in store.list_requirements(&rollout.id).expect("requirements") {
                store
                    .remove_requirement(&requirement.id)
                    .expect("requirement removed");
            }
        }
        let none = page(&store, next_day, 10);
        assert_eq!(
            (none.overdue_total, none.soon_total),
            (0, 0),
            "nothing required, nothing due"
        );
        agrees(&store, next_day, "every requirement removed");
    }

    /// Every column the kept list's read asks SQLite for — the standing's and its own —
    /// is one whose change makes it stale ([`DUE_READS`]), and whatever makes the
    /// standing it is counted from stale makes it stale too.
    #[test]
    fn the_kept_due_list_watches_every_column_it_reads() {
        let store = Store::open_in_memory().expect("store");
        let today = day("2026-11-20");
        crate::demo::seed_sample_clinic(&store, today).expect("sample clinic");
        let read = store.columns_read(|conn| {
            let standing = standing::load(conn, None, Read::Every)?;
            DueList::load(conn, &standing, today, WITHIN).map(drop)
        });
        assert!(
            read.iter()
                .any(|(table, column)| table == "training_records" && column == "row_version"),
            "the records were read: {read:?}"
        );
        let unwatched = DUE_READS.unwatched(&read);
        assert!(
            unwatched.is_empty(),
            "every column the list reads is watched; not: {unwatched:?}"
        );
        for (table, columns) in crate::training::STANDING_READS.tables {
            assert!(
                DUE_READS.tables.iter().any(|(t, own)| t == table
                    && (own.is_empty()
                        || (!columns.is_empty() && columns.iter().all(|c| own.contains(c))))),
                "what makes the standing stale makes the list stale: {table} {columns:?}"
            );
        }
    }
}
