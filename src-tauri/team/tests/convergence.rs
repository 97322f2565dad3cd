//! Copies editing the same rollouts at random, syncing at random moments, then syncing
//! until quiet with every conflict decided: at the end every copy holds the same
//! workspace as the server (a hash of every shared table compared with a copy joined
//! afresh), and the server holds every change it accepted, once.
//!
//! Two runs share the machinery below: three copies taking turns (small, seeded, each
//! conflict decided each way in turn), and twenty copies making two hundred edits each
//! at once, one thread per copy. The second takes minutes on a two-core machine, so it
//! is left out of a plain `cargo test` and run by `scripts/test-all.sh` on its own
//! (`cargo test -p rollplan-team --test convergence -- --ignored`).

// Integration-test crate root: a failed unwrap is the test failing, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{content, content_hash, Dice, Team};
use rollplan_core::Store;
use rollplan_team::conflicts::{self, Conflict, Keep};

#[test]
fn three_copies_editing_at_random_converge_once_every_conflict_is_decided() {
    let mut decided = 0;
    for seed in [7_u64, 1234] {
        decided += three_copies_taking_turns(seed);
    }
    assert!(
        decided > 0,
        "the random edits clashed at least once ({decided} conflicts decided)"
    );
}

/// Twenty copies, two hundred random edits each, all at once (a thread per copy), each
/// syncing at random moments; then every copy syncs until quiet, deciding conflicts by
/// a fixed rule (even-numbered copies keep their own value, odd-numbered ones the
/// team's).
#[test]
#[ignore = "takes minutes on a shared two-core machine: scripts/test-all.sh runs it with --ignored"]
fn twenty_copies_making_two_hundred_random_edits_each_at_once_converge() {
    const COPIES: usize = 20;
    const EDITS: usize = 200;
    let team = Team::new();
    let (first, _) = team.published_with_rollout("copy0");
    let store = Store::open(&first).unwrap();
    for i in 0..10 {
        store
            .create_rollout(&common::draft(&format!("Shared rollout {i}")))
            .unwrap();
    }
    drop(store);
    let sent = AtomicUsize::new(0);
    let accepted_before = team.accepted_changes();
    sent.fetch_add(common::sync(&first).sent, Ordering::SeqCst);
    let mut copies = vec![first];
    copies.extend(std::thread::scope(|scope| {
        let joining: Vec<_> = (1..COPIES)
            .map(|i| {
                let team = &team;
                scope.spawn(move || team.join(&format!("copy{i}")))
            })
            .collect();
        joining
            .into_iter()
            .map(|j| j.join().unwrap())
            .collect::<Vec<_>>()
    }));

    std::thread::scope(|scope| {
        for (i, copy) in copies.iter().enumerate() {
            let sent = &sent;
            scope.spawn(move || {
                let mut dice = Dice(0x5EED_0000 + i as u64 * 7919);
                let store = Store::open(copy).unwrap();
                let mut known = known_rollouts(&store);
                for step in 0..EDITS {
                    random_edit(&store, &mut dice, &mut known, &format!("{i}.{step}"));
                    if dice.below(20) == 0 {
                        sent.fetch_add(common::sync(copy).sent, Ordering::SeqCst);
                        known = known_rollouts(&store);
                    }
                }
            });
        }
    });

    let decided = settle(&copies, &sent, |copy, conflict| {
        if copy % 2 == 0 && !conflict.theirs_deleted {
            Keep::Mine
        } else {
            Keep::Theirs
        }
    });
    assert!(
        decided > 0,
        "twenty copies editing the same rollouts clashed ({decided} conflicts decided)"
    );
    assert_converged(&team, &copies, "twenty copies");
    assert_eq!(
        team.accepted_changes() - accepted_before,
        sent.load(Ordering::SeqCst) as i64,
        "the server holds every change it accepted, each once"
    );
}

