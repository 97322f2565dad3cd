//! Writing a database file whole or not at all: copy to a temporary name in the target's
//! folder, flush it to disk, rename it into place. A crash or a full disk leaves at most
//! a stray `.partial` file, never a half backup under a real name.

use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::Duration;

use rusqlite::backup::{Backup as OnlineBackup, StepResult};
use rusqlite::Connection;

use crate::{CoreError, Result};

/// How long a copy waits for another connection's lock before giving up (50 ms × 100).
const BUSY_RETRIES: u32 = 100;

fn io(context: String) -> impl FnOnce(std::io::Error) -> CoreError {
    move |source| CoreError::Io { context, source }
}

/// Copies the database `source` is connected to into a new file at `target` with
/// SQLite's online backup API: a consistent snapshot, including what is still in the
/// WAL, taken while the app may keep working. The copy is a single self-contained file
/// (rollback-journal mode, no `-wal` beside it). An existing `target` is replaced.
pub(crate) fn snapshot(source: &Connection, target: &Path) -> Result<()> {
    write_whole(target, |temp| {
        let mut dest = Connection::open(temp)?;
        // The temporary file needs no journal and no syncs of its own: if anything fails
        // it is thrown away, and once complete it is flushed once before the rename.
        dest.execute_batch("PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF;")?;
        {
            let backup = OnlineBackup::new(source, &mut dest)?;
            let mut waits = 0;
            // -1 copies every page in one step; BUSY or LOCKED only while another
            // connection holds a lock the copy needs, so wait a little and retry.
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::Busy | StepResult::Locked if waits < BUSY_RETRIES => {
                        waits += 1;
                        sleep(Duration::from_millis(50));
                    }
                    StepResult::Busy | StepResult::Locked => {
                        return Err(CoreError::Database(
                            "the database stayed locked by another program".into(),
                        ))
                    }
                    _ => {} // More: step again
                }
            }
        }
        // The copied header still says WAL; a backup is one file that opens anywhere,
        // read-only included, without creating -wal and -shm files beside it.
        let _: String = dest.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
        dest.close().map_err(|(_, e)| CoreError::from(e))
    })
}

/// Copies the bytes of `from` (and of its `-wal`, if any, to `target`'s `-wal`) as they
/// are. Only for keeping a damaged database that SQLite can no longer read whole.
pub(crate) fn raw_copy(from: &Path, target: &Path) -> Result<()> {
    let from_wal = crate::store::inspect::sidecar(from, "-wal");
    if from_wal.exists() {
        let target_wal = crate::store::inspect::sidecar(target, "-wal");
        write_whole(&target_wal, |temp| {
            std::fs::copy(&from_wal, temp)
                .map(drop)
                .map_err(io(format!("cannot copy {}", from_wal.display())))
        })?;
    }
    write_whole(target, |temp| {
        std::fs::copy(from, temp)
            .map(drop)
            .map_err(io(format!("cannot copy {}", from.display())))
    })
}

/// Runs `fill` on a temporary file beside `target`, flushes it to disk and renames it to
/// `target`; on any failure the temporary file is removed and `target` is untouched.
pub(crate) fn write_whole(target: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    write_whole_then(target, fill, || Ok(()))
}

/// [`write_whole`], running `before_rename` once the new file is safely on disk and just
/// before it takes `target`'s place.
pub(crate) fn write_whole_then(
    target: &Path,
    fill: impl FnOnce(&Path) -> Result<()>,
    before_rename: impl FnOnce() -> Result<()>,
) -> Result<()> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(format!("cannot create {}", dir.display())))?;
    let temp = temp_path(target);
    remove_if_present(&temp)?;
    let result = fill(&temp).and_then(|()| {
        // Opened for writing: Windows flushes a file only through a handle that may
        // write to it (a read-only one is refused with "Access denied").
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&temp)
            .map_err(io(format!("cannot reopen {}", temp.display())))?;
        file.sync_all()
            .map_err(io(format!("cannot flush {} to disk", temp.display())))?;
        drop(file);
        before_rename()?;
        std::fs::rename(&temp, target).map_err(io(format!("cannot write {}", target.display())))?;
        sync_dir(dir);
        Ok(())
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
        let _ = std::fs::remove_file(crate::store::inspect::sidecar(&temp, "-journal"));
    }
    result
}

/// `.<name>.partial` in the same folder: the same file system, so the rename is atomic,
/// and a name no listing mistakes for a backup.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.partial"))
}

pub(crate) fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(io(format!("cannot remove {}", path.display()))(e))
        }
        _ => Ok(()),
    }
}

/// Makes a rename durable: on Unix the directory entry is only on disk once the folder
/// itself is flushed. Elsewhere (and where a folder cannot be opened) the rename stands
/// as the file system keeps it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
