//! Every SQL statement of the SOP library, one file per table: `sops` (the working
//! copies), `sop_steps` and `sop_exceptions` (their ordered lists), `sop_revisions`
//! (approved, frozen versions), `sop_rollouts` (links to rollouts) and `sop_search`
//! (the full-text index). The rest of `sops` loads values through these functions,
//! decides on values, and hands the outcome back here to be written.
//!
//! Every `UPDATE` of an SOP names the row version the edit was based on, so a stale
//! edit is refused by the SQL itself as a conflict, whatever checked it before.

pub(super) mod children;
pub(super) mod links;
pub(super) mod revisions;
pub(super) mod search;
pub(super) mod sops;

/// The transaction a write runs in. The rest of the aggregate names it only through
/// here (in the functions that work inside a caller's transaction), so what a
/// transaction is stays this module's business.
pub(crate) use crate::store::Tx;

#[cfg(test)]
mod tests;
