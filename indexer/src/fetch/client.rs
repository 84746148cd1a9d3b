//! The polite HTTP client: one request at a time per host with a delay between them,
//! robots.txt, conditional requests, redirects checked hop by hop, Retry-After and back-off,
//! and limits on size and time. Every connection goes through the address check
//! ([`CheckedResolver`]).

use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ureq::http::{Response, StatusCode, header};
use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::DefaultConnector;
use url::Url;

use super::address::{AllowedHosts, CheckedResolver};
pub use super::body::{Kind, Limits, Refused, Validators};
use super::body::{copy_checked, disposition_file_name, refusal, retry_after};
pub use super::resume::Resumable;
use super::resume::content_range_start;
pub use super::robots::{ROBOTS_AGENT, RobotsFile};
use super::robots::{RobotsFiles, crawl_delay};

/// Redirects followed for one request, each checked like the first address.
pub const MAX_REDIRECTS: usize = 5;

/// A resource fetched.
#[derive(Debug)]
pub enum Got {
    /// The server said it has not changed since the validators sent.
    NotModified,
    /// A new body.
    Body(Box<Body>),
}

/// A body that was read in full.
#[derive(Debug)]
pub struct Body {
    /// The address it came from after redirects.
    pub url: Url,
    /// The answer's validators, for the next conditional request.
    pub validators: Validators,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The file name from `Content-Disposition`, if the server gave one.
    pub file_name: Option<String>,
    /// Bytes read.
    pub len: u64,
    /// SHA-256 of the body, lower-case hex.
    pub sha256: String,
}

/// The per-host state: held for the whole of a request, so that a host gets one at a time.
#[derive(Default)]
struct Host {
    /// When the last request to the host ended.
    last: Option<Instant>,
    /// The host's robots.txt, parsed.
    robots: Option<robotxt::Robots>,
}

/// The client shared by the workers of one fetch.
pub struct Client {
    agent: ureq::Agent,
    allowed: AllowedHosts,
    user_agent: String,
    delay: Duration,
    limits: Limits,
    hosts: Mutex<HashMap<String, Arc<Mutex<Host>>>>,
    robots_files: RobotsFiles,
    requests: AtomicUsize,
    conditional: AtomicUsize,
}

impl Client {
    /// A client that names itself with `contact` (a URL or mailto: where the board's web team
    /// can reach whoever runs it), waits `delay` between two requests to one host, and starts
    /// from the robots.txt files read by earlier runs.
    pub fn new(
        contact: &str,
        delay: Duration,
        limits: Limits,
        allowed: AllowedHosts,
        robots_files: HashMap<String, RobotsFile>,
    ) -> Client {
        let user_agent = format!("Casebook/{} (+{contact})", env!("CARGO_PKG_VERSION"));
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .proxy(None)
            .user_agent(user_agent.as_str())
            .timeout_connect(Some(limits.connect))
            .timeout_recv_response(Some(limits.read))
            .timeout_per_read(Some(limits.read))
            .build();
        let resolver =
            CheckedResolver { allowed: allowed.clone(), inner: DefaultResolver::default() };
        let agent = ureq::Agent::with_parts(config, DefaultConnector::new(), resolver);
        Client {
            agent,
            allowed,
            user_agent,
            delay,
            limits,
            hosts: Mutex::default(),
            robots_files: RobotsFiles::new(robots_files),
            requests: AtomicUsize::new(0),
            conditional: AtomicUsize::new(0),
        }
    }

    /// The User-Agent header sent.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// Requests sent so far, and how many of them were conditional.
    pub fn requests(&self) -> (usize, usize) {
        (self.requests.load(Ordering::Relaxed), self.conditional.load(Ordering::Relaxed))
    }

    /// The robots.txt files read, to be kept for the next run.
    pub fn robots_files(&self) -> HashMap<String, RobotsFile> {
        self.robots_files.all()
    }

    /// Fetches `url` for a source whose page is on the host `origin` (that host, on any port
    /// and with or without `www.`, plus the allowed ones), following redirects, into `out`
    /// (left as it was when nothing new was read).
    pub fn get(
        &self,
        url: &Url,
        origin: &str,
        known: &Validators,
        kind: Kind,
        out: &mut dyn Write,
    ) -> Result<Got, Refused> {
        self.fetch(url, origin, known, kind, &mut Sink::Writer(out))
    }

    /// Downloads the PDF at `url` into the file `to.part` (see [`Resumable`]): when a stopped
    /// run left the start of it there, with the validators of that version in `to.meta`, only
    /// the rest is asked for (`Range` with `If-Range`), and the server sends the whole again
    /// if the PDF has changed since. The file holds the whole body when this returns a body.
    pub fn download(
        &self,
        url: &Url,
        origin: &str,
        known: &Validators,
        to: Resumable<'_>,
    ) -> Result<Got, Refused> {
        let had = std::fs::metadata(to.part).map_or(0, |m| m.len());
        let resume = to.validator().filter(|_| had > 0).map(|validator| (had, validator));
        self.fetch(url, origin, known, Kind::Pdf, &mut Sink::File { to, resume })
    }

