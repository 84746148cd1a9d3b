//! Reads the HTML pages on which safeguarding boards list their published reviews, and turns each
//! link to a PDF into a `ListingEntry` with the title, date, review type and subject the page gives.
//!
//! The reader is deliberately forgiving: boards build these pages by hand in many CMSs, so odd HTML
//! yields fewer or emptier entries, never an error. Every walk over the tree uses an explicit
//! stack, because hostile pages can nest elements tens of thousands deep.
//!
//! Submodules: `layout` finds the item around each link, `date` picks its publication date,
//! `vocabulary` reads review types, subjects and companion documents, `title` cleans link text.

use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html};

use self::board::find_board;
use self::date::is_date_line;
use self::layout::{
    Item, ItemText, Step, context_heading, find_item, is_excluded, publication_date, walk,
};
pub use self::links::Links;
use self::links::is_pdf_href;
use self::title::{clean_title, is_generic, is_generic_heading};
use self::vocabulary::{
    is_supplementary, named_subject, review_type, subject_in_file_name, subject_of,
};

mod board;
mod date;
mod layout;
mod links;
#[cfg(test)]
mod tests;
mod title;
mod vocabulary;

/// One link to a PDF found on a listing page, with what the page says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ListingEntry {
    /// Last path segment of the link, percent-decoded, e.g. `child-d-scr-2014.pdf`.
    pub file_name: String,
    /// The href as written in the page (not resolved against the page address).
    pub url: String,
    /// Whitespace-normalised text of the link.
    pub link_text: String,
    /// Best title for the review: a heading of the same item, else the cleaned link text.
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub published: Option<String>,
    /// Taxonomy id of the review type (`scr`, `lcspr`, `sar`, `dhr`, …).
    pub review_type: Option<String>,
    /// Pseudonym of the subject: "Child D", "Adult B", "Children C and E", "Zara".
    pub subject: Option<String>,
    /// Text of the `h2` the link sits under.
    pub section: Option<String>,
    /// True for learning summaries, briefings, media statements, responses and action plans that
    /// accompany a review rather than being its report.
    pub is_supplementary: bool,
}

/// Everything read from one listing page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// Board name from the page `<title>`, the header logo text or the `h1`.
    pub board: Option<String>,
    /// One entry per PDF link, in page order; links with the same href are merged into one entry.
    pub entries: Vec<ListingEntry>,
}

/// Errors from reading a listing page from disk.
#[derive(Debug, thiserror::Error)]
pub enum ListingError {
    /// The file could not be read.
    #[error("cannot read listing page {}", path.display())]
    Read {
        /// The page that could not be read.
        path: PathBuf,
        /// The underlying io error.
        #[source]
        source: std::io::Error,
    },
    /// The page is too large or too deeply nested to be a listing, and reading it would take
    /// too long (the HTML parser slows down with the square of the nesting).
    #[error("listing page {} refused: {reason}", path.display())]
    Refused {
        /// The page refused.
        path: PathBuf,
        /// What was over the limit.
        reason: String,
    },
}

/// Largest listing page read, in bytes.
pub const MAX_LISTING_BYTES: usize = 8 << 20;
/// Most tags in a listing page.
pub const MAX_LISTING_TAGS: usize = 100_000;
/// Deepest nesting of elements that must be closed explicitly (`div`, `a`, `span`, …).
pub const MAX_LISTING_DEPTH: usize = 500;
/// Most PDF links read from one page; the rest are left out.
pub const MAX_LISTING_LINKS: usize = 500;

/// Says why `html` is refused as a listing page, if it is: too large, too many tags, or nested
/// too deep. A quick scan of the tags, not a parse: elements whose end tag may be left out
/// (`p`, `li`, `td`, …) and void elements do not count towards the depth.
pub fn listing_refusal(html: &str) -> Option<String> {
    if html.len() > MAX_LISTING_BYTES {
        return Some(format!("{} bytes, more than {MAX_LISTING_BYTES}", html.len()));
    }
    const NESTING: &[&str] = &[
        "a",
        "abbr",
        "article",
        "aside",
        "b",
        "blockquote",
        "button",
        "center",
        "code",
        "div",
        "em",
        "fieldset",
        "font",
        "footer",
        "form",
        "header",
        "i",
        "label",
        "main",
        "nav",
        "ol",
        "s",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "u",
        "ul",
    ];
    let (mut tags, mut depth, mut deepest) = (0usize, 0usize, 0usize);
    let bytes = html.as_bytes();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        at += offset + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let start = at + usize::from(closing);
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| start + n);
        if end == start {
            continue;
        }
        tags += 1;
        if tags > MAX_LISTING_TAGS {
            return Some(format!("more than {MAX_LISTING_TAGS} tags"));
        }
        let name = &html[start..end];
        if NESTING.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
                if deepest > MAX_LISTING_DEPTH {
                    return Some(format!("elements nested more than {MAX_LISTING_DEPTH} deep"));
                }
            }
        }
        at = end;
    }
    None
}

