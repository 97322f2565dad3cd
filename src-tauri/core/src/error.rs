//! The one error type of the core, and the `{code, message, field?}` shape the UI and the
//! CLI's `--json` output receive, so callers can branch on `code` instead of on wording.

use serde::Serialize;
use ts_rs::TS;

use crate::import::ImportProblem;

/// A problem with one field of user input, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// The kinds of failure a caller can tell apart: what [`CoreError::code`] says and what
/// the UI receives as `ErrorPayload.code`. Generated into TypeScript as a union, so a
/// comparison in the UI with a code that does not exist fails the type check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    Conflict,
    /// The person may read this workspace but not change it (a team's viewer).
    ViewOnly,
    NewerSchema,
    Import,
    Io,
    Export,
    Database,
    Damaged,
    /// Never made by the core: the UI's name for a failure that did not come from it (a
    /// command that could not be called at all). Listed here so the union has one source.
    Internal,
}

impl ErrorCode {
    /// Every code, so a test can pin the spelling of each.
    pub const ALL: &'static [ErrorCode] = &[
        Self::Validation,
        Self::NotFound,
        Self::Conflict,
        Self::ViewOnly,
        Self::NewerSchema,
        Self::Import,
        Self::Io,
        Self::Export,
        Self::Database,
        Self::Damaged,
        Self::Internal,
    ];

    /// The code as the UI and the CLI's `--json` output spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Validation => "validation",
            Self::NotFound => "not_found",
            Self::Conflict => "conflict",
            Self::ViewOnly => "view_only",
            Self::NewerSchema => "newer_schema",
            Self::Import => "import",
            Self::Io => "io",
            Self::Export => "export",
            Self::Database => "database",
            Self::Damaged => "damaged",
            Self::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// So a test can say `assert_eq!(error.code(), "conflict")`, as it reads.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// User input was refused; nothing was written. Never empty.
    #[error("{}", join_messages(.0))]
    Validation(Vec<FieldError>),

    #[error("{entity} {id} was not found")]
    NotFound { entity: &'static str, id: String },

    /// The operation is refused in the current state (edited elsewhere, in the trash, ...).
    #[error("{0}")]
    Conflict(String),

    /// A change refused because this person may only view the workspace (a team's
    /// viewer); the message says whom to ask. Nothing was written.
    #[error("{0}")]
    ViewOnly(String),

    /// The file was written by a newer Rollplan; it has not been touched.
    #[error(
        "This database was written by a newer version of Rollplan (schema version {found}; \
         this version understands up to {supported}). It has been left untouched: \
         update Rollplan to open it."
    )]
    NewerSchema { found: i64, supported: i64 },

    /// An imported file was refused; names the file and, where known, the row and column.
    #[error("{}", describe_import(.file, *.row, .column.as_deref(), .message))]
    Import {
        file: String,
        row: Option<usize>,
        column: Option<String>,
        message: String,
    },

    /// An imported file was refused for every problem listed (the first
    /// [`crate::import::PROBLEMS_LISTED`]) and `more` besides; nothing was written.
    #[error("{}", crate::import::describe_problems(.file, .problems, *.more))]
    ImportProblems {
        file: String,
        problems: Vec<ImportProblem>,
        more: usize,
    },

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },

    /// A document could not be produced (a template the data does not fit, say): a fault
    /// of ours, never of what the person typed.
    #[error("The export could not be produced: {0}")]
    Export(String),

    /// SQLite reported a fault we did not expect (full disk, ...).
    #[error("database error: {0}")]
    Database(String),

    /// The start-up check found the database file damaged. It has not been written to;
    /// `latest_backup` is the newest backup that passed the same check, if any.
    #[error("{}", describe_damage(.message, .latest_backup.as_deref()))]
    Damaged {
        message: String,
        latest_backup: Option<String>,
    },
}

fn describe_damage(message: &str, latest_backup: Option<&str>) -> String {
    let advice = match latest_backup {
        Some(backup) => format!(
            "The latest good backup is {backup}. To go back to it, close Rollplan and run \
             `rollplan-cli restore \"{backup}\"` (or ask your IT support to)."
        ),
        None => "No good backup was found: keep the file as it is and ask your IT \
                 support for help."
            .to_owned(),
    };
    format!("{message} Rollplan has not changed the file. {advice}")
}

