//! Writing an SOP's working copy: adding one, and saving an edit — which, on an approved
//! SOP, starts its next version as a draft. The SQL is in `store/`.

use super::store::sops::SopValues;
use super::store::Tx;
use super::store::{children, search, sops as store};
use super::validate::{validate, ValidDates};
use super::{Sop, SopDraft, SopException, SopStatus, Step};
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::store::editable::check_editable;
use crate::time::{now, timestamp_text};
use crate::{CoreError, Result, Store};

impl Store {
    /// Adds an SOP (as a draft, version 1).
    pub fn create_sop(&self, draft: &SopDraft) -> Result<Sop> {
        self.write(|tx| insert_sop(tx, draft))
    }

    /// Saves an edit. Editing the content of an approved SOP starts its next version as a
    /// draft; the approved revision stays in force until that draft is approved.
    pub fn update_sop(&self, id: &str, expected_row_version: i64, draft: &SopDraft) -> Result<Sop> {
        self.write(|tx| update_in(tx, id, expected_row_version, draft))
    }
}

/// Saves an edit inside a caller's transaction (see [`Store::update_sop`]).
pub(crate) fn update_in(
    tx: &Tx<'_>,
    id: &str,
    expected_row_version: i64,
    draft: &SopDraft,
) -> Result<Sop> {
    let draft = &with_step_ids(draft);
    let dates = validate(draft)?;
    let current = store::fetch(tx, id)?;
    check_editable(
        &current.code,
        store::is_trashed(tx, id)?,
        current.row_version,
        expected_row_version,
    )?;
    let (version, status) = next_version(&current, draft)?;
    check_code_free(store::code_holder(tx, &draft.code, Some(id))?, draft)?;
    check_replaces(tx, Some(id), draft.replaces.as_deref())?;
    let mut changes = ChangeSet::default();
    describe(&mut changes, &current.draft(), draft);
    changes.compare("version", current.version.to_string(), version.to_string());
    changes.compare("status", current.status.code(), status.code());
    if changes.is_empty() {
        return Ok(current);
    }
    let at = timestamp_text(now());
    let values = values(draft, status, version, &dates);
    store::update(tx, id, expected_row_version, &current.code, &values, &at)?;
    children::replace(tx, id, &draft.steps, &draft.exceptions)?;
    audit::record(
        tx,
        &at,
        EntityKind::Sop,
        id,
        AuditAction::Update,
        &changes.into_changes(),
    )?;
    let updated = store::fetch(tx, id)?;
    search::reindex(tx, &updated)?;
    Ok(updated)
}

/// The version and status an edit of `current` saves as. The working copy that is
/// itself an approved revision (approved, or retired after it) cannot change in place,
/// so an edit to its content starts the next version as a draft.
fn next_version(current: &Sop, draft: &SopDraft) -> Result<(i64, SopStatus)> {
    let frozen = current.approved_version == Some(current.version);
    let content_changed = content(&current.draft()) != content(draft);
    let (version, status) = if frozen && content_changed {
        (current.version + 1, SopStatus::Draft)
    } else {
        (current.version, draft.status)
    };
    if status == SopStatus::Approved && !frozen {
        return Err(CoreError::invalid(
            "status",
            "Approve the SOP with Approve, which records who approved it.",
        ));
    }
    if frozen && !content_changed && matches!(status, SopStatus::Draft | SopStatus::InReview) {
        return Err(CoreError::invalid(
            "status",
            format!(
                "Version {} is approved and cannot go back to {}: edit the procedure to start version {}, or retire it.",
                current.version,
                status.label().to_lowercase(),
                current.version + 1
            ),
        ));
    }
    Ok((version, status))
}

/// Validates and inserts an SOP inside a caller's transaction.
pub(crate) fn insert_sop(tx: &Tx<'_>, draft: &SopDraft) -> Result<Sop> {
    let draft = &with_step_ids(draft);
    let dates = validate(draft)?;
    if draft.status == SopStatus::Approved {
        return Err(CoreError::invalid(
            "status",
            "A new SOP starts as a draft; approve it once it has steps.",
        ));
    }
    check_code_free(store::code_holder(tx, &draft.code, None)?, draft)?;
    check_replaces(tx, None, draft.replaces.as_deref())?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    store::insert(tx, &id, &values(draft, draft.status, 1, &dates), &at)?;
    children::replace(tx, &id, &draft.steps, &draft.exceptions)?;
    let mut changes = ChangeSet::default();
    changes.compare("code", "", draft.code.trim());
    changes.compare("title", "", draft.title.trim());
    audit::record(
        tx,
        &at,
        EntityKind::Sop,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    let sop = store::fetch(tx, &id)?;
    search::reindex(tx, &sop)?;
    Ok(sop)
}

/// The row a checked draft becomes: labels trimmed, free text as typed.
fn values<'a>(
    draft: &'a SopDraft,
    status: SopStatus,
    version: i64,
    dates: &ValidDates,
) -> SopValues<'a> {
    SopValues {
        code: draft.code.trim(),
        title: draft.title.trim(),
        purpose: &draft.purpose,
        scope: &draft.scope,
        owner: draft.owner.trim(),
        status,
        version,
        effective_date: dates.effective_date,
        review_interval_months: draft.review_interval_months,
        next_review_override: dates.next_review_override,
        tags: &draft.tags,
        replaces: draft.replaces.as_deref(),
    }
}

