//! Every figure of the pinned screens as text: one line per list item, so a change shows
//! up as a readable diff of the golden file.

use std::fmt::Write;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::training::{DueTraining, MatrixFilter, TrainingMatrix};
use crate::Store;

/// How much of the matrix to show: every page, or a few sample pages (a generated
/// workspace has too many people to pin every cell of every filter).
pub(super) enum Pages {
    Whole,
    Samples,
}

pub(super) fn screens(store: &Store, today: NaiveDate, pages: &Pages) -> String {
    let whole = matches!(pages, Pages::Whole);
    let mut out = String::new();
    section(
        &mut out,
        "rollout_statuses",
        &store.rollout_statuses(today).expect("statuses"),
    );
    let rollouts = store.list_rollouts().expect("rollouts");
    let trashed = store.list_trashed_rollouts().expect("trashed");
    for rollout in rollouts.iter().chain(&trashed) {
        let id = rollout.id.as_str();
        let _ = writeln!(out, "\n# {} ({})", rollout.name, id);
        section(
            &mut out,
            "rollout_training_completion",
            &store
                .rollout_training_completion(id, today)
                .expect("completion"),
        );
        section(
            &mut out,
            "rollout_readiness",
            &store.rollout_readiness(id, today).expect("readiness"),
        );
        section(
            &mut out,
            "rollout_overview",
            &store.rollout_overview(id, today).expect("overview"),
        );
        let days: &[u64] = if whole { &[0, 7, 30] } else { &[7] };
        for &days in days {
            due_section(
                &mut out,
                &format!("training_due (this rollout, {days} days)"),
                &store.training_due(Some(id), today, days).expect("due"),
            );
        }
    }

    let mut filters: Vec<(String, MatrixFilter)> =
        vec![("every rollout".into(), MatrixFilter::default())];
    for rollout in rollouts.iter().chain(&trashed) {
        filters.push((
            format!("rollout {}", rollout.name),
            MatrixFilter {
                rollout_id: Some(rollout.id.clone()),
                ..MatrixFilter::default()
            },
        ));
    }
    let roles = store.list_roles().expect("roles");
    for role in roles.iter().take(if whole { usize::MAX } else { 2 }) {
        filters.push((
            format!("role {}", role.name),
            MatrixFilter {
                role_id: Some(role.id.clone()),
                ..MatrixFilter::default()
            },
        ));
    }
    let people = store.list_people(true).expect("people");
    let mut departments: Vec<String> = people.iter().map(|p| p.department.clone()).collect();
    departments.sort();
    departments.dedup();
    for department in departments
        .into_iter()
        .take(if whole { usize::MAX } else { 2 })
    {
        filters.push((
            format!("department '{department}'"),
            MatrixFilter {
                department: Some(department),
                ..MatrixFilter::default()
            },
        ));
    }
    if let (Some(rollout), Some(role)) = (rollouts.last(), roles.first()) {
        filters.push((
            format!("rollout {} and role {}", rollout.name, role.name),
            MatrixFilter {
                rollout_id: Some(rollout.id.clone()),
                role_id: Some(role.id.clone()),
                ..MatrixFilter::default()
            },
        ));
    }
    for (index, (label, filter)) in filters.into_iter().enumerate() {
        // (offset, limit); a limit of 0 asks for the default page.
        let shown: &[(i64, i64)] = match (whole, index) {
            (true, 0) => &[(0, 0), (-3, 7), (7, 7), (1_000, 0)],
            (true, _) => &[(0, 0)],
            (false, 0) => &[(0, 12), (30, 12)],
            (false, _) => &[(5, 8)],
        };
        for &(offset, limit) in shown {
            let filter = MatrixFilter {
                offset,
                limit,
                ..filter.clone()
            };
            matrix_section(
                &mut out,
                &format!("training_matrix ({label}, offset {offset}, limit {limit})"),
                &store.training_matrix(&filter, today).expect("matrix"),
            );
        }
    }

    let days: &[u64] = if whole { &[0, 7, 30, 365] } else { &[0, 30] };
    for &days in days {
        due_section(
            &mut out,
            &format!("training_due (every rollout, {days} days)"),
            &store.training_due(None, today, days).expect("due"),
        );
    }
    for person in people.iter().step_by(if whole { 1 } else { 9 }) {
        due_section(
            &mut out,
            &format!("person_training ({})", person.name),
            &store.person_training(&person.id, today).expect("person"),
        );
    }
    out
}

/// The matrix with one line per person, each cell as `[record status due …]`.
fn matrix_section(out: &mut String, title: &str, matrix: &TrainingMatrix) {
    let _ = writeln!(out, "## {title}");
    let _ = writeln!(
        out,
        "people {}, required {}, done {}, overdue {}",
        matrix.people, matrix.required, matrix.done, matrix.overdue
    );
    lines(
        out,
        0,
        &serde_json::to_value(&matrix.modules).expect("serialisable"),
    );
    for row in &matrix.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|cell| match cell {
                None => "[]".to_owned(),
                Some(c) => format!(
                    "[{} {} due {} {}done {} v{}]",
                    c.record_id,
                    c.status.code(),
                    optional(c.due_date),
                    if c.overdue { "OVERDUE " } else { "" },
                    optional(c.completed_on),
                    c.row_version
                ),
            })
            .collect();
        let _ = writeln!(
            out,
            "- {} {} · {} · {}: {}",
            row.person_id,
            row.name,
            row.role_name.as_deref().unwrap_or("(no role)"),
            row.department,
            cells.join(" ")
        );
    }
}

/// A due list, one line per record.
fn due_section(out: &mut String, title: &str, due: &[DueTraining]) {
    let _ = writeln!(out, "## {title}");
    for d in due {
        let _ = writeln!(
            out,
            "- {} {} {} · {} · {} {} · {} due {} {}done {} v{}",
            d.record_id,
            d.person_id,
            d.person_name,
            d.role_name.as_deref().unwrap_or("(no role)"),
            d.module_id,
            d.module_title,
            d.status.code(),
            d.due_date,
            if d.overdue { "OVERDUE " } else { "" },
            optional(d.completed_on),
            d.row_version
        );
    }
}

fn optional(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "-".to_owned(), |d| d.to_string())
}

/// `## title`, then the value: an object one field a line, a list one item a line.
fn section(out: &mut String, title: &str, value: &impl Serialize) {
    let _ = writeln!(out, "## {title}");
    let value = serde_json::to_value(value).expect("serialisable");
    lines(out, 0, &value);
}

fn lines(out: &mut String, depth: usize, value: &Value) {
    let pad = "  ".repeat(depth);
    match value {
        Value::Array(items) => {
            for item in items {
                let _ = writeln!(out, "{pad}- {item}");
            }
        }
        Value::Object(fields) => {
            for (key, field) in fields {
                match field {
                    Value::Array(items) if !items.is_empty() => {
                        let _ = writeln!(out, "{pad}{key}: {} items", items.len());
                        lines(out, depth + 1, field);
                    }
                    _ => {
                        let _ = writeln!(out, "{pad}{key}: {field}");
                    }
                }
            }
        }
        other => {
            let _ = writeln!(out, "{pad}{other}");
        }
    }
}

/// The text with ids numbered in order of appearance (`<id-1>`, ...) and timestamps
/// blanked: both differ from one run to the next.
pub(super) fn stable(text: &str) -> String {
    let text = super::golden_files::number_ids(text);
    let times =
        regex::Regex::new(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z").expect("pattern");
    times.replace_all(&text, "<time>").into_owned()
}
