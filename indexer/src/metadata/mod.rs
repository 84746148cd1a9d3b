//! Review metadata: what a review is, who published it and when.
//!
//! Each value is taken from the most trusted source that has it: a sidecar file beside the PDF,
//! then the title page, then the PDF's information dictionary, then the file name. Every value
//! records where it came from ([`Provenance`]).

use std::path::{Path, PathBuf};

use casebook::{Provenance, Review, ReviewId, Sourced};
use serde::Deserialize;

use casebook::taxonomy::ReviewTypes;

use crate::extract::Extracted;

mod cover;

use cover::TitlePage;

/// The keys a sidecar file (`<name>.toml` beside `<name>.pdf`) may hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    /// Title of the report.
    pub title: Option<String>,
    /// Review type id (`scr`, `lcspr`, `sar`, …).
    #[serde(rename = "type")]
    pub review_type: Option<String>,
    /// Full name of the board.
    pub board: Option<String>,
    /// Short id of the board.
    pub board_id: Option<String>,
    /// Date of publication, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Pseudonym of the subject.
    pub subject: Option<String>,
    /// Age band id.
    pub age_band: Option<String>,
    /// Outcome id.
    pub outcome: Option<String>,
    /// Author.
    pub author: Option<String>,
}

/// A sidecar that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{}: {reason}", path.display())]
pub struct SidecarError {
    /// The sidecar file.
    pub path: PathBuf,
    /// What is wrong with it, naming the field where toml can.
    pub reason: String,
}

