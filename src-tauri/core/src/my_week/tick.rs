//! Ticking a line of a person's week off, in place: a task done, a criterion met, a
//! message sent, a training completed, an SOP reviewed. Each goes through the record's
//! own write — the same checks, history and stale-edit refusal as its own screen — and
//! changes only the one field. (A metric's value is recorded as on the metric's page.)

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;

use crate::plan::TaskStatus;
use crate::readiness::CriterionStatus;
use crate::{Result, Store};

/// A line of the week to tick off, with the version the person saw.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WeekItem {
    Task {
        id: String,
        row_version: i64,
    },
    Criterion {
        id: String,
        row_version: i64,
    },
    Message {
        id: String,
        row_version: i64,
    },
    Training {
        module_id: String,
        person_id: String,
    },
    Review {
        id: String,
        row_version: i64,
    },
}

impl Store {
    /// Ticks `item` off as of `today`; refused, with the record's own message, if it
    /// changed since the person's week was drawn.
    pub fn complete_week_item(&self, item: &WeekItem, today: NaiveDate) -> Result<()> {
        match item {
            WeekItem::Task { id, row_version } => {
                let task = self.get_task(id)?;
                let draft = crate::plan::TaskDraft {
                    status: TaskStatus::Done,
                    ..task.draft()
                };
                self.update_task(id, *row_version, &draft).map(drop)
            }
            WeekItem::Criterion { id, row_version } => self
                .set_criterion_status(id, *row_version, CriterionStatus::Met)
                .map(drop),
            WeekItem::Message { id, row_version } => self
                .mark_communication_sent(id, *row_version, today)
                .map(drop),
            WeekItem::Training {
                module_id,
                person_id,
            } => self
                .complete_training(
                    module_id,
                    std::slice::from_ref(person_id),
                    &crate::time::date_text(today),
                    None,
                    today,
                )
                .map(drop),
            WeekItem::Review { id, row_version } => {
                self.mark_sop_reviewed(id, *row_version, today).map(drop)
            }
        }
    }
}
