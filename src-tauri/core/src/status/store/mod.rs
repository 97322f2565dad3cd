//! The weekly status's SQL: the `weekly_statuses` table, one file per table.

pub(crate) mod statuses;
