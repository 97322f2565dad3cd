//! The decision log's and the comms calendar's week: decisions dated in the week,
//! messages sent in it, and messages whose send date had passed by the week's end
//! without going out. These come from the records' own dates, not the audit log.

use super::sources::RolloutWeek;
use super::tasks::days_text;
use super::{SectionKind, StatusItem, Tone};
use crate::metrics::format::full_date;

/// Decisions and messages of the week.
pub(crate) fn items(sources: &RolloutWeek) -> Vec<(SectionKind, StatusItem)> {
    let week = &sources.week;
    let rollout = &sources.rollout;
    let mut news = Vec::new();
    let mut decisions: Vec<_> = sources
        .decisions
        .iter()
        .filter(|d| week.holds(d.decided_on))
        .collect();
    decisions.sort_by_key(|d| d.decided_on);
    for decision in decisions {
        let choice = if decision.choice.is_empty() {
            String::new()
        } else {
            format!(": {}", decision.choice)
        };
        news.push((
            SectionKind::Decisions,
            StatusItem {
                key: format!("decision:{}", decision.id),
                tone: Tone::Neutral,
                rollout_name: rollout.name.clone(),
                happened: format!(
                    "Decided on {}: {}{choice}",
                    full_date(decision.decided_on),
                    decision.title
                ),
                impact: decision.rationale.clone(),
                action: if decision.verification.is_empty() {
                    String::new()
                } else {
                    format!("Check it worked: {}", decision.verification)
                },
                who: decision.decided_by.clone(),
            },
        ));
    }
    let mut messages: Vec<_> = sources.communications.iter().collect();
    messages.sort_by_key(|c| c.send_on);
    for message in messages {
        let who = if message.owner_name.is_empty() {
            rollout.owner.clone()
        } else {
            message.owner_name.clone()
        };
        let what = format!(
            "{} to {} ({})",
            first_line(&message.message),
            message.audience,
            message.channel
        );
        let sent_by_end = message.sent_on.filter(|on| *on <= week.as_of);
        match sent_by_end {
            Some(on) if on >= week.monday => news.push((
                SectionKind::Messages,
                StatusItem {
                    key: format!("message-sent:{}", message.id),
                    tone: Tone::Good,
                    rollout_name: rollout.name.clone(),
                    happened: format!("Sent on {}: {what}", full_date(on)),
                    impact: String::new(),
                    action: String::new(),
                    who,
                },
            )),
            None if message.send_on < week.as_of => {
                let late = (week.as_of - message.send_on).num_days();
                news.push((
                    SectionKind::Messages,
                    StatusItem {
                        key: format!("message-overdue:{}", message.id),
                        tone: Tone::Watch,
                        rollout_name: rollout.name.clone(),
                        happened: format!(
                            "Not sent: {what}, due {} ({} overdue)",
                            full_date(message.send_on),
                            days_text(late)
                        ),
                        impact: format!("{} may not know what is coming", message.audience),
                        action: "Send it, or move its date".to_owned(),
                        who,
                    },
                ));
            }
            _ => {}
        }
    }
    news
}

/// A message's first line, cut short: the status names it, the calendar holds it.
fn first_line(message: &str) -> String {
    const MAX: usize = 80;
    let line = message.lines().next().unwrap_or_default().trim();
    if line.chars().count() > MAX {
        let cut: String = line.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_owned()
    }
}
