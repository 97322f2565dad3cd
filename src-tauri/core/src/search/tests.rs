//! The search worked through on a small clinic whose every record is written here, so
//! each expected order can be checked by reading the records: an exact name first, a
//! word in a step last; case and diacritics folded; an empty or one-letter query; a
//! query with quotes or `%`; trashed records left out; the index kept in step by the
//! database after edits.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::people::PersonDraft;
use crate::plan::TaskDraft;
use crate::rollouts::RolloutDraft;
use crate::sops::{SopDraft, Step};
use crate::workspace::RiskDraft;

struct Clinic {
    store: Store,
    rollout: String,
    kiosk_task: String,
}

fn clinic() -> Clinic {
    let store = Store::open_in_memory().unwrap();
    let rollout = store
        .create_rollout(&RolloutDraft {
            name: "Self check-in kiosks".into(),
            goal: "Shorter lines at the front desk.".into(),
            ..RolloutDraft::default()
        })
        .unwrap();
    let kiosk_task = store
        .create_task(
            &rollout.id,
            &TaskDraft {
                title: "Kiosk".into(),
                notes: "Order two units for the north entrance.".into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    store
        .create_task(
            &rollout.id,
            &TaskDraft {
                title: "Train the front desk".into(),
                notes: "Show them how the kiosk prints the summary.".into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    store
        .create_risk(
            &rollout.id,
            &RiskDraft {
                title: "Patients skip the kiosk".into(),
                likelihood: 3,
                impact: 2,
                mitigation: "A greeter points the way for the first two weeks.".into(),
                ..RiskDraft::default()
            },
        )
        .unwrap();
    store
        .create_person(&PersonDraft {
            name: "Zoë Müller".into(),
            department: "North clinic".into(),
            ..PersonDraft::default()
        })
        .unwrap();
    store
        .create_sop(&SopDraft {
            code: "FD-020".into(),
            title: "Check-in at the kiosk".into(),
            owner: "Priya Nair".into(),
            steps: vec![Step {
                role: "Front desk".into(),
                instruction: "Point the patient to the kiosk; help with the touch screen.".into(),
                ..Step::default()
            }],
            ..SopDraft::default()
        })
        .unwrap();
    Clinic {
        store,
        rollout: rollout.id,
        kiosk_task: kiosk_task.id,
    }
}

fn titles(results: &SearchResults) -> Vec<(SearchKind, &str)> {
    results
        .hits
        .iter()
        .map(|h| (h.kind, h.title.as_str()))
        .collect()
}

#[test]
fn an_exact_name_comes_before_names_with_the_word_and_words_in_a_note_or_step() {
    let clinic = clinic();
    let found = clinic.store.search_workspace("kiosk").unwrap();
    let order = titles(&found);
    assert_eq!(
        order[0],
        (SearchKind::Task, "Kiosk"),
        "the task named exactly what was typed is first: {order:?}"
    );
    let position = |title: &str| order.iter().position(|(_, t)| *t == title).unwrap();
    assert!(
        position("Self check-in kiosks") < position("Train the front desk"),
        "a name holding the word comes before a note holding it: {order:?}"
    );
    assert!(
        position("FD-020 Check-in at the kiosk") < position("Train the front desk"),
        "so does an SOP's title: {order:?}"
    );
    let note = &found.hits[position("Train the front desk")];
    assert!(
        note.snippet
            .iter()
            .any(|part| part.hit && part.text.to_lowercase() == "kiosk"),
        "a hit found by its note shows the note with the word marked: {:?}",
        note.snippet
    );
    assert!(
        found.hits[0].snippet.is_empty(),
        "a hit found by its name needs no passage"
    );
    assert_eq!(
        found.hits[0].detail, "Self check-in kiosks",
        "a task says its rollout"
    );
    assert_eq!(
        found.hits[0].rollout_id.as_deref(),
        Some(clinic.rollout.as_str())
    );
    assert_eq!(found.hits[0].id, clinic.kiosk_task);
    assert_eq!(found.hits[0].kind_label, "Task");
}

#[test]
fn a_word_only_in_an_sops_step_is_found_after_the_names() {
    let clinic = clinic();
    let found = clinic.store.search_workspace("touch screen").unwrap();
    assert_eq!(
        titles(&found),
        vec![(SearchKind::Sop, "FD-020 Check-in at the kiosk")],
        "steps are searched too"
    );
    assert!(
        found.hits[0].snippet.iter().any(|p| p.hit),
        "with the step's words marked"
    );
}

#[test]
fn case_and_diacritics_do_not_matter_either_way() {
    let clinic = clinic();
    for query in ["muller", "MÜLLER", "zoe mull", "Zoë"] {
        let found = clinic.store.search_workspace(query).unwrap();
        assert_eq!(
            titles(&found),
            vec![(SearchKind::Person, "Zoë Müller")],
            "'{query}' finds Zoë Müller"
        );
    }
    let found = clinic.store.search_workspace("zoe muller").unwrap();
    assert_eq!(
        found.hits[0].detail, "North clinic",
        "a person says where they work"
    );
    assert_eq!(fold("Zoë MÜLLER"), "zoe muller");
}

#[test]
fn an_empty_or_one_letter_query_searches_nothing_and_says_why() {
    let clinic = clinic();
    let empty = clinic.store.search_workspace("   ").unwrap();
    assert!(
        empty.hits.is_empty() && empty.hint.is_none(),
        "nothing typed, nothing said"
    );
    let one = clinic.store.search_workspace("k").unwrap();
    assert!(one.hits.is_empty(), "one letter matches too much to list");
    assert_eq!(one.hint.as_deref(), Some("Type another letter to search."));
    let two = clinic.store.search_workspace("ki").unwrap();
    assert!(
        !two.hits.is_empty(),
        "two letters search as the start of a word"
    );
}

#[test]
fn quotes_percent_signs_and_search_syntax_are_only_separators() {
    let clinic = clinic();
    for query in [
        "\"kiosk\"",
        "kiosk%",
        "%kiosk",
        "kiosk*",
        "kiosk OR",
        "(kiosk",
        "kiosk\"'",
    ] {
        let found = clinic.store.search_workspace(query);
        let found = found.unwrap_or_else(|e| panic!("'{query}' is searched, not refused: {e}"));
        assert_eq!(
            found.hits.first().map(|h| h.title.as_str()),
            Some("Kiosk"),
            "'{query}' searches for the word kiosk"
        );
    }
    let percent = clinic.store.search_workspace("%").unwrap();
    assert!(
        percent.hits.is_empty() && percent.hint.is_none(),
        "a lone % has no words"
    );
    let not = clinic.store.search_workspace("kiosk NOT desk").unwrap();
    assert!(
        not.hits.is_empty(),
        "NOT is a word to find, not an operator: nothing holds kiosk, not and desk"
    );
}

#[test]
fn a_one_letter_word_beside_a_longer_one_must_match_whole() {
    let clinic = clinic();
    clinic
        .store
        .create_task(
            &clinic.rollout,
            &TaskDraft {
                title: "Plan B for the kiosk".into(),
                ..TaskDraft::default()
            },
        )
        .unwrap();
    let found = clinic.store.search_workspace("plan b").unwrap();
    assert_eq!(
        titles(&found),
        vec![(SearchKind::Task, "Plan B for the kiosk")]
    );
}

#[test]
fn trashed_records_and_the_records_of_a_trashed_rollout_are_left_out() {
    let clinic = clinic();
    clinic.store.trash_task(&clinic.kiosk_task).unwrap();
    let found = clinic.store.search_workspace("kiosk").unwrap();
    assert!(
        !titles(&found).contains(&(SearchKind::Task, "Kiosk")),
        "a trashed task is not found"
    );
    clinic.store.trash_rollout(&clinic.rollout).unwrap();
    let found = clinic.store.search_workspace("kiosk").unwrap();
    assert_eq!(
        titles(&found),
        vec![(SearchKind::Sop, "FD-020 Check-in at the kiosk")],
        "nothing of a trashed rollout is found, the library still is"
    );
    clinic.store.restore_rollout(&clinic.rollout).unwrap();
    let found = clinic.store.search_workspace("greeter").unwrap();
    assert_eq!(
        titles(&found),
        vec![(SearchKind::Risk, "Patients skip the kiosk")],
        "restored, its risks are found again, by their mitigation too"
    );
}

#[test]
fn an_edit_is_found_by_its_new_words_and_not_its_old_ones() {
    let clinic = clinic();
    let task = clinic.store.get_task(&clinic.kiosk_task).unwrap();
    let mut draft = task.draft();
    draft.title = "Tablet stands".into();
    clinic
        .store
        .update_task(&task.id, task.row_version, &draft)
        .unwrap();
    assert!(
        !titles(&clinic.store.search_workspace("kiosk").unwrap())
            .contains(&(SearchKind::Task, "Kiosk")),
        "the old title is gone from the index"
    );
    assert_eq!(
        titles(&clinic.store.search_workspace("tablet").unwrap()),
        vec![(SearchKind::Task, "Tablet stands")],
        "the new one is there"
    );
}

#[test]
fn each_kind_gives_at_most_its_share() {
    let clinic = clinic();
    for n in 0..20 {
        clinic
            .store
            .create_task(
                &clinic.rollout,
                &TaskDraft {
                    title: format!("Badge printer {n}"),
                    ..TaskDraft::default()
                },
            )
            .unwrap();
    }
    let found = clinic.store.search_workspace("badge").unwrap();
    assert_eq!(
        found.hits.len(),
        PER_KIND as usize,
        "twenty matching tasks give the list its share of tasks, not all twenty"
    );
}

#[test]
fn a_trashed_rollout_fuller_than_the_first_window_still_leaves_a_kind_its_share() {
    let clinic = clinic();
    let task = |rollout: &str, title: String| {
        clinic
            .store
            .create_task(
                rollout,
                &TaskDraft {
                    title,
                    ..TaskDraft::default()
                },
            )
            .unwrap();
    };
    // A trashed rollout's thirty tasks named just "Badge" stay in the index and outrank
    // every live task, which carries the word among others: more of them than the
    // index's first window of candidates.
    let old = clinic
        .store
        .create_rollout(&RolloutDraft {
            name: "Old badge system".into(),
            ..RolloutDraft::default()
        })
        .unwrap()
        .id;
    for _ in 0..30 {
        task(&old, "Badge".into());
    }
    clinic.store.trash_rollout(&old).unwrap();
    for n in 0..3 {
        task(
            &clinic.rollout,
            format!("Reprint the lost badge for desk {n}"),
        );
    }
    let found = clinic.store.search_workspace("badge").unwrap();
    let tasks: Vec<&str> = titles(&found)
        .into_iter()
        .filter(|(kind, _)| *kind == SearchKind::Task)
        .map(|(_, title)| title)
        .collect();
    assert_eq!(
        tasks.len(),
        3,
        "the three live tasks, none of the trash: {tasks:?}"
    );
    assert!(tasks.iter().all(|t| t.starts_with("Reprint")));
}
