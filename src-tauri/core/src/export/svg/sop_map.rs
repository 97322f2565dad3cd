//! An SOP's process map as SVG, drawn from the laid-out [`ProcessMap`] exactly as the
//! core placed it: a heading with the map's figures, the lanes with their names, the
//! boxes and lines, and under it, in words, what the drawing flags. In light or dark
//! colours for the app; light for every document. A long map is also drawn as page
//! slices for print, each with the lane headings repeated and only its own boxes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sop_map_parts::{paint_edge, paint_lanes, paint_mark, paint_node, Palette};
use super::{element_id, open_svg, px, wrap, Svg};
use crate::export::text::html_escape;
use crate::sops::map::{MapFigures, ProcessMap, StepMark, GLYPH_WIDTH, LINE_HEIGHT, TEXT_SIZE};
use crate::{Result, Store};

/// What the app's Map view shows: the drawing, and beside it in words its figures and
/// what it flags (the same values the drawing and every export carry).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SopMapDrawing {
    pub markup: String,
    pub alt: String,
    pub figures: MapFigures,
    /// [`MapFigures::summary`]: the figures in the words every format uses.
    pub figures_text: String,
    pub notices: Vec<String>,
    /// The calm sentence shown instead of a map when the SOP has no steps.
    pub empty: Option<String>,
}

impl Store {
    /// The map of the SOP `id` as saved, drawn in `theme`.
    pub fn sop_map_drawing(&self, id: &str, theme: MapTheme) -> Result<SopMapDrawing> {
        let map = self.sop_map(id)?;
        let svg = sop_map_svg(&map, theme);
        Ok(SopMapDrawing {
            markup: svg.markup,
            alt: svg.alt,
            figures_text: map.figures.summary(),
            figures: map.figures,
            notices: map.notices,
            empty: map.empty,
        })
    }
}

/// The colours a map is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MapTheme {
    #[default]
    Light,
    Dark,
}

/// The faces the map names: the PDF's and PNG's embedded serif first, then what a
/// browser has.
pub(crate) const FONT_FAMILY: &str = "'Libertinus Serif', Georgia, 'Times New Roman', serif";
const HEADING: f64 = 30.0;
const FOOT_GAP: f64 = 10.0;

/// The whole map as one drawing, with its heading and its flagged problems in words.
pub fn sop_map_svg(map: &ProcessMap, theme: MapTheme) -> Svg {
    marked_map_svg(map, theme, &[])
}

