//! Checking a criterion's draft before it is written, and describing an edit for the
//! criterion's history — on values: the owner is looked up in the directory first.

use super::{Criterion, CriterionDraft, CriterionStatus, ReadinessCategory};
use crate::audit::ChangeSet;
use crate::{CoreError, FieldError, Result};

/// The longest file name kept as evidence: what file systems allow.
pub(crate) const MAX_FILE_NAME: usize = 255;
/// The longest link kept as evidence; browsers cope with longer, but nobody types one.
const MAX_LINK: usize = 2000;

/// The owner a draft names, as the directory resolved it: the person (id, name),
/// nobody (left empty), or the problem to report against the field.
pub(super) type FoundOwner = std::result::Result<Option<(String, String)>, FieldError>;

/// A criterion's draft once checked: what is written.
pub(super) struct ValidCriterion {
    pub category: ReadinessCategory,
    pub title: String,
    pub owner_id: Option<String>,
    pub owner_name: String,
    pub owner_role: String,
    pub status: CriterionStatus,
    pub evidence: String,
    pub evidence_link: String,
    pub evidence_file: String,
    pub hard_gate: bool,
}

/// Checks a draft against the owner found for it.
pub(super) fn validate(draft: &CriterionDraft, owner: FoundOwner) -> Result<ValidCriterion> {
    let mut errors = Vec::new();
    if draft.title.trim().is_empty() {
        errors.push(FieldError::new(
            "title",
            "Say what must be true before go-live.",
        ));
    }
    if let Some(problem) = link_problem(&draft.evidence_link) {
        errors.push(FieldError::new("evidence_link", problem));
    }
    if let Some(problem) = file_name_problem(&draft.evidence_file) {
        errors.push(FieldError::new("evidence_file", problem));
    }
    if draft.owner_role.trim().chars().any(char::is_control) {
        errors.push(FieldError::new(
            "owner_role",
            "Write the role on one line, such as Training lead.",
        ));
    }
    let (owner_id, owner_name) = match owner {
        Ok(Some((id, name))) => (Some(id), name),
        Ok(None) => (None, String::new()),
        Err(problem) => {
            errors.push(problem);
            (None, String::new())
        }
    };
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(ValidCriterion {
        category: draft.category,
        title: draft.title.trim().to_owned(),
        owner_id,
        owner_name,
        owner_role: draft.owner_role.trim().to_owned(),
        status: draft.status,
        evidence: draft.evidence.trim().to_owned(),
        evidence_link: draft.evidence_link.trim().to_owned(),
        evidence_file: draft.evidence_file.trim().to_owned(),
        hard_gate: draft.hard_gate,
    })
}

/// Why `link` is not a web address a colleague can open, if it is not. Empty is fine.
pub(crate) fn link_problem(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    if link.chars().count() > MAX_LINK {
        return Some(format!(
            "The link is longer than {MAX_LINK} characters; link to the folder instead."
        ));
    }
    if link.chars().any(char::is_whitespace) {
        return Some(
            "A link has no spaces; paste the address exactly as the browser shows it.".into(),
        );
    }
    let lower = link.to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    let Some(rest) = rest else {
        return Some(
            "A link starts with http:// or https://, such as https://intranet/go-live/test-log."
                .into(),
        );
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') {
        return Some("The link has no site after http(s)://.".into());
    }
    None
}

/// Why `name` cannot be kept as the evidence's file name, if it cannot. Empty is fine.
fn file_name_problem(name: &str) -> Option<String> {
    let name = name.trim();
    if name.chars().count() > MAX_FILE_NAME {
        return Some(format!(
            "A file name is at most {MAX_FILE_NAME} characters."
        ));
    }
    if name.chars().any(char::is_control) {
        return Some("Write the file name on one line.".into());
    }
    None
}

/// Notes every field whose stored text would change; `None` describes a new criterion.
/// The owner is noted by name, as people read the history.
pub(super) fn describe(changes: &mut ChangeSet, old: Option<&Criterion>, new: &ValidCriterion) {
    let text = |f: fn(&Criterion) -> &str| old.map(f).unwrap_or_default().to_owned();
    let flag = |on: bool| if on { "yes" } else { "no" };
    changes.compare(
        "category",
        old.map(|c| c.category.code()).unwrap_or(""),
        new.category.code(),
    );
    changes.compare("title", text(|c| &c.title), new.title.as_str());
    let (old_name, new_name) = (text(|c| &c.owner_name), new.owner_name.as_str());
    let (old_id, new_id) = (
        old.and_then(|c| c.owner_id.as_deref()),
        new.owner_id.as_deref(),
    );
    if old_name == new_name && old_id != new_id {
        // Two people of the same name: the history tells them apart by id.
        changes.compare(
            "owner_id",
            old_id.unwrap_or_default(),
            new_id.unwrap_or_default(),
        );
    }
    changes.compare("owner", old_name, new_name);
    changes.compare(
        "owner_role",
        text(|c| &c.owner_role),
        new.owner_role.as_str(),
    );
    changes.compare(
        "status",
        old.map(|c| c.status.code()).unwrap_or(""),
        new.status.code(),
    );
    changes.compare("evidence", text(|c| &c.evidence), new.evidence.as_str());
    changes.compare(
        "evidence_link",
        text(|c| &c.evidence_link),
        new.evidence_link.as_str(),
    );
    changes.compare(
        "evidence_file",
        text(|c| &c.evidence_file),
        new.evidence_file.as_str(),
    );
    changes.compare(
        "hard_gate",
        old.map(|c| flag(c.hard_gate)).unwrap_or(""),
        flag(new.hard_gate),
    );
}

#[cfg(test)]
mod tests {
    use super::link_problem;

    #[test]
    fn links_are_web_addresses() {
        for good in [
            "",
            "https://intranet.clinic.org/go-live/test-log",
            "http://sharepoint/sites/ehr?id=4#top",
            "HTTPS://Example.org",
        ] {
            assert_eq!(
                link_problem(good),
                None,
                "{good:?} must be accepted as a link"
            );
        }
        for bad in [
            "intranet/go-live",
            "ftp://files/test-log",
            "javascript:alert(1)",
            "https://",
            "https:// intranet",
            "file:///C:/evidence.pdf",
        ] {
            assert!(
                link_problem(bad).is_some(),
                "{bad:?} must be refused as a link"
            );
        }
    }
}
