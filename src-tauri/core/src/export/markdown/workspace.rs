//! The Markdown report's later sections: metrics, risks, decisions, communications,
//! stakeholders, the scope log, linked SOPs and, once there are some, debriefs.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::{dash, table};
use crate::export::text::{date_long, date_or_dash, markdown_escape as m, value_text};
use crate::export::RolloutReport;
use crate::workspace::AdkarStage;

pub(super) fn sections(out: &mut String, report: &RolloutReport) {
    let _ = writeln!(out, "## Metrics\n");
    for metric in &report.metrics {
        let chart = &metric.chart;
        let def = &chart.metric;
        let status = &chart.status;
        let _ = writeln!(
            out,
            "### {} — {}\n\n{}\n",
            m(&def.name),
            status.state.label(),
            m(&status.reason)
        );
        if !status.action.trim().is_empty() {
            let _ = writeln!(
                out,
                "**Action:** {} ({})\n",
                m(&status.action),
                dash(&status.acted_by)
            );
        }
        let show = |v: Option<crate::metrics::DatedValue>| {
            v.map(|v| {
                format!(
                    "{} on {}",
                    m(&value_text(v.value, def.unit)),
                    date_long(v.date)
                )
            })
            .unwrap_or_else(|| "—".into())
        };
        let _ = writeln!(out, "- Definition: {}\n- Unit: {} · {} · {} · {}\n- Data source: {}\n- Owner: {}\n- Baseline: {}\n- Target: {}\n- Latest: {}",
            dash(&def.definition), def.unit.label(), def.direction.label(), def.indicator.label(), def.cadence.label(),
            dash(&def.data_source), dash(&def.owner_name), show(def.baseline), show(def.target), show(status.latest));
        for t in [&def.watch, &def.act].into_iter().flatten() {
            let _ = writeln!(
                out,
                "- {} level {}: {} ({})",
                t.level.label(),
                m(&value_text(t.value, def.unit)),
                m(&t.action),
                dash(&t.acted_by)
            );
        }
        let _ = writeln!(out, "- Values recorded: {}\n", metric.chart.total_points);
        if !metric.cycles.is_empty() {
            let _ = writeln!(out, "#### Improvement cycles (PDSA)\n");
            let rows: Vec<Vec<String>> = metric
                .cycles
                .iter()
                .map(|c| c.ramp_cells().iter().map(|cell| m(cell)).collect())
                .collect();
            table(out, &crate::improvement::RAMP_HEADERS, &rows);
        }
    }

    let _ = writeln!(out, "## Risks\n");
    let rows: Vec<Vec<String>> = report
        .risks
        .iter()
        .map(|r| {
            vec![
                m(&r.title),
                r.likelihood.to_string(),
                r.impact.to_string(),
                format!("{} {}", r.score, r.band.label()),
                r.status.label().into(),
                dash(&r.owner_name),
                m(&r.mitigation),
                m(&r.trigger),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Risk",
            "Likelihood",
            "Impact",
            "Score",
            "Status",
            "Owner",
            "Mitigation",
            "Trigger",
        ],
        &rows,
    );

    let _ = writeln!(out, "## Decisions\n");
    for d in &report.decisions {
        let _ = writeln!(out, "### {} — {}\n", date_long(d.decided_on), m(&d.title));
        for (label, value) in [
            ("Constraints", &d.constraints),
            ("Options considered", &d.options),
            ("Choice", &d.choice),
            ("Rationale", &d.rationale),
            ("Decided by", &d.decided_by),
            ("How we verify", &d.verification),
            ("Outcome note", &d.outcome_note),
        ] {
            if !value.trim().is_empty() {
                let _ = writeln!(out, "- **{label}:** {}", m(value));
            }
        }
        let _ = writeln!(out, "- **Outcome:** {}\n", d.outcome.label());
    }

    let _ = writeln!(out, "## Communications\n");
    let rows: Vec<Vec<String>> = report
        .communications
        .iter()
        .map(|c| {
            vec![
                date_long(c.send_on),
                m(&c.audience),
                m(&c.channel),
                m(&c.message),
                dash(&c.owner_name),
                c.sent_on.map(date_long).unwrap_or_else(|| "Not yet".into()),
            ]
        })
        .collect();
    table(
        out,
        &["Send on", "Audience", "Channel", "Message", "Owner", "Sent"],
        &rows,
    );

    let _ = writeln!(out, "## Stakeholders\n");
    let workstreams: BTreeSet<&str> = report
        .stakeholders
        .iter()
        .flat_map(|s| s.raci.iter().map(|a| a.workstream.as_str()))
        .collect();
    let mut headers: Vec<String> = vec!["Stakeholder".into()];
    headers.extend(workstreams.iter().map(|w| m(w)));
    // The stages by name: "A | D | K | A | R" left a reader to guess which A is which.
    headers.extend(AdkarStage::ALL.iter().map(|stage| stage.label().to_owned()));
    headers.push("Notes".into());
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let score = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_else(|| "—".into());
    let rows: Vec<Vec<String>> = report
        .stakeholders
        .iter()
        .map(|s| {
            let mut row = vec![m(&s.name)];
            row.extend(workstreams.iter().map(|w| {
                s.raci
                    .iter()
                    .find(|a| a.workstream == *w)
                    .map(|a| a.role.letter().to_string())
                    .unwrap_or_default()
            }));
            let a = &s.adkar;
            row.extend([
                score(a.awareness),
                score(a.desire),
                score(a.knowledge),
                score(a.ability),
                score(a.reinforcement),
                m(&s.notes),
            ]);
            row
        })
        .collect();
    table(out, &header_refs, &rows);
    if !report.stakeholders.is_empty() {
        let _ = writeln!(out, "RACI: R responsible, A accountable, C consulted, I informed. ADKAR stages scored 1–5.\n");
    }

    let _ = writeln!(out, "## Scope log\n");
    let rows: Vec<Vec<String>> = report
        .scope_changes
        .iter()
        .map(|s| {
            vec![
                date_long(s.logged_on),
                m(&s.cut),
                m(&s.reason),
                m(&s.protected),
            ]
        })
        .collect();
    table(
        out,
        &["Logged", "Cut or deferred", "Why", "What it protects"],
        &rows,
    );

    let _ = writeln!(out, "## Linked SOPs\n");
    let rows: Vec<Vec<String>> = report
        .sops
        .iter()
        .map(|l| {
            vec![
                m(&l.sop.code),
                m(&l.sop.title),
                l.relation.label().into(),
                l.sop.status.label().into(),
                format!("v{}", l.sop.version),
                date_or_dash(l.sop.next_review_date),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Code",
            "Title",
            "Rollout",
            "Status",
            "Version",
            "Next review",
        ],
        &rows,
    );
    debriefs(out, report);
}

/// Each debrief as a heading and its labelled lines, in the words
/// [`crate::debriefs::Debrief::lines`] gives every format; a part of several lines (the
/// actions) as a list under its label. No section while there are none.
fn debriefs(out: &mut String, report: &RolloutReport) {
    if report.debriefs.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Debriefs\n");
    for debrief in &report.debriefs {
        let _ = writeln!(
            out,
            "### {} — {}\n",
            m(&debrief.title),
            date_long(debrief.held_on)
        );
        for (label, text) in debrief.lines() {
            let mut lines = text.lines();
            match (lines.next(), lines.clone().next()) {
                (Some(only), None) => {
                    let _ = writeln!(out, "- **{label}:** {}", m(only));
                }
                _ => {
                    let _ = writeln!(out, "- **{label}:**");
                    for line in text.lines() {
                        let _ = writeln!(out, "  - {}", m(line));
                    }
                }
            }
        }
        out.push('\n');
    }
}
