//! A rollout's readiness score on earlier days, so a report can say whether it is
//! rising or falling. Nothing is stored for this: each earlier day is rebuilt from what
//! the records and the audit log already hold, and weighed by the same
//! [`super::verdict::readiness_from`] as today's verdict —
//! - criteria as they stood at the end of that day: every later creation, trash,
//!   restore and change of status, hard gate, title or category recorded in the audit
//!   log is undone, newest first;
//! - training as the completion dates on the records say (today's requirements and
//!   today's people, as [`crate::training`]'s history explains);
//! - the linked SOPs with the status they had then (later status changes undone; the
//!   links themselves are taken as they are today, as links keep no history).
//!
//! Days before the rollout was created in Rollplan are left out: nothing was tracked.

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::store::list_with_trashed;
use super::verdict::{readiness_from, readiness_in};
use super::{Criterion, CriterionStatus, Readiness, ReadinessCategory, Verdict};
use crate::audit::{entries_since, AuditAction, AuditEntry, EntityKind};
use crate::metrics::format::full_date;
use crate::sops::{linked_sops_in, LinkedSop, SopStatus};
use crate::store::Conn;
use crate::training::{completion_on, RoleCompletion};
use crate::{Result, Store};

/// How many weeks back a trend reaches: a month, the span a sponsor compares against.
const TREND_WEEKS: i64 = 4;

/// A rollout's readiness on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReadinessPoint {
    pub on: NaiveDate,
    pub score: i64,
    pub verdict: Verdict,
}

/// Readiness week by week, oldest first; the last point is today's:
/// [`Store::rollout_readiness`] of today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReadinessTrend {
    pub points: Vec<ReadinessPoint>,
    /// One sentence for a reader: "Up 7 points since Nov 8, 2026 (30 → 37)"; empty when there
    /// is no earlier day to compare with.
    pub summary: String,
}

impl ReadinessTrend {
    /// The trend through `points` (oldest first), with its sentence.
    pub fn from_points(points: Vec<ReadinessPoint>) -> Self {
        let summary = match (points.first(), points.last()) {
            (Some(first), Some(last)) if first.on < last.on => {
                let since = full_date(first.on);
                let change = last.score - first.score;
                let points_word = |n: i64| if n.abs() == 1 { "point" } else { "points" };
                match change {
                    0 => format!("Unchanged since {since} ({})", last.score),
                    up if up > 0 => format!(
                        "Up {up} {} since {since} ({} → {})",
                        points_word(up),
                        first.score,
                        last.score
                    ),
                    down => format!(
                        "Down {} {} since {since} ({} → {})",
                        -down,
                        points_word(down),
                        first.score,
                        last.score
                    ),
                }
            }
            _ => String::new(),
        };
        Self { points, summary }
    }
}

impl Store {
    /// The rollout's readiness today and on the same weekday of each of the last four
    /// weeks (those since the rollout was created), rebuilt as the module explains.
    pub fn readiness_trend(&self, rollout_id: &str, today: NaiveDate) -> Result<ReadinessTrend> {
        let rollout = self.get_rollout(rollout_id)?;
        let created_on = rollout.created_at.date_naive();
        let days: Vec<NaiveDate> = (0..=TREND_WEEKS)
            .rev()
            .map(|weeks| today - Duration::weeks(weeks))
            .filter(|day| *day >= created_on || *day == today)
            .collect();
        // `days` always ends with today.
        // Today's point is today's verdict itself, not a rebuilding of it: the trend
        // ends at the very score every screen and export gives.
        let earlier = &days[..days.len() - 1];
        let (then, now) = self.read(|conn| {
            Ok((
                readiness_then(conn, rollout_id, earlier)?,
                readiness_in(conn, rollout_id, today)?,
            ))
        })?;
        let mut points: Vec<ReadinessPoint> = earlier
            .iter()
            .zip(then)
            .map(|(&day, then)| ReadinessPoint {
                on: day,
                score: then.readiness.score,
                verdict: then.readiness.verdict,
            })
            .collect();
        points.push(ReadinessPoint {
            on: today,
            score: now.score,
            verdict: now.verdict,
        });
        Ok(ReadinessTrend::from_points(points))
    }
}

/// A rollout's readiness rebuilt for a past day, with what it weighed: the criteria as
/// they stood and training completion by role.
pub(crate) struct ReadinessThen {
    pub readiness: Readiness,
    pub criteria: Vec<Criterion>,
    pub training: Vec<RoleCompletion>,
}

