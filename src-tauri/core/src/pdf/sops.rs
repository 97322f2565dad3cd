//! SOP documents as PDF: one SOP (the working copy or an approved version), and the
//! whole library as a binder with a contents page.

use chrono::NaiveDate;
use serde::Serialize;

use super::world::typeset;
use crate::export::svg::Svg;
use crate::export::text::date_or_dash as day;
use crate::sops::map::process_map;
use crate::sops::{Revision, Sop, SopStatus};
use crate::{CoreError, Result, Store};

const TEMPLATE: &str = include_str!("sop.typ");

/// What the template reads.
#[derive(Serialize)]
struct Document {
    title: String,
    footer: String,
    printed_on: String,
    binder: bool,
    sops: Vec<Sheet>,
}

/// One SOP as printed: every value already in words.
#[derive(Serialize)]
struct Sheet {
    code: String,
    title: String,
    version: i64,
    status: String,
    approved: bool,
    effective: String,
    /// The draft notice; empty for an approved version.
    notice: String,
    approved_by: String,
    owner: String,
    next_review: String,
    purpose: String,
    scope: String,
    steps: Vec<crate::sops::Step>,
    exceptions: Vec<crate::sops::SopException>,
    map: MapSheet,
}

/// The SOP's process map as printed: pages of the drawing, whole boxes on each, with
/// the sentence that says what it shows as their caption (and as the pictures' alt
/// text), and what the drawing flags in words.
#[derive(Serialize)]
struct MapSheet {
    caption: String,
    /// The calm sentence printed instead of a map when the SOP has no steps.
    empty: Option<String>,
    pages: Vec<Svg>,
    notices: Vec<String>,
}

fn map_sheet(sop: &Sop) -> MapSheet {
    let map = process_map(sop);
    if let Some(empty) = map.empty.clone() {
        return MapSheet {
            caption: String::new(),
            empty: Some(empty),
            pages: Vec::new(),
            notices: Vec::new(),
        };
    }
    MapSheet {
        caption: map.describe(),
        empty: None,
        pages: crate::export::sop_map_print_pages(&map),
        notices: map.notices.clone(),
    }
}

fn sheet(sop: &Sop, approval: Option<&Revision>) -> Sheet {
    let standing = crate::export::version_standing(sop, approval.map(|a| a.effective_date));
    Sheet {
        code: sop.code.clone(),
        title: sop.title.clone(),
        version: sop.version,
        status: standing.status,
        approved: standing.approved,
        effective: standing.effective,
        notice: standing.notice,
        approved_by: approval.map_or_else(|| "—".to_owned(), |a| a.approved_by.clone()),
        owner: if sop.owner.is_empty() {
            "—".to_owned()
        } else {
            sop.owner.clone()
        },
        next_review: day(sop.next_review_date),
        purpose: sop.purpose.clone(),
        scope: sop.scope.clone(),
        steps: sop.steps.clone(),
        exceptions: sop.exceptions.clone(),
        map: map_sheet(sop),
    }
}

/// One SOP as a PDF: `version` picks an approved version; without it, the working copy
/// (marked as a draft unless it is itself approved).
pub fn sop_pdf(
    store: &Store,
    sop_id: &str,
    version: Option<i64>,
    today: NaiveDate,
) -> Result<Vec<u8>> {
    let working = store.get_sop(sop_id)?;
    let revisions = store.sop_revisions(sop_id)?;
    let wanted = version.unwrap_or(working.version);
    let approval = revisions.iter().find(|r| r.version == wanted);
    let shown = match (version, approval) {
        (Some(_), Some(approval)) => &approval.snapshot,
        (Some(number), None) if number != working.version => {
            return Err(CoreError::invalid(
                "version",
                format!("{} has no version {number}.", working.code),
            ))
        }
        _ => &working,
    };
    typeset(
        TEMPLATE,
        &Document {
            title: format!("{} {}", shown.code, shown.title),
            footer: format!("{} v{}", shown.code, shown.version),
            printed_on: day(Some(today)),
            binder: false,
            sops: vec![sheet(shown, approval)],
        },
    )
}

/// The library as one binder: a cover, contents, and each SOP on its own pages — the
/// approved version in force where there is one, otherwise the draft, marked as such.
pub fn sop_library_pdf(store: &Store, library_title: &str, today: NaiveDate) -> Result<Vec<u8>> {
    let mut sheets = Vec::new();
    for summary in store.list_sops()? {
        if summary.status == SopStatus::Retired {
            continue;
        }
        let in_force = store.sop_in_force_on(&summary.id, today)?;
        match in_force {
            Some(revision) => sheets.push(sheet(&revision.snapshot, Some(&revision))),
            None => sheets.push(sheet(&store.get_sop(&summary.id)?, None)),
        }
    }
    if sheets.is_empty() {
        return Err(CoreError::invalid(
            "sops",
            "The library has no SOPs to print yet.",
        ));
    }
    typeset(
        TEMPLATE,
        &Document {
            title: library_title.to_owned(),
            footer: library_title.to_owned(),
            printed_on: day(Some(today)),
            binder: true,
            sops: sheets,
        },
    )
}
