//! Reading the spreadsheets practice managers are sent — rosters, task lists, metric
//! pulls — as CSV or XLSX, into one plain table of text cells. Each kind of import maps
//! the table's columns to its own fields.

pub mod cells;
mod problems;
mod sheet;
mod table;
mod text;
mod xls_extent;

pub(crate) use problems::describe_problems;
pub use problems::{ImportProblem, ImportProblems, PROBLEMS_LISTED};
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

    #[test]
    fn an_old_xls_is_read_and_one_too_large_is_refused_before_it_is_expanded() {
        let table = parse_table("staff.xls", xls_extent::tests::a_small_staff_list())
            .expect("a small .xls reads");
        assert_eq!(table.headers, ["Name", "Hours"], "the header row");
        assert_eq!(table.rows.len(), 1, "one person");
        assert_eq!(table.rows[0].cells[0], "Dana Reyes");

        let refused = parse_table(
            "staff.xls",
            xls_extent::tests::a_list_with_a_stray_value_far_away(),
        )
        .expect_err("a sheet of sixteen million cells is refused");
        let message = refused.to_string();
        assert!(
            message.contains("staff.xls") && message.contains("65,536 rows × 256 columns"),
            "the refusal names the file and its size: {message}"
        );
    }
}
