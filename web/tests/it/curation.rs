//! Curators (#19), through the real router with a real index and database on disk: sign in,
//! correct a review three ways, see the index follow, keep the corrections through a full
//! rebuild, read and revert them in the audit trail; and every way in without a session or
//! with a wrong token refused.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use casebook::{ReviewId, SearchIndex};
use casebook_store::Store;
use casebook_store::accounts::Role;
use casebook_web::{AppState, app};
use http_body_util::BodyExt;
use tower::ServiceExt;

const CSRF: &str = "0123456789abcdef0123456789abcdef";

struct Site {
    state: AppState,
    index_dir: std::path::PathBuf,
    files: std::path::PathBuf,
    data: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

/// Three reviews of one board, indexed into a fresh folder, and a database with a curator
/// and an admin.
fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let board = crate::support::corpus().join("boards/thrandale_scp");
    for name in ["child-p-lcspr-2020", "child-r-lcspr-2023", "baby-j-lcspr-2021"] {
        for ext in ["pdf", "toml"] {
            let from = board.join(format!("{name}.{ext}"));
            if from.exists() {
                std::fs::copy(&from, files.join(format!("{name}.{ext}"))).unwrap();
            }
        }
    }
    let index_dir = dir.path().join("index");
    let data = dir.path().join("data");
    let store = Store::open(&data).unwrap();
    store.add_user("cora", Role::Curator, "curator password 1").unwrap();
    store.add_user("ada", Role::Admin, "admin password 12").unwrap();
    let options = casebook_indexer::IndexOptions::new(&index_dir, std::slice::from_ref(&files));
    casebook_indexer::run(&options).unwrap();
    let state =
        AppState::new(SearchIndex::open(&index_dir).unwrap(), store, "http://127.0.0.1:3000");
    Site { state, index_dir, files, data, _dir: dir }
}

struct Answer {
    status: StatusCode,
    location: String,
    cookies: Vec<String>,
    body: String,
}

async fn send(state: &AppState, request: Request<Body>) -> Answer {
    let response = app(state.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let cookies = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    Answer { status, location, cookies, body: String::from_utf8_lossy(&body).into_owned() }
}

/// A form post with the form token, and the session cookie when given.
fn post(uri: &str, fields: &[(&str, &str)], session: Option<&str>) -> Request<Body> {
    let mut body = form_urlencoded::Serializer::new(String::new());
    body.append_pair("csrf", CSRF);
    for (k, v) in fields {
        body.append_pair(k, v);
    }
    let mut cookie = format!("casebook_csrf={CSRF}");
    if let Some(session) = session {
        cookie.push_str(&format!("; casebook_session={session}"));
    }
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.finish()))
        .unwrap()
}

fn get(uri: &str, session: Option<&str>) -> Request<Body> {
    let mut request = Request::get(uri);
    if let Some(session) = session {
        request = request.header(header::COOKIE, format!("casebook_session={session}"));
    }
    request.body(Body::empty()).unwrap()
}

