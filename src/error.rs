//! Errors of the core library.
//!
//! User errors (a bad parameter, an unknown id) are kept apart from internal ones (the index
//! could not be opened, a file could not be read) so that callers can answer them differently:
//! the web layer maps the first to 4xx and the second to 5xx.

use std::path::PathBuf;

/// The result type of the core library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An identifier that is not a valid review id.
    #[error("invalid id {id:?}")]
    BadId {
        /// The offending id (truncated).
        id: String,
    },
    /// A request parameter with a value that cannot be used.
    #[error("invalid value for {name}: {reason}")]
    BadParameter {
        /// The parameter's name, as the user wrote it.
        name: &'static str,
        /// Why the value was rejected.
        reason: String,
    },
    /// A review that is not in the index.
    #[error("no review with id {0:?}")]
    UnknownReview(String),
    /// The folder holds no index.
    #[error("no index at {}", path.display())]
    NoIndex {
        /// The folder that was opened.
        path: PathBuf,
    },
    /// The folder holds an index written by another version of Casebook, with other fields:
    /// the indexer rebuilds it; readers cannot use it until then.
    #[error(
        "the index at {} was written by another version of casebook: run `casebook index` to rebuild it",
        path.display()
    )]
    OtherVersion {
        /// The index folder.
        path: PathBuf,
    },
    /// The index is locked by another writer.
    #[error("the index at {} is being written by another process", path.display())]
    IndexLocked {
        /// The index folder.
        path: PathBuf,
    },
    /// A taxonomy file that cannot be used.
    #[error(transparent)]
    Taxonomy(#[from] crate::taxonomy::TaxonomyError),
    /// An error of the search engine.
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// An I/O error on the named path.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// Returns true when the error is the caller's fault (bad input) rather than the system's.
    pub fn is_user_error(&self) -> bool {
        matches!(self, Error::BadId { .. } | Error::BadParameter { .. } | Error::UnknownReview(_))
    }
}
