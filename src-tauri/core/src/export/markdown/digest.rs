//! The Plan section of a big plan: each phase's figures, the milestones, the critical
//! path, and the overdue, blocked and soon-due work, as [`PlanDigest`] chose them.

use std::fmt::Write;

use super::{dash, table};
use crate::export::text::{date_or_dash, markdown_escape as m};
use crate::export::{digest_intro, where_every_task, PlanDigest, RolloutReport};
use crate::plan::{Task, TaskKind};

pub(super) fn write(out: &mut String, report: &RolloutReport, everything: bool) {
    let digest = PlanDigest::of(report);
    let _ = writeln!(
        out,
        "_{}_\n\n### By phase\n",
        m(&digest_intro(report, everything))
    );
    let rows: Vec<Vec<String>> = digest
        .phases
        .iter()
        .map(|p| {
            vec![
                m(&p.name),
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
        &rows,
    );
    for (title, list) in digest.lists() {
        if list.rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {title} ({})\n", list.total);
        let rows: Vec<Vec<String>> = list.rows.iter().map(|t| row(report, t)).collect();
        table(
            out,
            &["Task", "Phase", "Owner", "Start", "Due", "Status"],
            &rows,
        );
        if let Some(more) = list.more_text(where_every_task(everything)) {
            let _ = writeln!(out, "_{}_\n", m(&more));
        }
    }
}

fn row(report: &RolloutReport, t: &Task) -> Vec<String> {
    let mut title = m(&t.title);
    if t.kind == TaskKind::Milestone {
        title = format!("◆ {title}");
    }
    if report.is_critical(&t.id) {
        title.push_str(" (critical)");
    }
    vec![
        title,
        m(&t.phase_name),
        dash(&t.owner_name),
        date_or_dash(t.start_date),
        date_or_dash(t.due_date),
        t.status.label().into(),
    ]
}
