//! The communications plan: who hears what, through which channel, when, from whom —
//! and whether it went out. The overview shows what is coming up and what is overdue.

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::edit::required_date;
use crate::audit::{self, AuditAction, ChangeSet, EntityKind};
use crate::plan::{owner_name, resolve_owner};
use crate::rollouts::require_rollout;
use crate::store::editable::{check_editable, one_row_updated};
use crate::store::rows;
use crate::store::trash::trash_or_restore;
use crate::time::{date_text, now, parse_date, timestamp_text};
use crate::{CoreError, FieldError, Result, Store};

/// One planned communication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Communication {
    pub id: String,
    pub rollout_id: String,
    /// Who it is for ("All front-desk staff", "Providers", "Patients").
    pub audience: String,
    /// How it goes out ("Email", "Daily huddle", "Poster", "Portal message").
    pub channel: String,
    pub message: String,
    pub send_on: NaiveDate,
    pub owner_id: Option<String>,
    pub owner_name: String,
    /// When it went out; `None` while not sent.
    pub sent_on: Option<NaiveDate>,
    pub row_version: i64,
}

/// The editable part of a communication.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CommunicationDraft {
    pub audience: String,
    pub channel: String,
    pub message: String,
    /// `YYYY-MM-DD`.
    pub send_on: String,
    /// A person's id or name from the directory; empty for nobody yet.
    pub owner: String,
    /// `YYYY-MM-DD` once sent; empty while not sent.
    pub sent_on: Option<String>,
}

struct Valid {
    send_on: NaiveDate,
    sent_on: Option<NaiveDate>,
    owner_id: Option<String>,
}

const SELECT: &str = "SELECT c.id, c.rollout_id, c.audience, c.channel, c.message, c.send_on,
        c.owner_id, coalesce(p.name, '') AS owner_name, c.sent_on, c.row_version, c.deleted_at
    FROM communications c LEFT JOIN people p ON p.id = c.owner_id";

impl Store {
    /// A rollout's live communications by send date.
    pub fn list_communications(&self, rollout_id: &str) -> Result<Vec<Communication>> {
        self.read(|conn| query(conn, "", rollout_id, None, None))
    }

    /// Not yet sent and due from `today` through the next `days` days, soonest first.
    pub fn upcoming_communications(
        &self,
        rollout_id: &str,
        today: NaiveDate,
        days: u64,
    ) -> Result<Vec<Communication>> {
        let until = today
            .checked_add_days(chrono::Days::new(days))
            .unwrap_or(NaiveDate::MAX);
        self.read(|conn| {
            query(
                conn,
                "AND c.sent_on IS NULL AND c.send_on >= ?2 AND c.send_on <= ?3",
                rollout_id,
                Some(today),
                Some(until),
            )
        })
    }

    /// Not sent although their send date has passed, oldest first.
    pub fn overdue_communications(
        &self,
        rollout_id: &str,
        today: NaiveDate,
    ) -> Result<Vec<Communication>> {
        self.read(|conn| {
            query(
                conn,
                "AND c.sent_on IS NULL AND c.send_on < ?2",
                rollout_id,
                Some(today),
                None,
            )
        })
    }

    pub fn create_communication(
        &self,
        rollout_id: &str,
        draft: &CommunicationDraft,
    ) -> Result<Communication> {
        self.write(|tx| insert_communication(tx, rollout_id, draft))
    }

    /// Edits a communication (marking it sent is an edit of `sent_on`); refused if it
    /// changed since `expected_row_version`.
    pub fn update_communication(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &CommunicationDraft,
    ) -> Result<Communication> {
        self.write(|tx| {
            let (current, deleted) = fetch(tx, id)?;
            check_editable(
                &current.audience,
                deleted,
                current.row_version,
                expected_row_version,
            )?;
            let valid = validate(tx, draft)?;
            let mut changes = ChangeSet::default();
            describe(tx, &mut changes, Some(&current), draft, &valid)?;
            if changes.is_empty() {
                return Ok(current);
            }
            let at = timestamp_text(now());
            let affected = tx.execute(
                "UPDATE communications SET audience = ?1, channel = ?2, message = ?3, send_on = ?4,
                     owner_id = ?5, sent_on = ?6, updated_at = ?7, row_version = row_version + 1
                 WHERE id = ?8 AND row_version = ?9",
                params![
                    draft.audience.trim(),
                    draft.channel.trim(),
                    draft.message.trim(),
                    date_text(valid.send_on),
                    valid.owner_id,
                    valid.sent_on.map(date_text),
                    at,
                    id,
                    expected_row_version
                ],
            )?;
            one_row_updated(affected, &current.audience)?;
            audit::record(
                tx,
                &at,
                EntityKind::Communication,
                id,
                AuditAction::Update,
                &changes.into_changes(),
            )?;
            Ok(fetch(tx, id)?.0)
        })
    }

