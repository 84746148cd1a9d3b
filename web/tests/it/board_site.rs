//! Fictional board websites on loopback, made from `corpus/boards/`, for the fetch tests and
//! the fetch benchmark: listing pages in several real shapes and hostile answers, and a
//! second server that only counts the requests that reach it.
//!
//! Every answer carries an `ETag`, and a request that sends it back gets 304; the site counts
//! requests by path, and whether they were conditional.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// One request as the site saw it.
#[derive(Clone, Debug)]
pub(crate) struct Seen {
    pub(crate) path: String,
    pub(crate) conditional: bool,
    pub(crate) status: u16,
    pub(crate) user_agent: String,
    pub(crate) host: String,
    pub(crate) range: String,
    pub(crate) at: Instant,
    pub(crate) ended: Option<Instant>,
}

#[derive(Default)]
pub(crate) struct Log {
    pub(crate) seen: Mutex<Vec<Seen>>,
    pub(crate) in_flight: AtomicUsize,
    pub(crate) most_in_flight: AtomicUsize,
    /// Bytes of `/slow/big.pdf` sent so far.
    pub(crate) big_sent: AtomicUsize,
}

impl Log {
    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub(crate) fn hits(&self, path: &str) -> Vec<Seen> {
        self.seen().into_iter().filter(|s| s.path == path).collect()
    }

    pub(crate) fn clear(&self) {
        self.seen.lock().unwrap().clear();
    }
}

/// A running site.
pub(crate) struct Site {
    pub(crate) addr: SocketAddr,
    pub(crate) log: Arc<Log>,
    _runtime: tokio::runtime::Runtime,
}

impl Site {
    /// `http://127.0.0.1:PORT`.
    pub(crate) fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base())
    }
}

struct Pages {
    base: String,
    /// PDFs by file name (from every board of the corpus).
    pdfs: HashMap<String, Bytes>,
    /// Listing pages by path.
    pages: HashMap<String, (Bytes, &'static str)>,
    log: Arc<Log>,
    busy_once: AtomicUsize,
    other: Option<String>,
}

/// The corpus' boards folder.
pub(crate) fn boards() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/boards")
}

/// Starts the counting server on `ip` (a loopback address): every request is logged and
/// answered 404.
pub(crate) fn counting(ip: &str) -> Site {
    start(ip, None, None)
}

/// Starts a board site on 127.0.0.1; `other` is the counting server's base, which some hostile
/// links point at; `boards` the corpus boards served under `/<board>/`.
pub(crate) fn board_site(other: &str, boards: &[&str]) -> Site {
    start("127.0.0.1", Some(other.to_string()), Some(boards))
}

fn start(ip: &str, other: Option<String>, boards: Option<&[&str]>) -> Site {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind((ip, 0)))
        .unwrap_or_else(|err| panic!("binding {ip}: {err}"));
    let addr = listener.local_addr().unwrap();
    let log = Arc::new(Log::default());
    let base = format!("http://{addr}");
    let pages = Arc::new(match boards {
        Some(boards) => make_pages(&base, other.as_deref().unwrap_or(""), boards, log.clone()),
        None => Pages {
            base,
            pdfs: HashMap::new(),
            pages: HashMap::new(),
            log: log.clone(),
            busy_once: AtomicUsize::new(0),
            other: None,
        },
    });
    let app = Router::new().fallback(answer).with_state(pages);
    runtime.spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    Site { addr, log, _runtime: runtime }
}

/// A one-page PDF saying `text`, small enough to be served 500 times.
pub(crate) fn tiny_pdf(text: &str) -> Vec<u8> {
    crate::support::simple_pdf(&[text])
}

