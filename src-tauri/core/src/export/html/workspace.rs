//! The report's later sections: metrics, risks, decisions, communications,
//! stakeholders, the scope log and linked SOPs.

use std::collections::BTreeSet;

use super::{or_dash, table};
use crate::export::report::DOCUMENT_VALUES;
use crate::export::svg::{heat_map_svg, metric_chart_svg};
use crate::export::text::{date_long, date_or_dash, html_escape as e, value_text};
use crate::export::{MetricReport, RolloutReport};
use crate::metrics::Threshold;

pub(super) fn metrics(out: &mut String, report: &RolloutReport) {
    if report.metrics.is_empty() {
        out.push_str("<p class=\"muted\">No metrics defined yet.</p>\n");
    }
    for metric in &report.metrics {
        metric_block(out, metric);
    }
}

fn metric_block(out: &mut String, report: &MetricReport) {
    let chart = &report.chart;
    let metric = &chart.metric;
    let status = &chart.status;
    out.push_str(&format!(
        "<div class=\"card\"><h3>{} <span class=\"badge {}\">{}</span></h3>\n<p>{}</p>\n",
        e(&metric.name),
        status.state.code(),
        status.state.label(),
        e(&status.reason)
    ));
    if !status.action.trim().is_empty() {
        out.push_str(&format!(
            "<p><strong>Action:</strong> {} <span class=\"muted\">({})</span></p>\n",
            e(&status.action),
            or_dash(&status.acted_by)
        ));
    }
    out.push_str(&format!(
        "<figure class=\"chart\">{}</figure>\n",
        metric_chart_svg(chart)
    ));
    let show = |v: Option<crate::metrics::DatedValue>| {
        v.map(|v| {
            format!(
                "{} on {}",
                e(&value_text(v.value, metric.unit)),
                date_long(v.date)
            )
        })
        .unwrap_or_else(|| "—".into())
    };
    let level = |t: &Option<Threshold>| {
        t.as_ref()
            .map(|t| {
                format!(
                    "{} — {} <span class=\"muted\">({})</span>",
                    e(&value_text(t.value, metric.unit)),
                    e(&t.action),
                    or_dash(&t.acted_by)
                )
            })
            .unwrap_or_else(|| "—".into())
    };
    out.push_str("<table class=\"definition\">");
    for (label, value) in [
        ("Definition", or_dash(&metric.definition)),
        ("Numerator", or_dash(&metric.numerator)),
        ("Denominator", or_dash(&metric.denominator)),
        (
            "Unit · direction",
            format!("{} · {}", metric.unit.label(), metric.direction.label()),
        ),
        (
            "Indicator · cadence",
            format!("{} · {}", metric.indicator.label(), metric.cadence.label()),
        ),
        ("Data source", or_dash(&metric.data_source)),
        ("Owner", or_dash(&metric.owner_name)),
        ("Baseline", show(metric.baseline)),
        ("Target", show(metric.target)),
        ("Latest", show(status.latest)),
        ("Watch level", level(&metric.watch)),
        ("Act level", level(&metric.act)),
    ] {
        out.push_str(&format!("<tr><th>{label}</th><td>{value}</td></tr>"));
    }
    out.push_str("</table>\n");
    let values = &report.measurements;
    if !values.is_empty() {
        let shown = &values[values.len().saturating_sub(DOCUMENT_VALUES)..];
        if shown.len() < chart.total_points {
            out.push_str(&format!(
                "<p class=\"muted\">The latest {} of {} values; the chart shows them all.</p>\n",
                shown.len(),
                chart.total_points
            ));
        }
        let rows: Vec<Vec<String>> = shown
            .iter()
            .map(|m| {
                vec![
                    date_long(m.measured_on),
                    e(&value_text(m.value, metric.unit)),
                    e(&m.note),
                    e(&m.source),
                ]
            })
            .collect();
        table(out, &["Date", "Value", "Note", "Source"], &[1], &rows);
    }
    super::improvement::ramp(out, &report.cycles);
    out.push_str("</div>\n");
}

pub(super) fn risks(out: &mut String, report: &RolloutReport) {
    out.push_str(&format!(
        "<h3>Open risks by likelihood and impact</h3><figure class=\"chart\">{}</figure>\n",
        heat_map_svg(&report.heat_map)
    ));
    if report.risks.is_empty() {
        out.push_str("<p class=\"muted\">No risks logged yet.</p>\n");
        return;
    }
    let rows: Vec<Vec<String>> = report
        .risks
        .iter()
        .map(|r| {
            vec![
                e(&r.title),
                r.likelihood.to_string(),
                r.impact.to_string(),
                format!("<strong>{}</strong> {}", r.score, r.band.label()),
                r.status.label().to_owned(),
                or_dash(&r.owner_name),
                e(&r.mitigation),
                e(&r.trigger),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Risk",
            "L",
            "I",
            "Score",
            "Status",
            "Owner",
            "Mitigation",
            "Trigger",
        ],
        &[1, 2, 3],
        &rows,
    );
}

pub(super) fn decisions(out: &mut String, report: &RolloutReport) {
    if report.decisions.is_empty() {
        out.push_str("<p class=\"muted\">No decisions logged yet.</p>\n");
    }
    for d in &report.decisions {
        out.push_str(&format!(
            "<div class=\"card\"><h3>{} <span class=\"muted\">· {}</span> <span class=\"badge {}\">{}</span></h3><table class=\"definition\">",
            e(&d.title),
            date_long(d.decided_on),
            d.outcome.code(),
            d.outcome.label()
        ));
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
                out.push_str(&format!(
                    "<tr><th>{label}</th><td class=\"pre\">{}</td></tr>",
                    e(value)
                ));
            }
        }
        out.push_str("</table></div>\n");
    }
}