    pub fn trash_communication(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(
                tx,
                "communications",
                EntityKind::Communication,
                "Communication",
                id,
                true,
            )
        })
    }

    pub fn restore_communication(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            trash_or_restore(
                tx,
                "communications",
                EntityKind::Communication,
                "Communication",
                id,
                false,
            )
        })
    }
}

fn validate(conn: &Connection, draft: &CommunicationDraft) -> Result<Valid> {
    let mut errors = Vec::new();
    if draft.audience.trim().is_empty() {
        errors.push(FieldError::new("audience", "Say who the message is for."));
    }
    if draft.message.trim().is_empty() {
        errors.push(FieldError::new(
            "message",
            "Write the message, or what it must say.",
        ));
    }
    let send_on = required_date(&draft.send_on, "send_on", "send date", &mut errors);
    let sent_on = match draft
        .sent_on
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None => None,
        Some(text) => {
            let parsed = parse_date(text);
            if parsed.is_none() {
                errors.push(FieldError::new(
                    "sent_on",
                    format!("The date sent '{text}' is not a date: use YYYY-MM-DD."),
                ));
            }
            parsed
        }
    };
    let owner_id = resolve_owner(conn, &draft.owner)?
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    match send_on {
        Some(send_on) if errors.is_empty() => Ok(Valid {
            send_on,
            sent_on,
            owner_id,
        }),
        _ => Err(CoreError::Validation(errors)),
    }
}

/// Validates and inserts a communication inside a caller's transaction.
pub(crate) fn insert_communication(
    tx: &Transaction<'_>,
    rollout_id: &str,
    draft: &CommunicationDraft,
) -> Result<Communication> {
    require_rollout(tx, rollout_id)?;
    let valid = validate(tx, draft)?;
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp_text(now());
    tx.execute(
        "INSERT INTO communications (id, rollout_id, audience, channel, message, send_on,
             owner_id, sent_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            rollout_id,
            draft.audience.trim(),
            draft.channel.trim(),
            draft.message.trim(),
            date_text(valid.send_on),
            valid.owner_id,
            valid.sent_on.map(date_text),
            at
        ],
    )?;
    let mut changes = ChangeSet::default();
    describe(tx, &mut changes, None, draft, &valid)?;
    audit::record(
        tx,
        &at,
        EntityKind::Communication,
        &id,
        AuditAction::Create,
        &changes.into_changes(),
    )?;
    Ok(fetch(tx, &id)?.0)
}

fn describe(
    conn: &Connection,
    changes: &mut ChangeSet,
    old: Option<&Communication>,
    new: &CommunicationDraft,
    valid: &Valid,
) -> Result<()> {
    let text = |f: fn(&Communication) -> String| old.map(f).unwrap_or_default();
    changes.compare(
        "audience",
        text(|c| c.audience.clone()),
        new.audience.trim(),
    );
    changes.compare("channel", text(|c| c.channel.clone()), new.channel.trim());
    changes.compare("message", text(|c| c.message.clone()), new.message.trim());
    changes.compare(
        "send_on",
        text(|c| date_text(c.send_on)),
        date_text(valid.send_on),
    );
    changes.compare(
        "owner",
        text(|c| c.owner_name.clone()),
        owner_name(conn, valid.owner_id.as_deref())?,
    );
    changes.compare(
        "sent_on",
        text(|c| c.sent_on.map(date_text).unwrap_or_default()),
        valid.sent_on.map(date_text).unwrap_or_default(),
    );
    Ok(())
}

fn query(
    conn: &Connection,
    filter: &str,
    rollout_id: &str,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Result<Vec<Communication>> {
    let mut statement = conn.prepare_cached(&format!(
        "{SELECT} WHERE c.rollout_id = ?1 AND c.deleted_at IS NULL {filter}
         ORDER BY c.send_on, c.created_at"
    ))?;
    let dates: Vec<String> = from.into_iter().chain(until).map(date_text).collect();
    let found = match dates.as_slice() {
        [] => statement.query_map(params![rollout_id], from_row)?,
        [a] => statement.query_map(params![rollout_id, a], from_row)?,
        [a, b, ..] => statement.query_map(params![rollout_id, a, b], from_row)?,
    };
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

fn fetch(conn: &Connection, id: &str) -> Result<(Communication, bool)> {
    rows::fetch_by_id(
        conn,
        &format!("{SELECT} WHERE c.id = ?1"),
        id,
        "Communication",
        |row| {
            Ok((
                from_row(row)?,
                row.get::<_, Option<String>>("deleted_at")?.is_some(),
            ))
        },
    )
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
        row_version: row.get("row_version")?,
    })
}
