//! `sops list`.

use chrono::NaiveDate;
use rollplan_core::{CoreError, Store};

use crate::output::{print_json, print_table};

pub fn list(
    store: &Store,
    due_within: Option<u64>,
    json: bool,
    today: NaiveDate,
) -> Result<(), CoreError> {
    let sops = match due_within {
        Some(days) => store.sops_due_for_review(today, days)?,
        None => store.list_sops()?,
    };
    if json {
        return print_json(&sops);
    }
    if sops.is_empty() {
        println!(
            "{}",
            if due_within.is_some() {
                "No SOPs due for review."
            } else {
                "No SOPs."
            }
        );
        return Ok(());
    }
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let rows: Vec<Vec<String>> = sops
        .iter()
        .map(|s| {
            let review = match s.next_review_date {
                Some(d) if d < today => format!("{d} (overdue)"),
                other => date(other),
            };
            vec![
                s.code.clone(),
                s.title.clone(),
                format!("{} v{}", s.status.label(), s.version),
                date(s.effective_date),
                review,
                s.owner.clone(),
            ]
        })
        .collect();
    print_table(
        &[
            "CODE",
            "TITLE",
            "STATUS",
            "EFFECTIVE",
            "NEXT REVIEW",
            "OWNER",
        ],
        &rows,
    );
    Ok(())
}
