//! Text on the map: one size, wrapped by width at an average glyph width (a little
//! generous, so a line measured here never runs past its box in the fonts the map is
//! drawn with), and the area inside each kind of box that text may use.

use super::{NodeKind, Rect};
use crate::export::svg::wrap;

/// The size of the map's text, in pixels.
pub const TEXT_SIZE: f64 = 12.0;
/// The distance between wrapped lines.
pub const LINE_HEIGHT: f64 = 15.0;
/// The width assumed for an average character at [`TEXT_SIZE`]: wide enough for the
/// serif the PDF and PNG use and for the app's sans-serif.
pub const GLYPH_WIDTH: f64 = 6.8;
/// Space between a box's edge and its text.
pub(super) const PADDING: f64 = 8.0;

/// `text` wrapped into lines no wider than `width` pixels.
pub(super) fn wrap_to(text: &str, width: f64) -> Vec<String> {
    wrap(text, chars_in(width))
}

/// How many average characters fit in `width` pixels (at least one).
pub(super) fn chars_in(width: f64) -> usize {
    ((width / GLYPH_WIDTH).floor() as usize).max(1)
}

/// The height that `lines` take.
pub(super) fn lines_height(lines: usize) -> f64 {
    lines as f64 * LINE_HEIGHT
}

/// The widest of `lines`, in pixels at the average glyph width.
pub(super) fn lines_width(lines: &[String]) -> f64 {
    lines
        .iter()
        .map(|l| l.chars().count() as f64 * GLYPH_WIDTH)
        .fold(0.0, f64::max)
}

/// The area of a box of `kind` at `rect` that its text may use. A diamond's is the
/// rectangle inscribed in its middle: half its width by half its height.
pub(super) fn text_area(kind: NodeKind, rect: &Rect) -> Rect {
    match kind {
        NodeKind::Check => Rect {
            x: rect.x + rect.width / 4.0,
            y: rect.y + rect.height / 4.0,
            width: rect.width / 2.0,
            height: rect.height / 2.0,
        },
        _ => Rect {
            x: rect.x + PADDING,
            y: rect.y + PADDING,
            width: (rect.width - 2.0 * PADDING).max(0.0),
            height: (rect.height - 2.0 * PADDING).max(0.0),
        },
    }
}

/// The block `lines` take, centred in `area`.
pub(super) fn text_block(area: &Rect, lines: &[String]) -> Rect {
    let width = lines_width(lines);
    let height = lines_height(lines.len());
    Rect {
        x: area.x + (area.width - width) / 2.0,
        y: area.y + (area.height - height) / 2.0,
        width,
        height,
    }
}
