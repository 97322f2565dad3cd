//! The plan at report scale: one bar per phase (its share done filled in), its open
//! milestones as diamonds and its critical-path tasks as bars of their own, on one
//! shared date scale with today and go-live marked. A 2,000-task plan reads in a page or
//! two this way; the task-by-task timeline is the appendix's business
//! ([`super::timeline_drawings`]).
//!
//! Each drawing comes with its alt text and carries a legend with swatches, so it reads
//! without the colours and without the surrounding text.

use chrono::{Days, NaiveDate};

use super::legend::{dash_attribute, legend, Swatch};
use super::{colour, open_svg, px, wrap, DateScale, Svg};
use crate::export::text::{date_long, html_escape};
use crate::export::RolloutReport;
use crate::plan::{Task, TaskKind, TaskStatus};

// The task-by-task timeline's scale and rows, so both read at one size on paper.
use super::timeline::{date_scale, today_and_go_live, LABEL_CHARS, LINE, ROW, WIDTH};
use super::timeline_key::{GO_LIVE_SWATCH, SLIPPED_SWATCH, TODAY_SWATCH};

const HEADER: f64 = 32.0;

/// One row of the drawing.
enum Row<'a> {
    Phase { name: String, tasks: Vec<&'a Task> },
    Milestone(&'a Task),
    Critical(&'a Task),
}

/// The drawings of the plan by phase, each at most about `rows_per_drawing` one-line
/// rows tall (a phase's rows are never split from its bar; a wrapped name counts its
/// lines), each with its alt text. Empty when no task has a date.
pub fn phase_timeline_svgs(report: &RolloutReport, rows_per_drawing: usize) -> Vec<Svg> {
    let Some(scale) = date_scale(report) else {
        return Vec::new();
    };
    let budget = rows_per_drawing.max(1) as f64 * ROW;
    let mut drawings: Vec<Vec<Row>> = Vec::new();
    let mut current: Vec<Row> = Vec::new();
    for group in phase_groups(report) {
        let height = |rows: &[Row]| rows.iter().map(Row::height).sum::<f64>();
        if !current.is_empty() && height(&current) + height(&group) > budget {
            drawings.push(std::mem::take(&mut current));
        }
        current.extend(group);
    }
    if !current.is_empty() {
        drawings.push(current);
    }
    let count = drawings.len();
    drawings
        .iter()
        .enumerate()
        .map(|(n, rows)| {
            let alt = alt_text(report, rows, n, count);
            let markup = draw(report, &scale, rows, &alt);
            Svg::new(alt, markup)
        })
        .collect()
}

impl Row<'_> {
    /// The name in the label column, as it is drawn.
    fn label(&self) -> String {
        match self {
            Row::Phase { name, .. } => name.clone(),
            Row::Milestone(task) => format!("◆ {}", task.title),
            Row::Critical(task) => task.title.clone(),
        }
    }

    /// How far a row's name is indented under its phase.
    fn indent(&self) -> f64 {
        match self {
            Row::Phase { .. } => 0.0,
            _ => 12.0,
        }
    }

    /// The name's lines: whole, wrapped to the label column.
    fn lines(&self) -> Vec<String> {
        wrap(&self.label(), LABEL_CHARS - (self.indent() / 6.0) as usize)
    }

    fn height(&self) -> f64 {
        ROW + (self.lines().len().saturating_sub(1)) as f64 * LINE
    }
}

/// Each phase's rows: its bar, then its open milestones and its critical-path tasks in
/// plan order. Phases without dated tasks are left out.
fn phase_groups(report: &RolloutReport) -> Vec<Vec<Row<'_>>> {
    let phases = report
        .phases
        .iter()
        .map(|p| (p.name.clone(), Some(p.id.as_str())))
        .chain([(crate::presentation::UNPHASED_GROUP.to_owned(), None)]);
    phases
        .filter_map(|(name, id)| {
            let tasks: Vec<&Task> = report
                .tasks
                .iter()
                .filter(|t| t.phase_id.as_deref() == id)
                .collect();
            if !tasks.iter().any(|t| t.due_date.is_some()) {
                return None;
            }
            let mut rows = Vec::new();
            for task in tasks.iter().filter(|t| t.due_date.is_some()) {
                if task.kind == TaskKind::Milestone && task.status != TaskStatus::Done {
                    rows.push(Row::Milestone(task));
                } else if task.kind == TaskKind::Task && report.is_critical(&task.id) {
                    rows.push(Row::Critical(task));
                }
            }
            rows.insert(0, Row::Phase { name, tasks });
            Some(rows)
        })
        .collect()
}

