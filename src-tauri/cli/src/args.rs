//! The command line, as clap parses it.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use rollplan_core::rollouts::{Phase, RolloutDraft, RolloutKind};
use rollplan_core::CoreError;

#[derive(Parser)]
#[command(
    name = "rollplan-cli",
    version,
    about = "Rollplan from the command line: the same data as the app."
)]
pub struct Cli {
    /// Database file to use (default: the app's own database, or $ROLLPLAN_DB).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// List and create rollouts.
    Rollouts {
        #[command(subcommand)]
        command: RolloutsCommand,
    },
    /// List the staff directory.
    People {
        #[command(subcommand)]
        command: PeopleCommand,
    },
    /// Import a file into the database.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// The built-in rollout templates.
    Templates {
        #[command(subcommand)]
        command: TemplatesCommand,
    },
    /// A rollout's plan: link its tasks.
    Tasks {
        #[command(subcommand)]
        command: TasksCommand,
    },
    /// The SOP library.
    Sops {
        #[command(subcommand)]
        command: SopsCommand,
    },
    /// Baselines: a rollout's plan dates frozen under a name, to compare the plan with.
    Baseline {
        #[command(subcommand)]
        command: BaselineCommand,
    },
    /// Improvement cycles (PDSA) on a rollout's metrics.
    Pdsa {
        #[command(subcommand)]
        command: PdsaCommand,
    },
    /// Programmes: one rollout repeated site by site, in waves.
    Programme {
        #[command(subcommand)]
        command: ProgrammeCommand,
    },
    /// Check the database: integrity, foreign keys, schema version, latest good backup.
    Check {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Repair rows that point at records that no longer exist (see `check`): a link
    /// that may be empty is cleared, a row that cannot stand alone is set aside in the
    /// database's quarantine. The database is backed up first.
    Repair {
        /// Print what was done as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Back the database up now, into the backups folder beside it.
    Backup {
        /// Write the copy to this file instead (a USB stick, a shared drive); an existing
        /// file is never replaced.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// Print the backup as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The backups of the database.
    Backups {
        #[command(subcommand)]
        command: BackupsCommand,
    },
    /// Replace the database with a backup; the current one is kept as a backup first.
    /// Close the app before restoring.
    Restore {
        /// The backup file: a path, or a file name from `backups list`.
        file: PathBuf,
        /// Print what was done as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add a realistic sample clinic (or, with --size large or xl, a health group at the
    /// benchmark's scale) to an empty database.
    Demo {
        /// sample: one clinic, two rollouts. large: 50 rollouts, 5,000 tasks, 500 SOPs,
        /// 1,000 people, 40,000 training records, 100,000 metric values. xl: ten times
        /// large (500 rollouts, 50,000 tasks with one 5,000-task go-live).
        #[arg(long, value_enum, default_value_t = DemoSize::Sample)]
        size: DemoSize,
        /// Seed of the large or xl workspace: the same seed on the same day gives the same
        /// data.
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
    },
    /// Export a rollout as a report, tables, a calendar or a bundle. The PHI check runs first.
    Export(Box<ExportRollout>),
    /// Export one SOP as a document. The PHI check runs first.
    ExportSop(Box<ExportSop>),
    /// Team mode: share this workspace through the team's PostgreSQL server.
    Team {
        #[command(subcommand)]
        command: crate::team::TeamCommand,
    },
    /// Send this workspace's changes to its team and bring in everyone else's.
    Sync {
        /// Print what was sent and received as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The weekly status of a rollout (or of every active one with --all): what
    /// happened in one Monday-to-Sunday week, worst news first. The PHI check runs first.
    Status(Box<StatusArgs>),
    /// Export the whole SOP library as one PDF binder with contents.
    ExportLibrary {
        /// The binder's title, such as the clinic's name.
        #[arg(long, default_value = "SOP library")]
        title: String,
        /// The PDF file to write.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Export even if the PHI check finds what looks like patient data.
        #[arg(long)]
        force: bool,
        /// Replace an existing file.
        #[arg(long)]
        overwrite: bool,
    },
    /// Export the escalation table across the library (every exception's trigger,
    /// whom it goes to and within what time) as PDF or XLSX. The PHI check runs first.
    ExportEscalations(ExportEscalations),
}

#[derive(Args)]
pub struct ExportEscalations {
    /// pdf or xlsx.
    #[arg(long, value_enum)]
    pub format: crate::export::EscalationFormat,
    /// The file to write.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Only the exceptions of steps done by this role, or escalated to it.
    #[arg(long)]
    pub role: Option<String>,
    /// Only the SOPs this rollout (id or name) introduces or changes.
    #[arg(long)]
    pub rollout: Option<String>,
    /// Export even if the PHI check finds what looks like patient data.
    #[arg(long)]
    pub force: bool,
    /// Replace an existing file.
    #[arg(long)]
    pub overwrite: bool,
}

#[derive(Args)]
pub struct StatusArgs {
    /// The rollout's id or name (a unique part of the name will do).
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub rollout: Option<String>,
    /// Every active rollout together: the project office's Monday summary.
    #[arg(long)]
    pub all: bool,
    /// Any day of the week to report on (YYYY-MM-DD); this week if not given.
    #[arg(long, value_name = "DATE")]
    pub week: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "txt")]
    pub format: crate::status::StatusFileFormat,
    /// The file to write; without it, txt, md and html are printed.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Export even if the PHI check finds what looks like patient data.
    #[arg(long)]
    pub force: bool,
    /// Replace an existing file.
    #[arg(long)]
    pub overwrite: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DemoSize {
    Sample,
    Large,
    Xl,
}

#[derive(Args)]
pub struct ExportRollout {
    /// The rollout's id or name (a unique part of the name will do).
    pub rollout: String,
    #[arg(long, value_enum)]
    pub format: crate::export::RolloutFormat,
    /// The file to write; for csv, the folder that receives one file per table, or a
    /// file ending in .zip that holds them.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Export even if the PHI check finds what looks like patient data.
    #[arg(long)]
    pub force: bool,
    /// Replace an existing file (by default an existing export is kept).
    #[arg(long)]
    pub overwrite: bool,
    /// With --format bundle: also share people's department, email and status, and
    /// their training records (by default people travel as names and roles only).
    #[arg(long)]
    pub include_people: bool,
    /// With --format bundle: protect the bundle with the passphrase in this file (the
    /// file's first line), for sharing by email.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// With --format pdf, html or md: how much the report holds.
    #[arg(long, value_enum, default_value = "standard")]
    pub detail: crate::export::Detail,
}

#[derive(Args)]
pub struct ExportSop {
    /// The SOP's id or code, such as FD-012.
    pub sop: String,
    #[arg(long, value_enum)]
    pub format: crate::export::SopFormat,
    /// The file to write.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Export even if the PHI check finds what looks like patient data.
    #[arg(long)]
    pub force: bool,
    /// Replace an existing file (by default an existing export is kept).
    #[arg(long)]
    pub overwrite: bool,
}

#[derive(Subcommand)]
pub enum RolloutsCommand {
    /// List rollouts, soonest go-live first.
    List {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
        /// List the rollouts in the trash instead.
        #[arg(long)]
        trash: bool,
    },
    /// Create a rollout.
    Create(Box<CreateRollout>),
}

#[derive(Subcommand)]
pub enum TasksCommand {
    /// Make a task wait for another: after it finishes (FS, the default), when it starts
    /// (SS), finishing when it finishes (FF) or finishing after it starts (SF), with a lag
    /// in days (negative: a lead). A link that exists already takes the new type and lag.
    Link {
        /// The rollout's id or name (a unique part of the name will do).
        #[arg(long, value_name = "ID")]
        rollout: String,
        /// The task that waits: its id or title (a unique part of the title will do).
        #[arg(long)]
        task: String,
        /// The task it waits for: its id or title.
        #[arg(long, value_name = "TASK")]
        waits_for: String,
        /// FS, SS, FF or SF (or finish-to-start, start-to-start, ...).
        #[arg(long = "type", value_name = "TYPE", default_value = "FS")]
        link_type: String,
        /// Days after the tied end of the task waited for; negative is a lead.
        #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
        lag: i32,
        /// Print the waiting task as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum PeopleCommand {
    /// List people by name (active ones unless --all).
    List {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
        /// Include people who are no longer active.
        #[arg(long)]
        all: bool,
    },
    /// Merge one role into another: its people, training requirements and remembered
    /// roster titles move to the role kept, with history, and it leaves the list.
    MergeRoles {
        /// The role to merge away (its name, or a part only its name holds).
        role: String,
        /// The role to keep.
        #[arg(long, value_name = "ROLE")]
        into: String,
    },
}

#[derive(Subcommand)]
pub enum BackupsCommand {
    /// List the backups, newest first.
    List {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum TemplatesCommand {
    /// List the templates `rollouts create --template` takes.
    List {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum SopsCommand {
    /// List SOPs by code, or only those due for review within DAYS (overdue included).
    List {
        #[arg(long, value_name = "DAYS")]
        due_within: Option<u64>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Which approved version of an SOP was in force on a date, and who approved it.
    InForce {
        /// The SOP's code, such as FD-012.
        code: String,
        /// The date to ask about (YYYY-MM-DD); today if not given.
        #[arg(long, value_name = "DATE")]
        on: Option<NaiveDate>,
        /// Print the revision as JSON (null when none was in force).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum BaselineCommand {
    /// Freeze the start and due of every task of a rollout, and its go-live, under a
    /// name; the rollout then compares with it.
    Set {
        /// The rollout's id or name.
        rollout: String,
        /// The baseline's name, such as "Signed-off plan".
        name: String,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// List a rollout's baselines, latest first, and how the plan stands against the
    /// one it compares with.
    List {
        /// The rollout's id or name.
        rollout: String,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum PdsaCommand {
    /// List a rollout's improvement cycles, metric by metric in the order they ran,
    /// each with its study and its Act.
    List {
        /// The rollout's id or name.
        rollout: String,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ProgrammeCommand {
    /// List the programmes with their waves, numbered by go-live.
    List {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Show a programme: each wave's go-live, sites, readiness and training, its
    /// metrics, and what the previous wave's debriefs asked it to change.
    Show {
        /// The programme's id or name.
        programme: String,
        /// Print JSON for scripts.
        #[arg(long, conflicts_with = "pdf")]
        json: bool,
        /// Write the programme's report as a PDF to this file instead (the PHI check
        /// runs first).
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// With --pdf: export even if the PHI check finds what looks like patient data.
        #[arg(long, requires = "pdf")]
        force: bool,
        /// With --pdf: replace an existing file.
        #[arg(long, requires = "pdf")]
        overwrite: bool,
    },
    /// Create a programme with no waves yet.
    Create {
        /// Its name ("EHR across ten sites").
        name: String,
        #[arg(long, default_value = "")]
        description: String,
        /// Who leads it.
        #[arg(long, default_value = "")]
        owner: String,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Make a rollout a wave of a programme (a rollout is in one programme at a time).
    Add {
        /// The programme's id or name.
        programme: String,
        /// The rollout's id or name.
        rollout: String,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Plan the next wave from the programme's last one: its plan, checklist, risks,
    /// training, metrics and communications copied with dates moved to the new go-live
    /// and statuses reset.
    PlanWave {
        /// The programme's id or name.
        programme: String,
        /// The new wave's name.
        #[arg(long)]
        name: String,
        /// Its go-live (YYYY-MM-DD), not before the previous wave's.
        #[arg(long, value_name = "DATE")]
        go_live: String,
        /// A site the wave reaches; repeat for each.
        #[arg(long = "site", value_name = "SITE", required = true)]
        sites: Vec<String>,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Import a .rollplan bundle, merging by id: new records are added, identical ones
    /// skipped; records that differ are conflicts, settled by --keep-mine or --take-theirs.
    Bundle {
        /// The .rollplan file.
        file: PathBuf,
        /// Say what would be added, updated and in conflict; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Replace every conflicting record with the bundle's version.
        #[arg(long, conflicts_with = "keep_mine")]
        take_theirs: bool,
        /// Keep this database's version of every conflicting record.
        #[arg(long)]
        keep_mine: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// The passphrase of a protected bundle, as the first line of this file (or set
        /// ROLLPLAN_PASSPHRASE).
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Import a task list (CSV or XLSX) or a Microsoft Project plan saved as XML into a
    /// rollout's plan: all rows or none.
    Tasks {
        /// The task list (.csv or .xlsx) with title, phase, owner, start, due, status and
        /// depends-on columns, or a Microsoft Project XML file (.xml).
        file: PathBuf,
        /// The rollout's id or name (a unique part of the name will do).
        #[arg(long, value_name = "ID")]
        rollout: String,
        /// Owners not in People, or whose name several people share: refuse the file
        /// listing them all (default), add unknown names as external people, or import
        /// their tasks unassigned.
        #[arg(long, value_enum, default_value_t)]
        owners: crate::tasks::OwnersFlag,
        /// Check the file and say what would be imported; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import metric measurements (CSV or XLSX) into a rollout's metrics: all rows or none.
    Measurements {
        /// The file (.csv or .xlsx) with metric, date and value columns, and optionally
        /// note and source. "12%" and "12" both mean 12 %; a column of fractions (0.12)
        /// reads as percentages; a date that already has a value gets the file's.
        file: PathBuf,
        /// The rollout's id or name (a unique part of the name will do).
        #[arg(long, value_name = "ID")]
        rollout: String,
        /// Check the file and say what would be imported; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Import a staff roster (CSV or XLSX); columns are recognised by their headers.
    Roster {
        /// The roster file (.csv or .xlsx).
        file: PathBuf,
        /// Show what would happen, row by row, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows even if some rows are rejected (default: import nothing).
        #[arg(long)]
        skip_rejected: bool,
        /// What a job title in the file means: "TITLE=ROLE", ROLE being a role's name or
        /// "new" for a new role named after the title. Repeat for each title; the others
        /// use what an earlier import chose, the role of that name, or the suggestion
        /// the report shows.
        #[arg(long = "role", value_name = "TITLE=ROLE")]
        roles: Vec<String>,
        /// What an employment status Rollplan does not know means: "STATUS=working" or
        /// "STATUS=left". Repeat for each; the answer is remembered for the next file.
        #[arg(long = "status", value_name = "STATUS=working|left")]
        statuses: Vec<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct CreateRollout {
    #[arg(long)]
    pub name: String,
    /// ehr_go_live, automation, policy, workflow_redesign or other.
    #[arg(long, default_value = "other")]
    pub kind: String,
    /// planning, preparing, go_live, stabilizing, sustaining or closed.
    #[arg(long, default_value = "planning")]
    pub phase: String,
    /// Go-live date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub go_live: Option<String>,
    /// Start date, YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: Option<String>,
    #[arg(long, default_value = "")]
    pub goal: String,
    #[arg(long, default_value = "")]
    pub sponsor: String,
    #[arg(long, default_value = "")]
    pub owner: String,
    /// Start from a built-in template (see `templates list`); needs --go-live.
    #[arg(long, value_name = "NAME")]
    pub template: Option<String>,
    /// When go-live is too near for the template's plan: `compress` it into the days
    /// left, or `keep` its durations (it then starts in the past).
    #[arg(long, value_name = "compress|keep")]
    pub fit: Option<String>,
    /// A site or department; repeat for several.
    #[arg(long = "site", value_name = "SITE")]
    pub sites: Vec<String>,
    /// Print the created rollout as JSON.
    #[arg(long)]
    pub json: bool,
}

impl CreateRollout {
    /// The draft to create; an unknown kind or phase is a validation error.
    pub fn into_draft(self) -> Result<RolloutDraft, CoreError> {
        Ok(RolloutDraft {
            name: self.name,
            kind: self.kind.parse::<RolloutKind>()?,
            phase: self.phase.parse::<Phase>()?,
            goal: self.goal,
            sites: self.sites,
            sponsor: self.sponsor,
            owner: self.owner,
            start_date: self.start,
            go_live_date: self.go_live,
            ..RolloutDraft::default()
        })
    }
}

/// The command-line flag that sets a draft field, for error messages.
pub fn flag_for_field(field: &str) -> Option<&'static str> {
    Some(match field {
        "name" => "--name",
        "kind" => "--kind",
        "phase" => "--phase",
        "go_live_date" => "--go-live",
        "start_date" => "--start",
        "goal" => "--goal",
        "sponsor" => "--sponsor",
        "owner" => "--owner",
        "sites" => "--site",
        "template" => "--template",
        "fit" => "--fit",
        "seed" => "--seed",
        _ => return None,
    })
}
