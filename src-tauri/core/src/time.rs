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
    // The store writes exactly `YYYY-MM-DD`: read that directly (chrono's format parser
    // costs more than the rest of reading a row); anything else goes through chrono.
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
            let year = i32::try_from(n(&digits[..4])).ok()?;
            return NaiveDate::from_ymd_opt(year, n(&digits[4..6]), n(&digits[6..]));
        }
    }
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

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
        assert_eq!(parse_date("2027-2-1"), NaiveDate::from_ymd_opt(2027, 2, 1));
        assert_eq!(
            parse_date("2028-02-29"),
            NaiveDate::from_ymd_opt(2028, 2, 29)
        );
        assert_eq!(parse_date("2027-13-01"), None, "no thirteenth month");
        assert_eq!(parse_date("2027-00-10"), None, "no month zero");
    }

    #[test]
    fn the_direct_reading_of_stored_dates_agrees_with_chrono() {
        let mut day = NaiveDate::from_ymd_opt(1999, 12, 25).expect("date");
        while day.year() < 2031 {
            let text = date_text(day);
            assert_eq!(parse_date(&text), Some(day), "{text}");
            day = day.succ_opt().expect("next day");
        }
        for text in [
            "2027-02-29",
            "2027-04-31",
            "0000-01-01",
            "9999-12-31",
            "2027-1a-01",
        ] {
            assert_eq!(
                parse_date(text),
                NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
                "{text} reads as chrono reads it"
            );
        }
    }
}
