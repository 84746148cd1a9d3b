//! The polite HTTP client: one request at a time per host with a delay between them,
//! robots.txt, conditional requests, redirects checked hop by hop, Retry-After and back-off,
//! and limits on size and time. Every connection goes through [`CheckedResolver`].

use std::collections::HashMap;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sha2::Digest;
use ureq::http::{Response, StatusCode, header};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use url::Url;

use super::address::{AddressRefused, AllowedHosts, check_addresses};

/// Redirects followed for one request, each checked like the first address.
pub const MAX_REDIRECTS: usize = 5;

/// Limits on what one request may cost.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest listing page, in bytes.
    pub page_bytes: u64,
    /// Largest PDF, in bytes.
    pub pdf_bytes: u64,
    /// Time to connect to a host.
    pub connect: Duration,
    /// Time to wait for the answer's headers, and for each read of its body.
    pub read: Duration,
    /// Time for a whole listing page (or robots.txt), from connecting to its last byte.
    pub page_time: Duration,
    /// Time for a whole PDF.
    pub pdf_time: Duration,
    /// Longest wait a server may ask for with Retry-After before the request is given up
    /// for this run.
    pub max_retry_wait: Duration,
    /// Tries after a 429 or 503 answer.
    pub retries: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            page_bytes: 8 << 20,
            pdf_bytes: 200 << 20,
            connect: Duration::from_secs(10),
            read: Duration::from_secs(30),
            page_time: Duration::from_secs(60),
            pdf_time: Duration::from_secs(600),
            max_retry_wait: Duration::from_secs(120),
            retries: 3,
        }
    }
}

/// What a server said about a version of a resource, sent back to ask whether it changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    /// The `ETag` header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

impl Validators {
    fn of<B>(response: &Response<B>) -> Validators {
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
                .filter(|v| !v.is_empty() && v.len() < 512)
        };
        Validators { etag: header(header::ETAG), last_modified: header(header::LAST_MODIFIED) }
    }

    /// Whether there is anything to send.
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// What a resource is expected to be: its body is checked for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An HTML listing page (a PDF body is refused).
    Page,
    /// A PDF (refused unless the body starts like one, whatever its Content-Type).
    Pdf,
    /// A robots.txt file.
    Robots,
}

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

/// Why a resource was not fetched.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// Not an http or https address.
    #[error("not an http(s) address: {0}")]
    Scheme(String),
    /// A host other than the source's, not allowed with `--allow-host`.
    #[error("{0} is not the source's host (allow it with --allow-host {0})")]
    OtherHost(String),
    /// The address check refused the host.
    #[error(transparent)]
    Address(AddressRefused),
    /// The host has no address, or the connection failed.
    #[error("cannot connect: {0}")]
    Connect(String),
    /// robots.txt disallows the path for Casebook.
    #[error("robots.txt of {0} disallows it")]
    Robots(String),
    /// robots.txt could not be read (a server error): nothing is fetched from the host.
    #[error("robots.txt of {host} could not be read ({reason}), so nothing is fetched there")]
    RobotsUnreachable {
        /// The origin.
        host: String,
        /// What happened.
        reason: String,
    },
    /// More than [`MAX_REDIRECTS`] redirects, or a redirect without a target.
    #[error("{0}")]
    Redirect(String),
    /// An answer other than success.
    #[error("HTTP {0}")]
    Status(u16),
    /// A 429 or 503 asking to come back later than the client waits.
    #[error("the server asks to retry after {0} s; left for a later run")]
    RetryLater(u64),
    /// Over the size limit.
    #[error("larger than the limit of {0} bytes")]
    TooLarge(u64),
    /// Over the time limit.
    #[error("timed out ({0})")]
    TimedOut(String),
    /// The body is not what the link promised.
    #[error("{0}")]
    WrongContent(String),
    /// Reading the answer, or writing it to disk, failed.
    #[error("{0}")]
    Io(String),
}

/// The resolver of every connection: the system's, with its answer checked by
/// [`check_addresses`], so that the connection is made to a checked address only.
#[derive(Debug)]
struct CheckedResolver {
    allowed: AllowedHosts,
    inner: DefaultResolver,
}

