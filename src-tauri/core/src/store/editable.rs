//! The two checks every edit of a versioned row makes, whatever its aggregate.
//!
//! Before: the row must be out of the trash and still at the version the person edited
//! ([`check_editable`]). During: the `UPDATE` itself says `WHERE id = ? AND row_version = ?`
//! and [`one_row_updated`] turns "no row matched" into the same conflict. The first check
//! gives the clear message; the second is what keeps a stale edit out when two writers
//! (two laptops on one team database, the app and the CLI) read the same version and the
//! database does not serialise them for us.

use crate::{CoreError, Result};

/// Refuses to edit a record in the trash or one changed since the caller read it.
/// `label` names the record the way the person knows it ("'Go-live checklist'").
pub(crate) fn check_editable(
    label: &str,
    deleted: bool,
    row_version: i64,
    expected_row_version: i64,
) -> Result<()> {
    if deleted {
        return Err(CoreError::Conflict(format!(
            "'{label}' is in the trash: restore it before editing."
        )));
    }
    if row_version != expected_row_version {
        return Err(changed_elsewhere(label));
    }
    Ok(())
}

/// The affected-row count of a versioned `UPDATE ... WHERE id = ? AND row_version = ?`:
/// anything but one row means another writer got there first, and the edit is refused
/// as a conflict (rolling back the transaction it runs in) rather than lost silently.
pub(crate) fn one_row_updated(affected: usize, label: &str) -> Result<()> {
    match affected {
        1 => Ok(()),
        _ => Err(changed_elsewhere(label)),
    }
}

/// The conflict a person sees when what they edited has moved on under them.
pub(crate) fn changed_elsewhere(label: &str) -> CoreError {
    CoreError::Conflict(format!(
        "'{label}' was changed elsewhere since you opened it; reload to see the latest."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trashed_or_stale_row_is_refused_as_a_conflict() {
        assert!(check_editable("Kickoff", false, 3, 3).is_ok());
        let trashed = check_editable("Kickoff", true, 3, 3).unwrap_err();
        assert!(
            trashed.to_string().contains("in the trash"),
            "a trashed row names the trash: {trashed}"
        );
        let stale = check_editable("Kickoff", false, 4, 3).unwrap_err();
        assert_eq!(stale.code(), "conflict", "a stale version is a conflict");
    }

    #[test]
    fn an_update_that_matched_no_row_is_a_conflict() {
        assert!(one_row_updated(1, "Kickoff").is_ok());
        let lost = one_row_updated(0, "Kickoff").unwrap_err();
        assert_eq!(
            lost.code(),
            "conflict",
            "no row at that version is a conflict"
        );
        assert!(
            lost.to_string().contains("'Kickoff'"),
            "names the record: {lost}"
        );
    }
}
