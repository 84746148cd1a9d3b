//! Exports of a briefing pack: Word (`.docx`), Markdown, and the print-ready page.
//!
//! Every format is made from one [`PackDocument`]: the pack's items numbered, each extract
//! with its citation (review, type, board, year, page, and a link that opens the PDF at that
//! page) and a references list of the reviews quoted. Links are absolute, made from the
//! server's public address, because a handout is read away from the site.

mod docx;
mod markdown;

use casebook::UnitKind;
use casebook_store::{ItemContent, Pack};

pub(crate) use docx::docx;
pub(crate) use markdown::markdown;

use crate::views::{review_type_label, unit_label};

/// A format a pack exports to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// A Word document.
    Docx,
    /// Markdown.
    Markdown,
    /// A print-ready HTML page.
    Html,
}

impl Format {
    /// Every format, in the order the pack page offers them.
    pub(crate) const ALL: [Format; 3] = [Format::Docx, Format::Markdown, Format::Html];

    /// The file extension, which is also the format's name in URLs and on the command line.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// The HTTP content type.
    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// What the pack page calls it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Format::Docx => "Word (.docx)",
            Format::Markdown => "Markdown",
            Format::Html => "Print-ready page",
        }
    }

    /// Reads a format by its extension; the error lists the extensions.
    pub(crate) fn parse(s: &str) -> Result<Format, String> {
        Format::ALL.into_iter().find(|f| f.extension() == s).ok_or_else(|| {
            let known: Vec<&str> = Format::ALL.iter().map(|f| f.extension()).collect();
            format!("{s:?} is not one of {}", known.join(", "))
        })
    }
}

/// A pack laid out for export.
pub(crate) struct PackDocument {
    pub(crate) title: String,
    pub(crate) description: Vec<String>,
    /// "Prepared with Casebook on 1 December 2026: 3 extracts from 2 reviews."
    pub(crate) colophon: String,
    pub(crate) entries: Vec<Entry>,
    pub(crate) references: Vec<Reference>,
}

/// One item of the pack.
pub(crate) enum Entry {
    Section { heading: String, paragraphs: Vec<String> },
    Extract(ExtractEntry),
}

/// An extract with its citation.
pub(crate) struct ExtractEntry {
    /// 1-based number among the extracts.
    pub(crate) n: usize,
    /// "Recommendation 3 — Child F"
    pub(crate) heading: String,
    pub(crate) paragraphs: Vec<String>,
    /// "Child F, Local Child Safeguarding Practice Review, Ormsleigh SCP, 2025, p. 12"
    pub(crate) citation: String,
    /// The PDF at the page.
    pub(crate) link: String,
    pub(crate) note: Vec<String>,
    /// 1-based number of its review in the references.
    pub(crate) reference: usize,
}

/// A review quoted in the pack.
pub(crate) struct Reference {
    pub(crate) n: usize,
    /// "Child F. Local Child Safeguarding Practice Review. Ormsleigh SCP, 2025."
    pub(crate) text: String,
    pub(crate) link: String,
}

impl Entry {
    /// The line of the contents.
    pub(crate) fn heading(&self) -> &str {
        match self {
            Entry::Section { heading, .. } => heading,
            Entry::Extract(e) => &e.heading,
        }
    }

    /// The id of its anchor in the document.
    pub(crate) fn anchor(&self, index: impl std::borrow::Borrow<usize>) -> String {
        format!("item-{}", index.borrow() + 1)
    }
}

impl PackDocument {
    /// Lays out a pack; `public_url` is the server's address, `today` the export's date.
    pub(crate) fn new(pack: &Pack, public_url: &str, today: &str) -> PackDocument {
        let mut references: Vec<Reference> = Vec::new();
        let mut review_ids: Vec<&str> = Vec::new();
        let mut entries = Vec::new();
        let mut n_extracts = 0;
        for item in &pack.items {
            match &item.content {
                ItemContent::Section { heading, text } => entries.push(Entry::Section {
                    heading: heading.clone(),
                    paragraphs: paragraphs(text),
                }),
                ItemContent::Extract { extract: e, note } => {
                    n_extracts += 1;
                    let reference = match review_ids.iter().position(|id| *id == e.review_id) {
                        Some(at) => at + 1,
                        None => {
                            review_ids.push(&e.review_id);
                            let mut text = format!("{}.", e.review_title);
                            if let Some(t) = &e.review_type {
                                text.push_str(&format!(" {}.", review_type_label(t)));
                            }
                            let published = match (&e.board, e.year) {
                                (Some(b), Some(y)) => format!(" {b}, {y}."),
                                (Some(b), None) => format!(" {b}, n.d."),
                                (None, Some(y)) => format!(" {y}."),
                                (None, None) => String::new(),
                            };
                            text.push_str(&published);
                            references.push(Reference {
                                n: references.len() + 1,
                                text,
                                link: format!("{public_url}/files/{}.pdf", e.review_id),
                            });
                            references.len()
                        }
                    };
                    let what = match e.kind {
                        UnitKind::Recommendation | UnitKind::Finding => {
                            unit_label(e.kind, e.number.as_deref())
                        }
                        // A passage is named by its section.
                        UnitKind::Page | UnitKind::Review => {
                            e.section.last().cloned().unwrap_or_else(|| "Extract".to_string())
                        }
                    };
                    let page = match &e.page_label {
                        Some(label) if *label != e.page.to_string() => {
                            format!("p. {} (printed {label})", e.page)
                        }
                        _ => format!("p. {}", e.page),
                    };
                    let mut citation = vec![e.review_title.clone()];
                    citation.extend(e.review_type.as_deref().map(review_type_label));
                    citation.extend(e.board.clone());
                    citation.extend(e.year.map(|y| y.to_string()));
                    citation.push(page);
                    if e.from_scan {
                        citation.push("read from a scan".to_string());
                    }
                    entries.push(Entry::Extract(ExtractEntry {
                        n: n_extracts,
                        heading: format!("{what} — {}", e.review_title),
                        paragraphs: paragraphs(&e.text),
                        citation: citation.join(", "),
                        link: format!("{public_url}/files/{}.pdf#page={}", e.review_id, e.page),
                        note: paragraphs(note),
                        reference,
                    }));
                }
            }
        }
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        PackDocument {
            title: pack.title.clone(),
            description: paragraphs(&pack.description),
            colophon: format!(
                "Prepared with Casebook on {today}: {} from {}. Always read the full report \
                 before quoting it.",
                count(n_extracts, "extract", "extracts"),
                count(references.len(), "review", "reviews"),
            ),
            entries,
            references,
        }
    }
}

/// A file name for an export of the pack titled `title`: the title made safe, with the
/// extension.
pub(crate) fn file_name(title: &str, extension: &str) -> String {
    let slug = casebook::ReviewId::slugify(title);
    format!("{}.{extension}", slug.as_str().chars().take(60).collect::<String>())
}

/// Paragraphs of free text: split at blank lines, lines inside one joined.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// `text` without the characters XML 1.0 does not allow (control characters but tab and line
/// breaks, U+FFFE and U+FFFF), for templates that escape the rest.
pub(crate) fn xml_chars(text: &str) -> String {
    text.chars().filter(|&c| allowed_in_xml(c)).collect()
}

fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !((c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// Escapes text for XML, dropping the characters XML 1.0 does not allow.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if allowed_in_xml(c) => out.push(c),
            _ => {}
        }
    }
    out
}