async fn sign_in(state: &AppState, name: &str, password: &str) -> String {
    let answer =
        send(state, post("/signin", &[("name", name), ("password", password)], None)).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let cookie = answer.cookies.iter().find(|c| c.starts_with("casebook_session=")).unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    cookie.split(';').next().unwrap().trim_start_matches("casebook_session=").to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_curator_corrects_a_review_and_the_corrections_survive_a_rebuild() {
    let site = site();
    let state = &site.state;
    let id = ReviewId::parse("child-r-lcspr-2023").unwrap();
    let tags = state.index.review_tags(&id).unwrap();
    let theme = tags.iter().find(|t| t.starts_with("/theme/")).unwrap().clone();
    let corrections = "/reviews/child-r-lcspr-2023/corrections";

    // Without a session: refused, nothing saved.
    let anonymous =
        send(state, post(corrections, &[("op", "set_type"), ("value", "sar")], None)).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert!(state.store.corrections(None).unwrap().is_empty());

    let session = sign_in(state, "cora", "curator password 1").await;
    let page = send(state, get("/reviews/child-r-lcspr-2023", Some(&session))).await;
    assert!(page.body.contains("cora (curator)") && page.body.contains("Reject the theme"));

    let text = "The partnership should review how missing episodes are shared with schools.";
    for fields in [
        vec![
            ("op", "reject_theme"),
            ("value", theme.as_str()),
            ("reason", "mentioned, not discussed"),
        ],
        vec![("op", "set_type"), ("value", "scr"), ("reason", "commissioned before 2019")],
        vec![("op", "add_recommendation"), ("page", "3"), ("value", text)],
    ] {
        let answer = send(state, post(corrections, &fields, Some(&session))).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{fields:?}: {}", answer.body);
        assert!(answer.location.contains("corrected="), "applied at once: {}", answer.location);
    }
    let check = |index: &SearchIndex| {
        let review = index.review(&id).unwrap().unwrap();
        let r#type = review.review_type.unwrap();
        assert_eq!((r#type.value.as_str(), r#type.source.as_str()), ("scr", "curator"));
        assert!(!index.review_tags(&id).unwrap().contains(&theme), "{theme} is rejected");
        let units = index.units(&id).unwrap();
        assert!(units.iter().any(|u| u.text == text && u.number.as_deref() == Some("C1")));
        assert!(units.iter().all(|u| !u.tags.contains(&theme)));
        let request = casebook::SearchRequest {
            filters: casebook::Filters {
                themes: vec![theme.rsplit('/').next().unwrap().to_string()],
                ..Default::default()
            },
            kinds: vec![casebook::UnitKind::Review],
            ..Default::default()
        };
        let (results, _) = index.search_with_facets(&request).unwrap();
        assert!(results.groups.iter().all(|g| g.review != id), "facets follow");
    };
    check(&state.index);
    let page = send(state, get("/reviews/child-r-lcspr-2023", None)).await;
    assert!(page.body.contains("Corrections by curators") && page.body.contains("(curator)"));

    // A full rebuild from the PDFs, by the command a server's operator runs, keeps them.
    let mut options =
        casebook_indexer::IndexOptions::new(&site.index_dir, std::slice::from_ref(&site.files));
    options.full = true;
    options.corrections_from = Some(casebook_web::cli::corrections_in(&site.data));
    casebook_indexer::run(&options).unwrap();
    state.index.reload().unwrap();
    check(&state.index);

    // The audit trail: not for a curator; an admin reads it and reverts the type.
    assert_eq!(send(state, get("/audit", Some(&session))).await.status, StatusCode::FORBIDDEN);
    let admin = sign_in(state, "ada", "admin password 12").await;
    let audit = send(state, get("/audit", Some(&admin))).await;
    assert_eq!(audit.status, StatusCode::OK);
    assert!(audit.body.contains("commissioned before 2019") && audit.body.contains("lcspr"));
    let typed = state
        .store
        .corrections(None)
        .unwrap()
        .into_iter()
        .find(|c| c.op.name() == "set_type")
        .unwrap();
    let reverted =
        send(state, post(&format!("/audit/{}/revert", typed.id), &[], Some(&admin))).await;
    assert_eq!(reverted.status, StatusCode::SEE_OTHER, "{}", reverted.body);
    let review = state.index.review(&id).unwrap().unwrap();
    assert_eq!(review.review_type.unwrap().value, "lcspr", "the old type is back");
    // The trail filters by what and by state.
    let rows = |body: &str| body.matches("<tr id=\"correction-").count();
    let only_types = send(state, get("/audit?op=set_type", Some(&admin))).await;
    assert_eq!(rows(&only_types.body), 1);
    let reverted = send(state, get("/audit?state=reverted&who=cora", Some(&admin))).await;
    assert_eq!(rows(&reverted.body), 1);
    assert!(reverted.body.contains("reverted by ada"));
    let in_force = send(state, get("/audit?state=in_force", Some(&admin))).await;
    assert_eq!(rows(&in_force.body), 2);

    // Signed out, the session no longer works.
    send(state, post("/signout", &[], Some(&session))).await;
    let after =
        send(state, post(corrections, &[("op", "set_type"), ("value", "sar")], Some(&session)))
            .await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_needs_the_session_and_its_form_token_and_wrong_passwords_lock() {
    let site = site();
    let state = &site.state;
    let session = sign_in(state, "cora", "curator password 1").await;
    let api = |token: &str| {
        Request::post("/api/reviews/child-p-lcspr-2020/corrections")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, format!("casebook_csrf={CSRF}; casebook_session={session}"))
            .header("x-csrf-token", token)
            .body(Body::from(r#"{"op": "set_year", "id": "2021", "reason": "date on the cover"}"#))
            .unwrap()
    };
    // A form token of another browser's session is refused.
    let stolen = send(state, api("fedcba9876543210fedcba9876543210")).await;
    assert_eq!(stolen.status, StatusCode::FORBIDDEN, "{}", stolen.body);
    let made = send(state, api(CSRF)).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let made: serde_json::Value = serde_json::from_str(&made.body).unwrap();
    assert_eq!((made["op"].as_str(), made["applied"].as_bool()), (Some("set_year"), Some(true)));
    let review = state.index.review(&ReviewId::parse("child-p-lcspr-2020").unwrap()).unwrap();
    assert_eq!(review.unwrap().year(), Some(2021));
    // The API says which values a curator set.
    let read = send(state, get("/api/reviews/child-p-lcspr-2020", None)).await;
    let read: serde_json::Value = serde_json::from_str(&read.body).unwrap();
    assert_eq!(read["sources"]["published"], "curator");
    assert_eq!(read["corrections"][0]["op"], "set_year");
    assert_eq!(read["corrections"][0]["reason"], "date on the cover");

    // Twenty wrong passwords in a minute lock the account, even to the right one.
    let wrong = post("/signin", &[("name", "cora"), ("password", "not the password")], None);
    assert_eq!(send(state, wrong).await.status, StatusCode::UNAUTHORIZED);
    for _ in 1..casebook_store::accounts::MAX_FAILURES {
        send(state, post("/signin", &[("name", "cora"), ("password", "still not it")], None)).await;
    }
    let locked =
        send(state, post("/signin", &[("name", "cora"), ("password", "curator password 1")], None))
            .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.body.contains("locked for 15 more minutes"), "{}", locked.body);
}

/// Submits the correction form whose `op` field is `op` on the page the browser shows, after
/// the test has filled it in, and waits for the page that says it is done.
async fn submit_correction(browser: &fantoccini::Client, op: &str) {
    use fantoccini::Locator;
    let before = browser.current_url().await.unwrap().to_string();
    let form = browser
        .find(Locator::XPath(&format!("//form[input[@name='op'][@value='{op}']]")))
        .await
        .unwrap();
    form.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
    // Each correction comes back to the review at an address naming it: wait for the new one.
    let started = std::time::Instant::now();
    loop {
        let now = browser.current_url().await.unwrap().to_string();
        if now != before && now.contains("corrected=") {
            break;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(120), "{op} was not applied");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    crate::browser::wait_for_count(browser, "#corrections p.notice", 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_curator_corrects_in_the_browser_and_it_holds_through_a_rebuild_and_a_restart() {
    use fantoccini::Locator;
    let site = site();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = site.state.clone();
    tokio::spawn(async move { axum::serve(listener, app(state)).await });
    let id = ReviewId::parse("child-r-lcspr-2023").unwrap();
    let themes_of = |index: &SearchIndex| {
        index.themes(&Default::default(), casebook::themes::SplitBy::Type).unwrap()
    };
    let before = themes_of(&site.state.index);

    let driver = crate::browser::Driver::start();
    let browser = driver.browser(crate::browser::Scripts::Off).await;
    browser.goto(&format!("{base}/reviews/{id}")).await.unwrap();
    browser.find(Locator::Css("a.signin")).await.unwrap().click().await.unwrap();
    crate::browser::wait_for_url(&browser, "/signin").await;
    browser.find(Locator::Css("#name")).await.unwrap().send_keys("cora").await.unwrap();
    let password = browser.find(Locator::Css("#password")).await.unwrap();
    password.send_keys("curator password 1").await.unwrap();
    browser.find(Locator::Css("form.signin-form button")).await.unwrap().click().await.unwrap();
    crate::browser::wait_for_url(&browser, &format!("/reviews/{id}")).await;

    // Reject the first theme offered, set the type, add a missed recommendation.
    let rejected = browser.find(Locator::Css("#fix-reject option")).await.unwrap();
    let theme = rejected.attr("value").await.unwrap().unwrap();
    browser
        .find(Locator::Css("#fix-reject-reason"))
        .await
        .unwrap()
        .send_keys("named once")
        .await
        .unwrap();
    submit_correction(&browser, "reject_theme").await;
    let select = browser.find(Locator::Css("#fix-type")).await.unwrap();
    select.select_by_value("scr").await.unwrap();
    submit_correction(&browser, "set_type").await;
    let text = "Schools should be told within a day when a pupil is reported missing.";
    browser.find(Locator::Css("#fix-rec-page")).await.unwrap().send_keys("2").await.unwrap();
    browser.find(Locator::Css("#fix-rec-text")).await.unwrap().send_keys(text).await.unwrap();
    submit_correction(&browser, "add_recommendation").await;
    let listed = browser.find_all(Locator::Css("ul.corrections li")).await.unwrap();
    assert_eq!(listed.len(), 3, "the page lists the three corrections");
    browser.find(Locator::Css("form.signout button")).await.unwrap().click().await.unwrap();
    crate::browser::wait_for_count(&browser, "a.signin", 1).await;
    browser.close().await.unwrap();

    // The dashboard counts one review fewer for the rejected theme.
    let count = |report: &casebook::themes::ThemeReport| {
        report.entries.iter().find(|e| e.path == theme).map_or(0, |e| e.n_reviews)
    };
    let after = themes_of(&site.state.index);
    assert_eq!(count(&after), count(&before) - 1, "{theme}");

    // `casebook index --full`, then a new server on the same folders: all three hold.
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["index", "--full", "--index"])
        .arg(&site.index_dir)
        .arg("--data")
        .arg(&site.data)
        .arg(&site.files)
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let restarted = AppState::new(
        SearchIndex::open(&site.index_dir).unwrap(),
        Store::open(&site.data).unwrap(),
        "http://127.0.0.1:3000",
    );
    let review = restarted.index.review(&id).unwrap().unwrap();
    assert_eq!(review.review_type.unwrap().value, "scr");
    assert!(!restarted.index.review_tags(&id).unwrap().contains(&theme));
    assert!(restarted.index.units(&id).unwrap().iter().any(|u| u.text == text));
    assert_eq!(count(&themes_of(&restarted.index)), count(&before) - 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_during_four_curators_edits_loses_no_acknowledged_correction() {
    use crate::packs::{Session, free_port, wait_until_up};
    let site = site();
    for n in 1..=4 {
        site.state
            .store
            .add_user(&format!("curator{n}"), Role::Curator, "curator password 1")
            .unwrap();
    }
    let port = free_port();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--index"])
        .arg(&site.index_dir)
        .arg("--data")
        .arg(&site.data)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    wait_until_up(&base).await;
    let acknowledged = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let mut curators = Vec::new();
    for n in 1..=4 {
        let session = Session::new(&base);
        session.get("/signin").await;
        let name = format!("curator{n}");
        let signed =
            session.post("/signin", &[("name", &name), ("password", "curator password 1")]).await;
        assert_eq!(signed.status, 303);
        let acknowledged = acknowledged.clone();
        curators.push(tokio::spawn(async move {
            for k in 0.. {
                let subject = format!("Child R ({name}, {k})");
                let fields = [("op", "set_subject"), ("value", subject.as_str())];
                match session.try_post("/reviews/child-r-lcspr-2023/corrections", &fields).await {
                    Ok(answer) if answer.status == 303 => {
                        acknowledged.lock().unwrap().push(subject)
                    }
                    Ok(answer) => panic!("{}: {}", answer.status, answer.text()),
                    Err(_) => return, // the server is gone
                }
            }
        }));
    }
    let started = std::time::Instant::now();
    while acknowledged.lock().unwrap().len() < 12 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "the curators make progress"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    server.kill().unwrap(); // SIGKILL
    server.wait().unwrap();
    for curator in curators {
        curator.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    let saved: Vec<String> = Store::open(&site.data)
        .unwrap()
        .corrections(None)
        .unwrap()
        .into_iter()
        .map(|c| c.op.value())
        .collect();
    for subject in &acknowledged {
        assert!(saved.contains(subject), "{subject} was acknowledged and must be saved");
    }
    assert!(
        saved.len() <= acknowledged.len() + 4,
        "{} saved, {} acknowledged",
        saved.len(),
        acknowledged.len()
    );
    // The index is whole: the next run applies every correction in force.
    let mut options =
        casebook_indexer::IndexOptions::new(&site.index_dir, std::slice::from_ref(&site.files));
    options.corrections_from = Some(casebook_web::cli::corrections_in(&site.data));
    casebook_indexer::run(&options).unwrap();
    let index = SearchIndex::open(&site.index_dir).unwrap();
    let review = index.review(&ReviewId::parse("child-r-lcspr-2023").unwrap()).unwrap().unwrap();
    assert_eq!(review.subject.unwrap().source.as_str(), "curator");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_private_site_shows_nothing_before_sign_in_and_an_address_is_slowed_down() {
    let mut site = site();
    site.state.private = true;
    let state = &site.state;
    let front = send(state, get("/?q=neglect", None)).await;
    assert_eq!(front.status, StatusCode::SEE_OTHER);
    assert_eq!(front.location, "/signin?back=%2F%3Fq%3Dneglect");
    let api = send(state, get("/api/search?q=neglect", None)).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED, "{}", api.body);
    assert!(!api.body.contains("hits"));
    assert_eq!(send(state, get("/signin", None)).await.status, StatusCode::OK);
    assert_eq!(send(state, get("/static/casebook.css", None)).await.status, StatusCode::OK);
    let session = sign_in(state, "cora", "curator password 1").await;
    assert_eq!(send(state, get("/?q=neglect", Some(&session))).await.status, StatusCode::OK);

    // One address trying many names: after 50 failures in ten minutes it waits, whatever the
    // name (each account alone would never lock).
    let from = |n: usize| {
        let mut request = post(
            "/signin",
            &[("name", &format!("guess{n}")), ("password", "wrong password")],
            None,
        );
        let addr: std::net::SocketAddr = "127.0.0.9:40000".parse().unwrap();
        request.extensions_mut().insert(axum::extract::ConnectInfo(addr));
        request
    };
    for n in 0..50 {
        assert_eq!(send(state, from(n)).await.status, StatusCode::UNAUTHORIZED, "attempt {n}");
    }
    let slowed = send(state, from(50)).await;
    assert_eq!(slowed.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(slowed.body.contains("try again in 10 minutes"), "{}", slowed.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn findings_and_recommendations_are_corrected_and_a_correction_that_no_longer_matches_is_said()
 {
    let site = site();
    let state = &site.state;
    let id = ReviewId::parse("child-r-lcspr-2023").unwrap();
    let units = state.index.units(&id).unwrap();
    let rec = units.iter().find(|u| u.kind == casebook::UnitKind::Recommendation).unwrap().clone();
    let finding = units.iter().find(|u| u.kind == casebook::UnitKind::Finding).unwrap().clone();
    let session = sign_in(state, "cora", "curator password 1").await;
    let corrections = "/reviews/child-r-lcspr-2023/corrections";
    let page = rec.page.to_string();
    let new_text = format!("{} (as corrected)", rec.text);
    let edit = [
        ("op", "edit_item"),
        ("page", page.as_str()),
        ("text", rec.text.as_str()),
        ("new_text", new_text.as_str()),
        ("number", "R9"),
        ("agencies", "police"),
    ];
    let answer = send(state, post(corrections, &edit, Some(&session))).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let finding_page = finding.page.to_string();
    let not =
        [("op", "not_an_item"), ("page", finding_page.as_str()), ("value", finding.text.as_str())];
    let answer = send(state, post(corrections, &not, Some(&session))).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    // A text that is not on the page is refused, naming the field.
    let wrong = [("op", "not_an_item"), ("page", "1"), ("value", "No such words.")];
    let refused = send(state, post(corrections, &wrong, Some(&session))).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("text"), "{}", refused.body);

    let check = |index: &SearchIndex| {
        let units = index.units(&id).unwrap();
        let edited = units.iter().find(|u| u.text == new_text).expect("the new text");
        assert_eq!(edited.number.as_deref(), Some("R9"));
        assert!(edited.tags.iter().any(|t| t == "/agency/police"), "{:?}", edited.tags);
        assert!(
            !units.iter().any(|u| u.kind == casebook::UnitKind::Finding && u.text == finding.text)
        );
    };
    check(&state.index);

    // A correction whose text the file no longer has (as after a new version of the PDF):
    // the run says so, and the review page marks it.
    let stale = casebook_store::corrections::Op::edit_item(
        Some(2),
        "Words this file never had.",
        "Words it will never have.",
        "",
        "",
    )
    .unwrap();
    state.store.add_correction(&id, &stale, "", "", "cora").unwrap();
    let mut options =
        casebook_indexer::IndexOptions::new(&site.index_dir, std::slice::from_ref(&site.files));
    options.full = true;
    options.corrections_from = Some(casebook_web::cli::corrections_in(&site.data));
    let report = casebook_indexer::run(&options).unwrap();
    assert!(
        report.warnings.iter().any(|w| w.reason.contains("no longer matches")),
        "{:?}",
        report.warnings
    );
    state.index.reload().unwrap();
    check(&state.index);
    let page = send(state, get("/reviews/child-r-lcspr-2023", Some(&session))).await;
    assert_eq!(page.body.matches("class=\"stale\"").count(), 1, "only the stale one is marked");
    assert!(page.body.contains("Correct this recommendation"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_curator_groups_two_documents_as_one_review_and_splits_a_wrong_group() {
    let site = site();
    let state = &site.state;
    // A copy of Child R under another name: grouped with it by its text.
    std::fs::copy(
        site.files.join("child-r-lcspr-2023.pdf"),
        site.files.join("zz-child-r-copy.pdf"),
    )
    .unwrap();
    let mut options =
        casebook_indexer::IndexOptions::new(&site.index_dir, std::slice::from_ref(&site.files));
    options.corrections_from = Some(casebook_web::cli::corrections_in(&site.data));
    casebook_indexer::run(&options).unwrap();
    state.index.reload().unwrap();
    let id = |s: &str| ReviewId::parse(s).unwrap();
    let n_reviews = |index: &SearchIndex| {
        index.themes(&Default::default(), casebook::themes::SplitBy::Type).unwrap().n_reviews
    };
    assert_eq!(
        state.index.duplicates().unwrap().main(&id("zz-child-r-copy")),
        &id("child-r-lcspr-2023")
    );
    assert_eq!(n_reviews(&state.index), 3);

    let session = sign_in(state, "cora", "curator password 1").await;
    // Split the copy from Child R (say it is a different review), and make Baby J and Child P one.
    let split = [("op", "not_same_review"), ("value", "child-r-lcspr-2023")];
    let answer =
        send(state, post("/reviews/zz-child-r-copy/corrections", &split, Some(&session))).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let join = [("op", "same_review"), ("value", "child-p-lcspr-2020")];
    let answer =
        send(state, post("/reviews/baby-j-lcspr-2021/corrections", &join, Some(&session))).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER, "{}", answer.body);
    let check = |index: &SearchIndex| {
        let groups = index.duplicates().unwrap();
        assert!(groups.counts(&id("zz-child-r-copy")), "split");
        assert_eq!(groups.main(&id("baby-j-lcspr-2021")), groups.main(&id("child-p-lcspr-2020")));
        assert_eq!(n_reviews(index), 3, "4 files: the copy counts alone, Baby J and Child P once");
    };
    check(&state.index);
    let bad = [("op", "same_review"), ("value", "no-such-review")];
    let refused =
        send(state, post("/reviews/baby-j-lcspr-2021/corrections", &bad, Some(&session))).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    // A full rebuild keeps both.
    options.full = true;
    casebook_indexer::run(&options).unwrap();
    state.index.reload().unwrap();
    check(&state.index);
}
