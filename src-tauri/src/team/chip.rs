//! The header's team chip, in words: written here once from the team's standing, so the
//! window only shows them (*Synced 12 s ago*, *Syncing…*, *Offline · 3 waiting*,
//! *1 conflict*).

use serde::Serialize;
use ts_rs::TS;

/// How the sync thread last found the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Connection {
    /// Not tried yet, or trying now.
    Connecting,
    Online,
    /// The server could not be reached; changes wait here.
    Offline,
    /// A password is needed (none kept, or the one kept was refused).
    NeedsPassword,
    /// The server refuses this copy (removed member, another workspace, newer schema):
    /// the person reads why in Settings → Team.
    Refused,
}

/// What the chip is made from.
#[derive(Debug, Clone)]
pub struct Standing {
    pub connection: Connection,
    pub syncing: bool,
    /// Seconds since the last sync that reached the server, if any did.
    pub synced_ago: Option<i64>,
    pub waiting: i64,
    pub conflicts: i64,
}

/// How the chip looks: calm, busy, worth a look, or needing the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChipTone {
    Calm,
    Busy,
    Notice,
    Attention,
}

/// The chip: its words and its tone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Chip {
    pub words: String,
    pub tone: ChipTone,
}

/// The chip for `standing`. Conflicts come first (they need the person); then what the
/// connection is doing.
pub fn chip(standing: &Standing) -> Chip {
    let chip = |words: String, tone| Chip { words, tone };
    if standing.conflicts > 0 {
        return chip(
            plural(standing.conflicts, "conflict", "conflicts"),
            ChipTone::Attention,
        );
    }
    match standing.connection {
        Connection::NeedsPassword => chip("Sign in to sync".into(), ChipTone::Attention),
        Connection::Refused => chip("Not syncing".into(), ChipTone::Attention),
        Connection::Offline => chip(
            if standing.waiting > 0 {
                format!("Offline · {} waiting", standing.waiting)
            } else {
                "Offline".into()
            },
            ChipTone::Notice,
        ),
        _ if standing.syncing => chip("Syncing…".into(), ChipTone::Busy),
        Connection::Connecting => chip("Connecting…".into(), ChipTone::Busy),
        Connection::Online => match standing.synced_ago {
            Some(seconds) => chip(format!("Synced {}", ago(seconds)), ChipTone::Calm),
            None => chip("Syncing…".into(), ChipTone::Busy),
        },
    }
}

/// "just now", "12 s ago", "4 min ago", "2 h ago".
fn ago(seconds: i64) -> String {
    let seconds = seconds.max(0);
    if seconds < 5 {
        // "0 s ago" reads like a counter; a sync this fresh is simply done.
        "just now".to_owned()
    } else if seconds < 60 {
        format!("{seconds} s ago")
    } else if seconds < 3600 {
        format!("{} min ago", seconds / 60)
    } else {
        format!("{} h ago", seconds / 3600)
    }
}

fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(connection: Connection) -> Standing {
        Standing {
            connection,
            syncing: false,
            synced_ago: Some(12),
            waiting: 0,
            conflicts: 0,
        }
    }

    #[test]
    fn the_chip_says_what_the_issue_shows() {
        assert_eq!(chip(&standing(Connection::Online)).words, "Synced 12 s ago");
        let busy = Standing {
            syncing: true,
            ..standing(Connection::Online)
        };
        assert_eq!(chip(&busy).words, "Syncing…", "a sync under way says so");
        let offline = Standing {
            waiting: 3,
            ..standing(Connection::Offline)
        };
        assert_eq!(chip(&offline).words, "Offline · 3 waiting");
        assert_eq!(chip(&offline).tone, ChipTone::Notice);
        let conflict = Standing {
            conflicts: 1,
            ..offline.clone()
        };
        assert_eq!(
            chip(&conflict),
            Chip {
                words: "1 conflict".into(),
                tone: ChipTone::Attention
            },
            "a conflict needs the person, so it comes before being offline"
        );
        let two = Standing {
            conflicts: 2,
            ..standing(Connection::Online)
        };
        assert_eq!(chip(&two).words, "2 conflicts");
    }

    #[test]
    fn older_syncs_read_in_minutes_and_hours() {
        let at = |seconds| Standing {
            synced_ago: Some(seconds),
            ..standing(Connection::Online)
        };
        assert_eq!(chip(&at(0)).words, "Synced just now");
        assert_eq!(chip(&at(12)).words, "Synced 12 s ago");
        assert_eq!(chip(&at(150)).words, "Synced 2 min ago");
        assert_eq!(chip(&at(7300)).words, "Synced 2 h ago");
    }

    #[test]
    fn a_copy_that_cannot_sync_says_why_in_one_word_or_two() {
        assert_eq!(
            chip(&standing(Connection::NeedsPassword)).words,
            "Sign in to sync"
        );
        assert_eq!(chip(&standing(Connection::Refused)).words, "Not syncing");
        assert_eq!(
            chip(&standing(Connection::Offline)).words,
            "Offline",
            "nothing waiting, nothing counted"
        );
        let first = Standing {
            synced_ago: None,
            ..standing(Connection::Connecting)
        };
        assert_eq!(chip(&first).words, "Connecting…");
    }
}
