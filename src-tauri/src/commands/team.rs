//! Team mode: the chip and Settings → Team (status, sign in, join, sync now, leave) and
//! the conflicts a person decides. Each command is one call into `rollplan-team` or
//! into the sync thread's state ([`crate::team`]); a refusal reaches the window in the
//! team crate's own words, never as a raw error.

use std::path::{Path, PathBuf};

use rollplan_core::paths;
use rollplan_core::{CoreError, ErrorPayload};
use rollplan_team::conflicts::{self, Keep};
use rollplan_team::{setup, ServerAddress, TeamError};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::State;
use ts_rs::TS;

use super::Reply;
use crate::state::AppState;
use crate::team::{ConflictView, Team, TeamView};

#[tauri::command(async)]
pub fn team_status(team: State<'_, Team>) -> TeamView {
    team.view()
}

#[tauri::command(async)]
pub fn team_sync_now(team: State<'_, Team>) {
    team.sync_now();
}

/// Signs in to the joined team with `password` (kept in the keyring).
#[tauri::command(async)]
pub fn team_sign_in(team: State<'_, Team>, password: String) -> Reply<()> {
    let db = team.db().ok_or_else(not_joined)?;
    let server = crate::team::account_of(&db).ok_or_else(not_joined)?;
    if password.is_empty() {
        return Err(CoreError::invalid("password", "Enter your team password.").into());
    }
    team.sign_in(&server, &password);
    Ok(())
}

/// A table copied down while joining, as the window shows progress.
#[derive(Debug, Clone, Serialize, TS)]
pub struct JoinProgress {
    pub table: String,
    pub rows: usize,
}

/// What joining did: the new file (opened at the next start) and how much came down.
#[derive(Debug, Clone, Serialize, TS)]
pub struct JoinedTeam {
    pub path: String,
    pub rows: usize,
}

/// Copies the team's workspace into a new file beside the open one and chooses it for
/// the next start; the open workspace is left exactly as it is (the window offers to
/// restart into the team's).
#[tauri::command(async)]
pub fn team_join(
    state: State<'_, AppState>,
    team: State<'_, Team>,
    server: String,
    login: String,
    password: String,
    progress: Channel<JoinProgress>,
) -> Reply<JoinedTeam> {
    let address_text = with_login(&server, &login);
    let address = ServerAddress::parse(&address_text, Some(&password)).map_err(refusal)?;
    let folder = state
        .database_path()?
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let file = new_file_in(&folder);
    let copied = setup::join(&file, &address, |table, rows| {
        let _ = progress.send(JoinProgress {
            table: table.to_owned(),
            rows,
        });
    })
    .map_err(refusal)?;
    if !password.is_empty() {
        team.passwords().remember(address.shown(), &password);
    }
    let path = paths::choose_database(&paths::settings_path()?, &file.display().to_string())?;
    Ok(JoinedTeam {
        path,
        rows: copied.rows,
    })
}

/// What leaving did, for the window to say.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LeftTeam {
    pub server: String,
    pub unsent: i64,
    pub open_conflicts: i64,
}

/// Stops sharing the open workspace; every record stays in the file.
#[tauri::command(async)]
pub fn team_leave(team: State<'_, Team>) -> Reply<LeftTeam> {
    let db = team.db().ok_or_else(not_joined)?;
    team.stop();
    let left = setup::leave(&db).map_err(refusal)?;
    team.passwords().forget(&left.server);
    Ok(LeftTeam {
        server: left.server,
        unsent: left.unsent,
        open_conflicts: left.open_conflicts,
    })
}

#[tauri::command(async)]
pub fn team_conflicts(team: State<'_, Team>) -> Reply<Vec<ConflictView>> {
    let db = team.db().ok_or_else(not_joined)?;
    let open = conflicts::list(&db).map_err(refusal)?;
    Ok(open.into_iter().map(ConflictView::from).collect())
}

/// Decides a conflict: `keep_mine` sends this copy's value to the team, otherwise
/// theirs is written here. The sync thread sends the decision at once.
#[tauri::command(async)]
pub fn team_resolve(team: State<'_, Team>, id: i64, keep_mine: bool) -> Reply<()> {
    let db = team.db().ok_or_else(not_joined)?;
    let keep = if keep_mine { Keep::Mine } else { Keep::Theirs };
    conflicts::resolve(&db, id, keep).map_err(refusal)?;
    team.sync_now();
    Ok(())
}

/// The address with the login the person typed: `postgres://LOGIN@HOST/…`, or
/// `user=LOGIN` added to a `key=value` address; an address naming a login already
/// keeps it.
fn with_login(server: &str, login: &str) -> String {
    let server = server.trim();
    let login = login.trim();
    if login.is_empty() {
        return server.to_owned();
    }
    for scheme in ["postgresql://", "postgres://"] {
        if let Some(rest) = server.strip_prefix(scheme) {
            let host_part = rest.split(['/', '?']).next().unwrap_or_default();
            if host_part.contains('@') {
                return server.to_owned();
            }
            return format!("{scheme}{login}@{rest}");
        }
    }
    if server
        .split_whitespace()
        .any(|part| part.starts_with("user="))
    {
        server.to_owned()
    } else {
        format!("{server} user={login}")
    }
}

/// A file name not yet taken in `folder`: "Team workspace.db", "Team workspace 2.db", …
fn new_file_in(folder: &Path) -> PathBuf {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            "Team workspace.db".to_owned()
        } else {
            format!("Team workspace {n}.db")
        };
        let path = folder.join(name);
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}

fn not_joined() -> ErrorPayload {
    refusal(TeamError::NotJoined)
}

/// A team refusal as the window shows it: the team crate's sentence, on the field it is
/// about (the address or the password) when there is one.
fn refusal(error: TeamError) -> ErrorPayload {
    let field = match &error {
        TeamError::SignIn { .. } => "password",
        TeamError::InvalidAddress(_)
        | TeamError::Unreachable { .. }
        | TeamError::Certificate { .. }
        | TeamError::NotATeam { .. } => "server",
        _ => "team",
    };
    CoreError::invalid(field, error.to_string()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_goes_into_the_address_once() {
        assert_eq!(
            with_login("postgres://db.example.org/team?sslmode=verify-full", "dana"),
            "postgres://dana@db.example.org/team?sslmode=verify-full"
        );
        assert_eq!(
            with_login("postgres://mia@db.example.org/team", "dana"),
            "postgres://mia@db.example.org/team",
            "an address naming its login keeps it"
        );
        assert_eq!(
            with_login("host=/tmp dbname=team", "dana"),
            "host=/tmp dbname=team user=dana"
        );
        assert_eq!(
            with_login(" postgres://h/t ", ""),
            "postgres://h/t",
            "no login, no change"
        );
    }

    #[test]
    fn a_join_never_takes_a_file_that_exists() {
        let folder = tempfile::tempdir().unwrap();
        let first = new_file_in(folder.path());
        assert_eq!(first, folder.path().join("Team workspace.db"));
        std::fs::write(&first, b"").unwrap();
        assert_eq!(
            new_file_in(folder.path()),
            folder.path().join("Team workspace 2.db"),
            "an existing file is never joined into"
        );
    }

    #[test]
    fn a_wrong_password_is_shown_at_the_password() {
        let payload = refusal(TeamError::SignIn {
            server: "postgres://db/team".into(),
            reason: "password authentication failed".into(),
        });
        assert_eq!(
            payload.field.as_deref(),
            Some("password"),
            "the message goes where the password is typed"
        );
        assert!(
            payload.message.contains("did not accept your sign-in"),
            "the team crate's sentence is shown: {}",
            payload.message
        );
    }
}
