//! Exports of a rollout, of an SOP and of a programme: one report model ([`RolloutReport`]) rendered as
//! HTML, Markdown, CSV, XLSX, iCal and Microsoft Project XML (PDF in [`crate::pdf`]); SOPs as HTML, Markdown and
//! DOCX; the PHI check that runs before any of them leaves the machine; and [`run_export`],
//! which runs one export from start to finish for the app and the command line alike.

mod csv_files;
mod escalations;
pub mod files;
mod html;
mod ical;
mod lookup;
mod markdown;
mod mspdi;
mod phi;
mod plan_digest;
mod programme;
mod report;
mod report_docx;
mod request;
mod run;
mod sop;
mod status;
mod summary;
pub mod svg;
pub mod tables;
pub mod text;
mod xlsx;

pub use csv_files::{rollout_csv_files, rollout_csv_zip, table_csv, write_rollout_csv};
pub use escalations::{
    escalation_export_table, escalation_phi_check, escalations_xlsx, ESCALATIONS_TITLE,
};
pub use html::{rollout_html, rollout_html_with, SECTIONS as HTML_SECTIONS};
pub use ical::rollout_ics;
pub use markdown::{rollout_markdown, rollout_markdown_with};
pub use mspdi::rollout_mspdi;
pub use phi::{phi_check, scan_text, sop_phi_check, PhiHit, PhiKind};
pub(crate) use plan_digest::{digest_intro, lists_every_task, where_every_task, PlanDigest};
pub use programme::programme_phi_check;
pub use report::{MetricReport, RolloutReport, DOCUMENT_VALUES};
pub use report_docx::{rollout_docx, rollout_docx_with};
pub use request::{
    size_text, ExportDetail, ExportFormat, ExportOutcome, ExportRequest, ExportStage, ExportSubject,
};
pub use run::{check_export, export_file_name, run_export};
pub use sop::{
    sop_docx, sop_html, sop_map_print_pages, sop_markdown, version_standing, SopDocument,
    VersionStanding,
};
pub use status::{
    export_file_name_for_status, run_status_export, status_bytes, status_docx, status_html,
    status_markdown, status_phi_check, status_text, OutlineFigures, OutlineItem, OutlineSection,
    StatusDocument, StatusExportRequest, StatusFormat, StatusOutline, StatusSubject,
};
pub use summary::{ExecutiveSummary, SummaryItem, SummaryPart, SummaryTag, SummaryTone};
pub use xlsx::rollout_xlsx;
