//! The figures a map is compared by — steps, hand-offs between lanes and failure
//! points — counted once here, so the map, the side-by-side comparison and every
//! export show the same numbers.

use serde::Serialize;
use ts_rs::TS;

use super::model::Plan;
use super::plural;

/// What a redesign is usually judged by (fewer hand-offs, checks where it can fail).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct MapFigures {
    pub steps: usize,
    /// Times the work passes from one lane to another along the flow of steps.
    pub hand_offs: usize,
    /// Steps with a quality check or stop-the-line rule: the map's decision diamonds.
    pub failure_points: usize,
}

impl MapFigures {
    pub(super) fn count(plan: &Plan) -> Self {
        Self {
            steps: plan.steps.len(),
            hand_offs: plan
                .steps
                .windows(2)
                .filter(|pair| pair[0].lane != pair[1].lane)
                .count(),
            failure_points: plan.steps.iter().filter(|s| s.check.is_some()).count(),
        }
    }

    /// "5 steps · 1 hand-off between lanes and 2 failure points": the line above the map.
    pub fn summary(&self) -> String {
        format!("{} · {}", plural(self.steps, "step"), self.sentence())
    }

    /// "3 hand-offs and 2 failure points", as every format words it.
    pub fn sentence(&self) -> String {
        format!(
            "{} between lanes and {}",
            plural(self.hand_offs, "hand-off"),
            plural(self.failure_points, "failure point")
        )
    }
}
