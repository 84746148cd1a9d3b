//! The document model: reviews and the units of text the index holds for them.
//!
//! Everything here is plain data with public fields. The indexer fills it in from PDFs and
//! sidecars; the search layer hands it back in results. Nothing here knows about tantivy.

use std::fmt;

use crate::error::{Error, Result};

/// Longest id made by [`ReviewId::slugify`].
const MAX_SLUG_LEN: usize = 100;

/// The stable identifier of one review (one PDF): a lower-case slug such as `child-d-scr-2016`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReviewId(String);

impl ReviewId {
    /// Parses an identifier: 1 to 120 characters of `a-z`, `0-9`, `-`, `_` and `.`, not starting
    /// with a dot (so that an id is always safe inside a URL path and a file name).
    pub fn parse(s: &str) -> Result<ReviewId> {
        let valid = !s.is_empty()
            && s.len() <= 120
            && !s.starts_with('.')
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b));
        if valid {
            Ok(ReviewId(s.to_string()))
        } else {
            Err(Error::BadId { id: s.chars().take(140).collect() })
        }
    }

    /// Derives an identifier from free text such as a file stem: lower-cased, with every run of
    /// other characters turned into a single `-`.
    pub fn slugify(s: &str) -> ReviewId {
        let mut out = String::with_capacity(s.len());
        for c in s.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        out.truncate(MAX_SLUG_LEN);
        if out.is_empty() {
            out.push_str("review");
        }
        ReviewId(out)
    }

    /// This id with `-n` appended, shortened first if need be so that the result stays within
    /// the length of a slug: two files whose names agree in their first hundred characters
    /// still get distinct ids.
    pub fn numbered(&self, n: usize) -> ReviewId {
        let suffix = format!("-{n}");
        let keep = MAX_SLUG_LEN.saturating_sub(suffix.len()).min(self.0.len());
        // Slugs are ASCII, so any byte index is a character boundary.
        let head = self.0[..keep].trim_end_matches('-');
        ReviewId(format!("{head}{suffix}"))
    }

    /// Returns the identifier as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of indexed unit a search hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// The record of a whole review: title, board, year and type.
    Review,
    /// The body text of one PDF page.
    Page,
    /// A finding or learning point.
    Finding,
    /// A recommendation.
    Recommendation,
}

impl UnitKind {
    /// All kinds, in the order the UI lists them.
    pub const ALL: [UnitKind; 4] =
        [UnitKind::Review, UnitKind::Page, UnitKind::Finding, UnitKind::Recommendation];

    /// The name used in the index, URLs and the JSON API.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Review => "review",
            UnitKind::Page => "page",
            UnitKind::Finding => "finding",
            UnitKind::Recommendation => "recommendation",
        }
    }

    /// Parses the name given by [`UnitKind::as_str`].
    pub fn parse(s: &str) -> Result<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.as_str() == s).ok_or_else(|| Error::BadParameter {
            name: "kind",
            reason: format!(
                "unknown kind {s:?}; expected one of review, page, finding, recommendation"
            ),
        })
    }
}

/// Where a metadata value came from, in decreasing order of trust.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Provenance {
    /// A sidecar file beside the PDF (`<name>.toml`).
    Sidecar,
    /// The board's HTML page that lists and links the PDF.
    Listing,
    /// The title page of the PDF.
    TitlePage,
    /// The PDF's document information dictionary or XMP metadata.
    PdfInfo,
    /// The file name.
    FileName,
    /// A curator's correction.
    Curator,
}

impl Provenance {
    /// The name used in the index and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Sidecar => "sidecar",
            Provenance::Listing => "listing",
            Provenance::TitlePage => "title page",
            Provenance::PdfInfo => "pdf info",
            Provenance::FileName => "file name",
            Provenance::Curator => "curator",
        }
    }
}

/// A metadata value together with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where the value came from.
    pub source: Provenance,
}

/// Everything known about one review: the PDF and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    /// Stable identifier.
    pub id: ReviewId,
    /// The report's title.
    pub title: Sourced<String>,
    /// Review type id from the taxonomy (`scr`, `lcspr`, `sar`, …).
    pub review_type: Option<Sourced<String>>,
    /// Full name of the board or partnership that published it.
    pub board: Option<Sourced<String>>,
    /// Short id of the board (`northmoor`), used for the board facet.
    pub board_id: Option<String>,
    /// Date of publication as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub published: Option<Sourced<String>>,
    /// Pseudonym of the subject ("Child D", "Adult B").
    pub subject: Option<Sourced<String>>,
    /// Age band id of the subject (`under_1`, `adult_65_plus`, …).
    pub age_band: Option<Sourced<String>>,
    /// Outcome id (`death`, `serious_harm`, `other`).
    pub outcome: Option<Sourced<String>>,
    /// Author, usually the independent reviewer.
    pub author: Option<Sourced<String>>,
    /// Path of the PDF as it was indexed.
    pub file: String,
    /// Number of pages in the PDF.
    pub n_pages: u32,
    /// The address the board published the PDF at: where Casebook fetched it from, or the
    /// absolute link of the listing page that names it.
    pub source_url: Option<String>,
}

impl Review {
    /// The year of publication, if the date is known.
    pub fn year(&self) -> Option<u16> {
        let date = &self.published.as_ref()?.value;
        date.get(..4)?.parse().ok()
    }
}

/// One unit of indexed text: a page, a finding or a recommendation of a review.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// The review it belongs to.
    pub review: ReviewId,
    /// What kind of unit it is.
    pub kind: UnitKind,
    /// 1-based PDF page where the unit starts.
    pub page: u32,
    /// The printed page label, when it differs from the PDF page number.
    pub page_label: Option<String>,
    /// Number as written in the report ("3", "R3", "2.1"), for findings and recommendations.
    pub number: Option<String>,
    /// Section path, outermost first ("5 Findings", "Finding 2").
    pub section: Vec<String>,
    /// The text.
    pub text: String,
    /// Facet paths of the tags (`/theme/neglect`, `/risk/domestic_abuse`, `/agency/police`).
    pub tags: Vec<String>,
    /// The theme and risk tags this unit discusses at some length rather than names in passing
    /// (at least two matches of the entry in its text), a subset of `tags`; see
    /// [`crate::profile`] for what that changes.
    pub discussed: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_keeps_ascii_words_joined_by_dashes() {
        assert_eq!(ReviewId::slugify("Child D – SCR (2016)").as_str(), "child-d-scr-2016");
        assert_eq!(ReviewId::slugify("***").as_str(), "review");
    }

    #[test]
    fn numbered_ids_differ_even_for_long_names() {
        let long = ReviewId::slugify(&"a".repeat(150));
        let (two, three) = (long.numbered(2), long.numbered(3));
        assert!(two != long && two != three && two.as_str().len() <= MAX_SLUG_LEN);
        assert!(ReviewId::parse(two.as_str()).is_ok());
    }

    #[test]
    fn parse_rejects_path_characters() {
        assert!(ReviewId::parse("child-d").is_ok());
        for bad in ["", "../etc", "a/b", "A", ".hidden", "a b"] {
            assert!(ReviewId::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}

/// A piece of unit text with the byte ranges of the words to highlight: a search hit's
/// snippet, or the quote behind a theme.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The text.
    pub text: String,
    /// Byte ranges of `text` to highlight, sorted and not overlapping.
    pub highlights: Vec<std::ops::Range<usize>>,
}
