//! The pages in a real browser: headless Chromium driven over WebDriver (Debian's `chromium` and
//! `chromium-driver`, which `scripts/test` installs) against the real server on loopback.
//!
//! One reader's path, with JavaScript and without: type a query, tick a theme, see the results
//! and the counts change, open a review, follow a page link to the PDF. Screenshots of each step
//! are saved under `target/tmp/screenshots/` to look at.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator, elements::Element, key::Key};
use serde_json::json;

use crate::support::{get, state};

/// How long a page may take to appear after a click: only a bound for a test that would
/// otherwise hang, far beyond what a slow or busy machine needs (#21).
const PATIENCE: Duration = Duration::from_secs(120);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_searches_filters_and_opens_a_review_with_javascript() {
    reader_path(Scripts::On).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_searches_filters_and_opens_a_review_without_javascript() {
    reader_path(Scripts::Off).await;
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Scripts {
    On,
    Off,
}

async fn reader_path(scripts: Scripts) {
    let base = serve().await;
    let driver = Driver::start();
    let browser = driver.browser(scripts).await;
    let shots = Screenshots::new(&browser, scripts);

    // The front page lists the reviews; the search box takes a query.
    browser.goto(&format!("{base}/")).await.unwrap();
    let enhanced =
        !browser.find_all(Locator::Css("form.facet-form > p.hint")).await.unwrap().is_empty();
    assert_eq!(enhanced, scripts == Scripts::On, "the script runs only when allowed");
    if scripts == Scripts::On {
        // "/" takes the focus to the search box.
        browser.find(Locator::Css("h1")).await.unwrap().click().await.unwrap();
        browser.active_element().await.unwrap().send_keys("/").await.unwrap();
        let focused = browser.active_element().await.unwrap().attr("id").await.unwrap();
        assert_eq!(focused.as_deref(), Some("q"), "\"/\" focuses the search box");
    } else {
        // The first Tab reaches the skip link, which shows itself with a visible focus ring.
        browser
            .active_element()
            .await
            .unwrap()
            .send_keys(&char::from(Key::Tab).to_string())
            .await
            .unwrap();
        let skip = browser.active_element().await.unwrap();
        assert_eq!(skip.attr("class").await.unwrap().as_deref(), Some("skip"));
        assert_ne!(skip.css_value("outline-style").await.unwrap(), "none");
    }
    let q = browser.find(Locator::Css("input#q")).await.unwrap();
    q.clear().await.unwrap();
    q.send_keys("disguised compliance neglect").await.unwrap();
    browser.find(Locator::Css("form.search button")).await.unwrap().click().await.unwrap();
    wait_for_url(&browser, "q=disguised").await;
    let before = results(&browser).await;
    assert!(before.n_reviews >= 2, "several reviews match: {before:?}");
    shots.take("1-search").await;

    // Tick the first theme that only some of the reviews have; with scripts the page updates at
    // once, without them the reader presses "Apply filters".
    let mut narrowing = None;
    for box_ in browser.find_all(Locator::Css("form.facet-form input[name=theme]")).await.unwrap() {
        let label = box_.find(Locator::XPath("..")).await.unwrap().text().await.unwrap();
        let n: usize = label.rsplit('(').next().unwrap().trim_end_matches(')').parse().unwrap();
        if n < before.n_reviews {
            narrowing = Some(box_);
            break;
        }
    }
    let theme = narrowing.expect("a theme that only some matching reviews have");
    let value = theme.attr("value").await.unwrap().unwrap();
    theme.click().await.unwrap();
    if scripts == Scripts::Off {
        browser.find(Locator::Css("form.facet-form button")).await.unwrap().click().await.unwrap();
    }
    wait_for_url(&browser, &format!("theme={value}")).await;
    let after = results(&browser).await;
    shots.take("2-filtered").await;
    assert!(after.n_reviews >= 1 && after.n_reviews < before.n_reviews, "{before:?} → {after:?}");
    assert_ne!(after.facet_counts, before.facet_counts, "the counts follow the filter");
    let chips = texts(&browser.find_all(Locator::Css(".chips a")).await.unwrap()).await;
    assert_eq!(chips.len(), 1, "one chip for the one filter: {chips:?}");

    // Open the first review, then a page link into its PDF.
    let title = browser.find(Locator::Css("li.review h2 a")).await.unwrap();
    let title_text = title.text().await.unwrap();
    title.click().await.unwrap();
    wait_for_url(&browser, "/reviews/").await;
    let heading = browser.find(Locator::Css("h1")).await.unwrap().text().await.unwrap();
    assert_eq!(heading, title_text);
    shots.take("3-review").await;
    // A theme opens to the passages behind it, with the matched words marked.
    let summary = browser.find(Locator::Css("ul.evidence summary")).await.unwrap();
    summary.click().await.unwrap();
    let marked = browser.find(Locator::Css("ul.evidence details[open] blockquote mark")).await;
    assert!(marked.unwrap().is_displayed().await.unwrap(), "the evidence shows once opened");
    shots.take("3b-evidence").await;
    // The page link of the passage behind the theme.
    let quote_page = "ul.evidence details[open] a[href*='.pdf#page=']";
    let page_link = browser.find(Locator::Css(quote_page)).await.unwrap();
    let href = page_link.attr("href").await.unwrap().unwrap();
    page_link.click().await.unwrap();
    wait_for_url(&browser, &href).await;
    shots.take("4-pdf").await;
    // Headless Chromium shows no PDF viewer to look at; the server's answer is checked instead.
    let path = href.split('#').next().unwrap();
    let path = path.strip_prefix(&base).unwrap_or(path);
    let (status, content_type, _) = get(path).await;
    assert_eq!((status.as_u16(), content_type.as_str()), (200, "application/pdf"), "{href}");

    browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_analyst_narrows_the_themes_dashboard_and_downloads_its_table() {
    let base = serve().await;
    let driver = Driver::start();
    let browser = driver.browser(Scripts::On).await;
    let shots = Screenshots::new(&browser, Scripts::On);

    browser.goto(&format!("{base}/themes")).await.unwrap();
    let all = reviews_in_heading(&browser).await;
    assert!(all >= 24, "every review of the corpus: {all}");
    shots.take("5-themes").await;
    for (css, name) in [("figure.chart", "6-themes-bars"), ("table.matrix", "7-themes-matrix")] {
        let element = browser.find(Locator::Css(css)).await.unwrap();
        let png = element.screenshot().await.unwrap();
        std::fs::write(shots.dir.join(format!("js-{name}.png")), png).unwrap();
    }

    // Narrow to the reviews that speak of coercive control.
    let q = browser.find(Locator::Css("input#q")).await.unwrap();
    q.send_keys("coercive control").await.unwrap();
    browser.find(Locator::Css("form.search button")).await.unwrap().click().await.unwrap();
    wait_for_url(&browser, "q=coercive").await;
    let some = reviews_in_heading(&browser).await;
    assert!(some >= 1 && some < all, "{some} of {all}");

    // The CSV holds the table on the page, row for row.
    let mut on_page = Vec::new();
    for row in browser
        .find_all(Locator::Css("section[aria-labelledby=share-heading] tbody tr"))
        .await
        .unwrap()
    {
        let label = row.find(Locator::Css("th")).await.unwrap().text().await.unwrap();
        let n = row.find(Locator::Css("td a")).await.unwrap().text().await.unwrap();
        on_page.push((label, n));
    }
    let link = browser.find(Locator::LinkText("themes")).await.unwrap();
    let href = link.attr("href").await.unwrap().unwrap();
    let (status, content_type, csv) = get(&href).await;
    assert_eq!((status.as_u16(), content_type.as_str()), (200, "text/csv; charset=utf-8"));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let in_csv: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[1].to_string(), r[2].to_string())
        })
        .collect();
    assert!(!in_csv.is_empty());
    assert_eq!(in_csv, on_page);

    // Split by age band instead of review type.
    browser.find(Locator::LinkText("Age")).await.unwrap().click().await.unwrap();
    wait_for_url(&browser, "split=age").await;
    let heading = browser.find(Locator::Css("#split-heading")).await.unwrap().text().await.unwrap();
    assert_eq!(heading, "By age of subject");
    assert_eq!(reviews_in_heading(&browser).await, some, "the split keeps the selection");
    browser.close().await.unwrap();
}

