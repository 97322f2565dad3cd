//! A status as a Word document, written with the SOP export's DOCX parts (styles,
//! tables, runs, package plumbing) so both look alike and escape alike: the title,
//! where each rollout stands as a two-column table, then each section with its note and
//! its items, the tone of each in bold before what happened.

use super::StatusDocument;
use crate::export::sop::docx::{
    package, paragraph, table, xml_escape as x, Parts, Run, DOCUMENT_CLOSE, DOCUMENT_OPEN,
};
use crate::export::sop::docx_parts::WORD;
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
    let header = header_xml(&o.title, &week);
    let footer = footer_xml(&o.title);
    let core = core_xml(&o.title);
    package(&Parts {
        core: &core,
        header: &header,
        footer: &footer,
        document: &body,
    })
}

/// Every page's header: which status, which week.
fn header_xml(title: &str, week: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{WORD}"><w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="D9DEE4"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:tab/><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:hdr>"#,
        x(title),
        x(week)
    )
}

/// Every page's footer: "Page x of y" from Word's own fields.
fn footer_xml(title: &str) -> String {
    let field = |instruction: &str| {
        format!(
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{WORD}"><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0"/><w:rPr><w:sz w:val="16"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">{} · exported from Rollplan</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>{}<w:r><w:t xml:space="preserve"> of </w:t></w:r>{}</w:p></w:ftr>"#,
        x(title),
        field("PAGE"),
        field("NUMPAGES")
    )
}

/// The document's title in its properties; no dates, so the same status gives the
/// same file.
fn core_xml(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>Rollplan</dc:creator><cp:lastModifiedBy>Rollplan</cp:lastModifiedBy></cp:coreProperties>"#,
        x(title)
    )
}