/// Where a phase's dated tasks begin and end.
fn span(tasks: &[&Task]) -> Option<(NaiveDate, NaiveDate)> {
    let first = tasks
        .iter()
        .filter_map(|t| t.start_date.or(t.due_date))
        .min()?;
    let last = tasks.iter().filter_map(|t| t.due_date).max()?;
    Some((first.min(last), last))
}

fn alt_text(report: &RolloutReport, rows: &[Row], n: usize, count: usize) -> String {
    let mut phases = Vec::new();
    let (mut milestones, mut critical) = (0, 0);
    for row in rows {
        match row {
            Row::Phase { name, tasks } => {
                let done = tasks
                    .iter()
                    .filter(|t| t.status == TaskStatus::Done)
                    .count();
                let dates = span(tasks)
                    .map(|(a, b)| format!(", {} to {}", date_long(a), date_long(b)))
                    .unwrap_or_default();
                phases.push(format!("{name} ({done} of {} done{dates})", tasks.len()));
            }
            Row::Milestone(_) => milestones += 1,
            Row::Critical(_) => critical += 1,
        }
    }
    let part = if count > 1 {
        format!(" (part {} of {count})", n + 1)
    } else {
        String::new()
    };
    let go_live = report
        .rollout
        .go_live_date
        .map(|d| format!(" Go-live {}.", date_long(d)))
        .unwrap_or_default();
    format!(
        "Timeline by phase{part}: {}. {milestones} open milestone{}, {critical} critical-path task{}. Today is {}.{go_live}",
        phases.join("; "),
        if milestones == 1 { "" } else { "s" },
        if critical == 1 { "" } else { "s" },
        date_long(report.as_of),
    )
}

fn draw(report: &RolloutReport, scale: &DateScale, rows: &[Row], alt: &str) -> String {
    let body = HEADER + rows.iter().map(Row::height).sum::<f64>() + 6.0;
    let (key, key_height) = timeline_key(body + 6.0);
    let height = body + key_height + 12.0;
    let bottom = body - 4.0;
    let mut svg = open_svg("timeline phase-timeline", WIDTH, height, false, alt);
    for (date, label) in scale.month_ticks() {
        let x = px(scale.x(date));
        svg.push_str(&format!(
            r#"<line x1="{x}" y1="14" x2="{x}" y2="{b}" stroke="{g}"/><text x="{x}" y="11" font-size="11" fill="{m}" dx="3">{label}</text>"#,
            b = px(bottom),
            g = colour::GRID,
            m = colour::MUTED,
        ));
    }
    let mut top = HEADER;
    for row in rows {
        label(&mut svg, report, row, top);
        // Marks sit against the name's first line.
        match row {
            Row::Phase { name, tasks } => phase_bar(&mut svg, scale, name, tasks, top),
            Row::Milestone(task) => milestone(&mut svg, report, scale, task, top),
            Row::Critical(task) => critical_task(&mut svg, report, scale, task, top),
        }
        top += row.height();
    }
    today_and_go_live(&mut svg, report, scale, bottom);
    svg.push_str(&key);
    svg.push_str("</svg>");
    svg
}

/// The marks of this drawing, each drawn as in it beside its words.
fn timeline_key(top: f64) -> (String, f64) {
    legend(
        &[
            (Swatch::Fill(colour::SERIES), "Phase: share done"),
            (
                Swatch::Outline {
                    stroke: colour::SERIES,
                    dash: None,
                },
                "Phase: still to do",
            ),
            (Swatch::Diamond(colour::INK), "Milestone"),
            (Swatch::Fill(colour::CRITICAL), "Critical-path task"),
            SLIPPED_SWATCH,
            TODAY_SWATCH,
            GO_LIVE_SWATCH,
        ],
        4.0,
        top,
        WIDTH - 8.0,
    )
}

