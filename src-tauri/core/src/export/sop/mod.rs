//! One SOP as a document to print, post or edit elsewhere: HTML, Markdown and DOCX, each
//! with the same header block (code, version, status, effective date, approver, next
//! review), numbered steps with their role and quality check, and the exceptions table.
//!
//! Whether the version shown is approved — its status line, its effective date, the
//! draft notice — is decided once here ([`version_standing`]) and rendered by every
//! format, the PDF included, so a draft never shows the effective date of the version
//! before it.

pub(super) mod docx;
pub(super) mod docx_parts;
mod docx_picture;
mod html;
mod markdown;

pub use docx::sop_docx;
pub use html::sop_html;
pub use markdown::sop_markdown;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::svg::{sop_map_pages, Svg};
use super::text::date_or_dash;
use crate::sops::map::{process_map, ProcessMap};
use crate::sops::{Sop, SopStatus};
use crate::{Result, Store};

/// An SOP with who approved the version it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SopDocument {
    pub sop: Sop,
    /// Who approved this version; `None` while it is not approved.
    pub approved_by: Option<String>,
    /// The day this version took effect; `None` while it is not approved.
    pub approved_effective: Option<NaiveDate>,
    /// When the SOP was created and last changed: the DOCX's document properties.
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// How the version being exported stands, in the words every format prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionStanding {
    /// Whether this version itself was approved.
    pub approved: bool,
    /// "Approved", "Retired", or "DRAFT — not yet approved".
    pub status: String,
    /// The approved version's own effective date; a draft has none.
    pub effective: String,
    /// What a draft shows above everything else; empty for an approved version.
    pub notice: String,
}

/// The status line, effective-date text and draft notice of `sop` as exported;
/// `effective` is the effective date of its approval, `None` while it is not approved.
/// A working copy keeps the previous version's effective date until approval, so the
/// date is never read from the copy itself.
pub fn version_standing(sop: &Sop, effective: Option<NaiveDate>) -> VersionStanding {
    match effective {
        Some(day) => VersionStanding {
            approved: true,
            status: if sop.status == SopStatus::Retired {
                SopStatus::Retired.label().to_owned()
            } else {
                SopStatus::Approved.label().to_owned()
            },
            effective: date_or_dash(Some(day)),
            notice: String::new(),
        },
        None => {
            let status = if sop.status == SopStatus::InReview {
                "DRAFT — not yet approved (in review)"
            } else {
                "DRAFT — not yet approved"
            };
            let follow = match sop.approved_version {
                Some(version) if version != sop.version => {
                    format!("Staff follow v{version}, the version in force.")
                }
                _ => "No version of this procedure is in force yet.".to_owned(),
            };
            VersionStanding {
                approved: false,
                status: status.to_owned(),
                effective: "None until approved".to_owned(),
                notice: format!("DRAFT — not yet approved. {follow}"),
            }
        }
    }
}

/// How much taller than wide one printed page of a map may be: a Letter page's text
/// area (6.5 × 9 inches in Word, a little more in the PDF) less room for the heading
/// above the map. The PDF and the DOCX cut a long map at the same rows.
const MAP_PAGE_RATIO: f64 = 1.2;

/// The map of `sop` cut into printed pages, each as wide as the text on a Letter page:
/// a 200-step map becomes several pictures, each whole boxes only, with the lane
/// headings repeated (see [`sop_map_pages`]).
pub fn sop_map_print_pages(map: &ProcessMap) -> Vec<Svg> {
    let width = map.width.max(360.0);
    sop_map_pages(map, width * MAP_PAGE_RATIO)
}

impl SopDocument {
    /// The process map of the version shown, laid out by the core.
    pub fn map(&self) -> ProcessMap {
        process_map(&self.sop)
    }

    /// How the version shown stands: see [`version_standing`].
    pub fn standing(&self) -> VersionStanding {
        version_standing(&self.sop, self.approved_effective)
    }

    /// The header block as (label, value) pairs, plain text, in the order every format
    /// shows them.
    pub fn header(&self) -> Vec<(&'static str, String)> {
        let sop = &self.sop;
        let approver = match (&self.approved_by, sop.approved_version) {
            (Some(name), _) => name.clone(),
            (None, Some(version)) => format!("Not yet approved (v{version} is in force)"),
            (None, None) => "Not yet approved".to_owned(),
        };
        let standing = self.standing();
        vec![
            ("Code", sop.code.clone()),
            ("Version", format!("v{}", sop.version)),
            ("Status", standing.status),
            ("Effective", standing.effective),
            ("Approved by", approver),
            ("Next review", date_or_dash(sop.next_review_date)),
            (
                "Owner",
                if sop.owner.trim().is_empty() {
                    "—".into()
                } else {
                    sop.owner.clone()
                },
            ),
        ]
    }
}

impl Store {
    /// The working copy of an SOP with the approver of its version, ready to export.
    pub fn sop_document(&self, sop_id: &str) -> Result<SopDocument> {
        let sop = self.get_sop(sop_id)?;
        let (created_at, updated_at) = self.sop_times(sop_id)?;
        let approval = self
            .sop_revisions(sop_id)?
            .into_iter()
            .find(|r| r.version == sop.version);
        Ok(SopDocument {
            sop,
            approved_effective: approval.as_ref().map(|r| r.effective_date),
            approved_by: approval.map(|r| r.approved_by),
            created_at,
            updated_at,
        })
    }
}
