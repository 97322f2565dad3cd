//! All SQL of the staff directory, one file per table: `people.rs` and `roles.rs`. The
//! rest of `people` works on the values these functions return.

pub(crate) mod people;
pub(crate) mod roles;
