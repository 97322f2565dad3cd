//! What changed between two versions of an SOP: its fields, and its steps and
//! exceptions as added, removed, changed or moved — the way a reviewer reads a change.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::store::fetch;
use super::{Sop, SopException, Step};
use crate::time::date_text;
use crate::{CoreError, Result, Store};

/// One field that differs, with both values as the person sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldDifference {
    pub label: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Unchanged,
    Added,
    Removed,
    Changed,
    /// The same content at another position.
    Moved,
}

/// One step in the comparison, numbered as in each version (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepChange {
    pub kind: ChangeKind,
    pub before_number: Option<i64>,
    pub after_number: Option<i64>,
    pub before: Option<Step>,
    pub after: Option<Step>,
}

/// One exception in the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExceptionChange {
    pub kind: ChangeKind,
    pub before: Option<SopException>,
    pub after: Option<SopException>,
}

/// Two versions of an SOP compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SopDiff {
    pub from_version: i64,
    pub to_version: i64,
    pub fields: Vec<FieldDifference>,
    /// Every step of both versions in reading order, unchanged ones included for context.
    pub steps: Vec<StepChange>,
    pub exceptions: Vec<ExceptionChange>,
}

impl SopDiff {
    /// True when the two versions say the same thing.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
            && self.steps.iter().all(|s| s.kind == ChangeKind::Unchanged)
            && self
                .exceptions
                .iter()
                .all(|e| e.kind == ChangeKind::Unchanged)
    }
}

impl Store {
    /// Compares two versions of an SOP: approved revisions, or the working copy when it
    /// is the version asked for.
    pub fn compare_sop_versions(&self, sop_id: &str, from: i64, to: i64) -> Result<SopDiff> {
        self.read(|conn| {
            let working = fetch(conn, sop_id)?;
            let version = |number: i64| -> Result<Sop> {
                let snapshot: Option<String> = conn
                    .query_row(
                        "SELECT snapshot FROM sop_revisions WHERE sop_id = ?1 AND version = ?2",
                        params![sop_id, number],
                        |row| row.get(0),
                    )
                    .optional()?;
                match snapshot {
                    Some(json) => serde_json::from_str(&json).map_err(|e| {
                        CoreError::Database(format!("revision {number} cannot be read: {e}"))
                    }),
                    None if number == working.version => Ok(working.clone()),
                    None => Err(CoreError::invalid(
                        "version",
                        format!("{} has no version {number}.", working.code),
                    )),
                }
            };
            Ok(diff_sops(&version(from)?, &version(to)?))
        })
    }
}

/// Compares two versions of an SOP.
pub fn diff_sops(before: &Sop, after: &Sop) -> SopDiff {
    let date = |d: Option<chrono::NaiveDate>| d.map(date_text).unwrap_or_default();
    let field_pairs = [
        ("Code", before.code.clone(), after.code.clone()),
        ("Title", before.title.clone(), after.title.clone()),
        ("Purpose", before.purpose.clone(), after.purpose.clone()),
        ("Scope", before.scope.clone(), after.scope.clone()),
        ("Owner", before.owner.clone(), after.owner.clone()),
        (
            "Status",
            before.status.label().to_owned(),
            after.status.label().to_owned(),
        ),
        (
            "Effective date",
            date(before.effective_date),
            date(after.effective_date),
        ),
        (
            "Review every (months)",
            before.review_interval_months.to_string(),
            after.review_interval_months.to_string(),
        ),
        ("Tags", before.tags.join(", "), after.tags.join(", ")),
    ];
    let fields = field_pairs
        .into_iter()
        .filter(|(_, b, a)| b != a)
        .map(|(label, before, after)| FieldDifference {
            label: label.to_owned(),
            before,
            after,
        })
        .collect();
    let steps = align(&before.steps, &after.steps)
        .into_iter()
        .map(|entry| StepChange {
            kind: entry.kind,
            before_number: entry.before.map(|(i, _)| i as i64 + 1),
            after_number: entry.after.map(|(i, _)| i as i64 + 1),
            before: entry.before.map(|(_, s)| s.clone()),
            after: entry.after.map(|(_, s)| s.clone()),
        })
        .collect();
    let exceptions = align(&before.exceptions, &after.exceptions)
        .into_iter()
        .map(|entry| ExceptionChange {
            kind: entry.kind,
            before: entry.before.map(|(_, e)| e.clone()),
            after: entry.after.map(|(_, e)| e.clone()),
        })
        .collect();
    SopDiff {
        from_version: before.version,
        to_version: after.version,
        fields,
        steps,
        exceptions,
    }
}

