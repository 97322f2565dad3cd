//! Training modules: the courses, sessions and tip sheets people complete. Checks work
//! on the draft alone; the SQL is in [`super::store::modules`].

use super::store::{self, modules};
use super::{ModuleDraft, TrainingModule};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::editable::check_editable;
use crate::time::{now, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

const MAX_DURATION_MINUTES: i64 = 7 * 24 * 60;

impl Store {
    /// Modules not in the trash, by title.
    pub fn list_training_modules(&self) -> Result<Vec<TrainingModule>> {
        self.read(modules::list_live)
    }

    pub fn create_training_module(&self, draft: &ModuleDraft) -> Result<TrainingModule> {
        self.write(|tx| store::insert_module(tx, draft))
    }

    /// Edits a module; refused if it is in the trash or changed since
    /// `expected_row_version`.
    pub fn update_training_module(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &ModuleDraft,
    ) -> Result<TrainingModule> {
        validate(draft)?;
        self.write(|tx| {
            let (current, deleted) = modules::fetch(tx, id)?;
            check_editable(
                &current.title,
                deleted,
                current.row_version,
                expected_row_version,
            )?;
            let changes = describe(Some(&current), draft);
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            modules::update(tx, id, expected_row_version, draft, &at, &current.title)?;
            audit::record(
                tx,
                &at,
                EntityKind::TrainingModule,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(modules::fetch(tx, id)?.0)
        })
    }

    /// Moves a module to the trash: it leaves the catalogue and the matrix, and its
    /// requirements stop assigning it. Records people earned stay.
    pub fn trash_training_module(&self, id: &str) -> Result<TrainingModule> {
        self.set_module_trashed(id, true)
    }

    pub fn restore_training_module(&self, id: &str) -> Result<TrainingModule> {
        self.set_module_trashed(id, false)
    }

    fn set_module_trashed(&self, id: &str, trashed: bool) -> Result<TrainingModule> {
        self.write(|tx| {
            let (module, _) = modules::fetch(tx, id)?;
            let changed = modules::set_trashed(tx, id, trashed)?;
            if changed && !trashed {
                store::assign_missing_records(tx)?;
            }
            Ok(module)
        })
    }
}

/// Checks a module's draft.
pub(super) fn validate(draft: &ModuleDraft) -> Result<()> {
    let mut errors = Vec::new();
    if draft.title.trim().is_empty() {
        errors.push(FieldError::new("title", "Give the module a title."));
    }
    if !(0..=MAX_DURATION_MINUTES).contains(&draft.duration_minutes) {
        errors.push(FieldError::new(
            "duration_minutes",
            "The duration is in minutes, between 0 and a week.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::Validation(errors))
    }
}

/// What an edit changes, for the module's history; a new module (`None`) is noted by
/// its title and format.
pub(super) fn describe(old: Option<&TrainingModule>, new: &ModuleDraft) -> ChangeSet {
    let mut changes = ChangeSet::default();
    let Some(current) = old else {
        changes.compare("title", "", new.title.trim());
        changes.compare("format", "", new.format.code());
        return changes;
    };
    changes.compare("title", current.title.as_str(), new.title.trim());
    changes.compare("format", current.format.code(), new.format.code());
    changes.compare(
        "duration_minutes",
        current.duration_minutes.to_string(),
        new.duration_minutes.to_string(),
    );
    changes.compare(
        "description",
        current.description.as_str(),
        new.description.as_str(),
    );
    changes
}
