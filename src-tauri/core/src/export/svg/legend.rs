//! A legend of drawn swatches: each meaning a drawing gives to a colour, a dash or a
//! hatching, shown as a small sample of that mark beside its words, so a reader can
//! match a bar to its meaning without reading colour names.

use super::{colour, px};
use crate::export::text::html_escape;

/// The sample drawn beside a meaning.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch<'a> {
    /// A filled box, as a bar of that colour.
    Fill(&'a str),
    /// A box filled with the pattern of this id (hatching).
    Pattern(&'a str),
    /// A pale bar with a coloured outline, solid or dashed.
    Outline {
        stroke: &'a str,
        dash: Option<&'a str>,
    },
    /// A short line, solid or dashed.
    Line {
        stroke: &'a str,
        dash: Option<&'a str>,
        width: f64,
    },
    /// A milestone's diamond.
    Diamond(&'a str),
}

const SWATCH: f64 = 18.0;
const GAP: f64 = 5.0;
const SPACING: f64 = 16.0;
const LINE: f64 = 18.0;
const FONT: f64 = 11.0;
/// Wide enough for an average character of the report's fonts at [`FONT`]; a little
/// generous, so an item never runs into the next.
const CHAR_WIDTH: f64 = 6.0;

/// The legend laid out from (`left`, `top`), items wrapping within `width`; returns
/// the markup and the height it takes.
pub(crate) fn legend(
    items: &[(Swatch<'_>, &str)],
    left: f64,
    top: f64,
    width: f64,
) -> (String, f64) {
    let mut out = String::from(r#"<g class="legend">"#);
    let (mut x, mut y) = (left, top);
    for (swatch, label) in items {
        let item_width = SWATCH + GAP + label.chars().count() as f64 * CHAR_WIDTH;
        if x > left && x + item_width > left + width {
            x = left;
            y += LINE;
        }
        let middle = y + LINE / 2.0;
        out.push_str(&draw(*swatch, x, middle));
        out.push_str(&format!(
            r#"<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>"#,
            px(x + SWATCH + GAP),
            px(middle + 4.0),
            px(FONT),
            colour::INK,
            html_escape(label),
        ));
        x += item_width + SPACING;
    }
    out.push_str("</g>");
    (out, y + LINE - top)
}

fn draw(swatch: Swatch<'_>, x: f64, middle: f64) -> String {
    let (top, height) = (middle - 5.0, 10.0);
    match swatch {
        Swatch::Fill(fill) => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{fill}"/>"#,
            px(x),
            px(top),
            px(SWATCH),
            px(height)
        ),
        Swatch::Pattern(id) => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="url(#{id})" stroke="{}" stroke-width="0.5"/>"#,
            px(x),
            px(top),
            px(SWATCH),
            px(height),
            colour::MUTED
        ),
        Swatch::Outline { stroke, dash } => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="white" stroke="{stroke}" stroke-width="2"{}/>"#,
            px(x + 1.0),
            px(top),
            px(SWATCH - 2.0),
            px(height),
            dash_attribute(dash)
        ),
        Swatch::Line {
            stroke,
            dash,
            width,
        } => format!(
            r#"<line x1="{}" y1="{m}" x2="{}" y2="{m}" stroke="{stroke}" stroke-width="{}"{}/>"#,
            px(x),
            px(x + SWATCH),
            px(width),
            dash_attribute(dash),
            m = px(middle)
        ),
        Swatch::Diamond(fill) => format!(
            r#"<path d="M{} {} l5 5 l-5 5 l-5 -5 z" fill="{fill}"/>"#,
            px(x + SWATCH / 2.0),
            px(top)
        ),
    }
}

/// ` stroke-dasharray="…"` for a dashed mark, nothing for a solid one.
pub(crate) fn dash_attribute(dash: Option<&str>) -> String {
    dash.map(|d| format!(r#" stroke-dasharray="{d}""#))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_meaning_has_a_drawn_swatch_beside_its_words() {
        let (svg, height) = legend(
            &[
                (Swatch::Fill("#000"), "Done"),
                (
                    Swatch::Outline {
                        stroke: colour::SLIPPED,
                        dash: Some(colour::SLIPPED_DASH),
                    },
                    "Slipped",
                ),
            ],
            0.0,
            0.0,
            500.0,
        );
        assert_eq!(svg.matches("<rect").count(), 2, "one swatch per meaning");
        assert!(svg.contains(">Done</text>") && svg.contains(">Slipped</text>"));
        assert!(
            svg.contains(r#"stroke-dasharray="4 2""#),
            "the dash is shown"
        );
        assert_eq!(height, LINE, "two short items fit on one line");
        let (_, narrow) = legend(
            &[
                (Swatch::Fill("#000"), "Done"),
                (Swatch::Fill("#111"), "To do"),
            ],
            0.0,
            0.0,
            60.0,
        );
        assert_eq!(
            narrow,
            2.0 * LINE,
            "items wrap to the next line when narrow"
        );
    }
}
