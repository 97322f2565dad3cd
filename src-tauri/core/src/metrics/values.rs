//! Reading a measurement's value and date the ways spreadsheets write them.
//!
//! Values: "1,234.5" (commas only as thousands separators — "12,5" is refused rather
//! than guessed), "$1,200" (for a dollar metric), "12%" (for a percentage metric).
//! Whether a plain number for a percentage means points or a fraction is decided per
//! metric over the whole file, in the import (see `import.rs`).
//!
//! Dates: ISO (2026-12-01, 2026/12/01), US month/day/year (12/1/2026, 12/1/26, "Tue
//! 12/1/26"), written out ("Dec 1, 2026", "1 Dec 2026", "1-Dec-26"), and Excel serial
//! numbers (46357), which is what a date cell holds once its date format is lost.

use chrono::{Days, NaiveDate};

use super::MetricUnit;
use crate::plan::parse_import_date;

/// A number read from a cell, and whether it was written with a % sign.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellValue {
    pub number: f64,
    pub percent_sign: bool,
}

/// Reads a value cell for a metric measured in `unit`; `metric` names it in messages.
pub fn parse_value(text: &str, unit: MetricUnit, metric: &str) -> Result<CellValue, String> {
    let original = text.trim();
    if original.is_empty() {
        return Err("the value is empty: leave out the rows that have no value".into());
    }
    let mut text = original.replace(' ', "");
    let percent_sign = text.ends_with('%');
    if percent_sign {
        text.pop();
        if unit != MetricUnit::Percent {
            return Err(format!(
                "'{original}' is a percentage, but {metric} is counted in {}",
                unit.label().to_lowercase()
            ));
        }
    }
    // One minus sign at most: "--5" is a typo, not -5.
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let unsigned = match unsigned.strip_prefix('$') {
        Some(rest) if unit == MetricUnit::Dollars => rest,
        Some(_) => {
            return Err(format!(
                "'{original}' is a dollar amount, but {metric} is counted in {}",
                unit.label().to_lowercase()
            ))
        }
        None => unsigned,
    };
    let digits = without_thousands_separators(unsigned).ok_or_else(|| {
        format!("'{original}' uses a comma that is not a thousands separator: write decimals with a point, such as 12.5")
    })?;
    let well_formed = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    let number: f64 = digits.parse().ok().filter(|_| well_formed).ok_or_else(|| {
        format!(
            "'{original}' is not a number: write the value as a number, such as 12, 12.5 or 1,200"
        )
    })?;
    Ok(CellValue {
        number: if negative { -number } else { number },
        percent_sign,
    })
}

/// "1,234,567.5" without its commas; `None` when a comma is not between groups of three.
fn without_thousands_separators(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_owned());
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    if !(first_ok && rest_ok) || fraction.is_some_and(|f| f.contains(',')) {
        return None;
    }
    let mut joined = groups.concat();
    if let Some(fraction) = fraction {
        joined.push('.');
        joined.push_str(fraction);
    }
    Some(joined)
}

/// Excel's serial day numbers count from 1899-12-30 (it counts a 29 February 1900 that
/// never was, so this epoch is right for every date after March 1900).
const EXCEL_EPOCH: (i32, u32, u32) = (1899, 12, 30);
/// Serials from 1954 to 2119: a bare number outside is not taken for a date.
const EXCEL_SERIALS: std::ops::RangeInclusive<u64> = 20_000..=80_000;

