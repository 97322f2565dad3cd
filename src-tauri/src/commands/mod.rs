//! The typed commands the UI calls. Each is a one-line delegation into rollplan-core;
//! `async` makes Tauri run them off the main thread so the window never waits on disk.

pub mod app;
pub mod people;
pub mod readiness;
pub mod rollouts;
pub mod sops;
pub mod training;

use rollplan_core::ErrorPayload;

/// What every fallible command returns: the value, or `{code, message, field?}`.
pub type Reply<T> = Result<T, ErrorPayload>;
