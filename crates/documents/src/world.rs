//! The smallest `typst::World`: one template as `/main.typ`, the data as `/data.json`, the fonts
//! embedded in the binary (nothing read from disk or the network), and a fixed "today" so the same
//! data gives the same PDF.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

/// Fonts are parsed once per process: finding them costs more than compiling a document.
static FONTS: LazyLock<FontStore> = LazyLock::new(|| {
    let mut store = FontStore::new();
    store.extend(typst_kit::fonts::embedded());
    store
});

/// The fonts' metadata (families, Unicode coverage), to check data against before compiling.
pub(crate) fn font_book() -> &'static FontBook {
    FONTS.book()
}

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A file id in the project root. The paths are constants of this module, so a failure is a bug here.
fn project_file(path: &str) -> FileId {
    #[allow(clippy::expect_used)]
    let vpath = VirtualPath::new(path).expect("constant virtual path is valid");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

pub(crate) struct DocWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl DocWorld {
    pub(crate) fn new(template: &'static str, data: Vec<u8>, today: Datetime) -> DocWorld {
        DocWorld {
            main: Source::new(project_file("/main.typ"), template.to_string()),
            data_id: project_file("/data.json"),
            data: Bytes::new(data),
            today,
        }
    }

    fn not_found(id: FileId) -> FileError {
        FileError::NotFound(id.vpath().get_without_slash().into())
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        FONTS.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(Self::not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(Self::not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
