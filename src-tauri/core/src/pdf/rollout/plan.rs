//! The report's first sections in blocks: overview, timeline, plan, readiness, training;
//! and the appendix's full task list and task-by-task timeline.

use super::{digest, tone, verdict_words, Block};
use crate::export::svg::{phase_timeline_svgs, timeline_drawings};
use crate::export::text::{countdown, date_long, date_or_dash};
use crate::export::RolloutReport;
use crate::pdf::blocks::{or_dash, Cell, Tone};
use crate::plan::{Task, TaskKind};
use crate::readiness::ReadinessCategory;

/// Tasks per timeline drawing: about what a portrait page holds under its heading.
const TIMELINE_ROWS: usize = 36;
/// Rows per drawing of the timeline by phase (it carries a legend under its rows).
const PHASE_TIMELINE_ROWS: usize = 34;

/// Tasks the overview lists under each heading: the overview is one page a sponsor
/// reads; a plan hundreds of tasks behind lists the rest in the Plan section.
const OVERVIEW_TASKS: usize = 15;

pub(super) fn overview(report: &RolloutReport) -> Vec<Block> {
    let rollout = &report.rollout;
    let overview = &report.overview;
    let open_risks = report.open_risk_count();
    let training = report.training_progress();
    let in_act = report.metrics_in_act();
    let mut blocks = vec![
        Block::facts([
            (
                "Go-live",
                overview
                    .days_to_go_live
                    .map(countdown)
                    .unwrap_or_else(|| "Not set".into()),
            ),
            (
                "Readiness score",
                format!("{}/100", overview.readiness.score),
            ),
            ("Overdue tasks", overview.overdue_count.to_string()),
            ("Blocked tasks", overview.blocked_count.to_string()),
            ("Due this week", overview.due_this_week_count.to_string()),
            (
                "Training",
                if training.people > 0 {
                    training.summary
                } else {
                    "—".into()
                },
            ),
            ("Metrics in act", in_act.to_string()),
            ("Open risks", open_risks.to_string()),
        ]),
        Block::details([
            ("Kind", rollout.kind.label().to_owned()),
            ("Phase", rollout.phase.label().to_owned()),
            ("Sites", or_dash(&rollout.sites.join(", "))),
            ("Sponsor", or_dash(&rollout.sponsor)),
            ("Owner", or_dash(&rollout.owner)),
            ("Start", date_or_dash(rollout.start_date)),
            ("Go-live", date_or_dash(rollout.go_live_date)),
            ("In scope", or_dash(&rollout.scope_in)),
            ("Out of scope", or_dash(&rollout.scope_out)),
        ]),
    ];
    for (title, tasks) in [
        ("Overdue", &overview.overdue),
        ("Blocked", &overview.blocked),
        ("Due this week", &overview.due_this_week),
    ] {
        if !tasks.is_empty() {
            blocks.push(Block::heading(title));
            let mut items: Vec<Cell> = tasks
                .iter()
                .take(OVERVIEW_TASKS)
                .map(|t| {
                    Cell::text(format!(
                        "{} — {}, due {}",
                        t.title,
                        or_dash(&t.owner_name),
                        date_or_dash(t.due_date)
                    ))
                })
                .collect();
            if tasks.len() > OVERVIEW_TASKS {
                items.push(Cell::text(format!(
                    "and {} more — the Plan section lists every task",
                    tasks.len() - OVERVIEW_TASKS
                )));
            }
            blocks.push(Block::List { items });
        }
    }
    blocks
}

/// The body's timeline: one bar per phase, its milestones and its critical-path tasks.
pub(super) fn timeline(report: &RolloutReport, everything: bool) -> Vec<Block> {
    let drawings = phase_timeline_svgs(report, PHASE_TIMELINE_ROWS);
    if drawings.is_empty() {
        return vec![Block::muted("No dated tasks yet.")];
    }
    let mut blocks = vec![Block::muted(if everything {
        "Each phase as one bar, with its open milestones and its critical-path tasks; Appendix B draws every task."
    } else {
        "Each phase as one bar, with its open milestones and its critical-path tasks."
    })];
    for svg in drawings {
        blocks.push(Block::Drawing { svg, width: 1.0 });
    }
    blocks
}

/// The appendix's timeline: every task, a drawing per phase.
pub(super) fn task_timeline(report: &RolloutReport) -> Vec<Block> {
    let drawings = timeline_drawings(report, TIMELINE_ROWS);
    if drawings.is_empty() {
        return vec![Block::muted("No dated tasks yet.")];
    }
    let mut blocks = vec![Block::muted(
        "Bars run from start to due, coloured by status; the first drawing's legend shows each mark.",
    )];
    for (phase, svg) in drawings {
        blocks.push(Block::heading(phase));
        blocks.push(Block::Drawing { svg, width: 1.0 });
    }
    blocks
}

/// The Plan section: every task for a plan small enough to read whole, else the digest.
pub(super) fn tasks(report: &RolloutReport, everything: bool) -> Vec<Block> {
    let mut blocks: Vec<Block> = report
        .baseline
        .iter()
        .map(|comparison| {
            Block::text(format!(
                "Baseline: {}",
                crate::plan::baseline_line(comparison)
            ))
        })
        .collect();
    blocks.extend(if crate::export::lists_every_task(report) {
        every_task(report)
    } else {
        digest::blocks(report, everything)
    });
    blocks
}

