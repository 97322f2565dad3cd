//! What a runway check says to a person: the situation, what keeping the template's
//! durations means, and what compressing does — written once here, for the app's
//! dialog and the command line alike.

use super::runway::RunwayCheck;
use crate::time::date_text;

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn days(count: i64) -> String {
    if count == 1 {
        "1 day".to_owned()
    } else {
        format!("{count} days")
    }
}

/// How late, the way a person says it: days, then weeks, then months.
fn lateness(days_late: i64) -> String {
    match days_late {
        ..=13 => days(days_late),
        14..=27 => format!("{} weeks", days_late / 7),
        28..=44 => "a month".to_owned(),
        _ => format!("{} months", (days_late + 15) / 30),
    }
}

pub(super) fn headline(title: &str, check: &RunwayCheck) -> String {
    if check.runway_days <= 0 {
        return format!(
            "Go-live ({}) is not after today: there is no runway to plan on.",
            date_text(check.go_live)
        );
    }
    if check.short {
        format!(
            "The {title} template plans {} before go-live; {} left.",
            days(check.lead_days),
            if check.runway_days == 1 {
                "1 day is".to_owned()
            } else {
                format!("{} are", check.runway_days)
            }
        )
    } else {
        format!(
            "The {title} template's {} fit in the {} before go-live.",
            days(check.lead_days),
            days(check.runway_days)
        )
    }
}

pub(super) fn keep_consequences(check: &RunwayCheck) -> Vec<String> {
    let mut lines = vec![format!(
        "Critical path {}, {} left.",
        days(check.critical_path_days),
        days(check.runway_days.max(0))
    )];
    if !check.overdue_tasks.is_empty() {
        lines.push(format!(
            "{} would already be overdue.",
            plural(check.overdue_tasks.len(), "task", "tasks")
        ));
    }
    if !check.started_tasks.is_empty() {
        lines.push(format!(
            "{} would have started before today.",
            plural(check.started_tasks.len(), "more task", "more tasks")
        ));
    }
    if !check.past_milestones.is_empty() {
        lines.push(format!(
            "{} in the past: {}.",
            plural(
                check.past_milestones.len(),
                "milestone would be",
                "milestones would be"
            ),
            check.past_milestones.join("; ")
        ));
    }
    if let Some(latest) = check.late_messages.iter().max_by_key(|m| m.days_late) {
        let count = check.late_messages.len();
        lines.push(if count == 1 {
            format!(
                "1 message {} late: “{}” to {}.",
                lateness(latest.days_late),
                latest.message,
                latest.audience
            )
        } else {
            format!(
                "{count} messages late, the latest by {}: “{}” to {}.",
                lateness(latest.days_late),
                latest.message,
                latest.audience
            )
        });
    }
    lines
}

pub(super) fn compress_summary(check: &RunwayCheck) -> String {
    match check.compressed_critical_path_days {
        Some(path) if check.short => format!(
            "Every step keeps its order and shrinks to about {}% of its length: critical path \
             {}, starting today; nothing is dated before today.",
            (check.runway_days * 100 / check.lead_days.max(1)).clamp(1, 100),
            days(path)
        ),
        Some(_) => "The plan fits as drawn: nothing needs compressing.".to_owned(),
        None => "Too short to compress: even a day per task does not fit before go-live. \
                 Move go-live, or keep the template's durations."
            .to_owned(),
    }
}
