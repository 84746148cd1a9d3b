//! Reading an answer: its headers (validators, Retry-After, file name), its body checked as it
//! comes (size, what it is) and hashed, the limits on both, and the reasons a resource is
//! refused, in words a user can act on.

use std::io::{Read, Write};
use std::time::Duration;

use sha2::Digest;
use ureq::http::{Response, header};

use super::address::AddressRefused;

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
    pub(super) fn of<B>(response: &Response<B>) -> Validators {
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

/// `Retry-After` as seconds or as an HTTP date.
pub(super) fn retry_after<B>(response: &Response<B>) -> Option<Duration> {
    let value = response.headers().get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(std::time::SystemTime::now()).unwrap_or_default())
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
    /// More than five redirects, or a redirect without a target.
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

/// `filename="child-u.pdf"` from a Content-Disposition header.
pub(super) fn disposition_file_name(value: &str) -> Option<String> {
    value.split(';').map(str::trim).find_map(|part| {
        let (name, v) = part.split_once('=')?;
        (name.trim().eq_ignore_ascii_case("filename"))
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

/// Copies a body to `out`, refusing it past `limit` bytes or when it is not what `kind` says;
/// returns its length and SHA-256.
pub(super) fn copy_checked(
    reader: &mut dyn Read,
    out: &mut dyn Write,
    limit: u64,
    kind: Kind,
) -> Result<(u64, String), Refused> {
    copy_from(reader, out, limit, kind, Start::default())
}

/// What a body already has: the start of a download that a stopped run wrote.
#[derive(Default)]
pub(super) struct Start {
    hasher: sha2::Sha256,
    len: u64,
    head: Vec<u8>,
}

impl Start {
    /// The bytes of `file` from its start, hashed (the body goes on after them).
    pub(super) fn of_file(file: &mut std::fs::File) -> std::io::Result<Start> {
        use std::io::Seek;
        file.seek(std::io::SeekFrom::Start(0))?;
        let mut start = Start::default();
        let mut buf = vec![0u8; 64 << 10];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            start.take(&buf[..n]);
        }
        Ok(start)
    }

    /// How many bytes it holds.
    pub(super) fn len(&self) -> u64 {
        self.len
    }

    fn take(&mut self, chunk: &[u8]) {
        let room = 1024usize.saturating_sub(self.head.len()).min(chunk.len());
        self.head.extend_from_slice(&chunk[..room]);
        self.hasher.update(chunk);
        self.len += chunk.len() as u64;
    }
}

/// [`copy_checked`] of a body that goes on after `start`: the limit and the check of the first
/// bytes apply to the whole, and the hash is the whole's.
pub(super) fn copy_from(
    reader: &mut dyn Read,
    out: &mut dyn Write,
    limit: u64,
    kind: Kind,
    mut start: Start,
) -> Result<(u64, String), Refused> {
    let mut checked = start.head.len() >= 1024;
    if checked {
        check_content(&start.head, kind)?;
    }
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(read_error(&err)),
        };
        if start.len + n as u64 > limit {
            return Err(Refused::TooLarge(limit));
        }
        let chunk = &buf[..n];
        start.take(chunk);
        if !checked && (start.head.len() >= 1024 || kind != Kind::Pdf) {
            check_content(&start.head, kind)?;
            checked = true;
        }
        out.write_all(chunk).map_err(|err| Refused::Io(format!("writing: {err}")))?;
    }
    if !checked {
        check_content(&start.head, kind)?;
    }
    let digest = start.hasher.finalize();
    Ok((start.len, digest.iter().map(|b| format!("{b:02x}")).collect()))
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

pub(super) fn refusal(err: ureq::Error) -> Refused {
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
    fn content_disposition_names_a_file() {
        assert_eq!(
            disposition_file_name(r#"attachment; filename="Child U SCR.pdf""#).as_deref(),
            Some("Child U SCR.pdf")
        );
        assert_eq!(disposition_file_name("inline"), None);
    }
}
