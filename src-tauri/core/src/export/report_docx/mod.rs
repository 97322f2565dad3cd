//! The rollout report as a Word document. Its content is the Markdown report's, read
//! back with a CommonMark parser and written as WordprocessingML (`from_markdown.rs`):
//! one text for both formats, so a section, a figure or a sentence added to the report
//! reaches the Word document without a second renderer to keep in step. The package,
//! styles and page parts are the ones the SOP and status documents use.

mod from_markdown;

use super::sop::docx::{package, Parts, DOCUMENT_CLOSE, DOCUMENT_OPEN};
use super::sop::docx_parts::{page_footer_xml, page_header_xml, titled_core_xml};
use super::text::date_long;
use super::{rollout_markdown_with, ExportDetail, RolloutReport};
use crate::Result;

/// The standard report as DOCX bytes ([`ExportDetail::Standard`]).
pub fn rollout_docx(report: &RolloutReport) -> Result<Vec<u8>> {
    rollout_docx_with(report, ExportDetail::Standard)
}

/// The report as DOCX bytes holding as much as `detail` says, as the Markdown report
/// does.
pub fn rollout_docx_with(report: &RolloutReport, detail: ExportDetail) -> Result<Vec<u8>> {
    let markdown = rollout_markdown_with(report, detail);
    let mut body = String::from(DOCUMENT_OPEN);
    body.push_str(&from_markdown::body_xml(&markdown));
    body.push_str(DOCUMENT_CLOSE);
    let title = format!("{} — rollout report", report.rollout.name);
    let header = page_header_xml(&title, &format!("Exported {}", date_long(report.as_of)));
    let footer = page_footer_xml(&report.rollout.name);
    let core = titled_core_xml(&title);
    package(&Parts {
        core: &core,
        header: &header,
        footer: &footer,
        document: &body,
    })
}