/// One row of an alignment: an item of the old list, of the new list, or both.
struct Aligned<'a, T> {
    kind: ChangeKind,
    before: Option<(usize, &'a T)>,
    after: Option<(usize, &'a T)>,
}

/// Lines two lists up: items equal in both (the longest common subsequence) are
/// unchanged; between two of those, old and new items pair up as changed and the rest
/// are removed or added; an added item equal to a removed one is a move.
fn align<'a, T: PartialEq>(old: &'a [T], new: &'a [T]) -> Vec<Aligned<'a, T>> {
    // lengths[i][j]: the longest common subsequence of old[i..] and new[j..].
    let mut lengths = vec![vec![0usize; new.len() + 1]; old.len() + 1];
    for i in (0..old.len()).rev() {
        for j in (0..new.len()).rev() {
            lengths[i][j] = if old[i] == new[j] {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    let flush =
        |rows: &mut Vec<Aligned<'a, T>>, removed: &mut Vec<usize>, added: &mut Vec<usize>| {
            let paired = removed.len().min(added.len());
            for (&r, &a) in removed.iter().zip(added.iter()) {
                rows.push(Aligned {
                    kind: ChangeKind::Changed,
                    before: Some((r, &old[r])),
                    after: Some((a, &new[a])),
                });
            }
            for &r in &removed[paired..] {
                rows.push(Aligned {
                    kind: ChangeKind::Removed,
                    before: Some((r, &old[r])),
                    after: None,
                });
            }
            for &a in &added[paired..] {
                rows.push(Aligned {
                    kind: ChangeKind::Added,
                    before: None,
                    after: Some((a, &new[a])),
                });
            }
            removed.clear();
            added.clear();
        };
    while i < old.len() || j < new.len() {
        if i < old.len() && j < new.len() && old[i] == new[j] {
            flush(&mut rows, &mut removed, &mut added);
            rows.push(Aligned {
                kind: ChangeKind::Unchanged,
                before: Some((i, &old[i])),
                after: Some((j, &new[j])),
            });
            i += 1;
            j += 1;
        } else if j < new.len() && (i == old.len() || lengths[i][j + 1] >= lengths[i + 1][j]) {
            added.push(j);
            j += 1;
        } else {
            removed.push(i);
            i += 1;
        }
    }
    flush(&mut rows, &mut removed, &mut added);
    mark_moves(rows)
}

/// Turns an added item whose exact content was removed elsewhere into one move.
fn mark_moves<T: PartialEq>(mut rows: Vec<Aligned<'_, T>>) -> Vec<Aligned<'_, T>> {
    let mut index = 0;
    while index < rows.len() {
        if rows[index].kind == ChangeKind::Added {
            let content = rows[index].after.map(|(_, item)| item);
            let twin = rows.iter().position(|row| {
                row.kind == ChangeKind::Removed && row.before.map(|(_, item)| item) == content
            });
            if let Some(twin) = twin {
                rows[index].kind = ChangeKind::Moved;
                rows[index].before = rows[twin].before;
                rows.remove(twin);
                if twin < index {
                    continue; // rows[index] is now the next row
                }
            }
        }
        index += 1;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(old: &[&str], new: &[&str]) -> Vec<(ChangeKind, Option<usize>, Option<usize>)> {
        align(old, new)
            .into_iter()
            .map(|row| {
                (
                    row.kind,
                    row.before.map(|(i, _)| i),
                    row.after.map(|(i, _)| i),
                )
            })
            .collect()
    }

    use ChangeKind::*;

    #[test]
    fn identical_lists_are_unchanged() {
        assert_eq!(
            kinds(&["a", "b"], &["a", "b"]),
            [(Unchanged, Some(0), Some(0)), (Unchanged, Some(1), Some(1))]
        );
    }

    #[test]
    fn an_edited_item_between_equal_ones_is_changed() {
        assert_eq!(
            kinds(&["a", "b", "c"], &["a", "B", "c"]),
            [
                (Unchanged, Some(0), Some(0)),
                (Changed, Some(1), Some(1)),
                (Unchanged, Some(2), Some(2))
            ]
        );
    }

    #[test]
    fn inserted_and_deleted_items_are_added_and_removed() {
        assert_eq!(
            kinds(&["a", "c"], &["a", "b", "c", "d"]),
            [
                (Unchanged, Some(0), Some(0)),
                (Added, None, Some(1)),
                (Unchanged, Some(1), Some(2)),
                (Added, None, Some(3))
            ]
        );
        assert_eq!(
            kinds(&["a", "b", "c"], &["a", "c"]),
            [
                (Unchanged, Some(0), Some(0)),
                (Removed, Some(1), None),
                (Unchanged, Some(2), Some(1))
            ]
        );
    }

    #[test]
    fn a_reordered_item_is_one_move() {
        let rows = kinds(&["a", "b", "c"], &["b", "c", "a"]);
        assert_eq!(
            rows,
            [
                (Unchanged, Some(1), Some(0)),
                (Unchanged, Some(2), Some(1)),
                (Moved, Some(0), Some(2))
            ]
        );
    }

    #[test]
    fn empty_lists_compare_cleanly() {
        assert!(kinds(&[], &[]).is_empty());
        assert_eq!(kinds(&[], &["a"]), [(Added, None, Some(0))]);
        assert_eq!(kinds(&["a"], &[]), [(Removed, Some(0), None)]);
    }
}
