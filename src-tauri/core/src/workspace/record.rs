//! What makes a workspace record one kind rather than another, apart from how it is
//! stored: the draft a person edits, what checking it takes, and how an edit reads in
//! the history. The storing half is [`super::store::Table`]; together they let
//! decisions, scope cuts, risks, communications and stakeholders share one way of
//! being created, edited and trashed.

use crate::audit::ChangeSet;
use crate::Result;

/// One kind of workspace record, on values only.
pub(crate) trait Record: Sized {
    /// What the person edits.
    type Draft;
    /// What the store looks up before the draft can be checked (`()` for nothing).
    type Lookup;
    /// A draft that passed its checks, trimmed and parsed: what is written.
    type Valid;

    /// Checks a draft against what was looked up for it; every problem is reported at
    /// once, each against its field.
    fn validate(draft: &Self::Draft, lookup: Self::Lookup) -> Result<Self::Valid>;

    /// Notes every field whose stored text would change; `None` describes a new record.
    fn describe(changes: &mut ChangeSet, old: Option<&Self>, new: &Self::Valid);

    /// The record as a person knows it, for conflict messages ("'Lab interface'").
    fn label(&self) -> &str;

    fn row_version(&self) -> i64;
}

/// An owner typed as a person's id or name, as the directory resolved it: the person
/// (id, name), nobody (left empty), or the problem to report against the field.
pub(crate) type FoundOwner = std::result::Result<Option<(String, String)>, crate::FieldError>;

/// The owner's id and name once found; a problem goes to `errors`.
pub(crate) fn owner(
    found: FoundOwner,
    errors: &mut Vec<crate::FieldError>,
) -> (Option<String>, String) {
    match found {
        Ok(Some((id, name))) => (Some(id), name),
        Ok(None) => (None, String::new()),
        Err(problem) => {
            errors.push(problem);
            (None, String::new())
        }
    }
}
