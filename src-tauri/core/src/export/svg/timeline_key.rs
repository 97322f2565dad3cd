//! What the timeline says besides its bars: the fill of each status, the legend of
//! its marks drawn as swatches, and the sentence that describes a drawing for a reader
//! who cannot see it.

use super::colour;
use super::legend::{legend, Swatch};
use crate::export::text::date_long;
use crate::export::RolloutReport;
use crate::plan::{Task, TaskKind, TaskStatus};

/// The fill of a task's bar by status; a blocked bar is hatched as well.
pub(super) fn status_fill(status: TaskStatus) -> &'static str {
    match status {
        TaskStatus::Done => "#aab4be",
        TaskStatus::Doing => "#56b4e9",
        TaskStatus::Blocked => "#f0e442",
        TaskStatus::Todo => "#d3e3f1",
    }
}

/// What one drawing shows, in a sentence: its tasks, their dates, how many are on the
/// critical path or slipped, and where today and go-live fall.
pub(super) fn alt_text(report: &RolloutReport, tasks: &[&Task], name: &str) -> String {
    let dates = tasks
        .iter()
        .flat_map(|t| [t.start_date, t.due_date])
        .flatten();
    let first = dates.clone().min();
    let last = dates.max();
    let count = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let milestones = tasks
        .iter()
        .filter(|t| t.kind == TaskKind::Milestone)
        .count();
    let mut text = format!(
        "Timeline of {name}: {}",
        count(tasks.len(), "task", "tasks")
    );
    if milestones > 0 {
        text.push_str(&format!(
            " (including {})",
            count(milestones, "milestone", "milestones")
        ));
    }
    if let (Some(first), Some(last)) = (first, last) {
        text.push_str(&format!(
            " from {} to {}",
            date_long(first),
            date_long(last)
        ));
    }
    let critical = tasks.iter().filter(|t| report.is_critical(&t.id)).count();
    let slipped = tasks
        .iter()
        .filter(|t| report.slip(&t.id).is_some())
        .count();
    text.push_str(&format!(
        "; {critical} on the critical path, {slipped} slipped; today is {}",
        date_long(report.as_of)
    ));
    if let Some(go_live) = report.rollout.go_live_date {
        text.push_str(&format!(", go-live {}", date_long(go_live)));
    }
    text.push('.');
    text
}

/// The legend of the timeline's marks, drawn as the marks themselves.
pub(super) fn timeline_legend(hatch: &str, top: f64, width: f64) -> (String, f64) {
    legend(
        &[
            (Swatch::Fill(status_fill(TaskStatus::Todo)), "To do"),
            (Swatch::Fill(status_fill(TaskStatus::Doing)), "Doing"),
            (Swatch::Pattern(hatch), "Blocked"),
            (Swatch::Fill(status_fill(TaskStatus::Done)), "Done"),
            (Swatch::Diamond(colour::INK), "Milestone"),
            (
                Swatch::Outline {
                    stroke: colour::CRITICAL,
                    dash: None,
                },
                "Critical path (solid outline)",
            ),
            SLIPPED_SWATCH,
            TODAY_SWATCH,
            GO_LIVE_SWATCH,
        ],
        4.0,
        top,
        width,
    )
}

/// Marks every timeline shares, drawn the same in each legend.
pub(super) const SLIPPED_SWATCH: (Swatch<'static>, &str) = (
    Swatch::Outline {
        stroke: colour::SLIPPED,
        dash: Some(colour::SLIPPED_DASH),
    },
    "Slipped (dashed outline)",
);
pub(super) const TODAY_SWATCH: (Swatch<'static>, &str) = (
    Swatch::Line {
        stroke: colour::TODAY,
        dash: Some("4 3"),
        width: 1.5,
    },
    "Today",
);
pub(super) const GO_LIVE_SWATCH: (Swatch<'static>, &str) = (
    Swatch::Line {
        stroke: colour::GO_LIVE,
        dash: None,
        width: 2.0,
    },
    "Go-live",
);
