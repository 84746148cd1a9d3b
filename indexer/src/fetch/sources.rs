//! The sources file (`sources.toml` in the data folder): the listing pages to follow, each
//! with optional hints, and the contact address that names whoever runs the fetches.
//!
//! ```toml
//! contact = "mailto:safeguarding-web@example.gov.uk"
//!
//! [[source]]
//! url = "https://www.example-scp.org.uk/learning/reviews"
//! board = "Example Safeguarding Children Partnership"
//! type = "lcspr"
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use url::Url;

/// File name of the sources file in the data folder.
pub const SOURCES_FILE: &str = "sources.toml";

/// One listing page to follow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The page that lists the board's reviews.
    pub url: String,
    /// The board's name, when the page does not say it well (also names its library folder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<String>,
    /// The review type (taxonomy id) of the page's reviews, when the page does not say it.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub review_type: Option<String>,
}

/// The sources file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    /// A URL or `mailto:` address where web teams can reach whoever runs the fetches; sent in
    /// the User-Agent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The pages, in the order they were added.
    #[serde(default, rename = "source")]
    pub sources: Vec<Source>,
}

/// A sources file that cannot be read or changed, or a value refused.
#[derive(Debug, thiserror::Error)]
#[error("{}: {reason}", path.display())]
pub struct SourcesError {
    /// The sources file.
    pub path: PathBuf,
    /// What is wrong, naming the field or value.
    pub reason: String,
}

impl Sources {
    /// The sources file of a data folder.
    pub fn path_in(data: &Path) -> PathBuf {
        data.join(SOURCES_FILE)
    }

    /// Reads a sources file; a missing file has no sources. Every URL is checked.
    pub fn read(path: &Path) -> Result<Sources, SourcesError> {
        let error = |reason: String| SourcesError { path: path.to_path_buf(), reason };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Sources::default()),
            Err(err) => return Err(error(err.to_string())),
        };
        let sources: Sources =
            toml::from_str(&text).map_err(|err| error(err.message().to_string()))?;
        for (n, source) in sources.sources.iter().enumerate() {
            check_url(&source.url)
                .map_err(|reason| error(format!("source {}: url: {reason}", n + 1)))?;
        }
        if let Some(contact) = &sources.contact {
            check_contact(contact).map_err(|reason| error(format!("contact: {reason}")))?;
        }
        Ok(sources)
    }

    /// Writes the file, replacing it at once.
    pub fn write(&self, path: &Path) -> Result<(), SourcesError> {
        let error = |reason: String| SourcesError { path: path.to_path_buf(), reason };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|err| error(err.to_string()))?;
        }
        let text = toml::to_string(self).map_err(|err| error(err.to_string()))?;
        super::library::write_atomic(path, text.as_bytes()).map_err(|err| error(err.to_string()))
    }

    /// Adds a source, or updates the hints of the one with the same address; returns whether
    /// it was new.
    pub fn add(&mut self, source: Source) -> Result<bool, String> {
        let url = check_url(&source.url)?;
        let source = Source { url: url.to_string(), ..source };
        match self.sources.iter_mut().find(|s| s.url == source.url) {
            Some(known) => {
                *known = source;
                Ok(false)
            }
            None => {
                self.sources.push(source);
                Ok(true)
            }
        }
    }

    /// Removes the source with this address, or this number (from 1, as `sources list`
    /// prints them); returns it.
    pub fn remove(&mut self, which: &str) -> Option<Source> {
        let at = match which.parse::<usize>() {
            Ok(n) if (1..=self.sources.len()).contains(&n) => Some(n - 1),
            _ => {
                let normalised = Url::parse(which).map(|u| u.to_string()).unwrap_or_default();
                self.sources.iter().position(|s| s.url == which || s.url == normalised)
            }
        };
        at.map(|at| self.sources.remove(at))
    }
}

/// An http(s) address with a host, and no user name or password in it.
pub fn check_url(s: &str) -> Result<Url, String> {
    let url = Url::parse(s.trim()).map_err(|err| format!("{s:?} is not an address ({err})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("{s:?} is not an http or https address"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("{s:?} has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!("{s:?} holds a user name or password"));
    }
    Ok(url)
}

/// A contact is an http(s) URL or a `mailto:` address, with nothing that would break a header.
pub fn check_contact(s: &str) -> Result<(), String> {
    let ok = (s.starts_with("https://") || s.starts_with("http://") || s.starts_with("mailto:"))
        && s.len() > 8
        && s.len() <= 200
        && s.chars().all(|c| c.is_ascii_graphic());
    if ok { Ok(()) } else { Err(format!("{s:?} is not an http(s) URL or mailto: address")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_added_listed_and_removed_by_number_or_address() {
        let mut sources = Sources::default();
        let source = |url: &str| Source { url: url.into(), board: None, review_type: None };
        assert!(sources.add(source("https://a.example/reviews")).unwrap());
        assert!(sources.add(source("https://b.example/learning")).unwrap());
        assert!(
            !sources
                .add(Source { board: Some("A".into()), ..source("https://a.example/reviews") })
                .unwrap()
        );
        assert_eq!(sources.sources[0].board.as_deref(), Some("A"));
        assert!(sources.add(source("ftp://a.example/")).is_err());
        assert!(sources.add(source("https://user:pw@a.example/")).is_err());
        assert_eq!(sources.remove("2").unwrap().url, "https://b.example/learning");
        assert_eq!(
            sources.remove("https://a.example/reviews").unwrap().board.as_deref(),
            Some("A")
        );
        assert!(sources.remove("1").is_none());
    }

    #[test]
    fn a_bad_file_is_refused_naming_the_field() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SOURCES_FILE);
        std::fs::write(&path, "[[source]]\nurl = \"gopher://x/\"\n").unwrap();
        let err = Sources::read(&path).unwrap_err().to_string();
        assert!(err.contains("source 1: url") && err.contains("sources.toml"), "{err}");
        std::fs::write(&path, "[[source]]\nadress = \"https://x/\"\n").unwrap();
        let err = Sources::read(&path).unwrap_err().to_string();
        assert!(err.contains("adress"), "{err}");
        assert_eq!(Sources::read(&dir.path().join("none.toml")).unwrap(), Sources::default());
    }
}
