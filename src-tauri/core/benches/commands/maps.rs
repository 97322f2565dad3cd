//! Laying out a process map: the longest SOP of the workspace grown to 50 and to 200
//! steps (its own steps repeated, exceptions kept), as the Map view and every export
//! lay it out before drawing; and comparing two 50-step maps (both laid out, their
//! steps aligned), as the compare view does.

use std::time::Duration;

use rollplan_core::sops::map::{compare_maps, process_map};
use rollplan_core::sops::Sop;
use rollplan_core::Store;

use crate::measure::{Bench, Budget};
use crate::Landmarks;

/// A 50-step map in under 20 ms, a 200-step one in under 100 ms.
const FIFTY: Budget = Budget::Median(Duration::from_millis(20));
const TWO_HUNDRED: Budget = Budget::Median(Duration::from_millis(100));
/// Two 50-step maps laid out and compared: twice the single map's budget.
const COMPARE_FIFTY: Budget = Budget::Median(Duration::from_millis(40));

pub fn run(bench: &mut Bench, store: &Store, at: &Landmarks) {
    let sop = store.get_sop(&at.longest_sop).unwrap();
    bench.area("Process map", &sop.code);
    for (steps, budget) in [(50, FIFTY), (200, TWO_HUNDRED)] {
        let grown = grown(&sop, steps);
        bench.time(&format!("process_map ({steps} steps)"), budget, || {
            drop(process_map(&grown))
        });
    }
    // The future state: the same 50 steps with the last moved to the front and one
    // removed, so the alignment has a move and a removal to find.
    let current = grown(&sop, 50);
    let mut future = current.clone();
    future.steps.rotate_right(1);
    future.steps.remove(25);
    bench.time(
        "compare_maps (50 steps, moved and removed)",
        COMPARE_FIFTY,
        || drop(compare_maps(&current, &future)),
    );
}

/// `sop` with exactly `count` steps, its own repeated in order, each with an id of its
/// own (so its exceptions still find theirs).
fn grown(sop: &Sop, count: usize) -> Sop {
    let mut grown = sop.clone();
    grown.steps = (0..count)
        .filter_map(|i| {
            let mut step = sop.steps.get(i % sop.steps.len().max(1))?.clone();
            if i >= sop.steps.len() {
                step.id = format!("{}-{i}", step.id);
            }
            Some(step)
        })
        .collect();
    grown
}
