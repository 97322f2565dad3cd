//! The report's first sections: overview, timeline, plan, readiness and training.

use super::{fact, or_dash, table, verdict_badge};
use crate::export::svg::{phase_timeline_svgs, timeline_svgs};
use crate::export::text::{countdown, date_long, date_or_dash, html_escape as e};
use crate::export::RolloutReport;
use crate::plan::{Task, TaskKind};
use crate::readiness::{Criterion, ReadinessCategory};

pub(super) fn overview(out: &mut String, report: &RolloutReport) {
    let rollout = &report.rollout;
    let overview = &report.overview;
    let open_risks = report.open_risk_count();
    let training = report.training_progress();
    let needing_action = report.metrics_in_act();
    out.push_str(&format!(
        "<div class=\"facts\">{}{}{}{}{}{}{}{}</div>\n",
        fact(
            "Go-live",
            &overview
                .days_to_go_live
                .map(countdown)
                .unwrap_or_else(|| "Not set".into())
        ),
        fact(
            "Readiness score",
            &format!("{}/100", overview.readiness.score)
        ),
        fact("Overdue tasks", &overview.overdue_count.to_string()),
        fact("Blocked tasks", &overview.blocked_count.to_string()),
        fact("Due this week", &overview.due_this_week_count.to_string()),
        fact(
            "Training",
            &if training.people > 0 {
                e(&training.summary)
            } else {
                "—".into()
            }
        ),
        fact("Metrics in act", &needing_action.to_string()),
        fact("Open risks", &open_risks.to_string()),
    ));
    let sites = if rollout.sites.is_empty() {
        "—".to_owned()
    } else {
        e(&rollout.sites.join(", "))
    };
    out.push_str("<table class=\"definition\">");
    for (label, value) in [
        ("Kind", e(rollout.kind.label())),
        ("Phase", e(rollout.phase.label())),
        ("Sites", sites),
        ("Sponsor", or_dash(&rollout.sponsor)),
        ("Owner", or_dash(&rollout.owner)),
        ("Start", date_or_dash(rollout.start_date)),
        ("Go-live", date_or_dash(rollout.go_live_date)),
        ("In scope", or_dash(&rollout.scope_in)),
        ("Out of scope", or_dash(&rollout.scope_out)),
    ] {
        out.push_str(&format!(
            "<tr><th>{label}</th><td class=\"pre\">{value}</td></tr>"
        ));
    }
    out.push_str("</table>\n");
    task_list(out, "Overdue", &overview.overdue);
    task_list(out, "Blocked", &overview.blocked);
    task_list(out, "Due this week", &overview.due_this_week);
}

fn task_list(out: &mut String, title: &str, tasks: &[Task]) {
    if tasks.is_empty() {
        return;
    }
    out.push_str(&format!("<h3>{title}</h3><ul>"));
    for task in tasks {
        out.push_str(&format!(
            "<li>{} <span class=\"muted\">— {}, due {}</span></li>",
            e(&task.title),
            or_dash(&task.owner_name),
            date_or_dash(task.due_date)
        ));
    }
    out.push_str("</ul>\n");
}

/// The body's timeline: one bar per phase, with its open milestones and critical-path
/// tasks; the drawing carries its own legend and alt text.
pub(super) fn phase_timeline(out: &mut String, report: &RolloutReport, everything: bool) {
    let drawings = phase_timeline_svgs(report, usize::MAX);
    if drawings.is_empty() {
        out.push_str("<p class=\"muted\">No dated tasks yet.</p>\n");
        return;
    }
    out.push_str(if everything {
        "<p class=\"muted\">Each phase as one bar, with its open milestones and its critical-path tasks; Appendix B draws every task.</p>\n"
    } else {
        "<p class=\"muted\">Each phase as one bar, with its open milestones and its critical-path tasks.</p>\n"
    });
    for svg in drawings {
        out.push_str(&format!("<div class=\"phase-timeline\">{svg}</div>\n"));
    }
}

/// The appendix's timeline: every task, a drawing per phase.
pub(super) fn timeline(out: &mut String, report: &RolloutReport) {
    let drawings = timeline_svgs(report);
    if drawings.is_empty() {
        out.push_str("<p class=\"muted\">No dated tasks yet.</p>\n");
        return;
    }
    // The first drawing carries the legend of its marks, drawn as swatches.
    for (phase, svg) in drawings {
        out.push_str(&format!(
            "<div class=\"phase-timeline\"><h3>{}</h3>{svg}</div>\n",
            e(&phase)
        ));
    }
}

/// The plan against its baseline, when the rollout has one.
pub(super) fn baseline(out: &mut String, report: &RolloutReport) {
    if let Some(comparison) = &report.baseline {
        out.push_str(&format!(
            "<p><strong>Baseline</strong>: {}</p>\n",
            e(&crate::plan::baseline_line(comparison))
        ));
    }
}

