//! The library folder that fetched reviews are kept in: one folder per source
//! (`library/<board>/`), each PDF with a provenance sidecar `<name>.source.toml`, and the
//! run's memory of listing pages and robots.txt files in `library/.casebook-fetch.toml`.
//!
//! Nothing is written in place: a download goes to a hidden `.part` file and is renamed when
//! complete (after its sidecar), and every TOML file is written beside and renamed, so a kill
//! at any moment leaves the library as it was or with one more whole file.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::client::{RobotsFile, Validators};
use crate::listing::ListingEntry;
use crate::metadata::Listed;

/// Extension of the provenance sidecar that goes with each fetched PDF.
pub const SIDECAR: &str = "source.toml";
/// The run's memory, in the library folder.
pub const STATE_FILE: &str = ".casebook-fetch.toml";

/// Where a fetched PDF came from: the provenance sidecar `<name>.source.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The listing page that links it.
    pub source_page: String,
    /// The link, resolved against the page.
    pub url: String,
    /// Where the PDF came from after redirects, when that is another address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_url: Option<String>,
    /// When the current file was downloaded (RFC 3339, UTC).
    pub fetched_at: String,
    /// The server's validators of the current file.
    #[serde(default, flatten)]
    pub validators: Validators,
    /// SHA-256 of the file, lower-case hex.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// The board, as the source names it (or the listing page does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<String>,
    /// What the listing page says about it.
    pub listed: ListedAs,
}

/// What the listing page said about a PDF when it was fetched.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListedAs {
    /// The text of the link.
    pub link_text: String,
    /// The title the page gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication date the page gives (`YYYY[-MM[-DD]]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The review type (taxonomy id), from the page or the source's hint.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub review_type: Option<String>,
    /// The subject's pseudonym.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The heading the link is under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// A learning summary, briefing or response rather than the report itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub supplementary: bool,
}

impl ListedAs {
    /// What `entry` says, with `review_type` when the page names no type.
    pub fn from_entry(entry: &ListingEntry, review_type: Option<&str>) -> ListedAs {
        ListedAs {
            link_text: entry.link_text.clone(),
            title: entry.title.clone(),
            published: entry.published.clone(),
            review_type: entry.review_type.clone().or(review_type.map(str::to_string)),
            subject: entry.subject.clone(),
            section: entry.section.clone(),
            supplementary: entry.is_supplementary,
        }
    }
}

impl Provenance {
    /// What the indexer reads as the PDF's listing entry.
    pub fn listed(&self, pdf: &Path) -> Listed {
        let ListedAs { link_text, title, published, review_type, subject, section, supplementary } =
            self.listed.clone();
        Listed {
            entry: ListingEntry {
                file_name: pdf
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                url: self.url.clone(),
                link_text,
                title,
                published,
                review_type,
                subject,
                section,
                is_supplementary: supplementary,
            },
            board: self.board.clone(),
        }
    }
}

/// The sidecar path of a PDF.
pub fn sidecar_of(pdf: &Path) -> PathBuf {
    pdf.with_extension(SIDECAR)
}

/// Reads the provenance sidecar of `pdf`, if it has one.
pub fn read_provenance(pdf: &Path) -> Result<Option<Provenance>, String> {
    let path = sidecar_of(pdf);
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text)
            .map(Some)
            .map_err(|err| format!("{}: {}", path.display(), err.message())),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(format!("{}: {err}", path.display())),
    }
}

/// A PDF already in the library.
#[derive(Clone, Debug)]
pub struct Known {
    /// The file.
    pub pdf: PathBuf,
    /// Its sidecar.
    pub provenance: Provenance,
}

/// The PDFs of the library by the address they were fetched from; a sidecar that cannot be
/// read is reported and its PDF fetched again.
pub fn known_files(library: &Path) -> (HashMap<String, Known>, Vec<String>) {
    let mut known = HashMap::new();
    let mut problems = Vec::new();
    if !library.exists() {
        return (known, problems);
    }
    for entry in walkdir::WalkDir::new(library).sort_by_file_name().into_iter().flatten() {
        let path = entry.path();
        let is_pdf = entry.file_type().is_file()
            && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        if !is_pdf {
            continue;
        }
        match read_provenance(path) {
            Ok(Some(provenance)) => {
                known.insert(provenance.url.clone(), Known { pdf: path.to_path_buf(), provenance });
            }
            Ok(None) => {}
            Err(problem) => problems.push(problem),
        }
    }
    (known, problems)
}

