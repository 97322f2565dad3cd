//! A metric's chart: the values over time against the straight line from baseline to
//! target, with the watch and act levels shaded as bands on the worse side (the act
//! band hatched, so the two differ without colour), go-live and decisions marked on
//! the time axis, each improvement cycle's Do window as a light band with its
//! prediction as a diamond at its date and value, and a legend of what each mark means.

use chrono::NaiveDate;

use super::legend::{legend, Swatch};
use super::{colour, element_id, hatch_pattern, open_svg, px, DateScale, Svg};
use crate::export::text::{date_long, html_escape, value_text};
use crate::metrics::{AnnotationKind, Direction, MetricChart};
use crate::presentation::ChartScale;

const WIDTH: f64 = 640.0;
const PLOT_HEIGHT: f64 = 182.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 18.0;
/// The date labels under the plot.
const AXIS: f64 = 24.0;
/// Above this many points the dots would merge into a line; draw only the line.
const MAX_DOTS: usize = 60;

/// What the chart shows, in a sentence: the metric, its latest value, its target and
/// its status, as the report states them.
fn alt_text(chart: &MetricChart) -> String {
    let metric = &chart.metric;
    let unit = metric.unit;
    let mut text = format!(
        "Chart of {} over time ({})",
        metric.name,
        metric.direction.label().to_lowercase()
    );
    let mut facts = Vec::new();
    if let Some(latest) = chart.status.latest {
        facts.push(format!(
            "latest {} on {}",
            value_text(latest.value, unit),
            date_long(latest.date)
        ));
    } else {
        facts.push("no values yet".to_owned());
    }
    if let Some(target) = chart.target {
        facts.push(format!(
            "target {} by {}",
            value_text(target.value, unit),
            date_long(target.date)
        ));
    }
    if let Some(watch) = chart.watch_level {
        facts.push(format!("watch level {}", value_text(watch, unit)));
    }
    if let Some(act) = chart.act_level {
        facts.push(format!("act level {}", value_text(act, unit)));
    }
    facts.push(format!("status: {}", chart.status.state.label()));
    for cycle in &chart.cycles {
        facts.push(format!(
            "improvement cycle \"{}\" from {} to {}, predicting {} by {}",
            cycle.change,
            date_long(cycle.do_from),
            date_long(cycle.do_to),
            value_text(cycle.prediction.value, unit),
            date_long(cycle.prediction.date)
        ));
    }
    text.push_str(": ");
    text.push_str(&facts.join("; "));
    text.push('.');
    text
}

