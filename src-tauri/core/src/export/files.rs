//! Writing an export to disk so that a failed or interrupted export never leaves half a
//! file behind: the bytes go to a temporary file in the same folder, which is renamed
//! over the destination only once complete (a rename within a folder is atomic).

use std::io::Write;
use std::path::Path;

use crate::{CoreError, Result};

/// Writes `bytes` to `path` atomically. Refuses to replace an existing file unless
/// `overwrite`: an export should not silently destroy an earlier one.
pub fn write_atomically(path: &Path, bytes: &[u8], overwrite: bool) -> Result<()> {
    if !overwrite && path.exists() {
        return Err(CoreError::Conflict(format!(
            "{} already exists; choose another name or allow replacing it.",
            path.display()
        )));
    }
    let io = |context: String| move |source| CoreError::Io { context, source };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)
        .map_err(io(format!("cannot create the folder {}", dir.display())))?;
    let (temp_path, mut file) = tempfile_in(dir)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    let result = written
        .map_err(io(format!("cannot write {}", path.display())))
        .and_then(|()| {
            std::fs::rename(&temp_path, path)
                .map_err(io(format!("cannot write {}", path.display())))
        });
    if result.is_err() {
        // Whatever went wrong, the half-written temporary file must not stay behind.
        let _ = std::fs::remove_file(&temp_path);
    }
    result
}

/// A new, uniquely named hidden file in `dir`, created exclusively so that two exports
/// running at once never share one.
fn tempfile_in(dir: &Path) -> Result<(std::path::PathBuf, std::fs::File)> {
    for _ in 0..16 {
        let candidate = dir.join(format!(
            ".rollplan-export-{}.part",
            uuid::Uuid::now_v7().simple()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => {
                return Err(CoreError::Io {
                    context: format!("cannot write in the folder {}", dir.display()),
                    source,
                })
            }
        }
    }
    Err(CoreError::Conflict(format!(
        "cannot create a temporary file in {}",
        dir.display()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_whole_files_and_refuses_to_overwrite_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_atomically(&path, b"first", false).unwrap();
        assert!(
            write_atomically(&path, b"second", false).is_err(),
            "an existing export is kept"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_atomically(&path, b"second", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary file may be left behind");
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("report.html");
        std::fs::create_dir(&taken).unwrap();
        std::fs::write(taken.join("inside"), b"x").unwrap();
        assert!(
            write_atomically(&taken, b"report", true).is_err(),
            "a folder cannot be replaced by a file"
        );
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["report.html"],
            "only the folder that was there remains"
        );
    }
}
