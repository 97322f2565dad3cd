//! The `rollplan` schema on the server: created from the SQL files embedded here, each
//! applied in one transaction, with the version recorded in `rollplan.meta`. A server
//! whose schema is newer than this build is refused without a statement sent to change
//! it; a database without the schema is not a team.

use postgres::Client;
use uuid::Uuid;

use crate::{Result, TeamError};

/// The server migrations in order; the version is how many have run.
const MIGRATIONS: &[&str] = &[include_str!("../../server/0001_team.sql")];

/// The team schema version this build creates and understands.
pub const SERVER_SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// What a connected team is: which workspace it shares.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TeamInfo {
    pub workspace_id: Uuid,
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
    if found > SERVER_SCHEMA_VERSION {
        return Err(TeamError::NewerServerSchema {
            found,
            supported: SERVER_SCHEMA_VERSION,
        });
    }
    tx.commit()?;
    Ok(TeamInfo {
        workspace_id: row.try_get("workspace_id")?,
    })
}

fn has_schema(tx: &mut postgres::Transaction<'_>) -> Result<bool> {
    Ok(tx
        .query_opt("SELECT 1 FROM pg_namespace WHERE nspname = 'rollplan'", &[])?
        .is_some())
}
