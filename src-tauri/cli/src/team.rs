//! `rollplan-cli team ...` and `rollplan-cli sync`: setting up a team on a PostgreSQL
//! server, publishing or joining a workspace, syncing, and deciding conflicts. Each
//! command is one call into `rollplan-team`; this module parses and prints.
//!
//! The password comes from the server address or from PGPASSWORD and is never written
//! anywhere: the workspace keeps the address without it.

use std::path::Path;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use rollplan_core::paths::resolve_database;
use rollplan_team::conflicts::{self, Conflict, Keep};
use rollplan_team::members::{self, Member, Role};
use rollplan_team::setup::Initialised;
use rollplan_team::{setup, sync, ServerAddress, TeamError};
use serde_json::Value;

use crate::args::{Cli, Command};
use crate::output::{self, say};

/// The `team` subcommands.
#[derive(Subcommand)]
pub enum TeamCommand {
    /// Create the team's schema in an empty PostgreSQL database (an administrator does
    /// this once; members then publish or join).
    Init {
        /// The database, as postgres://LOGIN@HOST:PORT/DATABASE?sslmode=verify-full.
        #[arg(long, value_name = "URL")]
        server: String,
    },
    /// Make this workspace the team's: every record goes up to the server, and from
    /// then on every change made here is shared.
    Publish {
        /// The team's database (see `team init`).
        #[arg(long, value_name = "URL")]
        server: String,
    },
    /// Copy the team's workspace into a new file (given with --db) and share it.
    Join {
        /// The team's database (see `team init`).
        #[arg(long, value_name = "URL")]
        server: String,
    },
    /// The server, the last sync, changes waiting to be sent and open conflicts.
    Status {
        /// Print the status as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Fields changed here and by someone else: yours and theirs, who and when.
    Conflicts {
        /// Print the conflicts as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Decide a conflict (its number from `team conflicts`).
    Resolve {
        /// The conflict's number.
        id: i64,
        /// mine: send your value to the team; theirs: take their value here.
        #[arg(long, value_enum)]
        keep: KeepChoice,
    },
    /// Stop sharing this workspace. Every record stays in this file.
    Leave,
    /// Add a member to the team, or change a member's role (administrators only). The
    /// login must exist on the server first.
    AddMember {
        /// The member's PostgreSQL login.
        login: String,
        /// viewer: reads; editor: also changes; admin: also adds and removes members.
        #[arg(long, value_enum)]
        role: RoleChoice,
        /// The name people know them by (shown to members who need to ask an admin).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// The team's database; by default the one this workspace is joined to.
        #[arg(long, value_name = "URL")]
        server: Option<String>,
    },
    /// Remove a member: they can no longer read or change the team; their laptop keeps
    /// its copy (administrators only).
    RemoveMember {
        /// The member's PostgreSQL login.
        login: String,
        /// The team's database; by default the one this workspace is joined to.
        #[arg(long, value_name = "URL")]
        server: Option<String>,
    },
    /// The team's members and their roles.
    Members {
        /// Print the members as JSON.
        #[arg(long)]
        json: bool,
        /// The team's database; by default the one this workspace is joined to.
        #[arg(long, value_name = "URL")]
        server: Option<String>,
    },
}

/// A member's role, as `team add-member` takes it.
#[derive(Clone, Copy, ValueEnum)]
pub enum RoleChoice {
    Viewer,
    Editor,
    Admin,
}

impl From<RoleChoice> for Role {
    fn from(choice: RoleChoice) -> Self {
        match choice {
            RoleChoice::Viewer => Role::Viewer,
            RoleChoice::Editor => Role::Editor,
            RoleChoice::Admin => Role::Admin,
        }
    }
}

/// Which value `team resolve` keeps.
#[derive(Clone, Copy, ValueEnum)]
pub enum KeepChoice {
    Mine,
    Theirs,
}

/// Runs `team ...` or `sync`, printing any refusal; the exit code follows the CLI's
/// rule (1 a refusal the person can act on, 2 a fault).
pub fn main(cli: Cli) -> ExitCode {
    let location = match resolve_database(cli.db.as_deref()) {
        Ok(location) => location,
        Err(error) => {
            eprintln!("{}", output::describe_error(&error));
            return ExitCode::from(if error.is_user_error() { 1 } else { 2 });
        }
    };
    let db = Path::new(&location.path);
    let password = std::env::var("PGPASSWORD").ok();
    let password = password.as_deref();
    let result = match cli.command {
        Command::Sync { json } => run_sync(db, password, json),
        Command::Team { command } => run(db, password, command),
        // main() sends only the two commands above here.
        _ => Ok(()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(if error.is_user_error() { 1 } else { 2 })
        }
    }
}

fn run(db: &Path, password: Option<&str>, command: TeamCommand) -> Result<(), TeamError> {
    match command {
        TeamCommand::Init { server } => {
            let address = ServerAddress::parse(&server, password)?;
            match setup::init(&address)? {
                Initialised::Created { workspace_id } => {
                    say!(
                        "Created a Rollplan team at {} (workspace {workspace_id}); you are \
                         its administrator.",
                        address.shown()
                    );
                    say!("Next: add each member's login with `rollplan-cli team add-member LOGIN --role editor`,");
                    say!("then publish a workspace to it with `rollplan-cli team publish`.");
                }
                Initialised::Upgraded { from, to } => say!(
                    "Brought the team at {} up to date (team schema {from} to {to}); its \
                     workspace and members are as they were.",
                    address.shown()
                ),
            }
        }
        TeamCommand::Publish { server } => {
            let address = ServerAddress::parse(&server, password)?;
            let copied = setup::publish(db, &address)?;
            say!(
                "Published {} to {}.",
                count(copied.rows, "record"),
                address.shown()
            );
            say!("Changes made here are now shared with the team at each `rollplan-cli sync`.");
        }
        TeamCommand::Join { server } => {
            let address = ServerAddress::parse(&server, password)?;
            say!(
                "Joining the team at {} into {}",
                address.shown(),
                db.display()
            );
            let copied = setup::join(db, &address, |table, rows| {
                say!("  {table}: {rows}");
            })?;
            say!("Joined: {} copied.", count(copied.rows, "record"));
        }
        TeamCommand::Status { json } => {
            let status = setup::status(db)?;
            if json {
                return print_json(&status);
            }
            say!("Server:           {}", status.server);
            say!(
                "Last sync:        {}",
                status.last_synced_at.as_deref().unwrap_or("never")
            );
            say!("Changes waiting:  {}", status.changes_waiting);
            say!("Conflicts:        {}", status.conflicts);
        }
        TeamCommand::Conflicts { json } => {
            let open = conflicts::list(db)?;
            if json {
                return print_json(&open);
            }
            if open.is_empty() {
                say!("No conflicts.");
            }
            for conflict in &open {
                print_conflict(conflict);
            }
        }
        TeamCommand::Resolve { id, keep } => {
            let keep = match keep {
                KeepChoice::Mine => Keep::Mine,
                KeepChoice::Theirs => Keep::Theirs,
            };
            conflicts::resolve(db, id, keep)?;
            match keep {
                Keep::Mine => {
                    say!("Kept yours; it goes to the team at the next `rollplan-cli sync`.")
                }
                Keep::Theirs => say!("Kept theirs; this copy now has their value."),
            }
        }
        TeamCommand::Leave => {
            let left = setup::leave(db)?;
            say!(
                "Left the team at {}. Every record stays in this file.",
                left.server
            );
            if left.unsent > 0 {
                say!(
                    "{} made here had not reached the team; they are kept in this file only.",
                    count(usize::try_from(left.unsent).unwrap_or(usize::MAX), "change")
                );
            }
        }
        TeamCommand::AddMember {
            login,
            role,
            name,
            server,
        } => {
            let address = team_address(db, server, password)?;
            members::add(&address, &login, role.into(), name.as_deref())?;
            say!(
                "{login} is now {} of the team at {}.",
                role_phrase(role.into()),
                address.shown()
            );
        }
        TeamCommand::RemoveMember { login, server } => {
            let address = team_address(db, server, password)?;
            members::remove(&address, &login)?;
            say!(
                "{login} is no longer a member of the team at {}; their laptop keeps its copy.",
                address.shown()
            );
        }
        TeamCommand::Members { json, server } => {
            let address = team_address(db, server, password)?;
            let listed = members::list(&address)?;
            if json {
                return print_json(&listed);
            }
            for member in &listed {
                print_member(member);
            }
        }
    }
    Ok(())
}

/// The team's address: the one given, else the one this workspace is joined to.
fn team_address(
    db: &Path,
    server: Option<String>,
    password: Option<&str>,
) -> Result<ServerAddress, TeamError> {
    let server = match server {
        Some(server) => server,
        None => setup::status(db)?.server,
    };
    ServerAddress::parse(&server, password)
}

/// "a viewer", "an editor", "an administrator".
fn role_phrase(role: Role) -> &'static str {
    match role {
        Role::Viewer => "a viewer",
        Role::Editor => "an editor",
        Role::Admin => "an administrator",
    }
}

fn print_member(member: &Member) {
    let name = match &member.display_name {
        Some(name) => format!("{name} ({})", member.login),
        None => member.login.clone(),
    };
    say!(
        "{name:<32} {:<7} added by {} on {}",
        member.role.as_str(),
        member.added_by,
        member.added_at.get(..10).unwrap_or(&member.added_at)
    );
}

fn run_sync(db: &Path, password: Option<&str>, json: bool) -> Result<(), TeamError> {
    let report = sync::sync(db, password)?;
    if json {
        return print_json(&report);
    }
    say!(
        "Sent {}, received {}.",
        count(report.sent, "change"),
        count(report.received, "change")
    );
    if report.new_conflicts > 0 {
        let fields = match report.new_conflicts {
            1 => "1 field had".to_owned(),
            n => format!("{n} fields had"),
        };
        say!("{fields} been changed by someone else first: see `rollplan-cli team conflicts`.");
    }
    Ok(())
}

fn print_conflict(conflict: &Conflict) {
    let record = match &conflict.record {
        Some(name) => format!("{name} ({})", conflict.table_name),
        None => format!("{} {}", conflict.table_name, conflict.row_id),
    };
    say!("#{}  {record}  ·  {}", conflict.id, conflict.field);
    say!("    Yours:   {}", shown(&conflict.yours));
    let theirs = if conflict.theirs_deleted {
        "(deleted)".to_owned()
    } else {
        shown(&conflict.theirs)
    };
    say!(
        "    Theirs:  {theirs}  ({}, {})",
        conflict.theirs_by,
        conflict.theirs_at
    );
}

/// "1 change", "3 changes".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A value as a person reads it: text without quotes, nothing as "(empty)".
fn shown(value: &Value) -> String {
    match value {
        Value::Null => "(empty)".to_owned(),
        Value::String(text) if text.is_empty() => "(empty)".to_owned(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), TeamError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| TeamError::Protocol(format!("cannot encode JSON: {e}")))?;
    say!("{text}");
    Ok(())
}