/// The dates written in `text` ("12th March 2014", "03/2019", "March 2016"), as `YYYY-MM-DD`,
/// `YYYY-MM` or `YYYY`, in order; dates of events ("died in March 2016") are left out.
pub fn dates_in(text: &str) -> Vec<String> {
    date::find_dates(text)
        .into_iter()
        .filter(|found| !date::is_event(text, found.start))
        .map(|found| found.date.iso())
        .collect()
}

/// Finds every date in `text` as ISO `YYYY[-MM[-DD]]`, events ("died on 3 May 2021")
/// included: for text that says what the date is ("Published on 20 March 2024").
pub fn all_dates_in(text: &str) -> Vec<String> {
    date::find_dates(text).into_iter().map(|found| found.date.iso()).collect()
}

/// Reads every PDF link on a listing page (at most [`MAX_LISTING_LINKS`]). Never panics and
/// never fails: odd HTML gives fewer entries, and a page [`listing_refusal`] refuses gives none.
pub fn parse_listing(html: &str) -> Listing {
    parse_listing_with(html, Links::Pdf)
}

/// [`parse_listing`], taking the links that `links` says may be reviews.
pub fn parse_listing_with(html: &str, links: Links) -> Listing {
    if listing_refusal(html).is_some() {
        return Listing::default();
    }
    parse_accepted(html, links)
}