fn describe_import(file: &str, row: Option<usize>, column: Option<&str>, message: &str) -> String {
    let mut place = file.to_owned();
    if let Some(row) = row {
        place.push_str(&format!(", row {row}"));
    }
    if let Some(column) = column {
        place.push_str(&format!(", column '{column}'"));
    }
    format!("{place}: {message}")
}

fn join_messages(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| e.message.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

impl CoreError {
    /// A single-field validation error.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, message)])
    }

    /// The stable code callers branch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Validation(_) => ErrorCode::Validation,
            Self::NotFound { .. } => ErrorCode::NotFound,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::ViewOnly(_) => ErrorCode::ViewOnly,
            Self::NewerSchema { .. } => ErrorCode::NewerSchema,
            Self::Import { .. } | Self::ImportProblems { .. } => ErrorCode::Import,
            Self::Io { .. } => ErrorCode::Io,
            Self::Export(_) => ErrorCode::Export,
            Self::Database(_) => ErrorCode::Database,
            Self::Damaged { .. } => ErrorCode::Damaged,
        }
    }

    /// True when the fault is the caller's input or request rather than the machine's.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Self::Validation(_)
                | Self::NotFound { .. }
                | Self::Conflict(_)
                | Self::ViewOnly(_)
                | Self::NewerSchema { .. }
                | Self::Import { .. }
                | Self::ImportProblems { .. }
        )
    }

    pub fn payload(&self) -> ErrorPayload {
        let fields = match self {
            Self::Validation(fields) => fields.clone(),
            _ => Vec::new(),
        };
        let (problems, more_problems) = match self {
            Self::ImportProblems { problems, more, .. } => (problems.clone(), *more),
            _ => (Vec::new(), 0),
        };
        ErrorPayload {
            code: self.code(),
            message: self.to_string(),
            field: fields.first().map(|f| f.field.clone()),
            fields,
            problems,
            more_problems,
        }
    }
}

impl From<rusqlite::Error> for CoreError {
    fn from(error: rusqlite::Error) -> Self {
        // SQLite's own words for a full or failing disk ("database or disk is full",
        // "disk I/O error") do not tell a person that their change is not saved, nor
        // what to do; say both. The transaction was rolled back, so nothing was written.
        let advice = match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Some(
                "the disk that holds the database is full, so this change was not saved \
                 (nothing of it was written). Free some space on that disk, then try again",
            ),
            Some(rusqlite::ErrorCode::SystemIoFailure) => Some(
                "the database file could not be written, so this change was not saved \
                 (nothing of it was written). Check that the disk is connected and has free \
                 space, then try again",
            ),
            _ => None,
        };
        match advice {
            Some(advice) => Self::Database(format!("{advice} ({error})")),
            None => Self::Database(error.to_string()),
        }
    }
}

impl From<rusqlite_migration::Error> for CoreError {
    fn from(error: rusqlite_migration::Error) -> Self {
        Self::Database(format!("migration failed: {error}"))
    }
}

/// What the UI receives for a failed command.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    /// What kind of failure this is: what callers branch on.
    pub code: ErrorCode,
    pub message: String,
    /// The first field in error, for validation errors.
    pub field: Option<String>,
    /// Every field in error, for validation errors.
    pub fields: Vec<FieldError>,
    /// Every problem listed in a refused import, for a screen to list them.
    pub problems: Vec<ImportProblem>,
    /// How many problems the refusal found beyond `problems`.
    pub more_problems: usize,
}

impl From<CoreError> for ErrorPayload {
    fn from(error: CoreError) -> Self {
        error.payload()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_sent_as_it_is_spelled() {
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).expect("a code serialises"),
                serde_json::Value::from(code.as_str()),
                "the code the UI receives must be the one as_str and the CLI print"
            );
        }
    }

    #[test]
    fn a_payload_carries_the_code_of_its_error() {
        let payload = CoreError::Conflict("edited elsewhere".into()).payload();
        assert_eq!(
            payload.code,
            ErrorCode::Conflict,
            "a conflict is sent as one"
        );
        let json = serde_json::to_value(&payload).expect("a payload serialises");
        assert_eq!(
            json["code"], "conflict",
            "the UI reads the code as a plain string"
        );
    }
}
