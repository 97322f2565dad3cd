//! The summary in words: its key figures and its lists, each line written once here so
//! that the PDF, HTML and Markdown reports say exactly the same thing in the same order.

use chrono::NaiveDate;
use serde::Serialize;

use super::{cut, or_dash, ExecutiveSummary};
use crate::export::text::{countdown, date_long};
use crate::metrics::MetricState;
use crate::readiness::Verdict;
use crate::workspace::RiskBand;

/// People named beside the overdue or the blocked count; the rest are counted.
const OWNERS: usize = 4;
/// Characters of one line of the summary: a reason typed at length is cut, so that no
/// line can push the summary past its two pages (the sections print it in full).
const LINE_CHARS: usize = 190;

/// One group of lines of the summary, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryPart {
    pub title: String,
    /// Belongs on the first page, beside the verdict.
    pub lead: bool,
    pub items: Vec<SummaryItem>,
}

/// A line of the summary, optionally with a coloured tag after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryItem {
    pub text: String,
    pub tag: Option<SummaryTag>,
}

/// A short label such as "overdue" or "15 High", and how it is coloured.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryTag {
    pub label: String,
    pub tone: SummaryTone,
}

/// The colours a tag can take; each format maps them onto its own palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryTone {
    Good,
    Warn,
    Bad,
    Neutral,
}

impl ExecutiveSummary {
    /// "Jan 27, 2027 (in 52 days)", or "Not set".
    pub fn go_live_text(&self) -> String {
        match (self.go_live, self.days_to_go_live) {
            (Some(date), Some(days)) => format!("{} ({})", date_long(date), countdown(days)),
            _ => "Not set".to_owned(),
        }
    }

    /// The trained figure in the words every screen uses, or a dash with nobody to train.
    pub fn training_text(&self) -> String {
        if self.training.people > 0 {
            self.training.summary.clone()
        } else {
            "—".to_owned()
        }
    }

    /// "Sponsor: … · Owner: … · As of Dec 6, 2026".
    pub fn people_line(&self) -> String {
        format!(
            "Sponsor: {} · Owner: {} · As of {}",
            or_dash(&self.sponsor),
            or_dash(&self.owner),
            date_long(self.as_of)
        )
    }

    /// The key figures, label and value, in the order every format shows them.
    pub fn figures(&self) -> Vec<(String, String)> {
        [
            ("Readiness score", format!("{}/100", self.score)),
            ("Go-live", self.go_live_text()),
            ("Phase", self.phase.clone()),
            ("Training", self.training_text()),
            ("Overdue tasks", self.overdue_count.to_string()),
            ("Blocked tasks", self.blocked_count.to_string()),
            ("Open risks", self.open_risks.to_string()),
            (
                "Metrics in watch or act",
                self.flagged_metric_count.to_string(),
            ),
        ]
        .into_iter()
        .map(|(label, value)| (label.to_owned(), value))
        .collect()
    }

    /// The summary's lists in reading order, every line in words.
    pub fn parts(&self) -> Vec<SummaryPart> {
        vec![
            self.blocking_part(),
            self.trend_part(),
            self.milestone_part(),
            self.risk_part(),
            self.work_part(),
            self.metric_part(),
        ]
    }

    fn blocking_part(&self) -> SummaryPart {
        let mut items: Vec<SummaryItem> = self
            .blocking_gates
            .iter()
            .map(|text| SummaryItem::tagged(text, "blocking", SummaryTone::Bad))
            .collect();
        more(
            &mut items,
            self.blocking_gate_count,
            "the Readiness section lists them all",
        );
        if items.is_empty() {
            items.push(SummaryItem::plain(match self.verdict {
                Verdict::NotAssessed => {
                    "Not assessed yet: no go-live criteria or required training."
                }
                _ => "No hard gate is failing.",
            }));
        }
        SummaryPart::new("What blocks go-live", true, items)
    }

    /// "Up 7 points since Nov 8, 2026 (30 → 37)", then the score of each week.
    fn trend_part(&self) -> SummaryPart {
        let points = &self.trend.points;
        let items = if self.trend.summary.is_empty() || points.len() < 2 {
            vec![SummaryItem::plain(
                "No earlier week to compare with yet: the rollout is new to Rollplan.",
            )]
        } else {
            let weeks: Vec<String> = points
                .iter()
                .map(|p| format!("{}: {}", short_date(p.on), p.score))
                .collect();
            vec![
                SummaryItem::plain(&format!("{}.", self.trend.summary)),
                SummaryItem::plain(&format!("Week by week: {}", weeks.join(" · "))),
            ]
        };
        SummaryPart::new("Readiness trend", true, items)
    }

