//! The codec between tantivy documents and the document model: a [`Review`] and its [`Unit`]s
//! written as documents and read back, side by side so that the two directions agree.
//!
//! Every unit is one document; the review's metadata is copied onto each of its units so
//! that filters apply to units directly, and the review's record is a unit of kind `review`.

use tantivy::TantivyDocument;
use tantivy::schema::{Facet, OwnedValue, Value};

use crate::document::{Provenance, Review, ReviewId, Sourced, Unit, UnitKind};
use crate::schema::Fields;

/// The roots of the facets every unit carries from its review's metadata, written by
/// `base_doc`: not the unit's own tags.
pub const REVIEW_FACET_ROOTS: [&str; 4] = [TYPE, BOARD, AGE, OUTCOME];
const TYPE: &str = "/type/";
const BOARD: &str = "/board/";
const AGE: &str = "/age/";
const OUTCOME: &str = "/outcome/";

/// Whether `tag` is one of the facets a unit carries from its review (see
/// [`REVIEW_FACET_ROOTS`]).
pub fn is_review_facet(tag: &str) -> bool {
    REVIEW_FACET_ROOTS.iter().any(|root| tag.starts_with(root))
}

/// Joins the headings of a section path in the stored field.
pub(crate) const SECTION_SEPARATOR: &str = " › ";

/// The key of a unit, as [`crate::Hit::unit_id`] and [`crate::SearchIndex::keyed_units`] give
/// it: `<review>#<kind>-<seq>`, `seq` counting the review's units as they were added. A
/// review's record is keyed by the review id alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitKey {
    /// The review.
    pub review: ReviewId,
    /// What the unit is.
    pub kind: UnitKind,
    /// Its place among the review's units as they were added.
    pub seq: usize,
}

impl UnitKey {
    /// Reads a key written by [`UnitKey`]'s `Display`; `None` for a record's key or a key of
    /// another form.
    pub fn parse(key: &str) -> Option<UnitKey> {
        let (review, rest) = key.rsplit_once('#')?;
        let (kind, seq) = rest.rsplit_once('-')?;
        Some(UnitKey {
            review: ReviewId::parse(review).ok()?,
            kind: UnitKind::parse(kind).ok()?,
            seq: seq.parse().ok()?,
        })
    }
}

impl std::fmt::Display for UnitKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}#{}-{}", self.review, self.kind.as_str(), self.seq)
    }
}

/// The fields every unit of a review carries: the review's metadata and its facets; `added`
/// is when the review first entered the index.
pub(crate) fn base_doc(
    f: &Fields,
    review: &Review,
    kind: UnitKind,
    key: &str,
    added: u64,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.unit_id, key);
    doc.add_text(f.kind, kind.as_str());
    doc.add_text(f.review_id, review.id.as_str());
    doc.add_text(f.title_stored, &review.title.value);
    doc.add_u64(f.added, added);
    if let Some(year) = review.year() {
        doc.add_u64(f.year, u64::from(year));
    }
    if let Some(t) = &review.review_type {
        doc.add_text(f.review_type, &t.value);
        add_facet(&mut doc, f, &format!("{TYPE}{}", t.value));
    }
    if let Some(board) = &review.board {
        doc.add_text(f.board, &board.value);
    }
    if let Some(board_id) = &review.board_id {
        doc.add_text(f.board_id, board_id);
        add_facet(&mut doc, f, &format!("{BOARD}{board_id}"));
    }
    if let Some(age) = &review.age_band {
        add_facet(&mut doc, f, &format!("{AGE}{}", age.value));
    }
    if let Some(outcome) = &review.outcome {
        add_facet(&mut doc, f, &format!("{OUTCOME}{}", outcome.value));
    }
    doc
}

