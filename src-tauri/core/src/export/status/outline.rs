//! The words of a status, in reading order, shared by every format: a title, the week,
//! the manager's summary note, the headline, where each rollout stands (countdown,
//! readiness then and now, training by role), then the sections worst first, each with
//! its note and items, and when the next update comes.

use super::StatusDocument;
use crate::export::text::date_long;
use crate::status::{StatusState, Tone, SUMMARY_NOTE};

/// A status written out for a reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusOutline {
    /// "Weekly status: EHR go-live".
    pub title: String,
    /// "Week of Jan 11 – Jan 17, 2027, as of Jan 17, 2027".
    pub week: String,
    /// "Sent on Jan 18, 2027", "Draft", or empty for an unsaved draft.
    pub state: String,
    pub summary_note: String,
    pub headline: String,
    pub figures: Vec<OutlineFigures>,
    pub sections: Vec<OutlineSection>,
    /// Said instead of the sections when nothing happened.
    pub quiet: bool,
    /// "Next update: Jan 25, 2027".
    pub next_update: String,
}

/// Where one rollout stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineFigures {
    pub rollout_name: String,
    /// (label, value): go-live, readiness, training by role.
    pub lines: Vec<(String, String)>,
}

/// A section with the manager's note above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineSection {
    pub title: String,
    pub note: String,
    pub items: Vec<OutlineItem>,
}

/// One piece of news.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineItem {
    pub tone: Tone,
    /// "Needs attention", "Watch", ...
    pub tone_label: String,
    /// The rollout, in the all-rollouts status; empty otherwise.
    pub rollout_name: String,
    pub happened: String,
    /// (label, value): impact, and the action with who takes it.
    pub details: Vec<(String, String)>,
}

pub(super) fn outline(document: &StatusDocument) -> StatusOutline {
    let status = &document.status;
    let portfolio = status.rollout_id.is_none();
    let week = &status.week;
    let as_of = if week.as_of < week.sunday {
        format!(", as of {}", date_long(week.as_of))
    } else {
        String::new()
    };
    let state = match (document.state, document.sent_at) {
        (Some(StatusState::Sent), Some(at)) => format!("Sent on {}", date_long(at.date_naive())),
        (Some(state), _) => state.label().to_owned(),
        (None, _) => String::new(),
    };
    let figures = status
        .rollouts
        .iter()
        .map(|f| {
            let mut lines = vec![
                ("Go-live".to_owned(), f.countdown.clone()),
                ("Readiness".to_owned(), f.readiness.clone()),
            ];
            if let Some(baseline) = &f.baseline {
                lines.push(("Plan".to_owned(), baseline.clone()));
            }
            if let Some(percent) = f.trained_percent_now {
                lines.push((
                    "Trained".to_owned(),
                    format!("{percent}% of people who need training"),
                ));
            }
            for role in &f.training {
                lines.push((format!("Training: {}", role.role_name), role.text.clone()));
            }
            OutlineFigures {
                rollout_name: f.rollout_name.clone(),
                lines,
            }
        })
        .collect();
    let note = |key: &str| document.notes.get(key).cloned().unwrap_or_default();
    let sections = status
        .sections
        .iter()
        .map(|section| OutlineSection {
            title: section.title.clone(),
            note: note(section.kind.code()),
            items: section
                .items
                .iter()
                .map(|item| {
                    let mut details = Vec::new();
                    if !item.impact.is_empty() {
                        details.push(("Impact".to_owned(), item.impact.clone()));
                    }
                    match (item.action.is_empty(), item.who.is_empty()) {
                        (false, false) => details.push((
                            "Action".to_owned(),
                            format!("{} ({})", item.action, item.who),
                        )),
                        (false, true) => details.push(("Action".to_owned(), item.action.clone())),
                        (true, false) => details.push(("Who".to_owned(), item.who.clone())),
                        (true, true) => {}
                    }
                    OutlineItem {
                        tone: item.tone,
                        tone_label: item.tone.label().to_owned(),
                        rollout_name: if portfolio {
                            item.rollout_name.clone()
                        } else {
                            String::new()
                        },
                        happened: item.happened.clone(),
                        details,
                    }
                })
                .collect(),
        })
        .collect();
    StatusOutline {
        title: format!("Weekly status: {}", status.title),
        week: format!("Week of {}{as_of}", status.week_label),
        state,
        summary_note: note(SUMMARY_NOTE),
        headline: status.headline.clone(),
        figures,
        sections,
        quiet: status.is_quiet(),
        next_update: format!("Next update: {}", date_long(status.next_update)),
    }
}
