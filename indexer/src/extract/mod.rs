//! Text extraction: the one place that turns a file into pages of text.
//!
//! Everything else in the indexer sees [`Extracted`], so the extractor behind
//! [`extract_pdf`] can be replaced without touching the pipeline.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// The text of a PDF, page by page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    /// Pages in order; `pages[i].number == i + 1`.
    pub pages: Vec<PageText>,
    /// The document information dictionary.
    pub info: PdfInfo,
    /// Problems that did not stop extraction.
    pub warnings: Vec<String>,
}

/// The text of one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageText {
    /// 1-based page number.
    pub number: u32,
    /// Body text: lines separated by `\n`, paragraphs by a blank line.
    pub body: String,
    /// Running header, if recognised.
    pub header: String,
    /// Running footer, if recognised.
    pub footer: String,
    /// The page's printed label ("12" from "Page 12 of 40"), if any.
    pub label: Option<String>,
}

/// Fields of the document information dictionary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PdfInfo {
    /// `/Title`.
    pub title: Option<String>,
    /// `/Author`.
    pub author: Option<String>,
    /// `/Subject`.
    pub subject: Option<String>,
    /// `/CreationDate`.
    pub created: Option<String>,
    /// `/Producer`.
    pub producer: Option<String>,
}

/// Why a file yielded no text.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The file could not be read.
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    /// The file is not a PDF that can be parsed.
    #[error("not a readable pdf: {0}")]
    Malformed(String),
    /// The file is encrypted with a password.
    #[error("encrypted: needs a password")]
    NeedsPassword,
    /// No page has a text layer (a scan).
    #[error("no text layer (scanned pages?)")]
    NoTextLayer,
    /// The extractor failed on an internal error.
    #[error("extractor failure: {0}")]
    Panicked(String),
}

/// Extracts the text of the PDF at `path`.
pub fn extract_pdf(path: &Path) -> Result<Extracted, ExtractError> {
    let bytes = std::fs::read(path)?;
    catch_unwind(AssertUnwindSafe(|| extract_bytes(&bytes))).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Err(ExtractError::Panicked(message))
    })
}

fn extract_bytes(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let document =
        lopdf::Document::load_mem(bytes).map_err(|e| ExtractError::Malformed(e.to_string()))?;
    if document.is_encrypted() {
        return Err(ExtractError::NeedsPassword);
    }
    let mut out = Extracted { info: info(&document), ..Extracted::default() };
    for (number, _) in document.get_pages() {
        let body = match document.extract_text(&[number]) {
            Ok(text) => text,
            Err(err) => {
                out.warnings.push(format!("page {number}: {err}"));
                String::new()
            }
        };
        out.pages.push(PageText { number, body, ..PageText::default() });
    }
    if out.pages.iter().all(|p| p.body.trim().is_empty()) {
        return Err(ExtractError::NoTextLayer);
    }
    Ok(out)
}

fn info(document: &lopdf::Document) -> PdfInfo {
    let dict = document
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| o.as_reference().ok())
        .and_then(|id| document.get_dictionary(id).ok());
    let Some(dict) = dict else { return PdfInfo::default() };
    let get = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|o| lopdf::decode_text_string(o).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    PdfInfo {
        title: get(b"Title"),
        author: get(b"Author"),
        subject: get(b"Subject"),
        created: get(b"CreationDate"),
        producer: get(b"Producer"),
    }
}
