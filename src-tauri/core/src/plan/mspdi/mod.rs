//! Microsoft Project XML (MSPDI, the `http://schemas.microsoft.com/project` schema, as
//! MS Project 2007–365, ProjectLibre and MPXJ write it) read into the same table a task
//! list from a spreadsheet becomes, so the task import treats both alike; and the
//! choice, by file, between that reader and the spreadsheet one.
//!
//! What is read: tasks with their outline (a top-level summary task is a phase, deeper
//! summary names lead the titles under them), start and finish, milestones (flagged,
//! or of no duration), % complete, notes, predecessor links with their type and lag
//! (in whole days, rounded: a working day is 8 hours, an elapsed day 24), and the
//! resources assigned (the first is the owner, the others named in the notes).
//! Calendars are not read and neither are constraints: the plan keeps its own dates;
//! the import says how many tasks had a constraint.
//!
//! Refused, all or nothing: a file that is not MSPDI, one over [`MAX_XML_BYTES`]
//! (before it is read), one declaring XML entities (nothing is expanded or fetched), a
//! binary `.mpp`, a link to a task UID the file does not have, a task finishing before
//! it starts.

mod read;
mod to_table;
mod xml;

#[cfg(test)]
mod tests;

pub(crate) use xml::NAMESPACE;

use std::path::Path;

use super::LinkType;
use crate::import::{parse_table, Table};
use crate::{CoreError, Result};

/// The largest Microsoft Project XML file read: a plan of ten thousand tasks is a few
/// megabytes, so a larger file is not a plan a clinic was sent.
pub const MAX_XML_BYTES: u64 = 50 * 1024 * 1024;

/// MSPDI's `LinkLag` is in tenths of a minute: a working day of 8 hours is 4,800 of them.
pub(crate) const LAG_UNITS_PER_WORKING_DAY: f64 = 8.0 * 60.0 * 10.0;
/// An elapsed day (lag formats such as "2 edays") runs 24 hours.
pub(crate) const LAG_UNITS_PER_ELAPSED_DAY: f64 = 24.0 * 60.0 * 10.0;

/// The custom text field in which Rollplan writes a task's exact status.
pub(crate) const STATUS_FIELD_ALIAS: &str = "Rollplan status";

/// What a binary Microsoft Project file is told.
const SAVE_AS_XML: &str = "this is a Microsoft Project file in its own binary format (.mpp), \
    which Rollplan cannot read. Save it from Microsoft Project as XML: File › Save As › XML";

/// The first bytes of an OLE compound file, the container of `.mpp` (and old `.xls`).
const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// MSPDI's `<Type>` of a `<PredecessorLink>` for a link type.
pub(crate) fn mspdi_type(link: LinkType) -> u8 {
    match link {
        LinkType::FinishToFinish => 0,
        LinkType::FinishToStart => 1,
        LinkType::StartToFinish => 2,
        LinkType::StartToStart => 3,
    }
}

/// Reads a plan file for the task import: Microsoft Project XML by its `.xml`
/// extension, a spreadsheet otherwise. An XML file too large to be a plan is refused
/// before it is read.
pub fn read_plan_file(path: &Path) -> Result<Table> {
    let file = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    if is_xml(&file) {
        let size = std::fs::metadata(path)
            .map_err(|e| refusal(&file, format!("cannot read the file ({e})")))?
            .len();
        check_size(&file, size)?;
    }
    let bytes =
        std::fs::read(path).map_err(|e| refusal(&file, format!("cannot read the file ({e})")))?;
    parse_plan_file(&file, bytes)
}

/// Reads a plan file's contents; `file` is its name. The app uses this for the file a
/// person picked in the window.
pub fn parse_plan_file(file: &str, bytes: Vec<u8>) -> Result<Table> {
    let extension = extension(file);
    let binary_project = matches!(extension.as_str(), "mpp" | "mpt")
        // An .xls is an OLE file too; anything else in that container is taken for a
        // project saved under another name.
        || (bytes.starts_with(&OLE_MAGIC) && extension != "xls");
    if binary_project {
        return Err(refusal(file, SAVE_AS_XML.into()));
    }
    if !is_xml(file) {
        return parse_table(file, bytes);
    }
    check_size(file, bytes.len() as u64)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| {
            refusal(
                file,
                "the XML file is not in UTF-8, as Microsoft Project and ProjectLibre \
                 write it; save the plan from them again as XML"
                    .into(),
            )
        })?
        .trim_start_matches('\u{feff}');
    read_mspdi(file, text).map_err(|message| refusal(file, message))
}

/// The table of an MSPDI document.
fn read_mspdi(file: &str, text: &str) -> std::result::Result<Table, String> {
    let root = xml::parse(text)?;
    let project = read::read_project(&root)?;
    to_table::to_table(file, project)
}

fn check_size(file: &str, size: u64) -> Result<()> {
    if size > MAX_XML_BYTES {
        return Err(refusal(
            file,
            format!(
                "the file is {}; a Microsoft Project plan is never larger than {} MB, so \
                 it was not read",
                crate::export::size_text(usize::try_from(size).unwrap_or(usize::MAX)),
                MAX_XML_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

fn extension(file: &str) -> String {
    Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn is_xml(file: &str) -> bool {
    extension(file) == "xml"
}

fn refusal(file: &str, message: String) -> CoreError {
    CoreError::Import {
        file: file.to_owned(),
        row: None,
        column: None,
        message: format!("{message} (nothing was imported)"),
    }
}
