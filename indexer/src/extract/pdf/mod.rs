//! Geometry-aware text extraction from PDF files, built on lopdf.
//!
//! A page's content stream is interpreted to find where every glyph lands ([`interpreter`]),
//! glyphs are grouped into lines and words by their positions ([`layout`]), running headers,
//! footers and page numbers are told apart from the body by their repetition across pages
//! ([`furniture`]), and each page's body is split into paragraphs ([`page`]).
//!
//! Every limit that hostile input could push (operators per page, decoded stream size,
//! Form XObject nesting, time per file) is bounded by [`PdfOptions`], and each page runs under
//! `catch_unwind`, so a bad file ends in a warning or a [`PdfError`], never in a crash.
//!
//! ```no_run
//! let text = casebook_indexer::extract::pdf::extract_file("review.pdf".as_ref(), &Default::default())?;
//! for page in &text.pages {
//!     println!("page {}: {}", page.number, page.body);
//! }
//! # Ok::<(), casebook_indexer::extract::pdf::PdfError>(())
//! ```

mod cmap;
mod content;
mod encoding;
mod font;
mod furniture;
mod glyph;
mod interpreter;
mod layout;
mod matrix;
mod metadata;
mod metrics;
mod object;
mod page;
mod truetype;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use self::furniture::PageLines;
use self::interpreter::{FontCache, Interpreter, Stop};
use self::layout::TextLine;
use self::matrix::Matrix;

/// Pages with fewer non-space characters than this, and an image, have no text layer.
const MIN_TEXT_CHARS: usize = 20;
/// A page with more operators than this has content even when it has no images.
const BUSY_PAGE_OPS: usize = 500;
/// At most this many warnings are kept per file.
const MAX_WARNINGS: usize = 100;
/// Page tree ancestors searched for inherited attributes.
const MAX_INHERITANCE: usize = 64;

/// Limits that keep extraction bounded on hostile input.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// Content stream operators run per page (Form XObjects included) before the rest is skipped.
    pub max_ops_per_page: usize,
    /// Largest decoded size of any stream, in bytes (applied while loading and per page).
    pub max_stream_bytes: usize,
    /// Deepest nesting of Form XObjects that is followed.
    pub max_xobject_depth: usize,
    /// Wall-clock budget per file; loading counts towards it only once it returns.
    pub time_limit: Duration,
    /// Whether words hyphenated at line ends are rejoined in `body` (see [`Page::body`]).
    pub dehyphenate: bool,
}

impl Default for PdfOptions {
    fn default() -> Self {
        PdfOptions {
            max_ops_per_page: 1_000_000,
            max_stream_bytes: 64 << 20,
            max_xobject_depth: 12,
            time_limit: Duration::from_secs(8),
            dehyphenate: true,
        }
    }
}

/// The text of a PDF file (serialisable, for isolated extraction in a child process).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct PdfText {
    /// The pages, in order; `pages[i].number == i + 1`.
    pub pages: Vec<Page>,
    /// The document's metadata.
    pub info: PdfInfo,
    /// Problems met on the way that did not stop extraction.
    pub warnings: Vec<String>,
}

/// The text of one page.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Page {
    /// The 1-based page number (the page's position in the file, not its printed label).
    pub number: u32,
    /// Running header lines, joined by '\n'.
    pub header: String,
    /// Body lines joined by '\n', with a blank line between paragraphs.
    pub body: String,
    /// Running footer lines and page numbers, joined by '\n'.
    pub footer: String,
    /// The printed page label, such as "12" from "Page 12 of 40", if one was found.
    pub label: Option<String>,
    /// Whether the page looks scanned: almost no text, but images or much drawing.
    pub no_text_layer: bool,
    /// The body's lines, for finding headings.
    pub lines: Vec<Line>,
}

impl Page {
    /// Returns header, body and footer in reading order, each ending in a newline, which is
    /// what `pdftotext` prints for the page.
    pub fn full_text(&self) -> String {
        let mut out =
            String::with_capacity(self.header.len() + self.body.len() + self.footer.len() + 3);
        for part in [&self.header, &self.body, &self.footer] {
            if !part.is_empty() {
                out.push_str(part);
                out.push('\n');
            }
        }
        out
    }
}

