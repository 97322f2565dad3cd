//! The timeline's legend: each mark drawn as in the chart, beside its word, so the
//! drawing reads without colour and without the text around it.

use super::slipped_stroke;
use crate::export::svg::{colour, px};

/// The legend: a swatch drawn as in the chart beside each word.
pub(super) fn legend(svg: &mut String, top: f64) {
    let y = top + 6.0;
    let mut x = 4.0;
    for (kind, text) in [
        (Swatch::Done, "phase: share done"),
        (Swatch::ToDo, "phase: still to do"),
        (Swatch::Milestone, "milestone"),
        (Swatch::Critical, "critical path"),
        (Swatch::Slipped, "slipped (dashed)"),
        (Swatch::Today, "today"),
        (Swatch::GoLive, "go-live"),
    ] {
        svg.push_str(&swatch(kind, x, y));
        svg.push_str(&format!(
            r#"<text x="{}" y="{}" font-size="10" fill="{}">{text}</text>"#,
            px(x + 22.0),
            px(y + 4.0),
            colour::MUTED
        ));
        x += 34.0 + text.chars().count() as f64 * 5.4;
    }
}

#[derive(Clone, Copy)]
enum Swatch {
    Done,
    ToDo,
    Milestone,
    Critical,
    Slipped,
    Today,
    GoLive,
}

fn swatch(kind: Swatch, x: f64, y: f64) -> String {
    let bar = |fill: &str, opacity: &str, extra: &str| {
        format!(
            r#"<rect x="{}" y="{}" width="16" height="9" rx="2" fill="{fill}" fill-opacity="{opacity}"{extra}/>"#,
            px(x),
            px(y - 4.5)
        )
    };
    let line = |stroke: &str, dash: &str| {
        format!(
            r#"<line x1="{a}" y1="{t}" x2="{a}" y2="{b}" stroke="{stroke}" stroke-width="1.5"{dash}/>"#,
            a = px(x + 8.0),
            t = px(y - 6.0),
            b = px(y + 6.0),
        )
    };
    match kind {
        Swatch::Done => bar(colour::SERIES, "1", ""),
        Swatch::ToDo => bar(
            colour::SERIES,
            "0.25",
            &format!(r#" stroke="{}""#, colour::SERIES),
        ),
        Swatch::Milestone => format!(
            r#"<path d="M{} {} l5 5 l-5 5 l-5 -5 z" fill="{}"/>"#,
            px(x + 8.0),
            px(y - 5.0),
            colour::INK
        ),
        Swatch::Critical => bar(colour::CRITICAL, "1", ""),
        Swatch::Slipped => bar("#ffffff", "1", &slipped_stroke()),
        Swatch::Today => line(colour::TODAY, r#" stroke-dasharray="4 3""#),
        Swatch::GoLive => line(colour::GO_LIVE, ""),
    }
}