/// Reads a date cell.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("the date is empty".into());
    }
    // The common case first: every other format below is tried only when this fails.
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(date);
    }
    if text.chars().all(|c| c.is_ascii_digit()) {
        let serial: u64 = text
            .parse()
            .map_err(|_| format!("'{text}' is not a date"))?;
        let (y, m, d) = EXCEL_EPOCH;
        return NaiveDate::from_ymd_opt(y, m, d)
            .filter(|_| EXCEL_SERIALS.contains(&serial))
            .and_then(|epoch| epoch.checked_add_days(Days::new(serial)))
            .ok_or_else(|| format!("'{text}' is not a date: write YYYY-MM-DD or month/day/year"));
    }
    // chrono reads "26" as the year 26 under %Y, so the year's width picks the formats.
    let two_digit_year = text
        .rsplit(['-', ' ', ',', '/'])
        .next()
        .is_some_and(|year| year.len() == 2);
    let written_out: &[&str] = if two_digit_year {
        &["%d-%b-%y", "%d %b %y", "%b %d, %y"]
    } else {
        &[
            "%b %d, %Y",
            "%B %d, %Y",
            "%b %d %Y",
            "%d %b %Y",
            "%d %B %Y",
            "%d-%b-%Y",
        ]
    };
    // The slash ISO form needs its four-digit year first, or 12/01/26 would be year 12.
    if text.split('/').next().is_some_and(|year| year.len() == 4) {
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y/%m/%d") {
            return Ok(date);
        }
    }
    if let Some(date) = written_out
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(text, format).ok())
    {
        return Ok(date);
    }
    parse_import_date(text)?.ok_or_else(|| "the date is empty".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, unit: MetricUnit) -> Result<(f64, bool), String> {
        parse_value(text, unit, "Denial rate").map(|v| (v.number, v.percent_sign))
    }

    #[test]
    fn numbers_with_separators_signs_and_units() {
        assert_eq!(value("12%", MetricUnit::Percent), Ok((12.0, true)));
        assert_eq!(value(" 12.5 % ", MetricUnit::Percent), Ok((12.5, true)));
        assert_eq!(value("0.12", MetricUnit::Percent), Ok((0.12, false)));
        assert_eq!(value("1,234.5", MetricUnit::Count), Ok((1234.5, false)));
        assert_eq!(value("$1,200", MetricUnit::Dollars), Ok((1200.0, false)));
        assert_eq!(value("-$35", MetricUnit::Dollars), Ok((-35.0, false)));
        assert_eq!(
            value("1,234,567", MetricUnit::Count),
            Ok((1_234_567.0, false))
        );
    }

    #[test]
    fn what_is_not_a_number_is_refused_saying_why() {
        let refused = |text: &str, unit: MetricUnit| value(text, unit).expect_err(text);
        assert!(refused("n/a", MetricUnit::Count).contains("'n/a' is not a number"));
        assert!(refused("", MetricUnit::Count).contains("empty"));
        assert!(refused("inf", MetricUnit::Count).contains("not a number"));
        assert!(refused("1.2.3", MetricUnit::Count).contains("not a number"));
        assert!(refused("--5", MetricUnit::Count).contains("not a number"));
        assert!(refused("-", MetricUnit::Count).contains("not a number"));
        assert!(refused("12,5", MetricUnit::Minutes).contains("not a thousands separator"));
        assert!(refused("1,23,456", MetricUnit::Count).contains("not a thousands separator"));
        assert_eq!(
            refused("12%", MetricUnit::Minutes),
            "'12%' is a percentage, but Denial rate is counted in minutes"
        );
        assert!(refused("$12", MetricUnit::Percent).contains("is a dollar amount"));
    }

    #[test]
    fn dates_in_the_formats_spreadsheets_use() {
        let dec_1 = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        for text in [
            "2026-12-01",
            "2026/12/01",
            "12/1/2026",
            "12/01/26",
            "Tue 12/1/26",
            "Dec 1, 2026",
            "December 1, 2026",
            "1 Dec 2026",
            "01-Dec-26",
            "46357",
            "2026-12-01 00:00",
        ] {
            assert_eq!(parse_date(text), Ok(dec_1), "{text}");
        }
        assert!(parse_date("13/1/2026").is_err_and(|m| m.contains("is not a date")));
        assert!(
            parse_date("123").is_err_and(|m| m.contains("is not a date")),
            "not a plausible serial"
        );
        assert!(parse_date("").is_err_and(|m| m.contains("empty")));
        assert!(parse_date("next week").is_err());
    }
}
