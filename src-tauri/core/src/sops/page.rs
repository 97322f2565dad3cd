//! The library a page at a time: the SOP library screen asks for the rows it draws (the
//! filters and the full-text search applied, in order) with how many match and what its
//! filters offer, rather than for every SOP it would filter itself.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::review::is_due_for_review;
use super::store::sops as store;
use super::{SearchHit, SopStatus, SopSummary};
use crate::store::Reads;
use crate::{Result, Store};

/// How many SOPs a search ranks at most before the filters apply.
pub const SEARCH_LIMIT: i64 = 100;

/// What the library screen asks for: its filters, its search, and which rows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SopLibraryQuery {
    /// Full-text search of codes, titles, steps and exceptions; empty lists every SOP.
    pub query: String,
    pub status: Option<SopStatus>,
    pub owner: Option<String>,
    pub tag: Option<String>,
    /// Only SOPs in force whose review is past or within `review_within_days`.
    pub due_only: bool,
    pub review_within_days: u32,
    /// The first matching row wanted (0 for the top of the list).
    pub offset: u32,
    pub limit: u32,
}

/// One SOP of the page, with where a search found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SopLibraryRow {
    pub sop: SopSummary,
    pub hit: Option<SearchHit>,
}

/// One page of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SopLibraryPage {
    /// By code, or in the search's rank order; at most `limit` from `offset`.
    pub rows: Vec<SopLibraryRow>,
    /// How many SOPs match the filters and the search.
    pub total: u32,
    /// Every SOP in the library (not in the trash).
    pub everyone: u32,
    /// SOPs in force due for review within the days asked, or overdue.
    pub due_for_review: u32,
    /// Every owner and tag in the library, each once, for the filters.
    pub owners: Vec<String>,
    pub tags: Vec<String>,
}

/// The columns the kept library reads: each live SOP's summary and its latest approved
/// version.
pub(crate) const LIBRARY_READS: Reads = Reads {
    name: "sop_library",
    tables: &[
        (
            "sops",
            &[
                "id",
                "code",
                "title",
                "owner",
                "status",
                "version",
                "effective_date",
                "review_interval_months",
                "next_review_override",
                "last_reviewed_on",
                "tags",
                "deleted_at",
            ],
        ),
        ("sop_revisions", &["sop_id", "version"]),
    ],
    pointed_at: &[],
};

/// Every live SOP's summary by code, with the owners and tags its filters offer: kept
/// between reads ([`LIBRARY_READS`]), so that a filter, a page or a search reads no SOP
/// again while none has changed.
#[derive(Debug, Default)]
pub(crate) struct Library {
    sops: Vec<SopSummary>,
    /// Where each SOP is in `sops`, by id: a search's hits are found by it.
    at: HashMap<String, usize>,
    owners: Vec<String>,
    tags: Vec<String>,
}

impl Library {
    /// Every live SOP's summary, by code.
    pub(super) fn summaries(&self) -> impl Iterator<Item = &SopSummary> {
        self.sops.iter()
    }

    fn load(conn: &rusqlite::Connection) -> Result<Self> {
        let sops = store::live_summaries(conn)?;
        let at = sops
            .iter()
            .enumerate()
            .map(|(index, sop)| (sop.id.clone(), index))
            .collect();
        let owners = distinct(sops.iter().map(|sop| sop.owner.as_str()));
        let tags = distinct(
            sops.iter()
                .flat_map(|sop| sop.tags.iter().map(String::as_str)),
        );
        Ok(Self {
            sops,
            at,
            owners,
            tags,
        })
    }
}

impl Store {
    /// One page of the library, filtered and searched, with its counts and the filters'
    /// choices. A page past the end is empty, with the total.
    pub fn sop_library_page(
        &self,
        query: &SopLibraryQuery,
        today: NaiveDate,
    ) -> Result<SopLibraryPage> {
        let hits = match query.query.trim().is_empty() {
            true => None,
            false => Some(self.search_sops(&query.query, SEARCH_LIMIT)?),
        };
        self.read_library(|_, library| Ok(page_of(library, query, hits, today)))
    }

    /// Runs `f` in one read with the library kept from an earlier read while no SOP has
    /// changed since.
    pub(super) fn read_library<T>(
        &self,
        f: impl FnOnce(&rusqlite::Connection, &Library) -> Result<T>,
    ) -> Result<T> {
        self.read_kept(|store| &store.kept.sop_library, Library::load, f)
    }

