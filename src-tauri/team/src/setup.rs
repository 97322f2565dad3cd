//! Creating a team, publishing a workspace to it, joining it, leaving it, and the
//! status of a joined copy.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::TransactionBehavior;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::local::{self, apply, capture, store, tables};
use crate::server::{self, Outgoing};
use crate::{Result, ServerAddress, TeamError};

/// What `team init` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Initialised {
    /// A new team in an empty database; the one who ran it is its administrator.
    Created { workspace_id: Uuid },
    /// A team of an older version brought up to date, its workspace untouched.
    Upgraded { from: i32, to: i32 },
}

/// Creates the team schema in an empty database (an administrator's task), or brings a
/// team of an older version up to date. A team already current, or of a newer version,
/// is refused and left as it is.
pub fn init(address: &ServerAddress) -> Result<Initialised> {
    let mut client = address.connect()?;
    if server::exists(&mut client)? {
        let from = server::upgrade(&mut client, address.shown())?;
        return Ok(Initialised::Upgraded {
            from,
            to: crate::SERVER_SCHEMA_VERSION,
        });
    }
    let workspace_id = server::create(&mut client, address.shown())?;
    Ok(Initialised::Created { workspace_id })
}

/// How many rows of each table went up (publish) or came down (join).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Copied {
    pub tables: Vec<(String, usize)>,
    pub rows: usize,
}

/// Makes the workspace at `db` the team's: every shared row goes up in one server
/// transaction, parents before children, and the file is linked to the team with its
/// change capture on. Refused if the file already belongs to a team or the team
/// already shares a workspace.
pub fn publish(db: &Path, address: &ServerAddress) -> Result<Copied> {
    let mut conn = local::open(db)?;
    if let Some(link) = store::link_if_any(&conn)? {
        return Err(TeamError::AlreadyJoined {
            server: link.server,
        });
    }
    let (mut client, team, access) = server::open(address, server::Joining::New)?;
    if !access.can_write {
        return Err(TeamError::ViewerOnly {
            admin: access.admin,
        });
    }
    if !server::is_empty(&mut client)? {
        return Err(TeamError::AlreadyPublished);
    }
    // The file is held for writing throughout, so no edit lands between reading the
    // rows and switching the capture on.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let shared = tables::shared(&tx)?;
    let mut copied = Copied::default();
    let mut outgoing = Vec::new();
    for table in &shared {
        let rows = apply::all_rows(&tx, table)?;
        copied.tables.push((table.name.clone(), rows.len()));
        copied.rows += rows.len();
        for (row_id, fields) in rows {
            outgoing.push(Outgoing {
                change_id: Uuid::now_v7(),
                table_name: table.name.clone(),
                row_id,
                fields: Some(fields),
                based_on_seq: 0,
            });
        }
    }
    let replica_id = Uuid::now_v7();
    server::push_batch(&mut client, replica_id, &outgoing, &access.admin)?;
    let seq = server::latest_seq(&mut client)?;
    store::create_link(
        &tx,
        address.shown(),
        team.workspace_id,
        replica_id,
        seq,
        &local::now(),
    )?;
    capture::install(&tx, &shared)?;
    tx.commit()?;
    Ok(copied)
}

/// Copies the team's workspace into a new file at `db` and links it; `progress` hears
/// each table as it is written, with its number of rows. The file must not exist yet;
/// if the join fails, the new file is removed again.
pub fn join(
    db: &Path,
    address: &ServerAddress,
    mut progress: impl FnMut(&str, usize),
) -> Result<Copied> {
    if db.exists() {
        return Err(TeamError::Refused(format!(
            "{} already exists. A team is joined into a new file: choose a name that is not \
             taken.",
            db.display()
        )));
    }
    let (mut client, team, _) = server::open(address, server::Joining::New)?;
    let snapshot = server::current_rows(&mut client)?;
    if snapshot.seq == 0 {
        return Err(TeamError::Refused(
            "This team has no workspace yet: its first member publishes one with \
             `rollplan-cli team publish`, then the others join."
                .to_owned(),
        ));
    }
    let joined = (|| {
        let mut conn = local::open(db)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let shared = tables::shared(&tx)?;
        let mut by_table: BTreeMap<&str, Vec<(&str, &Value)>> = BTreeMap::new();
        for (table, row_id, fields) in &snapshot.rows {
            by_table.entry(table).or_default().push((row_id, fields));
        }
        if let Some(unknown) = by_table
            .keys()
            .find(|t| !shared.iter().any(|s| s.name == **t))
        {
            return Err(TeamError::UnknownData(format!("a table named {unknown}")));
        }
        // A new file starts with a few rows of its own (the standard roles); the team's
        // rows replace them.
        for table in shared.iter().rev() {
            apply::clear(&tx, table)?;
        }
        let now = local::now();
        let mut copied = Copied::default();
        for table in &shared {
            let rows = by_table.remove(table.name.as_str()).unwrap_or_default();
            for (row_id, fields) in &rows {
                let Value::Object(fields) = fields else {
                    return Err(TeamError::Protocol(format!(
                        "a row of {} is not an object",
                        table.name
                    )));
                };
                apply::insert_row(&tx, table, row_id, fields, &now)?;
            }
            progress(&table.name, rows.len());
            copied.tables.push((table.name.clone(), rows.len()));
            copied.rows += rows.len();
        }
        store::create_link(
            &tx,
            address.shown(),
            team.workspace_id,
            Uuid::now_v7(),
            snapshot.seq,
            &now,
        )?;
        capture::install(&tx, &shared)?;
        tx.commit()?;
        Ok(copied)
    })();
    if joined.is_err() {
        remove_new_file(db);
    }
    let copied = joined?;
    if copied
        .tables
        .iter()
        .any(|(table, rows)| table.starts_with("sop") && *rows > 0)
    {
        local::reindex_library(db)?;
    }
    Ok(copied)
}

