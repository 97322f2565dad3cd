//! The current state beside the future state: two maps side by side — two versions of
//! an SOP, or an SOP and the one it replaces — with the steps added, removed, moved and
//! edited marked as the version comparison lines them up (`diff_sops`, the one
//! alignment), and the figures a redesign is judged by, each with its difference
//! ("3 fewer hand-offs"). Everything a screen shows of the comparison is decided here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{process_map, ProcessMap};
use crate::sops::diff::load_version;
use crate::sops::store::revisions::list as list_revisions;
use crate::sops::store::sops::fetch;
use crate::sops::{diff_sops, ChangeKind, Sop, SopStatus};
use crate::{Result, Store};

/// Which map to draw: a version of an SOP, or (no version) the SOP as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MapVersion {
    pub sop_id: String,
    pub version: Option<i64>,
}

/// One map a person can put on either side, named as they would name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MapChoice {
    pub sop_id: String,
    pub version: i64,
    /// "FD-012 version 2 (draft)", "PA-001 version 1 (approved)".
    pub label: String,
}

/// What can be compared from one SOP's page, and the pair shown first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MapChoices {
    /// The SOP whose page the comparison was opened from.
    pub code: String,
    pub title: String,
    /// This SOP's versions, newest first, then those of the SOP it replaces.
    pub choices: Vec<MapChoice>,
    /// The current state: the SOP it replaces as saved, else its previous version.
    pub before: Option<MapChoice>,
    /// The future state: this SOP as saved.
    pub after: Option<MapChoice>,
}

/// A step box marked on one of the two maps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepMark {
    /// The step's number (1-based) on this map: its box is `step-N`.
    pub step: usize,
    pub kind: ChangeKind,
    /// What the mark says on the box: "Added", "Moved from step 2", "Removed".
    pub text: String,
}

/// One of the figures on both sides, and how it changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FigureChange {
    /// "Steps", "Hand-offs between lanes", "Failure points".
    pub label: String,
    pub before: usize,
    pub after: usize,
    /// After less before: negative is fewer.
    pub difference: i64,
    /// "3 fewer hand-offs", "1 more failure point", "the same number of steps".
    pub text: String,
}

/// One side of the comparison: its map, laid out, and its marked steps.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComparedMap {
    pub sop_id: String,
    pub version: i64,
    pub label: String,
    pub map: ProcessMap,
    pub marks: Vec<StepMark>,
}

/// Two maps side by side.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MapComparison {
    pub before: ComparedMap,
    pub after: ComparedMap,
    /// Steps, hand-offs and failure points, in that order.
    pub figures: Vec<FigureChange>,
    /// The figures' differences in one line: "1 more step · 3 fewer hand-offs · ...".
    pub figures_text: String,
    /// What happened to the steps: "1 step added, 2 moved, 1 edited".
    pub changes_text: String,
}

impl Store {
    /// The maps of `before` and `after`, side by side, compared.
    pub fn compare_sop_maps(
        &self,
        before: &MapVersion,
        after: &MapVersion,
    ) -> Result<MapComparison> {
        self.read(|conn| {
            let old = load_version(conn, &before.sop_id, before.version)?;
            let new = load_version(conn, &after.sop_id, after.version)?;
            Ok(compare_maps(&old, &new))
        })
    }

    /// What the SOP `id` can be compared with: its own versions and those of the SOP it
    /// replaces, and the pair to show first.
    pub fn sop_map_choices(&self, id: &str) -> Result<MapChoices> {
        self.read(|conn| {
            let sop = fetch(conn, id)?;
            let own = versions_of(conn, &sop)?;
            let replaced = match sop.replaces.as_deref() {
                // A replaced SOP that was purged since leaves nothing to compare with.
                Some(other) => match fetch(conn, other) {
                    Ok(old) => versions_of(conn, &old)?,
                    Err(crate::CoreError::NotFound { .. }) => Vec::new(),
                    Err(e) => return Err(e),
                },
                None => Vec::new(),
            };
            let after = own.first().cloned();
            let before = replaced.first().or_else(|| own.get(1)).cloned();
            Ok(MapChoices {
                code: sop.code.clone(),
                title: sop.title.clone(),
                choices: own.into_iter().chain(replaced).collect(),
                before,
                after,
            })
        })
    }
}

/// Every version of `sop`, newest first: the working copy when it is not yet approved,
/// then each approved revision.
fn versions_of(conn: &rusqlite::Connection, sop: &Sop) -> Result<Vec<MapChoice>> {
    let revisions = list_revisions(conn, &sop.id)?;
    let mut choices = Vec::with_capacity(revisions.len() + 1);
    if !revisions.iter().any(|r| r.version == sop.version) {
        choices.push(MapChoice {
            sop_id: sop.id.clone(),
            version: sop.version,
            label: version_label(sop, sop.status),
        });
    }
    for revision in revisions {
        let status = if revision.version == sop.version {
            sop.status
        } else {
            SopStatus::Approved
        };
        choices.push(MapChoice {
            sop_id: sop.id.clone(),
            version: revision.version,
            label: version_label(&revision.snapshot, status),
        });
    }
    Ok(choices)
}