/// The number in "Themes in N reviews".
async fn reviews_in_heading(browser: &Client) -> usize {
    let heading = browser.find(Locator::Css("h1")).await.unwrap().text().await.unwrap();
    heading
        .split_whitespace()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{heading}"))
}

/// What a result page shows: how many reviews matched, and the counts of the facets.
#[derive(Debug, PartialEq)]
struct Results {
    n_reviews: usize,
    facet_counts: Vec<String>,
}

async fn results(browser: &Client) -> Results {
    let n_reviews = browser.find_all(Locator::Css("li.review")).await.unwrap().len();
    let facet_counts =
        texts(&browser.find_all(Locator::Css("form.facet-form .n")).await.unwrap()).await;
    Results { n_reviews, facet_counts }
}

async fn texts(elements: &[Element]) -> Vec<String> {
    let mut out = Vec::with_capacity(elements.len());
    for element in elements {
        out.push(element.text().await.unwrap());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trainer_collects_orders_annotates_and_exports_a_pack() {
    let (base, state, _data) = crate::packs::serve_with_store().await;
    let driver = Driver::start();
    let browser = driver.browser(Scripts::Off).await;
    let shots = Screenshots::new(&browser, Scripts::Off);

    // Search, then add three results: the first add starts a pack.
    browser.goto(&format!("{base}/?q=fathers")).await.unwrap();
    let mut added = Vec::new();
    for n in 1..=3 {
        let form = browser.find(Locator::Css("form.add-to-pack")).await.unwrap();
        let unit = form.find(Locator::Css("input[name=unit]")).await.unwrap();
        added.push(unit.attr("value").await.unwrap().unwrap());
        form.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
        wait_for_count(&browser, "span.in-pack", n).await;
    }
    let bar = browser.find(Locator::Css("p.current-pack")).await.unwrap().text().await.unwrap();
    assert!(bar.contains("(3 items)"), "{bar}");
    shots.take("8-pack-search").await;

    // Open the pack, name it, move the last extract to the top, and write a note on it.
    browser.find(Locator::Css("p.current-pack a")).await.unwrap().click().await.unwrap();
    wait_for_url(&browser, "/packs/").await;
    let title = browser.find(Locator::Css("#pack-title")).await.unwrap();
    title.clear().await.unwrap();
    title.send_keys("Unseen men").await.unwrap();
    browser.find(Locator::Css("form.pack-details button")).await.unwrap().click().await.unwrap();
    // The post reloads the page: wait for the new title, so no element of the old page is used.
    let start = Instant::now();
    loop {
        // Between the post and the new page there may be no heading at all.
        if let Ok(heading) = browser.find(Locator::Css("h1.pack-title")).await
            && heading.text().await.unwrap_or_default() == "Unseen men"
        {
            break;
        }
        assert!(start.elapsed() < PATIENCE, "the pack was renamed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let items = browser.find_all(Locator::Css("li.pack-item")).await.unwrap();
    assert_eq!(items.len(), 3);
    let last = items[2].attr("id").await.unwrap().unwrap();
    for position in [2, 1] {
        let up = format!("#{last} button[aria-label$=' up']");
        browser.find(Locator::Css(&up)).await.unwrap().click().await.unwrap();
        let moved = format!("li.pack-item:nth-child({position})#{last}");
        wait_for_count(&browser, &moved, 1).await;
    }
    let first = browser.find(Locator::Css("li.pack-item")).await.unwrap();
    assert_eq!(first.attr("id").await.unwrap().unwrap(), last, "moved to the top");
    let note = browser.find(Locator::Css(&format!("#{last} textarea[name=note]"))).await.unwrap();
    note.send_keys("Ask: who else lived in the house?").await.unwrap();
    browser
        .find(Locator::Css(&format!("#{last} form.note-form button")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_count(&browser, "li.pack-item textarea[name=note]:not(:empty)", 1).await;
    let heading = browser.find(Locator::Css("h1.pack-title")).await.unwrap().text().await.unwrap();
    assert_eq!(heading, "Unseen men");
    shots.take("9-pack").await;

    // The Word export holds the three extracts, in the new order, with citations and the note.
    let link = browser.find(Locator::LinkText("Word (.docx)")).await.unwrap();
    let href = link.attr("href").await.unwrap().unwrap();
    let docx = crate::packs::Session::new(&base).get(&href).await;
    assert_eq!(docx.status, 200);
    let text = crate::packs::docx_text(&docx.body);
    // Kept to open in LibreOffice and look at.
    std::fs::write(shots.dir.join("pack.docx"), &docx.body).unwrap();
    let token =
        browser.current_url().await.unwrap().path().trim_start_matches("/packs/").to_string();
    let pack = state.store.pack(&casebook_store::EditToken::new(&token)).unwrap().unwrap();
    let mut order = Vec::new();
    for item in &pack.items {
        let casebook_store::ItemContent::Extract { extract, .. } = &item.content else {
            panic!("only extracts were added")
        };
        order.push(extract.unit_id.clone());
        let opening: String = extract.text.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        let at = text
            .find(&opening.replace('&', "&amp;"))
            .unwrap_or_else(|| panic!("{opening:?} in the document"));
        assert!(text[at..].contains("Source: "), "a citation follows the extract");
        assert!(text.contains(&extract.review_title.replace('&', "&amp;")));
        assert!(text.contains(&format!("p. {}", extract.page)));
    }
    assert_eq!(order[0], added[2], "the order of the page is the order of the document");
    assert!(text.contains("Ask: who else lived in the house?"));
    assert!(text.contains("References"));
    browser.close().await.unwrap();
}

/// Waits until the page has `n` elements matching `css`.
pub(crate) async fn wait_for_count(browser: &Client, css: &str, n: usize) {
    let start = Instant::now();
    loop {
        let found = browser.find_all(Locator::Css(css)).await.map(|e| e.len()).unwrap_or(0);
        if found == n {
            return;
        }
        assert!(start.elapsed() < PATIENCE, "{css}: {found} elements, not {n}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the browser's address contains `part`.
pub(crate) async fn wait_for_url(browser: &Client, part: &str) {
    let start = Instant::now();
    loop {
        let url = browser.current_url().await.unwrap().to_string();
        if url.contains(part) {
            return;
        }
        assert!(start.elapsed() < PATIENCE, "waited for an address with {part:?}; at {url}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Serves the app on a free loopback port, for the rest of the test process.
async fn serve() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, casebook_web::app(state())).await });
    format!("http://{addr}")
}

/// A chromedriver process, stopped when dropped.
pub(crate) struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    pub(crate) fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs: install chromium and chromium-driver (scripts/test does)");
        let url = format!("http://127.0.0.1:{port}");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(start.elapsed() < PATIENCE, "chromedriver did not start listening");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, url }
    }

    pub(crate) async fn browser(&self, scripts: Scripts) -> Client {
        let profile = tempfile::tempdir().unwrap().keep();
        let mut options = json!({
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1400", format!("--user-data-dir={}", profile.display()),
            ],
        });
        if scripts == Scripts::Off {
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        if std::path::Path::new("/usr/bin/chromium").exists() {
            options["binary"] = json!("/usr/bin/chromium");
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.url)
            .await
            .expect("a browser session starts")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Saves screenshots of the steps to look at afterwards.
pub(crate) struct Screenshots<'a> {
    browser: &'a Client,
    dir: PathBuf,
    prefix: &'static str,
}

impl<'a> Screenshots<'a> {
    pub(crate) fn new(browser: &'a Client, scripts: Scripts) -> Screenshots<'a> {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let prefix = if scripts == Scripts::On { "js" } else { "no-js" };
        Screenshots { browser, dir, prefix }
    }

    pub(crate) async fn take(&self, step: &str) {
        let png = self.browser.screenshot().await.unwrap();
        assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        let path = self.dir.join(format!("{}-{step}.png", self.prefix));
        std::fs::write(&path, png).unwrap();
        println!("screenshot: {}", path.display());
    }
}
