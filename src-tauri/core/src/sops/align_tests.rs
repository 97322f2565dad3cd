use super::*;
use ChangeKind::*;

impl Wording for &str {
    fn wording(&self) -> String {
        (*self).to_owned()
    }
}

/// (kind, old step number, new step number), numbered from 1 as people read them.
fn rows(old: &[&str], new: &[&str]) -> Vec<(ChangeKind, Option<usize>, Option<usize>)> {
    align(old, new)
        .into_iter()
        .map(|row| {
            (
                row.kind,
                row.before.map(|(i, _)| i + 1),
                row.after.map(|(i, _)| i + 1),
            )
        })
        .collect()
}

const CHECK_IN: [&str; 4] = [
    "Greet the patient and confirm name and date of birth",
    "Scan the insurance card and photo ID",
    "Run the eligibility check in the portal",
    "Collect the copay and give a receipt",
];

#[test]
fn identical_lists_are_unchanged() {
    assert_eq!(
        rows(&CHECK_IN, &CHECK_IN),
        (1..=4)
            .map(|n| (Unchanged, Some(n), Some(n)))
            .collect::<Vec<_>>(),
        "the same steps compare as unchanged, one by one"
    );
}

#[test]
fn a_step_inserted_at_the_start_is_inserted_and_the_rest_unchanged() {
    let new = [
        "Check the schedule for today's arrivals",
        CHECK_IN[0],
        CHECK_IN[1],
        CHECK_IN[2],
        CHECK_IN[3],
    ];
    assert_eq!(
        rows(&CHECK_IN, &new),
        [
            (Added, None, Some(1)),
            (Unchanged, Some(1), Some(2)),
            (Unchanged, Some(2), Some(3)),
            (Unchanged, Some(3), Some(4)),
            (Unchanged, Some(4), Some(5)),
        ],
        "an insertion at the start moves no other step"
    );
}

#[test]
fn a_step_inserted_in_the_middle_is_inserted_not_a_change_of_the_next() {
    let new = [
        CHECK_IN[0],
        CHECK_IN[1],
        "Ask whether the address and phone number changed",
        CHECK_IN[2],
        CHECK_IN[3],
    ];
    assert_eq!(
        rows(&CHECK_IN, &new),
        [
            (Unchanged, Some(1), Some(1)),
            (Unchanged, Some(2), Some(2)),
            (Added, None, Some(3)),
            (Unchanged, Some(3), Some(4)),
            (Unchanged, Some(4), Some(5)),
        ],
        "the inserted step is reported as inserted at its place"
    );
}

#[test]
fn a_removed_step_is_removed_where_it_was() {
    let new = [CHECK_IN[0], CHECK_IN[2], CHECK_IN[3]];
    assert_eq!(
        rows(&CHECK_IN, &new),
        [
            (Unchanged, Some(1), Some(1)),
            (Removed, Some(2), None),
            (Unchanged, Some(3), Some(2)),
            (Unchanged, Some(4), Some(3)),
        ],
        "the removed step shows where it used to be"
    );
}

#[test]
fn a_moved_step_is_one_move() {
    let new = [CHECK_IN[0], CHECK_IN[2], CHECK_IN[3], CHECK_IN[1]];
    assert_eq!(
        rows(&CHECK_IN, &new),
        [
            (Unchanged, Some(1), Some(1)),
            (Unchanged, Some(3), Some(2)),
            (Unchanged, Some(4), Some(3)),
            (Moved, Some(2), Some(4)),
        ],
        "only the step that moved is reported, from 2 to 4"
    );
}

#[test]
fn an_edited_step_is_edited_with_its_old_wording() {
    let new = [
        CHECK_IN[0],
        "Scan the insurance card (front and back) and photo ID",
        CHECK_IN[2],
        CHECK_IN[3],
    ];
    let aligned = align(&CHECK_IN, &new);
    let edited = &aligned[1];
    assert_eq!(edited.kind, Changed, "a reworded step is one edit");
    assert_eq!(
        (edited.before.map(|b| *b.1), edited.after.map(|a| *a.1)),
        (Some(CHECK_IN[1]), Some(new[1])),
        "the edit carries the old and the new wording"
    );
    assert!(
        aligned
            .iter()
            .enumerate()
            .all(|(n, row)| n == 1 || row.kind == Unchanged),
        "nothing else changed"
    );
}

#[test]
fn an_inserted_step_before_an_edited_one_is_not_mistaken_for_the_edit() {
    // The case a reviewer tripped on: a step inserted at 2 and the old step 2 edited.
    let new = [
        CHECK_IN[0],
        "Ask whether the address and phone number changed",
        "Scan the insurance card (front and back) and photo ID",
        CHECK_IN[2],
        CHECK_IN[3],
    ];
    assert_eq!(
        rows(&CHECK_IN, &new),
        [
            (Unchanged, Some(1), Some(1)),
            (Added, None, Some(2)),
            (Changed, Some(2), Some(3)),
            (Unchanged, Some(3), Some(4)),
            (Unchanged, Some(4), Some(5)),
        ],
        "step 2 is inserted and the old step 2 is edited (now step 3)"
    );
}

#[test]
fn an_edited_and_moved_step_is_both() {
    let new = [
        CHECK_IN[0],
        CHECK_IN[2],
        CHECK_IN[3],
        "Scan the insurance card and photo ID into the chart",
    ];
    assert_eq!(
        rows(&CHECK_IN, &new),
        [
            (Unchanged, Some(1), Some(1)),
            (Unchanged, Some(3), Some(2)),
            (Unchanged, Some(4), Some(3)),
            (MovedAndChanged, Some(2), Some(4)),
        ],
        "a step reworded and moved to the end is one item, moved and edited"
    );
}

#[test]
fn everything_at_once() {
    // Inserted at the start, step 1 removed, step 4 moved up, step 3 edited.
    let new = [
        "Check the schedule for today's arrivals",
        CHECK_IN[3],
        CHECK_IN[1],
        "Run the eligibility check in the clearinghouse portal",
    ];
    assert_eq!(
        rows(&CHECK_IN, &new),
        [
            (Removed, Some(1), None),
            (Added, None, Some(1)),
            (Moved, Some(4), Some(2)),
            (Unchanged, Some(2), Some(3)),
            (Changed, Some(3), Some(4)),
        ],
        "each step is reported once, as what happened to it"
    );
}

#[test]
fn an_unrelated_replacement_is_a_removal_and_an_insertion() {
    let old = ["Collect the copay and give a receipt"];
    let new = ["Offer the patient portal sign-up"];
    assert_eq!(
        rows(&old, &new),
        [(Removed, Some(1), None), (Added, None, Some(1))],
        "steps with little wording in common are not one step edited"
    );
}

#[test]
fn repeated_steps_pair_in_order() {
    assert_eq!(
        rows(
            &["Wash hands", "Room the patient", "Wash hands"],
            &["Wash hands", "Wash hands"]
        ),
        [
            (Unchanged, Some(1), Some(1)),
            (Removed, Some(2), None),
            (Unchanged, Some(3), Some(2)),
        ],
        "identical steps keep their order"
    );
}

#[test]
fn empty_lists_compare_cleanly() {
    assert!(rows(&[], &[]).is_empty());
    assert_eq!(rows(&[], &["a"]), [(Added, None, Some(1))]);
    assert_eq!(rows(&["a"], &[]), [(Removed, Some(1), None)]);
}
