//! Escaping of user-typed text for each output format, and the few ways a report writes
//! dates and values. Every renderer goes through these, so an escape is fixed in one place.

use chrono::NaiveDate;

pub(crate) use crate::metrics::format::value_text;

/// Text safe inside HTML elements and double-quoted attributes (and inline SVG).
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text safe inside a Markdown paragraph or table cell: Markdown punctuation is
/// backslash-escaped (so `*`, `_`, backticks and a leading `#` stay literal), `<` and `>`
/// become entities (so typed HTML is shown, never rendered), and line breaks become
/// `<br>` so a multi-line note cannot break a table row.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim();
    for (i, c) in text.char_indices() {
        match c {
            // A bare "&" reads as itself; only one that would start an entity ("&copy;")
            // is escaped, so "Riverside & Northgate" stays readable as plain text.
            '&' if starts_entity(&text[i + 1..]) => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => {}
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    // A line that starts with "1." or "-" or "+" would become a list.
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// Whether the text after an `&` would make it an HTML entity: a name or `#` number
/// followed by `;`.
fn starts_entity(rest: &str) -> bool {
    let body = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .count();
    body > 0 && rest[body..].starts_with(';')
}

/// A spreadsheet cell that cannot run as a formula: text starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading apostrophe (OWASP's advice for CSV
/// injection), which spreadsheets show as plain text.
pub fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// "Mar 1, 2027": unambiguous wherever the report is read.
pub fn date_long(date: NaiveDate) -> String {
    crate::metrics::format::full_date(date)
}

/// `date_long`, or a dash for no date.
pub fn date_or_dash(date: Option<NaiveDate>) -> String {
    date.map(date_long).unwrap_or_else(|| "—".to_owned())
}

/// ISO `YYYY-MM-DD`, for machine-readable cells.
pub fn date_iso(date: NaiveDate) -> String {
    crate::time::date_text(date)
}

/// "in 12 days", "today", "3 days ago".
pub fn countdown(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        -1 => "yesterday".to_owned(),
        d if d > 0 => format!("in {d} days"),
        d => format!("{} days ago", -d),
    }
}

/// "Yes" or "No".
pub fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escape_neutralises_markup_and_attribute_breakouts() {
        assert_eq!(
            html_escape(r#""><script>alert('x')</script>"#),
            "&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn markdown_escape_keeps_user_text_literal() {
        assert_eq!(markdown_escape("# Not a heading"), "\\# Not a heading");
        assert_eq!(
            markdown_escape("a | b"),
            "a \\| b",
            "a pipe must not split a table cell"
        );
        assert_eq!(
            markdown_escape("*bold* _it_ `code`"),
            "\\*bold\\* \\_it\\_ \\`code\\`"
        );
        assert_eq!(
            markdown_escape("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            markdown_escape("line one\nline two"),
            "line one<br>line two"
        );
        assert_eq!(markdown_escape("- not a list"), "\\- not a list");
        assert_eq!(markdown_escape("1. not a list"), "1\\. not a list");
    }

    #[test]
    fn spreadsheet_safe_defuses_formulas_only() {
        for formula in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(
                spreadsheet_safe(formula).starts_with('\''),
                "{formula:?} must be defused"
            );
        }
        assert_eq!(spreadsheet_safe("Go-live at 7am"), "Go-live at 7am");
    }

    #[test]
    fn countdown_reads_naturally() {
        assert_eq!(countdown(12), "in 12 days");
        assert_eq!(countdown(0), "today");
        assert_eq!(countdown(-3), "3 days ago");
    }
}