    /// The library (not the trash), by code.
    pub fn list_sops(&self) -> Result<Vec<SopSummary>> {
        self.read_library(|_, library| Ok(library.sops.clone()))
    }
}

/// The page `query` asks for of `library`, with `hits` the search's in rank order (none
/// without a search).
fn page_of(
    library: &Library,
    query: &SopLibraryQuery,
    hits: Option<Vec<SearchHit>>,
    today: NaiveDate,
) -> SopLibraryPage {
    let horizon = today
        .checked_add_days(Days::new(u64::from(query.review_within_days)))
        .unwrap_or(today);
    let due = |sop: &SopSummary| {
        is_due_for_review(
            sop.status,
            sop.approved_version,
            sop.next_review_date,
            horizon,
        )
    };
    let kept = |sop: &SopSummary| {
        query.status.is_none_or(|status| sop.status == status)
            && query.owner.as_ref().is_none_or(|owner| &sop.owner == owner)
            && query.tag.as_ref().is_none_or(|tag| sop.tags.contains(tag))
            && (!query.due_only || due(sop))
    };
    let matching: Vec<(&SopSummary, Option<SearchHit>)> = match hits {
        None => library
            .sops
            .iter()
            .filter(|sop| kept(sop))
            .map(|sop| (sop, None))
            .collect(),
        Some(hits) => {
            let mut seen = HashSet::new();
            hits.into_iter()
                .filter_map(|hit| {
                    let sop = &library.sops[*library.at.get(&hit.sop_id)?];
                    (seen.insert(sop.id.as_str()) && kept(sop)).then_some((sop, Some(hit)))
                })
                .collect()
        }
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    SopLibraryPage {
        total: count(matching.len()),
        rows: matching
            .into_iter()
            .skip(query.offset as usize)
            .take(query.limit as usize)
            .map(|(sop, hit)| SopLibraryRow {
                sop: sop.clone(),
                hit,
            })
            .collect(),
        everyone: count(library.sops.len()),
        due_for_review: count(library.sops.iter().filter(|sop| due(sop)).count()),
        owners: library.owners.clone(),
        tags: library.tags.clone(),
    }
}

/// The non-blank values, each once, in alphabetical order ignoring case.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut all: Vec<&str> = values.filter(|v| !v.trim().is_empty()).collect();
    all.sort_by_key(|v| (v.to_lowercase(), *v));
    all.dedup();
    all.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sops::{SopDraft, Step};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")
    }

    fn add(store: &Store, code: &str, title: &str, owner: &str, tags: &[&str]) -> String {
        store
            .create_sop(&SopDraft {
                code: code.into(),
                title: title.into(),
                owner: owner.into(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                steps: vec![Step {
                    role: "Front desk".into(),
                    instruction: format!("Do the {title} work"),
                    ..Step::default()
                }],
                ..SopDraft::default()
            })
            .expect("sop")
            .id
    }

    fn library() -> Store {
        let store = Store::open_in_memory().expect("store");
        add(
            &store,
            "FD-002",
            "Insurance check",
            "Priya Nair",
            &["front desk"],
        );
        add(
            &store,
            "BL-001",
            "Charge capture",
            "marcus Bell",
            &["billing"],
        );
        add(
            &store,
            "FD-001",
            "Check-in",
            "Priya Nair",
            &["front desk", "billing"],
        );
        // Approved a year and more ago: its review has passed.
        let id = add(&store, "CL-009", "Refills", "", &[]);
        let sop = store.get_sop(&id).expect("sop");
        store
            .approve_sop(&id, sop.row_version, "Dana Okafor", "2025-06-01")
            .expect("approved");
        store
    }

    fn page(store: &Store, query: SopLibraryQuery) -> SopLibraryPage {
        store.sop_library_page(&query, today()).expect("page")
    }

    fn codes(page: &SopLibraryPage) -> Vec<&str> {
        page.rows.iter().map(|r| r.sop.code.as_str()).collect()
    }

    fn all(offset: u32, limit: u32) -> SopLibraryQuery {
        SopLibraryQuery {
            review_within_days: 30,
            offset,
            limit,
            ..SopLibraryQuery::default()
        }
    }

    #[test]
    fn a_page_is_by_code_with_the_counts_and_the_filters_choices() {
        let store = library();
        let first = page(&store, all(0, 2));
        assert_eq!(
            codes(&first),
            ["BL-001", "CL-009"],
            "by code, the first two"
        );
        assert_eq!(
            (first.total, first.everyone),
            (4, 4),
            "every SOP matches no filter"
        );
        assert_eq!(
            first.due_for_review, 1,
            "the approved SOP past its review is due"
        );
        assert_eq!(
            first.owners,
            ["marcus Bell", "Priya Nair"],
            "owners once each, ignoring case"
        );
        assert_eq!(first.tags, ["billing", "front desk"]);
        assert_eq!(
            codes(&page(&store, all(2, 2))),
            ["FD-001", "FD-002"],
            "the next page follows on"
        );
        let past = page(&store, all(9, 2));
        assert!(past.rows.is_empty(), "a page past the end is empty");
        assert_eq!(past.total, 4, "and still says how many match");
    }

    #[test]
    fn the_filters_narrow_the_page_and_its_total() {
        let store = library();
        let of = |query: SopLibraryQuery| codes(&page(&store, query)).join(" ");
        assert_eq!(
            of(SopLibraryQuery {
                owner: Some("Priya Nair".into()),
                tag: Some("billing".into()),
                ..all(0, 10)
            }),
            "FD-001",
            "owner and tag together"
        );
        assert_eq!(
            of(SopLibraryQuery {
                status: Some(SopStatus::Approved),
                ..all(0, 10)
            }),
            "CL-009"
        );
        assert_eq!(
            of(SopLibraryQuery {
                due_only: true,
                ..all(0, 10)
            }),
            "CL-009",
            "only what is due for review"
        );
    }

    #[test]
    fn a_search_lists_the_hits_in_rank_order_within_the_filters() {
        let store = library();
        let found = page(
            &store,
            SopLibraryQuery {
                query: "check".into(),
                ..all(0, 10)
            },
        );
        let mut found_codes = codes(&found);
        found_codes.sort_unstable();
        assert_eq!(
            found_codes,
            ["FD-001", "FD-002"],
            "both SOPs about checks, none other"
        );
        assert!(
            found.rows.iter().all(|r| r.hit.is_some()),
            "each row says where the search found it"
        );
        let narrowed = page(
            &store,
            SopLibraryQuery {
                query: "check".into(),
                tag: Some("billing".into()),
                ..all(0, 10)
            },
        );
        assert_eq!(
            codes(&narrowed),
            ["FD-001"],
            "the filters apply to the hits"
        );
        assert_eq!(narrowed.total, 1);
        let none = page(
            &store,
            SopLibraryQuery {
                query: "xylophone".into(),
                ..all(0, 10)
            },
        );
        assert_eq!(
            (none.total, none.everyone),
            (0, 4),
            "nothing found, the library still counted"
        );
    }
    /// The library kept between reads is the one read afresh; each change to what it
    /// reads — an SOP approved, renamed, tagged, trashed, a new one — shows on the next
    /// page with its counts and the filters' choices, while a purpose typed leaves it
    /// kept.
    #[test]
    fn a_change_to_the_library_shows_on_the_next_page_asked_for() {
        let store = library();
        let loads = |store: &Store| store.kept.sop_library.loads();
        let afresh = |store: &Store| {
            store
                .read(|conn| {
                    Ok(super::super::store::sops::list_heads(conn, false)?
                        .iter()
                        .map(super::super::library::summary)
                        .collect::<Vec<_>>())
                })
                .expect("read afresh")
        };
        let agrees = |store: &Store, what: &str| {
            assert_eq!(store.list_sops().expect("kept"), afresh(store), "{what}");
        };
        assert_eq!(page(&store, all(0, 10)).total, 4);
        agrees(&store, "as added");
        let read = loads(&store);

        let id = store.find_sop_by_code("FD-002").expect("sop").id;
        let sop = store.get_sop(&id).expect("sop");
        let sop = store
            .update_sop(
                &id,
                sop.row_version,
                &SopDraft {
                    purpose: "Catch coverage problems before the visit".into(),
                    ..sop.draft()
                },
            )
            .expect("purpose typed");
        assert_eq!(page(&store, all(0, 10)).total, 4);
        assert_eq!(
            loads(&store),
            read,
            "a purpose typed leaves the library kept"
        );

        store
            .approve_sop(&id, sop.row_version, "Dana Okafor", "2025-01-15")
            .expect("approved");
        let approved = page(
            &store,
            SopLibraryQuery {
                status: Some(SopStatus::Approved),
                ..all(0, 10)
            },
        );
        assert_eq!(
            codes(&approved),
            ["CL-009", "FD-002"],
            "approved, it is listed so"
        );
        assert_eq!(approved.due_for_review, 2, "and its review has passed too");
        agrees(&store, "an SOP approved");

        let sop = store.get_sop(&id).expect("sop");
        store
            .update_sop(
                &id,
                sop.row_version,
                &SopDraft {
                    title: "Eligibility check".into(),
                    owner: "Ana Ortiz".into(),
                    tags: vec!["front desk".into(), "insurance".into()],
                    ..sop.draft()
                },
            )
            .expect("renamed and tagged");
        let renamed = page(
            &store,
            SopLibraryQuery {
                tag: Some("insurance".into()),
                ..all(0, 10)
            },
        );
        assert_eq!(
            renamed
                .rows
                .iter()
                .map(|r| r.sop.title.as_str())
                .collect::<Vec<_>>(),
            ["Eligibility check"],
            "the new title under the new tag"
        );
        assert_eq!(renamed.tags, ["billing", "front desk", "insurance"]);
        assert_eq!(renamed.owners, ["Ana Ortiz", "marcus Bell", "Priya Nair"]);
        agrees(&store, "an SOP renamed, given an owner and tagged");

        add(&store, "AA-001", "Opening up", "", &[]);
        let first = page(&store, all(0, 1));
        assert_eq!(
            codes(&first),
            ["AA-001"],
            "a new SOP takes its place by code"
        );
        assert_eq!((first.total, first.everyone), (5, 5));

        store.trash_sop(&id).expect("trashed");
        let after = page(&store, all(0, 10));
        assert_eq!(codes(&after), ["AA-001", "BL-001", "CL-009", "FD-001"]);
        assert_eq!(
            (after.total, after.everyone, after.due_for_review),
            (4, 4, 1)
        );
        assert!(
            !after.tags.contains(&"insurance".to_string()),
            "the trashed SOP's tag is no longer offered"
        );
        agrees(&store, "an SOP trashed");
        let found = page(
            &store,
            SopLibraryQuery {
                query: "eligibility".into(),
                ..all(0, 10)
            },
        );
        assert_eq!(found.total, 0, "the trashed SOP is not found either");
    }

    /// The SOPs due for review are the same whether the library is kept (its page was
    /// opened) or not (read from SQL), day by day across a year of reviews.
    #[test]
    fn the_sops_due_for_review_are_the_same_from_the_kept_library() {
        let store = library();
        let id = store.find_sop_by_code("FD-002").expect("sop").id;
        let sop = store.get_sop(&id).expect("sop");
        store
            .approve_sop(&id, sop.row_version, "Dana Okafor", "2026-03-10")
            .expect("approved");
        let days = || (0..400).step_by(7).map(|d| today() + Days::new(d));
        let unkept: Vec<_> = days()
            .map(|day| store.sops_due_for_review(day, 30).expect("due"))
            .collect();
        assert_eq!(store.kept.sop_library.loads(), 0, "read from SQL, not kept");
        assert!(
            unkept.iter().any(|due| due.len() == 2),
            "both approved SOPs fall due in the year: {unkept:?}"
        );
        page(&store, all(0, 10));
        let kept: Vec<_> = days()
            .map(|day| store.sops_due_for_review(day, 30).expect("due"))
            .collect();
        assert_eq!(kept, unkept, "the same SOPs, in the same order");
        assert_eq!(store.kept.sop_library.loads(), 1, "from the kept library");
    }

    /// Every column the kept library's read asks SQLite for is one whose change makes it
    /// stale ([`LIBRARY_READS`]).
    #[test]
    fn the_kept_library_watches_every_column_it_reads() {
        let store = library();
        let read = store.columns_read(|conn| Library::load(conn).map(drop));
        assert!(
            read.iter().any(|(table, _)| table == "sop_revisions"),
            "the revisions were read: {read:?}"
        );
        let unwatched = LIBRARY_READS.unwatched(&read);
        assert!(
            unwatched.is_empty(),
            "every column the library reads is watched; not: {unwatched:?}"
        );
    }
}
