//! The Plan section of a big plan in blocks: each phase's figures, the milestones, the
//! critical path, and the overdue, blocked and soon-due work, as
//! [`crate::export::PlanDigest`] chose them.

use super::{tone, Block};
use crate::export::text::date_or_dash;
use crate::export::{digest_intro, PlanDigest, RolloutReport};
use crate::pdf::blocks::{or_dash, Cell, Tone};
use crate::plan::{Task, TaskKind};

/// One line per task: the lists are for seeing who has what when; the appendix of a
/// report with everything gives each task's dependencies and notes.
const TASK_COLUMNS: [(&str, f64); 6] = [
    ("Task", 3.4),
    ("Phase", 1.5),
    ("Owner", 1.4),
    ("Start", 1.0),
    ("Due", 1.0),
    ("Status", 0.9),
];

pub(super) fn blocks(report: &RolloutReport, everything: bool) -> Vec<Block> {
    let digest = PlanDigest::of(report);
    let where_all = crate::export::where_every_task(everything);
    let mut blocks = vec![Block::muted(digest_intro(report, everything))];
    blocks.push(Block::heading("By phase"));
    blocks.push(Block::table(
        &[
            ("Phase", 2.6),
            ("Tasks", 0.7),
            ("Done", 0.7),
            ("Overdue", 0.8),
            ("Blocked", 0.8),
            ("From", 1.1),
            ("To", 1.1),
        ],
        digest
            .phases
            .iter()
            .map(|p| {
                vec![
                    Cell::text(&p.name).strong(),
                    Cell::text(p.tasks.to_string()),
                    Cell::text(p.done.to_string()),
                    Cell::text(p.overdue.to_string()),
                    Cell::text(p.blocked.to_string()),
                    Cell::text(date_or_dash(p.first)),
                    Cell::text(date_or_dash(p.last)),
                ]
            })
            .collect(),
    ));
    if let Some(line) = digest.critical_path_line(report) {
        blocks.push(Block::muted(line));
    }
    for (title, list) in digest.lists() {
        if list.rows.is_empty() {
            continue;
        }
        blocks.push(Block::heading(format!("{title} ({})", list.total)));
        blocks.push(Block::table(
            &TASK_COLUMNS,
            list.rows.iter().map(|t| row(report, t)).collect(),
        ));
        if let Some(more) = list.more_text(where_all) {
            blocks.push(Block::muted(more));
        }
    }
    blocks
}

fn row(report: &RolloutReport, task: &Task) -> Vec<Cell> {
    let title = if task.kind == TaskKind::Milestone {
        format!("◆ {}", task.title)
    } else {
        task.title.clone()
    };
    let mut title = Cell::text(title);
    if report.is_critical(&task.id) {
        title = title.with_tag("critical", Tone::Warn);
    }
    vec![
        title,
        Cell::text(or_dash(&task.phase_name)),
        Cell::text(or_dash(&task.owner_name)),
        Cell::text(date_or_dash(task.start_date)),
        Cell::text(date_or_dash(task.due_date)),
        Cell::tag(task.status.label(), tone(task.status.code())),
    ]
}
