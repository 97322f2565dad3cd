//! Checking a criterion's draft before it is written, and describing an edit for the
//! criterion's history.

use rusqlite::Connection;

use super::{Criterion, CriterionDraft};
use crate::audit::ChangeSet;
use crate::plan::{owner_name, resolve_owner};
use crate::{CoreError, FieldError, Result};

/// The longest file name kept as evidence: what file systems allow.
pub(crate) const MAX_FILE_NAME: usize = 255;
/// The longest link kept as evidence; browsers cope with longer, but nobody types one.
const MAX_LINK: usize = 2000;

/// Checks a draft; returns the owner's person id (none when nobody is named).
pub(super) fn validate(conn: &Connection, draft: &CriterionDraft) -> Result<Option<String>> {
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
    let owner = resolve_owner(conn, &draft.owner)?
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    if !errors.is_empty() {
        return Err(CoreError::Validation(errors));
    }
    Ok(owner)
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
pub(super) fn describe(
    conn: &Connection,
    changes: &mut ChangeSet,
    old: Option<&Criterion>,
    new: &CriterionDraft,
    new_owner: Option<&str>,
) -> Result<()> {
    let text = |f: fn(&Criterion) -> &str| old.map(f).unwrap_or_default().to_owned();
    let flag = |on: bool| if on { "yes" } else { "no" };
    changes.compare(
        "category",
        old.map(|c| c.category.code()).unwrap_or(""),
        new.category.code(),
    );
    changes.compare("title", text(|c| &c.title), new.title.trim());
    let (old_name, new_name) = (text(|c| &c.owner_name), owner_name(conn, new_owner)?);
    let old_id = old.and_then(|c| c.owner_id.as_deref());
    if old_name == new_name && old_id != new_owner {
        // Two people of the same name: the history tells them apart by id.
        changes.compare(
            "owner_id",
            old_id.unwrap_or_default(),
            new_owner.unwrap_or_default(),
        );
    }
    changes.compare("owner", old_name, new_name);
    changes.compare("owner_role", text(|c| &c.owner_role), new.owner_role.trim());
    changes.compare(
        "status",
        old.map(|c| c.status.code()).unwrap_or(""),
        new.status.code(),
    );
    changes.compare("evidence", text(|c| &c.evidence), new.evidence.trim());
    changes.compare(
        "evidence_link",
        text(|c| &c.evidence_link),
        new.evidence_link.trim(),
    );
    changes.compare(
        "evidence_file",
        text(|c| &c.evidence_file),
        new.evidence_file.trim(),
    );
    changes.compare(
        "hard_gate",
        old.map(|c| flag(c.hard_gate)).unwrap_or(""),
        flag(new.hard_gate),
    );
    Ok(())
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
