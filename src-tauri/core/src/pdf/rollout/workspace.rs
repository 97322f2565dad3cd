//! The report's later sections in blocks: metrics, risks, decisions, communications,
//! stakeholders, the scope log and linked SOPs.

use std::collections::BTreeSet;

use super::{tone, Block};
use crate::export::svg::{heat_map_svg, metric_chart_svg};
use crate::export::text::{date_long, date_or_dash, value_text};
use crate::export::{MetricReport, RolloutReport};
use crate::metrics::{DatedValue, MetricUnit, Threshold};
use crate::pdf::blocks::{or_dash, Cell, Tag, Tone};
use crate::workspace::{AdkarStage, ADKAR_BARRIER_BELOW};

pub(super) fn metrics(report: &RolloutReport) -> Vec<Block> {
    if report.metrics.is_empty() {
        return vec![Block::muted("No metrics defined yet.")];
    }
    report.metrics.iter().map(metric_card).collect()
}

fn metric_card(report: &MetricReport) -> Block {
    let chart = &report.chart;
    let metric = &chart.metric;
    let status = &chart.status;
    let unit = metric.unit;
    let mut blocks = vec![Block::text(&status.reason)];
    if !status.action.trim().is_empty() {
        blocks.push(Block::text(format!(
            "Action: {} ({})",
            status.action,
            or_dash(&status.acted_by)
        )));
    }
    blocks.push(Block::Drawing {
        svg: metric_chart_svg(chart),
        width: 1.0,
    });
    blocks.push(Block::details([
        ("Definition", metric.definition.clone()),
        ("Numerator", metric.numerator.clone()),
        ("Denominator", metric.denominator.clone()),
        (
            "Unit · direction",
            format!("{} · {}", unit.label(), metric.direction.label()),
        ),
        (
            "Indicator · cadence",
            format!("{} · {}", metric.indicator.label(), metric.cadence.label()),
        ),
        ("Data source", metric.data_source.clone()),
        ("Owner", metric.owner_name.clone()),
        ("Baseline", dated(metric.baseline, unit)),
        ("Target", dated(metric.target, unit)),
        ("Latest", dated(status.latest, unit)),
        ("Watch level", level(&metric.watch, unit)),
        ("Act level", level(&metric.act, unit)),
    ]));
    let values = &report.measurements;
    if !values.is_empty() {
        if values.len() < chart.total_points {
            blocks.push(Block::muted(format!(
                "The latest {} of {} values; the chart shows them all.",
                values.len(),
                chart.total_points
            )));
        }
        blocks.push(Block::table(
            &[
                ("Date", 1.2),
                ("Value", 0.9),
                ("Note", 2.6),
                ("Source", 1.3),
            ],
            values
                .iter()
                .map(|m| {
                    vec![
                        Cell::text(date_long(m.measured_on)),
                        Cell::text(value_text(m.value, unit)),
                        Cell::text(&m.note),
                        Cell::text(&m.source),
                    ]
                })
                .collect(),
        ));
    }
    blocks.extend(super::improvement::ramp(&report.cycles));
    Block::Card {
        title: metric.name.clone(),
        tag: Some(Tag::new(status.state.label(), tone(status.state.code()))),
        blocks,
    }
}

fn dated(value: Option<DatedValue>, unit: MetricUnit) -> String {
    value
        .map(|v| format!("{} on {}", value_text(v.value, unit), date_long(v.date)))
        .unwrap_or_default()
}

fn level(threshold: &Option<Threshold>, unit: MetricUnit) -> String {
    threshold
        .as_ref()
        .map(|t| {
            format!(
                "{} — {} ({})",
                value_text(t.value, unit),
                t.action,
                or_dash(&t.acted_by)
            )
        })
        .unwrap_or_default()
}

