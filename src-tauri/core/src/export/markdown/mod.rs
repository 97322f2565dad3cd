//! The rollout report as Markdown that pastes cleanly into a wiki or an email: headings,
//! lists and pipe tables (GitHub/CommonMark flavour), every user-typed string escaped.

use std::fmt::Write;

use super::html::verdict_words;
use super::text::{date_long, date_or_dash, markdown_escape as m};
use super::{ExportDetail, RolloutReport};
use crate::plan::TaskKind;
use crate::readiness::ReadinessCategory;

mod digest;
mod summary;
mod workspace;

/// The sections of the Markdown report, for its contents: (anchor, title).
const SECTIONS: &[(&str, &str)] = &[
    ("overview", "Overview"),
    ("plan", "Plan"),
    ("readiness", "Readiness"),
    ("training", "Training"),
    ("metrics", "Metrics"),
    ("risks", "Risks"),
    ("decisions", "Decisions"),
    ("communications", "Communications"),
    ("stakeholders", "Stakeholders"),
    ("scope-log", "Scope log"),
    ("linked-sops", "Linked SOPs"),
];
const APPENDIX: (&str, &str) = ("appendix-a-every-task", "Appendix A: Every task");

/// The standard report as a Markdown document ([`ExportDetail::Standard`]).
pub fn rollout_markdown(report: &RolloutReport) -> String {
    rollout_markdown_with(report, ExportDetail::Standard)
}

/// The report as a Markdown document holding as much as `detail` says: the executive
/// summary first, then (beyond the summary alone) the contents and the sections.
pub fn rollout_markdown_with(report: &RolloutReport, detail: ExportDetail) -> String {
    let mut out = String::with_capacity(16 * 1024 + report.tasks.len() * 200);
    let rollout = &report.rollout;
    let everything = detail == ExportDetail::Everything;
    let _ = writeln!(out, "# {} — rollout report\n", m(&rollout.name));
    summary::write(&mut out, report);
    if detail == ExportDetail::Summary {
        footer(&mut out, report);
        return out;
    }
    let _ = writeln!(out, "## Contents\n");
    // Debriefs have their section once there are some.
    let debriefs = (!report.debriefs.is_empty()).then_some(&("debriefs", "Debriefs"));
    for (anchor, title) in SECTIONS
        .iter()
        .chain(debriefs)
        .chain(everything.then_some(&APPENDIX))
    {
        let _ = writeln!(out, "- [{title}](#{anchor})");
    }
    let _ = writeln!(out, "\n## Overview\n");
    let _ = writeln!(
        out,
        "- Kind: {}\n- Phase: {}",
        rollout.kind.label(),
        rollout.phase.label()
    );
    let _ = writeln!(out, "- Sponsor: {}\n- Owner: {}\n- Sites: {}\n- Start: {}\n- In scope: {}\n- Out of scope: {}\n",
        dash(&rollout.sponsor), dash(&rollout.owner), dash(&rollout.sites.join(", ")),
        date_or_dash(rollout.start_date), dash(&rollout.scope_in), dash(&rollout.scope_out));
    let o = &report.overview;
    let training = report.training_progress();
    let _ = writeln!(
        out,
        "Overdue tasks: {} · Blocked: {} · Due this week: {} · Training: {}\n",
        o.overdue_count,
        o.blocked_count,
        o.due_this_week_count,
        if training.people > 0 {
            m(&training.summary)
        } else {
            "—".to_owned()
        }
    );

    let _ = writeln!(out, "## Plan\n");
    if let Some(comparison) = &report.baseline {
        let _ = writeln!(
            out,
            "**Baseline**: {}\n",
            m(&crate::plan::baseline_line(comparison))
        );
    }
    if super::lists_every_task(report) {
        every_task(&mut out, report);
    } else {
        digest::write(&mut out, report, everything);
    }
    readiness_section(&mut out, report);
    training_section(&mut out, report);
    workspace::sections(&mut out, report);
    if everything {
        let _ = writeln!(out, "## {}\n", APPENDIX.1);
        every_task(&mut out, report);
    }
    footer(&mut out, report);
    out
}

fn footer(out: &mut String, report: &RolloutReport) {
    let _ = writeln!(
        out,
        "---\n\n_Exported {} · {} · Rollplan_",
        date_long(report.as_of),
        m(&report.rollout.name)
    );
}

