//! Text extraction: the one place that turns a file into pages of text.
//!
//! Everything else in the indexer sees [`Extracted`] and [`PageText`], so the extractor behind
//! [`extract_pdf`] can be replaced without touching the pipeline. The extractor itself is our
//! own geometry-aware one on lopdf ([`pdf`]).

pub mod pdf;

use std::path::Path;

pub use pdf::{Line, PdfError as ExtractError, PdfInfo, PdfOptions};

/// The text of a PDF, page by page, with its metadata and the warnings met on the way.
pub type Extracted = pdf::PdfText;

/// The text of one page: header, body, footer, printed label and lines with their fonts.
pub type PageText = pdf::Page;

/// Extracts the text of the PDF at `path` with the default limits.
pub fn extract_pdf(path: &Path) -> Result<Extracted, ExtractError> {
    pdf::extract_file(path, &PdfOptions::default())
}