/// "FD-012 version 2 (draft)".
fn version_label(sop: &Sop, status: SopStatus) -> String {
    format!(
        "{} version {} ({})",
        sop.code,
        sop.version,
        status.label().to_lowercase()
    )
}

/// The two maps of `before` and `after`, their steps marked and their figures compared.
pub fn compare_maps(before: &Sop, after: &Sop) -> MapComparison {
    let diff = diff_sops(before, after);
    let mut old_marks = Vec::new();
    let mut new_marks = Vec::new();
    let (mut added, mut removed, mut moved, mut edited) = (0, 0, 0, 0);
    for change in &diff.steps {
        let (from, to) = (change.before_number, change.after_number);
        let number = |n: Option<i64>| n.map_or(0, |n| n as usize);
        match change.kind {
            ChangeKind::Unchanged => {}
            ChangeKind::Added => {
                added += 1;
                new_marks.push(mark(number(to), change.kind, "Added".into()));
            }
            ChangeKind::Removed => {
                removed += 1;
                old_marks.push(mark(number(from), change.kind, "Removed".into()));
            }
            ChangeKind::Changed => {
                edited += 1;
                old_marks.push(mark(number(from), change.kind, "Edited".into()));
                new_marks.push(mark(number(to), change.kind, "Edited".into()));
            }
            ChangeKind::Moved | ChangeKind::MovedAndChanged => {
                moved += 1;
                let also = if change.kind == ChangeKind::MovedAndChanged {
                    edited += 1;
                    ", edited"
                } else {
                    ""
                };
                old_marks.push(mark(
                    number(from),
                    change.kind,
                    format!("Moved to step {}{also}", number(to)),
                ));
                new_marks.push(mark(
                    number(to),
                    change.kind,
                    format!("Moved from step {}{also}", number(from)),
                ));
            }
        }
    }
    old_marks.sort_by_key(|m| m.step);
    new_marks.sort_by_key(|m| m.step);

    let old_map = process_map(before);
    let new_map = process_map(after);
    let (a, b) = (old_map.figures, new_map.figures);
    let figures = vec![
        figure("Steps", "step", a.steps, b.steps),
        figure(
            "Hand-offs between lanes",
            "hand-off",
            a.hand_offs,
            b.hand_offs,
        ),
        figure(
            "Failure points",
            "failure point",
            a.failure_points,
            b.failure_points,
        ),
    ];
    let figures_text = figures
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(" · ");
    MapComparison {
        before: ComparedMap {
            sop_id: before.id.clone(),
            version: before.version,
            label: format!(
                "{} {}, version {}",
                before.code, before.title, before.version
            ),
            map: old_map,
            marks: old_marks,
        },
        after: ComparedMap {
            sop_id: after.id.clone(),
            version: after.version,
            label: format!("{} {}, version {}", after.code, after.title, after.version),
            map: new_map,
            marks: new_marks,
        },
        figures,
        figures_text,
        changes_text: changes_text(added, removed, moved, edited),
    }
}

fn mark(step: usize, kind: ChangeKind, text: String) -> StepMark {
    StepMark { step, kind, text }
}

/// A figure on both sides: "3 fewer hand-offs", "1 more step", "the same number of
/// failure points".
fn figure(label: &str, noun: &str, before: usize, after: usize) -> FigureChange {
    let difference = after as i64 - before as i64;
    let comparative = |count: u64, word: &str| {
        let s = if count == 1 { "" } else { "s" };
        format!("{count} {word} {noun}{s}")
    };
    let text = match difference.cmp(&0) {
        std::cmp::Ordering::Equal => format!("the same number of {noun}s"),
        std::cmp::Ordering::Greater => comparative(difference.unsigned_abs(), "more"),
        std::cmp::Ordering::Less => comparative(difference.unsigned_abs(), "fewer"),
    };
    FigureChange {
        label: label.to_owned(),
        before,
        after,
        difference,
        text,
    }
}

/// "1 step added, 2 moved, 1 edited"; "No step added, removed, moved or edited."
fn changes_text(added: usize, removed: usize, moved: usize, edited: usize) -> String {
    let parts: Vec<String> = [
        (added, "added"),
        (removed, "removed"),
        (moved, "moved"),
        (edited, "edited"),
    ]
    .into_iter()
    .filter(|(count, _)| *count > 0)
    .map(|(count, what)| format!("{count} {what}"))
    .collect();
    match parts.split_first() {
        None => "No step added, removed, moved or edited.".to_owned(),
        Some((first, rest)) => {
            let total_is_one = first.starts_with("1 ");
            let first = first.replacen(' ', if total_is_one { " step " } else { " steps " }, 1);
            std::iter::once(first)
                .chain(rest.iter().cloned())
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
