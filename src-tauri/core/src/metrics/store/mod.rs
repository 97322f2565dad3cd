//! Every SQL statement of the metrics aggregate, one file per table: `metrics` (the
//! definitions), `metric_thresholds` and `metric_measurements`. Each file holds the
//! table's row mapping, its reads and its writes as plain functions over a connection
//! or a transaction; the rest of `metrics` loads values through them, decides on
//! values, and hands the outcome back here to be written.
//!
//! Every `update` here names the row version the edit was based on, so a stale edit
//! is refused by the SQL itself as a conflict, whatever checked it before.

pub(super) mod measurements;
pub(super) mod metrics;
pub(super) mod thresholds;

/// The transaction a write runs in. The rest of the aggregate names it only through
/// here (in the functions that work inside a caller's transaction), so what a
/// transaction is stays this module's business.
pub(crate) use crate::store::Tx;

#[cfg(test)]
mod tests;
