//! Importing a bundle: one transaction that adds what is new, skips what is the same,
//! and for what differs either applies the caller's choice or reports the conflict.
//! The preview runs exactly this code in a transaction that is rolled back.

use rusqlite::Transaction;

use super::directory::match_directory;
use super::format::Bundle;
use super::links::{merge_dependencies, merge_sop_links};
use super::parse::parse_bundle;
use super::record::{differences, insert, load_by_id, update, Record};
use super::references::check_references;
use super::report::{BundleConflict, BundleImportReport, BundleResolution, BundleResolutions};
use super::verdict::readiness_change;
use crate::audit::{self, AuditAction, FieldChange};
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// What importing `json` would do with these choices (pass the default for none):
    /// the same code as [`Store::import_bundle`], rolled back. Conflicts without a
    /// choice are listed with `resolution: None`.
    pub fn preview_bundle_import(
        &self,
        json: &str,
        resolutions: &BundleResolutions,
    ) -> Result<BundleImportReport> {
        let bundle = parse_bundle(json)?;
        self.dry_run(|tx| merge(tx, bundle, resolutions, false))
    }

    /// Imports a bundle in one transaction, after a `before-import` backup. Refused,
    /// with nothing written, when the bundle is malformed or a conflict has no choice in
    /// `resolutions`.
    pub fn import_bundle(
        &self,
        json: &str,
        resolutions: &BundleResolutions,
    ) -> Result<BundleImportReport> {
        let bundle = parse_bundle(json)?;
        self.write_after_backup(|tx| merge(tx, bundle, resolutions, true))
    }
}

pub(super) fn merge(
    tx: &Transaction<'_>,
    mut bundle: Bundle,
    resolutions: &BundleResolutions,
    writing: bool,
) -> Result<BundleImportReport> {
    let mut report = BundleImportReport {
        rollout_id: bundle.rollout.id.clone(),
        rollout_name: bundle.rollout.name.clone(),
        written: writing,
        ..BundleImportReport::default()
    };
    match_directory(tx, &mut bundle, &mut report.warnings)?;
    check_references(tx, &bundle)?;
    let mut merge = Merge {
        tx,
        rollout_id: bundle.rollout.id.clone(),
        at: timestamp_text(now()),
        resolutions,
        report,
    };
    // Parents before children, so every foreign key finds its row.
    merge.record(&bundle.rollout)?;
    merge.section(&bundle.roles)?;
    merge.section(&bundle.people)?;
    merge.section(&bundle.phases)?;
    merge.section(&bundle.tasks)?;
    merge_dependencies(&mut merge, &bundle.dependencies)?;
    merge.section(&bundle.criteria)?;
    merge.section(&bundle.risks)?;
    merge.section(&bundle.decisions)?;
    merge.section(&bundle.communications)?;
    merge.section(&bundle.weekly_statuses)?;
    merge.section(&bundle.debriefs)?;
    merge.section(&bundle.stakeholders)?;
    merge.section(&bundle.scope_changes)?;
    merge.section(&bundle.training_modules)?;
    merge.section(&bundle.training_requirements)?;
    merge.section(&bundle.training_records)?;
    merge.section(&bundle.metrics)?;
    merge.section(&bundle.metric_thresholds)?;
    merge.section(&bundle.metric_measurements)?;
    merge.section(&bundle.pdsa_cycles)?;
    merge.section(&bundle.sops)?;
    merge.section(&bundle.sop_revisions)?;
    merge_sop_links(&mut merge, &bundle.sops)?;

    let mut report = merge.report;
    if let Some(programme) = &bundle.programme {
        let warnings = crate::programmes::join_from_bundle(tx, programme, &bundle.rollout.id)?;
        report.warnings.extend(warnings);
    }
    if let Some(change) = readiness_change(tx, &bundle)? {
        report.warnings.push(change.explanation.clone());
        report.readiness_change = Some(change);
    }
    let unresolved: Vec<String> = report
        .unresolved()
        .map(|c| format!("{} '{}'", c.section, c.label))
        .collect();
    if writing && !unresolved.is_empty() {
        let shown = unresolved
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        let more = unresolved.len().saturating_sub(3);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        return Err(CoreError::Conflict(format!(
            "Nothing was imported: {} of the bundle's records differ from yours ({shown}{more}). \
             Preview the import and choose, for each, to keep yours or take the bundle's.",
            unresolved.len()
        )));
    }
    Ok(report)
}

