//! One SOP as a document to print, post or edit elsewhere: HTML, Markdown and DOCX, each
//! with the same header block (code, version, status, effective date, approver, next
//! review), numbered steps with their role and quality check, and the exceptions table.

mod docx;
mod html;
mod markdown;

pub use docx::sop_docx;
pub use html::sop_html;
pub use markdown::sop_markdown;

use serde::Serialize;
use ts_rs::TS;

use super::text::date_or_dash;
use crate::sops::Sop;
use crate::{Result, Store};

/// An SOP with who approved the version it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SopDocument {
    pub sop: Sop,
    /// Who approved this version; `None` while it is not approved.
    pub approved_by: Option<String>,
}

impl SopDocument {
    /// The header block as (label, value) pairs, plain text, in the order every format
    /// shows them.
    pub fn header(&self) -> Vec<(&'static str, String)> {
        let sop = &self.sop;
        let approver = match (&self.approved_by, sop.approved_version) {
            (Some(name), _) => name.clone(),
            (None, Some(version)) => format!("Not yet approved (v{version} is in force)"),
            (None, None) => "Not yet approved".to_owned(),
        };
        vec![
            ("Code", sop.code.clone()),
            ("Version", format!("v{}", sop.version)),
            ("Status", sop.status.label().to_owned()),
            ("Effective", date_or_dash(sop.effective_date)),
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
        let approved_by = self
            .sop_revisions(sop_id)?
            .into_iter()
            .find(|r| r.version == sop.version)
            .map(|r| r.approved_by);
        Ok(SopDocument { sop, approved_by })
    }
}
