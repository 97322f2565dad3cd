//! Reading the spreadsheets practice managers are sent — rosters, task lists, metric
//! pulls — as CSV or XLSX, into one plain table of text cells. Each kind of import maps
//! the table's columns to its own fields.

pub mod cells;
mod sheet;
mod table;

pub use table::{parse_table, read_table, Table, TableRow};

/// Finds the column whose header matches one of `names` (ignoring case, spaces, `_`
/// and `-`), so "E-mail", "email" and "Email Address" can all be recognised.
pub fn find_column(headers: &[String], names: &[&str]) -> Option<usize> {
    let normal = |text: &str| {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    names.iter().find_map(|wanted| {
        let wanted = normal(wanted);
        headers.iter().position(|header| normal(header) == wanted)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_matched_loosely() {
        let headers: Vec<String> = ["Full Name", "E-mail", "Job_Title"]
            .map(String::from)
            .into();
        assert_eq!(find_column(&headers, &["name", "full name"]), Some(0));
        assert_eq!(find_column(&headers, &["email"]), Some(1));
        assert_eq!(find_column(&headers, &["role", "job title"]), Some(2));
        assert_eq!(find_column(&headers, &["site"]), None);
    }
}
