//! An SOP as a Word document (DOCX): the body here, the parts around it (numbering,
//! header and footer, properties) in `docx_parts.rs`.
//!
//! A DOCX is a zip of a few XML parts. Writing the parts we need with `zip` (already
//! in the build through `rust_xlsxwriter`) keeps the build as it is; the maintained DOCX
//! crates bring image and XML stacks we would not use. The document uses Word's built-in
//! Title and Heading styles (declared in styles.xml) so the navigation pane and a table of
//! contents work, and plain tables with borders.

use std::io::Write;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::docx_parts::{
    core_xml, footer_xml, header_xml, APP, CONTENT_TYPES, DOCUMENT_RELS, NUMBERING, PACKAGE_RELS,
    STEP_NUMBERING,
};
use super::docx_picture::{with_picture_relationships, with_png_type, Picture};
use super::{sop_map_print_pages, SopDocument};
use crate::{CoreError, Result};

pub(in crate::export) const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="0F766E"/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style></w:styles>"#;

pub(in crate::export) const DOCUMENT_OPEN: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#;

/// Letter with one-inch margins, the header and footer of `docx_parts.rs` on every
/// page; the table widths below are in fiftieths of a percent.
pub(in crate::export) const DOCUMENT_CLOSE: &str = r#"<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#;

/// The SOP as DOCX bytes.
pub fn sop_docx(document: &SopDocument) -> Result<Vec<u8>> {
    let map = document.map();
    let pictures = if map.empty.is_some() {
        Vec::new()
    } else {
        sop_map_print_pages(&map)
            .iter()
            .map(Picture::of)
            .collect::<Result<Vec<_>>>()?
    };
    let xml = document_xml(document, &pictures);
    let header = header_xml(document);
    let footer = footer_xml(document);
    let core = core_xml(document);
    package_with_pictures(
        &Parts {
            core: &core,
            header: &header,
            footer: &footer,
            document: &xml,
        },
        &pictures,
    )
}

/// The parts of a document that differ from one document to the next; the rest
/// (styles, numbering, relationships) every Rollplan DOCX shares.
pub(in crate::export) struct Parts<'a> {
    pub core: &'a str,
    pub header: &'a str,
    pub footer: &'a str,
    pub document: &'a str,
}

/// The parts packed as a DOCX: a zip of XML files at the paths Word looks for.
pub(in crate::export) fn package(parts: &Parts<'_>) -> Result<Vec<u8>> {
    package_with_pictures(parts, &[])
}

/// The parts packed as a DOCX with `pictures` as its media, in the order the body
/// numbers them.
pub(in crate::export) fn package_with_pictures(
    parts: &Parts<'_>,
    pictures: &[Picture],
) -> Result<Vec<u8>> {
    let fault = |e: String| CoreError::Database(format!("cannot write the DOCX: {e}"));
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let (content_types, relationships) = if pictures.is_empty() {
        (CONTENT_TYPES.to_owned(), DOCUMENT_RELS.to_owned())
    } else {
        (
            with_png_type(CONTENT_TYPES),
            with_picture_relationships(DOCUMENT_RELS, pictures.len()),
        )
    };
    for (name, body) in [
        ("[Content_Types].xml", content_types.as_str()),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", parts.core),
        ("docProps/app.xml", APP),
        ("word/_rels/document.xml.rels", relationships.as_str()),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
        ("word/header1.xml", parts.header),
        ("word/footer1.xml", parts.footer),
        ("word/document.xml", parts.document),
    ] {
        zip.start_file(name, options)
            .map_err(|e| fault(e.to_string()))?;
        zip.write_all(body.as_bytes())
            .map_err(|e| fault(e.to_string()))?;
    }
    for (index, picture) in pictures.iter().enumerate() {
        // PNG is compressed already: stored, not deflated again.
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        zip.start_file(format!("word/{}", Picture::path(index + 1)), stored)
            .map_err(|e| fault(e.to_string()))?;
        zip.write_all(&picture.png)
            .map_err(|e| fault(e.to_string()))?;
    }
    Ok(zip.finish().map_err(|e| fault(e.to_string()))?.into_inner())
}

