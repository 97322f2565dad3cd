//! Where the database lives. The app and the CLI resolve it the same way, so the CLI
//! sees exactly what the app wrote:
//!
//! 1. an explicit path (`--db PATH` on the CLI),
//! 2. the `ROLLPLAN_DB` environment variable (tests, IT scripts),
//! 3. `database_path` in the app's `settings.json` (chosen in Settings),
//! 4. `rollplan.db` in the platform data directory: the per-user application data
//!    folder, `%APPDATA%\app.rollplan.desktop` on Windows (the uninstaller leaves it).
//!
//! Wherever it comes from, a database on a network drive is refused (see [`network`]).

mod file_names;
mod network;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{CoreError, Result};

pub use file_names::safe_file_stem;
pub use network::{drive_kind, drive_letter, refuse_network_database, unc_share, DriveKind};

/// The app's identifier; also the name of its data and config folders.
pub const APP_IDENTIFIER: &str = "app.rollplan.desktop";

/// Environment variable that overrides the database location.
pub const DB_ENV_VAR: &str = "ROLLPLAN_DB";

const DATABASE_FILE_NAME: &str = "rollplan.db";
const SETTINGS_FILE_NAME: &str = "settings.json";

/// Why a database path was chosen, so Settings can explain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LocationSource {
    CommandLine,
    Environment,
    Settings,
    Default,
}

/// The database path in use and where that choice came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DatabaseLocation {
    pub path: String,
    pub source: LocationSource,
}

/// User settings kept beside the app, outside the database (they say where it is).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    /// A database file chosen by the user instead of the default location.
    pub database_path: Option<String>,
    /// Who "me" is in each database (by its path): the person whose week Home and *My
    /// week* show. Kept here rather than in the database, so a team workspace shared by
    /// many people remembers each one on their own laptop.
    pub me_by_database: std::collections::BTreeMap<String, String>,
}

/// The platform data directory for Rollplan: `~/.local/share/app.rollplan.desktop` on
/// Linux, `%APPDATA%\app.rollplan.desktop` (the roaming application data of the person
/// signed in) on Windows, `~/Library/Application Support/app.rollplan.desktop` on macOS.
pub fn data_dir() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|dir| dir.join(APP_IDENTIFIER))
        .ok_or_else(|| no_home("data"))
}

/// The platform config directory for Rollplan (`~/.config/app.rollplan.desktop`).
pub fn config_dir() -> Result<PathBuf> {
    dirs::config_dir()
        .map(|dir| dir.join(APP_IDENTIFIER))
        .ok_or_else(|| no_home("config"))
}

fn no_home(kind: &str) -> CoreError {
    CoreError::Io {
        context: format!("cannot find the {kind} directory"),
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "HOME is not set"),
    }
}

/// The default database file, used when nothing overrides it.
pub fn default_database_path() -> Result<PathBuf> {
    Ok(data_dir()?.join(DATABASE_FILE_NAME))
}

pub fn settings_path() -> Result<PathBuf> {
    Ok(config_dir()?.join(SETTINGS_FILE_NAME))
}

/// Reads the settings file; a missing file means default settings.
pub fn load_settings(path: &Path) -> Result<Settings> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Settings::default()),
        Err(source) => {
            return Err(CoreError::Io {
                context: format!("cannot read {}", path.display()),
                source,
            })
        }
    };
    serde_json::from_str(&text).map_err(|e| {
        CoreError::Conflict(format!(
            "The settings file {} is not valid ({e}). Fix or delete it.",
            path.display()
        ))
    })
}

/// Writes the settings file atomically (a temp file renamed over the old one), so a
/// crash mid-write leaves either the old settings or the new, never half of one.
pub fn save_settings(path: &Path, settings: &Settings) -> Result<()> {
    let io = |context: String| move |source| CoreError::Io { context, source };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io(format!("cannot create {}", dir.display())))?;
    }
    let text = serde_json::to_string_pretty(settings)
        .map_err(|e| CoreError::Database(format!("cannot encode settings: {e}")))?;
    let temp = path.with_extension("json.tmp");
    std::fs::write(&temp, text).map_err(io(format!("cannot write {}", temp.display())))?;
    std::fs::rename(&temp, path).map_err(io(format!("cannot replace {}", path.display())))
}

/// The person "me" is in the database at `database`, if one was chosen.
pub fn my_person(settings_file: &Path, database: &str) -> Result<Option<String>> {
    Ok(load_settings(settings_file)?
        .me_by_database
        .get(database)
        .cloned())
}

/// Remembers (or, with `None`, forgets) who "me" is in the database at `database`.
pub fn choose_my_person(
    settings_file: &Path,
    database: &str,
    person_id: Option<&str>,
) -> Result<()> {
    let mut settings = load_settings(settings_file)?;
    match person_id {
        Some(id) => settings
            .me_by_database
            .insert(database.to_owned(), id.to_owned()),
        None => settings.me_by_database.remove(database),
    };
    save_settings(settings_file, &settings)
}

/// Resolves the database location in the order described at the top of this module.
pub fn resolve_database(explicit: Option<&Path>) -> Result<DatabaseLocation> {
    let located = |path: &Path, source| DatabaseLocation {
        path: path.display().to_string(),
        source,
    };
    if let Some(path) = explicit {
        return Ok(located(path, LocationSource::CommandLine));
    }
    if let Some(path) = std::env::var_os(DB_ENV_VAR).filter(|v| !v.is_empty()) {
        return Ok(located(Path::new(&path), LocationSource::Environment));
    }
    if let Some(path) = load_settings(&settings_path()?)?.database_path {
        if !path.trim().is_empty() {
            return Ok(located(Path::new(&path), LocationSource::Settings));
        }
    }
    Ok(located(&default_database_path()?, LocationSource::Default))
}

