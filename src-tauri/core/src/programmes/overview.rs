//! The programme page's content: each wave with the figures its own rollout screens
//! show — readiness and training from `readiness_in`, each metric's status from the
//! metrics' status list — and what the previous wave's debriefs asked the next one to
//! change. Nothing is recomputed here: every figure is the rollout's own.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::metrics::MetricStatus;
use crate::programmes::{store, waves_in, Programme};
use crate::readiness::{readiness_in, Readiness};
use crate::rollouts::Rollout;
use crate::store::Conn;
use crate::{Result, Store};

/// A programme's page: its waves in order, each with its figures.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProgrammeOverview {
    pub programme: Programme,
    pub waves: Vec<WaveOverview>,
    /// The day the figures are as of.
    pub as_of: NaiveDate,
}

/// One wave on the programme's page.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WaveOverview {
    pub number: i64,
    pub rollout: Rollout,
    /// The rollout's readiness, with its trained % (`readiness.training`): the same
    /// figures its overview shows.
    pub readiness: Readiness,
    /// Each live metric with its status, as the rollout's metrics page shows them.
    pub metrics: Vec<MetricStatus>,
    /// What the previous wave's debriefs asked to change; empty for wave 1.
    pub lessons: Vec<DebriefLesson>,
}

/// What one debrief of the previous wave asked the next wave to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DebriefLesson {
    pub rollout_name: String,
    pub held_on: NaiveDate,
    pub title: String,
    /// What was changed, in the debrief's words.
    pub changed: String,
    /// The check the debrief would add next time.
    pub next_check: String,
}

impl Store {
    /// A programme's waves, each with its readiness, training and metrics as of `today`
    /// and the previous wave's lessons, read in one transaction.
    pub fn programme_overview(&self, id: &str, today: NaiveDate) -> Result<ProgrammeOverview> {
        self.read(|conn| {
            let programme = store::programmes::fetch(conn, id)?;
            let mut waves: Vec<WaveOverview> = Vec::new();
            for wave in waves_in(conn, id)? {
                let lessons = match waves.last() {
                    Some(previous) => lessons_of(conn, &previous.rollout)?,
                    None => Vec::new(),
                };
                waves.push(WaveOverview {
                    number: wave.number,
                    readiness: readiness_in(conn, &wave.rollout.id, today)?,
                    metrics: crate::metrics::rollout_statuses_in(conn, &wave.rollout.id, today)?,
                    lessons,
                    rollout: wave.rollout,
                });
            }
            Ok(ProgrammeOverview {
                programme,
                waves,
                as_of: today,
            })
        })
    }
}

/// What a rollout's debriefs changed and would check next time, oldest first; a
/// debrief that says neither is left out.
fn lessons_of(conn: &Conn, rollout: &Rollout) -> Result<Vec<DebriefLesson>> {
    let mut lessons: Vec<DebriefLesson> = crate::debriefs::list_debriefs_in(conn, &rollout.id)?
        .into_iter()
        .filter(|d| !d.changed.trim().is_empty() || !d.next_check.trim().is_empty())
        .map(|d| DebriefLesson {
            rollout_name: rollout.name.clone(),
            held_on: d.held_on,
            title: d.title,
            changed: d.changed,
            next_check: d.next_check,
        })
        .collect();
    lessons.sort_by_key(|l| l.held_on);
    Ok(lessons)
}