/// Takes away a file a failed join created (and SQLite's companions of it).
fn remove_new_file(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut path: PathBuf = db.as_os_str().to_owned().into();
        path.as_mut_os_string().push(suffix);
        // Nothing of the person's is in it; a file that cannot be removed is only clutter.
        let _ = std::fs::remove_file(path);
    }
}

/// What leaving did.
#[derive(Debug, Clone, Serialize)]
pub struct Left {
    pub server: String,
    /// Changes made here that never reached the team (they stay in this file).
    pub unsent: i64,
    /// Conflicts that were still open.
    pub open_conflicts: i64,
}

/// Unlinks the file from its team: the capture stops, the link, outbox and conflicts
/// go; every row stays, as a workspace of its own.
pub fn leave(db: &Path) -> Result<Left> {
    let mut conn = local::open(db)?;
    let link = store::link(&conn)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let left = Left {
        server: link.server,
        unsent: store::outbox_len(&tx)?,
        open_conflicts: store::conflicts_len(&tx)?,
    };
    capture::remove(&tx)?;
    store::drop_link(&tx)?;
    tx.commit()?;
    Ok(left)
}

/// A joined copy's standing, from the local file alone (no network).
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub server: String,
    pub workspace_id: String,
    pub joined_at: String,
    pub last_synced_at: Option<String>,
    pub last_pulled_seq: i64,
    pub changes_waiting: i64,
    pub conflicts: i64,
}

/// The standing of the copy at `db`, or [`TeamError::NotJoined`].
pub fn status(db: &Path) -> Result<Status> {
    let conn = local::open(db)?;
    let link = store::link(&conn)?;
    status_of(&conn, link)
}

/// The standing of the copy at `db` read without opening the workspace through the
/// core (no check, no migration, nothing written): cheap enough for an open app to ask
/// every second while the core's own connection works on the file. `None` for a file
/// that is not part of a team.
pub fn peek(db: &Path) -> Result<Option<Status>> {
    let conn = local::open_for_reading(db)?;
    // A file from before team mode has no link table, and is in no team.
    let knows_teams: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'team_link')",
        [],
        |row| row.get(0),
    )?;
    if !knows_teams {
        return Ok(None);
    }
    match store::link_if_any(&conn)? {
        Some(link) => status_of(&conn, link).map(Some),
        None => Ok(None),
    }
}

fn status_of(conn: &rusqlite::Connection, link: store::Link) -> Result<Status> {
    Ok(Status {
        server: link.server,
        workspace_id: link.workspace_id.to_string(),
        joined_at: link.joined_at,
        last_synced_at: link.last_synced_at,
        last_pulled_seq: link.last_pulled_seq,
        changes_waiting: store::outbox_len(conn)?,
        conflicts: store::conflicts_len(conn)?,
    })
}

/// Writes the capture triggers of a joined copy afresh (a no-op for a file not in a
/// team). Whatever opens a joined workspace calls this, since a migration may have
/// added columns or tables since the triggers were written.
pub fn refresh_capture(db: &Path) -> Result<()> {
    let mut conn = local::open(db)?;
    if store::link_if_any(&conn)?.is_some() {
        crate::sync::refresh_triggers(&mut conn)?;
    }
    Ok(())
}
