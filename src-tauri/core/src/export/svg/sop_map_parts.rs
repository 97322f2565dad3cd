//! The pieces of a process map's drawing: the lanes, each kind of box and each kind of
//! line. Every meaning has a shape or a dash as well as a colour (Okabe–Ito), so the
//! map reads in greyscale: checks are diamonds, stops are octagon-cornered, exceptions
//! are dashed, escalations are thick, notes are dotted with a folded corner.

use super::sop_map::MapTheme;
use super::{colour, px};
use crate::export::text::html_escape;
use crate::sops::map::{Edge, EdgeKind, Node, NodeKind, ProcessMap, StepMark, LINE_HEIGHT};
use crate::sops::ChangeKind;

/// The colours of one theme.
pub(super) struct Palette {
    pub background: &'static str,
    pub ink: &'static str,
    pub muted: &'static str,
    pub lane: [&'static str; 2],
    pub header: &'static str,
    pub rule: &'static str,
    pub card: &'static str,
    pub check_fill: &'static str,
    pub stop: &'static str,
    pub stop_fill: &'static str,
    pub exception: &'static str,
    pub escalation: &'static str,
    pub note_fill: &'static str,
    pub flag: &'static str,
    /// A comparison's marks: added, removed, moved, edited.
    pub added: &'static str,
    pub removed: &'static str,
    pub moved: &'static str,
    pub edited: &'static str,
}

impl Palette {
    pub fn of(theme: MapTheme) -> Self {
        match theme {
            MapTheme::Light => Self {
                background: "#ffffff",
                ink: colour::INK,
                muted: colour::MUTED,
                lane: ["#f5f7fa", "#ffffff"],
                header: colour::GRID,
                rule: "#cbd2d9",
                card: "#ffffff",
                check_fill: colour::WATCH_BAND,
                stop: colour::SLIPPED,
                stop_fill: colour::ACT_BAND,
                exception: colour::SLIPPED,
                escalation: colour::GO_LIVE,
                note_fill: "#fdf8e4",
                flag: colour::SLIPPED,
                added: colour::PREDICTION,
                removed: colour::SLIPPED,
                moved: colour::TODAY,
                edited: colour::CRITICAL,
            },
            MapTheme::Dark => Self {
                background: "#1b1f24",
                ink: "#e6edf3",
                muted: "#9aa5b1",
                lane: ["#22272e", "#1b1f24"],
                header: "#2d333b",
                rule: "#444c56",
                card: "#2d333b",
                check_fill: "#4a3b16",
                stop: "#f08a4b",
                stop_fill: "#4d2a17",
                exception: "#f08a4b",
                escalation: "#e39cc4",
                note_fill: "#3a3524",
                flag: "#f08a4b",
                added: "#35c29b",
                removed: "#f08a4b",
                moved: "#56b4e9",
                edited: "#e6b23c",
            },
        }
    }
}

/// The lanes, `height` tall from the top: striped bodies, headings with the wrapped
/// role, and rules between them.
pub(super) fn paint_lanes(map: &ProcessMap, palette: &Palette, height: f64) -> String {
    let mut out = String::from(r#"<g class="lanes">"#);
    for (index, lane) in map.lanes.iter().enumerate() {
        out.push_str(&format!(
            r#"<rect x="{}" y="0" width="{}" height="{}" fill="{}"/><rect x="{}" y="0" width="{}" height="{}" fill="{}"/>"#,
            px(lane.x),
            px(lane.width),
            px(height),
            palette.lane[index % 2],
            px(lane.x),
            px(lane.width),
            px(map.header_height),
            palette.header
        ));
        let top = (map.header_height - lane.name_lines.len() as f64 * LINE_HEIGHT) / 2.0;
        for (i, line) in lane.name_lines.iter().enumerate() {
            out.push_str(&format!(
                r#"<text x="{}" y="{}" text-anchor="middle" font-weight="bold"{}>{}</text>"#,
                px(lane.x + lane.width / 2.0),
                px(top + (i + 1) as f64 * LINE_HEIGHT - 3.5),
                if lane.unassigned {
                    r#" font-style="italic""#
                } else {
                    ""
                },
                html_escape(line)
            ));
        }
        if index > 0 {
            out.push_str(&format!(
                r#"<line x1="{x}" y1="0" x2="{x}" y2="{}" stroke="{}" stroke-width="1"/>"#,
                px(height),
                palette.rule,
                x = px(lane.x)
            ));
        }
    }
    out.push_str("</g>");
    out
}

/// One box: its shape, its wrapped text, and a warning badge when it is flagged.
pub(super) fn paint_node(node: &Node, palette: &Palette) -> String {
    let (x, y, w, h) = (node.x, node.y, node.width, node.height);
    let shape = match node.kind {
        NodeKind::Start | NodeKind::End => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="1.5"/>"#,
            px(x),
            px(y),
            px(w),
            px(h),
            px(h / 2.0),
            palette.header,
            palette.ink
        ),
        NodeKind::Step => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="{}" stroke="{}" stroke-width="1.2"/>"#,
            px(x),
            px(y),
            px(w),
            px(h),
            palette.card,
            palette.ink
        ),
        NodeKind::Check => format!(
            r#"<polygon points="{},{} {},{} {},{} {},{}" fill="{}" stroke="{}" stroke-width="1.5"/>"#,
            px(x + w / 2.0),
            px(y),
            px(x + w),
            px(y + h / 2.0),
            px(x + w / 2.0),
            px(y + h),
            px(x),
            px(y + h / 2.0),
            palette.check_fill,
            colour::CRITICAL
        ),
        NodeKind::Stop => {
            // Cut corners, as a stop sign: the shape says "stop" without its colour.
            let c = 8.0;
            format!(
                r#"<polygon points="{},{} {},{} {},{} {},{} {},{} {},{} {},{} {},{}" fill="{}" stroke="{}" stroke-width="1.5"/>"#,
                px(x + c),
                px(y),
                px(x + w - c),
                px(y),
                px(x + w),
                px(y + c),
                px(x + w),
                px(y + h - c),
                px(x + w - c),
                px(y + h),
                px(x + c),
                px(y + h),
                px(x),
                px(y + h - c),
                px(x),
                px(y + c),
                palette.stop_fill,
                palette.stop
            )
        }
        NodeKind::Action => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="{}" stroke="{}" stroke-width="1.3" stroke-dasharray="{}"/>"#,
            px(x),
            px(y),
            px(w),
            px(h),
            palette.card,
            palette.exception,
            colour::SLIPPED_DASH
        ),
        NodeKind::Escalation => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="{}" stroke="{}" stroke-width="2.5"/>"#,
            px(x),
            px(y),
            px(w),
            px(h),
            palette.card,
            palette.escalation
        ),
        NodeKind::Note => {
            let fold = 10.0;
            format!(
                r#"<path d="M{} {} H{} L{} {} V{} H{} Z" fill="{}" stroke="{}" stroke-width="1" stroke-dasharray="2 2"/>"#,
                px(x),
                px(y),
                px(x + w - fold),
                px(x + w),
                px(y + fold),
                px(y + h),
                px(x),
                palette.note_fill,
                palette.muted
            )
        }
    };
    let block = node.text_block();
    let centre = block.x + block.width / 2.0;
    let weight = if matches!(node.kind, NodeKind::Start | NodeKind::End | NodeKind::Stop) {
        r#" font-weight="bold""#
    } else {
        ""
    };
    let mut text = String::new();
    for (i, line) in node.lines.iter().enumerate() {
        text.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="middle"{weight}>{}</text>"#,
            px(centre),
            px(block.y + (i + 1) as f64 * LINE_HEIGHT - 3.5),
            html_escape(line)
        ));
    }
    let badge = node.flag.as_ref().map_or(String::new(), |flag| {
        badge(x + w - 2.0, y + 2.0, flag, palette)
    });
    format!(
        r#"<g class="node {}" data-node="{}">{shape}{text}{badge}</g>"#,
        kind_class(node.kind),
        html_escape(&node.id)
    )
}

