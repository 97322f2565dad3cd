//! A status as a Word document, written with the SOP export's DOCX parts (styles,
//! tables, runs, package plumbing) so both look alike and escape alike: the title,
//! where each rollout stands as a two-column table, then each section with its note and
//! its items, the tone of each in bold before what happened.

use super::StatusDocument;
use crate::export::sop::docx::{
    package, paragraph, table, Parts, Run, DOCUMENT_CLOSE, DOCUMENT_OPEN,
};
use crate::export::sop::docx_parts::{page_footer_xml, page_header_xml, titled_core_xml};
use crate::Result;

/// The status as DOCX bytes.
pub fn status_docx(document: &StatusDocument) -> Result<Vec<u8>> {
    let o = document.outline();
    let mut body = String::from(DOCUMENT_OPEN);
    body.push_str(&paragraph("Title", &[Run::plain(&o.title)]));
    let week = if o.state.is_empty() {
        o.week.clone()
    } else {
        format!("{} · {}", o.week, o.state)
    };
    body.push_str(&paragraph("", &[Run::italic(&week)]));
    if !o.summary_note.is_empty() {
        body.push_str(&paragraph("", &[Run::plain(&o.summary_note)]));
    }
    body.push_str(&paragraph("", &[Run::bold(&o.headline)]));
    body.push_str(&paragraph("Heading1", &[Run::plain("Where we stand")]));
    for figures in &o.figures {
        body.push_str(&paragraph("", &[Run::bold(&figures.rollout_name)]));
        let rows: Vec<Vec<String>> = figures
            .lines
            .iter()
            .map(|(label, value)| vec![label.clone(), value.clone()])
            .collect();
        body.push_str(&table(&[], &rows, &[1600, 3400]));
    }
    for section in &o.sections {
        body.push_str(&paragraph("Heading1", &[Run::plain(&section.title)]));
        if !section.note.is_empty() {
            body.push_str(&paragraph("", &[Run::plain(&section.note)]));
        }
        for item in &section.items {
            let rollout = if item.rollout_name.is_empty() {
                String::new()
            } else {
                format!("{}: ", item.rollout_name)
            };
            let tone = format!("{} · ", item.tone_label);
            let happened = format!("{rollout}{}", item.happened);
            body.push_str(&paragraph("", &[Run::bold(&tone), Run::plain(&happened)]));
            for (label, value) in &item.details {
                let label = format!("{label}: ");
                body.push_str(&format!(
                    "<w:p><w:pPr><w:ind w:left=\"360\"/><w:spacing w:after=\"60\"/></w:pPr>{}{}</w:p>",
                    Run::italic(&label).xml(),
                    Run::plain(value).xml()
                ));
            }
        }
    }
    body.push_str(&paragraph("", &[Run::italic(&o.next_update)]));
    body.push_str(DOCUMENT_CLOSE);
    let header = page_header_xml(&o.title, &week);
    let footer = page_footer_xml(&o.title);
    let core = titled_core_xml(&o.title);
    package(&Parts {
        core: &core,
        header: &header,
        footer: &footer,
        document: &body,
    })
}
