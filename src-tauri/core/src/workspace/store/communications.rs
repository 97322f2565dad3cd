//! The `communications` table, read with each owner's name from the directory.

use rusqlite::types::Value;
use rusqlite::{Connection, Row, Transaction};

use super::Table;
use crate::audit::EntityKind;
use crate::people::find_owner_keeping;
use crate::store::rows;
use crate::time::date_text;
use crate::workspace::comms::ValidCommunication;
use crate::workspace::record::FoundOwner;
use crate::workspace::{Communication, CommunicationDraft};
use crate::Result;

impl Table for Communication {
    const TABLE: &'static str = "communications";
    const NOUN: &'static str = "Communication";
    const ENTITY: EntityKind = EntityKind::Communication;
    const SELECT: &'static str = "SELECT c.id, c.rollout_id, c.audience, c.channel, c.message,
        c.send_on, c.owner_id, coalesce(p.name, '') AS owner_name, c.sent_on, c.updated_at, c.row_version,
        c.deleted_at
    FROM communications c LEFT JOIN people p ON p.id = c.owner_id";
    const ALIAS: &'static str = "c";
    const ORDER: &'static str = "c.send_on, c.created_at";
    const COLUMNS: &'static [&'static str] = &[
        "audience", "channel", "message", "send_on", "owner_id", "sent_on",
    ];

    fn bind(valid: &ValidCommunication) -> Vec<Value> {
        vec![
            valid.audience.clone().into(),
            valid.channel.clone().into(),
            valid.message.clone().into(),
            date_text(valid.send_on).into(),
            valid.owner_id.clone().into(),
            valid.sent_on.map(date_text).into(),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Communication> {
        Ok(Communication {
            id: row.get("id")?,
            rollout_id: row.get("rollout_id")?,
            audience: row.get("audience")?,
            channel: row.get("channel")?,
            message: row.get("message")?,
            send_on: rows::date(row, "send_on")?.ok_or_else(|| rows::unreadable("send_on"))?,
            owner_id: row.get("owner_id")?,
            owner_name: row.get("owner_name")?,
            sent_on: rows::date(row, "sent_on")?,
            updated_at: rows::required_timestamp(row, "updated_at")?,
            row_version: row.get("row_version")?,
        })
    }

    fn look_up(
        conn: &Connection,
        draft: &CommunicationDraft,
        current: Option<&Self>,
    ) -> Result<FoundOwner> {
        find_owner_keeping(
            conn,
            &draft.owner,
            current.and_then(|r| r.owner_id.as_deref()),
        )
    }
}

/// Checks and inserts a communication inside a caller's transaction.
pub(crate) fn insert_communication(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &CommunicationDraft,
) -> Result<Communication> {
    super::create(tx, rollout_id, draft)
}