/// The chart as SVG; a chart with no values, baseline or target says so in words.
pub fn metric_chart_svg(chart: &MetricChart) -> Svg {
    let unit = chart.metric.unit;
    let alt = alt_text(chart);
    let Some(axes) = ChartScale::of(chart) else {
        let mut svg = open_svg("metric-chart", WIDTH, 40.0, true, &alt);
        svg.push_str(&format!(
            r#"<text x="0" y="24" font-size="12" fill="{m}">No values, baseline or target yet.</text></svg>"#,
            m = colour::MUTED
        ));
        return Svg::new(alt, svg);
    };
    let hatch = element_id("act-band", &chart.metric.id);
    let shown = |date| date >= axes.first_day && date <= axes.last_day;
    let (key, key_height) = chart_legend(chart, &hatch, &shown, TOP + PLOT_HEIGHT + AXIS);
    let height = TOP + PLOT_HEIGHT + AXIS + key_height + 4.0;
    let (y_min, y_max) = (axes.value_min, axes.value_max);
    let y = |v: f64| TOP + (y_max - v) / (y_max - y_min).max(f64::EPSILON) * PLOT_HEIGHT;
    let scale = DateScale {
        first: axes.first_day,
        last: axes.last_day,
        left: LEFT,
        width: WIDTH - LEFT - RIGHT,
    };
    let right = WIDTH - RIGHT;
    let mut svg = open_svg("metric-chart", WIDTH, height, false, &alt);
    svg.push_str(&format!(
        "<defs>{}</defs>",
        hatch_pattern(&hatch, colour::ACT_BAND, colour::ACT_HATCH)
    ));
    svg.push_str(&cycle_windows(chart, &scale));
    // The bands: from each level to the worse edge of the chart, act over watch.
    let worse_edge = match chart.metric.direction {
        Direction::HigherIsBetter => y_min,
        Direction::LowerIsBetter => y_max,
    };
    // Each label sits just inside its band: below the line when worse is lower, above
    // it when worse is higher.
    let act_fill = format!("url(#{hatch})");
    for (level, fill, name) in [
        (chart.watch_level, colour::WATCH_BAND, "Watch"),
        (chart.act_level, act_fill.as_str(), "Act"),
    ] {
        let Some(level) = level else { continue };
        let (a, b) = (y(level), y(worse_edge));
        svg.push_str(&format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"><title>{name} level: {}</title></rect><text x="{}" y="{}" font-size="10" font-weight="600" fill="{i}" text-anchor="end" stroke="white" stroke-width="3" paint-order="stroke">{name} {}</text>"#,
            px(LEFT),
            px(a.min(b)),
            px(right - LEFT),
            px((a - b).abs()),
            html_escape(&value_text(level, unit)),
            px(right - 3.0),
            px(if worse_edge == y_min { a + 11.0 } else { a - 3.0 }),
            html_escape(&value_text(level, unit)),
            i = colour::INK,
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
            px(TOP + PLOT_HEIGHT + 14.0),
            colour::MUTED,
            tick.label
        ));
    }
    for annotation in &chart.annotations {
        if annotation.date < scale.first || annotation.date > scale.last {
            continue;
        }
        let x = px(scale.x(annotation.date));
        let (stroke, dash, width) = match annotation.kind {
            AnnotationKind::GoLive => (colour::GO_LIVE, "", "2"),
            AnnotationKind::Decision => (colour::MUTED, r#" stroke-dasharray="2 3""#, "1"),
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
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{stroke}" stroke-width="{width}"{dash}><title>{}</title></line>"#,
            px(TOP),
            px(TOP + PLOT_HEIGHT),
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
    svg.push_str(&predictions(chart, &scale, &y));
    svg.push_str(&format!(
        r#"<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="{m}"/>"#,
        l = px(LEFT),
        r = px(right),
        b = px(TOP + PLOT_HEIGHT),
        m = colour::MUTED
    ));
    svg.push_str(&key);
    svg.push_str("</svg>");
    Svg::new(alt, svg)
}

/// The legend of the marks this chart draws (`shown` says which dates it spans),
/// under its date axis.
fn chart_legend(
    chart: &MetricChart,
    hatch: &str,
    shown: &dyn Fn(NaiveDate) -> bool,
    top: f64,
) -> (String, f64) {
    let mut items = Vec::new();
    if !chart.points.is_empty() {
        items.push((
            Swatch::Line {
                stroke: colour::SERIES,
                dash: None,
                width: 2.0,
            },
            "Values",
        ));
    }
    if chart.target_line.len() == 2 {
        items.push((
            Swatch::Line {
                stroke: colour::TARGET,
                dash: Some("6 4"),
                width: 1.5,
            },
            "Baseline to target",
        ));
    }
    if chart.watch_level.is_some() {
        items.push((Swatch::Fill(colour::WATCH_BAND), "Watch band"));
    }
    if chart.act_level.is_some() {
        items.push((Swatch::Pattern(hatch), "Act band (hatched)"));
    }
    if chart
        .annotations
        .iter()
        .any(|a| a.kind == AnnotationKind::GoLive && shown(a.date))
    {
        items.push((
            Swatch::Line {
                stroke: colour::GO_LIVE,
                dash: None,
                width: 2.0,
            },
            "Go-live",
        ));
    }
    if chart
        .annotations
        .iter()
        .any(|a| a.kind == AnnotationKind::Decision && shown(a.date))
    {
        items.push((
            Swatch::Line {
                stroke: colour::MUTED,
                dash: Some("2 3"),
                width: 1.0,
            },
            "Decision",
        ));
    }
    if !chart.cycles.is_empty() {
        items.push((
            Swatch::Fill(colour::CYCLE_BAND),
            "Improvement cycle (Do window)",
        ));
        items.push((Swatch::Diamond(colour::PREDICTION), "Prediction"));
    }
    if items.is_empty() {
        return (String::new(), 0.0);
    }
    legend(&items, LEFT, top, WIDTH - LEFT - RIGHT)
}

/// Each cycle's Do window as a light band over the plot's height, from its first day
/// to its last (the values of those days sit on its edges), under everything else.
fn cycle_windows(chart: &MetricChart, scale: &DateScale) -> String {
    let mut out = String::new();
    for cycle in &chart.cycles {
        let from = cycle.do_from.max(scale.first);
        let to = cycle.do_to.min(scale.last);
        if from > to {
            continue;
        }
        let (left, right) = (scale.x(from), scale.x(to));
        out.push_str(&format!(
            r#"<rect class="cycle-window" x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}</title></rect>"#,
            px(left),
            px(TOP),
            px((right - left).max(2.0)),
            px(PLOT_HEIGHT),
            colour::CYCLE_BAND,
            html_escape(&format!(
                "Improvement cycle \"{}\": Do window {} – {}",
                cycle.change,
                date_long(cycle.do_from),
                date_long(cycle.do_to)
            )),
        ));
    }
    out
}

/// Each cycle's prediction as an outlined diamond at its date and value, over the
/// values, so the gap the Study words can be seen.
fn predictions(chart: &MetricChart, scale: &DateScale, y: &dyn Fn(f64) -> f64) -> String {
    let unit = chart.metric.unit;
    let mut out = String::new();
    for cycle in &chart.cycles {
        let predicted = cycle.prediction;
        if predicted.date < scale.first || predicted.date > scale.last {
            continue;
        }
        let (cx, cy) = (scale.x(predicted.date), y(predicted.value));
        out.push_str(&format!(
            r#"<path class="prediction" d="M{} {}L{} {}L{} {}L{} {}Z" fill="white" stroke="{}" stroke-width="2"><title>{}</title></path>"#,
            px(cx),
            px(cy - 6.0),
            px(cx + 6.0),
            px(cy),
            px(cx),
            px(cy + 6.0),
            px(cx - 6.0),
            px(cy),
            colour::PREDICTION,
            html_escape(&format!(
                "Prediction of \"{}\": {} by {}",
                cycle.change,
                value_text(predicted.value, unit),
                date_long(predicted.date)
            )),
        ));
    }
    out
}
