//! The directory a page at a time: the People screen asks for the rows it draws (the
//! search and filters applied, in the directory's order) and how many match, rather than
//! for ten thousand people it would filter and sort itself.
//!
//! The order (by family name, worked out in Rust from each name) and what the search
//! looks through are kept between reads ([`DIRECTORY_READS`]): a keystroke filters a
//! list in memory and reads only the rows of the page, instead of every person again.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sort_key::family_sort_key;
use super::store::people as rows;
use super::Person;
use crate::store::Reads;
use crate::{Result, Store};

/// Whom the directory lists: everyone, the clinic's staff, or external people (vendor
/// staff).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PeopleKind {
    #[default]
    Everyone,
    Staff,
    External,
}

/// What the People screen asks for: its search and filters, and which rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PeopleQuery {
    /// Words that must each appear in the name, email, department or role.
    pub query: String,
    pub role_id: Option<String>,
    pub include_inactive: bool,
    pub kind: PeopleKind,
    /// The first matching row wanted (0 for the top of the list).
    pub offset: u32,
    pub limit: u32,
}

/// One page of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeoplePage {
    /// The matching people from `offset`, at most `limit` of them, in the directory's
    /// order.
    pub rows: Vec<Person>,
    /// How many people match the search and filters.
    pub total: u32,
    /// Everyone in the directory (not in the trash), whatever the search and filters.
    pub everyone: u32,
    /// Active staff in the whole directory (the screen's heading).
    pub active_staff: u32,
    /// Active external people in the whole directory.
    pub active_external: u32,
}

/// The columns the kept directory order reads.
pub(crate) const DIRECTORY_READS: Reads = Reads {
    name: "directory_order",
    tables: &[
        (
            "people",
            &[
                "id",
                "name",
                "role_id",
                "department",
                "email",
                "active",
                "external",
                "deleted_at",
            ],
        ),
        ("roles", &["id", "name"]),
    ],
    pointed_at: &[],
};

/// Everyone not in the trash, in the directory's order, with what the search reads.
#[derive(Debug, Default)]
pub(crate) struct DirectoryOrder {
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    id: String,
    role_id: Option<String>,
    active: bool,
    external: bool,
    /// Name, email, department and role, lower-cased: what a search word is looked for in.
    haystack: String,
}

impl DirectoryOrder {
    fn load(conn: &rusqlite::Connection) -> Result<Self> {
        let mut keyed: Vec<(String, Entry)> = rows::search_lines(conn)?
            .into_iter()
            .map(|line| {
                let haystack = [
                    line.name.as_str(),
                    &line.email,
                    &line.department,
                    line.role_name.as_deref().unwrap_or(""),
                ]
                .join(" ")
                .to_lowercase();
                let entry = Entry {
                    id: line.id,
                    role_id: line.role_id,
                    active: line.active,
                    external: line.external,
                    haystack,
                };
                (family_sort_key(&line.name), entry)
            })
            .collect();
        keyed.sort_by(|(a, x), (b, y)| (a, &x.id).cmp(&(b, &y.id)));
        Ok(Self {
            entries: keyed.into_iter().map(|(_, entry)| entry).collect(),
        })
    }

    fn matching<'a>(&'a self, query: &'a PeopleQuery) -> impl Iterator<Item = &'a Entry> + 'a {
        let words: Vec<String> = query
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.entries.iter().filter(move |entry| {
            (query.include_inactive || entry.active)
                && query
                    .role_id
                    .as_ref()
                    .is_none_or(|role| entry.role_id.as_ref() == Some(role))
                && match query.kind {
                    PeopleKind::Everyone => true,
                    PeopleKind::Staff => !entry.external,
                    PeopleKind::External => entry.external,
                }
                && words
                    .iter()
                    .all(|word| entry.haystack.contains(word.as_str()))
        })
    }
}

impl Store {
    /// One page of the directory: the people matching the search and filters, from
    /// `offset`, at most `limit`, by family name then given name, with how many match.
    /// A page past the end is empty, with the total.
    pub fn people_page(&self, query: &PeopleQuery) -> Result<PeoplePage> {
        self.read_kept(
            |store| &store.kept.directory_order,
            DirectoryOrder::load,
            |conn, order| {
                let mut total = 0u32;
                let mut ids = Vec::new();
                let first = query.offset as usize;
                let end = first.saturating_add(query.limit as usize);
                for entry in order.matching(query) {
                    let at = total as usize;
                    if at >= first && at < end {
                        ids.push(entry.id.as_str());
                    }
                    total += 1;
                }
                let (active_staff, active_external) = order
                    .entries
                    .iter()
                    .filter(|e| e.active)
                    .fold((0u32, 0u32), |(staff, external), e| match e.external {
                        true => (staff, external + 1),
                        false => (staff + 1, external),
                    });
                let rows = ids
                    .into_iter()
                    .map(|id| rows::fetch(conn, id))
                    .collect::<Result<_>>()?;
                Ok(PeoplePage {
                    rows,
                    total,
                    everyone: u32::try_from(order.entries.len()).unwrap_or(u32::MAX),
                    active_staff,
                    active_external,
                })
            },
        )
    }

