//! Casebook's indexer: finds review PDFs, extracts their text and writes the index.
//!
//! It is the only writer of the index. A file that cannot be read is reported and skipped;
//! the run goes on, and the report says what was skipped and why.

pub mod extract;
pub mod fetch;
pub mod inspect;
pub mod isolate;
pub mod listing;
pub mod metadata;
pub mod ocr;
mod pipeline;
pub mod structure;
pub mod units;
mod watch;

use std::path::PathBuf;

pub use pipeline::{
    CorrectionsFn, FileProblem, IndexOptions, IndexReport, Isolation, Progress, ProgressFn,
    discover, run,
};
pub use watch::{Watch, watch};

/// The result type of the indexer.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Errors that stop an indexing run (a bad file never does).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input path that does not exist.
    #[error("{}: no such file or folder", path.display())]
    NoInput {
        /// The path as given.
        path: PathBuf,
    },
    /// A folder that could not be walked.
    #[error("{}: {reason}", path.display())]
    Walk {
        /// The folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// No file could be indexed; the previous index is unchanged.
    #[error("none of the {n_found} files found could be indexed; the previous index is unchanged")]
    NothingIndexed {
        /// How many PDFs were found.
        n_found: usize,
    },
    /// The index could not be opened or written.
    #[error(transparent)]
    Index(#[from] casebook::Error),
    /// The database of curators' corrections could not be read.
    #[error("{}: {reason}", path.display())]
    Data {
        /// The data folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A folder of the index could not be moved or removed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}