/// A line of body text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Line {
    /// The line's text.
    pub text: String,
    /// The largest font size on the line, in points as drawn.
    // serde_json writes a non-finite float as `null`; it is read back as NaN rather than fail.
    #[serde(deserialize_with = "lossy_f32")]
    pub font_size: f32,
    /// Whether most of the line is set in a bold font.
    pub bold: bool,
    /// Whether most of the line is set in an italic font.
    #[serde(default)]
    pub italic: bool,
    /// Horizontal position of the line's start, in points from the left edge.
    #[serde(deserialize_with = "lossy_f32")]
    pub x: f32,
    /// Horizontal position where the line's last glyph ends.
    #[serde(default, deserialize_with = "lossy_f32")]
    pub x_end: f32,
    /// Baseline position, in points from the top edge.
    #[serde(deserialize_with = "lossy_f32")]
    pub y: f32,
    /// Where the line's later cells start, after a gap of more than an em: the text after a
    /// hanging label's tab ("F1.⇥Moves…"), or the next cell of a table row. Empty for a line
    /// that is one run of text.
    #[serde(default)]
    pub cells: Vec<Cell>,
    /// Whether the line starts a paragraph.
    pub paragraph_start: bool,
}

/// The start of a cell of a line: text set apart from what comes before it by a wide gap.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Cell {
    /// Byte offset in [`Line::text`] where the cell's text starts.
    pub offset: usize,
    /// Horizontal position of the cell's first glyph.
    #[serde(deserialize_with = "lossy_f32")]
    pub x: f32,
}

/// Reads an `f32` that serde_json may have written as `null` (NaN and infinities).
fn lossy_f32<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
    use serde::Deserialize;
    Ok(Option::<f32>::deserialize(d)?.unwrap_or(f32::NAN))
}

/// Document metadata from the information dictionary, completed from XMP.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PdfInfo {
    /// `/Title` or `dc:title`.
    pub title: Option<String>,
    /// `/Author` or `dc:creator`.
    pub author: Option<String>,
    /// `/Subject` or `dc:description`.
    pub subject: Option<String>,
    /// `/Keywords` or `pdf:Keywords`.
    pub keywords: Option<String>,
    /// `/Creator` or `xmp:CreatorTool`: the authoring application.
    pub creator: Option<String>,
    /// `/Producer` or `pdf:Producer`: the program that wrote the PDF.
    pub producer: Option<String>,
    /// Creation date, ISO 8601 where it could be converted.
    pub created: Option<String>,
    /// Modification date, ISO 8601 where it could be converted.
    pub modified: Option<String>,
}

/// Why a file yielded no text.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The file is encrypted and does not open with an empty password.
    #[error("file is encrypted and needs a password")]
    NeedsPassword,
    /// The file could not be parsed.
    #[error("malformed pdf: {0}")]
    Malformed(String),
    /// The file has pages but no text on any of them (a scan without OCR).
    #[error("no text layer")]
    NoTextLayer,
    /// Extraction took longer than [`PdfOptions::time_limit`].
    #[error("timed out")]
    TimedOut,
    /// The file could not be read.
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
}

/// Extracts the text of a PDF file.
pub fn extract_file(path: &Path, opts: &PdfOptions) -> Result<PdfText, PdfError> {
    let bytes = std::fs::read(path)?;
    extract_bytes(&bytes, opts)
}

/// Extracts the text of a PDF held in memory.
pub fn extract_bytes(bytes: &[u8], opts: &PdfOptions) -> Result<PdfText, PdfError> {
    let deadline = Instant::now() + opts.time_limit;
    let doc = load(bytes, opts)?;
    let mut warnings = Vec::new();
    let mut page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if page_ids.is_empty() {
        // A broken page tree (a loop, a bad root) still leaves the page objects themselves;
        // poppler recovers them the same way, in the order they appear.
        page_ids = orphan_pages(&doc);
        if page_ids.is_empty() {
            return Err(PdfError::Malformed("no pages found".into()));
        }
        warnings.push("page tree unreadable; pages taken in object order".into());
    }
    let mut fonts = FontCache::new();
    let mut raw = Vec::with_capacity(page_ids.len());
    for (idx, &id) in page_ids.iter().enumerate() {
        if Instant::now() > deadline {
            return Err(PdfError::TimedOut);
        }
        let result =
            catch_unwind(AssertUnwindSafe(|| read_page(&doc, id, opts, deadline, &mut fonts)));
        match result {
            Ok(Ok(page)) => {
                warnings.extend(page.warnings.iter().map(|w| format!("page {}: {w}", idx + 1)));
                raw.push(page);
            }
            Ok(Err(Stop::Deadline)) => return Err(PdfError::TimedOut),
            Err(_) => {
                // A panic may leave a half-built font behind; start the cache afresh.
                fonts.clear();
                warnings.push(format!("page {}: extraction panicked; page left empty", idx + 1));
                raw.push(RawPage::default());
            }
        }
    }
    warnings.truncate(MAX_WARNINGS);
    let n_chars: usize = raw.iter().map(|p| p.n_chars).sum();
    if n_chars == 0 {
        return Err(PdfError::NoTextLayer);
    }
    let roles = {
        let input: Vec<PageLines<'_>> =
            raw.iter().map(|p| PageLines { height: p.height, lines: &p.lines }).collect();
        furniture::classify(&input)
    };
    let mut pages: Vec<Page> = raw
        .into_iter()
        .zip(roles)
        .enumerate()
        .map(|(i, (p, r))| page::assemble(i as u32 + 1, p.lines, &r, p.no_text_layer))
        .collect();
    page::finish_bodies(&mut pages, opts.dehyphenate);
    let info = catch_unwind(AssertUnwindSafe(|| metadata::read(&doc))).unwrap_or_else(|_| {
        warnings.push("metadata could not be read".into());
        PdfInfo::default()
    });
    Ok(PdfText { pages, info, warnings })
}

