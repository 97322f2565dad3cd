//! Every statement about members: who the signed-in login is in this team, and the
//! administrator's functions that add, change and remove members. The rules themselves
//! (who may, the last administrator, the grants) are the server's, in
//! `server/0002_members.sql`; this module turns its refusals into messages.

use std::collections::BTreeMap;

use postgres::error::SqlState;
use postgres::Client;
use serde::{Deserialize, Serialize};

use crate::{Result, TeamError};

/// SQLSTATE of the server's refusals written for a person (`rollplan.refuse`).
const REFUSED: &str = "RP001";

/// What a member may do in a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads the workspace.
    Viewer,
    /// Reads and changes it.
    Editor,
    /// Also adds and removes members.
    Admin,
}

impl Role {
    /// The role as the server spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Editor => "editor",
            Self::Admin => "admin",
        }
    }

    fn parse(text: &str) -> Result<Self> {
        match text {
            "viewer" => Ok(Self::Viewer),
            "editor" => Ok(Self::Editor),
            "admin" => Ok(Self::Admin),
            other => Err(TeamError::Protocol(format!("unknown role {other}"))),
        }
    }

    /// Whether the role may send changes.
    pub fn can_write(self) -> bool {
        self != Self::Viewer
    }
}

/// A member of the team, as `team members` lists them.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub login: String,
    pub role: Role,
    /// The name people know them by, when the administrator gave one.
    pub display_name: Option<String>,
    pub added_by: String,
    pub added_at: String,
}

/// Who the signed-in login is in the team.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Membership {
    pub login: String,
    /// None: not (or no longer) a member.
    pub role: Option<String>,
    /// The administrator to ask for more (a display name, else a login).
    pub admin: Option<String>,
}

impl Membership {
    pub fn role(&self) -> Result<Option<Role>> {
        self.role.as_deref().map(Role::parse).transpose()
    }

    /// Whom a message tells the person to ask.
    pub fn admin_name(&self) -> String {
        self.admin
            .clone()
            .unwrap_or_else(|| "the team's administrator".to_owned())
    }
}

/// Asks the server who the signed-in login is here.
pub(crate) fn membership(client: &mut Client) -> Result<Membership> {
    let answer: serde_json::Value = client
        .query_one("SELECT rollplan.membership() AS answer", &[])?
        .try_get("answer")?;
    serde_json::from_value(answer).map_err(|e| TeamError::Protocol(e.to_string()))
}

/// Adds `login` with `role`, or changes the role (and the display name, when given) of
/// a member already there.
pub(crate) fn add(
    client: &mut Client,
    login: &str,
    role: Role,
    display_name: Option<&str>,
) -> Result<()> {
    client
        .execute(
            "SELECT rollplan.add_member($1, $2, $3)",
            &[&login, &role.as_str(), &display_name],
        )
        .map_err(|e| refused(client, e, login))?;
    Ok(())
}

/// Removes `login` from the team.
pub(crate) fn remove(client: &mut Client, login: &str) -> Result<()> {
    client
        .execute("SELECT rollplan.remove_member($1)", &[&login])
        .map_err(|e| refused(client, e, login))?;
    Ok(())
}

/// Every member, administrators first.
pub(crate) fn list(client: &mut Client) -> Result<Vec<Member>> {
    let rows = client
        .query(
            "SELECT login, role, display_name, added_by, added_at FROM rollplan.member_list()",
            &[],
        )
        .map_err(|e| refused(client, e, ""))?;
    rows.iter()
        .map(|row| {
            let added_at: chrono::DateTime<chrono::Utc> = row.try_get("added_at")?;
            Ok(Member {
                login: row.try_get("login")?,
                role: Role::parse(row.try_get("role")?)?,
                display_name: row.try_get("display_name")?,
                added_by: row.try_get("added_by")?,
                added_at: added_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            })
        })
        .collect()
}

/// The name each member goes by in the team (its display name, when the administrator
/// gave one), by login: how the history of a pulled change names its author. A team of
/// the first version keeps no members, and a login that may not list them hears of it
/// when it pulls: either way the logins stand for themselves.
pub(crate) fn author_names(client: &mut Client) -> Result<BTreeMap<String, String>> {
    let rows = match client.query(
        "SELECT login, display_name FROM rollplan.member_list() WHERE display_name IS NOT NULL",
        &[],
    ) {
        Ok(rows) => rows,
        Err(error) if error.as_db_error().is_some() => return Ok(BTreeMap::new()),
        Err(error) => return Err(error.into()),
    };
    rows.iter()
        .map(|row| Ok((row.try_get("login")?, row.try_get("display_name")?)))
        .collect()
}

/// The server's refusal of a member command, in the person's terms.
fn refused(client: &mut Client, error: postgres::Error, login: &str) -> TeamError {
    let Some(code) = error.code() else {
        return TeamError::Server(error);
    };
    if *code == SqlState::INSUFFICIENT_PRIVILEGE {
        // Who to ask: a member hears of their administrator, anyone else is not one.
        return match membership(client) {
            Ok(me) if me.role.is_some() => TeamError::AdminOnly {
                admin: me.admin_name(),
            },
            Ok(me) => TeamError::NotAMember { login: me.login },
            Err(other) => other,
        };
    }
    if *code == SqlState::UNDEFINED_OBJECT {
        return TeamError::Refused(format!(
            "There is no login {login} on the team server. The server's IT team creates it \
             first (CREATE ROLE \"{login}\" LOGIN ...), then it can be added."
        ));
    }
    if code.code() == REFUSED {
        if let Some(db) = error.as_db_error() {
            return TeamError::Refused(format!("{} Nothing was changed.", db.message()));
        }
    }
    TeamError::Server(error)
}
