//! The side-by-side comparison worked through by hand: a paper check-in redesigned
//! around a kiosk, whose marks and figures are counted here one by one.

use super::*;
use crate::sops::{SopStatus, Step};

fn sop(code: &str, version: i64, steps: &[(&str, &str, &str)]) -> Sop {
    Sop {
        id: format!("{code}-id"),
        code: code.into(),
        title: "Patient check-in".into(),
        purpose: String::new(),
        scope: String::new(),
        owner: String::new(),
        status: SopStatus::Draft,
        version,
        effective_date: None,
        review_interval_months: 12,
        next_review_override: None,
        last_reviewed_on: None,
        next_review_date: None,
        approved_version: None,
        tags: Vec::new(),
        steps: steps
            .iter()
            .map(|(role, instruction, check)| Step {
                id: String::new(),
                role: (*role).into(),
                instruction: (*instruction).into(),
                quality_check: (*check).into(),
            })
            .collect(),
        exceptions: Vec::new(),
        replaces: None,
        row_version: 1,
    }
}

const GREET: (&str, &str, &str) = (
    "Front desk",
    "Greet the patient and hand over the paper forms.",
    "",
);
const VERIFY: (&str, &str, &str) = (
    "Biller",
    "Verify eligibility with the payer.",
    "Stop the line if coverage is inactive.",
);
const COPAY: (&str, &str, &str) = ("Front desk", "Collect the copay.", "");
const ROOM: (&str, &str, &str) = ("MA", "Room the patient.", "");

/// Six steps across four lanes: front desk, front desk, biller, front desk, medical
/// records, MA — four hand-offs — and two checks.
fn paper() -> Sop {
    sop(
        "FD-001",
        1,
        &[
            GREET,
            (
                "Front desk",
                "Copy the insurance card.",
                "Stop the line if the card is unreadable.",
            ),
            VERIFY,
            COPAY,
            (
                "Medical records",
                "Scan the paper forms into the chart.",
                "",
            ),
            ROOM,
        ],
    )
}

/// The copay first, the greeting reworded for the kiosk, the card copy and the scan
/// gone, the kiosk's summary printed: front desk, front desk, biller, front desk, MA —
/// three hand-offs — and one check.
fn kiosk() -> Sop {
    sop(
        "FD-002",
        1,
        &[
            COPAY,
            (
                "Front desk",
                "Greet the patient and point them to the kiosk.",
                "",
            ),
            VERIFY,
            ("Front desk", "Print the kiosk's summary for the MA.", ""),
            ROOM,
        ],
    )
}

fn marks(side: &ComparedMap) -> Vec<(usize, ChangeKind, &str)> {
    side.marks
        .iter()
        .map(|m| (m.step, m.kind, m.text.as_str()))
        .collect()
}

#[test]
fn the_kiosk_redesign_marks_each_changed_step_on_its_own_map() {
    let comparison = compare_maps(&paper(), &kiosk());
    assert_eq!(
        marks(&comparison.before),
        vec![
            (1, ChangeKind::Changed, "Edited"),
            (2, ChangeKind::Removed, "Removed"),
            (4, ChangeKind::Moved, "Moved to step 1"),
            (5, ChangeKind::Removed, "Removed"),
        ],
        "the current state marks what was edited, removed and moved away, by its own numbers"
    );
    assert_eq!(
        marks(&comparison.after),
        vec![
            (1, ChangeKind::Moved, "Moved from step 4"),
            (2, ChangeKind::Changed, "Edited"),
            (4, ChangeKind::Added, "Added"),
        ],
        "the future state marks what was moved in, edited and added"
    );
    assert_eq!(
        comparison.changes_text, "1 step added, 2 removed, 1 moved, 1 edited",
        "the steps' changes in one line"
    );
    for side in [&comparison.before, &comparison.after] {
        for mark in &side.marks {
            assert!(
                side.map.node(&format!("step-{}", mark.step)).is_some(),
                "every mark names a step box of its own map ({})",
                mark.text
            );
        }
    }
}

#[test]
fn the_kiosk_redesign_has_one_fewer_hand_off_and_failure_point() {
    let comparison = compare_maps(&paper(), &kiosk());
    let figures: Vec<(&str, usize, usize, i64, &str)> = comparison
        .figures
        .iter()
        .map(|f| {
            (
                f.label.as_str(),
                f.before,
                f.after,
                f.difference,
                f.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        figures,
        vec![
            ("Steps", 6, 5, -1, "1 fewer step"),
            ("Hand-offs between lanes", 4, 3, -1, "1 fewer hand-off"),
            ("Failure points", 2, 1, -1, "1 fewer failure point"),
        ],
        "each figure on both sides and its difference, counted by hand"
    );
    assert_eq!(
        comparison.before.map.figures.hand_offs, 4,
        "the side's figures are its map's own (one figure, one value)"
    );
    assert_eq!(
        comparison.figures_text,
        "1 fewer step · 1 fewer hand-off · 1 fewer failure point"
    );
    assert_eq!(
        comparison.before.label,
        "FD-001 Patient check-in, version 1"
    );
}

#[test]
fn the_reverse_comparison_counts_more_and_marks_the_opposite() {
    let comparison = compare_maps(&kiosk(), &paper());
    assert_eq!(comparison.figures[1].text, "1 more hand-off");
    assert_eq!(
        marks(&comparison.after)
            .iter()
            .filter(|m| m.1 == ChangeKind::Added)
            .map(|m| m.0)
            .collect::<Vec<_>>(),
        vec![2, 5],
        "what the redesign removed is what going back adds"
    );
}

#[test]
fn a_map_beside_itself_marks_nothing() {
    let comparison = compare_maps(&paper(), &paper());
    assert!(comparison.before.marks.is_empty() && comparison.after.marks.is_empty());
    assert_eq!(
        comparison.changes_text,
        "No step added, removed, moved or edited."
    );
    assert_eq!(
        comparison.figures_text,
        "the same number of steps · the same number of hand-offs · the same number of failure points"
    );
}

#[test]
fn differences_are_worded_in_the_singular_and_plural() {
    assert_eq!(
        figure("Hand-offs", "hand-off", 5, 2).text,
        "3 fewer hand-offs"
    );
    assert_eq!(figure("Steps", "step", 3, 5).text, "2 more steps");
    assert_eq!(figure("Steps", "step", 0, 1).text, "1 more step");
    assert_eq!(figure("Steps", "step", 0, 1).difference, 1);
}

#[test]
fn a_single_removal_says_step_in_the_singular() {
    let before = sop("FD-001", 1, &[GREET, COPAY]);
    let after = sop("FD-001", 2, &[GREET]);
    let comparison = compare_maps(&before, &after);
    assert_eq!(comparison.changes_text, "1 step removed");
    assert_eq!(comparison.after.label, "FD-001 Patient check-in, version 2");
}

#[test]
fn an_sop_without_steps_compares_with_an_empty_map() {
    let empty = sop("FD-001", 1, &[]);
    let comparison = compare_maps(&empty, &kiosk());
    assert!(
        comparison.before.map.empty.is_some(),
        "the empty side says so"
    );
    assert_eq!(comparison.after.marks.len(), 5, "every step is new");
    assert_eq!(comparison.figures[0].text, "5 more steps");
}
