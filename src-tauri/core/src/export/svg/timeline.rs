//! The plan as a Gantt chart: one drawing per phase on a shared date scale, so the
//! phases line up on screen and a printer can break the page between them. Bars run from
//! start to due, milestones are diamonds, arrows join a task to the one waiting for it
//! (within a phase; the task table lists every dependency), and the today and go-live
//! lines cross every phase. Names wrap onto as many lines as they need, the row
//! growing with them; the first drawing carries the legend.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::legend::dash_attribute;
use super::timeline_key::{alt_text, status_fill, timeline_legend};
use super::{colour, element_id, hatch_pattern, open_svg, px, wrap, DateScale, Svg};
use crate::export::text::{date_long, html_escape};
use crate::export::RolloutReport;
use crate::plan::{Task, TaskKind, TaskStatus};

/// The drawing's width and its label column, shared with the timeline by phase so both
/// read at one size on paper.
pub(super) const WIDTH: f64 = 800.0;
pub(super) const LABEL_WIDTH: f64 = 290.0;
/// Characters of a name per line: what the label column holds at [`LABEL_FONT`] in
/// the report's fonts even in capitals, so most names take one or two lines.
pub(super) const LABEL_CHARS: usize = 36;
const LABEL_FONT: f64 = 12.0;
pub(super) const LINE: f64 = 13.0;
/// The height of a one-line row; a row grows by [`LINE`] per extra line of its name.
pub(super) const ROW: f64 = 22.0;
const BAR: f64 = 12.0;
const HEADER: f64 = 34.0;

/// One drawing per phase (in plan order, tasks without a phase last), each with the
/// phase's name; empty when no task has a date.
pub fn timeline_svgs(report: &RolloutReport) -> Vec<(String, Svg)> {
    timeline_drawings(report, usize::MAX)
}

/// The same, with a long phase cut into drawings no taller than `rows_per_drawing`
/// one-line rows ("Training (continued)"), for a page that cannot grow as a screen
/// can: a name that wraps onto a second line counts for more than one row. Arrows are
/// drawn within a drawing; the plan's table lists every dependency.
pub fn timeline_drawings(report: &RolloutReport, rows_per_drawing: usize) -> Vec<(String, Svg)> {
    let Some(scale) = date_scale(report) else {
        return Vec::new();
    };
    let mut groups: Vec<(String, Vec<&Task>)> = report
        .phases
        .iter()
        .map(|phase| {
            let tasks = report
                .tasks
                .iter()
                .filter(|t| t.phase_id.as_deref() == Some(phase.id.as_str()))
                .collect();
            (phase.name.clone(), tasks)
        })
        .collect();
    let unphased: Vec<&Task> = report
        .tasks
        .iter()
        .filter(|t| t.phase_id.is_none())
        .collect();
    groups.push((crate::presentation::UNPHASED_GROUP.to_owned(), unphased));
    groups
        .iter()
        .flat_map(|(name, tasks)| {
            by_height(tasks, rows_per_drawing)
                .into_iter()
                .enumerate()
                .map(move |(part, chunk)| {
                    let title = if part == 0 {
                        name.clone()
                    } else {
                        format!("{name} (continued)")
                    };
                    (title, chunk)
                })
        })
        .enumerate()
        .map(|(n, (title, tasks))| {
            let svg = draw_phase(report, &scale, tasks, n, &title);
            (title, svg)
        })
        .collect()
}

