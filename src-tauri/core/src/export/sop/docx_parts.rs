//! The parts of an SOP's DOCX around its body: the package's content types and
//! relationships, the numbering definition the steps use, the page header (code, title,
//! version, status) and footer ("Page x of y"), and the document properties Word and file
//! browsers show (title, subject, author, dates).
//!
//! Kept apart from `docx.rs`, which writes the body, because these parts are the
//! package's plumbing: each is fixed text or a few values filled into it.

use chrono::{DateTime, Utc};

use super::docx::xml_escape as x;
use super::SopDocument;

/// Every part, by name; `docx.rs` adds the body and styles it writes itself.
pub(in crate::export) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

pub(in crate::export) const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

/// The body's relationships: `rId3` and `rId4` are what its section names as header
/// and footer.
pub(in crate::export) const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// The numbering steps use ([`STEP_NUMBERING`]): "1.", "2.", ... hanging in the margin, so
/// Word renumbers them when a step is added and its list tools work; and bullets
/// ([`BULLETS`]) for the lists of a report.
pub(in crate::export) const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="240"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="240"/></w:pPr></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="·"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="240"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;

/// The numbering of a bullet list ([`NUMBERING`]'s second list), three levels deep.
pub(in crate::export) const BULLETS: &str = "2";

/// The paragraph properties of a step: the first level of numbering 1.
pub(super) const STEP_NUMBERING: &str =
    r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#;

/// Extended properties: the application that wrote the file.
pub(in crate::export) const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Rollplan</Application></Properties>"#;

pub(in crate::export) const WORD: &str =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The header of every page: code and title on the left, version and status on the
/// right, so a loose page 3 still says which procedure, which version, and whether it is
/// approved.
pub(super) fn header_xml(document: &SopDocument) -> String {
    let sop = &document.sop;
    page_header_xml(
        &format!("{} — {}", sop.code, sop.title),
        &format!("v{} · {}", sop.version, document.standing().status),
    )
}

/// The footer of every page: the code and version, and "Page x of y".
pub(super) fn footer_xml(document: &SopDocument) -> String {
    let sop = &document.sop;
    page_footer_xml(&format!("{} v{}", sop.code, sop.version))
}

/// Every page's header of any Rollplan document: `left` in bold (what the document
/// is), `right` against the right margin (which version, week or date), over a rule.
pub(in crate::export) fn page_header_xml(left: &str, right: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{WORD}"><w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="D9DEE4"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:tab/><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:hdr>"#,
        x(left),
        x(right)
    )
}

/// Every page's footer of any Rollplan document: what it is, "exported from Rollplan",
/// and "Page x of y" from Word's PAGE and NUMPAGES fields, which the reader's word
/// processor fills in as it lays out pages.
pub(in crate::export) fn page_footer_xml(left: &str) -> String {
    let field = |instruction: &str| {
        format!(
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{WORD}"><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0"/><w:rPr><w:sz w:val="16"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">{} · exported from Rollplan</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>{}<w:r><w:t xml:space="preserve"> of </w:t></w:r>{}</w:p></w:ftr>"#,
        x(left),
        field("PAGE"),
        field("NUMPAGES")
    )
}

/// The properties of a document known by its title alone; no dates, so the same
/// content gives the same file.
pub(in crate::export) fn titled_core_xml(title: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>Rollplan</dc:creator><cp:lastModifiedBy>Rollplan</cp:lastModifiedBy></cp:coreProperties>"#,
        x(title)
    )
}

/// The core properties: title, the code as subject, the owner as author (Rollplan when
/// the SOP names none), the status, and when the SOP was created and last changed.
pub(super) fn core_xml(document: &SopDocument) -> String {
    let sop = &document.sop;
    let w3c = |at: DateTime<Utc>| at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let creator = if sop.owner.trim().is_empty() {
        "Rollplan"
    } else {
        sop.owner.trim()
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:lastModifiedBy>Rollplan</cp:lastModifiedBy><cp:keywords>{}</cp:keywords><cp:contentStatus>{}</cp:contentStatus><cp:revision>{}</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{}</dcterms:modified></cp:coreProperties>"#,
        x(&sop.title),
        x(&sop.code),
        x(creator),
        x(&sop.tags.join(", ")),
        x(&document.standing().status),
        sop.version.max(1),
        w3c(document.created_at),
        w3c(document.updated_at)
    )
}