/// Reads the sidecar of `pdf`, if there is one.
pub fn read_sidecar(pdf: &Path) -> Result<Option<Sidecar>, SidecarError> {
    let path = pdf.with_extension("toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(SidecarError { path, reason: err.to_string() }),
    };
    let sidecar: Sidecar = toml::from_str(&text)
        .map_err(|err| SidecarError { path: path.clone(), reason: err.message().to_string() })?;
    if let Some(date) = &sidecar.published
        && !is_date(date)
    {
        return Err(SidecarError {
            path,
            reason: format!("published: {date:?} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        });
    }
    Ok(Some(sidecar))
}

/// What a board's listing page says about one PDF.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listed {
    /// The entry that links the PDF.
    pub entry: crate::listing::ListingEntry,
    /// The board named by the page.
    pub board: Option<String>,
}

impl Listed {
    /// Every field in a stable encoding (see [`casebook::encode`]), for the file's fingerprint.
    pub fn encode(&self) -> String {
        let Listed { entry, board } = self;
        let crate::listing::ListingEntry {
            file_name,
            url,
            link_text,
            title,
            published,
            review_type,
            subject,
            section,
            is_supplementary,
        } = entry;
        let mut out = casebook::encode::Encoder::new("listed 1");
        out.field("file_name", file_name)
            .field("url", url)
            .field("link_text", link_text)
            .optional("title", title.as_deref())
            .optional("published", published.as_deref())
            .optional("review_type", review_type.as_deref())
            .optional("subject", subject.as_deref())
            .optional("section", section.as_deref())
            .number("is_supplementary", u64::from(*is_supplementary))
            .optional("board", board.as_deref());
        out.finish()
    }
}

/// Puts together the record of a review from every source, each value from the most trusted
/// source that has it: sidecar, listing page, title page, PDF information, file name.
pub fn review(
    id: ReviewId,
    pdf: &Path,
    sidecar: Option<Sidecar>,
    listed: Option<&Listed>,
    text: &Extracted,
    types: &ReviewTypes,
) -> Review {
    let side = sidecar.unwrap_or_default();
    let entry = listed.map(|l| &l.entry);
    let title_page = TitlePage::read(text, types);
    let file_stem = pdf.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let first = |candidates: [(Option<String>, Provenance); 4]| {
        candidates.into_iter().find_map(|(value, source)| {
            value.filter(|v| !v.trim().is_empty()).map(|value| Sourced { value, source })
        })
    };
    let title = first([
        (side.title, Provenance::Sidecar),
        (entry.and_then(|e| e.title.clone()), Provenance::Listing),
        (title_page.title.clone(), Provenance::TitlePage),
        (text.info.title.clone(), Provenance::PdfInfo),
    ])
    .unwrap_or_else(|| Sourced {
        value: title_from_file_name(&file_stem),
        source: Provenance::FileName,
    });
    let review_type = first([
        (side.review_type, Provenance::Sidecar),
        (entry.and_then(|e| e.review_type.clone()), Provenance::Listing),
        (title_page.review_type, Provenance::TitlePage),
        (types.named_in(&file_stem, true).map(|id| id.to_string()), Provenance::FileName),
    ]);
    let board = first([
        (side.board, Provenance::Sidecar),
        (listed.and_then(|l| l.board.clone()), Provenance::Listing),
        (title_page.board, Provenance::TitlePage),
        (None, Provenance::FileName),
    ]);
    let board_id = side.board_id.or_else(|| board.as_ref().map(|b| board_id_from_name(&b.value)));
    let published = first([
        (side.published, Provenance::Sidecar),
        (entry.and_then(|e| e.published.clone()), Provenance::Listing),
        (title_page.published, Provenance::TitlePage),
        (text.info.created.as_deref().and_then(pdf_date), Provenance::PdfInfo),
    ]);
    let subject = first([
        (side.subject, Provenance::Sidecar),
        (entry.and_then(|e| e.subject.clone()), Provenance::Listing),
        (title_page.subject, Provenance::TitlePage),
        (None, Provenance::FileName),
    ]);
    let from = |value: Option<String>, source| value.map(|value| Sourced { value, source });
    Review {
        id,
        title,
        review_type,
        board,
        board_id,
        published,
        subject,
        age_band: from(side.age_band, Provenance::Sidecar),
        outcome: from(side.outcome, Provenance::Sidecar),
        author: from(side.author, Provenance::Sidecar)
            .or_else(|| from(text.info.author.clone(), Provenance::PdfInfo)),
        file: pdf.display().to_string(),
        n_pages: text.pages.len() as u32,
        // Where the board published it: a fetched file's address, or a saved listing page's
        // absolute link to it (a relative link names a site that is not at hand).
        source_url: listed
            .map(|l| l.entry.url.as_str())
            .filter(|url| url.starts_with("https://") || url.starts_with("http://"))
            .map(str::to_string),
    }
}

/// Makes a short id from a board's name: the place, then the kind of body, so that a board
/// keeps one id across its renaming ("Thrandale Local Safeguarding Children Board" and
/// "Thrandale Safeguarding Children Partnership" are both `thrandale_scp`) while a place's
/// adults board (`_sab`) and community safety partnership (`_csp`) stay apart.
pub fn board_id_from_name(name: &str) -> String {
    const GENERIC: &[&str] = &[
        "safeguarding",
        "children",
        "childrens",
        "child",
        "adults",
        "adult",
        "board",
        "partnership",
        "partnerships",
        "community",
        "safety",
        "local",
        "and",
        "the",
        "of",
        "lscb",
        "lscp",
        "scp",
        "sab",
        "csp",
        "safer",
        "s",
        "regional",
        "protection",
        "committee",
        "public",
    ];
    let lower = name.to_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let statutory = words.iter().any(|w| matches!(*w, "safeguarding" | "board" | "partnership"));
    let has = |names: &[&str]| words.iter().any(|w| names.contains(w));
    let committee = has(&["committee"]) && has(&["protection"]);
    let body = if has(&["regional"]) && statutory {
        // Wales: "Bro Elwyn Regional Safeguarding Board".
        Some("rsb")
    } else if committee {
        // Scotland: child, adult and public protection committees.
        Some(if has(&["adult", "adults"]) {
            "apc"
        } else if has(&["public"]) {
            "ppc"
        } else {
            "cpc"
        })
    } else if has(&["sab"]) || statutory && has(&["adults", "adult"]) {
        Some("sab")
    } else if has(&["lscb", "lscp", "scp"]) || statutory && has(&["children", "childrens", "child"])
    {
        Some("scp")
    } else if lower.contains("community safety")
        || words.iter().any(|w| *w == "safer" || *w == "csp")
    {
        Some("csp")
    } else {
        None
    };
    // A national body with a long name goes by its initials ("National Centre for Child
    // Protection Learning" → `nccpl`), as such bodies usually do.
    let significant: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "for" | "of" | "the" | "and" | "on" | "in"))
        .collect();
    if body.is_none() && significant.len() >= 4 {
        return significant.iter().filter_map(|w| w.chars().next()).collect();
    }
    let place: Vec<&str> = words.iter().copied().filter(|w| !GENERIC.contains(w)).collect();
    if place.is_empty() {
        return ReviewId::slugify(name).to_string().replace('-', "_");
    }
    let mut id = place.join("_");
    if let Some(body) = body {
        id.push('_');
        id.push_str(body);
    }
    id
}

