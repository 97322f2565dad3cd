//! Whether a database path is on a network drive, where Rollplan refuses to keep it.
//!
//! The store runs SQLite in WAL mode, whose readers and writers share an index in memory
//! that only processes on one computer can see; on a network share SQLite falls back to
//! the file server's byte-range locks, which Windows' redirector caches and loses (the
//! SQLite documentation warns of both). Two laptops opening one file there can damage it
//! — and its backups sit beside it. A warning would be read once and forgotten, so the
//! file is refused before anything opens it, with a message that says what to do.
//!
//! What counts as a network drive: a UNC path (`\\server\share\...`, also in its long
//! form `\\?\UNC\server\share\...`), on any system, since no one names a local file that
//! way; on Windows also `//server/share/...` and a drive letter that Windows reports as
//! a remote drive (a mapped drive such as `H:`). Network mounts on Linux are not
//! detected: they look like any other folder.

use std::path::Path;

use crate::{CoreError, Result};

/// The `\\server\share` a UNC path names, if `path` is one. Pure text: no file system is
/// asked, so it reads the same on every system.
pub fn unc_share(path: &str) -> Option<String> {
    let rest = if let Some(long) = strip_prefix_ignore_case(path, r"\\?\UNC\") {
        long
    } else if path.starts_with(r"\\?\") || path.starts_with(r"\\.\") {
        // A long local path (\\?\C:\...) or a device (\\.\pipe\...): not a share.
        return None;
    } else if let Some(rest) = path.strip_prefix(r"\\") {
        rest
    } else if cfg!(windows) {
        path.strip_prefix("//")?
    } else {
        return None;
    };
    let mut parts = rest.split(['\\', '/']);
    let server = parts.next().filter(|s| !s.is_empty())?;
    let share = parts.next().filter(|s| !s.is_empty())?;
    Some(format!(r"\\{server}\{share}"))
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The drive letter of a Windows drive path (`H:\plans\rollplan.db` → `H`), long form
/// (`\\?\H:\...`) included. Pure text, as [`unc_share`].
pub fn drive_letter(path: &str) -> Option<char> {
    let path = path.strip_prefix(r"\\?\").unwrap_or(path);
    let mut chars = path.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    (chars.next() == Some(':')).then(|| letter.to_ascii_uppercase())
}

/// Where a database file is, as far as its safety goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DriveKind {
    /// A disk of this computer (or a place this system cannot tell apart from one).
    Local,
    /// A network share, named as a person would recognise it (`\\server\share`, `H:`).
    Network(String),
}

/// Where `path` is: [`unc_share`] on its text, then, on Windows, the kind of drive its
/// letter names. A relative path is taken from the current folder, as opening it would.
pub fn drive_kind(path: &Path) -> DriveKind {
    // The path as written first: outside Windows `\\server\share` is not absolute, and
    // making it so would hide the share behind the current folder.
    if let Some(share) = unc_share(&path.to_string_lossy()) {
        return DriveKind::Network(share);
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let text = absolute.to_string_lossy();
    if let Some(share) = unc_share(&text) {
        return DriveKind::Network(share);
    }
    match drive_letter(&text) {
        Some(letter) if is_remote_drive(letter) => DriveKind::Network(format!("{letter}:")),
        _ => DriveKind::Local,
    }
}

/// Asks Windows what kind of drive `letter` is.
#[cfg(windows)]
fn is_remote_drive(letter: char) -> bool {
    use windows_sys::Win32::Storage::FileSystem::GetDriveTypeW;
    use windows_sys::Win32::System::WindowsProgramming::DRIVE_REMOTE;
    let root: Vec<u16> = format!("{letter}:\\")
        .encode_utf16()
        .chain(std::iter::once(0))
        .collect();
    // SAFETY: `root` is a NUL-terminated UTF-16 string that outlives the call, which
    // only reads it.
    unsafe { GetDriveTypeW(root.as_ptr()) == DRIVE_REMOTE }
}

/// Drive letters mean nothing outside Windows.
#[cfg(not(windows))]
fn is_remote_drive(_letter: char) -> bool {
    false
}

/// Refuses a database on a network drive, saying why and what to do instead.
pub fn refuse_network_database(path: &Path) -> Result<()> {
    match drive_kind(path) {
        DriveKind::Local => Ok(()),
        DriveKind::Network(place) => Err(CoreError::Conflict(network_refusal(path, &place))),
    }
}

/// The message for a database found on the network drive `place`.
pub fn network_refusal(path: &Path, place: &str) -> String {
    format!(
        "{} is on a network drive ({place}). Rollplan keeps its database on this \
         computer only: on a network drive the file cannot be locked safely, and two \
         computers writing to it at once could damage it. Copy the file to a folder on \
         this computer (Documents, say) and open it from there; to share a rollout with \
         colleagues, export it as a bundle.",
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unc_paths_name_their_share() {
        for (path, share) in [
            (r"\\fileserver\clinic\rollplan.db", r"\\fileserver\clinic"),
            (
                r"\\fileserver\Médecins Associés\plans\rollplan.db",
                r"\\fileserver\Médecins Associés",
            ),
            (
                r"\\?\UNC\fileserver\clinic\rollplan.db",
                r"\\fileserver\clinic",
            ),
            (
                r"\\?\unc\fileserver\clinic\rollplan.db",
                r"\\fileserver\clinic",
            ),
            (r"\\fileserver\clinic/rollplan.db", r"\\fileserver\clinic"),
        ] {
            assert_eq!(
                unc_share(path).as_deref(),
                Some(share),
                "{path} must be recognised as on the share {share}"
            );
        }
    }

    #[test]
    fn local_and_device_paths_are_not_shares() {
        for path in [
            r"C:\Users\Médecins Associés\Documents\rollplan.db",
            r"\\?\C:\Users\dana\rollplan.db",
            r"\\.\pipe\rollplan",
            r"\\fileserver",
            r"\\fileserver\",
            "/home/dana/rollplan.db",
            "rollplan.db",
        ] {
            assert_eq!(unc_share(path), None, "{path} is not on a network share");
        }
        assert_eq!(
            unc_share("//fileserver/clinic/rollplan.db").is_some(),
            cfg!(windows),
            "a path starting with // is a share on Windows only (on Linux it is /fileserver)"
        );
    }

    #[test]
    fn drive_letters_are_read_from_plain_and_long_paths() {
        assert_eq!(drive_letter(r"h:\plans\rollplan.db"), Some('H'));
        assert_eq!(drive_letter(r"\\?\C:\Users\dana\rollplan.db"), Some('C'));
        assert_eq!(drive_letter("/home/dana/rollplan.db"), None);
        assert_eq!(drive_letter("rollplan.db"), None);
        assert_eq!(drive_letter("1:/x"), None, "only letters name drives");
    }

    #[test]
    fn a_database_on_a_share_is_refused_with_what_to_do() {
        let path = Path::new(r"\\fileserver\clinic\rollplan.db");
        match refuse_network_database(path) {
            Err(CoreError::Conflict(message)) => {
                assert!(
                    message.contains(r"\\fileserver\clinic"),
                    "the message names the share: {message}"
                );
                assert!(
                    message.contains("Copy the file to a folder on this computer"),
                    "the message says what to do: {message}"
                );
            }
            other => panic!("a database on a share must be refused, got {other:?}"),
        }
        let local = tempfile::tempdir().expect("temp dir");
        let folder = local.path().join("Médecins Associés");
        refuse_network_database(&folder.join("rollplan.db"))
            .expect("a local folder with spaces and accents is fine");
    }
}
