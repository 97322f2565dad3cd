//! Values and dates as a practice manager reads them in a status reason: "41%",
//! "$1,200", "12 min", "Dec 1".

use chrono::{Datelike, NaiveDate};

use super::MetricUnit;

/// What goes around a number in a unit: "$" before dollars, " min" after minutes, and
/// " day" rather than " days" after exactly one. Data rather than a match in
/// [`value_text`], so that the UI formats values by the same table (generated from it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnitAffixes {
    pub prefix: &'static str,
    pub suffix: &'static str,
    /// The suffix after a value of exactly one.
    pub suffix_one: &'static str,
}

/// How values in `unit` read around their number.
pub(crate) fn unit_affixes(unit: MetricUnit) -> UnitAffixes {
    let (prefix, suffix, suffix_one) = match unit {
        MetricUnit::Percent => ("", "%", "%"),
        MetricUnit::Dollars => ("$", "", ""),
        MetricUnit::Minutes => ("", " min", " min"),
        MetricUnit::Hours => ("", " h", " h"),
        MetricUnit::Days => ("", " days", " day"),
        MetricUnit::Count | MetricUnit::Score => ("", "", ""),
    };
    UnitAffixes {
        prefix,
        suffix,
        suffix_one,
    }
}

/// `value` in its unit, with at most one decimal and thousands separators; the sign
/// goes before a prefix ("-$500").
pub(crate) fn value_text(value: f64, unit: MetricUnit) -> String {
    let affixes = unit_affixes(unit);
    let number = number_text(value);
    let (sign, digits) = match number.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", number.as_str()),
    };
    let suffix = if value == 1.0 {
        affixes.suffix_one
    } else {
        affixes.suffix
    };
    format!("{sign}{}{digits}{suffix}", affixes.prefix)
}

/// A number rounded to one decimal, a trailing ".0" dropped, thousands separated.
pub(crate) fn number_text(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let text = format!("{:.1}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, "0"));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    if fraction == "0" {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// "Dec 1", with the year when it is not `today`'s.
pub(crate) fn date_words(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        date.format("%b %-d").to_string()
    } else {
        date.format("%b %-d, %Y").to_string()
    }
}

/// "Dec 1, 2026", for messages that may be read any day.
pub(crate) fn full_date(date: NaiveDate) -> String {
    date.format("%b %-d, %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_in_their_unit() {
        assert_eq!(value_text(41.0, MetricUnit::Percent), "41%");
        assert_eq!(value_text(12.25, MetricUnit::Percent), "12.3%");
        assert_eq!(value_text(1200.0, MetricUnit::Dollars), "$1,200");
        assert_eq!(value_text(-1234567.5, MetricUnit::Dollars), "-$1,234,567.5");
        assert_eq!(value_text(12.0, MetricUnit::Minutes), "12 min");
        assert_eq!(value_text(1.0, MetricUnit::Days), "1 day");
        assert_eq!(value_text(999.96, MetricUnit::Count), "1,000");
        assert_eq!(value_text(-500.0, MetricUnit::Dollars), "-$500");
        assert_eq!(value_text(-4.5, MetricUnit::Percent), "-4.5%");
        assert_eq!(value_text(2.0, MetricUnit::Days), "2 days");
        assert_eq!(
            value_text(-0.04, MetricUnit::Dollars),
            "$0",
            "no sign on a zero"
        );
    }

    #[test]
    fn dates_carry_the_year_only_when_it_differs() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
        let dec_1 = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let last_year = NaiveDate::from_ymd_opt(2025, 12, 1).expect("date");
        assert_eq!(date_words(dec_1, today), "Dec 1");
        assert_eq!(date_words(last_year, today), "Dec 1, 2025");
    }
}
