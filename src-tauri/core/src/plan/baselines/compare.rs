//! Comparing a plan with a baseline: each task's variance and the one summary every
//! screen and export shows. Works on values; the SQL is in `rows.rs`.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::plan::Task;

/// A task's dates as a baseline froze them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FrozenDates {
    pub start: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
}

/// One live task's baseline dates and how far its due has moved since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BaselineTaskDates {
    pub task_id: String,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    /// The task's due minus its baseline due, in calendar days (positive: later); None
    /// when either due is unset.
    pub variance_days: Option<i64>,
}

/// How a plan stands against one baseline: counted once here, said the same way on the
/// plan tab, the report and the weekly status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BaselineComparison {
    pub baseline_id: String,
    pub baseline_name: String,
    /// Live tasks due later than in the baseline.
    pub later: u32,
    /// Live tasks due earlier than in the baseline.
    pub earlier: u32,
    /// Live tasks the baseline does not have (added after it was set).
    pub added: u32,
    /// Tasks the baseline has that are no longer in the plan (in the trash).
    pub removed: u32,
    /// Go-live now minus go-live then, in days (positive: later); None when either is
    /// unset.
    pub go_live_shift_days: Option<i64>,
    /// The comparison in one sentence: "14 tasks later than baseline, go-live unchanged".
    pub sentence: String,
}

/// Each live task's baseline dates (tasks the baseline has) and the summary.
pub(crate) fn compare(
    baseline: (&str, &str, Option<NaiveDate>),
    frozen: &HashMap<String, FrozenDates>,
    tasks: &[Task],
    go_live: Option<NaiveDate>,
) -> (BaselineComparison, Vec<BaselineTaskDates>) {
    let (baseline_id, baseline_name, baseline_go_live) = baseline;
    let (mut later, mut earlier, mut added) = (0u32, 0u32, 0u32);
    let mut dates = Vec::with_capacity(tasks.len());
    for task in tasks {
        let Some(then) = frozen.get(&task.id) else {
            added += 1;
            continue;
        };
        let variance_days = days_between(then.due, task.due_date);
        match variance_days {
            Some(days) if days > 0 => later += 1,
            Some(days) if days < 0 => earlier += 1,
            _ => {}
        }
        dates.push(BaselineTaskDates {
            task_id: task.id.clone(),
            start_date: then.start,
            due_date: then.due,
            variance_days,
        });
    }
    let kept = tasks.len() as u32 - added;
    let removed = (frozen.len() as u32).saturating_sub(kept);
    let go_live_shift_days = days_between(baseline_go_live, go_live);
    let mut comparison = BaselineComparison {
        baseline_id: baseline_id.to_owned(),
        baseline_name: baseline_name.to_owned(),
        later,
        earlier,
        added,
        removed,
        go_live_shift_days,
        sentence: String::new(),
    };
    comparison.sentence = sentence(&comparison);
    (comparison, dates)
}

fn days_between(then: Option<NaiveDate>, now: Option<NaiveDate>) -> Option<i64> {
    Some((now? - then?).num_days())
}

fn tasks(n: u32) -> String {
    if n == 1 {
        "1 task".to_owned()
    } else {
        format!("{n} tasks")
    }
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// "14 tasks later than baseline, 2 earlier, 1 added, go-live 9 days later".
pub(crate) fn sentence(c: &BaselineComparison) -> String {
    let mut parts = Vec::new();
    match (c.later, c.earlier) {
        (0, 0) => parts.push("Every task due as in the baseline".to_owned()),
        (0, earlier) => parts.push(format!("{} earlier than baseline", tasks(earlier))),
        (later, 0) => parts.push(format!("{} later than baseline", tasks(later))),
        (later, earlier) => {
            parts.push(format!("{} later than baseline", tasks(later)));
            parts.push(format!("{earlier} earlier"));
        }
    }
    if c.added > 0 {
        parts.push(format!("{} added", tasks(c.added)));
    }
    if c.removed > 0 {
        parts.push(format!("{} removed", tasks(c.removed)));
    }
    match c.go_live_shift_days {
        Some(0) => parts.push("go-live unchanged".to_owned()),
        Some(shift) if shift > 0 => parts.push(format!("go-live {} later", days(shift))),
        Some(shift) => parts.push(format!("go-live {} earlier", days(-shift))),
        None => {}
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(later: u32, earlier: u32, added: u32, removed: u32, shift: Option<i64>) -> String {
        sentence(&BaselineComparison {
            baseline_id: String::new(),
            baseline_name: String::new(),
            later,
            earlier,
            added,
            removed,
            go_live_shift_days: shift,
            sentence: String::new(),
        })
    }

    #[test]
    fn the_sentence_says_what_moved_and_what_go_live_did() {
        assert_eq!(
            summary(14, 0, 0, 0, Some(0)),
            "14 tasks later than baseline, go-live unchanged"
        );
        assert_eq!(
            summary(1, 2, 1, 0, Some(9)),
            "1 task later than baseline, 2 earlier, 1 task added, go-live 9 days later"
        );
        assert_eq!(
            summary(0, 3, 0, 2, Some(-1)),
            "3 tasks earlier than baseline, 2 tasks removed, go-live 1 day earlier"
        );
        assert_eq!(
            summary(0, 0, 0, 0, None),
            "Every task due as in the baseline",
            "without a go-live on both sides the sentence says nothing of it"
        );
    }
}
