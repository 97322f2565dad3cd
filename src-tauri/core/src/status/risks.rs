//! The risk log's week: risks raised, escalated (their likelihood × impact score went
//! up) and closed. Scores and bands are the core's ([`RiskBand::of`]); the score at the
//! week's start is rebuilt from the likelihood and impact the audit log says it had.

use super::changes::{created, field_then, set_during, When};
use super::sources::RolloutWeek;
use super::{SectionKind, StatusItem, Tone};
use crate::workspace::{Risk, RiskBand, RiskStatus};

/// The fields of a risk whose changes over the week the status reads: every entry of
/// the week is read with these alone (see [`crate::audit::entries_since_of_fields`]).
pub(crate) const FIELDS_READ: [&str; 3] = ["likelihood", "impact", "status"];

/// A risk's score at the week's start (`None` when raised during it) and end.
pub(crate) fn scores(risk: &Risk, sources: &RolloutWeek) -> (Option<i64>, i64) {
    let week = &sources.week;
    let entries = sources.risk_entries.about(&risk.id);
    let number = |field: &str, current: i64| {
        let (end, start) = field_then(&current.to_string(), entries, field, week);
        let parse = |text: &str| text.parse::<i64>().unwrap_or(current);
        (start.as_deref().map(parse), parse(&end))
    };
    let (likelihood_start, likelihood_end) = number("likelihood", risk.likelihood);
    let (impact_start, impact_end) = number("impact", risk.impact);
    let start = likelihood_start.zip(impact_start).map(|(l, i)| l * i);
    (start, likelihood_end * impact_end)
}

fn tone_of(band: RiskBand) -> Tone {
    match band {
        RiskBand::High => Tone::Bad,
        RiskBand::Medium => Tone::Watch,
        RiskBand::Low => Tone::Neutral,
    }
}

/// The risk log's news.
pub(crate) fn items(sources: &RolloutWeek) -> Vec<(SectionKind, StatusItem)> {
    let week = &sources.week;
    let mut news = Vec::new();
    for risk in &sources.risks {
        let entries = sources.risk_entries.about(&risk.id);
        let born = created(entries, week);
        if born == When::After {
            continue;
        }
        let (status_end, _) = field_then(risk.status.code(), entries, "status", week);
        let status_end = RiskStatus::from_code(&status_end).unwrap_or(risk.status);
        let (start, end) = scores(risk, sources);
        let band = RiskBand::of(end);
        let who = if risk.owner_name.is_empty() {
            sources.rollout.owner.clone()
        } else {
            risk.owner_name.clone()
        };
        let mitigation = if risk.mitigation.is_empty() {
            "Agree a mitigation and an owner".to_owned()
        } else {
            risk.mitigation.clone()
        };
        let item = |key: String, tone: Tone, happened: String, action: String| StatusItem {
            key,
            tone,
            rollout_name: sources.rollout.name.clone(),
            happened,
            impact: format!("{} risk, score {end} of 25", band.label()),
            action,
            who: who.clone(),
        };
        if status_end == RiskStatus::Closed {
            if set_during(entries, "status", RiskStatus::Closed.code(), week).is_some() {
                news.push((
                    SectionKind::Risks,
                    StatusItem {
                        impact: String::new(),
                        ..item(
                            format!("risk-closed:{}", risk.id),
                            Tone::Good,
                            format!("Closed: {}", risk.title),
                            String::new(),
                        )
                    },
                ));
            }
            continue;
        }
        match (born, start) {
            (When::During, _) => news.push((
                SectionKind::Risks,
                item(
                    format!("risk-raised:{}", risk.id),
                    tone_of(band),
                    format!("Raised: {}", risk.title),
                    mitigation,
                ),
            )),
            (_, Some(start)) if end > start => news.push((
                SectionKind::Risks,
                item(
                    format!("risk-escalated:{}", risk.id),
                    tone_of(band).min(Tone::Watch),
                    format!(
                        "Escalated: {} (score {start} → {end}, {} → {})",
                        risk.title,
                        RiskBand::of(start).label(),
                        band.label()
                    ),
                    mitigation,
                ),
            )),
            _ => {}
        }
    }
    news
}