/// The state of one import while it walks the bundle.
pub(super) struct Merge<'t, 'c> {
    pub tx: &'t Transaction<'c>,
    pub rollout_id: String,
    pub at: String,
    pub resolutions: &'t BundleResolutions,
    pub report: BundleImportReport,
}

/// What to do with one incoming record; `None` from [`Merge::decide`] means a conflict
/// that waits for the user's choice (nothing is written for it).
pub(super) enum Decision {
    Add,
    Skip,
    Update,
}

impl Merge<'_, '_> {
    fn section<R: Record>(&mut self, records: &[R]) -> Result<()> {
        self.report.counts(R::SECTION);
        records.iter().try_for_each(|record| self.record(record))
    }

    fn record<R: Record>(&mut self, incoming: &R) -> Result<()> {
        let decision = match load_by_id::<R>(self.tx, incoming.id())? {
            None => Some(Decision::Add),
            Some(stored) if stored.trashed => {
                self.report.warnings.push(format!(
                    "{} '{}' is in your trash, so the bundle's copy was not imported. Restore \
                     it and import again to compare.",
                    R::SECTION,
                    incoming.label()
                ));
                Some(Decision::Skip)
            }
            Some(stored) => {
                let fields = differences(&stored.record, incoming);
                let decision = self.decide(
                    R::SECTION,
                    incoming.id(),
                    &incoming.label(),
                    &fields,
                    !R::IMMUTABLE,
                );
                if matches!(decision, Some(Decision::Update)) {
                    update(self.tx, incoming, stored.row_version, &self.at)?;
                    let target = incoming.audit_target();
                    audit::record(
                        self.tx,
                        &self.at,
                        R::ENTITY,
                        target,
                        AuditAction::Update,
                        &fields,
                    )?;
                }
                decision
            }
        };
        if let Some(Decision::Add) = decision {
            let created = insert(self.tx, incoming, &self.rollout_id, &self.at)?;
            let (action, changes) = incoming.creation_audit(created);
            audit::record(
                self.tx,
                &self.at,
                R::ENTITY,
                incoming.audit_target(),
                action,
                &changes,
            )?;
        }
        self.count(R::SECTION, decision.as_ref());
        Ok(())
    }

    /// Same content: skip. Different: a conflict, listed in the report and settled by the
    /// caller's choice; a record that can never change is always kept as it is here.
    pub(super) fn decide(
        &mut self,
        section: &str,
        id: &str,
        label: &str,
        fields: &[FieldChange],
        can_take_theirs: bool,
    ) -> Option<Decision> {
        if fields.is_empty() {
            return Some(Decision::Skip);
        }
        let key = format!("{section}/{id}");
        let resolution = if can_take_theirs {
            self.resolutions.for_key(&key)
        } else {
            self.report.warnings.push(format!(
                "{section} '{label}': the bundle's copy differs from yours, but an approved SOP \
                 revision is a record of what was in force and never changes, so yours is kept."
            ));
            Some(BundleResolution::KeepMine)
        };
        self.report.conflicts.push(BundleConflict {
            key,
            section: section.to_owned(),
            id: id.to_owned(),
            label: label.to_owned(),
            fields: fields.to_vec(),
            can_take_theirs,
            resolution,
        });
        match resolution? {
            BundleResolution::KeepMine => Some(Decision::Skip),
            BundleResolution::TakeTheirs => Some(Decision::Update),
        }
    }

    /// Tallies a decision; a conflict still waiting for a choice is in the conflicts only.
    pub(super) fn count(&mut self, section: &str, decision: Option<&Decision>) {
        let counts = self.report.counts(section);
        match decision {
            Some(Decision::Add) => counts.added += 1,
            Some(Decision::Skip) => counts.skipped += 1,
            Some(Decision::Update) => counts.updated += 1,
            None => {}
        }
    }
}
