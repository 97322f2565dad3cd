//! Reading an exception's time limit ("within") as the arrow shows it: a duration
//! ("15 minutes", "2 h", "1 business day") or a plain limit ("immediately", "same
//! day") is shown as "within 15 minutes" / "immediately"; anything else is shown as
//! written and flagged, so a limit nobody can measure is noticed before it is needed.

use serde::Serialize;
use ts_rs::TS;

/// An exception's time limit as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TimeLimit {
    /// What the arrow says: "within 15 minutes", "immediately", or the text as written.
    pub label: String,
    /// Minutes, for a duration in minutes, hours or days (a business day counts as a
    /// calendar day here: the label keeps the words); `None` for "same day" and for a
    /// limit that is not a duration.
    pub minutes: Option<i64>,
    /// False when the text is not a time limit Rollplan can read ("when possible").
    pub readable: bool,
}

/// Words that mean "at once" or a fixed point in the day, read as limits.
const PLAIN_LIMITS: [&str; 8] = [
    "immediately",
    "at once",
    "now",
    "same day",
    "same business day",
    "next business day",
    "end of day",
    "same shift",
];

/// The time limit `within` states; `None` when it is blank.
pub fn read_time_limit(within: &str) -> Option<TimeLimit> {
    let written = within.split_whitespace().collect::<Vec<_>>().join(" ");
    if written.is_empty() {
        return None;
    }
    let lower = written.to_lowercase();
    let bare = lower.strip_prefix("within ").unwrap_or(&lower).trim();
    if PLAIN_LIMITS.contains(&bare) {
        let label = if bare.starts_with("same") || matches!(bare, "immediately" | "at once" | "now")
        {
            bare.to_owned()
        } else {
            format!("by {bare}")
        };
        return Some(TimeLimit {
            minutes: matches!(bare, "immediately" | "at once" | "now").then_some(0),
            label,
            readable: true,
        });
    }
    match duration_minutes(bare) {
        Some(minutes) => Some(TimeLimit {
            label: format!("within {bare}"),
            minutes: Some(minutes),
            readable: true,
        }),
        None => Some(TimeLimit {
            label: written,
            minutes: None,
            readable: false,
        }),
    }
}

/// "15 minutes", "2 h", "1.5 hours", "1 business day", "2 weeks" in minutes.
fn duration_minutes(text: &str) -> Option<i64> {
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let amount: f64 = number.trim().parse().ok()?;
    let unit = unit.trim();
    let unit = unit
        .strip_prefix("business ")
        .or_else(|| unit.strip_prefix("working "))
        .unwrap_or(unit);
    let per_unit = match unit {
        "m" | "min" | "mins" | "minute" | "minutes" => 1.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
        "d" | "day" | "days" => 24.0 * 60.0,
        "w" | "wk" | "wks" | "week" | "weeks" => 7.0 * 24.0 * 60.0,
        _ => return None,
    };
    (amount > 0.0 && amount.is_finite()).then(|| (amount * per_unit).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_plain_limits_read_and_others_are_flagged() {
        let read = |t: &str| read_time_limit(t).expect("a limit");
        assert_eq!(read("15 minutes").label, "within 15 minutes");
        assert_eq!(read("15 minutes").minutes, Some(15));
        assert_eq!(read("2 h").minutes, Some(120), "hours abbreviated");
        assert_eq!(read("1 business day").minutes, Some(1440));
        assert_eq!(read("Within 2 hours").label, "within 2 hours");
        assert_eq!(read("Immediately").label, "immediately");
        assert_eq!(read("Same day").label, "same day");
        assert!(
            read("Same day").readable,
            "same day is a limit a person can keep"
        );
        let vague = read("as soon as possible");
        assert!(
            !vague.readable,
            "a limit that cannot be measured is flagged"
        );
        assert_eq!(vague.label, "as soon as possible", "drawn as written");
        assert!(!read("0 minutes").readable, "a zero duration is no limit");
        assert_eq!(read_time_limit("  "), None, "a blank limit draws nothing");
    }
}
