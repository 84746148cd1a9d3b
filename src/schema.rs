//! The tantivy schema: one document per unit (review record, page, finding, recommendation).
//!
//! Review metadata (title, board, year, type) is copied onto every unit so that filters apply
//! to units directly and a hit can be shown without a second lookup. Only the review record
//! indexes the title as text, so that a query matching a title does not match every page.

use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// Name of the analyzer for English text: lower-cased, ASCII-folded, stemmed.
///
/// There is deliberately no stop-word filter: removed words leave holes that let the phrase
/// "risk of harm" match "risk to harm".
pub(crate) const EN_STEM: &str = "casebook_en";

/// Handles to every field of the schema.
#[derive(Clone, Debug)]
pub(crate) struct Fields {
    /// Unique key of the unit (`<review>#p3`, `<review>#rec2`).
    pub(crate) unit_id: Field,
    /// `review`, `page`, `finding` or `recommendation`.
    pub(crate) kind: Field,
    pub(crate) review_id: Field,
    /// Title, searchable on the review record, stored on every unit.
    pub(crate) title: Field,
    pub(crate) title_stored: Field,
    /// Board name, searchable on every unit (`board:` in queries).
    pub(crate) board: Field,
    pub(crate) board_id: Field,
    pub(crate) review_type: Field,
    pub(crate) published: Field,
    pub(crate) year: Field,
    pub(crate) subject: Field,
    pub(crate) page: Field,
    pub(crate) page_label: Field,
    pub(crate) number: Field,
    pub(crate) section: Field,
    pub(crate) body: Field,
    pub(crate) tags: Field,
    /// Tags the unit discusses at some length ([`crate::Unit::discussed`]), stored only.
    pub(crate) discussed: Field,
    /// The factor on the unit's score (see `index::rank`), fast only.
    pub(crate) weight: Field,
    pub(crate) file: Field,
    pub(crate) n_pages: Field,
    pub(crate) source_url: Field,
    /// Provenance of the review metadata, `field=source` pairs.
    pub(crate) provenance: Field,
    pub(crate) age_band: Field,
    pub(crate) outcome: Field,
    pub(crate) author: Field,
    /// When the review first entered this index, in milliseconds since the Unix epoch; on
    /// every unit, kept across rebuilds (the feeds of saved searches follow it).
    pub(crate) added: Field,
    /// What the review was made from (a hash of its PDF, sidecar, listing entry and the
    /// indexer's rules), on the review record: an unchanged review is not read again.
    pub(crate) fingerprint: Field,
    /// The review's text sketch ([`crate::duplicates::Sketch::encode`]), on the review record:
    /// how the same review published twice is found.
    pub(crate) sketch: Field,
    /// What curators said of the review's grouping with others (`same:<id>`, `apart:<id>`),
    /// on the review record.
    pub(crate) grouping: Field,
}

/// Builds the schema and the field handles.
pub(crate) fn build() -> (Schema, Fields) {
    let mut sb = Schema::builder();
    let text = |stored: bool| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(EN_STEM)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let options = TextOptions::default().set_indexing_options(indexing);
        if stored { options.set_stored() } else { options }
    };
    let fields = Fields {
        unit_id: sb.add_text_field("unit_id", STRING | STORED),
        kind: sb.add_text_field("kind", STRING | STORED | FAST),
        review_id: sb.add_text_field("review_id", STRING | STORED | FAST),
        title: sb.add_text_field("title", text(false)),
        title_stored: sb.add_text_field("title_stored", STORED),
        board: sb.add_text_field("board", text(true)),
        board_id: sb.add_text_field("board_id", STRING | STORED | FAST),
        review_type: sb.add_text_field("type", STRING | STORED | FAST),
        published: sb.add_text_field("published", STORED),
        year: sb.add_u64_field("year", INDEXED | STORED | FAST),
        subject: sb.add_text_field("subject", STORED),
        page: sb.add_u64_field("page", INDEXED | STORED | FAST),
        page_label: sb.add_text_field("page_label", STORED),
        number: sb.add_text_field("number", STRING | STORED),
        section: sb.add_text_field("section", STORED),
        body: sb.add_text_field("body", text(true)),
        tags: sb.add_facet_field("tags", FacetOptions::default().set_stored()),
        discussed: sb.add_text_field("discussed", STORED),
        weight: sb.add_f64_field("weight", FAST),
        file: sb.add_text_field("file", STORED),
        n_pages: sb.add_u64_field("n_pages", STORED),
        source_url: sb.add_text_field("source_url", STORED),
        provenance: sb.add_text_field("provenance", STORED),
        age_band: sb.add_text_field("age_band", STORED),
        outcome: sb.add_text_field("outcome", STORED),
        author: sb.add_text_field("author", STORED),
        added: sb.add_u64_field("added", INDEXED | STORED | FAST),
        fingerprint: sb.add_text_field("fingerprint", STORED),
        sketch: sb.add_bytes_field("sketch", STORED),
        grouping: sb.add_text_field("grouping", STORED),
    };
    (sb.build(), fields)
}

/// The English analyzer registered under [`EN_STEM`].
pub(crate) fn english_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}
