//! All SQL of the staff directory, one file per table: `people.rs` and `roles.rs`. The
//! rest of `people` works on the values these functions return.

pub(crate) mod people;
pub(crate) mod roles;

/// The row an update is for: its id, the version the edit was based on, and the name a
/// conflict shows.
pub(crate) type Version<'a> = (&'a str, i64, &'a str);