/// The whole map with `marks` drawn on their step boxes (a comparison's added, removed,
/// moved and edited steps).
pub fn marked_map_svg(map: &ProcessMap, theme: MapTheme, marks: &[StepMark]) -> Svg {
    let palette = Palette::of(theme);
    let alt = map.describe();
    let width = map.width.max(360.0);
    let key = element_id("map", &map.code);
    if let Some(empty) = &map.empty {
        let lines = wrap(empty, ((width - 20.0) / GLYPH_WIDTH) as usize);
        let height = HEADING + lines.len() as f64 * LINE_HEIGHT + 20.0;
        let mut out = open_svg("sop-map", width, height, true, &alt);
        out.push_str(&frame(&palette, width, height));
        out.push_str(&heading(map, &palette));
        out.push_str(&text_lines(&lines, 10.0, HEADING + 12.0, palette.muted));
        out.push_str("</g></svg>");
        return drawing(alt, out);
    }
    let notices = notice_lines(map, width);
    let foot = if notices.is_empty() {
        0.0
    } else {
        FOOT_GAP + notices.len() as f64 * LINE_HEIGHT + 8.0
    };
    let height = HEADING + map.height + foot;
    let mut out = open_svg("sop-map", width, height, true, &alt);
    out.push_str(&frame(&palette, width, height));
    out.push_str(&defs(&key, &palette));
    out.push_str(&heading(map, &palette));
    out.push_str(&format!(r#"<g transform="translate(0 {})">"#, px(HEADING)));
    out.push_str(&paint_lanes(map, &palette, map.height));
    out.push_str(&body(map, &palette, &key, None));
    for mark in marks {
        if let Some(node) = map.node(&format!("step-{}", mark.step)) {
            out.push_str(&paint_mark(node, mark, &palette));
        }
    }
    out.push_str("</g>");
    out.push_str(&text_lines(
        &notices,
        10.0,
        HEADING + map.height + FOOT_GAP,
        palette.flag,
    ));
    out.push_str("</g></svg>");
    drawing(alt, out)
}

/// The map cut into pages no taller than `page_height` (lane headings included), for
/// print: each page repeats the headings and draws only its own boxes and lines. The
/// first page carries the map's heading; notices are left to the document's text.
pub fn sop_map_pages(map: &ProcessMap, page_height: f64) -> Vec<Svg> {
    if map.empty.is_some() {
        return vec![sop_map_svg(map, MapTheme::Light)];
    }
    let palette = Palette::of(MapTheme::Light);
    let width = map.width.max(360.0);
    let slices = map.page_slices((page_height - map.header_height - HEADING).max(100.0));
    let count = slices.len();
    slices
        .iter()
        .enumerate()
        .map(|(index, &(top, bottom))| {
            let key = element_id(&format!("map-p{}", index + 1), &map.code);
            let alt = if count == 1 {
                map.describe()
            } else {
                format!("{} (part {} of {count})", map.describe(), index + 1)
            };
            let height = HEADING + map.header_height + (bottom - top);
            let mut out = open_svg("sop-map", width, height, true, &alt);
            out.push_str(&frame(&palette, width, height));
            out.push_str(&defs(&key, &palette));
            if index == 0 {
                out.push_str(&heading(map, &palette));
            } else {
                out.push_str(&caption(
                    &format!("{} {} — process map, continued ({} of {count})", map.code, map.title, index + 1),
                    &palette,
                ));
            }
            let shift = HEADING + map.header_height - top;
            out.push_str(&format!(r#"<g transform="translate(0 {})">"#, px(HEADING)));
            out.push_str(&paint_lanes(map, &palette, map.header_height + bottom - top));
            out.push_str("</g>");
            out.push_str(&format!(
                r#"<clipPath id="{key}-clip"><rect x="0" y="{}" width="{}" height="{}"/></clipPath>"#,
                px(HEADING + map.header_height),
                px(width),
                px(bottom - top)
            ));
            out.push_str(&format!(
                r#"<g clip-path="url(#{key}-clip)"><g transform="translate(0 {})">"#,
                px(shift)
            ));
            out.push_str(&body(map, &palette, &key, Some((top, bottom))));
            out.push_str("</g></g></g></svg>");
            drawing(alt, out)
        })
        .collect()
}

/// The drawing, with any character XML forbids left out: a control character pasted
/// into a step would otherwise make the SVG unreadable (and its PNG impossible to draw).
fn drawing(alt: String, markup: String) -> Svg {
    let allowed = |c: &char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    Svg::new(
        alt.chars().filter(allowed).collect::<String>(),
        markup.chars().filter(allowed).collect::<String>(),
    )
}

/// The background and the group that sets the map's font.
fn frame(palette: &Palette, width: f64, height: f64) -> String {
    format!(
        r#"<rect width="{}" height="{}" fill="{}"/><g font-family="{}" font-size="{}" fill="{}">"#,
        px(width),
        px(height),
        palette.background,
        html_escape(FONT_FAMILY),
        px(TEXT_SIZE),
        palette.ink
    )
}

/// Arrowheads, one per colour of line, named after this drawing so several maps can
/// share a page.
fn defs(key: &str, palette: &Palette) -> String {
    let mut out = String::from("<defs>");
    for (name, fill) in [
        ("flow", palette.ink),
        ("stop", palette.stop),
        ("exception", palette.exception),
        ("escalation", palette.escalation),
    ] {
        out.push_str(&format!(
            r#"<marker id="{key}-{name}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="{fill}"/></marker>"#
        ));
    }
    out.push_str("</defs>");
    out
}

/// The code, title and version, with the figures a redesign is judged by.
fn heading(map: &ProcessMap, palette: &Palette) -> String {
    let title = format!("{} {} (v{})", map.code, map.title, map.version);
    let figures = if map.empty.is_some() {
        String::new()
    } else {
        format!(
            "  ·  {} steps, {}",
            map.figures.steps,
            map.figures.sentence()
        )
    };
    format!(
        r#"<text x="10" y="20" font-weight="bold">{}<tspan font-weight="normal" fill="{}">{}</tspan></text>"#,
        html_escape(&title),
        palette.muted,
        html_escape(&figures)
    )
}

fn caption(text: &str, palette: &Palette) -> String {
    format!(
        r#"<text x="10" y="20" fill="{}">{}</text>"#,
        palette.muted,
        html_escape(text)
    )
}

/// The map's notices wrapped to its width, each starting on a new line.
fn notice_lines(map: &ProcessMap, width: f64) -> Vec<String> {
    let chars = ((width - 20.0) / GLYPH_WIDTH) as usize;
    map.notices
        .iter()
        .flat_map(|notice| wrap(&format!("! {notice}"), chars))
        .collect()
}

fn text_lines(lines: &[String], x: f64, top: f64, fill: &str) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                r#"<text x="{}" y="{}" fill="{fill}">{}</text>"#,
                px(x),
                px(top + (i + 1) as f64 * LINE_HEIGHT - 3.5),
                html_escape(line)
            )
        })
        .collect()
}

/// The boxes and lines; with `range`, only those that show between its top and bottom.
fn body(map: &ProcessMap, palette: &Palette, key: &str, range: Option<(f64, f64)>) -> String {
    let shows = |top: f64, bottom: f64| range.is_none_or(|(from, to)| bottom >= from && top <= to);
    let mut out = String::new();
    for edge in &map.edges {
        let top = edge.points.iter().map(|p| p.y).fold(f64::MAX, f64::min);
        let bottom = edge.points.iter().map(|p| p.y).fold(f64::MIN, f64::max);
        if shows(top, bottom) {
            out.push_str(&paint_edge(edge, map.width, palette, key));
        }
    }
    for node in &map.nodes {
        if shows(node.y, node.y + node.height) {
            out.push_str(&paint_node(node, palette));
        }
    }
    out
}