/// The body: title, header table, purpose, scope, numbered steps, exceptions table,
/// and the process map as `pictures` (its printed pages) under its figures.
pub(crate) fn document_xml(document: &SopDocument, pictures: &[Picture]) -> String {
    let sop = &document.sop;
    let mut body = String::from(DOCUMENT_OPEN);
    body.push_str(&paragraph(
        "Title",
        &[Run::plain(&format!("{} — {}", sop.code, sop.title))],
    ));
    let notice = document.standing().notice;
    if !notice.is_empty() {
        // The draft mark: bold red in a red box, where the reader looks first.
        let side = |s: &str| {
            format!("<w:{s} w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"B42318\"/>")
        };
        let sides: String = ["top", "left", "bottom", "right"]
            .iter()
            .map(|s| side(s))
            .collect();
        body.push_str(&format!(
            "<w:p><w:pPr><w:pBdr>{sides}</w:pBdr></w:pPr><w:r><w:rPr><w:b/><w:color w:val=\"B42318\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            xml_escape(&notice)
        ));
    }
    let header: Vec<Vec<String>> = document
        .header()
        .into_iter()
        .map(|(label, value)| vec![label.to_owned(), value])
        .collect();
    body.push_str(&table(&[], &header, &[1400, 3600]));
    for (title, text) in [("Purpose", &sop.purpose), ("Scope", &sop.scope)] {
        if !text.trim().is_empty() {
            body.push_str(&paragraph("Heading1", &[Run::plain(title)]));
            body.push_str(&paragraph("", &[Run::plain(text)]));
        }
    }
    body.push_str(&paragraph("Heading1", &[Run::plain("Steps")]));
    for step in &sop.steps {
        // A real list item: Word numbers it and renumbers when a step is added.
        let runs: String = [
            Run::bold(&format!("{}: ", step.role)),
            Run::plain(&step.instruction),
        ]
        .iter()
        .map(Run::xml)
        .collect();
        body.push_str(&format!("<w:p><w:pPr>{STEP_NUMBERING}</w:pPr>{runs}</w:p>"));
        if !step.quality_check.trim().is_empty() {
            body.push_str(&indented(&[Run::italic(&format!(
                "Check: {}",
                step.quality_check
            ))]));
        }
    }
    if !sop.exceptions.is_empty() {
        body.push_str(&paragraph("Heading1", &[Run::plain("Exceptions")]));
        let rows: Vec<Vec<String>> = sop
            .exceptions
            .iter()
            .map(|x| {
                vec![
                    x.trigger.clone(),
                    x.action.clone(),
                    x.escalate_to.clone(),
                    x.within.clone(),
                    x.evidence.clone(),
                ]
            })
            .collect();
        body.push_str(&table(
            &["When", "Do", "Escalate to", "Within", "Evidence"],
            &rows,
            &[1100, 1300, 1000, 600, 1000],
        ));
    }
    body.push_str(&map_xml(document, pictures));
    body.push_str(DOCUMENT_CLOSE);
    body
}

/// The process map: its figures (or why there is none), what it flags, and its pages
/// as pictures, the first on a page of its own.
fn map_xml(document: &SopDocument, pictures: &[Picture]) -> String {
    let map = document.map();
    if let Some(empty) = &map.empty {
        let mut body = paragraph("Heading1", &[Run::plain("Process map")]);
        body.push_str(&paragraph("", &[Run::italic(empty)]));
        return body;
    }
    // The map starts a page, as in the PDF, so its first page is whole.
    let mut body = String::from("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    body.push_str(&paragraph("Heading1", &[Run::plain("Process map")]));
    body.push_str(&paragraph("", &[Run::plain(&map.describe())]));
    for notice in &map.notices {
        body.push_str(&paragraph("", &[Run::italic(notice)]));
    }
    for (index, picture) in pictures.iter().enumerate() {
        body.push_str(&picture.paragraph(index + 1));
    }
    body
}

pub(in crate::export) struct Run<'a> {
    text: &'a str,
    bold: bool,
    italic: bool,
}

