//! The library a page at a time: the SOP library screen asks for the rows it draws (the
//! filters and the full-text search applied, in order) with how many match and what its
//! filters offer, rather than for every SOP it would filter itself.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::review::is_due_for_review;
use super::{SearchHit, SopStatus, SopSummary};
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

impl Store {
    /// One page of the library, filtered and searched, with its counts and the filters'
    /// choices. A page past the end is empty, with the total.
    pub fn sop_library_page(
        &self,
        query: &SopLibraryQuery,
        today: NaiveDate,
    ) -> Result<SopLibraryPage> {
        let library = self.list_sops()?;
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
        let due_for_review = library.iter().filter(|sop| due(sop)).count();
        let owners = distinct(library.iter().map(|sop| sop.owner.as_str()));
        let tags = distinct(
            library
                .iter()
                .flat_map(|sop| sop.tags.iter().map(String::as_str)),
        );
        let everyone = library.len();
        let matching: Vec<SopLibraryRow> = if query.query.trim().is_empty() {
            library
                .into_iter()
                .filter(kept)
                .map(|sop| SopLibraryRow { sop, hit: None })
                .collect()
        } else {
            let mut by_id: std::collections::HashMap<String, SopSummary> = library
                .into_iter()
                .map(|sop| (sop.id.clone(), sop))
                .collect();
            self.search_sops(&query.query, SEARCH_LIMIT)?
                .into_iter()
                .filter_map(|hit| {
                    let sop = by_id.remove(&hit.sop_id).filter(kept)?;
                    Some(SopLibraryRow {
                        sop,
                        hit: Some(hit),
                    })
                })
                .collect()
        };
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(SopLibraryPage {
            total: count(matching.len()),
            rows: matching
                .into_iter()
                .skip(query.offset as usize)
                .take(query.limit as usize)
                .collect(),
            everyone: count(everyone),
            due_for_review: count(due_for_review),
            owners,
            tags,
        })
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
}
