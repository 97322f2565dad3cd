//! The debriefs' SQL: the `debriefs` table, and the names of the records it links to.

pub(crate) mod debriefs;
