//! Test support: builds small PDFs with lopdf's writer from a content stream and resources.

use lopdf::{Dictionary, Document, Object, Stream, dictionary};

/// A PDF under construction: one or more pages sharing a resource dictionary.
pub(super) struct Fixture {
    /// The document being built.
    pub(super) doc: Document,
    pages_id: (u32, u16),
    kids: Vec<Object>,
    /// Extra entries for every page dictionary (such as `/Rotate`).
    pub(super) page_extra: Dictionary,
    /// Extra entries for the catalog (such as `/Metadata`).
    pub(super) catalog_extra: Dictionary,
}

impl Fixture {
    /// Starts an empty document.
    pub(super) fn new() -> Self {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        Fixture {
            doc,
            pages_id,
            kids: Vec::new(),
            page_extra: Dictionary::new(),
            catalog_extra: Dictionary::new(),
        }
    }

    /// Adds an object and returns a reference to it.
    pub(super) fn add(&mut self, obj: impl Into<Object>) -> Object {
        Object::Reference(self.doc.add_object(obj.into()))
    }

    /// Adds a page with the given content stream and resources.
    pub(super) fn page(&mut self, content: &str, resources: Dictionary) {
        let content_id =
            self.doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Contents" => content_id,
            "Resources" => resources,
        };
        page.extend(&self.page_extra);
        let id = self.doc.add_object(page);
        self.kids.push(id.into());
    }

    /// Writes the document and returns its bytes.
    pub(super) fn finish(mut self) -> Vec<u8> {
        let count = self.kids.len() as i64;
        let pages = dictionary! { "Type" => "Pages", "Kids" => self.kids, "Count" => count };
        self.doc.objects.insert(self.pages_id, pages.into());
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => self.pages_id };
        catalog.extend(&self.catalog_extra);
        let catalog = self.doc.add_object(catalog);
        self.doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        self.doc.save_to(&mut out).expect("writing to a Vec cannot fail");
        out
    }
}

/// Returns a resource dictionary with one font under the name `F1`.
pub(super) fn font_resources(font: Object) -> Dictionary {
    dictionary! { "Font" => dictionary! { "F1" => font } }
}

/// Returns a simple Helvetica font dictionary with an optional `/Encoding`.
pub(super) fn helvetica(encoding: Option<Object>) -> Dictionary {
    let mut d = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" };
    if let Some(e) = encoding {
        d.set("Encoding", e);
    }
    d
}