/// `tasks` cut into runs whose rows, wrapped names included, add up to no more than
/// `rows` one-line rows (a run holds at least one task).
fn by_height<'a>(tasks: &'a [&'a Task], rows: usize) -> Vec<&'a [&'a Task]> {
    let budget = rows.max(1) as f64 * ROW;
    let mut runs = Vec::new();
    let (mut start, mut height) = (0, 0.0);
    for (i, task) in tasks.iter().enumerate() {
        let row = row_height(wrap(&task.title, LABEL_CHARS).len());
        if i > start && height + row > budget {
            runs.push(&tasks[start..i]);
            (start, height) = (i, 0.0);
        }
        height += row;
    }
    if start < tasks.len() {
        runs.push(&tasks[start..]);
    }
    runs
}

/// The plan's dates, with today and go-live, across the drawing right of the names;
/// `None` when no task has a date.
pub(super) fn date_scale(report: &RolloutReport) -> Option<DateScale> {
    let dates = report
        .tasks
        .iter()
        .flat_map(|t| [t.start_date, t.due_date])
        .chain([Some(report.as_of), report.rollout.go_live_date])
        .flatten();
    let (first, last) = dates.fold(None, |range: Option<(NaiveDate, NaiveDate)>, d| {
        Some(range.map_or((d, d), |(a, b)| (a.min(d), b.max(d))))
    })?;
    report
        .tasks
        .iter()
        .any(|t| t.due_date.is_some())
        .then(|| DateScale {
            first: first.checked_sub_days(Days::new(3)).unwrap_or(first),
            last: last.checked_add_days(Days::new(7)).unwrap_or(last),
            left: LABEL_WIDTH,
            width: WIDTH - LABEL_WIDTH - 10.0,
        })
}

fn draw_phase(
    report: &RolloutReport,
    scale: &DateScale,
    tasks: &[&Task],
    n: usize,
    name: &str,
) -> Svg {
    let labels: Vec<Vec<String>> = tasks.iter().map(|t| wrap(&t.title, LABEL_CHARS)).collect();
    let mut tops = Vec::with_capacity(tasks.len());
    let mut y = HEADER;
    for lines in &labels {
        tops.push(y);
        y += row_height(lines.len());
    }
    let arrow = format!("timeline-arrow-{n}");
    let hatch = element_id("timeline-blocked", &n.to_string());
    // The first drawing carries the legend above its month labels.
    let (key, key_height) = if n == 0 {
        let (markup, height) = timeline_legend(&hatch, 2.0, WIDTH - 8.0);
        (markup, height + 8.0)
    } else {
        (String::new(), 0.0)
    };
    let height = key_height + y + 6.0;
    let bottom = y + 2.0;
    let alt = alt_text(report, tasks, name);
    let mut svg = open_svg("timeline", WIDTH, height, false, &alt);
    svg.push_str(&format!(
        r#"<defs><marker id="{arrow}" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="{m}"/></marker>{pattern}</defs>"#,
        m = colour::MUTED,
        pattern = hatch_pattern(&hatch, status_fill(TaskStatus::Blocked), colour::INK),
    ));
    svg.push_str(&key);
    svg.push_str(&format!(
        r#"<g transform="translate(0 {})">"#,
        px(key_height)
    ));
    for (date, label) in scale.month_ticks() {
        let x = px(scale.x(date));
        svg.push_str(&format!(
            r#"<line x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="{g}"/><text x="{x}" y="11" font-size="11" fill="{m}" dx="3">{label}</text>"#,
            top = px(14.0),
            bottom = px(bottom),
            g = colour::GRID,
            m = colour::MUTED,
        ));
    }
    let rows: HashMap<&str, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let middles: Vec<f64> = tops
        .iter()
        .zip(&labels)
        .map(|(top, lines)| top + row_height(lines.len()) / 2.0)
        .collect();
    for ((task, lines), middle) in tasks.iter().zip(&labels).zip(&middles) {
        draw_task(&mut svg, report, scale, task, lines, *middle, &hatch);
    }
    for (i, task) in tasks.iter().enumerate() {
        for predecessor in task.predecessor_ids() {
            if let (Some(&from), Some(pred)) = (rows.get(predecessor), report.task(predecessor)) {
                draw_arrow(
                    &mut svg,
                    scale,
                    (pred, middles[from]),
                    (task, middles[i]),
                    &arrow,
                    report,
                );
            }
        }
    }
    today_and_go_live(&mut svg, report, scale, bottom);
    svg.push_str("</g></svg>");
    Svg::new(alt, svg)
}

fn row_height(lines: usize) -> f64 {
    ROW + lines.saturating_sub(1) as f64 * LINE
}

fn draw_task(
    svg: &mut String,
    report: &RolloutReport,
    scale: &DateScale,
    task: &Task,
    lines: &[String],
    middle: f64,
    hatch: &str,
) {
    let critical = report.is_critical(&task.id);
    let slipped = report.slip(&task.id);
    let mut tooltip = format!("{} — {}", task.title, task.status.label());
    if critical {
        tooltip.push_str(" — on the critical path");
    }
    if let Some(slip) = slipped {
        tooltip.push_str(&format!(" — slipped: {}", slip.reason));
    }
    let weight = if critical { "600" } else { "400" };
    let ink = if slipped.is_some() {
        colour::SLIPPED
    } else {
        colour::INK
    };
    // The lines of the name centred on the row's middle, as the bar is.
    let first_baseline = middle + 4.0 - (lines.len().saturating_sub(1)) as f64 * LINE / 2.0;
    let spans: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            format!(
                r#"<tspan x="4" y="{}">{}</tspan>"#,
                px(first_baseline + i as f64 * LINE),
                html_escape(line)
            )
        })
        .collect();
    svg.push_str(&format!(
        r#"<text font-size="{}" font-weight="{weight}" fill="{ink}"><title>{}</title>{spans}</text>"#,
        px(LABEL_FONT),
        html_escape(&tooltip),
    ));
    let Some(due) = task.due_date else { return };
    let outline = if slipped.is_some() {
        format!(
            r#" stroke="{}" stroke-width="2"{}"#,
            colour::SLIPPED,
            dash_attribute(Some(colour::SLIPPED_DASH))
        )
    } else if critical {
        format!(r#" stroke="{}" stroke-width="2.5""#, colour::CRITICAL)
    } else {
        String::new()
    };
    if task.kind == TaskKind::Milestone {
        let x = scale.x(due);
        let r = 6.5;
        svg.push_str(&format!(
            r#"<path d="M{} {} l{r} {r} l-{r} {r} l-{r} -{r} z" fill="{}"{outline}><title>{}</title></path>"#,
            px(x),
            px(middle - r),
            if critical { colour::CRITICAL } else { colour::INK },
            html_escape(&format!("{} — {}", tooltip, date_long(due))),
            r = px(r),
        ));
        return;
    }
    let start = task.start_date.unwrap_or(due);
    let x = scale.x(start);
    // A bar ends at the end of its due day, so a one-day task is one day wide.
    let end = scale.x(due.checked_add_days(Days::new(1)).unwrap_or(due));
    let fill = if task.status == TaskStatus::Blocked {
        format!("url(#{hatch})")
    } else {
        status_fill(task.status).to_owned()
    };
    svg.push_str(&format!(
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{fill}"{outline}><title>{}</title></rect>"#,
        px(x),
        px(middle - BAR / 2.0),
        px((end - x).max(2.0)),
        px(BAR),
        html_escape(&format!("{} — {} to {}", tooltip, date_long(start), date_long(due))),
    ));
}

