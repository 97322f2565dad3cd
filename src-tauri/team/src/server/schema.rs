//! The `rollplan` schema on the server: created from the SQL files embedded here, each
//! applied in one transaction, with the version recorded in `rollplan.meta`. A team of
//! an older version is brought up to date by its administrator (`team init` again); a
//! server whose schema is newer than this build is refused without a statement sent
//! to change it; a database without the schema is not a team.

use postgres::Client;
use uuid::Uuid;

use crate::{Result, TeamError};

/// The server migrations in order; the version is how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../server/0001_team.sql"),
    include_str!("../../server/0002_members.sql"),
    include_str!("../../server/0003_notify.sql"),
];

/// The first version that keeps members per team (`rollplan.members`, `membership()`).
pub(crate) const MEMBERS_VERSION: i32 = 2;

/// The team schema version this build creates and understands.
pub const SERVER_SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// What a connected team is: which workspace it shares.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TeamInfo {
    pub workspace_id: Uuid,
    pub schema_version: i32,
}

/// Creates the team schema in a database that has none, in one transaction; returns
/// the new team's workspace id.
pub(crate) fn create(client: &mut Client, server: &str) -> Result<Uuid> {
    let mut tx = client.transaction()?;
    if has_schema(&mut tx)? {
        return Err(TeamError::AlreadyATeam {
            server: server.to_owned(),
        });
    }
    for migration in MIGRATIONS {
        tx.batch_execute(migration)?;
    }
    let workspace_id = Uuid::now_v7();
    tx.execute(
        "INSERT INTO rollplan.meta (id, schema_version, workspace_id) VALUES (1, $1, $2)",
        &[&SERVER_SCHEMA_VERSION, &workspace_id],
    )?;
    tx.commit()?;
    Ok(workspace_id)
}

/// Checks that the database holds a team this build understands; reads only.
pub(crate) fn check(client: &mut Client, server: &str) -> Result<TeamInfo> {
    let mut tx = client.transaction()?;
    if !has_schema(&mut tx)? {
        return Err(TeamError::NotATeam {
            server: server.to_owned(),
        });
    }
    let row = tx
        .query_opt(
            "SELECT schema_version, workspace_id FROM rollplan.meta WHERE id = 1",
            &[],
        )?
        .ok_or_else(|| TeamError::NotATeam {
            server: server.to_owned(),
        })?;
    let found: i32 = row.try_get("schema_version")?;
    refuse_newer(found)?;
    tx.commit()?;
    Ok(TeamInfo {
        workspace_id: row.try_get("workspace_id")?,
        schema_version: found,
    })
}

/// The forward guard: a team schema written by a newer Rollplan is refused untouched.
fn refuse_newer(found: i32) -> Result<()> {
    if found > SERVER_SCHEMA_VERSION {
        return Err(TeamError::NewerServerSchema {
            found,
            supported: SERVER_SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Whether the database holds a team schema at all (for `team init`: create or upgrade).
pub(crate) fn exists(client: &mut Client) -> Result<bool> {
    let mut tx = client.transaction()?;
    let found = has_schema(&mut tx)?;
    tx.commit()?;
    Ok(found)
}

/// Brings an older team schema up to this build's version in one transaction, as the
/// schema's owner (a superuser running it acts as the owner, so what it creates belongs
/// to the team). Returns the version it found. A team already current is
/// [`TeamError::AlreadyATeam`]; a newer one is refused untouched.
pub(crate) fn upgrade(client: &mut Client, server: &str) -> Result<i32> {
    let mut tx = client.transaction()?;
    // Two administrators upgrading at once: the second waits, then finds it current.
    tx.execute("SELECT pg_advisory_xact_lock(7206551)", &[])?;
    let row = tx
        .query_opt(
            "SELECT schema_version, pg_get_userbyid(n.nspowner)::text AS owner, current_user::text AS me
               FROM rollplan.meta, pg_namespace n WHERE id = 1 AND n.nspname = 'rollplan'",
            &[],
        )?
        .ok_or_else(|| TeamError::NotATeam {
            server: server.to_owned(),
        })?;
    let found: i32 = row.try_get("schema_version")?;
    refuse_newer(found)?;
    if found == SERVER_SCHEMA_VERSION {
        return Err(TeamError::AlreadyATeam {
            server: server.to_owned(),
        });
    }
    let owner: String = row.try_get("owner")?;
    let me: String = row.try_get("me")?;
    if owner != me {
        tx.batch_execute(&format!(
            "SET LOCAL ROLE \"{}\"",
            owner.replace('"', "\"\"")
        ))
        .map_err(|e| upgrade_refused(e, &owner))?;
    }
    for migration in MIGRATIONS.iter().skip(usize::try_from(found).unwrap_or(0)) {
        tx.batch_execute(migration)
            .map_err(|e| upgrade_refused(e, &owner))?;
    }
    tx.execute(
        "UPDATE rollplan.meta SET schema_version = $1 WHERE id = 1",
        &[&SERVER_SCHEMA_VERSION],
    )?;
    tx.commit()?;
    Ok(found)
}

/// Only the team's owner (or a superuser) may change its schema.
fn upgrade_refused(error: postgres::Error, owner: &str) -> TeamError {
    if error.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) {
        TeamError::Refused(format!(
            "This team was set up by an older version of Rollplan, and only its owner \
             ({owner}) can bring it up to date, with `rollplan-cli team init`. Nothing was \
             changed."
        ))
    } else {
        TeamError::Server(error)
    }
}

fn has_schema(tx: &mut postgres::Transaction<'_>) -> Result<bool> {
    Ok(tx
        .query_opt("SELECT 1 FROM pg_namespace WHERE nspname = 'rollplan'", &[])?
        .is_some())
}
