//! The team's members, managed by its administrators: add one with a role (or change a
//! member's role), remove one, list them. The server decides who may and keeps the
//! grants in step (`server/0002_members.sql`); these are the calls the CLI and the app
//! make.

use crate::server::{self, members};
use crate::{Result, ServerAddress};

pub use crate::server::members::{Member, Role};

/// Adds `login` to the team with `role` (or gives a member that role), with the name
/// people know them by when given. The login must exist on the server already.
pub fn add(
    address: &ServerAddress,
    login: &str,
    role: Role,
    display_name: Option<&str>,
) -> Result<()> {
    let mut client = server::open_for_members(address)?;
    members::add(&mut client, login, role, display_name)
}

/// Removes `login` from the team: it can no longer read or change anything there; its
/// laptop keeps its local copy.
pub fn remove(address: &ServerAddress, login: &str) -> Result<()> {
    let mut client = server::open_for_members(address)?;
    members::remove(&mut client, login)
}

/// Every member of the team, administrators first.
pub fn list(address: &ServerAddress) -> Result<Vec<Member>> {
    let mut client = server::open_for_members(address)?;
    members::list(&mut client)
}
