//! The improvement cycles' SQL: the `pdsa_cycles` table.

pub(crate) mod cycles;