pub(super) fn risks(report: &RolloutReport) -> Vec<Block> {
    let mut blocks = vec![
        Block::heading("Open risks by likelihood and impact"),
        Block::Drawing {
            svg: heat_map_svg(&report.heat_map),
            width: 0.55,
        },
    ];
    if report.risks.is_empty() {
        blocks.push(Block::muted("No risks logged yet."));
        return blocks;
    }
    blocks.push(Block::table(
        &[
            ("Risk", 2.2),
            ("L", 0.35),
            ("I", 0.35),
            ("Score", 1.2),
            ("Status", 0.95),
            ("Owner", 1.2),
            ("Mitigation", 2.0),
            ("Trigger", 1.6),
        ],
        report
            .risks
            .iter()
            .map(|r| {
                vec![
                    Cell::text(&r.title),
                    Cell::text(r.likelihood.to_string()),
                    Cell::text(r.impact.to_string()),
                    Cell::text(format!("{} {}", r.score, r.band.label())).strong(),
                    Cell::text(r.status.label()),
                    Cell::text(or_dash(&r.owner_name)),
                    Cell::text(&r.mitigation),
                    Cell::text(&r.trigger),
                ]
            })
            .collect(),
    ));
    blocks
}

pub(super) fn decisions(report: &RolloutReport) -> Vec<Block> {
    if report.decisions.is_empty() {
        return vec![Block::muted("No decisions logged yet.")];
    }
    report
        .decisions
        .iter()
        .map(|d| Block::Card {
            title: format!("{} · {}", d.title, date_long(d.decided_on)),
            tag: Some(Tag::new(d.outcome.label(), tone(d.outcome.code()))),
            blocks: vec![Block::details([
                ("Constraints", d.constraints.clone()),
                ("Options considered", d.options.clone()),
                ("Choice", d.choice.clone()),
                ("Rationale", d.rationale.clone()),
                ("Decided by", d.decided_by.clone()),
                ("How we verify", d.verification.clone()),
                ("Outcome note", d.outcome_note.clone()),
            ])],
        })
        .collect()
}

/// Each debrief as a card of labelled lines, as every report words them.
pub(super) fn debriefs(report: &RolloutReport) -> Vec<Block> {
    report
        .debriefs
        .iter()
        .map(|d| Block::Card {
            title: format!("{} · {}", d.title, date_long(d.held_on)),
            tag: None,
            blocks: vec![Block::details(d.lines())],
        })
        .collect()
}

/// The comms calendar: a table per month, in send order.
pub(super) fn communications(report: &RolloutReport) -> Vec<Block> {
    if report.communications.is_empty() {
        return vec![Block::muted("No communications planned yet.")];
    }
    let mut blocks = Vec::new();
    let mut month = String::new();
    let mut rows = Vec::new();
    let columns = [
        ("Send on", 1.1),
        ("Audience", 1.3),
        ("Channel", 0.9),
        ("Message", 3.0),
        ("Owner", 1.2),
        ("Sent", 1.0),
    ];
    for c in &report.communications {
        let this_month = c.send_on.format("%B %Y").to_string();
        if this_month != month && !rows.is_empty() {
            blocks.push(Block::heading(&month));
            blocks.push(Block::table(&columns, std::mem::take(&mut rows)));
        }
        month = this_month;
        let sent = match c.sent_on {
            Some(day) => Cell::text(date_long(day)),
            None if c.send_on < report.as_of => Cell::tag("Overdue", Tone::Bad),
            None => Cell::text("Not yet"),
        };
        rows.push(vec![
            Cell::text(date_long(c.send_on)),
            Cell::text(&c.audience),
            Cell::text(&c.channel),
            Cell::text(&c.message),
            Cell::text(or_dash(&c.owner_name)),
            sent,
        ]);
    }
    blocks.push(Block::heading(&month));
    blocks.push(Block::table(&columns, rows));
    blocks
}

