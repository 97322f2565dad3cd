//! The plan as a Gantt chart: one drawing per phase on a shared date scale, so the
//! phases line up on screen and a printer can break the page between them. Bars run from
//! start to due, milestones are diamonds, arrows join a task to the one waiting for it
//! (within a phase; the task table lists every dependency), and the today and go-live
//! lines cross every phase.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::{colour, px, shorten, DateScale};
use crate::export::text::{date_long, html_escape};
use crate::export::RolloutReport;
use crate::plan::{Task, TaskKind, TaskStatus};

const WIDTH: f64 = 960.0;
const LABEL_WIDTH: f64 = 250.0;
const ROW: f64 = 20.0;
const HEADER: f64 = 32.0;
const LABEL_CHARS: usize = 34;

/// One drawing per phase (in plan order, tasks without a phase last), each with the
/// phase's name; empty when no task has a date.
pub fn timeline_svgs(report: &RolloutReport) -> Vec<(String, String)> {
    timeline_drawings(report, usize::MAX)
}

/// The same, with a long phase cut into drawings of at most `rows_per_drawing` tasks
/// ("Training (continued)"), for a page that cannot grow as a screen can. Arrows are
/// drawn within a drawing; the plan's table lists every dependency.
pub fn timeline_drawings(report: &RolloutReport, rows_per_drawing: usize) -> Vec<(String, String)> {
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
            tasks
                .chunks(rows_per_drawing.max(1))
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

fn date_scale(report: &RolloutReport) -> Option<DateScale> {
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
) -> String {
    let height = HEADER + tasks.len() as f64 * ROW + 6.0;
    let bottom = height - 4.0;
    let arrow = format!("timeline-arrow-{n}");
    let mut svg = format!(
        r#"<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="Timeline of {label}"><defs><marker id="{arrow}" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="{m}"/></marker></defs>"#,
        w = px(WIDTH),
        h = px(height),
        label = html_escape(name),
        m = colour::MUTED,
    );
    for (date, label) in scale.month_ticks() {
        let x = px(scale.x(date));
        svg.push_str(&format!(
            r#"<line x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="{g}"/><text x="{x}" y="11" font-size="10" fill="{m}" dx="3">{label}</text>"#,
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
    for (i, task) in tasks.iter().enumerate() {
        draw_task(&mut svg, report, scale, task, HEADER + i as f64 * ROW);
    }
    for (i, task) in tasks.iter().enumerate() {
        for predecessor in &task.depends_on {
            if let (Some(&from), Some(pred)) =
                (rows.get(predecessor.as_str()), report.task(predecessor))
            {
                draw_arrow(&mut svg, scale, pred, from, task, i, &arrow, report);
            }
        }
    }
    marker_line(
        &mut svg,
        scale,
        report.as_of,
        "Today",
        colour::TODAY,
        bottom,
        true,
    );
    if let Some(go_live) = report.rollout.go_live_date {
        marker_line(
            &mut svg,
            scale,
            go_live,
            "Go-live",
            colour::GO_LIVE,
            bottom,
            false,
        );
    }
    svg.push_str("</svg>");
    svg
}

fn draw_task(svg: &mut String, report: &RolloutReport, scale: &DateScale, task: &Task, top: f64) {
    let middle = top + ROW / 2.0;
    let critical = report.is_critical(&task.id);
    let slipped = report.slip(&task.id);
    let mut tooltip = format!("{} — {}", task.title, task.status.label());
    if let Some(slip) = slipped {
        tooltip.push_str(&format!(" — {}", slip.reason));
    }
    let weight = if critical { "600" } else { "400" };
    let ink = if slipped.is_some() {
        colour::SLIPPED
    } else {
        colour::INK
    };
    svg.push_str(&format!(
        r#"<text x="4" y="{}" font-size="11" font-weight="{weight}" fill="{ink}"><title>{}</title>{}</text>"#,
        px(middle + 4.0),
        html_escape(&tooltip),
        html_escape(&shorten(&task.title, LABEL_CHARS)),
    ));
    let Some(due) = task.due_date else { return };
    if task.kind == TaskKind::Milestone {
        let x = scale.x(due);
        let r = 6.0;
        svg.push_str(&format!(
            r#"<path d="M{} {} l{r} {r} l-{r} {r} l-{r} -{r} z" fill="{}"{}><title>{}</title></path>"#,
            px(x),
            px(middle - r),
            if critical { colour::CRITICAL } else { colour::INK },
            if slipped.is_some() { format!(r#" stroke="{}" stroke-width="2""#, colour::SLIPPED) } else { String::new() },
            html_escape(&format!("{} — {}", tooltip, date_long(due))),
            r = px(r),
        ));
        return;
    }
    let start = task.start_date.unwrap_or(due);
    let x = scale.x(start);
    // A bar ends at the end of its due day, so a one-day task is one day wide.
    let end = scale.x(due.checked_add_days(Days::new(1)).unwrap_or(due));
    let fill = match task.status {
        TaskStatus::Done => "#9aa5b1",
        TaskStatus::Doing => "#3b82f6",
        TaskStatus::Blocked => "#f59e0b",
        TaskStatus::Todo => "#93c5fd",
    };
    let stroke = if slipped.is_some() {
        format!(r#" stroke="{}" stroke-width="2""#, colour::SLIPPED)
    } else if critical {
        format!(r#" stroke="{}" stroke-width="2""#, colour::CRITICAL)
    } else {
        String::new()
    };
    svg.push_str(&format!(
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{fill}"{stroke}><title>{}</title></rect>"#,
        px(x),
        px(top + 4.0),
        px((end - x).max(2.0)),
        px(ROW - 8.0),
        html_escape(&format!("{} — {} to {}", tooltip, date_long(start), date_long(due))),
    ));
}

#[allow(clippy::too_many_arguments)]
fn draw_arrow(
    svg: &mut String,
    scale: &DateScale,
    from_task: &Task,
    from_row: usize,
    to_task: &Task,
    to_row: usize,
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
    let y1 = HEADER + from_row as f64 * ROW + ROW / 2.0;
    let y2 = HEADER + to_row as f64 * ROW + ROW / 2.0;
    let critical = report.is_critical(&from_task.id) && report.is_critical(&to_task.id);
    // Out of the predecessor, down to the successor's row, then into its start.
    let elbow = x1 + 5.0;
    svg.push_str(&format!(
        r#"<path d="M{} {} H{} V{} H{}" fill="none" stroke="{}" stroke-width="1" marker-end="url(#{marker})"/>"#,
        px(x1),
        px(y1),
        px(elbow),
        px(y2),
        px(x2.max(elbow + 2.0)),
        if critical { colour::CRITICAL } else { colour::MUTED },
    ));
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
    let (dash, anchor, dx) = if dashed {
        (r#" stroke-dasharray="4 3""#, "end", "-3")
    } else {
        ("", "start", "3")
    };
    svg.push_str(&format!(
        r#"<line x1="{x}" y1="16" x2="{x}" y2="{}" stroke="{stroke}" stroke-width="1.5"{dash}/><text x="{x}" y="25" dx="{dx}" font-size="10" font-weight="600" fill="{stroke}" text-anchor="{anchor}">{label}</text>"#,
        px(bottom),
    ));
}
