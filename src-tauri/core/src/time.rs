//! Timestamps and dates as the store writes them: UTC ISO-8601 text, so they sort as
//! text and read the same in SQLite, PostgreSQL and a JSON bundle.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

pub(crate) fn now() -> DateTime<Utc> {
    Utc::now()
}

pub(crate) fn timestamp_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn parse_timestamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|at| at.with_timezone(&Utc))
}

pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_through_text() {
        let at = now();
        let text = timestamp_text(at);
        assert!(text.ends_with('Z'), "timestamps are written in UTC: {text}");
        let back = parse_timestamp(&text).expect("a written timestamp parses back");
        assert_eq!(timestamp_text(back), text);
    }

    #[test]
    fn dates_accept_only_iso_calendar_dates() {
        assert_eq!(
            parse_date(" 2027-02-01 "),
            NaiveDate::from_ymd_opt(2027, 2, 1)
        );
        assert_eq!(parse_date("2027-02-30"), None, "no 30 February");
        assert_eq!(parse_date("02/01/2027"), None, "US notation is not ISO");
    }
}
