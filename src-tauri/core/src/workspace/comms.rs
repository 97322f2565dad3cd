//! The communications plan: who hears what, through which channel, when, from whom —
//! and whether it went out. The overview shows what is coming up and what is overdue.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::edit::required_date;
use super::record::{owner, FoundOwner, Record};
use super::store;
use crate::audit::ChangeSet;
use crate::time::{date_text, parse_date};
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
    /// When it last changed: a calendar export's LAST-MODIFIED.
    pub updated_at: DateTime<Utc>,
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

/// A communication's draft once checked: what is written.
pub(crate) struct ValidCommunication {
    pub audience: String,
    pub channel: String,
    pub message: String,
    pub send_on: NaiveDate,
    pub owner_id: Option<String>,
    pub owner_name: String,
    pub sent_on: Option<NaiveDate>,
}

impl Communication {
    /// The editable part of this communication, ready to change and send back.
    pub fn draft(&self) -> CommunicationDraft {
        CommunicationDraft {
            audience: self.audience.clone(),
            channel: self.channel.clone(),
            message: self.message.clone(),
            send_on: date_text(self.send_on),
            owner: self.owner_id.clone().unwrap_or_default(),
            sent_on: self.sent_on.map(crate::time::date_text),
        }
    }
}

impl Store {
    /// A rollout's live communications by send date.
    pub fn list_communications(&self, rollout_id: &str) -> Result<Vec<Communication>> {
        self.read(|conn| store::list(conn, rollout_id))
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
        let mut comms = self.list_communications(rollout_id)?;
        comms.retain(|c| c.sent_on.is_none() && c.send_on >= today && c.send_on <= until);
        Ok(comms)
    }

    /// Not sent although their send date has passed, oldest first.
    pub fn overdue_communications(
        &self,
        rollout_id: &str,
        today: NaiveDate,
    ) -> Result<Vec<Communication>> {
        let mut comms = self.list_communications(rollout_id)?;
        comms.retain(|c| c.sent_on.is_none() && c.send_on < today);
        Ok(comms)
    }

    pub fn create_communication(
        &self,
        rollout_id: &str,
        draft: &CommunicationDraft,
    ) -> Result<Communication> {
        self.write(|tx| store::create(tx, rollout_id, draft))
    }

    /// Edits a communication (marking it sent is an edit of `sent_on`); refused if it
    /// changed since `expected_row_version`.
    pub fn update_communication(
        &self,
        id: &str,
        expected_row_version: i64,
        draft: &CommunicationDraft,
    ) -> Result<Communication> {
        self.write(|tx| store::edit(tx, id, expected_row_version, draft))
    }

    /// Marks a communication sent on `on` (an edit of `sent_on` and nothing else);
    /// refused if it changed since `expected_row_version`.
    pub fn mark_communication_sent(
        &self,
        id: &str,
        expected_row_version: i64,
        on: NaiveDate,
    ) -> Result<Communication> {
        self.write(|tx| {
            let (current, _) = store::fetch::<Communication>(tx, id)?;
            let draft = CommunicationDraft {
                sent_on: Some(date_text(on)),
                ..current.draft()
            };
            store::edit(tx, id, expected_row_version, &draft)
        })
    }

    pub fn trash_communication(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<Communication>(tx, id, true))
    }

    pub fn restore_communication(&self, id: &str) -> Result<()> {
        self.write(|tx| store::set_trashed::<Communication>(tx, id, false))
    }
}

impl Record for Communication {
    type Draft = CommunicationDraft;
    type Lookup = FoundOwner;
    type Valid = ValidCommunication;

    fn validate(draft: &CommunicationDraft, found: FoundOwner) -> Result<ValidCommunication> {
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
        let (owner_id, owner_name) = owner(found, &mut errors);
        match send_on {
            Some(send_on) if errors.is_empty() => Ok(ValidCommunication {
                audience: draft.audience.trim().to_owned(),
                channel: draft.channel.trim().to_owned(),
                message: draft.message.trim().to_owned(),
                send_on,
                owner_id,
                owner_name,
                sent_on,
            }),
            _ => Err(CoreError::Validation(errors)),
        }
    }

    fn describe(changes: &mut ChangeSet, old: Option<&Communication>, new: &ValidCommunication) {
        let text = |f: fn(&Communication) -> &str| old.map(f).unwrap_or_default();
        let date = |d: Option<NaiveDate>| d.map(date_text).unwrap_or_default();
        changes.compare("audience", text(|c| &c.audience), new.audience.as_str());
        changes.compare("channel", text(|c| &c.channel), new.channel.as_str());
        changes.compare("message", text(|c| &c.message), new.message.as_str());
        changes.compare(
            "send_on",
            date(old.map(|c| c.send_on)),
            date_text(new.send_on),
        );
        changes.compare("owner", text(|c| &c.owner_name), new.owner_name.as_str());
        changes.compare(
            "sent_on",
            date(old.and_then(|c| c.sent_on)),
            date(new.sent_on),
        );
    }

    fn label(&self) -> &str {
        &self.audience
    }

    fn row_version(&self) -> i64 {
        self.row_version
    }
}
