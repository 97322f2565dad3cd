//! Pictures in a Word document: the process map's pages as PNGs, placed inline in the
//! body (Word, LibreOffice and python-docx read them as inline pictures) and packed
//! as `word/media/*.png` with a relationship each.
//!
//! Kept apart from `docx.rs` because a picture is three things that must agree — the
//! drawing in the body, the relationship that names the file, and the file itself —
//! and they are written together here.

use super::docx::xml_escape as x;
use crate::export::svg::{svg_to_png, Svg};
use crate::{CoreError, Result};

/// English Metric Units across a portrait Letter page's 6.5-inch text width.
const TEXT_WIDTH_EMU: u64 = 5_943_600;

/// How sharp the pictures are: twice the drawing's size reads cleanly on paper.
const SCALE: f32 = 2.0;

/// One picture: its PNG bytes, its size on the page and what it shows in words.
pub(in crate::export) struct Picture {
    pub png: Vec<u8>,
    pub alt: String,
    width_emu: u64,
    height_emu: u64,
}

impl Picture {
    /// `svg` drawn as a PNG, as wide as the page's text, its height in proportion.
    pub fn of(svg: &Svg) -> Result<Self> {
        let png = svg_to_png(svg, SCALE)?;
        let (width, height) = png_size(&png)?;
        Ok(Self {
            height_emu: TEXT_WIDTH_EMU * u64::from(height) / u64::from(width.max(1)),
            width_emu: TEXT_WIDTH_EMU,
            png,
            alt: svg.alt.clone(),
        })
    }

    /// Where the picture is packed, by its 1-based position in the document.
    pub fn path(index: usize) -> String {
        format!("media/map-{index}.png")
    }

    /// The relationship id the body names the picture by.
    fn relationship(index: usize) -> String {
        format!("rIdMap{index}")
    }

    /// The picture's paragraph: centred, inline, the alt text as its description.
    pub fn paragraph(&self, index: usize) -> String {
        let (cx, cy) = (self.width_emu, self.height_emu);
        let alt = x(&self.alt);
        let rel = Self::relationship(index);
        format!(
            "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>\
<wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
<wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{index}\" name=\"Process map {index}\" descr=\"{alt}\"/>\
<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"{index}\" name=\"map-{index}.png\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        )
    }
}

/// `relationships` (the body's `.rels` part) with one relationship per picture added.
pub(super) fn with_picture_relationships(relationships: &str, count: usize) -> String {
    let added: String = (1..=count)
        .map(|index| {
            format!(
                "<Relationship Id=\"{}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"{}\"/>",
                Picture::relationship(index),
                Picture::path(index)
            )
        })
        .collect();
    relationships.replacen("</Relationships>", &format!("{added}</Relationships>"), 1)
}

/// `content_types` with PNG declared, so the pictures open.
pub(super) fn with_png_type(content_types: &str) -> String {
    content_types.replacen(
        "<Default Extension=\"xml\"",
        "<Default Extension=\"png\" ContentType=\"image/png\"/><Default Extension=\"xml\"",
        1,
    )
}

/// Width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> Result<(u32, u32)> {
    let word = |at: usize| {
        png.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_be_bytes)
    };
    match (word(16), word(20)) {
        (Some(width), Some(height)) if width > 0 && height > 0 => Ok((width, height)),
        _ => Err(CoreError::Export(
            "the map's picture could not be measured".to_owned(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_as_wide_as_the_text_and_keeps_its_proportions() {
        let svg = Svg::new(
            "A box",
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#000"/></svg>"##,
        );
        let picture = Picture::of(&svg).expect("drawn");
        assert_eq!(
            picture.width_emu, TEXT_WIDTH_EMU,
            "the picture spans the text width"
        );
        assert_eq!(
            picture.height_emu,
            TEXT_WIDTH_EMU / 2,
            "a drawing twice as wide as tall stays so on the page"
        );
        let xml = picture.paragraph(1);
        assert!(
            xml.contains("r:embed=\"rIdMap1\""),
            "the body names the picture's relationship"
        );
        let rels = with_picture_relationships("<Relationships></Relationships>", 2);
        assert!(
            rels.contains("Target=\"media/map-2.png\"") && rels.ends_with("</Relationships>"),
            "each picture has a relationship to its file: {rels}"
        );
    }
}
