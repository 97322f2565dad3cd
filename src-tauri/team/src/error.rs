//! What can go wrong in team mode, worded for the person at the laptop. Every refusal
//! leaves the local file as it was: the messages say so where a person would wonder.

use rollplan_core::CoreError;

/// Everything that can go wrong while sharing a workspace.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// The server address could not be read.
    #[error("The server address is not one Rollplan can use: {0}")]
    InvalidAddress(String),

    /// No connection could be made (network, server down, no such host).
    #[error(
        "The team server {server} could not be reached ({reason}). Your local copy is \
         unchanged; your changes wait on this laptop until the server can be reached."
    )]
    Unreachable { server: String, reason: String },

    /// The server's TLS certificate did not check out (unknown authority, another name).
    #[error(
        "The team server {server} could not prove it is the server named in the address \
         ({reason}). Nothing was sent; check the address and the certificate authority \
         (sslrootcert) with your IT team. Your local copy is unchanged."
    )]
    Certificate { server: String, reason: String },

    /// The server refused the login or password.
    #[error(
        "The team server {server} did not accept your sign-in ({reason}). Check the login \
         and password (PGPASSWORD), or the client certificate (sslcert, sslkey), with your \
         IT team. Your local copy is unchanged."
    )]
    SignIn { server: String, reason: String },

    /// The database has no Rollplan team in it.
    #[error(
        "The database at {server} is not a Rollplan team (it has no `rollplan` schema). \
         An administrator creates one with `rollplan-cli team init`."
    )]
    NotATeam { server: String },

    /// The server's team schema was written by a newer Rollplan.
    #[error(
        "The team server was set up by a newer version of Rollplan (team schema version \
         {found}; this version understands up to {supported}). Nothing was changed, here \
         or on the server: update Rollplan to work with this team."
    )]
    NewerServerSchema { found: i32, supported: i32 },

    /// `team init` on a database that already holds a team.
    #[error("The database at {server} already holds a Rollplan team; nothing was changed.")]
    AlreadyATeam { server: String },

    /// `team publish` to a team that already shares a workspace.
    #[error(
        "This team already shares a workspace; join it with `rollplan-cli team join` \
         instead. Nothing was changed."
    )]
    AlreadyPublished,

    /// A team command on a file that is not joined to a team.
    #[error(
        "This workspace is not part of a team. Publish it with `rollplan-cli team publish` \
         or join one with `rollplan-cli team join`."
    )]
    NotJoined,

    /// `team publish` or `team join` on a file already joined.
    #[error("This workspace is already part of the team at {server}.")]
    AlreadyJoined { server: String },

    /// The server now holds a different team's workspace than the one this file joined.
    #[error(
        "The team server now holds a different workspace than the one this copy joined. \
         Nothing was sent or applied; ask the team's administrator which server to use."
    )]
    OtherWorkspace,

    /// The login may read the team but not change it; `admin` is whom to ask.
    #[error("You can view this workspace; ask {admin} to make you an editor.")]
    ViewerOnly { admin: String },

    /// The login was a member of this copy's team and has been removed.
    #[error("You are no longer a member of this team workspace; your local copy is kept.")]
    NoLongerMember,

    /// The login is not a member of the team it tried to publish to or join.
    #[error(
        "Your login {login} is not a member of this team workspace; ask its administrator \
         to add you (`rollplan-cli team add-member {login} --role editor`). Nothing was \
         changed."
    )]
    NotAMember { login: String },

    /// A member command by someone who is not an administrator.
    #[error(
        "Only an administrator of this team adds and removes members; ask {admin}. \
         Nothing was changed."
    )]
    AdminOnly { admin: String },

    /// A member command on a team of the first version, before its upgrade.
    #[error(
        "This team was set up by an older version of Rollplan (team schema version {found}), \
         which has no members of its own yet. Its owner brings it up to date with \
         `rollplan-cli team init --server ...`; nothing was changed."
    )]
    OlderServerSchema { found: i32 },

    /// The team holds data this version of Rollplan does not know.
    #[error(
        "The team's workspace holds {0}, which this version of Rollplan does not know. \
         Nothing was applied: update Rollplan to keep working with this team."
    )]
    UnknownData(String),

    /// A request that cannot be carried out as asked (a conflict that does not exist, a
    /// file that already exists, ...).
    #[error("{0}")]
    Refused(String),

    /// Applying pulled changes was stopped by the caller before it committed.
    #[error("Applying the team's changes was stopped ({0}); nothing of it was applied.")]
    Interrupted(String),

    /// The server answered in a way this version does not understand.
    #[error("The team server gave an answer Rollplan did not understand: {0}")]
    Protocol(String),

    /// A fault talking to the server after connecting.
    #[error("The team server reported a problem: {0}")]
    Server(#[from] postgres::Error),

    /// A fault in the local file.
    #[error("The local database reported a problem: {0}")]
    Local(#[from] rusqlite::Error),

    /// The core refused to open the local file (newer, damaged, ...).
    #[error(transparent)]
    Core(#[from] CoreError),
}

impl TeamError {
    /// Whether the person can fix this (an address, a password, a choice) rather than
    /// it being a fault of the program or the disk.
    pub fn is_user_error(&self) -> bool {
        match self {
            Self::Server(_) | Self::Local(_) | Self::Protocol(_) => false,
            Self::Core(core) => core.is_user_error(),
            _ => true,
        }
    }
}
