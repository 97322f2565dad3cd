//! The rollout's dates as an iCalendar file (RFC 5545): milestones, go-live, training due
//! dates and communication send dates, each an all-day event whose summary starts with
//! the rollout's name, so it reads on its own among a person's other appointments.
//!
//! Importing a newer export updates events rather than duplicating them: UIDs come from
//! entity ids (`task-<id>@rollplan`), and every event carries SEQUENCE and LAST-MODIFIED
//! taken from its record, which is what calendars compare to decide that an event they
//! hold has changed.
//!
//! A small writer rather than the `icalendar` crate: we emit one component type with a
//! handful of properties, and what matters — escaping, folding at 75 octets without
//! splitting a character, CRLF — is a few lines that the tests below pin down, where the
//! crate would add a dependency tree for the same output.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::RolloutReport;
use crate::plan::TaskKind;
use crate::training::Requirement;

/// More training dues than this on one day become one event listing them. A large
/// rollout can ask dozens of modules of its roles on the same date; as separate events
/// they bury that day in a person's calendar, while one event with the list says the
/// same thing. Up to three stay separate, where each still reads at a glance.
const MAX_SEPARATE_DUES: usize = 3;

/// One all-day event.
struct Event {
    uid: String,
    date: NaiveDate,
    summary: String,
    description: String,
    /// RFC 5545 SEQUENCE: rises whenever what the event shows changes.
    sequence: i64,
    last_modified: DateTime<Utc>,
}

/// The SEQUENCE and LAST-MODIFIED of an event drawn from one record. Every summary
/// carries the rollout's name, so a change to the rollout (renaming it) changes every
/// event too: the rollout's version counts alongside the record's. Both versions only
/// rise and start at 1, so the sum less two starts at 0 and rises with either.
fn revision(
    report: &RolloutReport,
    row_version: i64,
    updated_at: DateTime<Utc>,
) -> (i64, DateTime<Utc>) {
    let rollout = &report.rollout;
    (
        (row_version - 1).max(0) + (rollout.row_version - 1).max(0),
        updated_at.max(rollout.updated_at),
    )
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
            let (sequence, last_modified) = revision(report, task.row_version, task.updated_at);
            events.push(Event {
                uid: format!("task-{}@rollplan", task.id),
                date,
                summary: format!("{}: {}", rollout.name, task.title),
                description: task.notes.clone(),
                sequence,
                last_modified,
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
            let (sequence, last_modified) =
                revision(report, rollout.row_version, rollout.updated_at);
            events.push(Event {
                uid: format!("rollout-{}-go-live@rollplan", rollout.id),
                date: go_live,
                summary: format!("Go-live: {}", rollout.name),
                description: rollout.goal.clone(),
                sequence,
                last_modified,
            });
        }
    }
    events.extend(training_events(report));
    for comm in &report.communications {
        let (sequence, last_modified) = revision(report, comm.row_version, comm.updated_at);
        events.push(Event {
            uid: format!("comm-{}@rollplan", comm.id),
            date: comm.send_on,
            summary: format!(
                "{}: Send to {} ({})",
                rollout.name, comm.audience, comm.channel
            ),
            description: comm.message.clone(),
            sequence,
            last_modified,
        });
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.uid.cmp(&b.uid)));
    calendar(&rollout.name, &events, stamp)
}

/// One event per training due date, or one per day where more than
/// [`MAX_SEPARATE_DUES`] fall on it. The folded event's UID names the rollout and the
/// day, so a newer export updates it. Its LAST-MODIFIED is the latest of the dues it
/// lists; its SEQUENCE adds up theirs and counts them, so it rises when any of them
/// changes and when a due joins the day — the highest of theirs alone would stay put
/// when a new one (at 0) is added.
fn training_events(report: &RolloutReport) -> Vec<Event> {
    let rollout = &report.rollout;
    let mut by_day: BTreeMap<NaiveDate, Vec<&Requirement>> = BTreeMap::new();
    for requirement in &report.training_requirements {
        by_day
            .entry(requirement.due_date)
            .or_default()
            .push(requirement);
    }
    let mut events = Vec::new();
    for (date, dues) in by_day {
        if dues.len() <= MAX_SEPARATE_DUES {
            for requirement in dues {
                let (sequence, last_modified) =
                    revision(report, requirement.row_version, requirement.updated_at);
                events.push(Event {
                    uid: format!("training-{}@rollplan", requirement.id),
                    date,
                    summary: format!(
                        "{}: Training due: {} ({})",
                        rollout.name, requirement.module_title, requirement.role_name
                    ),
                    description: format!(
                        "{} must complete {} for {}.",
                        requirement.role_name, requirement.module_title, rollout.name
                    ),
                    sequence,
                    last_modified,
                });
            }
            continue;
        }
        let mut sequence = 0;
        let mut last_modified = rollout.updated_at;
        let mut lines = vec![format!(
            "{} training modules are due on this day for {}:",
            dues.len(),
            rollout.name
        )];
        for requirement in &dues {
            let (s, m) = revision(report, requirement.row_version, requirement.updated_at);
            sequence += s + 1;
            last_modified = last_modified.max(m);
            lines.push(format!(
                "- {}: {}",
                requirement.role_name, requirement.module_title
            ));
        }
        events.push(Event {
            uid: format!("training-{}-{}@rollplan", rollout.id, date.format("%Y%m%d")),
            date,
            summary: format!("{}: {} training modules due", rollout.name, dues.len()),
            description: lines.join("\n"),
            sequence,
            last_modified,
        });
    }
    events
}

/// The VCALENDAR text around `events`.
fn calendar(name: &str, events: &[Event], stamp: DateTime<Utc>) -> String {
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
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    let utc = |at: DateTime<Utc>| at.format("%Y%m%dT%H%M%SZ").to_string();
    let stamp = utc(stamp);
    for event in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape(&event.uid)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(
            &mut out,
            &format!("LAST-MODIFIED:{}", utc(event.last_modified)),
        );
        push_line(&mut out, &format!("SEQUENCE:{}", event.sequence));
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
