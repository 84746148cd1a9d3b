//! Hostile requests against the real server on loopback, sent as raw bytes over TCP so that
//! nothing in a client library tidies them up: random bytes in query strings, very long and
//! deeply nested queries, unknown and repeated facets, invalid UTF-8, path traversal on every
//! route that takes a path or an id, huge and malformed form posts, odd methods and headers.
//!
//! Every request must get an answer below 500, and the server must still answer a real search
//! afterwards. The requests come from a seeded generator, so a failure can be replayed.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;

use crate::packs::serve_with_store;

/// How many requests the test sends in all.
const N_REQUESTS: usize = 10_400;
/// Requests in flight at once.
const CONCURRENCY: usize = 16;
/// Longest wait for one answer: the server's own limit is 10 s, after which it answers 408, so
/// this only bounds a test that would otherwise hang.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(120);

/// SplitMix64: small, seeded and good enough to vary requests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Percent-encodes every byte that is not unreserved, so that any bytes fit in a URL.
fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for &b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

const GET_ROUTES: &[&str] =
    &["/", "/api/search", "/themes", "/themes.csv", "/packs", "/contrast", "/api/taxonomy"];

/// Routes with a path segment that comes from the request: `{}` is replaced.
const ID_ROUTES: &[&str] = &[
    "/reviews/{}",
    "/api/reviews/{}",
    "/files/{}",
    "/packs/{}",
    "/packs/{}/export/docx",
    "/packs/00000000000000000000000000000000/export/{}",
    "/shared/{}",
    "/shared/{}/export/md",
    "/searches/{}",
    "/feeds/{}",
    "/feeds/{}.atom",
    "/static/{}",
];

const POST_ROUTES: &[&str] = &[
    "/packs",
    "/packs/current/items",
    "/searches",
    "/packs/{}/details",
    "/packs/{}/delete",
    "/packs/{}/items",
    "/packs/{}/sections",
    "/packs/{}/items/{}/move",
    "/searches/{}/delete",
];

const TRAVERSALS: &[&str] = &[
    "..",
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2fCargo.toml",
    "..%5c..%5cwindows%5cwin.ini",
    "%2e%2e",
    "....//....//etc/passwd",
    "%252e%252e%252f",
    "%00",
    "a%00.pdf",
    "%C0%AE%C0%AE%2F",
    "%FF%FE",
    "/etc/passwd",
    "%2Fetc%2Fpasswd",
    "~root",
    "index/meta.json",
    "..%2Findex%2Fmeta.json",
    "casebook.sqlite3",
    "..%2Fcasebook.sqlite3",
    "%20",
    "CON",
    "x.pdf%3F",
];

const QUERY_KEYS: &[&str] = &[
    "q",
    "theme",
    "risk",
    "type",
    "board",
    "year",
    "year_from",
    "year_to",
    "kind",
    "page",
    "per_page",
    "sort",
    "split",
    "group",
    "format",
    "pack",
    "back",
    "unknown",
    "q[]",
    "",
];

/// Query texts that stress the parser rather than the bytes.
fn nasty_query(rng: &mut Rng) -> String {
    let depth = 1 + rng.below(500);
    match rng.below(12) {
        0 => "(".repeat(depth) + "neglect" + &")".repeat(depth),
        1 => "(neglect AND ".repeat(depth.min(80)) + "x",
        2 => "NOT ".repeat(depth.min(200)) + "neglect",
        3 => "\"".repeat(depth),
        4 => format!("neglect^{}", rng.pick(&["1e309", "-1", "NaN", "99999999999999999999"])),
        5 => format!("{}:neglect", rng.pick(&["title", "text", "_id", "kind", "nofield", ""])),
        6 => "*".repeat(depth),
        7 => format!("neg{}", rng.pick(&["~", "~99", "*", "?", "[a TO z]", "/.*/", "{", "}"])),
        8 => "a OR ".repeat(depth.min(190)) + "b",
        9 => "+-".repeat(depth),
        10 => "\u{202e}\u{0000}\u{feff}neglect\u{10ffff}".to_string(),
        _ => "x".repeat(900 + rng.below(300)),
    }
}

