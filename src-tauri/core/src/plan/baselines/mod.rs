//! Baselines: *Set baseline* freezes the plan's dates of one rollout under a name
//! ("Signed-off plan"), so the plan of today can be held against the plan people agreed
//! to. Several are kept per rollout; the rollout compares with the one a person chose,
//! else the latest. The comparison (what moved, what go-live did) is computed once, in
//! `compare.rs`, and every screen and export shows that value.

mod compare;
mod rows;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

pub use compare::{BaselineComparison, BaselineTaskDates};

use super::Task;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::editable::check_editable;
use crate::store::trash::trash_or_restore;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

/// The longest name a baseline takes.
pub const MAX_BASELINE_NAME_CHARS: usize = 120;

const TABLE: &str = "plan_baselines";
const NOUN: &str = "Baseline";

/// A rollout's plan dates as they stood when the baseline was set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Baseline {
    pub id: String,
    pub rollout_id: String,
    pub name: String,
    /// When it was set.
    pub set_at: DateTime<Utc>,
    /// The rollout's go-live when it was set.
    pub go_live_date: Option<NaiveDate>,
    /// How many tasks it froze.
    pub task_count: u32,
    /// Whether the rollout compares with this one.
    pub compared: bool,
    pub row_version: i64,
}

/// What the plan tab shows of the baseline the rollout compares with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanBaselineView {
    pub baseline: Baseline,
    pub comparison: BaselineComparison,
    /// The baseline dates of each live task it has, in plan order; a task added since
    /// has none.
    pub tasks: Vec<BaselineTaskDates>,
}

/// The comparison of `tasks` (the rollout's live tasks) with its compared baseline.
pub(crate) fn plan_baseline(
    conn: &Connection,
    rollout_id: &str,
    tasks: &[Task],
    go_live: Option<NaiveDate>,
) -> Result<Option<PlanBaselineView>> {
    let Some(baseline) = rows::compared(conn, rollout_id)? else {
        return Ok(None);
    };
    let frozen = rows::frozen_dates(conn, &baseline.id)?;
    let (comparison, dates) = compare::compare(
        (&baseline.id, &baseline.name, baseline.go_live_date),
        &frozen,
        tasks,
        go_live,
    );
    Ok(Some(PlanBaselineView {
        baseline,
        comparison,
        tasks: dates,
    }))
}

/// The rollout's comparison with its compared baseline, for reports and statuses.
pub(crate) fn comparison(
    conn: &Connection,
    rollout_id: &str,
) -> Result<Option<BaselineComparison>> {
    let rollout = crate::rollouts::fetch_rollout(conn, rollout_id)?;
    let tasks = super::list_live_tasks(conn, rollout_id)?;
    Ok(plan_baseline(conn, rollout_id, &tasks, rollout.go_live_date)?.map(|view| view.comparison))
}

/// "14 tasks later than baseline, go-live unchanged (baseline “Signed-off plan”)": the
/// comparison as a report's Plan section and a weekly status say it.
pub fn baseline_line(comparison: &BaselineComparison) -> String {
    format!(
        "{} (baseline “{}”).",
        comparison.sentence, comparison.baseline_name
    )
}

fn valid_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CoreError::invalid(
            "name",
            "Give the baseline a name, such as Signed-off plan.",
        ));
    }
    if name.chars().count() > MAX_BASELINE_NAME_CHARS {
        return Err(CoreError::invalid(
            "name",
            format!("Keep the name under {MAX_BASELINE_NAME_CHARS} characters."),
        ));
    }
    Ok(name.to_owned())
}

impl Store {
    /// Freezes the start and due of every live task of the rollout, and its go-live,
    /// under `name`; the rollout then compares with this baseline.
    pub fn set_baseline(&self, rollout_id: &str, name: &str) -> Result<Baseline> {
        let name = valid_name(name)?;
        self.write(|tx| {
            let rollout = crate::rollouts::fetch_rollout(tx, rollout_id)?;
            if rollout.deleted_at.is_some() {
                return Err(CoreError::Conflict(format!(
                    "'{}' is in the trash: restore it before setting a baseline.",
                    rollout.name
                )));
            }
            let id = uuid::Uuid::now_v7().to_string();
            let at = timestamp_text(now());
            rows::insert(tx, &id, rollout_id, &name, rollout.go_live_date, &at)?;
            rows::choose(tx, rollout_id, &id, &at)?;
            let mut changes = ChangeSet::default();
            changes.compare("name", "", name.as_str());
            changes.compare(
                "go_live_date",
                "",
                rollout
                    .go_live_date
                    .map(crate::time::date_text)
                    .unwrap_or_default(),
            );
            audit::record(
                tx,
                &at,
                EntityKind::PlanBaseline,
                &id,
                AuditAction::Create,
                &changes.into_changes(),
            )?;
            compared_entry(tx, rollout_id, &id)
        })
    }

