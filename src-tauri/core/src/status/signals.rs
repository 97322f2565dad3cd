//! The week's signals: the readiness verdict and the criteria that changed, metrics
//! whose status changed (with the action the new level triggers and who acts), and
//! training completion by role. Every figure is the core's own: the verdict from
//! [`crate::readiness`], the metric status from [`crate::metrics::assess`], the trained
//! % from [`crate::training`]; this module only compares the week's start with its end.

use super::figures::ReadinessFigure;
use super::sources::RolloutWeek;
use super::{SectionKind, StatusItem, Tone};
use crate::metrics::MetricState;
use crate::readiness::{Criterion, CriterionStatus, Verdict};

/// Readiness news: the verdict if it changed, then each criterion whose status changed,
/// that was added or that went away.
pub(crate) fn readiness_items(sources: &RolloutWeek) -> Vec<(SectionKind, StatusItem)> {
    let Some((then, criteria_then)) = &sources.readiness_then else {
        return Vec::new();
    };
    let (now, criteria_now) = &sources.readiness_now;
    let rollout = &sources.rollout;
    let item =
        |key: String, tone: Tone, happened: String, impact: String, action: String, who: String| {
            (
                SectionKind::Readiness,
                StatusItem {
                    key,
                    tone,
                    rollout_name: rollout.name.clone(),
                    happened,
                    impact,
                    action,
                    who,
                },
            )
        };
    let mut news = Vec::new();
    let (before, after) = (ReadinessFigure::of(then), ReadinessFigure::of(now));
    if before.verdict != after.verdict {
        let tone = match after.verdict {
            Verdict::Go => Tone::Good,
            Verdict::NoGo => Tone::Bad,
            Verdict::NotAssessed => Tone::Neutral,
        };
        let blocking: Vec<&str> = now
            .reasons
            .iter()
            .filter(|r| r.blocking)
            .map(|r| r.text.as_str())
            .collect();
        news.push(item(
            format!("readiness-verdict:{}", rollout.id),
            tone,
            format!("Readiness went from {} to {}", before.text(), after.text()),
            if blocking.is_empty() {
                String::new()
            } else {
                format!("Blocking go-live: {}", blocking.join("; "))
            },
            if tone == Tone::Bad {
                "Work the hard gates that are not met".to_owned()
            } else {
                String::new()
            },
            rollout.owner.clone(),
        ));
    }
    for criterion in criteria_now {
        let was = criteria_then.iter().find(|c| c.id == criterion.id);
        let changed = match was {
            Some(was) if was.status == criterion.status => continue,
            Some(was) => format!(
                "{}: {} → {}",
                criterion.title,
                was.status.label(),
                criterion.status.label()
            ),
            None => format!("{}: added ({})", criterion.title, criterion.status.label()),
        };
        news.push(item(
            format!("criterion:{}", criterion.id),
            criterion_tone(criterion),
            changed,
            if criterion.hard_gate {
                "A hard gate: go-live waits for it".to_owned()
            } else {
                String::new()
            },
            if criterion.status == CriterionStatus::Met {
                String::new()
            } else {
                "Bring it to met before go-live".to_owned()
            },
            criterion_owner(criterion),
        ));
    }
    for criterion in criteria_then {
        if !criteria_now.iter().any(|c| c.id == criterion.id) {
            news.push(item(
                format!("criterion-removed:{}", criterion.id),
                Tone::Neutral,
                format!("{}: no longer a criterion", criterion.title),
                String::new(),
                String::new(),
                rollout.owner.clone(),
            ));
        }
    }
    news
}

fn criterion_tone(criterion: &Criterion) -> Tone {
    match (criterion.status, criterion.hard_gate) {
        (CriterionStatus::Met, _) => Tone::Good,
        (_, true) => Tone::Bad,
        (_, false) => Tone::Watch,
    }
}

fn criterion_owner(criterion: &Criterion) -> String {
    if criterion.owner_name.is_empty() {
        criterion.owner_role.clone()
    } else {
        criterion.owner_name.clone()
    }
}

/// Metrics whose status changed between the week's eve and its end.
pub(crate) fn metric_items(sources: &RolloutWeek) -> Vec<(SectionKind, StatusItem)> {
    sources
        .metrics
        .iter()
        .filter(|(_, [then, now])| then.state != now.state)
        .map(|(metric, [then, now])| {
            let tone = match now.state {
                MetricState::Act => Tone::Bad,
                MetricState::Watch => Tone::Watch,
                MetricState::OnTrack => Tone::Good,
                MetricState::NoData => Tone::Neutral,
            };
            (
                SectionKind::Metrics,
                StatusItem {
                    key: format!("metric:{}", metric.id),
                    tone,
                    rollout_name: sources.rollout.name.clone(),
                    happened: format!(
                        "{}: {} → {}",
                        metric.name,
                        then.state.label(),
                        now.state.label()
                    ),
                    impact: reason_without_action(&now.reason, &now.action),
                    action: now.action.clone(),
                    who: if now.action.is_empty() {
                        String::new()
                    } else {
                        now.acted_by.clone()
                    },
                },
            )
        })
        .collect()
}

/// Roles whose trained % changed in the week.
pub(crate) fn training_items(sources: &RolloutWeek) -> Vec<(SectionKind, StatusItem)> {
    sources
        .training_now
        .iter()
        .filter_map(|role| {
            let then = sources
                .training_then
                .iter()
                .find(|r| r.role_id == role.role_id)
                .map_or(0, |r| r.percent);
            if then == role.percent {
                return None;
            }
            let tone = if role.percent > then {
                Tone::Good
            } else {
                Tone::Watch
            };
            let overdue = match role.overdue {
                0 => String::new(),
                1 => "1 person has training overdue".to_owned(),
                n => format!("{n} people have training overdue"),
            };
            Some((
                SectionKind::Training,
                StatusItem {
                    key: format!("training:{}:{}", sources.rollout.id, role.role_id),
                    tone,
                    rollout_name: sources.rollout.name.clone(),
                    happened: format!(
                        "{}: {then}% → {}% trained ({} of {})",
                        role.role_name, role.percent, role.trained, role.people
                    ),
                    impact: if role.percent < 100 {
                        "No training, no login: the role's hard gate is not met yet".to_owned()
                    } else {
                        "The role's training gate is met".to_owned()
                    },
                    action: if overdue.is_empty() {
                        String::new()
                    } else {
                        format!("{overdue}: book them a session")
                    },
                    who: if overdue.is_empty() {
                        String::new()
                    } else {
                        sources.rollout.owner.clone()
                    },
                },
            ))
        })
        .collect()
}

/// The metric's reason without the action it ends with ("73% on Jan 15: below the act
/// level 78% — Hold logins (Grace Kim)"): the status gives the action its own line.
fn reason_without_action(reason: &str, action: &str) -> String {
    match reason.find(" — ") {
        Some(cut) if !action.is_empty() && reason[cut + " — ".len()..].starts_with(action) => {
            reason[..cut].to_owned()
        }
        _ => reason.to_owned(),
    }
}