pub(super) fn tasks(out: &mut String, report: &RolloutReport) {
    let path = &report.critical_path;
    if !path.task_ids.is_empty() {
        let steps: Vec<String> = path
            .task_ids
            .iter()
            .filter_map(|id| report.task(id))
            .map(|t| e(&t.title))
            .collect();
        out.push_str(&format!(
            "<p><strong>Critical path</strong> ({} days of work): {}</p>\n",
            path.length_days,
            steps.join(" → ")
        ));
    }
    if !report.slipped.is_empty() {
        out.push_str("<h3>Slipped</h3><ul>");
        for slip in &report.slipped {
            out.push_str(&format!(
                "<li class=\"slipped\"><strong>{}</strong> — {}</li>",
                e(&slip.title),
                e(&slip.reason)
            ));
        }
        out.push_str("</ul>\n");
    }
    if report.tasks.is_empty() {
        out.push_str("<p class=\"muted\">No tasks yet.</p>\n");
        return;
    }
    let mut groups: Vec<(String, Vec<&Task>)> = report
        .phases
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                report
                    .tasks
                    .iter()
                    .filter(|t| t.phase_id.as_deref() == Some(p.id.as_str()))
                    .collect(),
            )
        })
        .collect();
    groups.push((
        crate::presentation::UNPHASED_GROUP.into(),
        report
            .tasks
            .iter()
            .filter(|t| t.phase_id.is_none())
            .collect(),
    ));
    for (phase, tasks) in groups.into_iter().filter(|(_, t)| !t.is_empty()) {
        out.push_str(&format!("<h3>{}</h3>\n", e(&phase)));
        let rows: Vec<Vec<String>> = tasks.iter().map(|t| task_row(report, t)).collect();
        table(
            out,
            &[
                "Task",
                "Owner",
                "Start",
                "Due",
                "Status",
                "Depends on",
                "Notes",
            ],
            &[],
            &rows,
        );
    }
}

fn task_row(report: &RolloutReport, task: &Task) -> Vec<String> {
    let mut title = e(&task.title);
    if task.kind == TaskKind::Milestone {
        title = format!("◆ {title}");
    }
    if report.is_critical(&task.id) {
        title.push_str(" <span class=\"badge critical\">critical</span>");
    }
    if let Some(slip) = report.slip(&task.id) {
        title.push_str(&format!(
            "<br><span class=\"slipped\">{}</span>",
            e(&slip.reason)
        ));
    }
    let depends: Vec<String> = report
        .waits_for(task)
        .map(|(link, t)| link.phrase(&e(&t.title)))
        .collect();
    vec![
        title,
        or_dash(&task.owner_name),
        date_or_dash(task.start_date),
        date_or_dash(task.due_date),
        format!(
            "<span class=\"badge {}\">{}</span>",
            task.status.code(),
            task.status.label()
        ),
        depends.join("<br>"),
        format!("<span class=\"pre\">{}</span>", e(&task.notes)),
    ]
}

pub(super) fn readiness(out: &mut String, report: &RolloutReport) {
    let readiness = &report.overview.readiness;
    out.push_str(&format!(
        "<div class=\"verdict\">Verdict: {} <span class=\"muted\">· score {}/100</span></div>\n",
        verdict_badge(readiness.verdict),
        readiness.score
    ));
    if !readiness.reasons.is_empty() {
        out.push_str("<h3>Why</h3><ul>");
        for reason in &readiness.reasons {
            let mark = if reason.blocking {
                "<span class=\"badge no_go\">blocking</span> "
            } else {
                ""
            };
            out.push_str(&format!("<li>{mark}{}</li>", e(&reason.text)));
        }
        out.push_str("</ul>\n");
    }
    for category in ReadinessCategory::ALL {
        let rows: Vec<Vec<String>> = report
            .criteria
            .iter()
            .filter(|c| c.category == *category)
            .map(|c| {
                vec![
                    e(&c.title),
                    or_dash(&c.owner_text()),
                    format!(
                        "<span class=\"badge {}\">{}</span>",
                        c.status.code(),
                        c.status.label()
                    ),
                    if c.hard_gate {
                        "Hard gate".into()
                    } else {
                        String::new()
                    },
                    criterion_evidence(c),
                ]
            })
            .collect();
        if !rows.is_empty() {
            out.push_str(&format!("<h3>{}</h3>\n", category.label()));
            table(
                out,
                &["Criterion", "Owner", "Status", "Gate", "Evidence"],
                &[],
                &rows,
            );
        }
    }
    if report.criteria.is_empty() {
        out.push_str("<p class=\"muted\">No go-live criteria yet.</p>\n");
    }
}

/// A criterion's evidence: the note, then the link (one a reader can follow; only
/// http(s) links are ever stored) and the file's name.
fn criterion_evidence(c: &Criterion) -> String {
    let mut out = format!("<span class=\"pre\">{}</span>", e(&c.evidence));
    if !c.evidence_link.is_empty() {
        let link = e(&c.evidence_link);
        out.push_str(&format!("<br><a href=\"{link}\">{link}</a>"));
    }
    if !c.evidence_file.is_empty() {
        out.push_str(&format!("<br>File: {}", e(&c.evidence_file)));
    }
    out
}

pub(super) fn training(out: &mut String, report: &RolloutReport) {
    if report.training_by_role.is_empty() {
        out.push_str("<p class=\"muted\">No training required yet.</p>\n");
    } else {
        out.push_str(&format!(
            "<p>{}</p>\n",
            e(&report.training_progress().summary)
        ));
        let rows: Vec<Vec<String>> = report
            .training_by_role
            .iter()
            .map(|r| {
                let percent = r.percent;
                vec![
                    e(&r.role_name),
                    r.people.to_string(),
                    r.trained.to_string(),
                    format!("<span class=\"bar\"><span style=\"width:{percent}%\"></span></span> {percent}%"),
                    r.overdue.to_string(),
                ]
            })
            .collect();
        table(
            out,
            &["Role", "People", "Fully trained", "Trained %", "Overdue"],
            &[1, 2, 4],
            &rows,
        );
    }
    if !report.training_requirements.is_empty() {
        out.push_str("<h3>Required training</h3>\n");
        let rows: Vec<Vec<String>> = report
            .training_requirements
            .iter()
            .map(|q| vec![e(&q.role_name), e(&q.module_title), date_long(q.due_date)])
            .collect();
        table(out, &["Role", "Module", "Due"], &[], &rows);
    }
}
