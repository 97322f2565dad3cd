//! The typed commands the UI calls. Each is a one-line delegation into rollplan-core;
//! `async` makes Tauri run them off the main thread so the window never waits on disk.
//!
//! Which commands exist is written once, in `list.rs`: [`handler`] registers them,
//! `build.rs` turns the same lines into one permission each and the `window-commands`
//! set the window's capability grants, and the bindings test writes their names into
//! `ui/src/lib/bindings/Command.ts`, the union `api.ts` invokes with. A command missing
//! from the list cannot be called; a listed one is callable, granted and typed.
//!
//! Why a list and not tauri-specta: tauri-specta (still a release candidate for Tauri 2)
//! would generate the wrappers' argument and result types too, but only from `specta`
//! derives on every type the commands carry. Those types already derive ts-rs, which
//! the UI's bindings and their staleness test are built on; a second generator over the
//! same types would be two sources again, and every core type would carry both derives.
//! The wrappers' types therefore stay in `api.ts`, written against the ts-rs bindings,
//! while the names, the part four files had to agree on, come from here.

pub mod app;
pub mod backups;
pub mod baselines;
pub mod debriefs;
pub mod export;
pub mod improvement;
pub mod metrics;
pub mod people;
pub mod plan;
pub mod programmes;
pub mod readiness;
pub mod rollouts;
pub mod search;
pub mod sops;
pub mod status;
pub mod team;
pub mod training;
pub mod undo;
pub mod week;
pub mod workspace;

use rollplan_core::ErrorPayload;
use tauri::ipc::Invoke;

/// Routes the window's calls to the commands of `list.rs`.
pub fn handler() -> impl Fn(Invoke) -> bool + Send + Sync + 'static {
    macro_rules! app_commands {
        ($($module:ident: $($command:ident),+;)+) => {
            tauri::generate_handler![$($($module::$command),+),+]
        };
    }
    include!("list.rs")
}

/// The names of the commands of `list.rs`, as the window invokes them.
pub const NAMES: &[&str] = {
    macro_rules! app_commands {
        ($($module:ident: $($command:ident),+;)+) => {
            &[$($(stringify!($command)),+),+]
        };
    }
    include!("list.rs")
};

/// What every fallible command returns: the value, or `{code, message, field?}`.
pub type Reply<T> = Result<T, ErrorPayload>;

/// Today in the person's time zone: what "overdue", "due for review" and "not in the
/// future" are measured against.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