/// Parses a document, turning lopdf's errors and panics into [`PdfError`]s.
fn load(bytes: &[u8], opts: &PdfOptions) -> Result<Document, PdfError> {
    let options = LoadOptions {
        max_decompressed_size: Some(opts.max_stream_bytes),
        ..LoadOptions::default()
    };
    let loaded = catch_unwind(AssertUnwindSafe(|| Document::load_mem_with_options(bytes, options)));
    let doc = match loaded {
        Ok(Ok(doc)) => doc,
        Ok(Err(lopdf::Error::InvalidPassword)) => return Err(PdfError::NeedsPassword),
        Ok(Err(e)) => return Err(PdfError::Malformed(e.to_string())),
        Err(_) => return Err(PdfError::Malformed("parser panicked".into())),
    };
    // lopdf decrypts on load when the empty user password works; otherwise the trailer still
    // names an encryption dictionary and no decryption state was set up.
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfError::NeedsPassword);
    }
    Ok(doc)
}

/// What one page yielded before page furniture is known.
#[derive(Debug, Default)]
struct RawPage {
    lines: Vec<TextLine>,
    height: f32,
    n_chars: usize,
    no_text_layer: bool,
    warnings: Vec<String>,
}

/// Interprets one page and lays out its lines.
fn read_page(
    doc: &Document,
    id: ObjectId,
    opts: &PdfOptions,
    deadline: Instant,
    fonts: &mut FontCache,
) -> Result<RawPage, Stop> {
    let Ok(dict) = doc.get_dictionary(id) else {
        return Ok(RawPage { warnings: vec!["page object missing".into()], ..RawPage::default() });
    };
    let page_box = inherited(doc, dict, b"CropBox")
        .and_then(|o| page_rect(doc, o))
        .or_else(|| inherited(doc, dict, b"MediaBox").and_then(|o| page_rect(doc, o)))
        .unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let rotate = inherited(doc, dict, b"Rotate").and_then(|o| o.as_i64().ok()).unwrap_or(0);
    let (base, width, height) = Matrix::for_page(page_box, rotate);
    let resources = inherited(doc, dict, b"Resources").and_then(object::as_dict);
    let mut warnings = Vec::new();
    let content = doc.get_page_content_with_limit(id, opts.max_stream_bytes).unwrap_or_else(|e| {
        warnings.push(format!("content not decoded: {e}"));
        Vec::new()
    });
    let glyphs = Interpreter::new(doc, opts, deadline, fonts, base, (width, height))
        .run_page(&content, resources)?;
    warnings.extend(glyphs.warnings.iter().cloned());
    let lines = layout::lines(&glyphs);
    let n_chars = lines.iter().map(|l| l.text.chars().filter(|c| !c.is_whitespace()).count()).sum();
    // Few characters over an image is a scan; over a busy stream it is text drawn as outlines.
    let no_text_layer =
        n_chars < MIN_TEXT_CHARS && (glyphs.n_images > 0 || glyphs.n_ops > BUSY_PAGE_OPS);
    Ok(RawPage { lines, height, n_chars, no_text_layer, warnings })
}

/// Returns the ids of all objects that look like pages, in object number order.
fn orphan_pages(doc: &Document) -> Vec<ObjectId> {
    doc.objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict()
                .is_ok_and(|d| d.get(b"Type").and_then(Object::as_name).is_ok_and(|t| t == b"Page"))
        })
        .map(|(id, _)| *id)
        .collect()
}

/// Looks up a page attribute, walking up the page tree for inheritable ones.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..MAX_INHERITANCE {
        if let Some(v) = object::get(doc, node, key) {
            return Some(v);
        }
        node = object::get_dict(doc, node, b"Parent")?;
    }
    None
}

/// Reads a rectangle as [x0, y0, x1, y1] with x0 < x1 and y0 < y1; degenerate ones are rejected.
fn page_rect(doc: &Document, obj: &Object) -> Option<[f32; 4]> {
    match object::numbers(doc, obj)[..] {
        [a, b, c, d, ..] if (a - c).abs() > 1.0 && (b - d).abs() > 1.0 => {
            Some([a.min(c), b.min(d), a.max(c), b.max(d)])
        }
        _ => None,
    }
}
