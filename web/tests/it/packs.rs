//! Briefing packs and saved searches through the real server on loopback: forms with their
//! token, concurrent clients, a server killed while saving, exports and Atom feeds.

use std::collections::HashMap;
use std::io::Read;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use casebook::SearchIndex;
use casebook_store::{EditToken, ItemContent, Store};
use casebook_web::AppState;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use crate::support::{copy_dir, corpus, fixture};

/// A browser-like client: keeps the cookies the server sets.
#[derive(Clone)]
pub(crate) struct Session {
    base: String,
    cookies: std::sync::Arc<std::sync::Mutex<HashMap<String, String>>>,
    client: Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>,
}

pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) location: String,
    pub(crate) content_type: String,
    pub(crate) body: Bytes,
}

impl Answer {
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Session {
    pub(crate) fn new(base: &str) -> Session {
        Session {
            base: base.to_string(),
            cookies: Default::default(),
            client: Client::builder(TokioExecutor::new()).build_http(),
        }
    }

    pub(crate) fn csrf(&self) -> String {
        self.cookies.lock().unwrap().get("casebook_csrf").cloned().unwrap_or_default()
    }

    async fn send(&self, method: &str, path: &str, body: Vec<u8>) -> Result<Answer, String> {
        let cookie: Vec<String> =
            self.cookies.lock().unwrap().iter().map(|(k, v)| format!("{k}={v}")).collect();
        let mut request = axum::http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header("cookie", cookie.join("; "));
        if method == "POST" {
            request = request.header("content-type", "application/x-www-form-urlencoded");
        }
        let request = request.body(Full::new(Bytes::from(body))).unwrap();
        let response = self.client.request(request).await.map_err(|e| e.to_string())?;
        let header = |name: &str| {
            response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
        };
        let (location, content_type) = (header("location"), header("content-type"));
        for set in response.headers().get_all("set-cookie") {
            let pair = set.to_str().unwrap().split(';').next().unwrap();
            let (name, value) = pair.split_once('=').unwrap();
            self.cookies.lock().unwrap().insert(name.to_string(), value.to_string());
        }
        let status = response.status().as_u16();
        let body = response.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
        Ok(Answer { status, location, content_type, body })
    }

    pub(crate) async fn get(&self, path: &str) -> Answer {
        self.send("GET", path, Vec::new()).await.unwrap()
    }

    /// Posts a form with this session's token; `Err` when the connection fails.
    pub(crate) async fn try_post(
        &self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Result<Answer, String> {
        let body = {
            let mut form = form_urlencoded::Serializer::new(String::new());
            form.append_pair("csrf", &self.csrf());
            for (k, v) in fields {
                form.append_pair(k, v);
            }
            form.finish().into_bytes()
        };
        self.send("POST", path, body).await
    }

    pub(crate) async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Answer {
        self.try_post(path, fields).await.unwrap()
    }

    pub(crate) async fn post_raw(&self, path: &str, body: &[u8]) -> Answer {
        self.send("POST", path, body.to_vec()).await.unwrap()
    }
}

/// The app on loopback with a store in a fresh folder; returns its address and state.
pub(crate) async fn serve_with_store() -> (String, AppState, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(&fixture().index_dir).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState::new(index, Store::open(data.path()).unwrap(), &base);
    let app = casebook_web::app(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, state, data)
}

/// Unit keys of the hits of a search page, in order.
pub(crate) fn unit_ids(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("form.add-to-pack input[name=unit]").unwrap();
    page.select(&selector).filter_map(|e| e.value().attr("value")).map(str::to_string).collect()
}

/// A new pack made through the form; returns its edit token.
async fn new_pack(session: &Session, title: &str) -> EditToken {
    session.get("/packs").await;
    let made = session.post("/packs", &[("title", title), ("description", "For Tuesday.")]).await;
    assert_eq!(made.status, 303, "{}", made.text());
    EditToken::new(made.location.strip_prefix("/packs/").unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn add_to_pack_starts_a_pack_and_forms_need_their_token() {
    let (base, state, _data) = serve_with_store().await;
    let session = Session::new(&base);
    let page = session.get("/?q=fathers").await;
    let units = unit_ids(&page.text());
    assert!(units.len() >= 3, "search results offer Add to pack");
    assert!(!session.csrf().is_empty(), "the first page sets the form token");

    // Without the token, or from another site, nothing is added.
    let bare =
        session.post_raw("/packs/current/items", format!("unit={}", units[0]).as_bytes()).await;
    assert_eq!(bare.status, 403);
    let wrong = session
        .post_raw(
            "/packs/current/items",
            format!("csrf=00000000000000000000000000000000&unit={}", units[0]).as_bytes(),
        )
        .await;
    assert_eq!(wrong.status, 403);
    assert!(session.cookies.lock().unwrap().get("casebook_packs").is_none(), "no pack was made");

    let added =
        session.post("/packs/current/items", &[("unit", &units[0]), ("back", "/?q=fathers")]).await;
    assert_eq!((added.status, added.location.as_str()), (303, "/?q=fathers#added"));
    let again = session.get("/?q=fathers").await.text();
    assert!(again.contains("Adding to the pack"), "the search page names the current pack");
    assert_eq!(unit_ids(&again).len(), units.len() - 1, "the added hit is marked, not offered");
    let token = session.cookies.lock().unwrap()["casebook_packs"].clone();
    let pack = state.store.pack(&EditToken::new(&token)).unwrap().unwrap();
    assert_eq!(pack.items.len(), 1);
    // A back link to another site is not followed.
    let away = session
        .post("/packs/current/items", &[("unit", &units[1]), ("back", "//evil.example/")])
        .await;
    assert_eq!(away.location, "/#added");
    // A unit the index does not have is a 400 naming the field.
    let missing = session.post("/packs/current/items", &[("unit", "nope#page-1")]).await;
    assert_eq!(missing.status, 400);
    assert!(missing.text().contains("unit"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_long_values_and_invalid_utf8_are_refused_with_nothing_changed() {
    let (base, state, _data) = serve_with_store().await;
    let session = Session::new(&base);
    let edit = new_pack(&session, "Unseen men").await;
    let units = unit_ids(&session.get("/?q=fathers").await.text());
    let path = format!("/packs/{}", edit.as_str());
    assert_eq!(session.post(&format!("{path}/items"), &[("unit", &units[0])]).await.status, 303);
    let before = state.store.pack(&edit).unwrap().unwrap();
    let item = before.items[0].id;

    let long_title = "t".repeat(201);
    let answer = session.post(&format!("{path}/details"), &[("title", &long_title)]).await;
    assert_eq!(answer.status, 400);
    assert!(answer.text().contains("title is too long"), "{}", answer.text());

    let long_note = "n".repeat(4001);
    let answer = session.post(&format!("{path}/items/{item}/note"), &[("note", &long_note)]).await;
    assert_eq!(answer.status, 400);
    assert!(answer.text().contains("note"));

    let body = format!("csrf={}&note=caf%FF%FE", session.csrf());
    let answer = session.post_raw(&format!("{path}/items/{item}/note"), body.as_bytes()).await;
    assert_eq!(answer.status, 400);
    assert!(answer.text().contains("note") && answer.text().contains("UTF-8"), "{}", answer.text());

    let answer = session.post(&format!("{path}/items/{item}/move"), &[("to", "sideways")]).await;
    assert_eq!(answer.status, 400);
    let answer = session.post(&format!("{path}/items/99999/note"), &[("note", "x")]).await;
    assert_eq!(answer.status, 404);
    let answer =
        session.post("/packs/ffffffffffffffffffffffffffffffff/details", &[("title", "x")]).await;
    assert_eq!(answer.status, 404);

    assert_eq!(state.store.pack(&edit).unwrap().unwrap(), before, "nothing changed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_edits_from_several_clients_leave_a_consistent_pack() {
    let (base, state, _data) = serve_with_store().await;
    let owner = Session::new(&base);
    let edit = new_pack(&owner, "Shared effort").await;
    let units = unit_ids(&owner.get("/?q=neglect&per_page=30").await.text());
    assert!(units.len() >= 8, "{}", units.len());
    let path = format!("/packs/{}", edit.as_str());

    let clients: Vec<_> = (0..6)
        .map(|c| {
            let (base, path, units) = (base.clone(), path.clone(), units.clone());
            tokio::spawn(async move {
                let session = Session::new(&base);
                session.get(&path).await;
                let mut added = 0;
                for n in 0..8 {
                    let unit = &units[(c * 8 + n) % units.len()];
                    let answer = session.post(&format!("{path}/items"), &[("unit", unit)]).await;
                    assert_eq!(answer.status, 303);
                    added += 1;
                    // Move and annotate whatever is first and last now.
                    let page = session.get(&path).await.text();
                    let ids = item_ids(&page);
                    let to = if n % 2 == 0 { "up" } else { "down" };
                    if let Some(id) = ids.last() {
                        let moved =
                            session.post(&format!("{path}/items/{id}/move"), &[("to", to)]).await;
                        assert!(matches!(moved.status, 303 | 404), "{}", moved.status);
                    }
                    if let Some(id) = ids.first() {
                        let note = format!("client {c} step {n}");
                        let noted = session
                            .post(&format!("{path}/items/{id}/note"), &[("note", &note)])
                            .await;
                        assert!(matches!(noted.status, 303 | 404), "{}", noted.status);
                    }
                }
                added
            })
        })
        .collect();
    let mut added = 0;
    for client in clients {
        added += client.await.unwrap();
    }
    let pack = state.store.pack(&edit).unwrap().unwrap();
    assert_eq!(pack.items.len(), added, "every acknowledged add is there, once");
    // The page shows positions 1..n in order, each once.
    let page = owner.get(&path).await.text();
    let ids = item_ids(&page);
    assert_eq!(ids, pack.items.iter().map(|i| i.id.to_string()).collect::<Vec<_>>());
    for item in &pack.items {
        if let ItemContent::Extract { note, .. } = &item.content {
            assert!(note.is_empty() || note.starts_with("client "), "{note:?}");
        }
    }
}

/// Item ids on a pack page, in order.
fn item_ids(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("li.pack-item").unwrap();
    page.select(&selector)
        .filter_map(|e| e.value().attr("id")?.strip_prefix("item-").map(str::to_string))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pack_exports_to_word_markdown_and_a_print_page_with_its_citations() {
    let (base, _state, _data) = serve_with_store().await;
    let session = Session::new(&base);
    let edit = new_pack(&session, "Unseen men & partners").await;
    let path = format!("/packs/{}", edit.as_str());
    let units = unit_ids(&session.get("/?q=fathers&kind=recommendation").await.text());
    for unit in units.iter().take(2) {
        session.post(&format!("{path}/items"), &[("unit", unit)]).await;
    }
    session
        .post(
            &format!("{path}/sections"),
            &[("heading", "Questions <for> discussion"), ("text", "Who was in the house?")],
        )
        .await;
    let page = session.get(&path).await.text();
    let first = item_ids(&page)[0].clone();
    session.post(&format!("{path}/items/{first}/note"), &[("note", "Start with this one.")]).await;

    let docx = session.get(&format!("{path}/export/docx")).await;
    assert_eq!(docx.status, 200);
    assert!(docx.content_type.contains("wordprocessingml"));
    let text = docx_text(&docx.body);
    for expected in [
        "Unseen men &amp; partners",
        "Contents",
        "Source: ",
        "Open the report at this page",
        "Start with this one.",
        "Questions &lt;for&gt; discussion",
        "References",
        "Recommendation",
    ] {
        assert!(text.contains(expected), "{expected:?} in the document:\n{text}");
    }
    assert!(text.contains(&format!("{base}/files/")), "links are absolute");

    let md = session.get(&format!("{path}/export/md")).await.text();
    assert!(md.starts_with("# Unseen men \\& partners"), "{md}");
    assert!(md.contains("> ") && md.contains("Source: ") && md.contains("## References"), "{md}");
    assert!(md.contains("Questions \\<for\\> discussion"));

    let html = session.get(&format!("{path}/export/html")).await;
    assert!(html.content_type.starts_with("text/html"));
    let html = html.text();
    assert!(
        html.contains("<blockquote>") && html.contains("Questions &#60;for&#62; discussion"),
        "{html}"
    );

    // The share link reads the same pack and exports it, but offers no forms.
    let share = page.split("/shared/").nth(1).unwrap().split('"').next().unwrap().to_string();
    let shared = session.get(&format!("/shared/{share}")).await.text();
    assert!(shared.contains("Unseen men") && !shared.contains("method=\"post\""));
    assert_eq!(session.get(&format!("/shared/{share}/export/docx")).await.status, 200);
    assert_eq!(session.get(&format!("{path}/export/pdfx")).await.status, 404);
}

/// The text of a `.docx`: its `word/document.xml`, with tags turned into spaces.
pub(crate) fn docx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    archive.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_search_feeds_the_reviews_indexed_after_it() {
    // A copy of the corpus without one review, indexed; the review arrives later.
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("corpus");
    copy_dir(&corpus(), &folder);
    let late = folder.join("boards/kelderbrook_csp/dhr-anna-2021.pdf");
    let aside = work.path().join("dhr-anna-2021.pdf");
    std::fs::rename(&late, &aside).unwrap();
    let index_dir = work.path().join("index");
    let run = || {
        casebook_indexer::run(&casebook_indexer::IndexOptions::new(
            &index_dir,
            std::slice::from_ref(&folder),
        ))
    };
    run().unwrap();

    let index = SearchIndex::open(&index_dir).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState::new(index, Store::open(&work.path().join("data")).unwrap(), &base);
    let app = casebook_web::app(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let session = Session::new(&base);
    session.get("/").await;
    let saved = session
        .post("/searches", &[("name", "Coercive control"), ("query", "q=coercive+control&page=3")])
        .await;
    assert_eq!(saved.status, 303);
    let token = saved.location.strip_prefix("/searches/").unwrap().to_string();
    let feed = parse_feed(&session.get(&format!("/feeds/{token}.atom")).await);
    assert_eq!(feed.entries().len(), 0, "nothing is new yet");
    assert_eq!(feed.title().as_str(), "Casebook: Coercive control");

    std::fs::rename(&aside, &late).unwrap();
    run().unwrap();
    state.index.reload().unwrap();
    let feed = parse_feed(&session.get(&format!("/feeds/{token}.atom")).await);
    assert!(!feed.entries().is_empty(), "the new review's units are in the feed");
    for entry in feed.entries() {
        let link = &entry.links()[0].href;
        assert!(link.contains("dhr-anna-2021"), "only the review indexed since: {link}");
        assert!(entry.id().starts_with("urn:casebook:unit:"));
        assert!(entry.content().and_then(|c| c.value.as_deref()).is_some_and(|t| !t.is_empty()));
    }
    let page = session.get(&format!("/searches/{token}")).await.text();
    assert!(page.contains(&format!("{base}/feeds/{token}.atom")));
    // The saved search kept the search, not its paging.
    assert!(page.contains("/?q=coercive+control\""), "{page}");
    assert_eq!(session.get("/feeds/nope.atom").await.status, 404);
    let gone = session.post(&format!("/searches/{token}/delete"), &[]).await;
    assert_eq!(gone.status, 303);
    assert_eq!(session.get(&format!("/feeds/{token}.atom")).await.status, 404);
}

fn parse_feed(answer: &Answer) -> atom_syndication::Feed {
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert!(answer.content_type.starts_with("application/atom+xml"));
    answer.text().parse::<atom_syndication::Feed>().expect("the feed is valid Atom")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_while_saving_loses_nothing_it_acknowledged() {
    let data = tempfile::tempdir().unwrap();
    let start = |port: u16| {
        std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--index")
            .arg(&fixture().index_dir)
            .arg("--data")
            .arg(data.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the casebook binary runs")
    };
    let port = free_port();
    let mut server = start(port);
    let base = format!("http://127.0.0.1:{port}");
    wait_until_up(&base).await;
    let owner = Session::new(&base);
    let edit = new_pack(&owner, "Saved under fire").await;
    let path = format!("/packs/{}", edit.as_str());

    // Four writers add sections as fast as they can; each records what was acknowledged.
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (session, path, acknowledged) = (owner.clone(), path.clone(), acknowledged.clone());
            tokio::spawn(async move {
                for n in 0.. {
                    let heading = format!("w{w}-{n}");
                    match session
                        .try_post(&format!("{path}/sections"), &[("heading", &heading)])
                        .await
                    {
                        Ok(answer) if answer.status == 303 => {
                            acknowledged.lock().unwrap().push(heading)
                        }
                        Ok(answer) => panic!("{}: {}", answer.status, answer.text()),
                        Err(_) => return, // the server is gone
                    }
                }
            })
        })
        .collect();
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 60 {
        assert!(started.elapsed() < Duration::from_secs(60), "the writers make progress");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill().unwrap(); // SIGKILL: no shutdown, no flushing
    server.wait().unwrap();
    for writer in writers {
        writer.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();

    let store = Store::open(data.path()).unwrap();
    let pack = store.pack(&edit).unwrap().expect("the pack survived");
    let headings: Vec<String> = pack
        .items
        .iter()
        .filter_map(|i| match &i.content {
            ItemContent::Section { heading, .. } => Some(heading.clone()),
            ItemContent::Extract { .. } => None,
        })
        .collect();
    for heading in &acknowledged {
        assert!(headings.contains(heading), "{heading} was acknowledged and must be there");
    }
    // At most the requests in flight at the kill were saved without an answer.
    assert!(
        headings.len() <= acknowledged.len() + 4,
        "{} vs {}",
        headings.len(),
        acknowledged.len()
    );
    drop(store);

    // The server starts again on the same database and shows the pack.
    let port = free_port();
    let mut server = start(port);
    let base = format!("http://127.0.0.1:{port}");
    wait_until_up(&base).await;
    let page = Session::new(&base).get(&path).await;
    assert_eq!(page.status, 200);
    assert_eq!(item_ids(&page.text()).len(), headings.len());
    server.kill().unwrap();
    server.wait().unwrap();
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub(crate) async fn wait_until_up(base: &str) {
    let started = Instant::now();
    let session = Session::new(base);
    loop {
        if session.send("GET", "/static/casebook.css", Vec::new()).await.is_ok() {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the server starts");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