/// A query string of random keys and values: random bytes, nasty queries, huge numbers.
fn query_string(rng: &mut Rng) -> String {
    let n_params = match rng.below(10) {
        0 => 60 + rng.below(200),
        _ => 1 + rng.below(6),
    };
    let mut params = Vec::new();
    for _ in 0..n_params {
        let key = rng.pick(QUERY_KEYS).to_string();
        let value = match rng.below(6) {
            0 => {
                let n = rng.below(40);
                encode(&rng.bytes(n))
            }
            1 => encode(nasty_query(rng).as_bytes()),
            2 => rng.pick(&["18446744073709551616", "-1", "0", "1e9", "4294967296"]).to_string(),
            3 => {
                encode(rng.pick(&["neglect", "Neglect", "domestic abuse", "toxic trio"]).as_bytes())
            }
            4 => rng.pick(&["%FF", "%C3%28", "%E2%82", "%ED%A0%80", "%", "%zz", "%%%"]).to_string(),
            _ => rng.pick(TRAVERSALS).to_string(),
        };
        params.push(format!("{key}={value}"));
    }
    if rng.below(8) == 0 {
        // Raw bytes, not encoded: what a broken client sends.
        let n = 1 + rng.below(20);
        let raw: String = rng.bytes(n).iter().map(|&b| (b % 94 + 33) as char).collect();
        params.push(raw);
    }
    params.join("&")
}

/// A form body: huge, malformed or plausible.
fn form_body(rng: &mut Rng) -> Vec<u8> {
    match rng.below(8) {
        0 => vec![b'a'; 70_000 + rng.below(2_000_000)],
        1 => {
            let n = 1 + rng.below(4_000);
            rng.bytes(n)
        }
        2 => "x=1&".repeat(5_000 + rng.below(20_000)).into_bytes(),
        3 => format!("csrf=&title={}&text=%FF%FE", "%41".repeat(rng.below(30_000))).into_bytes(),
        4 => b"=&&==&%&%zz=%zz&title".to_vec(),
        5 => format!("unit={}&back={}", encode(&rng.bytes(30)), rng.pick(TRAVERSALS)).into_bytes(),
        6 => format!("to={}&note=%ED%A0%80", rng.pick(&["-1", "1e99", "x", ""])).into_bytes(),
        _ => Vec::new(),
    }
}

fn path_with(rng: &mut Rng, template: &str) -> String {
    let mut path = template.to_string();
    while path.contains("{}") {
        let segment = match rng.below(3) {
            0 => rng.pick(TRAVERSALS).to_string(),
            1 => {
                let n = rng.below(64);
                encode(&rng.bytes(n))
            }
            _ => "a".repeat(rng.below(5_000)),
        };
        path = path.replacen("{}", &segment, 1);
    }
    path
}