/// [`parse_listing`] of a page [`listing_refusal`] accepted.
fn parse_accepted(html: &str, rule: Links) -> Listing {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let mut links: Vec<(ElementRef<'_>, Option<String>)> = Vec::new();
    let mut section: Option<String> = None;
    walk(root, None, &mut |step| {
        if let Step::Open(el) = step {
            if is_excluded(el) {
                return false;
            }
            match el.value().name() {
                "h2" => {
                    section = Some(norm(&el.text().collect::<String>())).filter(|s| !s.is_empty())
                }
                "a" if links.len() < MAX_LISTING_LINKS && rule.takes(el) => {
                    links.push((el, section.clone()))
                }
                _ => {}
            }
        }
        true
    });
    let mut entries: Vec<ListingEntry> = Vec::new();
    for (a, section) in links {
        let entry = read_entry(a, section);
        // The same PDF is often linked twice (a title link and a "Download" button): keep one
        // entry and fill its gaps from the other.
        match entries.iter_mut().find(|e| e.url == entry.url) {
            Some(first) => merge_into(first, entry),
            None => entries.push(entry),
        }
    }
    Listing { board: find_board(root), entries }
}

fn merge_into(first: &mut ListingEntry, other: ListingEntry) {
    if first.title.is_none() || (first.is_supplementary && !other.is_supplementary) {
        first.title = other.title.or(first.title.take());
    }
    first.published = first.published.take().or(other.published);
    first.review_type = first.review_type.take().or(other.review_type);
    first.subject = first.subject.take().or(other.subject);
    first.is_supplementary &= other.is_supplementary;
}

/// Reads and parses a listing page from disk; bytes that are not UTF-8 are replaced, not rejected.
pub fn read_listing(path: &Path) -> Result<Listing, ListingError> {
    let bytes = std::fs::read(path)
        .map_err(|source| ListingError::Read { path: path.to_path_buf(), source })?;
    let html = String::from_utf8_lossy(&bytes);
    if let Some(reason) = listing_refusal(&html) {
        return Err(ListingError::Refused { path: path.to_path_buf(), reason });
    }
    Ok(parse_accepted(&html, Links::Pdf))
}

// ---------------------------------------------------------------------------------------------
// Entries

fn read_entry(a: ElementRef<'_>, section: Option<String>) -> ListingEntry {
    let url = a.attr("href").unwrap_or_default().trim().to_string();
    let file_name = file_name_of(&url);
    // Built with block breaks, so a card link's heading and date do not run together.
    let mut link_text = norm(&ItemText::build(Item::Block(a), a).text);
    if link_text.is_empty() {
        // Icon links carry their words in attributes.
        let img_alt = a.descendent_elements().find_map(|d| d.attr("alt"));
        link_text = norm(
            [a.attr("aria-label"), a.attr("title"), img_alt]
                .into_iter()
                .flatten()
                .next()
                .unwrap_or(""),
        );
    }
    let item = find_item(a);
    let t = ItemText::build(item, a);
    let link = t.link.unwrap_or((0, 0));
    // The item heading nearest before the link, else the first one after it.
    let heading = t
        .headings
        .iter()
        .rev()
        .find(|h| h.1 <= link.0)
        .or_else(|| t.headings.iter().find(|h| h.0 >= link.0 && h.1 <= link.1))
        .or_else(|| t.headings.iter().find(|h| h.0 >= link.1))
        .copied();
    let heading_text = heading.map(|h| t.span(h).to_string());
    let context = if heading.is_none() { context_heading(item) } else { None };
    let cleaned = clean_title(&link_text);

    let is_supplementary = is_supplementary(&link_text, &stem_words(&file_name));
    // An h2 that names a subject is an item heading on pages that give each review its own h2.
    let section_as_item = section.as_deref().filter(|s| subject_of(s).is_some());
    let context_title = context.as_deref().map(clean_title).filter(|h| !is_generic_heading(h));
    // A heading above a list names the list's items only when the link itself says little.
    let weak_link = is_generic(&cleaned)
        || is_supplementary
        || (subject_of(&cleaned).is_none()
            && context_title.as_deref().and_then(subject_of).is_some());
    let title = heading_text
        .as_deref()
        .map(clean_title)
        .filter(|h| !is_generic_heading(h))
        .or_else(|| context_title.clone().filter(|_| weak_link))
        .or_else(|| Some(cleaned.clone()).filter(|c| !is_generic(c)))
        .or(context_title)
        .or_else(|| section_as_item.map(clean_title))
        .or_else(|| {
            section
                .as_deref()
                .filter(|s| matches!(item, Item::Run(..)) && !is_generic_heading(s))
                .map(clean_title)
        })
        .or_else(|| first_line(&t));

    // A companion document takes the type of the review it accompanies, not "briefing" for its
    // "7-minute learning summary".
    let own = if is_supplementary {
        heading_text.clone().unwrap_or_default()
    } else {
        format!("{link_text} \n{}", heading_text.as_deref().unwrap_or(""))
    };
    let stem_words = stem_words(&file_name);
    let review_type = review_type(&own, false)
        .or_else(|| context.as_deref().and_then(|c| review_type(c, false)))
        .or_else(|| section.as_deref().and_then(|s| review_type(s, false)))
        .or_else(|| review_type(&t.text, false))
        .or_else(|| review_type(&stem_words, true));
    let subject = subject_of(&cleaned)
        .or_else(|| heading_text.as_deref().and_then(subject_of))
        .or_else(|| context.as_deref().and_then(subject_of))
        .or_else(|| subject_in_file_name(&stem_words))
        .or_else(|| section_as_item.and_then(subject_of))
        .or_else(|| named_subject(&t.text));
    let context_dates =
        format!("{}\n{}", context.as_deref().unwrap_or(""), section_as_item.unwrap_or(""));
    let published = publication_date(&t, link, heading, Some(&context_dates), &url, &file_name);
    ListingEntry {
        file_name,
        url,
        link_text,
        title,
        published,
        review_type,
        subject,
        section,
        is_supplementary,
    }
}

/// Returns the words of a file name without its extension: "child-d-scr-2014.pdf" → "child d scr 2014".
fn stem_words(file_name: &str) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
    stem.replace(['-', '_', '.'], " ")
}

/// Returns the first line of an item that reads like a name for it, for table rows and the like.
fn first_line(t: &ItemText) -> Option<String> {
    t.text
        .lines()
        .map(clean_title)
        .find(|l| !is_generic(l) && !is_date_line(l) && l.chars().count() <= 200)
}

fn file_name_of(href: &str) -> String {
    let path = href.trim().split(['?', '#']).next().unwrap_or("");
    percent_decode(path.rsplit('/').next().unwrap_or(path))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                // Both digits are below 16, so the byte fits.
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A maximal run of alphanumeric characters.
struct Tok<'t> {
    s: &'t str,
    start: usize,
    end: usize,
}

fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        if ch.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Tok { s: &text[s..i], start: s, end: i });
        }
    }
    if let Some(s) = start {
        out.push(Tok { s: &text[s..], start: s, end: text.len() });
    }
    out
}
