//! Rollplan's core: the domain, the SQLite store, and everything worth testing.
//!
//! The desktop app (`src-tauri`) and the command line (`rollplan-cli`) are two thin faces
//! of this crate. Nothing here knows about Tauri or the UI, and no rusqlite type appears
//! in the public API: callers see plain Rust values and [`CoreError`].

#[macro_use]
mod coded_enum;

pub mod audit;
pub mod backup;
pub mod bundle;
pub mod check;
pub mod debriefs;
pub mod demo;
pub mod error;
pub mod export;
pub mod home;
pub mod import;
pub mod improvement;
pub mod metrics;
pub mod my_week;
pub mod paths;
pub mod pdf;
pub mod people;
pub mod plan;
pub mod presentation;
pub mod programmes;
pub mod readiness;
pub mod rollouts;
#[cfg(test)]
mod screen_tests;
pub mod search;
pub mod sops;
pub mod status;
pub mod store;
pub mod templates;
mod time;
pub mod training;
pub mod undo;
pub mod workspace;

pub use error::{CoreError, ErrorCode, ErrorPayload, FieldError};
pub use store::Store;

/// Result type of every fallible core operation.
pub type Result<T, E = CoreError> = std::result::Result<T, E>;