    /// The departments and sites of the active people, each once, in order: what a
    /// filter by department offers.
    pub fn list_departments(&self) -> Result<Vec<String>> {
        self.read(rows::active_departments)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::PersonDraft;

    fn person(store: &Store, name: &str, department: &str, active: bool, external: bool) -> Person {
        store
            .create_person(&PersonDraft {
                name: name.into(),
                department: department.into(),
                active,
                external,
                ..PersonDraft::default()
            })
            .expect("person")
    }

    fn names(page: &PeoplePage) -> Vec<&str> {
        page.rows.iter().map(|p| p.name.as_str()).collect()
    }

    fn query(text: &str, offset: u32, limit: u32) -> PeopleQuery {
        PeopleQuery {
            query: text.into(),
            offset,
            limit,
            ..PeopleQuery::default()
        }
    }

    fn directory() -> Store {
        let store = Store::open_in_memory().expect("store");
        person(&store, "Dr. Zoe Adams", "North clinic", true, false);
        person(&store, "Okafor, Amara", "South clinic", true, false);
        person(&store, "Ben Carter RN", "North clinic", true, false);
        person(&store, "Lee Baker", "Front desk", false, false);
        person(&store, "Vic Dunn", "Vendor", true, true);
        store
    }

    #[test]
    fn a_page_is_in_the_directory_order_with_the_total_and_the_headcounts() {
        let store = directory();
        let page = store.people_page(&query("", 0, 2)).expect("page");
        assert_eq!(
            names(&page),
            ["Dr. Zoe Adams", "Ben Carter RN"],
            "by family name, titles and credentials ignored, the people who left left out"
        );
        assert_eq!(page.total, 4, "every active person matches an empty search");
        assert_eq!(
            (page.active_staff, page.active_external),
            (3, 1),
            "the heading's counts"
        );
        assert_eq!(
            page.everyone, 5,
            "everyone in the directory, those who left too"
        );
        let next = store.people_page(&query("", 2, 2)).expect("next page");
        assert_eq!(
            names(&next),
            ["Vic Dunn", "Okafor, Amara"],
            "the next page follows on"
        );
        let past = store.people_page(&query("", 10, 2)).expect("past the end");
        assert!(past.rows.is_empty(), "a page past the end is empty");
        assert_eq!(past.total, 4, "and still says how many match");
    }

    #[test]
    fn the_search_and_filters_narrow_the_page_and_its_total() {
        let store = directory();
        let north = store
            .people_page(&query("north CLINIC", 0, 10))
            .expect("search");
        assert_eq!(
            names(&north),
            ["Dr. Zoe Adams", "Ben Carter RN"],
            "every word must match, whatever its case"
        );
        assert_eq!(north.total, 2);
        let everyone = PeopleQuery {
            include_inactive: true,
            ..query("", 0, 10)
        };
        assert_eq!(
            store.people_page(&everyone).expect("all").total,
            5,
            "people who left on request"
        );
        let external = PeopleQuery {
            kind: PeopleKind::External,
            ..query("", 0, 10)
        };
        assert_eq!(
            names(&store.people_page(&external).expect("external")),
            ["Vic Dunn"]
        );
        let staff = PeopleQuery {
            kind: PeopleKind::Staff,
            ..query("", 0, 10)
        };
        assert_eq!(
            store.people_page(&staff).expect("staff").total,
            3,
            "staff leaves out vendors"
        );
        let role = store
            .list_roles()
            .expect("roles")
            .into_iter()
            .next()
            .expect("a role");
        let by_role = PeopleQuery {
            role_id: Some(role.id),
            ..query("", 0, 10)
        };
        assert_eq!(
            store.people_page(&by_role).expect("role").total,
            0,
            "nobody holds the role"
        );
    }

    #[test]
    fn a_change_to_the_directory_shows_on_the_next_page_asked_for() {
        let store = directory();
        assert_eq!(store.people_page(&query("", 0, 10)).expect("page").total, 4);
        let amara = person(&store, "Amara Abbott", "North clinic", true, false);
        let page = store.people_page(&query("", 0, 1)).expect("page");
        assert_eq!(
            names(&page),
            ["Amara Abbott"],
            "a new person takes their place in the order"
        );
        let renamed = store
            .update_person(
                &amara.id,
                amara.row_version,
                &PersonDraft {
                    name: "Amara Young".into(),
                    ..amara.draft()
                },
            )
            .expect("renamed");
        let found = store.people_page(&query("young", 0, 10)).expect("search");
        assert_eq!(found.rows, vec![renamed], "the search reads the new name");
        store.trash_person(&amara.id).expect("trashed");
        assert_eq!(
            store
                .people_page(&query("young", 0, 10))
                .expect("search")
                .total,
            0,
            "the trash is left out"
        );
    }

    #[test]
    fn departments_are_those_of_the_active_people_each_once() {
        let store = directory();
        assert_eq!(
            store.list_departments().expect("departments"),
            ["North clinic", "South clinic", "Vendor"],
            "in order, once each, without those of people who left"
        );
    }

    /// Every column the kept order reads is one whose change makes it stale.
    #[test]
    fn the_kept_order_watches_every_column_it_reads() {
        let store = directory();
        let read = store.columns_read(|conn| DirectoryOrder::load(conn).map(drop));
        let unwatched = DIRECTORY_READS.unwatched(&read);
        assert!(
            unwatched.is_empty(),
            "every column the order reads is watched; not: {unwatched:?}"
        );
    }
}
