//! The typed commands the UI calls. Each is a one-line delegation into rollplan-core;
//! `async` makes Tauri run them off the main thread so the window never waits on disk.

pub mod app;
pub mod backups;
pub mod export;
pub mod metrics;
pub mod people;
pub mod plan;
pub mod readiness;
pub mod rollouts;
pub mod sops;
pub mod training;
pub mod workspace;

use rollplan_core::ErrorPayload;

/// What every fallible command returns: the value, or `{code, message, field?}`.
pub type Reply<T> = Result<T, ErrorPayload>;

/// Today in the person's time zone: what "overdue", "due for review" and "not in the
/// future" are measured against.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