impl<'a> Run<'a> {
    pub(in crate::export) fn plain(text: &'a str) -> Self {
        Run {
            text,
            bold: false,
            italic: false,
        }
    }
    pub(in crate::export) fn bold(text: &'a str) -> Self {
        Run {
            text,
            bold: true,
            italic: false,
        }
    }
    pub(in crate::export) fn italic(text: &'a str) -> Self {
        Run {
            text,
            bold: false,
            italic: true,
        }
    }

    /// A run; line breaks in the text become `<w:br/>`.
    pub(in crate::export) fn xml(&self) -> String {
        let mut props = String::new();
        if self.bold {
            props.push_str("<w:b/>");
        }
        if self.italic {
            props.push_str("<w:i/>");
        }
        let props = if props.is_empty() {
            String::new()
        } else {
            format!("<w:rPr>{props}</w:rPr>")
        };
        let lines: Vec<String> = self
            .text
            .lines()
            .map(|line| format!("<w:t xml:space=\"preserve\">{}</w:t>", xml_escape(line)))
            .collect();
        format!("<w:r>{props}{}</w:r>", lines.join("<w:br/>"))
    }
}

pub(in crate::export) fn paragraph(style: &str, runs: &[Run]) -> String {
    let props = if style.is_empty() {
        String::new()
    } else {
        format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>")
    };
    let runs: String = runs.iter().map(Run::xml).collect();
    format!("<w:p>{props}{runs}</w:p>")
}

fn indented(runs: &[Run]) -> String {
    let runs: String = runs.iter().map(Run::xml).collect();
    format!("<w:p><w:pPr><w:ind w:left=\"360\"/></w:pPr>{runs}</w:p>")
}

/// Twentieths of a point across a portrait Letter page's 6.5-inch text width.
pub(in crate::export) const PORTRAIT_TEXT_WIDTH: u32 = 9360;

/// A bordered table over a portrait page's text width; `widths` are relative column
/// shares.
pub(in crate::export) fn table(headers: &[&str], rows: &[Vec<String>], widths: &[u32]) -> String {
    table_across(headers, rows, widths, PORTRAIT_TEXT_WIDTH)
}

/// A bordered table over `text_width` twips; `widths` are relative column shares. Its
/// text is a point or two smaller than the body's (the Table Text style), as reports
/// set tables, so a plan's seven columns fit a portrait page.
pub(in crate::export) fn table_across(
    headers: &[&str],
    rows: &[Vec<String>],
    widths: &[u32],
    text_width: u32,
) -> String {
    let total: u32 = widths.iter().sum::<u32>().max(1);
    let twips: Vec<u32> = widths.iter().map(|w| w * text_width / total).collect();
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"D9DEE4\"/>")
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let mut xml = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
    );
    for w in &twips {
        xml.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    xml.push_str("</w:tblGrid>");
    let cell = |text: &str, width: u32, header: bool| {
        let shade = if header {
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F5F7FA\"/>"
        } else {
            ""
        };
        let run = if header {
            Run::bold(text)
        } else {
            Run::plain(text)
        };
        format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>{}</w:p></w:tc>", run.xml())
    };
    if !headers.is_empty() {
        xml.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
        for (h, w) in headers.iter().zip(&twips) {
            xml.push_str(&cell(h, *w, true));
        }
        xml.push_str("</w:tr>");
    }
    for row in rows {
        xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (i, (text, w)) in row.iter().zip(&twips).enumerate() {
            // In a header block (no column headers) the first column is the label.
            xml.push_str(&cell(text, *w, headers.is_empty() && i == 0));
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl><w:p/>");
    xml
}

/// Text safe in XML: the five entities escaped, and characters XML 1.0 forbids dropped
/// (a stray control character pasted from another app would make Word refuse the file).
pub(in crate::export) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
