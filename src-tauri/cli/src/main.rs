//! `rollplan-cli`: the same core as the app, without a window — for scripts, IT and tests.
//!
//! Exit codes: 0 success; 1 bad input or a refused operation (the message on stderr names
//! the field); 2 an internal fault (disk, database).

// Everything printed goes through `output::say!`, which ends quietly on a closed pipe.
#![deny(clippy::print_stdout)]

mod args;
mod backup;
mod baseline;
mod bundle;
mod demo;
mod export;
mod metrics;
mod output;
mod pdsa;
mod people;
mod programmes;
mod roster;
mod runway;
mod sops;
mod status;
mod task_links;
mod tasks;
mod team;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use rollplan_core::bundle::BundleResolution;
use rollplan_core::paths::resolve_database;
use rollplan_core::programmes::{ProgrammeDraft, WaveDraft};
use rollplan_core::rollouts::RolloutDraft;
use rollplan_core::{CoreError, Store};

use crate::output::say;
use args::{
    BackupsCommand, BaselineCommand, Cli, Command, ImportCommand, PdsaCommand, PeopleCommand,
    ProgrammeCommand, RolloutsCommand, SopsCommand, TasksCommand, TemplatesCommand,
};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version are successes; any other parse error is bad input (1),
            // not clap's default 2, which we reserve for internal faults.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    // Team commands talk to a server and report its refusals in their own words.
    if matches!(cli.command, Command::Team { .. } | Command::Sync { .. }) {
        return team::main(cli);
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", output::describe_error(&error));
            if error.is_user_error() {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

fn run(cli: Cli) -> Result<(), CoreError> {
    let location = resolve_database(cli.db.as_deref())?;
    let db = Path::new(&location.path);
    // These look after the file itself and must work when it cannot be opened (damaged,
    // or about to be replaced), so they do not open it first.
    let command = match cli.command {
        Command::Check { json } => return backup::check(db, json),
        Command::Backups {
            command: BackupsCommand::List { json },
        } => return backup::list(db, json),
        Command::Restore { file, json } => return backup::restore(db, &file, json),
        other => other,
    };
    let store = Store::open(db)?;
    if let Some(problem) = store.backup_problem() {
        eprintln!("warning: {problem}");
    }
    match command {
        Command::Rollouts { command } => match command {
            RolloutsCommand::List { json, trash } => {
                let rollouts = if trash {
                    store.list_trashed_rollouts()?
                } else {
                    store.list_rollouts()?
                };
                if json {
                    output::print_json(&rollouts)
                } else {
                    output::print_rollouts(&rollouts, today());
                    Ok(())
                }
            }
            RolloutsCommand::Create(create) => {
                let json = create.json;
                let template = create.template.clone();
                let fit = create.fit.clone();
                let draft: RolloutDraft = (*create).into_draft()?;
                let rollout = match template.as_deref() {
                    Some(name) => {
                        runway::create_from_template(&store, &draft, name, fit.as_deref(), today())?
                    }
                    None => store.create_rollout(&draft)?,
                };
                if json {
                    output::print_json(&rollout)
                } else {
                    say!("Created rollout '{}' ({})", rollout.name, rollout.id);
                    Ok(())
                }
            }
        },
        Command::People {
            command: PeopleCommand::List { json, all },
        } => people::list(&store, json, all),
        Command::People {
            command: PeopleCommand::MergeRoles { role, into },
        } => people::merge_roles(&store, &role, &into),
        Command::Import {
            command:
                ImportCommand::Roster {
                    file,
                    dry_run,
                    skip_rejected,
                    roles,
                    statuses,
                    json,
                },
        } => roster::import_roster(
            &store,
            &roster::RosterRun {
                file,
                dry_run,
                skip_rejected,
                roles,
                statuses,
                json,
            },
            today(),
        ),
        Command::Templates {
            command: TemplatesCommand::List { json },
        } => {
            let templates = rollplan_core::templates::list_templates();
            if json {
                return output::print_json(&templates);
            }
            for template in templates {
                say!("{:<12}  {}", template.name, template.title);
            }
            Ok(())
        }
        Command::Import {
            command:
                ImportCommand::Tasks {
                    file,
                    rollout,
                    owners,
                    dry_run,
                    json,
                },
        } => tasks::import(&store, &file, &rollout, owners, dry_run, json),
        Command::Import {
            command:
                ImportCommand::Measurements {
                    file,
                    rollout,
                    dry_run,
                    json,
                },
        } => {
            let rollout = store.find_rollout(&rollout)?.id;
            metrics::import_measurements(&store, &file, &rollout, dry_run, json)
        }
        Command::Tasks {
            command:
                TasksCommand::Link {
                    rollout,
                    task,
                    waits_for,
                    link_type,
                    lag,
                    json,
                },
        } => task_links::link(
            &store,
            &task_links::LinkRequest {
                rollout: &rollout,
                task: &task,
                waits_for: &waits_for,
                link_type: &link_type,
                lag_days: lag,
            },
            json,
        ),
        Command::Sops { command } => match command {
            SopsCommand::List { due_within, json } => sops::list(&store, due_within, json, today()),
            SopsCommand::InForce { code, on, json } => {
                sops::in_force(&store, &code, on.unwrap_or_else(today), json)
            }
        },
        Command::Baseline { command } => match command {
            BaselineCommand::Set {
                rollout,
                name,
                json,
            } => baseline::set(&store, &rollout, &name, json),
            BaselineCommand::List { rollout, json } => baseline::list(&store, &rollout, json),
        },
        Command::Pdsa {
            command: PdsaCommand::List { rollout, json },
        } => pdsa::list(&store, &rollout, json, today()),
        Command::Programme { command } => match command {
            ProgrammeCommand::List { json } => programmes::list(&store, json),
            ProgrammeCommand::Show {
                programme,
                pdf: Some(out),
                force,
                overwrite,
                ..
            } => export::programme(&store, &programme, &out, force, overwrite, today()),
            ProgrammeCommand::Show {
                programme, json, ..
            } => programmes::show(&store, &programme, json, today()),
            ProgrammeCommand::Create {
                name,
                description,
                owner,
                json,
            } => programmes::create(
                &store,
                &ProgrammeDraft {
                    name,
                    description,
                    owner,
                },
                json,
            ),
            ProgrammeCommand::Add {
                programme,
                rollout,
                json,
            } => programmes::add(&store, &programme, &rollout, json),
            ProgrammeCommand::PlanWave {
                programme,
                name,
                go_live,
                sites,
                json,
            } => programmes::plan_wave(
                &store,
                &programme,
                &WaveDraft {
                    name,
                    go_live_date: go_live,
                    sites,
                },
                json,
                today(),
            ),
        },
        Command::Import {
            command:
                ImportCommand::Bundle {
                    file,
                    dry_run,
                    take_theirs,
                    keep_mine,
                    json,
                    passphrase_file,
                },
        } => {
            let choice = match (take_theirs, keep_mine) {
                (true, _) => Some(BundleResolution::TakeTheirs),
                (_, true) => Some(BundleResolution::KeepMine),
                _ => None,
            };
            bundle::import(
                &store,
                &file,
                dry_run,
                choice,
                json,
                passphrase_file.as_deref(),
            )
        }
        Command::Backup { out, json } => backup::make(&store, out.as_deref(), json),
        // Handled above, without opening the database.
        Command::Check { .. } | Command::Backups { .. } | Command::Restore { .. } => Ok(()),
        Command::Repair { json } => backup::repair(&store, json),
        Command::Export(request) => export::rollout(&store, &request, today()),
        Command::ExportSop(request) => export::sop(&store, &request, today()),
        Command::Status(request) => status::run(&store, &request, today()),
        Command::ExportLibrary {
            title,
            out,
            force,
            overwrite,
        } => export::library(&store, &title, &out, force, overwrite, today()),
        Command::ExportEscalations(request) => export::escalations(&store, &request, today()),
        Command::Demo { size, seed } => demo::run(&store, size, seed, &location.path, today()),
        // Handled in main(), by team::main.
        Command::Team { .. } | Command::Sync { .. } => Ok(()),
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