/// Records `path` in the settings file as the database to use from the next start.
///
/// An existing file must open as a Rollplan database (a newer or foreign file is refused
/// now, not at the next start); a new file needs an existing folder. Returns the path
/// as it will be used.
pub fn choose_database(settings_file: &Path, path: &str) -> Result<String> {
    const FIELD: &str = "database_path";
    let path = Path::new(path.trim());
    if path.as_os_str().is_empty() {
        return Err(CoreError::invalid(
            FIELD,
            "Enter the full path of a database file.",
        ));
    }
    if !path.is_absolute() {
        return Err(CoreError::invalid(FIELD, FULL_PATH_EXAMPLE));
    }
    if let DriveKind::Network(place) = drive_kind(path) {
        return Err(CoreError::invalid(
            FIELD,
            network::network_refusal(path, &place),
        ));
    }
    if path.is_dir() {
        return Err(CoreError::invalid(
            FIELD,
            "That is a folder: add a file name, such as rollplan.db.",
        ));
    }
    if path.exists() {
        crate::Store::open(path).map_err(|e| CoreError::invalid(FIELD, e.to_string()))?;
    } else if !path.parent().is_some_and(Path::is_dir) {
        return Err(CoreError::invalid(
            FIELD,
            "That folder does not exist: choose a folder that does.",
        ));
    }
    let chosen = path.display().to_string();
    let mut settings = load_settings(settings_file)?;
    settings.database_path = Some(chosen.clone());
    save_settings(settings_file, &settings)?;
    Ok(chosen)
}

/// How a full path looks on this system, for the message about a partial one.
const FULL_PATH_EXAMPLE: &str = if cfg!(windows) {
    r"Use a full path, such as C:\Users\Dana\Documents\rollplan.db."
} else {
    "Use a full path, such as /home/dana/Documents/rollplan.db."
};

/// Forgets a chosen database, so the next start uses the default location again.
pub fn use_default_database(settings_file: &Path) -> Result<()> {
    let mut settings = load_settings(settings_file)?;
    settings.database_path = None;
    save_settings(settings_file, &settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_missing_file_means_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nested").join("settings.json");
        assert_eq!(
            load_settings(&path).expect("missing settings are fine"),
            Settings::default()
        );
        let chosen = Settings {
            database_path: Some("/srv/clinic/rollplan.db".into()),
            ..Settings::default()
        };
        save_settings(&path, &chosen).expect("settings save");
        assert_eq!(load_settings(&path).expect("settings load"), chosen);
    }

    #[test]
    fn me_is_remembered_per_database_and_keeps_the_rest() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.json");
        let clinic = "/home/dana/clinic.db";
        let team = "/home/dana/Team workspace.db";
        choose_database(&path, &dir.path().join("x.db").display().to_string()).expect("db");
        assert_eq!(my_person(&path, clinic).expect("read"), None);
        choose_my_person(&path, clinic, Some("dana")).expect("remember");
        choose_my_person(&path, team, Some("dana-at-work")).expect("remember");
        assert_eq!(
            my_person(&path, clinic).expect("read").as_deref(),
            Some("dana")
        );
        assert_eq!(
            my_person(&path, team).expect("read").as_deref(),
            Some("dana-at-work")
        );
        choose_my_person(&path, clinic, None).expect("forget");
        assert_eq!(my_person(&path, clinic).expect("read"), None);
        assert!(
            load_settings(&path).expect("load").database_path.is_some(),
            "the chosen database is kept"
        );
    }

    #[test]
    fn a_broken_settings_file_is_reported_not_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.json");
        std::fs::write(&path, "{ not json").expect("write");
        let error = load_settings(&path).expect_err("broken settings must be reported");
        assert!(
            error.to_string().contains("settings.json"),
            "the message names the file: {error}"
        );
    }

    fn refusal(settings: &Path, path: &str) -> String {
        match choose_database(settings, path) {
            Err(CoreError::Validation(errors)) => {
                assert_eq!(errors[0].field, "database_path");
                errors[0].message.clone()
            }
            other => panic!("expected a refusal for {path:?}, got {other:?}"),
        }
    }

    #[test]
    fn choosing_a_database_checks_the_path_before_recording_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = dir.path().join("settings.json");
        assert!(refusal(&settings, " ").contains("full path"));
        assert!(refusal(&settings, "rollplan.db").contains("full path"));
        assert!(refusal(&settings, &dir.path().display().to_string()).contains("folder"));
        let nowhere = dir.path().join("missing").join("rollplan.db");
        assert!(refusal(&settings, &nowhere.display().to_string()).contains("does not exist"));
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "not a database ".repeat(100)).expect("write");
        assert!(refusal(&settings, &notes.display().to_string()).contains("notes.txt"));
        assert!(!settings.exists(), "nothing is recorded for a refused path");

        let fresh = dir.path().join("clinic.db");
        let chosen = choose_database(&settings, &fresh.display().to_string()).expect("a new file");
        assert_eq!(
            load_settings(&settings).expect("load").database_path,
            Some(chosen)
        );

        use_default_database(&settings).expect("reset");
        assert_eq!(load_settings(&settings).expect("load").database_path, None);
    }

    #[test]
    fn an_explicit_path_wins() {
        let location = resolve_database(Some(Path::new("/tmp/x.db"))).expect("resolves");
        assert_eq!(location.source, LocationSource::CommandLine);
        assert_eq!(location.path, "/tmp/x.db");
    }
}
