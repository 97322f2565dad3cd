//! The smallest Typst world that typesets one template: the template, its JSON data
//! and the embedded fonts; no files, packages or clock from the machine.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::{CoreError, Result};

/// The faces the templates use (Libertinus Serif, SIL Open Font License; see
/// `assets/fonts/OFL.txt`). Only these are embedded, to keep the installer small.
pub(crate) const FONTS: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("../../assets/fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("../../assets/fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("../../assets/fonts/LibertinusSerif-Semibold.otf"),
];

/// Fonts are parsed once per process; every document shares them.
fn fonts() -> &'static (LazyHash<FontBook>, Vec<Font>) {
    static FONTS_LOADED: OnceLock<(LazyHash<FontBook>, Vec<Font>)> = OnceLock::new();
    FONTS_LOADED.get_or_init(|| {
        let fonts: Vec<Font> = FONTS
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        (LazyHash::new(book), fonts)
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
}

/// Every path given here is a constant of this module (the report's template files).
#[allow(clippy::expect_used)]
fn project_file(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("the template's paths are valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

struct DocumentWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().1.get(index).cloned()
    }

    // Dates in a document come from its data, so the same data gives the same PDF.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Typesets `template` (which reads `/data.json`) with `data` and returns the PDF.
pub(super) fn typeset(template: &str, data: &impl serde::Serialize) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(data)
        .map_err(|e| CoreError::Export(format!("the document's data could not be written: {e}")))?;
    let world = DocumentWorld {
        main: Source::new(project_file("/main.typ"), template.to_owned()),
        data_id: project_file("/data.json"),
        data: Bytes::new(json),
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| CoreError::Export(describe(&errors)))?;
    typst_pdf::pdf(&document, &PdfOptions::default())
        .map_err(|errors| CoreError::Export(describe(&errors)))
}

fn describe(errors: &[SourceDiagnostic]) -> String {
    let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
    format!("the PDF could not be typeset: {}", messages.join("; "))
}
