//! All SQL of the staff directory, one file per table (or pair of tables): `people.rs`,
//! `roles.rs` and `roster_memory.rs`; and `role_merge.rs`, the moves a role merge makes
//! across them. The rest of `people` works on the values these functions return.

pub(crate) mod people;
pub(crate) mod role_merge;
pub(crate) mod roles;
pub(crate) mod roster_memory;

/// The row an update is for: its id, the version the edit was based on, and the name a
/// conflict shows.
pub(crate) type Version<'a> = (&'a str, i64, &'a str);
