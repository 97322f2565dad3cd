//! A rollout's plan: its kind's phases laid out from the start date to go-live and on
//! into stabilization, tasks spread through each phase with owners and notes, a
//! milestone closing each phase and go-live itself, finish-to-start dependencies that
//! always point back in time (so never a loop), and statuses from where today falls —
//! most past work done, some slipped or blocked, future work to do.

use chrono::NaiveDate;
use rusqlite::Transaction;

use super::plan_text::{phases_of, AREAS, NOTES};
use super::rng::Rng;
use crate::plan::{add_days, find_or_insert_phase, insert_task, DependencyGraph, TaskDraft};
use crate::plan::{TaskKind, TaskLink, TaskStatus};
use crate::rollouts::{Phase, Rollout};
use crate::time::date_text;
use crate::Result;

const ROLES: &[&str] = &[
    "front-desk",
    "MA",
    "nurse",
    "provider",
    "billing",
    "scheduling",
    "referral",
];

/// A task written, for the dependencies that follow.
struct Placed {
    id: String,
    start: NaiveDate,
    due: NaiveDate,
}

/// Writes a plan of `count` tasks and milestones into `rollout`, owned by `owners`
/// (person ids).
pub(super) fn seed(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    rollout: &Rollout,
    count: usize,
    owners: &[String],
    today: NaiveDate,
) -> Result<()> {
    let set = phases_of(rollout.kind);
    let go_live = rollout.go_live_date.unwrap_or(today);
    let start = rollout.start_date.unwrap_or(add_days(go_live, -180));
    let after = set.phases.len() - set.before_go_live;
    let end = add_days(go_live, 45 * after as i64);
    let closed = rollout.phase == Phase::Closed;
    let status_of = |rng: &mut Rng, start: NaiveDate, due: NaiveDate| -> TaskStatus {
        let roll = rng.unit();
        if closed {
            TaskStatus::Done
        } else if due < today {
            match roll {
                r if r < 0.88 => TaskStatus::Done,
                r if r < 0.96 => TaskStatus::Doing,
                r if r < 0.98 => TaskStatus::Blocked,
                _ => TaskStatus::Todo,
            }
        } else if start <= today {
            match roll {
                r if r < 0.7 => TaskStatus::Doing,
                r if r < 0.9 => TaskStatus::Todo,
                _ => TaskStatus::Blocked,
            }
        } else if roll < 0.97 {
            TaskStatus::Todo
        } else {
            TaskStatus::Doing
        }
    };

    let phases = set.phases.len();
    // Milestones (one per phase, and go-live) come out of the task budget.
    let tasks = count.saturating_sub(phases + 1);
    let mut placed: Vec<Placed> = Vec::with_capacity(count);
    let mut graph = DependencyGraph::load(tx, &rollout.id)?;
    let mut previous_milestone: Option<usize> = None;
    let mut pre_go_live_milestones: Vec<usize> = Vec::new();
    for (index, (phase_name, titles)) in set.phases.iter().enumerate() {
        let (from, to) = if index < set.before_go_live {
            let span = (go_live - start).num_days();
            let k = set.before_go_live as i64;
            (
                add_days(start, span * index as i64 / k),
                add_days(start, span * (index as i64 + 1) / k),
            )
        } else {
            let span = (end - go_live).num_days();
            let k = after as i64;
            let i = (index - set.before_go_live) as i64;
            (
                add_days(go_live, span * i / k),
                add_days(go_live, span * (i + 1) / k),
            )
        };
        let phase_id = find_or_insert_phase(tx, &rollout.id, phase_name)?.id;
        let here = tasks * (index + 1) / phases - tasks * index / phases;
        let length = (to - from).num_days().max(1);
        let mut dated: Vec<(NaiveDate, NaiveDate)> = (0..here)
            .map(|_| {
                let begin = add_days(from, rng.between(0, length - 1));
                let due = add_days(begin, rng.between(0, 14)).min(to.max(begin));
                (begin, due)
            })
            .collect();
        dated.sort();
        let first_of_phase = placed.len();
        let write = |draft: TaskDraft| insert_task(tx, &rollout.id, &draft);
        if index == set.before_go_live {
            let task = write(milestone(
                "Go-live",
                &phase_id,
                go_live,
                go_live < today || closed,
            ))?;
            for &m in &pre_go_live_milestones {
                graph.insert(tx, &task.id, &TaskLink::finish_to_start(&placed[m].id))?;
            }
            placed.push(Placed {
                id: task.id,
                start: go_live,
                due: go_live,
            });
        }
        for (n, (begin, due)) in dated.into_iter().enumerate() {
            let pattern = *rng.pick(titles);
            let title = fill(pattern, rng, &rollout.sites, n);
            let owner = if rng.chance(0.92) {
                rng.pick(owners).clone()
            } else {
                String::new()
            };
            let notes = if rng.chance(0.15) {
                (*rng.pick(NOTES)).to_owned()
            } else {
                String::new()
            };
            let status = status_of(rng, begin, due);
            let task = write(TaskDraft {
                title,
                phase_id: Some(phase_id.clone()),
                kind: TaskKind::Task,
                owner,
                start_date: Some(date_text(begin)),
                due_date: Some(date_text(due)),
                status,
                percent_complete: None,
                notes,
            })?;
            // Wait for an earlier task of the phase that is due by this one's start, or
            // (early in the phase) for the milestone that closed the phase before.
            let earlier = (first_of_phase..placed.len())
                .rev()
                .take(12)
                .filter(|&i| placed[i].due <= begin)
                .nth(rng.below(3));
            match (earlier, previous_milestone) {
                (Some(i), _) if rng.chance(0.7) => {
                    graph.insert(tx, &task.id, &TaskLink::finish_to_start(&placed[i].id))?
                }
                (None, Some(m)) if rng.chance(0.8) => {
                    graph.insert(tx, &task.id, &TaskLink::finish_to_start(&placed[m].id))?
                }
                _ => {}
            }
            placed.push(Placed {
                id: task.id,
                start: begin,
                due,
            });
        }
        let done = placed[first_of_phase..].iter().all(|p| p.due < today) || closed;
        let closing = write(milestone(
            &format!("{phase_name} complete"),
            &phase_id,
            to,
            done,
        ))?;
        let mut last: Vec<usize> = (first_of_phase..placed.len()).collect();
        last.sort_by_key(|&i| std::cmp::Reverse(placed[i].due));
        for &i in last.iter().take(3) {
            graph.insert(tx, &closing.id, &TaskLink::finish_to_start(&placed[i].id))?;
        }
        placed.push(Placed {
            id: closing.id,
            start: to,
            due: to,
        });
        previous_milestone = Some(placed.len() - 1);
        if index < set.before_go_live {
            pre_go_live_milestones.push(placed.len() - 1);
        }
    }
    debug_assert!(placed.iter().all(|p| p.start <= p.due));
    Ok(())
}

fn milestone(title: &str, phase_id: &str, on: NaiveDate, done: bool) -> TaskDraft {
    TaskDraft {
        title: title.to_owned(),
        phase_id: Some(phase_id.to_owned()),
        kind: TaskKind::Milestone,
        due_date: Some(date_text(on)),
        status: if done {
            TaskStatus::Done
        } else {
            TaskStatus::Todo
        },
        ..TaskDraft::default()
    }
}

fn fill(pattern: &str, rng: &mut Rng, sites: &[String], n: usize) -> String {
    let site = if sites.is_empty() {
        "the clinic".to_owned()
    } else {
        rng.pick(sites).clone()
    };
    let (area, role) = (*rng.pick(AREAS), *rng.pick(ROLES));
    pattern
        .replace("{site}", &site)
        .replace("{area}", area)
        .replace("{role}", role)
        .replace("{n}", &(n % 6 + 1).to_string())
}
