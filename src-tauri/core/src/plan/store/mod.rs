//! All SQL of the plan, one file per table — `phases.rs`, `tasks.rs` (which reads each
//! task with the live tasks it depends on) and `dependencies.rs` — plus `lookups.rs`,
//! the answers a run of writes into one plan remembers. The rest of `plan` works on the
//! values these functions return; every update here names the version it edits.

pub(crate) mod dependencies;
pub(crate) mod lookups;
pub(crate) mod phases;
pub(crate) mod tasks;

/// The row an update is for: its id, the version the edit was based on, and the name a
/// conflict shows.
pub(crate) type Version<'a> = (&'a str, i64, &'a str);
