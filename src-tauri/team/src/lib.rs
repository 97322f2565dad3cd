//! Team mode: one Rollplan workspace shared by a project office through a PostgreSQL
//! server its hospital IT already runs.
//!
//! Every laptop keeps working on its own SQLite file (the core never learns of the
//! server); this crate adds what sharing needs around that file:
//! - the server's schema `rollplan`, its migrations and its forward guard
//!   ([`server`]), where the rule deciding between two people's edits lives as a
//!   PostgreSQL function, so it holds for every client;
//! - change capture on the laptop: triggers written from the file's own tables put every
//!   local change into an outbox ([`local`]);
//! - sending the outbox and applying what others changed ([`sync`]), field by field,
//!   with conflicts kept for a person to decide ([`conflicts`]);
//! - creating a team, publishing a workspace to it, joining and leaving ([`setup`]);
//! - a session that keeps one connection for an open app, syncing again and again and
//!   hearing of others' changes as they are accepted ([`session`]);
//! - who may do what: viewers, editors and administrators, enforced by the server
//!   ([`members`]).

mod address;
pub mod conflicts;
mod error;
mod local;
pub mod members;
mod server;
pub mod session;
pub mod setup;
pub mod sync;

pub use address::ServerAddress;
pub use error::TeamError;
pub use server::SERVER_SCHEMA_VERSION;

/// Result type of every fallible team operation.
pub type Result<T, E = TeamError> = std::result::Result<T, E>;
