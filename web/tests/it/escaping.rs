//! Text from files is shown as text: a PDF whose words are markup, with a sidecar whose title
//! and board are markup, goes through the real extractor and indexer, and headless Chromium
//! (with JavaScript on) opens every page that shows it. No injected element may reach the
//! page, no injected script may run, and the markup must be visible as the words it is.

use std::path::Path;

use casebook::SearchIndex;
use casebook_store::Store;
use casebook_web::AppState;
use fantoccini::{Client, Locator};

use crate::browser::{Driver, Screenshots, Scripts, wait_for_count, wait_for_url};
use crate::support::simple_pdf;

/// A word found only in the hostile file, to search for it.
const CANARY: &str = "xsscanary";
const SCRIPT: &str = "<script>window.__pwned = 1</script>";
const IMG: &str = "\"><img src=x onerror=\"window.__pwned = 2\">";

/// Writes the hostile review into `dir`: the PDF and its sidecar.
fn write_hostile_review(dir: &Path) {
    let board = dir.join("hostile_board");
    std::fs::create_dir_all(&board).unwrap();
    let lines = [
        "Local Child Safeguarding Practice Review",
        "Findings",
        &format!("Finding 1: the {CANARY} records of neglect held {SCRIPT} in the chronology."),
        &format!("Professionals copied {IMG} from the neglect referral into the {CANARY} plan."),
        "The child lived with chronic neglect and domestic abuse; the neglect was not seen.",
        "Recommendations",
        &format!(
            "Recommendation 1: The partnership should check {CANARY} neglect forms for {SCRIPT}."
        ),
    ];
    std::fs::write(board.join("lcspr-hostile-2023.pdf"), simple_pdf(&lines)).unwrap();
    let toml_string = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let sidecar = format!(
        "title = \"Review {title}\"\ntype = \"lcspr\"\nboard = \"Board {board}\"\n\
         board_id = \"hostile_board\"\npublished = \"2023-05-01\"\nsubject = \"{subject}\"\n",
        title = toml_string(SCRIPT),
        board = toml_string(IMG),
        subject = toml_string("<b onmouseover=alert(1)>Child</b>"),
    );
    std::fs::write(board.join("lcspr-hostile-2023.toml"), sidecar).unwrap();
}

/// What the page holds that it should not, and whether the markup shows as text.
async fn check_page(browser: &Client, what: &str) {
    check_page_with(browser, what, true).await
}

async fn check_page_with(browser: &Client, what: &str, shows_text: bool) {
    let found = browser
        .execute(
            "return {
                pwned: window.__pwned === undefined ? null : window.__pwned,
                injected: document.querySelectorAll('img[onerror], [onmouseover]').length,
                scripts: Array.from(document.scripts)
                    .filter(function (s) { return !/\\/static\\/casebook\\.js$/.test(s.src); }).length,
                text: document.body.innerText,
            };",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(found["pwned"], serde_json::Value::Null, "{what}: an injected script ran");
    assert_eq!(found["injected"], 0, "{what}: an injected element is in the page");
    assert_eq!(found["scripts"], 0, "{what}: a script that is not ours is in the page");
    let text = found["text"].as_str().unwrap_or_default();
    if shows_text {
        assert!(text.contains("<script>"), "{what}: the markup is shown as text: {text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markup_in_a_pdf_and_its_sidecar_is_shown_as_text_and_never_runs() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_hostile_review(&corpus);
    let index_dir = dir.path().join("index");
    let report = casebook_indexer::run(&casebook_indexer::IndexOptions::new(&index_dir, &[corpus]))
        .expect("the hostile review indexes");
    assert!(report.skipped.is_empty(), "the hostile PDF is read: {:?}", report.skipped);
    assert_eq!(report.n_indexed, 1);

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let index = SearchIndex::open(&index_dir).unwrap();
    let state = AppState::new(index, Store::open(&dir.path().join("data")).unwrap(), &base);
    tokio::spawn(async move { axum::serve(listener, casebook_web::app(state)).await });

    let driver = Driver::start();
    let browser = driver.browser(Scripts::On).await;
    let shots = Screenshots::new(&browser, Scripts::On);

    browser.goto(&format!("{base}/?q={CANARY}")).await.unwrap();
    wait_for_count(&browser, "li.review", 1).await;
    check_page(&browser, "search page").await;
    shots.take("10-hostile-search").await;

    browser.find(Locator::Css("li.review h2 a")).await.unwrap().click().await.unwrap();
    wait_for_url(&browser, "/reviews/").await;
    check_page(&browser, "review page").await;
    shots.take("11-hostile-review").await;

    browser.goto(&format!("{base}/themes?q={CANARY}&split=board")).await.unwrap();
    // The dashboard shows counts and board names (markup too), not the review's words.
    check_page_with(&browser, "themes page", false).await;
    let page = browser.source().await.unwrap();
    assert!(
        page.contains("&lt;img src=x onerror="),
        "the board name is escaped on the dashboard: {page}"
    );

    // Into a pack, then its page and its print export.
    browser.goto(&format!("{base}/?q={CANARY}")).await.unwrap();
    let form = browser.find(Locator::Css("form.add-to-pack")).await.unwrap();
    form.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    wait_for_count(&browser, "span.in-pack", 1).await;
    browser.find(Locator::Css("p.current-pack a")).await.unwrap().click().await.unwrap();
    wait_for_url(&browser, "/packs/").await;
    check_page(&browser, "pack page").await;
    let pack_url = browser.current_url().await.unwrap().to_string();
    browser.goto(&format!("{}/export/html", pack_url.trim_end_matches('/'))).await.unwrap();
    check_page(&browser, "print export").await;

    // The JSON answer, opened in the browser, is text too.
    browser.goto(&format!("{base}/api/search?q={CANARY}")).await.unwrap();
    check_page(&browser, "JSON answer").await;

    browser.close().await.unwrap();
}