/// The draft with an id on every step (a new step gets a fresh one; one kept from the
/// saved copy stays, so an exception naming it follows it wherever it moves) and a
/// blank "applies to" read as the whole procedure.
fn with_step_ids(draft: &SopDraft) -> SopDraft {
    let mut draft = draft.clone();
    for step in &mut draft.steps {
        if step.id.trim().is_empty() {
            step.id = uuid::Uuid::now_v7().to_string();
        }
    }
    for exception in &mut draft.exceptions {
        if exception
            .step_id
            .as_deref()
            .is_some_and(|s| s.trim().is_empty())
        {
            exception.step_id = None;
        }
    }
    if draft
        .replaces
        .as_deref()
        .is_some_and(|s| s.trim().is_empty())
    {
        draft.replaces = None;
    }
    draft
}

/// Refuses a "replaces" that names the SOP itself, an SOP that is not there, or one
/// that (through what it replaces in turn) already leads back to this SOP.
fn check_replaces(tx: &Tx<'_>, own_id: Option<&str>, replaces: Option<&str>) -> Result<()> {
    let Some(replaced) = replaces else {
        return Ok(());
    };
    if Some(replaced) == own_id {
        return Err(CoreError::invalid(
            "replaces",
            "An SOP cannot replace itself: choose the procedure it takes over from.",
        ));
    }
    let title = match store::fetch(tx, replaced) {
        Ok(sop) if !store::is_trashed(tx, replaced)? => sop.title,
        Ok(_) | Err(CoreError::NotFound { .. }) => {
            return Err(CoreError::invalid(
                "replaces",
                "The SOP it replaces is no longer in the library: choose another.",
            ))
        }
        Err(other) => return Err(other),
    };
    if let Some(own) = own_id {
        if store::replaced_chain(tx, replaced)?
            .iter()
            .any(|id| id == own)
        {
            return Err(CoreError::invalid(
                "replaces",
                format!("'{title}' already replaces this SOP, directly or in turn: one of them must be the earlier procedure."),
            ));
        }
    }
    Ok(())
}

/// Refuses a code that a live SOP (titled `holder`) already has.
fn check_code_free(holder: Option<String>, draft: &SopDraft) -> Result<()> {
    match holder {
        Some(title) => Err(CoreError::invalid(
            "code",
            format!("{} is already the code of '{title}'.", draft.code.trim()),
        )),
        None => Ok(()),
    }
}

/// The parts of a draft that make up the procedure itself (not its status or dates).
fn content(draft: &SopDraft) -> (&str, &str, &str, &str, &str, &Vec<Step>, &Vec<SopException>) {
    (
        draft.code.trim(),
        draft.title.trim(),
        &draft.purpose,
        &draft.scope,
        draft.owner.trim(),
        &draft.steps,
        &draft.exceptions,
    )
}

fn describe(changes: &mut ChangeSet, old: &SopDraft, new: &SopDraft) {
    changes.compare("code", old.code.as_str(), new.code.trim());
    changes.compare("title", old.title.as_str(), new.title.trim());
    changes.compare("purpose", old.purpose.as_str(), new.purpose.as_str());
    changes.compare("scope", old.scope.as_str(), new.scope.as_str());
    changes.compare("owner", old.owner.as_str(), new.owner.trim());
    changes.compare(
        "effective_date",
        old.effective_date.clone().unwrap_or_default(),
        new.effective_date.clone().unwrap_or_default(),
    );
    changes.compare(
        "review_interval_months",
        old.review_interval_months.to_string(),
        new.review_interval_months.to_string(),
    );
    changes.compare("tags", old.tags.join(", "), new.tags.join(", "));
    changes.compare(
        "replaces",
        old.replaces.clone().unwrap_or_default(),
        new.replaces.clone().unwrap_or_default(),
    );
    changes.compare("steps", steps_text(&old.steps), steps_text(&new.steps));
    changes.compare(
        "exceptions",
        exceptions_text(&old.exceptions, &old.steps),
        exceptions_text(&new.exceptions, &new.steps),
    );
}

/// Steps as numbered lines, so the audit log shows what changed in words. Every field a
/// person edits is in the line: a change the text does not show would count as no
/// change, and the save would be skipped.
fn steps_text(steps: &[Step]) -> String {
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let check = match s.quality_check.trim() {
                "" => String::new(),
                check => format!(" (check: {check})"),
            };
            format!(
                "{}. {}: {}{check}",
                i + 1,
                s.role.trim(),
                s.instruction.trim()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Exceptions as lines, each with the step it applies to by number, whom it escalates
/// to, within what time and with what evidence: every field is in the line, so any edit
/// of one is a change the log shows (and the save keeps).
fn exceptions_text(exceptions: &[SopException], steps: &[Step]) -> String {
    exceptions
        .iter()
        .map(|e| {
            let at = match e.step_id.as_deref() {
                None => String::new(),
                Some(id) => match steps.iter().position(|s| s.id == id) {
                    Some(index) => format!(" (at step {})", index + 1),
                    None => " (at a removed step)".to_owned(),
                },
            };
            let mut line = format!("If {}{at}: {}", e.trigger.trim(), e.action.trim());
            for (label, value) in [
                ("escalate to", &e.escalate_to),
                ("within", &e.within),
                ("evidence", &e.evidence),
            ] {
                if !value.trim().is_empty() {
                    line.push_str(&format!("; {label} {}", value.trim()));
                }
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}
