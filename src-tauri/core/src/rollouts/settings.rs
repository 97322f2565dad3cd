//! A rollout's settings that are not part of its description: how its plan reacts when
//! a task's dates change.

use rusqlite::params;

use super::store::fetch;
use super::{Rollout, ScheduleMode};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// Chooses whether a task's date change moves what waits for it or only flags it;
    /// refused if the rollout changed since `expected_row_version`.
    pub fn set_schedule_mode(
        &self,
        id: &str,
        expected_row_version: i64,
        mode: ScheduleMode,
    ) -> Result<Rollout> {
        self.write(|tx| {
            let current = fetch(tx, id)?;
            if current.deleted_at.is_some() {
                return Err(CoreError::Conflict(format!(
                    "'{}' is in the trash: restore it before editing.",
                    current.name
                )));
            }
            if current.schedule_mode == mode {
                return Ok(current);
            }
            let at = timestamp_text(now());
            let changed = tx.execute(
                "UPDATE rollouts SET schedule_mode = ?1, updated_at = ?2,
                     row_version = row_version + 1
                 WHERE id = ?3 AND row_version = ?4",
                params![mode.code(), at, id, expected_row_version],
            )?;
            if changed == 0 {
                return Err(CoreError::Conflict(format!(
                    "'{}' was changed elsewhere since you opened it; reload to see the latest.",
                    current.name
                )));
            }
            let mut changes = ChangeSet::default();
            changes.compare("schedule_mode", current.schedule_mode.code(), mode.code());
            audit::record(
                tx,
                &at,
                EntityKind::Rollout,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            fetch(tx, id)
        })
    }
}
