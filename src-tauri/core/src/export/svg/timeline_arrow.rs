//! The timeline's link arrows: from the end of the predecessor the link ties (its
//! start for start-to-start and start-to-finish, else its finish) to the end of the
//! waiting task it holds (its start for finish-to-start and start-to-start, else its
//! finish), as Gantt charts draw them. An arrow leaves a start to the left and a finish
//! to the right, and enters a start from the left and a finish from the right; a link
//! with a lag or lead carries it as a small label ("+2d") where the arrow turns in, and
//! every arrow says in its title what it ties, for a screen reader and a hover.

use chrono::{Days, NaiveDate};

use super::{colour, px, DateScale};
use crate::export::text::html_escape;
use crate::export::RolloutReport;
use crate::plan::{Task, TaskKind, TaskLink};

/// How far an arrow runs out of a bar before it turns, and the half-width of a
/// milestone's diamond.
const STUB: f64 = 5.0;
const DIAMOND: f64 = 6.0;

/// Draws the arrow of `link` from `from_task` (on the row whose middle is `y1`) to
/// `to_task` (middle `y2`). Nothing is drawn when a date it needs is missing.
pub(super) fn draw_arrow(
    svg: &mut String,
    scale: &DateScale,
    link: &TaskLink,
    (from_task, y1): (&Task, f64),
    (to_task, y2): (&Task, f64),
    marker: &str,
    report: &RolloutReport,
) {
    let from_start = link.link_type.from_start();
    let to_start = link.link_type.to_start();
    let (Some(x1), Some(x2)) = (
        edge_x(scale, from_task, from_start),
        edge_x(scale, to_task, to_start),
    ) else {
        return;
    };
    let critical = report.is_critical(&from_task.id) && report.is_critical(&to_task.id);
    let out = if from_start { x1 - STUB } else { x1 + STUB };
    let route = if to_start {
        // Into a start, pointing right: out of the predecessor, down to the successor's
        // row, then into its start (a start left of the turn gets a short arrow at the
        // turn, as a finish-to-start arrow always has).
        let turn = if from_start { out.min(x2 - STUB) } else { out };
        let end = x2.max(turn + 2.0);
        (format!("H{} V{} H{}", px(turn), px(y2), px(end)), turn)
    } else {
        // Into a finish, pointing left; from a start that lies left of that finish, the
        // arrow goes round to come in from the right.
        let turn = if from_start { out } else { out.max(x2 + STUB) };
        if turn > x2 {
            let end = x2.min(turn - 2.0);
            (format!("H{} V{} H{}", px(turn), px(y2), px(end)), turn)
        } else {
            detour(out, x2 + STUB, x2, y1, y2)
        }
    };
    let (path, label_x) = route;
    let waiting = html_escape(&to_task.title);
    let phrase = if link.is_plain() {
        format!("waits for '{}' to finish", html_escape(&from_task.title))
    } else {
        link.phrase(&html_escape(&from_task.title))
    };
    svg.push_str(&format!(
        r#"<path d="M{} {} {path}" fill="none" stroke="{}" stroke-width="{}" marker-end="url(#{marker})" data-link="{}"><title>'{waiting}' {phrase}</title></path>"#,
        px(x1),
        px(y1),
        if critical { colour::CRITICAL } else { colour::MUTED },
        if critical { "1.5" } else { "1" },
        link.link_type.code(),
    ));
    if link.lag_days != 0 {
        // Beside the turn, on the side away from the bar the arrow enters.
        let (x, anchor) = if to_start {
            (label_x - 2.0, "end")
        } else {
            (label_x + 2.0, "start")
        };
        svg.push_str(&format!(
            r#"<text x="{}" y="{}" font-size="9" fill="{}" text-anchor="{anchor}">{}</text>"#,
            px(x),
            px(y2 - 4.0),
            colour::MUTED,
            lag_label(link.lag_days),
        ));
    }
}

/// Out of the predecessor to `out`, halfway towards the successor's row, across to
/// `entry`, down, and into `x2`: for an arrow whose successor lies on the wrong side of
/// where it leaves.
fn detour(out: f64, entry: f64, x2: f64, y1: f64, y2: f64) -> (String, f64) {
    let middle = (y1 + y2) / 2.0;
    (
        format!(
            "H{} V{} H{} V{} H{}",
            px(out),
            px(middle),
            px(entry),
            px(y2),
            px(x2)
        ),
        entry,
    )
}

/// Where a task's start or finish is on the drawing: a bar's left or right edge (the
/// finish is the end of its due day), a milestone diamond's left or right tip.
fn edge_x(scale: &DateScale, task: &Task, start: bool) -> Option<f64> {
    let day_after = |d: NaiveDate| d.checked_add_days(Days::new(1)).unwrap_or(d);
    if task.kind == TaskKind::Milestone {
        let day = task.due_date.or(task.start_date)?;
        return Some(if start {
            scale.x(day) - DIAMOND
        } else {
            scale.x(day) + DIAMOND
        });
    }
    Some(if start {
        scale.x(task.start_date.or(task.due_date)?)
    } else {
        scale.x(day_after(task.due_date?))
    })
}

/// A lag as the arrow carries it: `+2d`, `-1d`.
fn lag_label(lag_days: i32) -> String {
    if lag_days > 0 {
        format!("+{lag_days}d")
    } else {
        format!("{lag_days}d")
    }
}