pub(super) fn communications(out: &mut String, report: &RolloutReport) {
    if report.communications.is_empty() {
        out.push_str("<p class=\"muted\">No communications planned yet.</p>\n");
        return;
    }
    let mut month = String::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for c in &report.communications {
        let this_month = c.send_on.format("%B %Y").to_string();
        if this_month != month && !rows.is_empty() {
            out.push_str(&format!("<h3>{month}</h3>\n"));
            table(
                out,
                &["Send on", "Audience", "Channel", "Message", "Owner", "Sent"],
                &[],
                &rows,
            );
            rows.clear();
        }
        month = this_month;
        rows.push(vec![
            date_long(c.send_on),
            e(&c.audience),
            e(&c.channel),
            format!("<span class=\"pre\">{}</span>", e(&c.message)),
            or_dash(&c.owner_name),
            c.sent_on.map(date_long).unwrap_or_else(|| "Not yet".into()),
        ]);
    }
    out.push_str(&format!("<h3>{month}</h3>\n"));
    table(
        out,
        &["Send on", "Audience", "Channel", "Message", "Owner", "Sent"],
        &[],
        &rows,
    );
}

pub(super) fn stakeholders(out: &mut String, report: &RolloutReport) {
    if report.stakeholders.is_empty() {
        out.push_str("<p class=\"muted\">No stakeholders mapped yet.</p>\n");
        return;
    }
    let workstreams: BTreeSet<&str> = report
        .stakeholders
        .iter()
        .flat_map(|s| s.raci.iter().map(|a| a.workstream.as_str()))
        .collect();
    if !workstreams.is_empty() {
        out.push_str("<h3>RACI</h3>\n");
        let mut headers = vec!["Stakeholder".to_owned()];
        headers.extend(workstreams.iter().map(|w| e(w)));
        let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let rows: Vec<Vec<String>> = report
            .stakeholders
            .iter()
            .map(|s| {
                let mut row = vec![e(&s.name)];
                row.extend(workstreams.iter().map(|w| {
                    s.raci
                        .iter()
                        .find(|a| a.workstream == *w)
                        .map(|a| {
                            format!(
                                "<strong title=\"{}\">{}</strong>",
                                a.role.label(),
                                a.role.letter()
                            )
                        })
                        .unwrap_or_default()
                }));
                row
            })
            .collect();
        table(out, &header_refs, &[], &rows);
        out.push_str(
            "<p class=\"legend\">R responsible · A accountable · C consulted · I informed</p>\n",
        );
    }
    out.push_str("<h3>Where each stands on the change (ADKAR, 1–5)</h3>\n");
    let score = |v: Option<i64>| match v {
        Some(v) if v < crate::workspace::ADKAR_BARRIER_BELOW => {
            format!("<span class=\"badge act\">{v}</span>")
        }
        Some(v) => v.to_string(),
        None => "—".into(),
    };
    let rows: Vec<Vec<String>> = report
        .stakeholders
        .iter()
        .map(|s| {
            let a = &s.adkar;
            let weakest = a.weakest_stage_name();
            vec![
                format!(
                    "{}{}",
                    e(&s.name),
                    if s.is_group {
                        " <span class=\"muted\">(group)</span>"
                    } else {
                        ""
                    }
                ),
                score(a.awareness),
                score(a.desire),
                score(a.knowledge),
                score(a.ability),
                score(a.reinforcement),
                weakest,
                format!("<span class=\"pre\">{}</span>", e(&s.notes)),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Stakeholder",
            "Awareness",
            "Desire",
            "Knowledge",
            "Ability",
            "Reinforcement",
            "Work on",
            "Notes",
        ],
        &[1, 2, 3, 4, 5],
        &rows,
    );
}

pub(super) fn scope(out: &mut String, report: &RolloutReport) {
    if report.scope_changes.is_empty() {
        out.push_str("<p class=\"muted\">Nothing cut from scope.</p>\n");
        return;
    }
    let rows: Vec<Vec<String>> = report
        .scope_changes
        .iter()
        .map(|s| {
            vec![
                date_long(s.logged_on),
                e(&s.cut),
                e(&s.reason),
                e(&s.protected),
            ]
        })
        .collect();
    table(
        out,
        &["Logged", "Cut or deferred", "Why", "What it protects"],
        &[],
        &rows,
    );
}

pub(super) fn sops(out: &mut String, report: &RolloutReport) {
    if report.sops.is_empty() {
        out.push_str("<p class=\"muted\">No SOPs linked.</p>\n");
        return;
    }
    let rows: Vec<Vec<String>> = report
        .sops
        .iter()
        .map(|l| {
            let s = &l.sop;
            vec![
                e(&s.code),
                e(&s.title),
                l.relation.label().to_owned(),
                s.status.label().to_owned(),
                format!("v{}", s.version),
                date_or_dash(s.effective_date),
                date_or_dash(s.next_review_date),
                or_dash(&s.owner),
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
            "Effective",
            "Next review",
            "Owner",
        ],
        &[],
        &rows,
    );
}