pub(super) fn stakeholders(report: &RolloutReport) -> Vec<Block> {
    if report.stakeholders.is_empty() {
        return vec![Block::muted("No stakeholders mapped yet.")];
    }
    let mut blocks = Vec::new();
    let workstreams: BTreeSet<&str> = report
        .stakeholders
        .iter()
        .flat_map(|s| s.raci.iter().map(|a| a.workstream.as_str()))
        .collect();
    if !workstreams.is_empty() {
        blocks.push(Block::heading("RACI"));
        let mut headers = vec!["Stakeholder".to_owned()];
        headers.extend(workstreams.iter().map(|w| (*w).to_owned()));
        let mut widths = vec![2.2];
        widths.extend(workstreams.iter().map(|_| 1.0));
        let rows = report
            .stakeholders
            .iter()
            .map(|s| {
                let mut row = vec![Cell::text(&s.name)];
                row.extend(workstreams.iter().map(|w| {
                    // No part in a workstream is an empty cell: an empty string,
                    // not the NUL character a missing letter would default to.
                    let letter = s
                        .raci
                        .iter()
                        .find(|a| a.workstream == *w)
                        .map(|a| a.role.letter().to_string())
                        .unwrap_or_default();
                    Cell::text(letter).strong()
                }));
                row
            })
            .collect();
        blocks.push(Block::Table {
            headers,
            widths,
            rows,
        });
        blocks.push(Block::muted(
            "R responsible · A accountable · C consulted · I informed",
        ));
    }
    blocks.push(Block::heading(
        "Where each stands on the change (ADKAR, 1–5)",
    ));
    let score = |value: Option<i64>| match value {
        Some(v) if v < ADKAR_BARRIER_BELOW => Cell::tag(v.to_string(), Tone::Bad),
        Some(v) => Cell::text(v.to_string()),
        None => Cell::text("—"),
    };
    let rows = report
        .stakeholders
        .iter()
        .map(|s| {
            let a = &s.adkar;
            let weakest = a.weakest_stage_name();
            let name = if s.is_group {
                format!("{} (group)", s.name)
            } else {
                s.name.clone()
            };
            vec![
                Cell::text(name),
                score(a.awareness),
                score(a.desire),
                score(a.knowledge),
                score(a.ability),
                score(a.reinforcement),
                Cell::text(weakest),
                Cell::text(&s.notes),
            ]
        })
        .collect();
    // The stages by their names, as the other formats head them.
    let mut columns: Vec<(&str, f64)> = vec![("Stakeholder", 1.6)];
    columns.extend(AdkarStage::ALL.iter().map(|stage| {
        let width = if *stage == AdkarStage::Reinforcement {
            1.25
        } else {
            0.95
        };
        (stage.label(), width)
    }));
    columns.extend([("Work on", 1.15), ("Notes", 1.6)]);
    blocks.push(Block::table(&columns, rows));
    blocks
}

pub(super) fn scope(report: &RolloutReport) -> Vec<Block> {
    if report.scope_changes.is_empty() {
        return vec![Block::muted("Nothing cut from scope.")];
    }
    vec![Block::table(
        &[
            ("Logged", 1.1),
            ("Cut or deferred", 2.2),
            ("Why", 2.2),
            ("What it protects", 2.2),
        ],
        report
            .scope_changes
            .iter()
            .map(|s| {
                vec![
                    Cell::text(date_long(s.logged_on)),
                    Cell::text(&s.cut),
                    Cell::text(&s.reason),
                    Cell::text(&s.protected),
                ]
            })
            .collect(),
    )]
}

pub(super) fn sops(report: &RolloutReport) -> Vec<Block> {
    if report.sops.is_empty() {
        return vec![Block::muted("No SOPs linked.")];
    }
    vec![Block::table(
        &[
            ("Code", 0.9),
            ("Title", 2.6),
            ("Rollout", 1.0),
            ("Status", 1.0),
            ("Version", 0.7),
            ("Effective", 1.1),
            ("Next review", 1.1),
            ("Owner", 1.2),
        ],
        report
            .sops
            .iter()
            .map(|link| {
                let s = &link.sop;
                vec![
                    Cell::text(&s.code).strong(),
                    Cell::text(&s.title),
                    Cell::text(link.relation.label()),
                    Cell::tag(s.status.label(), tone(s.status.code())),
                    Cell::text(format!("v{}", s.version)),
                    Cell::text(date_or_dash(s.effective_date)),
                    Cell::text(date_or_dash(s.next_review_date)),
                    Cell::text(or_dash(&s.owner)),
                ]
            })
            .collect(),
    )]
}