/// A row's name, whole, one `tspan` a line; a slipped task's name in the slipped colour.
fn label(svg: &mut String, report: &RolloutReport, row: &Row, top: f64) {
    let (weight, ink) = match row {
        Row::Phase { .. } => ("700", colour::INK),
        Row::Milestone(task) | Row::Critical(task) => (
            "400",
            if report.slip(&task.id).is_some() {
                colour::SLIPPED
            } else {
                colour::INK
            },
        ),
    };
    let x = px(4.0 + row.indent());
    let lines: String = row
        .lines()
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let dy = if i == 0 { "0".to_owned() } else { px(LINE) };
            format!(r#"<tspan x="{x}" dy="{dy}">{}</tspan>"#, html_escape(line))
        })
        .collect();
    svg.push_str(&format!(
        r#"<text x="{x}" y="{}" font-size="12" font-weight="{weight}" fill="{ink}">{lines}</text>"#,
        px(top + ROW / 2.0 + 4.0),
    ));
}

fn phase_bar(svg: &mut String, scale: &DateScale, name: &str, tasks: &[&Task], top: f64) {
    let Some((first, last)) = span(tasks) else {
        return;
    };
    let done = tasks
        .iter()
        .filter(|t| t.status == TaskStatus::Done)
        .count();
    let share = done as f64 / tasks.len().max(1) as f64;
    let x = scale.x(first);
    let end = scale.x(last.checked_add_days(Days::new(1)).unwrap_or(last));
    let width = (end - x).max(2.0);
    let tooltip = format!(
        "{name}: {} to {}, {done} of {} tasks done",
        date_long(first),
        date_long(last),
        tasks.len()
    );
    svg.push_str(&format!(
        r#"<g><title>{t}</title><rect x="{x}" y="{y}" width="{w}" height="{h}" rx="3" fill="{c}" fill-opacity="0.25" stroke="{c}"/><rect x="{x}" y="{y}" width="{dw}" height="{h}" rx="3" fill="{c}"/></g>"#,
        t = html_escape(&tooltip),
        x = px(x),
        y = px(top + 3.0),
        w = px(width),
        dw = px(width * share),
        h = px(ROW - 6.0),
        c = colour::SERIES,
    ));
}

fn milestone(svg: &mut String, report: &RolloutReport, scale: &DateScale, task: &Task, top: f64) {
    let slipped = report.slip(&task.id);
    let Some(due) = task.due_date else { return };
    let critical = report.is_critical(&task.id);
    let mut tooltip = format!("{} — {}", task.title, date_long(due));
    if let Some(slip) = slipped {
        tooltip.push_str(&format!(" — {}", slip.reason));
    }
    diamond(
        svg,
        scale.x(due),
        top + ROW / 2.0,
        if critical {
            colour::CRITICAL
        } else {
            colour::INK
        },
        slipped.is_some(),
        &tooltip,
    );
}

fn diamond(svg: &mut String, x: f64, middle: f64, fill: &str, slipped: bool, tooltip: &str) {
    let r = 6.0;
    svg.push_str(&format!(
        r#"<path d="M{} {} l{r} {r} l-{r} {r} l-{r} -{r} z" fill="{fill}"{}><title>{}</title></path>"#,
        px(x),
        px(middle - r),
        if slipped { slipped_stroke() } else { String::new() },
        html_escape(tooltip),
        r = px(r),
    ));
}

/// Slipped work is outlined with a dashed line: told apart by its pattern as well as by
/// its colour, as in the task-by-task timeline.
fn slipped_stroke() -> String {
    format!(
        r#" stroke="{}" stroke-width="2"{}"#,
        colour::SLIPPED,
        dash_attribute(Some(colour::SLIPPED_DASH))
    )
}

fn critical_task(
    svg: &mut String,
    report: &RolloutReport,
    scale: &DateScale,
    task: &Task,
    top: f64,
) {
    let slipped = report.slip(&task.id);
    let Some(due) = task.due_date else { return };
    let start = task.start_date.unwrap_or(due);
    let x = scale.x(start);
    let end = scale.x(due.checked_add_days(Days::new(1)).unwrap_or(due));
    let mut tooltip = format!(
        "{} — {} — {} to {}",
        task.title,
        task.status.label(),
        date_long(start),
        date_long(due)
    );
    if let Some(slip) = slipped {
        tooltip.push_str(&format!(" — {}", slip.reason));
    }
    let opacity = if task.status == TaskStatus::Done {
        "0.45"
    } else {
        "1"
    };
    svg.push_str(&format!(
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{}" fill-opacity="{opacity}"{}><title>{}</title></rect>"#,
        px(x),
        px(top + 5.0),
        px((end - x).max(2.0)),
        px(ROW - 10.0),
        colour::CRITICAL,
        if slipped.is_some() { slipped_stroke() } else { String::new() },
        html_escape(&tooltip),
    ));
}