fn make_pages(base: &str, other: &str, boards_served: &[&str], log: Arc<Log>) -> Pages {
    let mut pdfs = HashMap::new();
    for entry in walk(&boards()) {
        if entry.extension().is_some_and(|e| e == "pdf") {
            let name = entry.file_name().unwrap().to_string_lossy().into_owned();
            pdfs.insert(name, Bytes::from(std::fs::read(&entry).unwrap()));
        }
    }
    let html = "text/html; charset=utf-8";
    let mut pages: HashMap<String, (Bytes, &'static str)> = HashMap::new();
    for (n, board) in boards_served.iter().enumerate() {
        let page = std::fs::read_to_string(boards().join(board).join("index.html")).unwrap();
        // Links to the board's made-up domain become absolute links to this site (odd boards)
        // or root-relative ones (even boards), as boards' CMSs write both.
        let mut rewritten = page.clone();
        for domain in domains(&page) {
            let to = if n % 2 == 1 { base.to_string() } else { String::new() };
            rewritten = rewritten.replace(&domain, &to);
        }
        pages.insert(format!("/{board}/"), (Bytes::from(rewritten), html));
    }
    // Links whose text is only "here", under headings, relative and absolute.
    let here = format!(
        "<html><head><title>Hallowmere Safeguarding Partnership</title></head><body><main>\
         <h2>Published reviews</h2>\
         <h3>Child Q: Local Child Safeguarding Practice Review (March 2023)</h3>\
         <p>Find the full report <a href=\"docs/q.pdf\">here</a>.</p>\
         <h3>Adult T: Safeguarding Adults Review (June 2022)</h3>\
         <p>Read it <a href=\"{base}/docs/t.pdf\">here</a>.</p></main></body></html>"
    );
    pages.insert("/shapes/here.html".into(), (Bytes::from(here), html));
    pdfs.insert(
        "q.pdf".into(),
        Bytes::from(tiny_pdf("Child Q practice review: neglect and missed appointments")),
    );
    pdfs.insert(
        "t.pdf".into(),
        Bytes::from(tiny_pdf("Adult T safeguarding adults review: self-neglect")),
    );
    // Accordions: a <details> per review, and a CMS's collapsible panels.
    let accordion = "<html><body><h1>Safeguarding Adults Reviews</h1>\
         <details><summary>Adult V: Safeguarding Adults Review (published 14 July 2021)</summary>\
         <p>Adult V lived alone. <a href=\"/docs/v.pdf\">Download the report (PDF, 1.2 MB)</a></p></details>\
         <div class=\"accordion-item\"><h3 class=\"accordion-header\"><button class=\"accordion-button\" \
         type=\"button\">Mr W: Safeguarding Adults Review, 2020</button></h3><div class=\"accordion-collapse \
         collapse\"><div class=\"accordion-body\"><a href=\"/docs/w.pdf\">Full report</a></div></div></div>\
         </body></html>";
    pages.insert("/shapes/accordion.html".into(), (Bytes::from(accordion), html));
    pdfs.insert("v.pdf".into(), Bytes::from(tiny_pdf("Adult V safeguarding adults review")));
    pdfs.insert("w.pdf".into(), Bytes::from(tiny_pdf("Mr W safeguarding adults review")));
    // A CMS's download addresses, without .pdf.
    let downloads = "<html><body><h1>Learning from reviews</h1><ul>\
         <li><a href=\"/downloads/file/77/child-x-overview-report\">Child X overview report</a></li>\
         <li><a href=\"/documents/s/12345\">Child Y: read the report (PDF, 300 KB)</a></li>\
         <li><a href=\"/downloads/file/78/easy-read-version\">Easy read version</a></li>\
         <li><a href=\"/about-us\">About us</a></li></ul></body></html>";
    pages.insert("/shapes/downloads.html".into(), (Bytes::from(downloads), html));
    // A PDF behind a redirect, and a page in Windows-1252 that says so nowhere.
    let redirect = "<html><body><ul><li><a href=\"/go/child-m\u{2d}scr.pdf\">Child M serious case review (2016)</a></li></ul></body></html>";
    pages.insert("/shapes/redirect.html".into(), (Bytes::from(redirect), html));
    pdfs.insert("child-m-scr.pdf".into(), Bytes::from(tiny_pdf("Child M serious case review")));
    let mut latin1 = b"<html><body><table><tr><th>Review</th><th>Published</th></tr>\
        <tr><td><a href=\"/docs/zoe.pdf\">Child \xc9 \x96 serious case review</a></td><td>May 2018</td></tr>\
        </table></body></html>"
        .to_vec();
    latin1.shrink_to_fit();
    pages.insert("/shapes/latin1.html".into(), (Bytes::from(latin1), "text/html"));
    pdfs.insert("zoe.pdf".into(), Bytes::from(tiny_pdf("Child E serious case review: bruising")));
    // 500 links.
    let many: String =
        (1..=500).map(|n| format!("<li><a href=\"/many/r{n}.pdf\">Review {n}</a></li>")).collect();
    pages.insert(
        "/shapes/many.html".into(),
        (Bytes::from(format!("<html><body><ul>{many}</ul></body></html>")), html),
    );
    // Hostile links.
    let hostile = format!(
        "<html><body><h1>Hostile Safeguarding Board</h1><ul>\
         <li><a href=\"/private/secret.pdf\">Disallowed by robots.txt</a></li>\
         <li><a href=\"/loop/a.pdf\">A redirect loop</a></li>\
         <li><a href=\"/escape.pdf\">A redirect to another loopback address</a></li>\
         <li><a href=\"{other}/direct.pdf\">A link to another loopback address</a></li>\
         <li><a href=\"/endless.pdf\">An endless body</a></li>\
         <li><a href=\"/slow.pdf\">One byte a second</a></li>\
         <li><a href=\"/html-as-pdf.pdf\">An HTML page served as a PDF</a></li>\
         <li><a href=\"/pdf-as-html.pdf\">A PDF served as text/html</a></li>\
         <li><a href=\"/missing.pdf\">Not found</a></li>\
         <li><a href=\"/error.pdf\">A server error</a></li>\
         <li><a href=\"/busy.pdf\">Too many requests</a></li>\
         <li><a href=\"ftp://127.0.0.1/x.pdf\">Not http</a></li>\
         </ul></body></html>"
    );
    pages.insert("/hostile.html".into(), (Bytes::from(hostile), html));
    pdfs.insert("pdf-as-html.pdf".into(), Bytes::from(tiny_pdf("Served as text/html")));
    pdfs.insert("busy.pdf".into(), Bytes::from(tiny_pdf("Served after a 429")));
    // The crash test's page: a small PDF, then a large one sent slowly.
    let crash = "<html><body><a href=\"/slow/small.pdf\">Small review</a> <a href=\"/slow/big.pdf\">Big review</a></body></html>";
    pages.insert("/shapes/crash.html".into(), (Bytes::from(crash), html));
    pdfs.insert("small.pdf".into(), Bytes::from(tiny_pdf("A small review")));
    Pages {
        base: base.to_string(),
        pdfs,
        pages,
        log,
        busy_once: AtomicUsize::new(0),
        other: Some(other.to_string()),
    }
}

/// The big PDF of the crash test: a real PDF padded with a comment to 2 MB.
pub(crate) fn big_pdf() -> Vec<u8> {
    let mut pdf = tiny_pdf("A big review, sent slowly");
    let end = pdf.len();
    pdf.extend(std::iter::repeat_n(b'%', 2 << 20));
    pdf.truncate(end + (2 << 20));
    pdf.push(b'\n');
    pdf
}

fn domains(page: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in page.split("https://").skip(1) {
        let host: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        if host.ends_with(".example") {
            let domain = format!("https://{host}");
            if !out.contains(&domain) {
                out.push(domain);
            }
        }
    }
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn etag_of(bytes: &[u8]) -> String {
    format!("\"{}\"", &blake3::hash(bytes).to_hex()[..16])
}

struct InFlight(Arc<Log>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn answer(State(pages): State<Arc<Pages>>, request: Request) -> Response {
    let log = pages.log.clone();
    let now = log.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    log.most_in_flight.fetch_max(now, Ordering::SeqCst);
    let guard = InFlight(log.clone());
    let path = request.uri().path().to_string();
    let headers = request.headers().clone();
    drop(request);
    let header = |name| {
        headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok()).unwrap_or("").to_string()
    };
    let if_none_match = header(header::IF_NONE_MATCH);
    let seen = Seen {
        path: path.clone(),
        conditional: !if_none_match.is_empty() || !header(header::IF_MODIFIED_SINCE).is_empty(),
        status: 0,
        user_agent: header(header::USER_AGENT),
        host: header(header::HOST),
        range: header(header::RANGE),
        at: Instant::now(),
        ended: None,
    };
    let (range, if_range) = (header(header::RANGE), header(header::IF_RANGE));
    let response = route(&pages, &path, &if_none_match, &range, &if_range).await;
    drop(guard);
    let mut seen = seen;
    seen.status = response.status().as_u16();
    seen.ended = Some(Instant::now());
    log.seen.lock().unwrap().push(seen);
    response
}

fn body(bytes: Bytes, content_type: &str, if_none_match: &str) -> Response {
    let etag = etag_of(&bytes);
    if if_none_match == etag {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    ([(header::CONTENT_TYPE, content_type.to_string()), (header::ETAG, etag)], bytes)
        .into_response()
}

fn redirect(to: &str) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to.to_string())]).into_response()
}