/// The critical path, what slipped and the table of every task.
fn every_task(out: &mut String, report: &RolloutReport) {
    if !report.critical_path.task_ids.is_empty() {
        let steps: Vec<String> = report
            .critical_path
            .task_ids
            .iter()
            .filter_map(|id| report.task(id))
            .map(|t| m(&t.title))
            .collect();
        let _ = writeln!(
            out,
            "**Critical path** ({} days of work): {}\n",
            report.critical_path.length_days,
            steps.join(" → ")
        );
    }
    for slip in &report.slipped {
        let _ = writeln!(
            out,
            "- **Slipped:** {} — {}",
            m(&slip.title),
            m(&slip.reason)
        );
    }
    if !report.slipped.is_empty() {
        out.push('\n');
    }
    let rows: Vec<Vec<String>> = report
        .tasks
        .iter()
        .map(|t| {
            let mut title = m(&t.title);
            if t.kind == TaskKind::Milestone {
                title = format!("◆ {title}");
            }
            if report.is_critical(&t.id) {
                title.push_str(" (critical)");
            }
            let depends: Vec<String> = report
                .waits_for(t)
                .map(|(link, d)| link.phrase(&m(&d.title)))
                .collect();
            vec![
                title,
                m(&t.phase_name),
                dash(&t.owner_name),
                date_or_dash(t.start_date),
                date_or_dash(t.due_date),
                t.status.label().into(),
                depends.join("; "),
                m(&t.notes),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Task",
            "Phase",
            "Owner",
            "Start",
            "Due",
            "Status",
            "Depends on",
            "Notes",
        ],
        &rows,
    );
}

fn readiness_section(out: &mut String, report: &RolloutReport) {
    let readiness = &report.overview.readiness;
    let _ = writeln!(
        out,
        "## Readiness\n\n**Verdict: {}** — score {}/100\n",
        verdict_words(readiness.verdict).1,
        readiness.score
    );
    for reason in &readiness.reasons {
        let _ = writeln!(
            out,
            "- {}{}",
            if reason.blocking {
                "**Blocking:** "
            } else {
                ""
            },
            m(&reason.text)
        );
    }
    if !readiness.reasons.is_empty() {
        out.push('\n');
    }
    for category in ReadinessCategory::ALL {
        let rows: Vec<Vec<String>> = report
            .criteria
            .iter()
            .filter(|c| c.category == *category)
            .map(|c| {
                vec![
                    m(&c.title),
                    dash(&c.owner_text()),
                    c.status.label().into(),
                    if c.hard_gate {
                        "Hard gate".into()
                    } else {
                        String::new()
                    },
                    m(&c.evidence_text()),
                ]
            })
            .collect();
        if !rows.is_empty() {
            let _ = writeln!(out, "### {}\n", category.label());
            table(
                out,
                &["Criterion", "Owner", "Status", "Gate", "Evidence"],
                &rows,
            );
        }
    }
}

fn training_section(out: &mut String, report: &RolloutReport) {
    let _ = writeln!(out, "## Training\n");
    let training = report.training_progress();
    if training.people > 0 {
        let _ = writeln!(out, "{}\n", m(&training.summary));
    }
    let rows: Vec<Vec<String>> = report
        .training_by_role
        .iter()
        .map(|r| {
            let percent = r.percent;
            vec![
                m(&r.role_name),
                r.people.to_string(),
                r.trained.to_string(),
                format!("{percent}%"),
                r.overdue.to_string(),
            ]
        })
        .collect();
    table(
        out,
        &["Role", "People", "Fully trained", "Trained %", "Overdue"],
        &rows,
    );
    let rows: Vec<Vec<String>> = report
        .training_requirements
        .iter()
        .map(|q| vec![m(&q.role_name), m(&q.module_title), date_long(q.due_date)])
        .collect();
    table(out, &["Role", "Required module", "Due"], &rows);
}

/// Escaped text, or a dash for nothing.
pub(super) fn dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_owned()
    } else {
        m(text)
    }
}

/// A pipe table from escaped cells, or "None." when there are no rows.
pub(super) fn table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        out.push_str("None.\n\n");
        return;
    }
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(headers.len()));
    for row in rows {
        let cells: Vec<&str> = row
            .iter()
            .map(|c| if c.is_empty() { " " } else { c.as_str() })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}