/// Runs one seeded session of three copies taking turns and checks they agree; returns
/// how many conflicts were decided on the way.
fn three_copies_taking_turns(seed: u64) -> usize {
    let team = Team::new();
    let (anna, first) = team.published_with_rollout("anna");
    let copies: Vec<PathBuf> = vec![anna, team.join("ben"), team.join("carl")];
    let mut rollouts = vec![first];
    let mut dice = Dice(seed);
    let sent = AtomicUsize::new(0);
    let accepted_before = team.accepted_changes();

    for step in 0..40 {
        let copy = &copies[dice.below(copies.len())];
        let store = Store::open(copy).unwrap();
        random_edit(&store, &mut dice, &mut rollouts, &step.to_string());
        drop(store);
        if dice.below(3) == 0 {
            let report = common::sync(&copies[dice.below(copies.len())]);
            sent.fetch_add(report.sent, Ordering::SeqCst);
        }
    }

    let mut keep_mine = true;
    let decided = settle(&copies, &sent, |_, conflict| {
        let keep = if keep_mine && !conflict.theirs_deleted {
            Keep::Mine
        } else {
            Keep::Theirs
        };
        keep_mine = !keep_mine;
        keep
    });
    assert_converged(&team, &copies, &format!("seed {seed}"));
    assert_eq!(
        team.accepted_changes() - accepted_before,
        sent.load(Ordering::SeqCst) as i64,
        "seed {seed}: the server holds every change it accepted, each once"
    );
    decided
}

/// One edit a person might make on this copy: create a rollout, trash or restore one,
/// or change its owner, goal or name. `known` holds rollout ids to pick from (a copy
/// may not have them all yet; those are skipped); `label` makes values unique.
fn random_edit(store: &Store, dice: &mut Dice, known: &mut Vec<String>, label: &str) {
    let words = ["Kiosks", "Portal", "Scanning", "Refills", "Triage", ""];
    match dice.below(6) {
        0 => {
            let created = store
                .create_rollout(&common::draft(&format!("Rollout {label}")))
                .unwrap();
            known.push(created.id);
        }
        1 => {
            if let Ok(rollout) = store.get_rollout(&known[dice.below(known.len())]) {
                if rollout.deleted_at.is_none() {
                    store.trash_rollout(&rollout.id).unwrap();
                } else {
                    store.restore_rollout(&rollout.id).unwrap();
                }
            }
        }
        _ => {
            if let Ok(rollout) = store.get_rollout(&known[dice.below(known.len())]) {
                if rollout.deleted_at.is_none() {
                    let mut draft = rollout.draft();
                    let word = words[dice.below(words.len())];
                    match dice.below(3) {
                        0 => draft.owner = word.to_owned(),
                        1 => draft.goal = word.to_owned(),
                        _ => draft.name = format!("{word} {label}"),
                    }
                    store
                        .update_rollout(&rollout.id, rollout.row_version, &draft)
                        .unwrap();
                }
            }
        }
    }
}

/// Every rollout this copy has, in the trash or not.
fn known_rollouts(store: &Store) -> Vec<String> {
    let mut ids: Vec<String> = store
        .list_rollouts()
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    ids.extend(
        store
            .list_trashed_rollouts()
            .unwrap()
            .into_iter()
            .map(|r| r.id),
    );
    ids
}

/// Syncs every copy in turn, deciding each conflict with `rule(copy's index,
/// conflict)`, until a whole round sends nothing and finds no conflict: every copy has
/// then pulled everything. Adds what the server accepted to `sent`; returns how many
/// conflicts were decided.
fn settle(
    copies: &[PathBuf],
    sent: &AtomicUsize,
    mut rule: impl FnMut(usize, &Conflict) -> Keep,
) -> usize {
    let mut decided = 0;
    for _ in 0..12 {
        let mut open = 0;
        let mut sent_this_round = 0;
        for copy in copies {
            sent_this_round += common::sync(copy).sent;
        }
        sent.fetch_add(sent_this_round, Ordering::SeqCst);
        for (i, copy) in copies.iter().enumerate() {
            for conflict in conflicts::list(copy).unwrap() {
                open += 1;
                conflicts::resolve(copy, conflict.id, rule(i, &conflict)).unwrap();
                decided += 1;
            }
        }
        if open == 0 && sent_this_round == 0 {
            return decided;
        }
    }
    panic!("the copies did not settle in twelve rounds of syncing");
}

