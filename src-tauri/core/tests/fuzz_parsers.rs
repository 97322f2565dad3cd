//! The cell readers every import goes through — dates, numbers, percentages, dollar
//! amounts — fed arbitrary text: they answer with a value or a message, never a panic.
//! Where a value can be written and read back (a number as the app shows it, a date in
//! each format a spreadsheet uses) it reads back as itself.

// A test fails by panicking: unwrapping what must be there is how it says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fuzz_common;

use chrono::{Days, NaiveDate};
use fuzz_common::config;
use proptest::prelude::*;
use rollplan_core::import::cells::{
    iso_date, measurement_date, measurement_value, number_text, task_date, value_text,
};
use rollplan_core::metrics::MetricUnit;

const UNITS: [MetricUnit; 7] = [
    MetricUnit::Percent,
    MetricUnit::Count,
    MetricUnit::Minutes,
    MetricUnit::Hours,
    MetricUnit::Days,
    MetricUnit::Dollars,
    MetricUnit::Score,
];

/// Text that looks like what spreadsheets put in date and number cells, plus anything.
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{0,12}",
        "[-0-9/ ,.$%]{0,24}",
        "[A-Za-z]{0,9} ?[0-9]{0,4}[-/ ,.]{0,2}[0-9]{0,4}[-/ ,.]{0,2}[0-9]{0,5}",
        "(Mon|Tue|Dec|December|[0-9]{1,2})[ -/][0-9]{1,2}[ ,/-]{1,2}[0-9]{1,6}",
        "-?\\$?[0-9]{0,4}(,[0-9]{0,4}){0,3}(\\.[0-9]{0,3})? ?%?",
    ]
}

/// Every day from year 1000 to 9999, where four-digit years keep their meaning.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1000, 1, 1).expect("date");
    (0u64..3_287_182).prop_map(move |offset| first + Days::new(offset))
}

proptest! {
    #![proptest_config(config(3_000))]

    #[test]
    fn no_cell_text_makes_a_reader_panic(text in cell_text()) {
        if let Err(message) = task_date(&text) {
            prop_assert!(!message.is_empty(), "a refused date says why");
        }
        if let Err(message) = measurement_date(&text) {
            prop_assert!(!message.is_empty(), "a refused date says why");
        }
        for unit in UNITS {
            match measurement_value(&text, unit, "No-show rate") {
                Ok(cell) => prop_assert!(
                    !cell.number.is_nan(),
                    "a read value is a number, never NaN: {text:?} gave {}", cell.number
                ),
                Err(message) => prop_assert!(!message.is_empty(), "a refused value says why"),
            }
        }
        let _ = iso_date(&text);
    }

    #[test]
    fn a_number_as_the_app_shows_it_reads_back(value in -1.0e12f64..1.0e12) {
        let shown = number_text(value);
        let cell = measurement_value(&shown, MetricUnit::Count, "Visits")
            .map_err(|m| TestCaseError::fail(format!("{shown:?} is refused: {m}")))?;
        let rounded = (value * 10.0).round() / 10.0;
        prop_assert!(
            (cell.number - rounded).abs() <= 1e-6 * rounded.abs().max(1.0),
            "{value} is shown as {shown:?}, which reads back as {}", cell.number
        );
        for unit in [MetricUnit::Percent, MetricUnit::Dollars, MetricUnit::Count, MetricUnit::Score] {
            let shown = value_text(value, unit);
            let cell = measurement_value(&shown, unit, "Visits")
                .map_err(|m| TestCaseError::fail(format!("{shown:?} ({unit:?}) is refused: {m}")))?;
            prop_assert!(
                (cell.number - rounded).abs() <= 1e-6 * rounded.abs().max(1.0),
                "{value} in {unit:?} is shown as {shown:?}, which reads back as {}", cell.number
            );
            prop_assert_eq!(cell.percent_sign, unit == MetricUnit::Percent);
        }
    }

    #[test]
    fn a_date_written_the_ways_spreadsheets_write_it_reads_back(date in any_date()) {
        for format in ["%Y-%m-%d", "%m/%d/%Y", "%-m/%-d/%Y", "%a %-m/%-d/%Y"] {
            let text = date.format(format).to_string();
            prop_assert_eq!(task_date(&text), Ok(Some(date)), "task date {}", text);
            prop_assert_eq!(measurement_date(&text), Ok(date), "measurement date {}", text);
        }
        for format in ["%Y/%m/%d", "%b %-d, %Y", "%B %-d, %Y", "%d %b %Y", "%-d-%b-%Y"] {
            let text = date.format(format).to_string();
            prop_assert_eq!(measurement_date(&text), Ok(date), "measurement date {}", text);
        }
        prop_assert_eq!(iso_date(&date.format("%Y-%m-%d").to_string()), Some(date));
    }

    #[test]
    fn two_digit_years_and_excel_serials_read_back(offset in 0u64..60_000) {
        // Excel's serial 20,000 is 1954-10-03; two-digit years are 1970-2069 (POSIX, as chrono reads them).
        let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("epoch");
        let date = epoch + Days::new(20_000 + offset);
        let serial = (20_000 + offset).to_string();
        prop_assert_eq!(measurement_date(&serial), Ok(date), "Excel serial {}", serial);
        if (1970..=2069).contains(&chrono::Datelike::year(&date)) {
            for format in ["%m/%d/%y", "%a %-m/%-d/%y"] {
                let text = date.format(format).to_string();
                prop_assert_eq!(task_date(&text), Ok(Some(date)), "task date {}", text);
            }
            for format in ["%d-%b-%y", "%m/%d/%y"] {
                let text = date.format(format).to_string();
                prop_assert_eq!(measurement_date(&text), Ok(date), "measurement date {}", text);
            }
        }
    }
}
