//! The rollout's dates as an iCalendar file (RFC 5545): milestones, go-live, training due
//! dates and communication send dates, each an all-day event. UIDs come from entity ids
//! (`task-<id>@rollplan`), so importing a newer export updates the events instead of
//! duplicating them.
//!
//! A small writer rather than the `icalendar` crate: we emit one component type with
//! six properties, and what matters — escaping, folding at 75 octets without splitting
//! a character, CRLF — is a few lines that the tests below pin down, where the crate
//! would add a dependency tree for the same output.

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::RolloutReport;
use crate::plan::TaskKind;

/// One all-day event.
struct Event {
    uid: String,
    date: NaiveDate,
    summary: String,
    description: String,
}

/// The calendar as text; `stamp` is the DTSTAMP of every event (when it was exported).
pub fn rollout_ics(report: &RolloutReport, stamp: DateTime<Utc>) -> String {
    let rollout = &report.rollout;
    let mut events = Vec::new();
    for task in report
        .tasks
        .iter()
        .filter(|t| t.kind == TaskKind::Milestone)
    {
        if let Some(date) = task.due_date {
            events.push(Event {
                uid: format!("task-{}@rollplan", task.id),
                date,
                summary: format!("{}: {}", rollout.name, task.title),
                description: task.notes.clone(),
            });
        }
    }
    // A plan usually has its own go-live milestone; a second event on that day would
    // only duplicate it.
    if let Some(go_live) = rollout.go_live_date {
        let has_milestone = report
            .tasks
            .iter()
            .any(|t| t.kind == TaskKind::Milestone && t.due_date == Some(go_live));
        if !has_milestone {
            events.push(Event {
                uid: format!("rollout-{}-go-live@rollplan", rollout.id),
                date: go_live,
                summary: format!("Go-live: {}", rollout.name),
                description: rollout.goal.clone(),
            });
        }
    }
    for requirement in &report.training_requirements {
        events.push(Event {
            uid: format!("training-{}@rollplan", requirement.id),
            date: requirement.due_date,
            summary: format!(
                "Training due: {} ({})",
                requirement.module_title, requirement.role_name
            ),
            description: format!(
                "{} must complete {} for {}.",
                requirement.role_name, requirement.module_title, rollout.name
            ),
        });
    }
    for comm in &report.communications {
        events.push(Event {
            uid: format!("comm-{}@rollplan", comm.id),
            date: comm.send_on,
            summary: format!("Send to {} ({})", comm.audience, comm.channel),
            description: comm.message.clone(),
        });
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.uid.cmp(&b.uid)));

    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Rollplan//Rollplan export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(&rollout.name)));
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for event in &events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape(&event.uid)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", event.date.format("%Y%m%d")),
        );
        let end = event
            .date
            .checked_add_days(Days::new(1))
            .unwrap_or(event.date);
        push_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
        );
        push_line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        if !event.description.trim().is_empty() {
            push_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(&event.description)),
            );
        }
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks
/// as `\n`, other control characters dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (§3.1): continuation lines start with a
/// space, which counts toward their 75; a UTF-8 character is never split.
fn push_line(out: &mut String, line: &str) {
    let mut octets = 0;
    let mut limit = 75;
    for c in line.chars() {
        if octets + c.len_utf8() > limit {
            out.push_str("\r\n ");
            octets = 1;
            limit = 75;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_escape_the_characters_rfc_5545_reserves() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let summary = format!("SUMMARY:{}", "é".repeat(100));
        push_line(&mut out, &summary);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                line.len() <= 75,
                "a folded line holds at most 75 octets: {}",
                line.len()
            );
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, summary, "unfolding gives the line back");
    }
}
