//! Sending this copy's changes and applying everyone else's.
//!
//! Push sends the outbox in the order the changes were made, a batch per server
//! transaction; each answer is then recorded locally in one SQLite transaction (accepted
//! changes leave the outbox, conflicting fields are kept for a person). A batch sent
//! again after a crash between the two gets the same answers and changes nothing. A
//! field already in conflict is not sent at all: its latest value here waits in the
//! conflict for the person's decision.
//!
//! Pull applies the changes after this copy's last pulled sequence number, a page per
//! SQLite transaction with the capture triggers silenced, and records the new last
//! sequence number in the same transaction: a crash never applies a change twice or
//! skips one. A field in conflict, or with a change of this copy's own still waiting,
//! keeps its local value and the other value goes into the conflict for the person.
//! This copy's own changes come back too and are written again, field by field (a
//! field changed here since, or in conflict, keeps its value): nothing sent is lost
//! after the file was put back from a backup, and an older change by someone else
//! pulled after this copy's newer one was accepted never has the last word here.

use std::collections::BTreeMap;
use std::path::Path;

use postgres::Client;
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;
use serde_json::Value;

use crate::local::store::{Pulled, Theirs};
use crate::local::tables::{self, Table};
use crate::local::{self, apply, capture, store};
use crate::server::{self, Clash, ServerChange};
use crate::session::Session;
use crate::{Result, TeamError};

/// Changes sent per server transaction.
const PUSH_BATCH: i64 = 500;
/// Changes applied per local transaction.
const PULL_PAGE: i64 = 1000;

/// What a sync did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SyncReport {
    /// Changes of this copy the server accepted (wholly or in part).
    pub sent: usize,
    /// Fields that conflicted with someone else's newer value.
    pub new_conflicts: usize,
    /// Changes by others applied to this copy.
    pub received: usize,
    /// The server's sequence number this copy is now current with.
    pub last_pulled_seq: i64,
    /// Whether a pulled change touched the SOP library (its search index is then
    /// written again).
    pub library_changed: bool,
}

/// A pulled change, as [`pull_with`]'s observer hears of it.
#[derive(Debug, Clone)]
pub struct Applied {
    pub seq: i64,
    pub table_name: String,
    pub author: String,
}

/// Pushes this copy's changes, then pulls everyone else's, in a session of its own.
/// `password` is used when the stored address has none (the CLI passes PGPASSWORD); it
/// is never stored.
pub fn sync(db: &Path, password: Option<&str>) -> Result<SyncReport> {
    Session::open(db, password)?.sync()
}

/// Sends this copy's waiting changes only.
pub fn push(db: &Path, password: Option<&str>) -> Result<SyncReport> {
    Session::open(db, password)?.push()
}

/// Applies others' changes only; see [`Session::pull`].
pub fn pull_with(
    db: &Path,
    password: Option<&str>,
    observer: impl FnMut(&Applied) -> Result<()>,
) -> Result<SyncReport> {
    Session::open(db, password)?.pull(observer)
}

/// Writes the capture triggers again from the tables as they are now (a migration may
/// have added a column or a table since they were written).
pub(crate) fn refresh_triggers(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let tables = tables::shared(&tx)?;
    capture::install(&tx, &tables)?;
    tx.commit()?;
    Ok(())
}

/// Sends the outbox. A viewer with nothing waiting has nothing to send (and may pull);
/// a viewer's waiting changes are refused before any is sent, and stay here.
pub(crate) fn push_all(
    conn: &mut Connection,
    client: &mut Client,
    access: &server::Access,
) -> Result<SyncReport> {
    let link = store::link(conn)?;
    let mut report = SyncReport {
        last_pulled_seq: link.last_pulled_seq,
        ..SyncReport::default()
    };
    hold_back_conflicted_fields(conn)?;
    loop {
        let waiting = store::outbox(conn, PUSH_BATCH)?;
        if waiting.is_empty() {
            return Ok(report);
        }
        if !access.can_write {
            return Err(TeamError::ViewerOnly {
                admin: access.admin.clone(),
            });
        }
        let outgoing: Vec<_> = waiting.iter().map(|(_, change)| change.clone()).collect();
        let answers = server::push_batch(client, link.replica_id, &outgoing, &access.admin)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for ((seq, change), answer) in waiting.iter().zip(&answers) {
            if answer.seq.is_some() {
                report.sent += 1;
            }
            for clash in &answer.conflicts {
                let mine = change
                    .fields
                    .as_ref()
                    .and_then(|f| f.get(&clash.field))
                    .cloned()
                    .unwrap_or(Value::Null);
                store::record_conflict(&tx, &change.table_name, &change.row_id, &mine, clash)?;
                report.new_conflicts += 1;
            }
            store::remove_sent(&tx, *seq)?;
        }
        tx.commit()?;
    }
}