    fn fetch(
        &self,
        url: &Url,
        origin: &str,
        known: &Validators,
        kind: Kind,
        out: &mut Sink<'_>,
    ) -> Result<Got, Refused> {
        let mut url = url.clone();
        for _ in 0..=MAX_REDIRECTS {
            let key = self.check_host(&url, origin)?;
            if kind != Kind::Robots {
                self.check_robots(&url, &key)?;
            }
            match self.exchange(&url, &key, known, kind, out)? {
                Exchange::Done(got) => return Ok(got),
                Exchange::Redirect(to) => url = to,
            }
        }
        Err(Refused::Redirect(format!("more than {MAX_REDIRECTS} redirects")))
    }

    /// Refuses an address that is not http(s) or not on an allowed host; returns the
    /// `host:port` key of its host. The source's own host is allowed on any port (a site
    /// moving from http to https) and with or without `www.` (the usual redirect between them).
    fn check_host(&self, url: &Url, origin: &str) -> Result<String, Refused> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Refused::Scheme(url.to_string()));
        }
        let key = host_key(url).ok_or_else(|| Refused::Scheme(url.to_string()))?;
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let port = url.port_or_known_default().unwrap_or(0);
        let origin = origin.to_ascii_lowercase();
        let bare = |h: &str| h.strip_prefix("www.").unwrap_or(h).to_string();
        let own = host == origin || bare(&host) == bare(&origin);
        if !own && !self.allowed.allows(&host, port) {
            return Err(Refused::OtherHost(key));
        }
        Ok(key)
    }

    fn host(&self, key: &str) -> Arc<Mutex<Host>> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts.entry(key.to_string()).or_default().clone()
    }

    /// Reads the host's robots.txt if this run has not, and refuses what it disallows.
    fn check_robots(&self, url: &Url, key: &str) -> Result<(), Refused> {
        let host = self.host(key);
        let known = host.lock().unwrap_or_else(|e| e.into_inner()).robots.clone();
        let robots = match known {
            Some(robots) => robots,
            None => {
                let name = url.host_str().unwrap_or_default().to_string();
                let robots = self.robots_files.read(url, key, |at, text| {
                    self.get(at, &name, &Validators::default(), Kind::Robots, text).map(drop)
                })?;
                host.lock().unwrap_or_else(|e| e.into_inner()).robots = Some(robots.clone());
                robots
            }
        };
        if robots.is_absolute_allowed(url) { Ok(()) } else { Err(Refused::Robots(key.to_string())) }
    }

    /// One request and its answer, holding the host for their whole length; a 429 or 503 is
    /// tried again after the wait the server asks for (or a growing one).
    fn exchange(
        &self,
        url: &Url,
        key: &str,
        known: &Validators,
        kind: Kind,
        out: &mut Sink<'_>,
    ) -> Result<Exchange, Refused> {
        let host = self.host(key);
        let mut attempt = 0;
        loop {
            let mut slot = host.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(last) = slot.last {
                let delay =
                    self.delay.max(slot.robots.as_ref().and_then(crawl_delay).unwrap_or_default());
                let ready = last + delay;
                let now = Instant::now();
                if ready > now {
                    std::thread::sleep(ready - now);
                }
            }
            let answer = self.send(url, known, kind, out);
            let result = match answer {
                Ok(response) => self.answer(url, response, kind, out),
                Err(refused) => Err(refused),
            };
            slot.last = Some(Instant::now());
            drop(slot);
            match result {
                Err(Retry(wait)) if attempt < self.limits.retries => {
                    let wait =
                        wait.unwrap_or(self.delay.max(Duration::from_secs(1)) * 2u32.pow(attempt));
                    if wait > self.limits.max_retry_wait {
                        return Err(Refused::RetryLater(wait.as_secs()));
                    }
                    std::thread::sleep(wait);
                    attempt += 1;
                }
                Err(Retry(wait)) => {
                    return Err(Refused::RetryLater(wait.unwrap_or_default().as_secs()));
                }
                Err(Fail(refused)) => return Err(refused),
                Ok(exchange) => return Ok(exchange),
            }
        }
    }

    fn send(
        &self,
        url: &Url,
        known: &Validators,
        kind: Kind,
        sink: &Sink<'_>,
    ) -> Result<Response<ureq::Body>, Outcome> {
        let whole = match kind {
            Kind::Pdf => self.limits.pdf_time,
            Kind::Page | Kind::Robots => self.limits.page_time,
        };
        let mut request = self.agent.get(url.as_str());
        if let Some(etag) = &known.etag {
            request = request.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(date) = &known.last_modified {
            request = request.header(header::IF_MODIFIED_SINCE, date);
        }
        if let Sink::File { resume: Some((from, validator)), .. } = sink {
            request = request.header(header::RANGE, format!("bytes={from}-"));
            request = request.header(header::IF_RANGE, validator);
        }
        request = request.header(
            header::ACCEPT,
            match kind {
                Kind::Pdf => "application/pdf,*/*;q=0.5",
                Kind::Page => "text/html,application/xhtml+xml,*/*;q=0.5",
                Kind::Robots => "text/plain,*/*;q=0.5",
            },
        );
        self.requests.fetch_add(1, Ordering::Relaxed);
        if !known.is_empty() {
            self.conditional.fetch_add(1, Ordering::Relaxed);
        }
        request
            .config()
            .timeout_global(Some(whole))
            .build()
            .call()
            .map_err(|err| Fail(refusal(err)))
    }

    /// Reads an answer: a redirect's target, "not modified", a body into `out`, or why not.
    fn answer(
        &self,
        url: &Url,
        mut response: Response<ureq::Body>,
        kind: Kind,
        out: &mut Sink<'_>,
    ) -> Result<Exchange, Outcome> {
        let status = response.status();
        if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
            let location = response
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .ok_or_else(|| {
                Fail(Refused::Redirect(format!("HTTP {} without a Location", status.as_u16())))
            })?;
            let to = url
                .join(location)
                .map_err(|_| Fail(Refused::Redirect(format!("a redirect to {location:?}"))))?;
            return Ok(Exchange::Redirect(to));
        }
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Exchange::Done(Got::NotModified));
        }
        if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
            return Err(Retry(retry_after(&response)));
        }
        if !status.is_success() {
            return Err(Fail(Refused::Status(status.as_u16())));
        }
        let limit = match kind {
            Kind::Pdf => self.limits.pdf_bytes,
            Kind::Page => self.limits.page_bytes,
            Kind::Robots => 512 << 10,
        };
        if response.body().content_length().is_some_and(|n| n > limit) {
            return Err(Fail(Refused::TooLarge(limit)));
        }
        let validators = Validators::of(&response);
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let file_name = response
            .headers()
            .get(header::CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .and_then(disposition_file_name);
        let partial = status == StatusCode::PARTIAL_CONTENT;
        let content_range = response
            .headers()
            .get(header::CONTENT_RANGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let mut reader = response.body_mut().as_reader();
        let (len, sha256) = match out {
            Sink::Writer(out) if !partial => copy_checked(&mut reader, *out, limit, kind),
            Sink::File { to, resume } => {
                let from = resume.as_ref().map(|(from, _)| *from);
                if partial && (from.is_none() || content_range_start(&content_range) != from) {
                    // Not the rest that was asked for: start again next time.
                    let _ = std::fs::remove_file(to.part);
                    Err(Refused::Status(206))
                } else {
                    to.write_body(&mut reader, limit, &validators, from.filter(|_| partial))
                }
            }
            Sink::Writer(_) => Err(Refused::Status(206)),
        }
        .map_err(Fail)?;
        Ok(Exchange::Done(Got::Body(Box::new(Body {
            url: url.clone(),
            validators,
            content_type,
            file_name,
            len,
            sha256,
        }))))
    }
}

