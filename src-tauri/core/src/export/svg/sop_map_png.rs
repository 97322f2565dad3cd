//! A drawing as a PNG picture (for a Word document, or to paste into slides): the SVG
//! rasterised by resvg with the PDF's own embedded fonts, so the picture reads the same
//! on every machine and no system font is looked for.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::Svg;
use crate::{CoreError, Result};

/// The largest picture drawn, in pixels on its longer side: a 200-step map stays a
/// file a word processor opens.
const MAX_SIDE: f32 = 16_000.0;

/// The embedded faces, loaded once per process.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut database = usvg::fontdb::Database::new();
            for face in crate::pdf::world::FONTS {
                database.load_font_data(face.to_vec());
            }
            database.set_serif_family("Libertinus Serif");
            Arc::new(database)
        })
        .clone()
}

/// `svg` as a PNG at `scale` times its size (2 for a sharp picture on paper).
pub fn svg_to_png(svg: &Svg, scale: f32) -> Result<Vec<u8>> {
    let options = usvg::Options {
        font_family: "Libertinus Serif".to_owned(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg.markup, &options)
        .map_err(|e| CoreError::Export(format!("the drawing could not be read: {e}")))?;
    let size = tree.size();
    let scale = scale.min(MAX_SIDE / size.width().max(size.height()));
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width.max(1), height.max(1))
        .ok_or_else(|| CoreError::Export("the picture is too large to draw".to_owned()))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| CoreError::Export(format!("the picture could not be written: {e}")))
}