/// Every copy holds what the server holds: the same hash of every shared table as a
/// copy joined afresh, and no open conflict.
fn assert_converged(team: &Team, copies: &[PathBuf], label: &str) {
    let fresh = team.join(&format!("fresh-{}", copies.len()));
    let expected = content_hash(&fresh);
    for copy in copies {
        assert!(
            conflicts::list(copy).unwrap().is_empty(),
            "{label}: every conflict is decided ({})",
            copy.display()
        );
        if content_hash(copy) != expected {
            let differs = difference(copy, &fresh);
            panic!(
                "{label}: {} holds the same workspace as the server; it differs in \
                 {differs:#?}\nthe server's history of those rows (copy {}): {:#?}",
                copy.display(),
                common::count_text(copy, "SELECT replica_id FROM team_link"),
                history(team, &differs)
            );
        }
    }
    let live: i64 = team
        .server()
        .query_one(
            "SELECT count(*) FROM rollplan.rows WHERE table_name = 'rollouts' AND NOT deleted",
            &[],
        )
        .unwrap()
        .get(0);
    let rollouts = content(&fresh)
        .into_iter()
        .find(|(t, _)| t == "rollouts")
        .map_or(0, |(_, rows)| rows.len());
    assert_eq!(
        live as usize, rollouts,
        "{label}: the copies hold the rollouts the server holds"
    );
}

/// The rows in which two copies differ, table by table (what a failure shows).
fn difference(copy: &std::path::Path, other: &std::path::Path) -> Vec<(String, String, String)> {
    let theirs = content(other);
    let mut found = Vec::new();
    for (table, rows) in content(copy) {
        let other_rows = theirs
            .iter()
            .find(|(t, _)| *t == table)
            .map(|(_, r)| r.clone())
            .unwrap_or_default();
        for row in rows.iter().filter(|r| !other_rows.contains(r)) {
            found.push((table.clone(), "only in the copy".to_owned(), row.clone()));
        }
        for row in other_rows.iter().filter(|r| !rows.contains(r)) {
            found.push((table.clone(), "only on the server".to_owned(), row.clone()));
        }
    }
    found
}

/// Every change and conflict the server kept for the rows of `differs` (what a failure
/// shows, to tell how a copy came to differ).
fn history(team: &Team, differs: &[(String, String, String)]) -> Vec<String> {
    let mut server = team.server();
    let mut found = Vec::new();
    for (_, _, row) in differs.iter().take(2) {
        let id = serde_json::from_str::<serde_json::Value>(row).unwrap()["id"].clone();
        let row_id = serde_json::json!([id]).to_string();
        for change in server
            .query(
                "SELECT seq, replica_id::text, fields::text FROM rollplan.changes
                  WHERE row_id = $1 ORDER BY seq",
                &[&row_id],
            )
            .unwrap()
        {
            let (seq, replica, fields): (i64, String, Option<String>) =
                (change.get(0), change.get(1), change.get(2));
            found.push(format!("change {seq} by {replica}: {fields:?}"));
        }
        for clash in server
            .query(
                "SELECT change_id::text, field, yours::text, theirs::text, theirs_seq
                   FROM rollplan.conflicts WHERE row_id = $1 ORDER BY id",
                &[&row_id],
            )
            .unwrap()
        {
            let (change, field, yours, theirs, seq): (
                String,
                String,
                Option<String>,
                Option<String>,
                i64,
            ) = (
                clash.get(0),
                clash.get(1),
                clash.get(2),
                clash.get(3),
                clash.get(4),
            );
            found.push(format!(
                "conflict of change {change} on {field}: yours {yours:?}, theirs {theirs:?} (seq {seq})"
            ));
        }
    }
    found
}
