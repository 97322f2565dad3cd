//! The team server: its schema (migrations and forward guard) and every SQL statement
//! sent to it. Nothing outside this module speaks to PostgreSQL.

pub(crate) mod members;
pub(crate) use members::author_names;
mod schema;
mod session;
mod store;

pub use schema::SERVER_SCHEMA_VERSION;
pub(crate) use schema::{create, exists, upgrade};
pub(crate) use session::{open, open_for_members, recheck, Access, Joining};
pub(crate) use store::{
    changes_after, current_rows, is_empty, latest_seq, push_batch, Clash, Outgoing, ServerChange,
};