    fn milestone_part(&self) -> SummaryPart {
        let mut items: Vec<SummaryItem> = self
            .milestones
            .iter()
            .map(|m| {
                let text = format!(
                    "◆ {} — {} ({})",
                    m.title,
                    date_long(m.due),
                    countdown((m.due - self.as_of).num_days())
                );
                match m.concern.as_str() {
                    "" => SummaryItem::plain(&text),
                    "at risk" => SummaryItem::tagged(&text, &m.concern, SummaryTone::Warn),
                    concern => SummaryItem::tagged(&text, concern, SummaryTone::Bad),
                }
            })
            .collect();
        if items.is_empty() {
            items.push(SummaryItem::plain("No open milestones."));
        }
        SummaryPart::new("Key milestones", false, items)
    }

    fn risk_part(&self) -> SummaryPart {
        let mut items: Vec<SummaryItem> = self
            .top_risks
            .iter()
            .map(|r| {
                let tone = match r.band {
                    RiskBand::High => SummaryTone::Bad,
                    RiskBand::Medium => SummaryTone::Warn,
                    RiskBand::Low => SummaryTone::Neutral,
                };
                // A risk nobody owns is news in itself: said, not shown as a dash.
                let owner = match r.owner.trim() {
                    "" => "no owner yet".to_owned(),
                    name => format!("owner: {name}"),
                };
                SummaryItem::tagged(
                    &format!("{} — {owner}", r.title),
                    &format!("{} {}", r.score, r.band.label()),
                    tone,
                )
            })
            .collect();
        more(
            &mut items,
            self.open_risks,
            "the Risks section lists them all",
        );
        if items.is_empty() {
            items.push(SummaryItem::plain("No open risks."));
        }
        SummaryPart::new("Top risks", false, items)
    }

    fn work_part(&self) -> SummaryPart {
        let line = |count: usize, what: &str, owners: &[(String, usize)]| {
            let tasks = if count == 1 { "task" } else { "tasks" };
            if count == 0 {
                return SummaryItem::plain(&format!("No {what} tasks."));
            }
            let mut named: Vec<String> = owners
                .iter()
                .take(OWNERS)
                .map(|(owner, n)| format!("{owner} {n}"))
                .collect();
            let others: usize = owners.iter().skip(OWNERS).map(|(_, n)| n).sum();
            if others > 0 {
                let people = owners.len() - OWNERS;
                named.push(format!(
                    "{people} other {} {others}",
                    if people == 1 { "person" } else { "people" }
                ));
            }
            SummaryItem::plain(&format!("{count} {what} {tasks}: {}", named.join(" · ")))
        };
        SummaryPart::new(
            "Overdue and blocked work, by owner",
            false,
            vec![
                line(self.overdue_count, "overdue", &self.overdue_owners),
                line(self.blocked_count, "blocked", &self.blocked_owners),
            ],
        )
    }

    fn metric_part(&self) -> SummaryPart {
        let mut items: Vec<SummaryItem> = self
            .flagged_metrics
            .iter()
            .map(|m| {
                let mut text = format!("{}: {}", m.name, m.reason);
                if !m.action.is_empty() {
                    text.push_str(&format!(" Next: {}", m.action));
                }
                let tone = if m.state == MetricState::Act {
                    SummaryTone::Bad
                } else {
                    SummaryTone::Warn
                };
                SummaryItem::tagged(&text, m.state.label(), tone)
            })
            .collect();
        more(
            &mut items,
            self.flagged_metric_count,
            "the Metrics section shows them all",
        );
        if items.is_empty() {
            items.push(SummaryItem::plain("No metric in watch or act."));
        }
        SummaryPart::new("Metrics in watch or act", false, items)
    }
}

impl SummaryPart {
    fn new(title: &str, lead: bool, items: Vec<SummaryItem>) -> Self {
        Self {
            title: title.to_owned(),
            lead,
            items,
        }
    }
}

impl SummaryItem {
    fn plain(text: &str) -> Self {
        Self {
            text: cut(text, LINE_CHARS),
            tag: None,
        }
    }

    fn tagged(text: &str, label: &str, tone: SummaryTone) -> Self {
        Self {
            text: cut(text, LINE_CHARS),
            tag: Some(SummaryTag {
                label: label.to_owned(),
                tone,
            }),
        }
    }
}

/// Adds "and 3 more — …" when a list shows fewer than `total`.
fn more(items: &mut Vec<SummaryItem>, total: usize, where_listed: &str) {
    if total > items.len() {
        let rest = total - items.len();
        items.push(SummaryItem::plain(&format!(
            "and {rest} more — {where_listed}"
        )));
    }
}

/// "Nov 8": a week's date where the year is already said.
fn short_date(date: NaiveDate) -> String {
    date.format("%b %-d").to_string()
}