impl Resolver for CheckedResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let resolved = self.inner.resolve(uri, config, timeout)?;
        let host = uri.host().unwrap_or_default().trim_start_matches('[').trim_end_matches(']');
        let checked = check_addresses(host, resolved.iter().copied(), &self.allowed)
            .map_err(|refused| ureq::Error::Other(Box::new(refused)))?;
        let mut out = self.empty();
        for addr in checked {
            out.push(addr);
        }
        Ok(out)
    }
}

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
    robots_files: Mutex<HashMap<String, RobotsFile>>,
    requests: AtomicUsize,
    conditional: AtomicUsize,
}

/// The product token robots.txt rules are matched against.
pub const ROBOTS_AGENT: &str = "Casebook";

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
            robots_files: Mutex::new(robots_files),
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
        self.robots_files.lock().unwrap_or_else(|e| e.into_inner()).clone()
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
                let robots = self.read_robots(url, key)?;
                host.lock().unwrap_or_else(|e| e.into_inner()).robots = Some(robots.clone());
                robots
            }
        };
        if robots.is_absolute_allowed(url) { Ok(()) } else { Err(Refused::Robots(key.to_string())) }
    }

    /// robots.txt of the host, from the last run's copy if it is recent, else read now
    /// (RFC 9309: a missing file allows everything, a server error nothing).
    fn read_robots(&self, url: &Url, key: &str) -> Result<robotxt::Robots, Refused> {
        let now = now_ms();
        let cached = self.robots_files.lock().unwrap_or_else(|e| e.into_inner()).get(key).cloned();
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
        let host = url.host_str().unwrap_or_default().to_string();
        let file =
            match self.get(&robots_url, &host, &Validators::default(), Kind::Robots, &mut text) {
                Ok(_) => RobotsFile {
                    text: Some(String::from_utf8_lossy(&text).into_owned()),
                    read_ms: now,
                },
                Err(Refused::Status(status)) if (400..500).contains(&status) => {
                    RobotsFile { text: None, read_ms: now }
                }
                Err(
                    refused @ (Refused::Address(_) | Refused::OtherHost(_) | Refused::Scheme(_)),
                ) => {
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
        self.robots_files.lock().unwrap_or_else(|e| e.into_inner()).insert(key.to_string(), file);
        Ok(robots)
    }

    /// One request and its answer, holding the host for their whole length; a 429 or 503 is
    /// tried again after the wait the server asks for (or a growing one).
    fn exchange(
        &self,
        url: &Url,
        key: &str,
        known: &Validators,
        kind: Kind,
        out: &mut dyn Write,
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
            let answer = self.send(url, known, kind);
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
        out: &mut dyn Write,
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
        let mut reader = response.body_mut().as_reader();
        let (len, sha256) = copy_checked(&mut reader, out, limit, kind).map_err(Fail)?;
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

fn parse_robots(text: Option<&str>) -> robotxt::Robots {
    match text {
        Some(text) => robotxt::Robots::from_bytes(text.as_bytes(), ROBOTS_AGENT),
        None => robotxt::Robots::from_always(true, ROBOTS_AGENT),
    }
}

/// The Crawl-delay robots.txt asks for, at most a minute.
fn crawl_delay(robots: &robotxt::Robots) -> Option<Duration> {
    robots.crawl_delay().map(|d| d.min(Duration::from_secs(60)))
}

/// `Retry-After` as seconds or as an HTTP date.
fn retry_after<B>(response: &Response<B>) -> Option<Duration> {
    let value = response.headers().get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(std::time::SystemTime::now()).unwrap_or_default())
}

/// `filename="child-u.pdf"` from a Content-Disposition header.
fn disposition_file_name(value: &str) -> Option<String> {
    value.split(';').map(str::trim).find_map(|part| {
        let (name, v) = part.split_once('=')?;
        (name.trim().eq_ignore_ascii_case("filename"))
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

/// Copies a body to `out`, refusing it past `limit` bytes or when it is not what `kind` says;
/// returns its length and SHA-256.
fn copy_checked(
    reader: &mut dyn Read,
    out: &mut dyn Write,
    limit: u64,
    kind: Kind,
) -> Result<(u64, String), Refused> {
    let mut hasher = sha2::Sha256::new();
    let mut head: Vec<u8> = Vec::new();
    let mut checked = false;
    let mut len = 0u64;
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(read_error(&err)),
        };
        len += n as u64;
        if len > limit {
            return Err(Refused::TooLarge(limit));
        }
        let chunk = &buf[..n];
        if !checked {
            head.extend_from_slice(&chunk[..chunk.len().min(1024 - head.len().min(1024))]);
            if head.len() >= 1024 || kind != Kind::Pdf {
                check_content(&head, kind)?;
                checked = true;
            }
        }
        hasher.update(chunk);
        out.write_all(chunk).map_err(|err| Refused::Io(format!("writing: {err}")))?;
    }
    if !checked {
        check_content(&head, kind)?;
    }
    let digest = hasher.finalize();
    Ok((len, digest.iter().map(|b| format!("{b:02x}")).collect()))
}

/// A PDF starts with `%PDF-` within its first 1,024 bytes (ISO 32000); a listing page is
/// anything but a PDF.
fn check_content(head: &[u8], kind: Kind) -> Result<(), Refused> {
    let is_pdf = head.windows(5).any(|w| w == b"%PDF-");
    match kind {
        Kind::Pdf if !is_pdf => {
            let start: String = String::from_utf8_lossy(&head[..head.len().min(24)])
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            Err(Refused::WrongContent(format!("not a PDF (it starts {:?})", start.trim())))
        }
        Kind::Page if head.starts_with(b"%PDF-") => {
            Err(Refused::WrongContent("a PDF, not a listing page".into()))
        }
        _ => Ok(()),
    }
}

fn read_error(err: &std::io::Error) -> Refused {
    if let Some(inner) = err.get_ref().and_then(|e| e.downcast_ref::<ureq::Error>()) {
        return refusal_of(inner);
    }
    match err.kind() {
        std::io::ErrorKind::TimedOut => Refused::TimedOut("reading the body".into()),
        _ => Refused::Io(format!("reading the body: {err}")),
    }
}

fn refusal(err: ureq::Error) -> Refused {
    refusal_of(&err)
}

fn refusal_of(err: &ureq::Error) -> Refused {
    match err {
        ureq::Error::Other(inner) => match inner.downcast_ref::<AddressRefused>() {
            Some(refused) => Refused::Address(refused.clone()),
            None => Refused::Connect(inner.to_string()),
        },
        ureq::Error::Timeout(which) => Refused::TimedOut(which.to_string()),
        ureq::Error::HostNotFound => Refused::Connect("the host cannot be resolved".into()),
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut => Refused::TimedOut(io.to_string()),
            _ => Refused::Connect(io.to_string()),
        },
        other => Refused::Connect(other.to_string()),
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_checked_by_their_first_bytes() {
        let mut out = Vec::new();
        let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n";
        let (len, sha) = copy_checked(&mut &pdf[..], &mut out, 1 << 20, Kind::Pdf).unwrap();
        assert_eq!((len, out.as_slice()), (pdf.len() as u64, &pdf[..]));
        assert_eq!(sha.len(), 64);
        let html = b"<!DOCTYPE html><html><body>Not found</body></html>";
        let err = copy_checked(&mut &html[..], &mut Vec::new(), 1 << 20, Kind::Pdf).unwrap_err();
        assert_eq!(err.to_string(), r#"not a PDF (it starts "<!DOCTYPE html><html><bo")"#);
        let err = copy_checked(&mut &pdf[..], &mut Vec::new(), 1 << 20, Kind::Page).unwrap_err();
        assert!(matches!(err, Refused::WrongContent(_)));
        let err = copy_checked(&mut &pdf[..], &mut Vec::new(), 10, Kind::Pdf).unwrap_err();
        assert_eq!(err, Refused::TooLarge(10));
    }

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

    #[test]
    fn content_disposition_names_a_file() {
        assert_eq!(
            disposition_file_name(r#"attachment; filename="Child U SCR.pdf""#).as_deref(),
            Some("Child U SCR.pdf")
        );
        assert_eq!(disposition_file_name("inline"), None);
    }
}
