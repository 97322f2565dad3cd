//! What the window is shown of team mode: the chip and the Team settings' figures
//! ([`TeamView`]), and the open conflicts field by field ([`ConflictView`]). Values
//! arrive as text here, so the window only shows them.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::chip::{self, Chip, Connection, Standing};
use super::{Live, Shared};

/// Team mode as the window shows it. `joined` false: no chip, and Settings → Team
/// offers to join.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TeamView {
    pub joined: bool,
    pub chip: Option<Chip>,
    /// The server's address, without any password.
    pub server: Option<String>,
    /// When this copy last pulled from the team (UTC, RFC 3339).
    pub last_synced_at: Option<String>,
    pub changes_waiting: i64,
    pub conflicts: i64,
    /// What this login may do, in a sentence, once signed in.
    pub role: Option<String>,
    /// The last refusal or fault, worded for the person.
    pub problem: Option<String>,
    /// The server wants a password this session does not have.
    pub needs_password: bool,
    /// Why the password lasts only this session, when there is no keyring.
    pub keyring_problem: Option<String>,
}

pub(super) fn of(shared: &Shared, live: &Live) -> TeamView {
    let status = live
        .db
        .as_deref()
        .and_then(|db| rollplan_team::setup::peek(db).ok().flatten());
    let Some(status) = status else {
        return TeamView {
            joined: false,
            chip: None,
            server: None,
            last_synced_at: None,
            changes_waiting: 0,
            conflicts: 0,
            role: None,
            problem: None,
            needs_password: false,
            keyring_problem: None,
        };
    };
    let standing = Standing {
        connection: live.connection.clone(),
        syncing: live.syncing,
        synced_ago: live
            .last_synced
            .map(|at| i64::try_from(at.elapsed().as_secs()).unwrap_or(i64::MAX)),
        waiting: status.changes_waiting,
        conflicts: status.conflicts,
    };
    let role = match (live.can_write, &live.admin) {
        (Some(true), _) => Some("You can view and change this workspace.".to_owned()),
        (Some(false), Some(admin)) => Some(format!(
            "You can view this workspace; ask {admin} to make you an editor."
        )),
        _ => None,
    };
    TeamView {
        joined: true,
        chip: Some(chip::chip(&standing)),
        server: Some(status.server),
        last_synced_at: status.last_synced_at,
        changes_waiting: status.changes_waiting,
        conflicts: status.conflicts,
        role,
        problem: live.problem.clone(),
        needs_password: live.connection == Connection::NeedsPassword,
        keyring_problem: shared.passwords.problem().map(str::to_owned),
    }
}

/// One open conflict: a field changed here and by someone else.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ConflictView {
    pub id: i64,
    /// The kind of record, in words ("rollout", "task").
    pub kind: String,
    /// The record's name, title or code, when this copy still has it.
    pub record: Option<String>,
    /// The field, in words ("go live", "owner").
    pub field: String,
    pub yours: String,
    pub theirs: String,
    pub theirs_deleted: bool,
    pub theirs_by: String,
    pub theirs_at: String,
}

impl From<rollplan_team::conflicts::Conflict> for ConflictView {
    fn from(c: rollplan_team::conflicts::Conflict) -> Self {
        Self {
            id: c.id,
            kind: words(singular(&c.table_name)),
            record: c.record,
            field: words(&c.field),
            yours: text(&c.yours),
            theirs: text(&c.theirs),
            theirs_deleted: c.theirs_deleted,
            theirs_by: c.theirs_by,
            theirs_at: c.theirs_at,
        }
    }
}

/// A table's name for one of its rows: `statuses` → `status`, `tasks` → `task`.
fn singular(table: &str) -> &str {
    table
        .strip_suffix("ses")
        .map(|_| &table[..table.len() - 2])
        .or_else(|| table.strip_suffix('s'))
        .unwrap_or(table)
}

/// A column's name as words: `go_live_date` → "go live date".
fn words(name: &str) -> String {
    name.replace('_', " ")
}

/// A field's value as a person reads it: text as it is, nothing as "(empty)".
fn text(value: &Value) -> String {
    match value {
        Value::Null => "(empty)".to_owned(),
        Value::String(s) if s.is_empty() => "(empty)".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_names_read_as_words() {
        assert_eq!(words("go_live_date"), "go live date");
        assert_eq!(singular("statuses"), "status");
        assert_eq!(singular("tasks"), "task");
        assert_eq!(singular("people"), "people");
        assert_eq!(
            text(&Value::Null),
            "(empty)",
            "nothing reads as empty, not null"
        );
        assert_eq!(text(&Value::String("Anna".into())), "Anna");
        assert_eq!(text(&serde_json::json!(3)), "3");
    }
}