/// The rollout's readiness as it stood at the end of each of `days` (each before today),
/// rebuilt as the module explains, with what it weighed then: the trend's earlier
/// points, and the weekly status's figures at the start and end of a past week.
pub(crate) fn readiness_then(
    conn: &Conn,
    rollout_id: &str,
    days: &[NaiveDate],
) -> Result<Vec<ReadinessThen>> {
    let Some(earliest) = days.iter().min().copied() else {
        return Ok(Vec::new());
    };
    let criteria = list_with_trashed(conn, rollout_id)?;
    let sops = linked_sops_in(conn, rollout_id)?;
    let criterion_ids: Vec<String> = criteria.iter().map(|(c, ..)| c.id.clone()).collect();
    let sop_ids: Vec<String> = sops.iter().map(|l| l.sop.id.clone()).collect();
    let since = end_of(earliest);
    let criterion_entries =
        entries_since(conn, EntityKind::ReadinessCriterion, &criterion_ids, &since)?;
    let sop_entries = entries_since(conn, EntityKind::Sop, &sop_ids, &since)?;
    let completion = completion_on(conn, rollout_id, days)?;
    Ok(days
        .iter()
        .zip(completion)
        .map(|(&day, roles)| {
            let cutoff = end_of(day);
            let later = |entry: &&AuditEntry| entry.at >= cutoff;
            let criterion_changes: Vec<&AuditEntry> =
                criterion_entries.iter().filter(later).collect();
            let sop_changes: Vec<&AuditEntry> = sop_entries.iter().filter(later).collect();
            let criteria = criteria_then(&criteria, &criterion_changes, &cutoff);
            let readiness =
                readiness_from(criteria.clone(), &roles, &sops_then(&sops, &sop_changes));
            ReadinessThen {
                readiness,
                criteria,
                training: roles,
            }
        })
        .collect())
}

/// The first instant after `day`, as the audit log writes instants (UTC ISO-8601, which
/// sorts as text): a day's state is what stood when it ended.
fn end_of(day: NaiveDate) -> String {
    format!("{}T00:00:00.000Z", day + Duration::days(1))
}

/// The criteria as they stood before `later` (newest first) happened: `criteria` are
/// today's, trashed ones included, each with its creation instant.
fn criteria_then(
    criteria: &[(Criterion, String, bool)],
    later: &[&AuditEntry],
    cutoff: &str,
) -> Vec<Criterion> {
    criteria
        .iter()
        .filter(|(_, created_at, _)| created_at.as_str() < cutoff)
        .filter_map(|(criterion, _, trashed)| {
            let mut then = criterion.clone();
            let mut trashed = *trashed;
            for entry in later.iter().filter(|e| e.entity_id == criterion.id) {
                match entry.action {
                    AuditAction::Create | AuditAction::Purge => return None,
                    AuditAction::Trash => trashed = false,
                    AuditAction::Restore => trashed = true,
                    AuditAction::Update => undo_criterion_changes(&mut then, entry),
                }
            }
            (!trashed).then_some(then)
        })
        .collect()
}

/// Puts back the old value of each field readiness weighs that `entry` changed.
fn undo_criterion_changes(criterion: &mut Criterion, entry: &AuditEntry) {
    for change in &entry.changes {
        let old = change.old.as_deref().unwrap_or_default();
        match change.field.as_str() {
            "status" => {
                if let Some(status) = CriterionStatus::from_code(old) {
                    criterion.status = status;
                }
            }
            "hard_gate" => criterion.hard_gate = old == "yes",
            "title" => old.clone_into(&mut criterion.title),
            "category" => {
                if let Some(category) = ReadinessCategory::from_code(old) {
                    criterion.category = category;
                }
            }
            _ => {}
        }
    }
}

/// The linked SOPs with the status each had before `later` (newest first) happened;
/// an SOP written after then is left out.
fn sops_then(sops: &[LinkedSop], later: &[&AuditEntry]) -> Vec<LinkedSop> {
    sops.iter()
        .filter_map(|linked| {
            let mut then = linked.clone();
            for entry in later.iter().filter(|e| e.entity_id == linked.sop.id) {
                if entry.action == AuditAction::Create {
                    return None;
                }
                let old_status = entry
                    .changes
                    .iter()
                    .find(|c| c.field == "status")
                    .and_then(|c| c.old.as_deref())
                    .and_then(SopStatus::from_code);
                if let Some(status) = old_status {
                    then.sop.status = status;
                }
            }
            Some(then)
        })
        .collect()
}