pub(crate) fn review_from_doc(f: &Fields, doc: &TantivyDocument) -> Option<Review> {
    let id = ReviewId::parse(&text(doc, f.review_id)?).ok()?;
    let provenance = text(doc, f.provenance).unwrap_or_default();
    let source_of = |field: &str| {
        provenance
            .split(';')
            .filter_map(|pair| pair.split_once('='))
            .find(|(name, _)| *name == field)
            .map(|(_, source)| parse_provenance(source))
            .unwrap_or(Provenance::FileName)
    };
    let sourced = |field, name: &str| {
        text(doc, field).map(|value| Sourced { value, source: source_of(name) })
    };
    Some(Review {
        id,
        title: sourced(f.title_stored, "title")?,
        review_type: sourced(f.review_type, "type"),
        board: sourced(f.board, "board"),
        board_id: text(doc, f.board_id),
        published: sourced(f.published, "published"),
        subject: sourced(f.subject, "subject"),
        age_band: sourced(f.age_band, "age_band"),
        outcome: sourced(f.outcome, "outcome"),
        author: sourced(f.author, "author"),
        file: text(doc, f.file).unwrap_or_default(),
        n_pages: number(doc, f.n_pages).unwrap_or(0) as u32,
        source_url: text(doc, f.source_url),
    })
}

pub(crate) fn unit_from_doc(f: &Fields, doc: &TantivyDocument) -> Option<Unit> {
    let review = ReviewId::parse(&text(doc, f.review_id)?).ok()?;
    let kind = UnitKind::parse(&text(doc, f.kind)?).ok()?;
    let tags = doc
        .get_all(f.tags)
        .filter_map(|v| match OwnedValue::from(v) {
            OwnedValue::Facet(facet) => Some(facet.to_path_string()),
            _ => None,
        })
        .collect();
    Some(Unit {
        review,
        kind,
        page: number(doc, f.page).unwrap_or(1) as u32,
        page_label: text(doc, f.page_label),
        number: text(doc, f.number),
        section: text(doc, f.section)
            .map(|s| s.split(SECTION_SEPARATOR).map(str::to_string).collect())
            .unwrap_or_default(),
        text: text(doc, f.body).unwrap_or_default(),
        tags,
        discussed: doc
            .get_all(f.discussed)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
    })
}

pub(crate) fn add_facet(doc: &mut TantivyDocument, fields: &Fields, path: &str) {
    // Facet paths come from taxonomy ids and slugs; anything else is skipped rather than
    // allowed to panic inside tantivy's parser.
    if let Ok(facet) = Facet::from_text(path) {
        doc.add_facet(fields.tags, facet);
    }
}

pub(crate) fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string)
}

pub(crate) fn number(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<u64> {
    doc.get_first(field).and_then(|v| v.as_u64())
}

fn parse_provenance(s: &str) -> Provenance {
    match s {
        "sidecar" => Provenance::Sidecar,
        "listing" => Provenance::Listing,
        "title page" => Provenance::TitlePage,
        "pdf info" => Provenance::PdfInfo,
        "curator" => Provenance::Curator,
        _ => Provenance::FileName,
    }
}

/// Sort key that puts "R2" before "R10".
pub(crate) fn natural_key(s: Option<&str>) -> (String, u64) {
    let s = s.unwrap_or("");
    let digits: String = s.chars().filter(char::is_ascii_digit).take(9).collect();
    (s.chars().filter(|c| !c.is_ascii_digit()).collect(), digits.parse().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_keys_read_back_as_written() {
        let key = UnitKey {
            review: ReviewId::parse("child-k-lcspr-2022").unwrap(),
            kind: UnitKind::Recommendation,
            seq: 12,
        };
        assert_eq!(key.to_string(), "child-k-lcspr-2022#recommendation-12");
        assert_eq!(UnitKey::parse(&key.to_string()), Some(key));
        assert_eq!(UnitKey::parse("child-k-lcspr-2022"), None);
        assert_eq!(UnitKey::parse("child-k#nonsense-1"), None);
    }
}