fn kind_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Start => "start",
        NodeKind::End => "end",
        NodeKind::Step => "step",
        NodeKind::Check => "check",
        NodeKind::Stop => "stop",
        NodeKind::Action => "action",
        NodeKind::Escalation => "escalation",
        NodeKind::Note => "note",
    }
}

/// A comparison's mark on a step box: an outline around it and a tag on its top left
/// corner saying what happened. Each kind has its own line as well as its colour —
/// added solid and thick, removed dashed, moved dotted, edited solid and thin — so the
/// marks read in greyscale too.
pub(super) fn paint_mark(node: &Node, mark: &StepMark, palette: &Palette) -> String {
    let (class, stroke, width, dash) = match mark.kind {
        ChangeKind::Unchanged => return String::new(),
        ChangeKind::Added => ("added", palette.added, 3.0, None),
        ChangeKind::Removed => ("removed", palette.removed, 2.5, Some("7 4")),
        ChangeKind::Moved | ChangeKind::MovedAndChanged => {
            ("moved", palette.moved, 2.5, Some("2 3"))
        }
        ChangeKind::Changed => ("edited", palette.edited, 2.0, None),
    };
    let (x, y, w, h) = (
        node.x - 4.0,
        node.y - 4.0,
        node.width + 8.0,
        node.height + 8.0,
    );
    let tag_width = mark.text.chars().count() as f64 * 6.0 + 12.0;
    format!(
        r#"<g class="mark {class}" data-mark="{class}" data-step="{}"><rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="none" stroke="{stroke}" stroke-width="{}"{}/><rect x="{}" y="{}" width="{}" height="16" rx="8" fill="{}" stroke="{stroke}" stroke-width="1.5"/><text x="{}" y="{}" font-size="10.5" font-weight="bold">{}</text></g>"#,
        mark.step,
        px(x),
        px(y),
        px(w),
        px(h),
        px(width),
        dash.map_or(String::new(), |d| format!(r#" stroke-dasharray="{d}""#)),
        px(node.x + 4.0),
        px(node.y - 12.0),
        px(tag_width),
        palette.background,
        px(node.x + 10.0),
        px(node.y),
        html_escape(&mark.text)
    )
}

/// A round "!" at (`x`, `y`) whose tooltip says what is wrong.
fn badge(x: f64, y: f64, flag: &str, palette: &Palette) -> String {
    format!(
        r#"<g class="flag"><title>{}</title><circle cx="{}" cy="{}" r="7" fill="{}"/><text x="{}" y="{}" text-anchor="middle" font-weight="bold" font-size="11" fill="{}">!</text></g>"#,
        html_escape(flag),
        px(x),
        px(y),
        palette.flag,
        px(x),
        px(y + 4.0),
        palette.background
    )
}

/// One line with its arrowhead and label; `key` names this drawing's markers.
pub(super) fn paint_edge(edge: &Edge, map_width: f64, palette: &Palette, key: &str) -> String {
    let (stroke, width, dash, marker) = match edge.kind {
        EdgeKind::Flow => (palette.ink, 1.4, None, Some("flow")),
        EdgeKind::Stop => (palette.stop, 1.4, None, Some("stop")),
        EdgeKind::Exception => (
            palette.exception,
            1.3,
            Some(colour::SLIPPED_DASH),
            Some("exception"),
        ),
        EdgeKind::Escalation => (palette.escalation, 2.2, None, Some("escalation")),
        EdgeKind::Note => (palette.muted, 1.0, Some("2 2"), None),
    };
    let points: Vec<String> = edge
        .points
        .iter()
        .map(|p| format!("{},{}", px(p.x), px(p.y)))
        .collect();
    let mut out = format!(
        r#"<polyline points="{}" fill="none" stroke="{stroke}" stroke-width="{}"{}{}/>"#,
        points.join(" "),
        px(width),
        dash.map_or(String::new(), |d| format!(r#" stroke-dasharray="{d}""#)),
        marker.map_or(String::new(), |m| format!(
            r#" marker-end="url(#{key}-{m})""#
        )),
    );
    if let (Some(label), Some(at)) = (&edge.label, edge.label_position(map_width)) {
        let fill = if edge.flag.is_some() {
            palette.flag
        } else {
            palette.muted
        };
        out.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="middle" font-style="italic" fill="{fill}" stroke="{}" stroke-width="3" paint-order="stroke">{}</text>"#,
            px(at.x),
            px(at.y),
            palette.background,
            html_escape(label)
        ));
        if let Some(flag) = &edge.flag {
            let half = label.chars().count() as f64 * crate::sops::map::GLYPH_WIDTH / 2.0;
            out.push_str(&badge(at.x + half + 9.0, at.y - 4.0, flag, palette));
        }
    }
    format!(r#"<g class="edge {}">{out}</g>"#, edge_class(edge.kind))
}

fn edge_class(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Flow => "flow",
        EdgeKind::Stop => "stop",
        EdgeKind::Exception => "exception",
        EdgeKind::Escalation => "escalation",
        EdgeKind::Note => "note",
    }
}