    /// A rollout's baselines (not in the trash), latest set first, the compared one
    /// marked.
    pub fn list_baselines(&self, rollout_id: &str) -> Result<Vec<Baseline>> {
        self.read(|conn| {
            crate::rollouts::require_rollout(conn, rollout_id)?;
            rows::list_live(conn, rollout_id)
        })
    }

    /// Renames a baseline edited at `expected_row_version`.
    pub fn rename_baseline(
        &self,
        id: &str,
        expected_row_version: i64,
        name: &str,
    ) -> Result<Baseline> {
        let name = valid_name(name)?;
        self.write(|tx| {
            let (current, trashed) = rows::fetch(tx, id)?;
            check_editable(
                &current.name,
                trashed,
                current.row_version,
                expected_row_version,
            )?;
            if current.name != name {
                let at = timestamp_text(now());
                rows::rename(tx, (id, expected_row_version, &current.name), &name, &at)?;
                let mut changes = ChangeSet::default();
                changes.compare("name", current.name.as_str(), name.as_str());
                audit::record(
                    tx,
                    &at,
                    EntityKind::PlanBaseline,
                    id,
                    AuditAction::Update,
                    &changes.into_changes(),
                )?;
            }
            compared_entry(tx, &current.rollout_id, id)
        })
    }

    /// Makes the rollout compare with the baseline `id`; returns the rollout's
    /// baselines with the new choice marked.
    pub fn choose_baseline(&self, id: &str) -> Result<Vec<Baseline>> {
        self.write(|tx| {
            let (chosen, trashed) = rows::fetch(tx, id)?;
            if trashed {
                return Err(CoreError::Conflict(format!(
                    "'{}' is in the trash: restore it before comparing with it.",
                    chosen.name
                )));
            }
            let before = rows::compared(tx, &chosen.rollout_id)?;
            if before.as_ref().map(|b| b.id.as_str()) != Some(id) {
                let at = timestamp_text(now());
                rows::choose(tx, &chosen.rollout_id, id, &at)?;
                let mut changes = ChangeSet::default();
                changes.compare(
                    "compared_with",
                    before.map(|b| b.name).unwrap_or_default(),
                    chosen.name.as_str(),
                );
                audit::record(
                    tx,
                    &at,
                    EntityKind::PlanBaseline,
                    id,
                    AuditAction::Update,
                    &changes.into_changes(),
                )?;
            }
            rows::list_live(tx, &chosen.rollout_id)
        })
    }

    /// Moves a baseline to the trash; the rollout then compares with its latest other
    /// one (or with none).
    pub fn remove_baseline(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, TABLE, EntityKind::PlanBaseline, NOUN, id, true))
    }

    /// Brings a removed baseline back, with every date it froze.
    pub fn restore_baseline(&self, id: &str) -> Result<()> {
        self.write(|tx| trash_or_restore(tx, TABLE, EntityKind::PlanBaseline, NOUN, id, false))
    }

    /// How the rollout's plan stands against the baseline it compares with; None
    /// without a baseline.
    pub fn baseline_comparison(&self, rollout_id: &str) -> Result<Option<BaselineComparison>> {
        self.read(|conn| comparison(conn, rollout_id))
    }

    /// The same for live `tasks` and `go_live` already read by the caller.
    pub(crate) fn baseline_comparison_of(
        &self,
        rollout_id: &str,
        tasks: &[Task],
        go_live: Option<NaiveDate>,
    ) -> Result<Option<BaselineComparison>> {
        self.read(|conn| {
            Ok(plan_baseline(conn, rollout_id, tasks, go_live)?.map(|view| view.comparison))
        })
    }
}

/// The baseline `id` as listed for its rollout (with whether it is compared).
fn compared_entry(conn: &Connection, rollout_id: &str, id: &str) -> Result<Baseline> {
    rows::list_live(conn, rollout_id)?
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| CoreError::NotFound {
            entity: NOUN,
            id: id.to_owned(),
        })
}