/// What a run remembers of a listing page.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PageState {
    /// The page's validators.
    #[serde(default, flatten)]
    pub validators: Validators,
    /// SHA-256 of the page as last read (servers that send no validators).
    #[serde(default)]
    pub sha256: String,
    /// When the PDFs it links were last asked for, in milliseconds since the Unix epoch.
    #[serde(default)]
    pub checked_ms: u64,
    /// The page's board name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<String>,
    /// Its PDF links, each resolved against the page.
    #[serde(default)]
    pub entries: Vec<ListingEntry>,
}

/// The run's memory: listing pages and robots.txt files.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct State {
    /// By listing page address.
    #[serde(default)]
    pub pages: BTreeMap<String, PageState>,
    /// By `host:port`.
    #[serde(default)]
    pub robots: BTreeMap<String, RobotsFile>,
}

impl State {
    /// Reads the state of `library`; a missing or unreadable file is an empty state (the
    /// next requests are then unconditional, nothing else is lost).
    pub fn read(library: &Path) -> State {
        std::fs::read_to_string(library.join(STATE_FILE))
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the state of `library`, replacing the file at once.
    pub fn write(&self, library: &Path) -> std::io::Result<()> {
        let text = toml::to_string(self).map_err(std::io::Error::other)?;
        write_atomic(&library.join(STATE_FILE), text.as_bytes())
    }
}

/// Writes `bytes` to a hidden file beside `path`, syncs it and renames it into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = hidden_beside(path, "tmp");
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)
}

/// `.name.ext` beside `path` (`ext` is not `pdf`, so the indexer never reads it).
pub fn hidden_beside(path: &Path, ext: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{ext}"))
}

/// Moves a complete download and its sidecar into place: the sidecar first, so that a PDF is
/// never in the library without its provenance for longer than one rename.
pub fn install(part: &Path, pdf: &Path, provenance: &Provenance) -> std::io::Result<()> {
    let text = toml::to_string(provenance).map_err(std::io::Error::other)?;
    write_atomic(&sidecar_of(pdf), text.as_bytes())?;
    std::fs::rename(part, pdf)
}

/// A folder or file name made of lower-case letters, digits, `-`, `_` and `.`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches(|c| c == '-' || c == '.').to_string();
    let out: String = out.chars().take(100).collect();
    if out.is_empty() { "unnamed".to_string() } else { out }
}

/// The name a PDF gets in `folder`: the server's file name, else the last segment of its
/// address, as a slug ending in `.pdf`; `-2`, `-3`… when that name holds another address's file.
pub fn file_name_for(folder: &Path, candidates: &[&str], url: &str) -> PathBuf {
    let base = candidates
        .iter()
        .map(|c| c.trim())
        .find(|c| !c.is_empty())
        .map(|c| {
            let stem = c.strip_suffix(".pdf").or_else(|| c.strip_suffix(".PDF")).unwrap_or(c);
            slug(stem)
        })
        .unwrap_or_else(|| "review".to_string());
    let mut n = 1;
    loop {
        let name = if n == 1 { format!("{base}.pdf") } else { format!("{base}-{n}.pdf") };
        let path = folder.join(name);
        let taken_by_other = match read_provenance(&path) {
            Ok(Some(p)) => p.url != url,
            // A PDF without a sidecar is a download that was killed between its two renames.
            Ok(None) => false,
            Err(_) => path.exists(),
        };
        if !taken_by_other {
            return path;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_names() {
        assert_eq!(
            slug("Tolmarsh Children's Safeguarding Partnership"),
            "tolmarsh-children-s-safeguarding-partnership"
        );
        assert_eq!(slug("www.board.gov.uk:8080"), "www.board.gov.uk-8080");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Child U – SCR (final)"), "child-u-scr-final");
        assert_eq!(slug("///"), "unnamed");
    }

    #[test]
    fn provenance_round_trips_and_names_its_listing_entry() {
        let provenance = Provenance {
            source_page: "https://board.example/reviews".into(),
            url: "https://board.example/docs/child-u.pdf".into(),
            final_url: None,
            fetched_at: "2026-12-05T01:00:00Z".into(),
            validators: Validators { etag: Some("\"abc\"".into()), last_modified: None },
            sha256: "00".repeat(32),
            bytes: 1234,
            board: Some("Board".into()),
            listed: ListedAs {
                link_text: "here".into(),
                title: Some("Child U".into()),
                ..ListedAs::default()
            },
        };
        let text = toml::to_string(&provenance).unwrap();
        assert!(text.contains("etag = "), "{text}");
        let back: Provenance = toml::from_str(&text).unwrap();
        assert_eq!(back, provenance);
        let listed = provenance.listed(Path::new("/lib/board/child-u.pdf"));
        assert_eq!(listed.entry.file_name, "child-u.pdf");
        assert_eq!(listed.entry.title.as_deref(), Some("Child U"));
        assert_eq!(listed.board.as_deref(), Some("Board"));
    }
}