/// Takes out of the waiting changes every field that is in conflict, its value becoming
/// the conflict's "mine": until the person decides, a later edit of that field here must
/// not quietly win over theirs (it would be based on a pull that skipped their value).
fn hold_back_conflicted_fields(conn: &mut Connection) -> Result<()> {
    if store::conflicts_len(conn)? == 0 {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for (seq, change) in store::outbox(&tx, i64::MAX)? {
        let Some(Value::Object(mut fields)) = change.fields else {
            continue;
        };
        let mut held = false;
        for field in store::conflicted_fields(&tx, &change.table_name, &change.row_id)? {
            if let Some(mine) = fields.remove(&field) {
                store::set_mine(&tx, &change.table_name, &change.row_id, &field, &mine)?;
                held = true;
            }
        }
        if held {
            store::set_fields(&tx, seq, &fields)?;
        }
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn pull_all(
    conn: &mut Connection,
    client: &mut Client,
    observer: &mut dyn FnMut(&Applied) -> Result<()>,
) -> Result<SyncReport> {
    let link = store::link(conn)?;
    let tables: BTreeMap<String, Table> = tables::shared(conn)?
        .into_iter()
        .map(|t| (t.name.clone(), t))
        .collect();
    let mut report = SyncReport {
        last_pulled_seq: link.last_pulled_seq,
        ..SyncReport::default()
    };
    // Asked once per pull, and only when someone else's change came: a pull with
    // nothing new (most of them) costs one query.
    let mut names: Option<BTreeMap<String, String>> = None;
    loop {
        let changes = server::changes_after(client, report.last_pulled_seq, PULL_PAGE)?;
        let Some(last) = changes.last().map(|c| c.seq) else {
            store::set_pulled(conn, report.last_pulled_seq, &local::now())?;
            return Ok(report);
        };
        if names.is_none() && changes.iter().any(|c| c.replica_id != link.replica_id) {
            names = Some(server::author_names(client)?);
        }
        let known = names.as_ref();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        store::set_applying(&tx, true)?;
        for change in &changes {
            report.library_changed |= change.table_name.starts_with("sop");
            let own = change.replica_id == link.replica_id;
            if own {
                apply_own_change(&tx, &tables, change)?;
            } else {
                let by = known
                    .and_then(|n| n.get(&change.author))
                    .unwrap_or(&change.author);
                apply_change(&tx, &tables, change, by)?;
                report.received += 1;
            }
            observer(&Applied {
                seq: change.seq,
                table_name: change.table_name.clone(),
                author: change.author.clone(),
            })?;
        }
        store::set_applying(&tx, false)?;
        store::set_pulled(&tx, last, &local::now())?;
        tx.commit()?;
        report.last_pulled_seq = last;
    }
}

/// A change this copy made itself comes back too. It is normally here already (and
/// writing the same values changes nothing); after this file was put back from a
/// backup, it is how the copy gets back what it had sent since. Field by field:
/// - a field changed here again and not yet sent keeps its newer value (the push
///   decides);
/// - a field in conflict keeps its value, and the conflict now shows this change as
///   what the team has, so keeping "theirs" takes the team's latest value, even when
///   that latest value is this copy's own;
/// - every other field is written, so a later own change is never left behind an
///   earlier one.
///
/// A row this copy has deleted and not yet sent that is left to the push.
fn apply_own_change(
    conn: &Connection,
    tables: &BTreeMap<String, Table>,
    change: &ServerChange,
) -> Result<()> {
    let table = table_of(tables, change)?;
    let at = change
        .at
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let fields = match &change.fields {
        None => {
            if store::row_waiting(conn, &table.name, &change.row_id)? {
                return Ok(());
            }
            return apply::delete_row(conn, table, &change.row_id);
        }
        Some(Value::Object(fields)) => fields,
        Some(_) => {
            return Err(TeamError::Protocol(format!(
                "change {} is not an object of fields",
                change.seq
            )))
        }
    };
    if store::deletion_waiting(conn, &table.name, &change.row_id)? {
        return Ok(());
    }
    // An edit of a row this copy has since deleted (and sent that) leaves it deleted;
    // a whole row, as it was created, is put back.
    if !apply::has_row(conn, table, &change.row_id)?
        && !table.columns.iter().all(|c| fields.contains_key(c))
    {
        return Ok(());
    }
    let mut fields = fields.clone();
    for field in store::conflicted_fields(conn, &table.name, &change.row_id)? {
        if let Some(value) = fields.remove(&field) {
            let latest = Theirs {
                value: &value,
                seq: change.seq,
                by: &change.author,
                at: &at,
            };
            store::update_theirs(conn, &table.name, &change.row_id, Some(&field), &latest)?;
        }
    }
    for field in store::waiting_fields(conn, &table.name, &change.row_id)? {
        fields.remove(&field);
    }
    if fields.is_empty() {
        return Ok(());
    }
    apply::write_fields(conn, table, &change.row_id, &fields, &at)
}

fn table_of<'a>(tables: &'a BTreeMap<String, Table>, change: &ServerChange) -> Result<&'a Table> {
    tables
        .get(&change.table_name)
        .ok_or_else(|| TeamError::UnknownData(format!("a table named {}", change.table_name)))
}

/// Applies a change someone else made, and records it in the file's history with
/// `by`, the name its author goes by in the team.
fn apply_change(
    conn: &Connection,
    tables: &BTreeMap<String, Table>,
    change: &ServerChange,
    by: &str,
) -> Result<()> {
    let table = table_of(tables, change)?;
    let at = change
        .at
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let Some(fields) = &change.fields else {
        if apply::has_row(conn, table, &change.row_id)? {
            store::record_pulled(conn, &table.name, &change.row_id, Pulled::Purged, by, &at)?;
        }
        apply::delete_row(conn, table, &change.row_id)?;
        let theirs = Theirs {
            value: &Value::Null,
            seq: change.seq,
            by: &change.author,
            at: &at,
        };
        return store::update_theirs(conn, &table.name, &change.row_id, None, &theirs);
    };
    let Value::Object(fields) = fields else {
        return Err(TeamError::Protocol(format!(
            "change {} is not an object of fields",
            change.seq
        )));
    };
    if store::deletion_waiting(conn, &table.name, &change.row_id)? {
        // This copy deleted the row and has not sent that yet: the push decides.
        return Ok(());
    }
    let mut fields = fields.clone();
    // A field already in conflict keeps this copy's value; the conflict now shows the
    // newer theirs, so the person decides on what the team has now.
    for field in store::conflicted_fields(conn, &table.name, &change.row_id)? {
        if let Some(theirs) = fields.remove(&field) {
            let theirs = Theirs {
                value: &theirs,
                seq: change.seq,
                by: &change.author,
                at: &at,
            };
            store::update_theirs(conn, &table.name, &change.row_id, Some(&field), &theirs)?;
        }
    }
    // A field changed here and not yet sent was changed without seeing this change: a
    // conflict, found here rather than by the server (unless both wrote the same value).
    for field in store::waiting_fields(conn, &table.name, &change.row_id)? {
        let Some(theirs) = fields.remove(&field) else {
            continue;
        };
        let mine = apply::read_field(conn, table, &change.row_id, &field)?.unwrap_or(Value::Null);
        if mine != theirs {
            let clash = Clash {
                field,
                theirs,
                seq: change.seq,
                by: Some(change.author.clone()),
                at: Some(at.clone()),
                deleted: false,
            };
            store::record_conflict(conn, &table.name, &change.row_id, &mine, &clash)?;
        }
    }
    if fields.is_empty() {
        return Ok(());
    }
    let before = apply::read_row(conn, table, &change.row_id)?;
    apply::write_fields(conn, table, &change.row_id, &fields, &at)?;
    let pulled = match &before {
        Some(before) => Pulled::Changed {
            before,
            after: &fields,
        },
        None => Pulled::Created(&fields),
    };
    store::record_pulled(conn, &table.name, &change.row_id, pulled, by, &at)
}
