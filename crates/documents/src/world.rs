//! The smallest `typst::World`: one template as `/main.typ`, the data as `/data.json`, the fonts
//! embedded in the binary (nothing read from disk or the network), and a fixed "today" so the same
//! data gives the same PDF.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::{FontSlot, Fonts};

/// Fonts are parsed once per process: finding them costs more than compiling a document.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<FontSlot>)> = LazyLock::new(|| {
    let fonts = Fonts::searcher()
        .include_system_fonts(false)
        .search();
    (LazyHash::new(fonts.book), fonts.fonts)
});

static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

pub(crate) struct DocWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl DocWorld {
    pub(crate) fn new(template: &'static str, data: Vec<u8>, today: Datetime) -> DocWorld {
        let main_id = FileId::new(None, VirtualPath::new("/main.typ"));
        DocWorld {
            main: Source::new(main_id, template.to_string()),
            data_id: FileId::new(None, VirtualPath::new("/data.json")),
            data: Bytes::new(data),
            today,
        }
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index)?.get()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        Some(self.today)
    }
}
