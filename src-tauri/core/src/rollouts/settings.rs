//! A rollout's settings that are not part of its description: how its plan reacts when
//! a task's dates change.

use super::store;
use super::write::edit;
use super::{Rollout, ScheduleMode};
use crate::audit::ChangeSet;
use crate::{Result, Store};

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
            let current = store::fetch(tx, id)?;
            let mut changes = ChangeSet::default();
            changes.compare("schedule_mode", current.schedule_mode.code(), mode.code());
            edit(tx, current, expected_row_version, changes, |version, at| {
                store::update_schedule_mode(tx, version, mode, at)
            })
        })
    }
}
