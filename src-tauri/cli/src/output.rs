//! What the CLI prints for people, and its JSON for scripts.

use chrono::NaiveDate;
use rollplan_core::check::CheckReport;
use rollplan_core::rollouts::Rollout;
use rollplan_core::CoreError;
use serde::Serialize;

use crate::args::flag_for_field;

/// `println!` for everything the CLI prints to standard output, which ends the program
/// quietly when whoever reads it has gone (`rollplan-cli sops list | head`): Rust's own
/// `println!` panics with a backtrace there, as it ignores the pipe signal.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::write_line(format_args!($($arg)*))
    };
}
pub(crate) use say;

/// Writes one line to standard output. A reader that closed the pipe has all it wanted:
/// exit at once, successfully and silently. Any other failure to write (a full disk
/// behind a redirect) is said on standard error, with the internal-fault exit code.
pub fn write_line(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_fmt(line)
        .and_then(|()| stdout.write_all(b"\n"));
    match written {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(error) => {
            eprintln!("Could not write the output: {error}");
            std::process::exit(2)
        }
    }
}

pub fn print_json<T: Serialize>(value: &T) -> Result<(), CoreError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CoreError::Database(format!("cannot encode JSON: {e}")))?;
    say!("{text}");
    Ok(())
}

/// One line per rollout in aligned columns.
pub fn print_rollouts(rollouts: &[Rollout], today: NaiveDate) {
    if rollouts.is_empty() {
        say!("No rollouts.");
        return;
    }
    let rows: Vec<Vec<String>> = rollouts
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                r.kind.label().to_owned(),
                r.phase.label().to_owned(),
                go_live_text(r, today),
                r.owner.clone(),
                r.id.clone(),
            ]
        })
        .collect();
    print_table(&["NAME", "KIND", "PHASE", "GO-LIVE", "OWNER", "ID"], &rows);
}

/// Prints rows under a header in columns as wide as their widest cell.
pub fn print_table(header: &[&str], rows: &[Vec<String>]) {
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &width)| format!("{cell:<width$}"))
            .collect();
        say!("{}", cells.join("  ").trim_end());
    }
}

fn go_live_text(rollout: &Rollout, today: NaiveDate) -> String {
    match (rollout.go_live_date, rollout.days_to_go_live(today)) {
        (Some(date), Some(days)) if days > 0 => format!("{date} (in {days} d)"),
        (Some(date), Some(0)) => format!("{date} (today)"),
        (Some(date), Some(days)) => format!("{date} ({} d ago)", -days),
        _ => "—".to_owned(),
    }
}

pub fn print_check(report: &CheckReport) {
    say!(
        "Database:       {}",
        report.path.as_deref().unwrap_or("(in memory)")
    );
    say!(
        "Schema version: {} (this version of Rollplan writes {})",
        report.schema_version,
        report.supported_schema_version
    );
    if report.integrity_problems.is_empty() {
        say!("Integrity:      ok");
    } else {
        say!(
            "Integrity:      {} problem(s)",
            report.integrity_problems.len()
        );
        for problem in &report.integrity_problems {
            say!("  - {problem}");
        }
    }
    say!(
        "Foreign keys:   {} violation(s)",
        report.foreign_key_violations
    );
    for orphans in &report.orphaned_rows {
        say!("  - {}: {}", orphans.table, orphans.summary);
        say!("    {}", orphans.row_ids.join(", "));
    }
    if !report.orphaned_rows.is_empty() {
        say!("  `rollplan-cli repair` fixes these after backing the database up.");
    }
    say!(
        "{}",
        if report.is_healthy() {
            "Healthy."
        } else {
            "NOT healthy."
        }
    );
}

/// The stderr line(s) for an error; validation errors name the flag to fix.
pub fn describe_error(error: &CoreError) -> String {
    match error {
        CoreError::Validation(fields) => fields
            .iter()
            .map(|f| match flag_for_field(&f.field) {
                Some(flag) => format!("error: {flag}: {}", f.message),
                None => format!("error: {}: {}", f.field, f.message),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        other => format!("error: {other}"),
    }
}
