//! The inputs of a run: the PDFs under the folders given, with their ids, and what the
//! boards' listing pages and the fetched PDFs' provenance say about them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use casebook::ReviewId;
use tracing::warn;

use crate::metadata::Listed;
use crate::{Error, Result};

/// The listing entry of a PDF, if a listing page links it.
pub(super) fn listed<'a>(listings: &'a Listings, path: &Path) -> Option<&'a Listed> {
    listings.fetched.get(path).or_else(|| {
        path.file_name().and_then(|n| listings.pages.get(&n.to_string_lossy().to_lowercase()))
    })
}

/// What the boards' listing pages say about each PDF.
#[derive(Default)]
pub(super) struct Listings {
    /// From the pages found among the inputs, by lower-cased file name.
    pub(super) pages: HashMap<String, Listed>,
    /// From the provenance of fetched PDFs (`<name>.source.toml`, what the page said when
    /// the PDF was fetched), by path: first, as it names the very file.
    pub(super) fetched: HashMap<PathBuf, Listed>,
}

/// Reads every HTML page under `inputs` as a listing of reviews, and the provenance sidecars
/// of fetched PDFs. An unreadable page or sidecar is skipped with a warning: listings only add
/// metadata.
pub(super) fn listings(inputs: &[PathBuf]) -> Result<Listings> {
    let mut out = Listings::default();
    // One walk of the inputs for both kinds of file.
    for page in walk(inputs, &["html", "htm", "toml"])? {
        if page.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")) {
            let name = page.file_name().and_then(|n| n.to_str());
            let Some(stem) = name.and_then(|n| n.strip_suffix(".source.toml")) else { continue };
            let pdf = page.with_file_name(format!("{stem}.pdf"));
            match crate::fetch::library::read_provenance(&pdf) {
                Ok(Some(provenance)) => {
                    out.fetched.insert(pdf.clone(), provenance.listed(&pdf));
                }
                Ok(None) => {}
                Err(err) => warn!(%err, "provenance sidecar skipped"),
            }
            continue;
        }
        let listing = match crate::listing::read_listing(&page) {
            Ok(listing) => listing,
            Err(err) => {
                warn!(path = %page.display(), %err, "listing page skipped");
                continue;
            }
        };
        for entry in listing.entries {
            let key = entry.file_name.to_lowercase();
            // The overview report's own link wins over a learning summary's.
            let better = out
                .pages
                .get(&key)
                .is_none_or(|known| known.entry.is_supplementary && !entry.is_supplementary);
            if better {
                out.pages.insert(key, Listed { entry, board: listing.board.clone() });
            }
        }
    }
    Ok(out)
}

/// Files under `inputs` with one of `extensions`, sorted and without duplicates.
pub(super) fn walk(inputs: &[PathBuf], extensions: &[&str]) -> Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for input in inputs {
        if !input.exists() {
            return Err(Error::NoInput { path: input.clone() });
        }
        for entry in walkdir::WalkDir::new(input).follow_links(true).sort_by_file_name() {
            let entry = entry
                .map_err(|err| Error::Walk { path: input.clone(), reason: err.to_string() })?;
            let wanted = entry.file_type().is_file()
                && entry
                    .path()
                    .extension()
                    .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)));
            if wanted {
                paths.push(entry.into_path());
            }
        }
    }
    paths.sort();
    paths.dedup();
    Ok(paths)
}

/// Finds the PDFs under `inputs`, sorted by path, each with a unique review id.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<(ReviewId, PathBuf)>> {
    discover_avoiding(inputs, &HashSet::new())
}

/// [`discover`], giving no file one of the ids `taken` (by reviews of other folders).
pub(super) fn discover_avoiding(
    inputs: &[PathBuf],
    taken: &HashSet<ReviewId>,
) -> Result<Vec<(ReviewId, PathBuf)>> {
    let paths = walk(inputs, &["pdf"])?;
    let mut seen = taken.clone();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let base = ReviewId::slugify(&stem);
        let mut id = base.clone();
        let mut n = 2;
        while !seen.insert(id.clone()) {
            id = base.numbered(n);
            n += 1;
        }
        files.push((id, path));
    }
    Ok(files)
}
