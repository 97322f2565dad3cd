//! Reading one cell of an imported plan the ways spreadsheets and MS Project write it:
//! dates, statuses, *% Complete*, milestones and resource cells. Each reader says in
//! words what is wrong with a cell it cannot read; the import names its row and column.

use chrono::NaiveDate;

use super::TaskStatus;

/// A date cell: YYYY-MM-DD (what a spreadsheet's date cells read as), or the US
/// month/day/year a clinic's spreadsheet shows (3/2/2026, 3/2/26, and MS Project's
/// "Mon 3/2/26"). A bare number is an Excel serial date that lost its formatting.
pub(crate) fn parse_import_date(text: &str) -> std::result::Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(format!(
            "'{text}' looks like an Excel serial date: format the column as dates in the \
             spreadsheet, or write YYYY-MM-DD"
        ));
    }
    let without_weekday = match text.split_once(' ') {
        Some((first, rest)) if first.chars().all(char::is_alphabetic) => rest.trim(),
        _ => text,
    };
    let date_part = without_weekday.split_whitespace().next().unwrap_or("");
    // chrono reads "26" as the year 26 under %Y, so the year's width picks the format.
    let two_digit_year = date_part
        .rsplit('/')
        .next()
        .is_some_and(|year| year.len() == 2);
    let format = match (date_part.contains('/'), two_digit_year) {
        (false, _) => "%Y-%m-%d",
        (true, false) => "%m/%d/%Y",
        (true, true) => "%m/%d/%y",
    };
    NaiveDate::parse_from_str(date_part, format)
        .ok()
        .map(Some)
        .ok_or_else(|| {
            format!("'{text}' is not a date: write YYYY-MM-DD or month/day/year (e.g. 3/31/2026)")
        })
}

/// A resource cell as MS Project writes it — `Ana Rivera; Tom Becker`, `Ana
/// Rivera[50%]` — as the owner and everyone else it names. Only `;` separates: a comma
/// is as likely to be "Rivera, Ana".
pub(super) fn split_resources(cell: &str) -> (String, Vec<String>) {
    let mut names = cell
        .split(';')
        .map(|name| match name.find('[') {
            // "[50%]": the share of the person's time, not part of the name.
            Some(at) if name.trim_end().ends_with(']') => name[..at].trim(),
            _ => name.trim(),
        })
        .filter(|name| !name.is_empty())
        .map(str::to_owned);
    let owner = names.next().unwrap_or_default();
    (owner, names.collect())
}

/// Whether a row is a milestone: its *Milestone* column says yes, or its *Duration* is
/// none at all ("0", "0d", "0 days", "0 hrs"), as MS Project marks one.
pub(super) fn is_milestone(milestone: &str, duration: &str) -> bool {
    let flagged = matches!(
        milestone.trim().to_lowercase().as_str(),
        "yes" | "y" | "true" | "1" | "x"
    );
    let number: String = duration
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let zero_length = !number.is_empty() && number.parse::<f64>().is_ok_and(|n| n == 0.0);
    flagged || zero_length
}

/// The status a *% Complete* cell ("45%", "45") gives: 0 to do, 1–99 doing, 100 done.
pub(super) fn status_from_percent(text: &str) -> std::result::Result<TaskStatus, String> {
    let number = text.trim().trim_end_matches('%').trim();
    match number.parse::<f64>() {
        Ok(0.0) => Ok(TaskStatus::Todo),
        Ok(100.0) => Ok(TaskStatus::Done),
        Ok(p) if p > 0.0 && p < 100.0 => Ok(TaskStatus::Doing),
        _ => Err(format!(
            "'{text}' is not a percentage from 0 to 100 (% Complete sets the status)"
        )),
    }
}

pub(super) fn parse_status(text: &str) -> std::result::Result<TaskStatus, String> {
    Ok(match text.to_lowercase().as_str() {
        "" | "todo" | "to do" | "not started" | "open" | "planned" => TaskStatus::Todo,
        "doing" | "in progress" | "started" | "active" => TaskStatus::Doing,
        "blocked" | "on hold" | "waiting" => TaskStatus::Blocked,
        "done" | "complete" | "completed" | "closed" | "100%" => TaskStatus::Done,
        _ => {
            return Err(format!(
                "the status '{text}' is not one of to do, in progress, blocked, done"
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_the_ways_spreadsheets_write_them() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2);
        assert_eq!(parse_import_date("2026-03-02"), Ok(day));
        assert_eq!(parse_import_date("2026-03-02 00:00"), Ok(day));
        assert_eq!(parse_import_date("3/2/2026"), Ok(day));
        assert_eq!(parse_import_date("Mon 3/2/26"), Ok(day));
        assert_eq!(parse_import_date(""), Ok(None));
        assert!(parse_import_date("13/31/2026").is_err_and(|m| m.contains("is not a date")));
        assert!(parse_import_date("46082").is_err_and(|m| m.contains("Excel serial date")));
    }

    #[test]
    fn resource_cells_give_an_owner_and_the_others() {
        let names = |cell: &str| split_resources(cell);
        assert_eq!(names(""), (String::new(), vec![]));
        assert_eq!(names("Ana Rivera[50%]"), ("Ana Rivera".into(), vec![]));
        assert_eq!(
            names(" Ana Rivera ; Tom Becker[25%];"),
            ("Ana Rivera".into(), vec!["Tom Becker".to_owned()])
        );
        assert_eq!(
            names("Rivera, Ana"),
            ("Rivera, Ana".into(), vec![]),
            "a comma is part of a name"
        );
    }

    #[test]
    fn milestones_and_percent_complete_read_as_ms_project_writes_them() {
        assert!(is_milestone("", "0 days"));
        assert!(is_milestone("", "0d"));
        assert!(is_milestone("Yes", "3 days"));
        assert!(!is_milestone("No", "0.5 days"));
        assert!(!is_milestone("", ""));
        assert_eq!(status_from_percent("0%"), Ok(TaskStatus::Todo));
        assert_eq!(status_from_percent("1"), Ok(TaskStatus::Doing));
        assert_eq!(status_from_percent("99.5%"), Ok(TaskStatus::Doing));
        assert_eq!(status_from_percent("100%"), Ok(TaskStatus::Done));
        assert!(status_from_percent("-5%").is_err());
        assert!(status_from_percent("half").is_err());
    }
}