/// Reads a PDF date (`D:20160314120000Z`, or ISO 8601 as the extractor gives it) as
/// `YYYY-MM-DD`.
fn pdf_date(raw: &str) -> Option<String> {
    if let Some(date) = raw.get(..10)
        && is_date(date)
    {
        return Some(date.to_string());
    }
    let digits: String = raw.trim_start_matches("D:").chars().take(8).collect();
    if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) {
        Some(format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]))
    } else {
        None
    }
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let numeric = |p: &str, len: usize| p.len() == len && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] => numeric(y, 4),
        [y, m] => numeric(y, 4) && numeric(m, 2),
        [y, m, d] => numeric(y, 4) && numeric(m, 2) && numeric(d, 2),
        _ => false,
    }
}

fn title_from_file_name(stem: &str) -> String {
    let words: Vec<String> = stem
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect();
    if words.is_empty() { "Untitled review".to_string() } else { words.join(" ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A listing entry is part of its file's fingerprint: this literal changes only when the
    /// encoding is changed on purpose.
    #[test]
    fn a_listing_entry_has_a_fixed_encoding() {
        let listed = Listed {
            entry: crate::listing::ListingEntry {
                file_name: "scr-d.pdf".into(),
                url: "/docs/scr-d.pdf".into(),
                link_text: "Child D".into(),
                title: Some("Child D".into()),
                published: Some("2014-05".into()),
                review_type: Some("scr".into()),
                subject: None,
                section: None,
                is_supplementary: false,
            },
            board: Some("Board".into()),
        };
        assert_eq!(
            listed.encode(),
            "encoding=8:listed 1;file_name=9:scr-d.pdf;url=15:/docs/scr-d.pdf;\
             link_text=7:Child D;title=7:Child D;published=7:2014-05;review_type=3:scr;\
             subject=-;section=-;is_supplementary#0;board=5:Board;"
        );
    }

    #[test]
    fn pdf_dates_become_iso() {
        assert_eq!(pdf_date("D:20190501120000Z").as_deref(), Some("2019-05-01"));
    }

    #[test]
    fn board_ids_drop_generic_words() {
        assert_eq!(
            board_id_from_name("Northmoor Local Safeguarding Children Board"),
            "northmoor_scp"
        );
        assert_eq!(
            board_id_from_name("Northmoor Safeguarding Children Partnership"),
            "northmoor_scp"
        );
        assert_eq!(
            board_id_from_name("Harrowfield and Dunmere Safeguarding Adults Board"),
            "harrowfield_dunmere_sab"
        );
        assert_eq!(board_id_from_name("Safer Northmoor Partnership"), "northmoor_csp");
        assert_eq!(board_id_from_name("Bro Elwyn Regional Safeguarding Board"), "bro_elwyn_rsb");
        assert_eq!(board_id_from_name("Strathellen Child Protection Committee"), "strathellen_cpc");
        assert_eq!(board_id_from_name("National Centre for Child Protection Learning"), "nccpl");
    }

    #[test]
    fn sidecar_dates_are_validated() {
        assert!(is_date("2016-03-14") && is_date("2016") && !is_date("14/03/2016"));
    }
}
