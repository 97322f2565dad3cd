//! Three copies editing the same rollouts in a random order, syncing at random moments,
//! then deciding every conflict (each way in turn): at the end every copy holds the same
//! workspace as every other. A small, seeded version of the many-replica run.

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use common::{content, sync, Dice, Team};
use rollplan_core::Store;
use rollplan_team::conflicts::{self, Keep};

#[test]
fn three_copies_editing_at_random_converge_once_every_conflict_is_decided() {
    let mut decided = 0;
    for seed in [7_u64, 1234] {
        decided += converge(seed);
    }
    assert!(
        decided > 0,
        "the random edits clashed at least once ({decided} conflicts decided)"
    );
}

/// Runs one seeded session and checks the copies agree; returns how many conflicts were
/// decided on the way.
fn converge(seed: u64) -> usize {
    let team = Team::new();
    let (anna, first) = team.published_with_rollout("anna");
    let copies: Vec<PathBuf> = vec![anna, team.join("ben"), team.join("carl")];
    let mut rollouts = vec![first];
    let mut dice = Dice(seed);
    let words = ["Kiosks", "Portal", "Scanning", "Refills", "Triage", ""];

    for step in 0..40 {
        let copy = &copies[dice.below(copies.len())];
        let store = Store::open(copy).unwrap();
        match dice.below(6) {
            0 => {
                let created = store
                    .create_rollout(&common::draft(&format!("Rollout {step}")))
                    .unwrap();
                rollouts.push(created.id);
            }
            1 => {
                // Only rollouts this copy already has can be trashed or restored here.
                if let Ok(rollout) = store.get_rollout(&rollouts[dice.below(rollouts.len())]) {
                    if rollout.deleted_at.is_none() {
                        store.trash_rollout(&rollout.id).unwrap();
                    } else {
                        store.restore_rollout(&rollout.id).unwrap();
                    }
                }
            }
            _ => {
                if let Ok(rollout) = store.get_rollout(&rollouts[dice.below(rollouts.len())]) {
                    if rollout.deleted_at.is_none() {
                        let mut draft = rollout.draft();
                        let word = words[dice.below(words.len())];
                        match dice.below(3) {
                            0 => draft.owner = word.to_owned(),
                            1 => draft.goal = word.to_owned(),
                            _ => draft.name = format!("{word} {step}"),
                        }
                        store
                            .update_rollout(&rollout.id, rollout.row_version, &draft)
                            .unwrap();
                    }
                }
            }
        }
        drop(store);
        if dice.below(3) == 0 {
            sync(&copies[dice.below(copies.len())]);
        }
    }

    let mut keep_mine = true;
    let mut decided = 0;
    for _ in 0..6 {
        for copy in &copies {
            sync(copy);
        }
        let mut open = 0;
        for copy in &copies {
            for conflict in conflicts::list(copy).unwrap() {
                open += 1;
                let keep = if keep_mine && !conflict.theirs_deleted {
                    Keep::Mine
                } else {
                    Keep::Theirs
                };
                keep_mine = !keep_mine;
                conflicts::resolve(copy, conflict.id, keep).unwrap();
                decided += 1;
            }
        }
        if open == 0 {
            break;
        }
    }
    for _ in 0..2 {
        for copy in &copies {
            sync(copy);
        }
    }
    for copy in &copies {
        assert!(
            conflicts::list(copy).unwrap().is_empty(),
            "seed {seed}: every conflict is decided"
        );
    }
    let first = content(&copies[0]);
    for copy in &copies[1..] {
        assert!(
            content(copy) == first,
            "seed {seed}: every copy holds the same workspace in the end ({})",
            copy.display()
        );
    }
    let live: i64 = team
        .server()
        .query_one(
            "SELECT count(*) FROM rollplan.rows WHERE table_name = 'rollouts' AND NOT deleted",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        live as usize,
        content(&copies[0])
            .iter()
            .find(|(t, _)| t == "rollouts")
            .unwrap()
            .1
            .len(),
        "seed {seed}: the copies hold what the server holds"
    );
    decided
}