/// The critical path, what slipped, and every task by phase.
pub(super) fn every_task(report: &RolloutReport) -> Vec<Block> {
    let mut blocks = Vec::new();
    let path = &report.critical_path;
    if !path.task_ids.is_empty() {
        let steps: Vec<&str> = path
            .task_ids
            .iter()
            .filter_map(|id| report.task(id))
            .map(|t| t.title.as_str())
            .collect();
        blocks.push(Block::text(format!(
            "Critical path ({} days of work): {}",
            path.length_days,
            steps.join(" → ")
        )));
    }
    if !report.slipped.is_empty() {
        blocks.push(Block::heading("Slipped"));
        blocks.push(Block::List {
            items: report
                .slipped
                .iter()
                .map(|s| Cell::text(format!("{} — {}", s.title, s.reason)))
                .collect(),
        });
    }
    if report.tasks.is_empty() {
        blocks.push(Block::muted("No tasks yet."));
        return blocks;
    }
    let phases = report
        .phases
        .iter()
        .map(|p| (p.name.as_str(), Some(p.id.as_str())))
        .chain([(crate::presentation::UNPHASED_GROUP, None)]);
    for (name, phase_id) in phases {
        let rows: Vec<Vec<Cell>> = report
            .tasks
            .iter()
            .filter(|t| t.phase_id.as_deref() == phase_id)
            .map(|t| task_row(report, t))
            .collect();
        if rows.is_empty() {
            continue;
        }
        blocks.push(Block::heading(name));
        blocks.push(Block::table(
            &[
                ("Task", 3.2),
                ("Owner", 1.3),
                ("Start", 1.0),
                ("Due", 1.0),
                ("Status", 0.9),
                ("Depends on", 1.8),
            ],
            rows,
        ));
    }
    blocks
}

fn task_row(report: &RolloutReport, task: &Task) -> Vec<Cell> {
    let mut title = task.title.clone();
    if task.kind == TaskKind::Milestone {
        title = format!("◆ {title}");
    }
    if let Some(slip) = report.slip(&task.id) {
        title.push_str(&format!("\n{}", slip.reason));
    }
    if !task.notes.trim().is_empty() {
        title.push_str(&format!("\n{}", task.notes.trim()));
    }
    let mut title = Cell::text(title);
    if report.is_critical(&task.id) {
        title = title.with_tag("critical", Tone::Warn);
    }
    let depends: Vec<String> = report
        .waits_for(task)
        .map(|(link, t)| link.phrase(&t.title))
        .collect();
    vec![
        title,
        Cell::text(or_dash(&task.owner_name)),
        Cell::text(date_or_dash(task.start_date)),
        Cell::text(date_or_dash(task.due_date)),
        Cell::tag(task.status.label(), tone(task.status.code())),
        Cell::text(depends.join("\n")),
    ]
}

pub(super) fn readiness(report: &RolloutReport) -> Vec<Block> {
    let readiness = &report.overview.readiness;
    let (verdict, verdict_tone) = verdict_words(readiness.verdict);
    let mut blocks = vec![Block::List {
        items: vec![Cell::text(format!("Score {}/100", readiness.score))
            .with_tag(format!("Verdict: {verdict}"), verdict_tone)
            .strong()],
    }];
    if !readiness.reasons.is_empty() {
        blocks.push(Block::heading("Why"));
        blocks.push(Block::List {
            items: readiness
                .reasons
                .iter()
                .map(|r| {
                    let item = Cell::text(&r.text);
                    if r.blocking {
                        item.with_tag("blocking", Tone::Bad)
                    } else {
                        item
                    }
                })
                .collect(),
        });
    }
    for category in ReadinessCategory::ALL {
        let rows: Vec<Vec<Cell>> = report
            .criteria
            .iter()
            .filter(|c| c.category == *category)
            .map(|c| {
                vec![
                    Cell::text(&c.title),
                    Cell::text(or_dash(&c.owner_text())),
                    Cell::tag(c.status.label(), tone(c.status.code())),
                    Cell::text(if c.hard_gate { "Hard gate" } else { "" }),
                    Cell::text(c.evidence_text()),
                ]
            })
            .collect();
        if !rows.is_empty() {
            blocks.push(Block::heading(category.label()));
            blocks.push(Block::table(
                &[
                    ("Criterion", 3.0),
                    ("Owner", 1.3),
                    ("Status", 0.9),
                    ("Gate", 0.9),
                    ("Evidence", 2.4),
                ],
                rows,
            ));
        }
    }
    if report.criteria.is_empty() {
        blocks.push(Block::muted("No go-live criteria yet."));
    }
    blocks
}

pub(super) fn training(report: &RolloutReport) -> Vec<Block> {
    let mut blocks = Vec::new();
    if report.training_by_role.is_empty() {
        blocks.push(Block::muted("No training required yet."));
    } else {
        blocks.push(Block::text(report.training_progress().summary));
        let rows = report
            .training_by_role
            .iter()
            .map(|r| {
                let percent = r.percent;
                let overdue = Cell::text(r.overdue.to_string());
                vec![
                    Cell::text(&r.role_name),
                    Cell::text(r.people.to_string()),
                    Cell::text(r.trained.to_string()),
                    Cell::text(format!("{percent}%")).strong(),
                    if r.overdue > 0 {
                        overdue.with_tag("overdue", Tone::Bad)
                    } else {
                        overdue
                    },
                ]
            })
            .collect();
        blocks.push(Block::table(
            &[
                ("Role", 2.5),
                ("People", 1.0),
                ("Fully trained", 1.2),
                ("Trained %", 1.1),
                ("Overdue", 1.4),
            ],
            rows,
        ));
    }
    if !report.training_requirements.is_empty() {
        blocks.push(Block::heading("Required training"));
        blocks.push(Block::table(
            &[("Role", 2.0), ("Module", 3.0), ("Due", 1.2)],
            report
                .training_requirements
                .iter()
                .map(|q| {
                    vec![
                        Cell::text(&q.role_name),
                        Cell::text(&q.module_title),
                        Cell::text(date_long(q.due_date)),
                    ]
                })
                .collect(),
        ));
    }
    blocks
}
