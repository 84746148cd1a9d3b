//! Casebook's core: the document model, the tantivy schema and index, and search.
//!
//! This crate knows nothing of HTTP, HTML, PDF or any async runtime. The indexer fills an index
//! through [`IndexBuilder`]; the web front end and the command line read it through
//! [`SearchIndex::search`].
//!
//! ```
//! use casebook::{Provenance, Review, ReviewId, SearchIndex, SearchRequest, Sourced, Unit, UnitKind};
//!
//! let index = SearchIndex::create_in_ram()?;
//! let review = Review {
//!     id: ReviewId::parse("child-d")?,
//!     title: Sourced { value: "Child D".into(), source: Provenance::FileName },
//!     review_type: None, board: None, board_id: None, published: None, subject: None,
//!     age_band: None, outcome: None, author: None, file: "child-d.pdf".into(), n_pages: 1,
//!     source_url: None,
//! };
//! let page = Unit {
//!     review: review.id.clone(), kind: UnitKind::Page, page: 1, page_label: None,
//!     number: None, section: vec![], text: "Professionals lacked curiosity.".into(), tags: vec![],
//!     discussed: vec![],
//! };
//! let builder = index.builder()?;
//! builder.add_review(&review, &[], &[page])?;
//! builder.commit()?;
//! index.reload()?;
//!
//! let results = index.search(&SearchRequest::new("curiosity"))?;
//! assert_eq!(results.groups[0].hits[0].page, 1);
//! # Ok::<(), casebook::Error>(())
//! ```

#![warn(missing_docs)]

pub mod cache;
pub mod corrections;
mod document;
pub mod duplicates;
pub mod encode;
mod error;
pub mod evidence;
mod index;
pub mod profile;
pub mod recurrence;
mod schema;
mod search;
mod search_index;
mod similar;
pub mod taxonomy;
pub mod themes;
pub mod time;

pub use document::{Provenance, Review, ReviewId, Sourced, Unit, UnitKind};
pub use error::{Error, Result};
pub use index::codec::{REVIEW_FACET_ROOTS, UnitKey, is_review_facet};
pub use index::{IndexBuilder, IndexStats};
pub use search::{
    Expanded, FACET_GROUPS, FacetCount, FacetGroup, Facets, Filters, HITS_PER_REVIEW, Hit,
    MAX_PER_PAGE, MAX_UNITS_PER_PAGE, ReviewGroup, SearchRequest, SearchResults, Snippet, Sort,
};
pub use search_index::{RESULT_CACHE_ENTRIES, SearchIndex};
pub use similar::Similar;
pub use taxonomy::{
    Classifier, Entry, EntryId, Kind, SectionKind, Strength, SynonymIndex, Tag, Tags, Taxonomy,
    TaxonomyError,
};