/// The start of a `Range: bytes=N-` header.
fn range_from(range: &str) -> Option<usize> {
    range.strip_prefix("bytes=")?.strip_suffix('-')?.parse().ok()
}

async fn route(
    pages: &Pages,
    path: &str,
    if_none_match: &str,
    range: &str,
    if_range: &str,
) -> Response {
    if pages.other.is_none() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let other = pages.other.as_deref().unwrap_or("");
    match path {
        "/robots.txt" => {
            return body(
                Bytes::from_static(b"User-agent: *\nDisallow: /private/\n"),
                "text/plain",
                if_none_match,
            );
        }
        "/loop/a.pdf" => return redirect("/loop/b.pdf"),
        "/loop/b.pdf" => return redirect("/loop/a.pdf"),
        "/escape.pdf" => return redirect(&format!("{other}/escaped.pdf")),
        "/endless.pdf" => {
            // 10 GB announced by nothing: a PDF header and then zeros, forever.
            let stream = endless_stream(10u64 << 30);
            return ([(header::CONTENT_TYPE, "application/pdf")], Body::from_stream(stream))
                .into_response();
        }
        "/slow.pdf" => {
            let stream = slow_stream(b"%PDF-1.4\n".repeat(100), 1, Duration::from_secs(1), None);
            return ([(header::CONTENT_TYPE, "application/pdf")], Body::from_stream(stream))
                .into_response();
        }
        "/slow/big.pdf" => {
            // Sent slowly, with an ETag, and from a byte on when asked with a matching If-Range.
            let pdf = big_pdf();
            let etag = etag_of(&pdf);
            let from = range_from(range).filter(|_| if_range == etag).unwrap_or(0);
            let total = pdf.len();
            let rest = pdf[from.min(total)..].to_vec();
            let stream =
                slow_stream(rest, 64 << 10, Duration::from_millis(150), Some(pages.log.clone()));
            let headers =
                [(header::CONTENT_TYPE, "application/pdf".to_string()), (header::ETAG, etag)];
            let mut response = (headers, Body::from_stream(stream)).into_response();
            if from > 0 {
                *response.status_mut() = StatusCode::PARTIAL_CONTENT;
                response.headers_mut().insert(
                    header::CONTENT_RANGE,
                    HeaderValue::from_str(&format!("bytes {from}-{}/{total}", total - 1)).unwrap(),
                );
            }
            return response;
        }
        "/html-as-pdf.pdf" => {
            return body(
                Bytes::from_static(b"<!DOCTYPE html><html><body>Sorry</body></html>"),
                "application/pdf",
                if_none_match,
            );
        }
        "/error.pdf" => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        "/busy.pdf" if pages.busy_once.fetch_add(1, Ordering::SeqCst) == 0 => {
            return (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response();
        }
        _ => {}
    }
    match path {
        "/downloads/file/77/child-x-overview-report" => {
            let pdf = Bytes::from(tiny_pdf("Child X overview report: neglect"));
            return (
                [
                    (header::CONTENT_TYPE, "application/octet-stream"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"Child X - Overview Report.pdf\"",
                    ),
                ],
                pdf,
            )
                .into_response();
        }
        "/documents/s/12345" => {
            return body(Bytes::from(tiny_pdf("Child Y review")), "application/pdf", if_none_match);
        }
        "/downloads/file/78/easy-read-version" => {
            return body(
                Bytes::from_static(b"<html><body>Easy read</body></html>"),
                "text/html",
                if_none_match,
            );
        }
        _ => {}
    }
    if let Some(name) = path.strip_prefix("/go/") {
        return redirect(&format!("{}/files/9f3a/{name}", pages.base));
    }
    if let Some((bytes, content_type)) = pages.pages.get(path) {
        return body(bytes.clone(), content_type, if_none_match);
    }
    let name = path.rsplit('/').next().unwrap_or("");
    if let Some(n) = path.strip_prefix("/many/r").and_then(|p| p.strip_suffix(".pdf")) {
        return body(
            Bytes::from(tiny_pdf(&format!("Review {n} of many"))),
            "application/pdf",
            if_none_match,
        );
    }
    match pages.pdfs.get(name) {
        Some(bytes) if name == "pdf-as-html.pdf" => body(bytes.clone(), "text/html", if_none_match),
        Some(bytes) => body(bytes.clone(), "application/pdf", if_none_match),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `%PDF-1.7` and then zeros, `total` bytes in all, as fast as the reader takes them.
fn endless_stream(total: u64) -> ReceiverStream {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::spawn(async move {
        let chunk = Bytes::from(vec![0u8; 64 << 10]);
        if tx.send(Ok(Bytes::from_static(b"%PDF-1.7\n"))).await.is_err() {
            return;
        }
        let mut sent = 0u64;
        while sent < total {
            if tx.send(Ok(chunk.clone())).await.is_err() {
                return;
            }
            sent += chunk.len() as u64;
        }
    });
    ReceiverStream(rx)
}

/// `bytes` sent `chunk` bytes at a time with `pause` between chunks.
fn slow_stream(
    bytes: Vec<u8>,
    chunk: usize,
    pause: Duration,
    log: Option<Arc<Log>>,
) -> ReceiverStream {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(1);
    tokio::spawn(async move {
        for piece in bytes.chunks(chunk) {
            if tx.send(Ok(Bytes::copy_from_slice(piece))).await.is_err() {
                return;
            }
            if let Some(log) = &log {
                log.big_sent.fetch_add(piece.len(), Ordering::SeqCst);
            }
            tokio::time::sleep(pause).await;
        }
    });
    ReceiverStream(rx)
}

struct ReceiverStream(tokio::sync::mpsc::Receiver<Result<Bytes, std::io::Error>>);

impl futures_core::Stream for ReceiverStream {
    type Item = Result<Bytes, std::io::Error>;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}