/// Where an answer's body goes.
enum Sink<'a> {
    /// A writer, from the start.
    Writer(&'a mut dyn Write),
    /// A download's file, maybe after what a stopped run left: `resume` is its length and the
    /// validator of its version.
    File { to: Resumable<'a>, resume: Option<(u64, String)> },
}

enum Exchange {
    Done(Got),
    Redirect(Url),
}

/// Why an exchange did not give an answer: try again (after the wait the server asked for),
/// or give up.
enum Outcome {
    Retry(Option<Duration>),
    Fail(Refused),
}
use Outcome::{Fail, Retry};

impl From<Refused> for Outcome {
    fn from(refused: Refused) -> Outcome {
        Fail(refused)
    }
}

/// The `host:port` of an address (the port always written), the key of the politeness rules.
pub fn host_key(url: &Url) -> Option<String> {
    let host = url.host_str()?;
    Some(format!("{}:{}", host.to_ascii_lowercase(), url.port_or_known_default()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sources_own_host_is_allowed_on_any_port_and_with_or_without_www() {
        let client = Client::new(
            "mailto:tests@casebook.example",
            Duration::ZERO,
            Limits::default(),
            AllowedHosts::default(),
            HashMap::new(),
        );
        let ok = |url: &str| client.check_host(&Url::parse(url).unwrap(), "board.example").is_ok();
        assert!(ok("http://board.example/reviews"));
        assert!(ok("https://board.example:8443/reviews"));
        assert!(ok("https://www.board.example/reviews"));
        assert!(ok("https://BOARD.example/reviews"));
        assert!(!ok("https://other.example/reviews"));
        assert!(!ok("https://board.example.other.example/"));
        assert!(!ok("https://wwwboard.example/"));
        assert!(!ok("ftp://board.example/"));
        assert!(!ok("file:///etc/passwd"));
    }
}