/// One hostile request, as the bytes that go on the wire.
fn request(rng: &mut Rng, host: &str) -> (String, Vec<u8>) {
    let mut headers = format!("Host: {host}\r\nConnection: close\r\n");
    let (method, target, body): (&str, String, Vec<u8>) = match rng.below(10) {
        0..=3 => ("GET", format!("{}?{}", rng.pick(GET_ROUTES), query_string(rng)), Vec::new()),
        4 | 5 => {
            let template = rng.pick(ID_ROUTES);
            let mut target = path_with(rng, template);
            if rng.below(3) == 0 {
                target = format!("{target}?{}", query_string(rng));
            }
            ("GET", target, Vec::new())
        }
        6 | 7 => {
            let template = rng.pick(POST_ROUTES);
            let body = form_body(rng);
            headers.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
            if rng.below(4) == 0 {
                headers.push_str(&format!(
                    "Origin: {}\r\n",
                    rng.pick(&["null", "http://evil.example", "http://[::1", "\u{ff}"])
                ));
            }
            if rng.below(3) == 0 {
                headers.push_str(&format!(
                    "Cookie: casebook_csrf={}; casebook_packs={}\r\n",
                    encode(&rng.bytes(40)),
                    "a".repeat(rng.below(6_000))
                ));
            }
            ("POST", path_with(rng, template), body)
        }
        8 => {
            let method = *rng.pick(&["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "BREW"]);
            let template = *rng.pick(ID_ROUTES);
            (method, path_with(rng, template), Vec::new())
        }
        _ => {
            // Raw bytes in the request target: invalid UTF-8, controls, spaces.
            let n = 1 + rng.below(200);
            let raw = rng.bytes(n);
            let mut target = b"/?q=".to_vec();
            target.extend(raw.iter().filter(|&&b| b != b'\r' && b != b'\n'));
            let mut wire = b"GET ".to_vec();
            wire.extend(&target);
            wire.extend(format!(" HTTP/1.1\r\n{headers}\r\n").into_bytes());
            return ("GET /?q=<raw bytes>".to_string(), wire);
        }
    };
    if !body.is_empty() || method == "POST" {
        headers.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    let label = format!("{method} {}", target.chars().take(120).collect::<String>());
    let mut wire = format!("{method} {target} HTTP/1.1\r\n{headers}\r\n").into_bytes();
    wire.extend(body);
    (label, wire)
}

/// Sends raw bytes and returns the status code of the answer, or `None` when the server closed
/// the connection without one.
async fn send(addr: &str, wire: &[u8]) -> Option<u16> {
    let exchange = async {
        let mut stream = TcpStream::connect(addr).await.ok()?;
        // The server may answer (413, 400) and close before the whole body is written.
        let _ = stream.write_all(wire).await;
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer).await;
        let head = std::str::from_utf8(answer.get(..12)?).ok()?;
        head.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()
    };
    tokio::time::timeout(ANSWER_TIMEOUT, exchange).await.expect("the server answers in time")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_thousand_hostile_requests_get_no_server_error() {
    let (base, _state, _data) = serve_with_store().await;
    let addr = base.trim_start_matches("http://").to_string();
    let mut rng = Rng(0xCA5E_B00C);
    let limit = Arc::new(Semaphore::new(CONCURRENCY));
    let mut tasks = Vec::with_capacity(N_REQUESTS);
    for _ in 0..N_REQUESTS {
        let (label, wire) = request(&mut rng, &addr);
        let permit = limit.clone().acquire_owned().await.unwrap();
        let addr = addr.clone();
        tasks.push(tokio::spawn(async move {
            let status = send(&addr, &wire).await;
            drop(permit);
            (label, status)
        }));
    }
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    let mut server_errors = Vec::new();
    for task in tasks {
        let (label, status) = task.await.unwrap();
        let key = status.map_or("no answer".to_string(), |s| s.to_string());
        *by_status.entry(key).or_default() += 1;
        if status.is_some_and(|s| s >= 500) {
            server_errors.push(format!("{status:?} {label}"));
        }
    }
    eprintln!("{N_REQUESTS} hostile requests, answers by status: {by_status:?}");
    assert!(
        server_errors.is_empty(),
        "{} server errors: {:#?}",
        server_errors.len(),
        &server_errors[..server_errors.len().min(20)]
    );
    // Only requests the HTTP layer could not parse may go unanswered, and they are few.
    let unanswered = by_status.get("no answer").copied().unwrap_or(0);
    assert!(unanswered < N_REQUESTS / 50, "{unanswered} requests got no answer: {by_status:?}");
    assert!(
        by_status.keys().any(|s| s.starts_with('4')),
        "hostile requests are refused: {by_status:?}"
    );

    // The server still searches.
    let wire =
        format!("GET /api/search?q=neglect HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    assert_eq!(send(&addr, wire.as_bytes()).await, Some(200));
}

/// The body of a raw exchange, after the head.
async fn exchange(addr: &str, wire: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let _ = stream.write_all(wire).await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn refusals_by_the_limits_say_what_was_wrong() {
    let (base, _state, _data) = serve_with_store().await;
    let addr = base.trim_start_matches("http://");
    let body = vec![b'a'; 300 * 1024];
    let mut wire = format!(
        "POST /packs HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    wire.extend(&body);
    let answer = exchange(addr, &wire).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{}", &answer[..answer.len().min(300)]);
    assert!(answer.contains("larger than the 256 KiB allowed"), "{answer}");

    let wire = format!("DELETE /themes HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let answer = exchange(addr, wire.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 405"), "{answer}");
    assert!(answer.contains("does not take that method"), "{answer}");

    let long = "neglect%20".repeat(200);
    let wire =
        format!("GET /api/search?q={long} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let answer = exchange(addr, wire.as_bytes()).await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    assert!(answer.contains("longer than 1000 bytes"), "{answer}");
}

/// Every answer, the layers' refusals included, carries the security headers.
#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let (base, _state, _data) = serve_with_store().await;
    let addr = base.trim_start_matches("http://");
    let big = format!(
        "POST /packs HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 300000\r\n\r\n"
    );
    let gets = [
        "/",
        "/?q=neglect",
        "/themes",
        "/packs",
        "/api/search?q=neglect",
        "/api/search?page=0",
        "/static/casebook.css",
        "/no-such-page",
        "/reviews/no-such-review",
    ];
    let mut wires: Vec<(String, String)> = gets
        .iter()
        .map(|path| {
            (
                path.to_string(),
                format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
            )
        })
        .collect();
    wires.push(("POST /packs (300 KB)".to_string(), big));
    wires.push((
        "DELETE /".to_string(),
        format!("DELETE / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    ));
    for (what, wire) in wires {
        let answer = exchange(addr, wire.as_bytes()).await;
        let head = answer.split("\r\n\r\n").next().unwrap_or_default().to_ascii_lowercase();
        let csp = head
            .lines()
            .find_map(|l| l.strip_prefix("content-security-policy: "))
            .unwrap_or_else(|| panic!("{what}: no Content-Security-Policy in {head}"));
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{what}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
        assert!(head.contains("x-content-type-options: nosniff"), "{what}: {head}");
        assert!(head.contains("referrer-policy: same-origin"), "{what}: {head}");
    }
}
