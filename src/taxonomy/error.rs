//! Errors raised while loading and validating a taxonomy file.

use std::path::PathBuf;

/// What went wrong while reading, parsing or validating a taxonomy.
///
/// Every variant names where the problem is (the file, and for validation errors the entry and
/// field) so that a user editing their own `taxonomy.toml` can fix it without reading code.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TaxonomyError {
    /// The taxonomy file could not be read.
    #[error("cannot read taxonomy file {path}")]
    Io {
        /// The file that was being read.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML or does not have the expected shape.
    #[error("{origin}: invalid taxonomy toml: {message}")]
    Toml {
        /// The file (or "built-in taxonomy") being parsed.
        origin: String,
        /// The parser's message, which includes the line and column.
        message: String,
    },
    /// An entry breaks a rule of the taxonomy (bad id, unknown parent, …).
    #[error("{origin}: entry `{entry}`, field `{field}`: {problem}")]
    Invalid {
        /// The file (or "built-in taxonomy") being validated.
        origin: String,
        /// The entry's id, or its position (`#3`) when the id itself is unusable.
        entry: String,
        /// The offending field, as spelled in the TOML file.
        field: &'static str,
        /// What is wrong, in a few words.
        problem: String,
    },
    /// A string is not a valid entry id.
    #[error(
        "invalid entry id `{0}`: ids are lower_snake_case ascii (a-z, 0-9, single underscores)"
    )]
    BadId(String),
}
