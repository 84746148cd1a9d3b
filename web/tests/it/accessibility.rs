//! Every page checked with axe-core (the WCAG 2.2 A and AA rules, and "label in name") in
//! headless Chromium, in the normal and the high-contrast style. axe-core is a script, so the
//! pages run with JavaScript on: what they check is the server's markup and what our script
//! adds to it (without JavaScript the page is the server's markup alone).
//!
//! axe-core is fetched from the npm registry by `scripts/test` into `target/axe/` (it is not
//! committed); `CASEBOOK_AXE_JS` may name another copy of `axe.min.js`.

use std::path::PathBuf;

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use crate::browser::{Driver, Scripts, wait_for_count, wait_for_url};

/// The rules run: axe-core's WCAG 2.0, 2.1 and 2.2 level A and AA tags.
const TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/// Rules to run beyond the tags: "label in name" (WCAG 2.5.3), which axe-core marks
/// experimental and leaves out unless asked.
const MORE_RULES: &[&str] = &["label-content-name-mismatch"];

fn axe_source() -> String {
    let path = std::env::var_os("CASEBOOK_AXE_JS").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../target/axe/node_modules/axe-core/axe.min.js")
    });
    std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!("{}: {err}; scripts/test installs axe-core there (npm)", path.display())
    })
}

/// Runs axe-core on the page the browser shows and returns its violations, one line each.
async fn violations(browser: &Client, axe: &str) -> Vec<String> {
    // Loaded as a script element's text, so that it runs as a page script would (the page's
    // content security policy does not apply to WebDriver's own scripts).
    browser.execute(&format!("{axe}\n;window.axe = axe;"), vec![]).await.unwrap();
    let rules: serde_json::Map<String, Value> =
        MORE_RULES.iter().map(|r| (r.to_string(), json!({ "enabled": true }))).collect();
    let found = browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.axe
               .run(document, { runOnly: { type: 'tag', values: arguments[0] }, rules: arguments[1] })
               .then(r => done(r.violations.map(v =>
                   v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
                   v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
               .catch(e => done(['axe failed: ' + e]));",
            vec![json!(TAGS), Value::Object(rules)],
        )
        .await
        .unwrap();
    found
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
        .unwrap_or_default()
}

/// The pages to check: every kind the front end has, with a pack holding one extract.
async fn pages(browser: &Client, base: &str) -> Vec<String> {
    let mut pages = vec![
        format!("{base}/"),
        format!("{base}/?q=neglect"),
        format!("{base}/?q=neglect&kind=recommendation"),
        format!("{base}/?q=neglect&kind=finding&theme=voice_of_child"),
        format!("{base}/?q=zzqqxx"),
        format!("{base}/themes"),
        format!("{base}/themes?q=neglect&theme=neglect"),
        format!("{base}/packs"),
        format!("{base}/new"),
        format!("{base}/signin"),
    ];
    browser.goto(&format!("{base}/")).await.unwrap();
    let review = browser.find(Locator::Css("a[href^='/reviews/']")).await.unwrap();
    let review = format!("{base}{}", review.attr("href").await.unwrap().unwrap());
    pages.push(review.clone());
    // The review with the evidence of one theme open, as a link from a count opens it.
    browser.goto(&review).await.unwrap();
    let why = browser.find(Locator::Css("ul.evidence p.why")).await.unwrap();
    pages.push(format!("{review}#{}", why.attr("id").await.unwrap().unwrap()));
    // The reviews behind the first count of the dashboard.
    browser.goto(&format!("{base}/themes")).await.unwrap();
    let count = browser
        .find(Locator::Css("section[aria-labelledby=share-heading] tbody td a"))
        .await
        .unwrap();
    pages.push(format!("{base}{}", count.attr("href").await.unwrap().unwrap()));
    // A pack, started by adding a result.
    browser.goto(&format!("{base}/?q=fathers")).await.unwrap();
    let form = browser.find(Locator::Css("form.add-to-pack")).await.unwrap();
    form.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    wait_for_count(browser, "span.in-pack", 1).await;
    browser.find(Locator::Css("p.current-pack a")).await.unwrap().click().await.unwrap();
    wait_for_url(browser, "/packs/").await;
    pages.push(browser.current_url().await.unwrap().to_string());
    // Its read-only page, and a saved search.
    let share = browser.find(Locator::Css("input.share-link")).await.unwrap();
    pages.push(share.prop("value").await.unwrap().unwrap());
    browser.goto(&format!("{base}/?q=neglect")).await.unwrap();
    browser.find(Locator::Css("form.save-search button")).await.unwrap().click().await.unwrap();
    wait_for_url(browser, "/searches/").await;
    pages.push(browser.current_url().await.unwrap().to_string());
    // Signed in as an admin: a review page with the correction forms opened, and the audit
    // trail (the pages above are checked signed in too, with the user in their header).
    browser.goto(&format!("{base}/signin")).await.unwrap();
    browser.find(Locator::Css("#name")).await.unwrap().send_keys("ada").await.unwrap();
    let password = browser.find(Locator::Css("#password")).await.unwrap();
    password.send_keys("admin password 12").await.unwrap();
    browser.find(Locator::Css("form.signin-form button")).await.unwrap().click().await.unwrap();
    wait_for_count(browser, "form.signout", 1).await;
    pages.push(format!("{review}#corrections-heading"));
    pages.push(format!("{base}/audit"));
    pages
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_core_in_both_styles() {
    let axe = axe_source();
    let (base, state, _data) = crate::packs::serve_with_store().await;
    let admin = casebook_store::accounts::Role::Admin;
    state.store.add_user("ada", admin, "admin password 12").unwrap();
    let driver = Driver::start();
    let browser = driver.browser(Scripts::On).await;
    // A bound for a run that would otherwise hang, not a speed target (#21).
    let patience = std::time::Duration::from_secs(300);
    let timeouts = fantoccini::wd::TimeoutConfiguration::new(Some(patience), None, None);
    browser.update_timeouts(timeouts).await.unwrap();
    let pages = pages(&browser, &base).await;
    let mut problems = Vec::new();
    let mut n_checked = 0;
    for contrast in [false, true] {
        let switch = if contrast { "1" } else { "0" };
        browser.goto(&format!("{base}/contrast?on={switch}&back=/")).await.unwrap();
        for page in &pages {
            browser.goto(page).await.unwrap();
            n_checked += 1;
            for violation in violations(&browser, &axe).await {
                let style = if contrast { "high contrast" } else { "normal" };
                problems.push(format!("{page} ({style}): {violation}"));
            }
        }
    }
    browser.close().await.unwrap();
    println!("{n_checked} pages checked with axe-core");
    assert!(n_checked >= 20, "{n_checked} pages checked");
    assert!(problems.is_empty(), "{} violations:\n{}", problems.len(), problems.join("\n"));
}
