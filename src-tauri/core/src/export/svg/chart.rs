//! A metric's chart: the values over time against the straight line from baseline to
//! target, with the watch and act levels shaded as bands on the worse side, and go-live
//! and decisions marked on the time axis.

use super::{colour, px, DateScale};
use crate::export::text::{date_long, html_escape, value_text};
use crate::metrics::{AnnotationKind, Direction, MetricChart};
use crate::presentation::ChartScale;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 230.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 30.0;
/// Above this many points the dots would merge into a line; draw only the line.
const MAX_DOTS: usize = 60;

/// The chart as SVG; a chart with no values, baseline or target says so in words.
pub fn metric_chart_svg(chart: &MetricChart) -> String {
    let unit = chart.metric.unit;
    let Some(axes) = ChartScale::of(chart) else {
        return format!(
            r#"<svg class="metric-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} 40" width="{w}" height="40" role="img"><text x="0" y="24" font-size="12" fill="{m}">No values, baseline or target yet.</text></svg>"#,
            w = px(WIDTH),
            m = colour::MUTED
        );
    };
    let (y_min, y_max) = (axes.value_min, axes.value_max);
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + (y_max - v) / (y_max - y_min).max(f64::EPSILON) * plot_height;
    let scale = DateScale {
        first: axes.first_day,
        last: axes.last_day,
        left: LEFT,
        width: WIDTH - LEFT - RIGHT,
    };
    let right = WIDTH - RIGHT;
    let mut svg = format!(
        r#"<svg class="metric-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{label}">"#,
        w = px(WIDTH),
        h = px(HEIGHT),
        label = html_escape(&format!("{} over time", chart.metric.name)),
    );
    // The bands: from each level to the worse edge of the chart, act over watch.
    let worse_edge = match chart.metric.direction {
        Direction::HigherIsBetter => y_min,
        Direction::LowerIsBetter => y_max,
    };
    // Each label sits just inside its band: below the line when worse is lower, above
    // it when worse is higher.
    for (level, fill, name) in [
        (chart.watch_level, colour::WATCH_BAND, "Watch"),
        (chart.act_level, colour::ACT_BAND, "Act"),
    ] {
        let Some(level) = level else { continue };
        let (a, b) = (y(level), y(worse_edge));
        svg.push_str(&format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"><title>{name} level: {}</title></rect><text x="{}" y="{}" font-size="9" fill="{m}" text-anchor="end">{name} {}</text>"#,
            px(LEFT),
            px(a.min(b)),
            px(right - LEFT),
            px((a - b).abs()),
            html_escape(&value_text(level, unit)),
            px(right - 3.0),
            px(if worse_edge == y_min { a + 10.0 } else { a - 3.0 }),
            html_escape(&value_text(level, unit)),
            m = colour::MUTED,
        ));
    }
    for tick in &axes.value_ticks {
        let ty = px(y(tick.value));
        svg.push_str(&format!(
            r#"<line x1="{}" y1="{ty}" x2="{}" y2="{ty}" stroke="{g}"/><text x="{}" y="{ty}" dy="3" font-size="10" fill="{m}" text-anchor="end">{}</text>"#,
            px(LEFT),
            px(right),
            px(LEFT - 6.0),
            html_escape(&tick.label),
            g = colour::GRID,
            m = colour::MUTED,
        ));
    }
    for tick in &axes.date_ticks {
        svg.push_str(&format!(
            r#"<text x="{}" y="{}" font-size="10" fill="{}" text-anchor="middle">{}</text>"#,
            px(scale.x(tick.date)),
            px(HEIGHT - 10.0),
            colour::MUTED,
            tick.label
        ));
    }
    for annotation in &chart.annotations {
        if annotation.date < scale.first || annotation.date > scale.last {
            continue;
        }
        let x = px(scale.x(annotation.date));
        let (stroke, dash) = match annotation.kind {
            AnnotationKind::GoLive => (colour::GO_LIVE, ""),
            AnnotationKind::Decision => (colour::MUTED, r#" stroke-dasharray="2 3""#),
        };
        let tooltip = if annotation.detail.is_empty() {
            format!("{} — {}", annotation.label, date_long(annotation.date))
        } else {
            format!(
                "{} — {}: {}",
                annotation.label,
                date_long(annotation.date),
                annotation.detail
            )
        };
        svg.push_str(&format!(
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{stroke}"{dash}><title>{}</title></line>"#,
            px(TOP),
            px(TOP + plot_height),
            html_escape(&tooltip),
        ));
        if annotation.kind == AnnotationKind::GoLive {
            svg.push_str(&format!(
                r#"<text x="{x}" y="{}" dx="3" font-size="10" font-weight="600" fill="{stroke}">Go-live</text>"#,
                px(TOP - 5.0)
            ));
        }
    }
    if let [from, to] = chart.target_line.as_slice() {
        svg.push_str(&format!(
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5" stroke-dasharray="6 4"><title>{}</title></line>"#,
            px(scale.x(from.date)),
            px(y(from.value)),
            px(scale.x(to.date)),
            px(y(to.value)),
            colour::TARGET,
            html_escape(&format!(
                "From baseline {} to target {} by {}",
                value_text(from.value, unit),
                value_text(to.value, unit),
                date_long(to.date)
            )),
        ));
    }
    if !chart.points.is_empty() {
        let line: Vec<String> = chart
            .points
            .iter()
            .map(|p| format!("{},{}", px(scale.x(p.date)), px(y(p.value))))
            .collect();
        svg.push_str(&format!(
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
            line.join(" "),
            colour::SERIES
        ));
        if chart.points.len() <= MAX_DOTS {
            for p in &chart.points {
                svg.push_str(&format!(
                    r#"<circle cx="{}" cy="{}" r="2.5" fill="{}"><title>{}: {}</title></circle>"#,
                    px(scale.x(p.date)),
                    px(y(p.value)),
                    colour::SERIES,
                    date_long(p.date),
                    html_escape(&value_text(p.value, unit)),
                ));
            }
        }
    }
    svg.push_str(&format!(
        r#"<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="{m}"/></svg>"#,
        l = px(LEFT),
        r = px(right),
        b = px(TOP + plot_height),
        m = colour::MUTED
    ));
    svg
}
