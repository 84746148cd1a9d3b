//! robots.txt (RFC 9309): read once a run per host, kept a day between runs, and obeyed,
//! with its Crawl-delay when it asks for more than the client's own delay.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use url::Url;

use super::body::Refused;

/// What robots.txt says for one origin, as kept between runs.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct RobotsFile {
    /// The file's text; `None` when there is none (every path allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// When it was read, in milliseconds since the Unix epoch.
    pub read_ms: u64,
}

/// How long a robots.txt is trusted before it is read again (as the main search engines do).
const ROBOTS_FOR: Duration = Duration::from_secs(24 * 3600);

/// The product token robots.txt rules are matched against.
pub const ROBOTS_AGENT: &str = "Casebook";

/// The robots.txt files of a fetch: those read by earlier runs, and those this run reads.
pub(super) struct RobotsFiles(Mutex<HashMap<String, RobotsFile>>);

impl RobotsFiles {
    pub(super) fn new(files: HashMap<String, RobotsFile>) -> RobotsFiles {
        RobotsFiles(Mutex::new(files))
    }

    /// Every file, to be kept for the next run.
    pub(super) fn all(&self) -> HashMap<String, RobotsFile> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// robots.txt of the host `key` of `url`, from the last run's copy if it is recent, else
    /// read now with `get` (RFC 9309: a missing file allows everything, a server error
    /// nothing). `get` writes the body of an address into its buffer.
    pub(super) fn read(
        &self,
        url: &Url,
        key: &str,
        get: impl FnOnce(&Url, &mut Vec<u8>) -> Result<(), Refused>,
    ) -> Result<robotxt::Robots, Refused> {
        let now = casebook::time::now_ms();
        let cached = self.0.lock().unwrap_or_else(|e| e.into_inner()).get(key).cloned();
        if let Some(file) = cached
            && now.saturating_sub(file.read_ms) < ROBOTS_FOR.as_millis() as u64
        {
            return Ok(parse_robots(file.text.as_deref()));
        }
        let mut robots_url = url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        robots_url.set_fragment(None);
        let mut text = Vec::new();
        let file = match get(&robots_url, &mut text) {
            Ok(()) => {
                RobotsFile { text: Some(String::from_utf8_lossy(&text).into_owned()), read_ms: now }
            }
            Err(Refused::Status(status)) if (400..500).contains(&status) => {
                RobotsFile { text: None, read_ms: now }
            }
            Err(refused @ (Refused::Address(_) | Refused::OtherHost(_) | Refused::Scheme(_))) => {
                return Err(refused);
            }
            Err(other) => {
                return Err(Refused::RobotsUnreachable {
                    host: key.to_string(),
                    reason: other.to_string(),
                });
            }
        };
        let robots = parse_robots(file.text.as_deref());
        self.0.lock().unwrap_or_else(|e| e.into_inner()).insert(key.to_string(), file);
        Ok(robots)
    }
}

fn parse_robots(text: Option<&str>) -> robotxt::Robots {
    match text {
        Some(text) => robotxt::Robots::from_bytes(text.as_bytes(), ROBOTS_AGENT),
        None => robotxt::Robots::from_always(true, ROBOTS_AGENT),
    }
}

/// The Crawl-delay robots.txt asks for, at most a minute.
pub(super) fn crawl_delay(robots: &robotxt::Robots) -> Option<Duration> {
    robots.crawl_delay().map(|d| d.min(Duration::from_secs(60)))
}
