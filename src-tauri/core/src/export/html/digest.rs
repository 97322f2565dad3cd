//! The Plan section of a big plan: each phase's figures, the milestones, the critical
//! path, and the overdue, blocked and soon-due work, as [`PlanDigest`] chose them.

use super::{or_dash, table};
use crate::export::text::{date_or_dash, html_escape as e};
use crate::export::{digest_intro, where_every_task, PlanDigest, RolloutReport};
use crate::plan::{Task, TaskKind};

pub(super) fn write(out: &mut String, report: &RolloutReport, everything: bool) {
    let digest = PlanDigest::of(report);
    out.push_str(&format!(
        "<p class=\"muted\">{}</p>\n<h3>By phase</h3>\n",
        e(&digest_intro(report, everything))
    ));
    let rows: Vec<Vec<String>> = digest
        .phases
        .iter()
        .map(|p| {
            vec![
                format!("<strong>{}</strong>", e(&p.name)),
                p.tasks.to_string(),
                p.done.to_string(),
                p.overdue.to_string(),
                p.blocked.to_string(),
                date_or_dash(p.first),
                date_or_dash(p.last),
            ]
        })
        .collect();
    table(
        out,
        &["Phase", "Tasks", "Done", "Overdue", "Blocked", "From", "To"],
        &[1, 2, 3, 4],
        &rows,
    );
    if let Some(line) = digest.critical_path_line(report) {
        out.push_str(&format!("<p class=\"muted\">{}</p>\n", e(&line)));
    }
    for (title, list) in digest.lists() {
        if list.rows.is_empty() {
            continue;
        }
        out.push_str(&format!("<h3>{title} ({})</h3>\n", list.total));
        let rows: Vec<Vec<String>> = list.rows.iter().map(|t| row(report, t)).collect();
        table(
            out,
            &["Task", "Phase", "Owner", "Start", "Due", "Status"],
            &[],
            &rows,
        );
        if let Some(more) = list.more_text(where_every_task(everything)) {
            out.push_str(&format!("<p class=\"muted\">{}</p>\n", e(&more)));
        }
    }
}

/// One line per task: the appendix of a report with everything gives each task's
/// dependencies and notes.
fn row(report: &RolloutReport, task: &Task) -> Vec<String> {
    let mut title = e(&task.title);
    if task.kind == TaskKind::Milestone {
        title = format!("◆ {title}");
    }
    if report.is_critical(&task.id) {
        title.push_str(" <span class=\"badge critical\">critical</span>");
    }
    vec![
        title,
        or_dash(&task.phase_name),
        or_dash(&task.owner_name),
        date_or_dash(task.start_date),
        date_or_dash(task.due_date),
        format!(
            "<span class=\"badge {}\">{}</span>",
            task.status.code(),
            task.status.label()
        ),
    ]
}