/// An arrow from a predecessor's end (`from`: the task and its row's middle) to its
/// successor's start.
fn draw_arrow(
    svg: &mut String,
    scale: &DateScale,
    (from_task, y1): (&Task, f64),
    (to_task, y2): (&Task, f64),
    marker: &str,
    report: &RolloutReport,
) {
    let (Some(from_due), Some(to_start)) =
        (from_task.due_date, to_task.start_date.or(to_task.due_date))
    else {
        return;
    };
    let x1 = if from_task.kind == TaskKind::Milestone {
        scale.x(from_due) + 6.0
    } else {
        scale.x(from_due.checked_add_days(Days::new(1)).unwrap_or(from_due))
    };
    let x2 = scale.x(to_start)
        - if to_task.kind == TaskKind::Milestone {
            6.0
        } else {
            0.0
        };
    let critical = report.is_critical(&from_task.id) && report.is_critical(&to_task.id);
    // Out of the predecessor, down to the successor's row, then into its start.
    let elbow = x1 + 5.0;
    svg.push_str(&format!(
        r#"<path d="M{} {} H{} V{} H{}" fill="none" stroke="{}" stroke-width="{}" marker-end="url(#{marker})"/>"#,
        px(x1),
        px(y1),
        px(elbow),
        px(y2),
        px(x2.max(elbow + 2.0)),
        if critical { colour::CRITICAL } else { colour::MUTED },
        if critical { "1.5" } else { "1" },
    ));
}

/// Today's line and, once it is set, go-live's, down to `bottom`.
pub(super) fn today_and_go_live(
    svg: &mut String,
    report: &RolloutReport,
    scale: &DateScale,
    bottom: f64,
) {
    marker_line(
        svg,
        scale,
        report.as_of,
        "Today",
        colour::TODAY,
        bottom,
        true,
    );
    if let Some(go_live) = report.rollout.go_live_date {
        marker_line(
            svg,
            scale,
            go_live,
            "Go-live",
            colour::GO_LIVE,
            bottom,
            false,
        );
    }
}

fn marker_line(
    svg: &mut String,
    scale: &DateScale,
    date: NaiveDate,
    label: &str,
    stroke: &str,
    bottom: f64,
    dashed: bool,
) {
    let x = px(scale.x(date));
    // Today's label reads to the left of its line and go-live's to the right, so the
    // two stay legible when they fall close together.
    let (dash, anchor, dx, width) = if dashed {
        (r#" stroke-dasharray="4 3""#, "end", "-3", "1.5")
    } else {
        ("", "start", "3", "2")
    };
    svg.push_str(&format!(
        r#"<line x1="{x}" y1="16" x2="{x}" y2="{}" stroke="{stroke}" stroke-width="{width}"{dash}/><text x="{x}" y="27" dx="{dx}" font-size="11" font-weight="600" fill="{stroke}" text-anchor="{anchor}">{label}</text>"#,
        px(bottom),
    ));
}
