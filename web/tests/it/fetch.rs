//! `casebook fetch` against fictional board websites on loopback (`board_site`): what is
//! fetched and what is refused, politeness, conditional requests, a kill in the middle of a
//! download, and the "Newly published" page and feed of what came in.
//!
//! Only loopback is ever contacted: the board site on 127.0.0.1 (allowed with --allow-host)
//! and a counting server on 127.0.0.2 that must see no request at all.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use casebook_indexer::fetch::address::{AllowedHost, AllowedHosts};
use casebook_indexer::fetch::client::Refused;
use casebook_indexer::fetch::library::read_provenance;
use casebook_indexer::fetch::sources::Source;
use casebook_indexer::fetch::{
    FetchOptions, FetchReport, FileOutcome, PageOutcome, SourceReport, fetch,
};

use crate::board_site::{Site, board_site, counting};

const CONTACT: &str = "mailto:tests@casebook.example";

fn source(site: &Site, path: &str, board: Option<&str>) -> Source {
    Source { url: site.url(path), board: board.map(str::to_string), review_type: None }
}

fn options(site: &Site, sources: Vec<Source>, library: &Path) -> FetchOptions {
    let mut options = FetchOptions::new(sources, library, CONTACT);
    options.allowed = AllowedHosts(vec![AllowedHost::parse(&site.addr.to_string()).unwrap()]);
    options.delay = Duration::ZERO;
    options.limits.pdf_bytes = 4 << 20;
    options.limits.pdf_time = Duration::from_secs(3);
    options
}

fn of<'a>(report: &'a FetchReport, site: &Site, path: &str) -> &'a SourceReport {
    let url = site.url(path);
    report.sources.iter().find(|s| s.url == url).unwrap_or_else(|| panic!("no report of {url}"))
}

fn outcome<'a>(report: &'a SourceReport, path_end: &str) -> &'a FileOutcome {
    let file = report.files.iter().find(|f| f.url.ends_with(path_end));
    &file.unwrap_or_else(|| panic!("{path_end} not among {:?}", report.files)).outcome
}

fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> =
        walkdir(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "pdf")).collect();
    out.sort();
    out
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn board_pages_are_fetched_and_hostile_answers_refused() {
    let other = counting("127.0.0.2");
    let site = board_site(&other.base(), &["tolmarsh_scp", "thrandale_scp"]);
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    let well_kept = vec![
        source(&site, "/tolmarsh_scp/", Some("Tolmarsh Safeguarding Children Partnership")),
        source(&site, "/thrandale_scp/", None),
        source(&site, "/shapes/here.html", None),
        source(&site, "/shapes/redirect.html", Some("Redirecting Board")),
        source(&site, "/shapes/latin1.html", Some("Latin Board")),
        source(&site, "/shapes/accordion.html", Some("Accordion Board")),
        source(&site, "/shapes/downloads.html", Some("Downloads Board")),
    ];
    let mut sources = well_kept.clone();
    sources.extend([
        source(&site, "/hostile.html", Some("Hostile Board")),
        // The source's own host, by a name that resolves to 127.0.0.1: refused before any
        // connection, as only the address 127.0.0.1 was allowed.
        Source {
            url: format!("http://localhost:{}/shapes/here.html", site.addr.port()),
            board: None,
            review_type: None,
        },
    ]);
    let report = fetch(&options(&site, sources, &library)).unwrap();

    // Real listing pages: every PDF the corpus has is new; links to files it lacks are 404s.
    let tolmarsh = of(&report, &site, "/tolmarsh_scp/");
    assert!(matches!(tolmarsh.page, PageOutcome::Read(n) if n >= 4), "{:?}", tolmarsh.page);
    assert_eq!(*outcome(tolmarsh, "/child-k-lcspr-2022.pdf"), FileOutcome::New);
    assert_eq!(
        *outcome(tolmarsh, "/child-k-lcspr-2022-media-statement.pdf"),
        FileOutcome::Refused(Refused::Status(404))
    );
    let k = library.join("tolmarsh-safeguarding-children-partnership/child-k-lcspr-2022.pdf");
    let served =
        std::fs::read(crate::board_site::boards().join("tolmarsh_scp/child-k-lcspr-2022.pdf"))
            .unwrap();
    assert_eq!(std::fs::read(&k).unwrap(), served);
    let provenance = read_provenance(&k).unwrap().expect("a provenance sidecar");
    assert_eq!(provenance.source_page, site.url("/tolmarsh_scp/"));
    assert_eq!(provenance.sha256, sha256_hex(&served));
    assert_eq!(provenance.bytes, served.len() as u64);
    assert!(provenance.validators.etag.is_some());
    assert_eq!(provenance.board.as_deref(), Some("Tolmarsh Safeguarding Children Partnership"));
    assert!(
        provenance.listed.title.as_deref().is_some_and(|t| t.contains("Child K")),
        "{:?}",
        provenance.listed
    );
    let thrandale = of(&report, &site, "/thrandale_scp/");
    assert!(thrandale.count(|o| *o == FileOutcome::New) >= 3, "{thrandale:?}");
    // A source without a board name gets its host as folder.
    assert!(thrandale.folder.ends_with("127.0.0.1"), "{}", thrandale.folder.display());

    // Links whose text is only "here": the heading above them is the title.
    let here = of(&report, &site, "/shapes/here.html");
    assert_eq!(here.count(|o| *o == FileOutcome::New), 2, "{here:?}");
    let q = here.files.iter().find(|f| f.url.ends_with("/docs/q.pdf")).unwrap();
    let q = read_provenance(q.path.as_ref().unwrap()).unwrap().unwrap();
    assert!(q.listed.title.as_deref().is_some_and(|t| t.contains("Child Q")), "{:?}", q.listed);
    assert_eq!(q.listed.link_text, "here");

    // Behind a redirect: fetched, with where it ended up.
    let redirect = of(&report, &site, "/shapes/redirect.html");
    let m = &redirect.files[0];
    assert_eq!(m.outcome, FileOutcome::New);
    let m = read_provenance(m.path.as_ref().unwrap()).unwrap().unwrap();
    assert_eq!(m.final_url.as_deref(), Some(site.url("/files/9f3a/child-m-scr.pdf").as_str()));

    // Windows-1252 that the page does not declare.
    let latin1 = of(&report, &site, "/shapes/latin1.html");
    let zoe = read_provenance(latin1.files[0].path.as_ref().unwrap()).unwrap().unwrap();
    assert!(zoe.listed.link_text.contains("Child É – serious case review"), "{:?}", zoe.listed);
    assert_eq!(zoe.listed.published.as_deref(), Some("2018-05"));

    // Accordions: the title is the summary or the panel's button.
    let accordion = of(&report, &site, "/shapes/accordion.html");
    let listed = |n: usize| {
        read_provenance(accordion.files[n].path.as_ref().unwrap()).unwrap().unwrap().listed
    };
    let (v, w) = (listed(0), listed(1));
    assert!(v.title.as_deref().is_some_and(|t| t.starts_with("Adult V")), "{v:?}");
    assert_eq!(v.published.as_deref(), Some("2021-07-14"));
    assert_eq!(v.review_type.as_deref(), Some("sar"));
    assert!(w.title.as_deref().is_some_and(|t| t.starts_with("Mr W")), "{w:?}");

    // A CMS's download links: PDFs by their first bytes, named by the server or the address;
    // a page behind such a link is refused, and a link to a page is not followed.
    let downloads = of(&report, &site, "/shapes/downloads.html");
    assert_eq!(downloads.files.len(), 3, "{:?}", downloads.files);
    let x = downloads.files.iter().find(|f| f.url.ends_with("/child-x-overview-report")).unwrap();
    assert_eq!(x.outcome, FileOutcome::New);
    assert!(
        x.path.as_ref().unwrap().ends_with("downloads-board/child-x-overview-report.pdf"),
        "{:?}",
        x.path
    );
    assert_eq!(*outcome(downloads, "/documents/s/12345"), FileOutcome::New);
    assert!(matches!(
        outcome(downloads, "/easy-read-version"),
        FileOutcome::Refused(Refused::WrongContent(_))
    ));

    // Hostile links: each refused with its reason, nothing half-written.
    let hostile = of(&report, &site, "/hostile.html");
    let refused = |path: &str| match outcome(hostile, path) {
        FileOutcome::Refused(why) => why.clone(),
        other => panic!("{path}: {other:?}"),
    };
    assert!(matches!(refused("/private/secret.pdf"), Refused::Robots(_)));
    assert!(
        matches!(refused("/loop/a.pdf"), Refused::Redirect(ref why) if why.contains("more than 5"))
    );
    assert!(
        matches!(refused("/escape.pdf"), Refused::OtherHost(ref host) if host.starts_with("127.0.0.2:"))
    );
    assert!(matches!(refused("/direct.pdf"), Refused::OtherHost(_)));
    assert_eq!(refused("/endless.pdf"), Refused::TooLarge(4 << 20));
    assert!(matches!(refused("/slow.pdf"), Refused::TimedOut(_)), "{:?}", refused("/slow.pdf"));
    assert!(refused("/html-as-pdf.pdf").to_string().starts_with("not a PDF"));
    assert_eq!(*outcome(hostile, "/pdf-as-html.pdf"), FileOutcome::New);
    assert_eq!(refused("/missing.pdf"), Refused::Status(404));
    assert_eq!(refused("/error.pdf"), Refused::Status(500));
    assert_eq!(*outcome(hostile, "/busy.pdf"), FileOutcome::New);
    assert_eq!(site.log.hits("/busy.pdf").iter().map(|s| s.status).collect::<Vec<_>>(), [429, 200]);
    assert!(hostile.files.iter().all(|f| !f.url.starts_with("ftp:")));

    // The name that resolves to 127.0.0.1 was refused before connecting.
    let local = &report.sources[8];
    assert!(
        matches!(&local.page, PageOutcome::Refused(Refused::Address(a)) if a.kind == "a loopback"),
        "{:?}",
        local.page
    );
    assert!(site.log.seen().iter().all(|s| !s.host.starts_with("localhost")));

    // No request left the allowed host; every one named Casebook and its contact, one at a
    // time; robots.txt was read once.
    assert!(other.log.seen().is_empty(), "{:?}", other.log.seen());
    let seen = site.log.seen();
    assert!(
        seen.iter()
            .all(|s| s.user_agent.starts_with("Casebook/") && s.user_agent.contains(CONTACT))
    );
    assert_eq!(site.log.most_in_flight.load(std::sync::atomic::Ordering::SeqCst), 1);
    assert_eq!(site.log.hits("/robots.txt").len(), 1);
    // Only whole PDFs in the library, each with its sidecar; no temporary file left.
    for pdf in pdfs_in(&library) {
        assert!(read_provenance(&pdf).unwrap().is_some(), "{} has no provenance", pdf.display());
    }
    assert!(walkdir(&library).iter().all(|p| !p.to_string_lossy().ends_with(".part")));
    let n_pdfs = pdfs_in(&library).len();

    // The second run asks conditionally and downloads nothing; robots.txt is remembered.
    site.log.clear();
    let mut again = options(&site, well_kept, &library);
    let second = fetch(&again).unwrap();
    assert!(
        second.sources.iter().all(|s| s.page == PageOutcome::Unchanged),
        "{:?}",
        second.sources
    );
    let seen = site.log.seen();
    assert_eq!(seen.len(), 7, "{seen:?}");
    assert!(seen.iter().all(|s| s.conditional && s.status == 304), "{seen:?}");
    assert_eq!(pdfs_in(&library).len(), n_pdfs);

    // With the PDFs due again, they too are asked for conditionally, and none is sent.
    site.log.clear();
    again.recheck = Duration::ZERO;
    let third = fetch(&again).unwrap();
    let pdf_requests: Vec<_> =
        site.log.seen().into_iter().filter(|s| s.path.ends_with(".pdf")).collect();
    assert!(!pdf_requests.is_empty());
    assert!(pdf_requests.iter().all(|s| matches!(s.status, 302 | 304 | 404)), "{pdf_requests:?}");
    assert!(pdf_requests.iter().filter(|s| s.status == 304).all(|s| s.conditional));
    assert!(!third.changed());
}

#[test]
fn one_request_at_a_time_with_the_delay_between_them() {
    let other = counting("127.0.0.2");
    let site = board_site(&other.base(), &["tolmarsh_scp"]);
    let dir = tempfile::tempdir().unwrap();
    let mut options = options(
        &site,
        vec![source(&site, "/tolmarsh_scp/", None), source(&site, "/shapes/here.html", None)],
        &dir.path().join("library"),
    );
    options.delay = Duration::from_millis(300);
    fetch(&options).unwrap();
    let seen = site.log.seen();
    assert!(seen.len() >= 6, "{seen:?}");
    for pair in seen.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].ended.unwrap());
        // The client waits 300 ms after an answer ends before it sends the next request; the
        // server's clock sees at least most of that (a lower bound holds on any machine).
        assert!(
            gap >= Duration::from_millis(250),
            "{} then {}: {gap:?}",
            pair[0].path,
            pair[1].path
        );
    }
}

#[test]
fn a_page_of_500_links_is_fetched_over_several_runs() {
    let other = counting("127.0.0.2");
    let site = board_site(&other.base(), &[]);
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    let mut options =
        options(&site, vec![source(&site, "/shapes/many.html", Some("Many"))], &library);
    options.max_new = 20;
    let first = fetch(&options).unwrap();
    let many = &first.sources[0];
    assert_eq!(many.page, PageOutcome::Read(500));
    assert_eq!(many.count(|o| *o == FileOutcome::New), 20);
    assert_eq!(many.count(|o| *o == FileOutcome::Deferred), 480);
    // The next run goes on where the first stopped, though the page has not changed.
    let second = fetch(&options).unwrap();
    let many = &second.sources[0];
    assert_eq!(many.page, PageOutcome::Unchanged);
    assert_eq!(many.count(|o| *o == FileOutcome::New), 20, "{:?}", &many.files[..25]);
    assert_eq!(pdfs_in(&library).len(), 40);
}

/// The real binary, killed with SIGKILL while a large PDF is half downloaded: no half PDF in
/// the library, and the next run asks for the rest only.
#[test]
fn a_fetch_killed_mid_download_leaves_no_partial_pdf_and_the_next_run_completes() {
    let other = counting("127.0.0.2");
    let site = board_site(&other.base(), &[]);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let exe = Path::new(env!("CARGO_BIN_EXE_casebook"));
    add_source(&data, &site.url("/shapes/crash.html"), "Crash Board");
    let fetch_command = || {
        let mut command = Command::new(exe);
        command
            .args([
                "fetch",
                "--no-index",
                "--delay",
                "0",
                "--allow-host",
                &site.addr.to_string(),
                "--data",
            ])
            .arg(&data)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    };
    let mut child = fetch_command().spawn().unwrap();
    // Killed once the server has sent part of the big PDF (it takes seconds to send it all).
    let give_up = std::time::Instant::now() + Duration::from_secs(300);
    while site.log.big_sent.load(std::sync::atomic::Ordering::SeqCst) < (256 << 10) {
        assert!(std::time::Instant::now() < give_up, "the download never started");
        assert!(child.try_wait().unwrap().is_none(), "the fetch ended before it was killed");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let folder = data.join("library/crash-board");
    let pdfs = pdfs_in(&folder);
    assert!(pdfs.iter().all(|p| !p.ends_with("big.pdf")), "{pdfs:?}");
    for pdf in &pdfs {
        assert!(read_provenance(pdf).unwrap().is_some(), "{}", pdf.display());
    }

    // What the killed run had written of the big PDF waits, hidden, for the next run.
    let part: Vec<PathBuf> =
        walkdir(&folder).into_iter().filter(|p| p.to_string_lossy().ends_with(".part")).collect();
    assert_eq!(part.len(), 1, "{:?}", walkdir(&folder));
    let had = std::fs::metadata(&part[0]).unwrap().len();
    assert!(had > 0);

    site.log.clear();
    let out = fetch_command().output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("new") && stdout.contains("big.pdf"), "{stdout}");
    let big = folder.join("big.pdf");
    assert_eq!(std::fs::read(&big).unwrap(), crate::board_site::big_pdf());
    assert!(folder.join("small.pdf").is_file());
    // The next run asked for the rest only, and got it.
    let asked = site.log.hits("/slow/big.pdf");
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert_eq!((asked[0].range.as_str(), asked[0].status), (format!("bytes={had}-").as_str(), 206));
    assert!(
        walkdir(&data).iter().all(|p| !p.to_string_lossy().contains(".part")),
        "{:?}",
        walkdir(&data)
    );
}

/// The three commands of the README, on loopback: sources add, fetch (which indexes), and
/// the site's "Newly published" page and feed.
#[test]
fn fetched_reviews_are_indexed_and_newly_published() {
    let other = counting("127.0.0.2");
    let site = board_site(&other.base(), &["tolmarsh_scp"]);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let index = dir.path().join("index");
    let exe = Path::new(env!("CARGO_BIN_EXE_casebook"));
    // An index of another folder first: the fetch adds to it and keeps it.
    index_another_folder(&index, &data);
    let before = casebook::SearchIndex::open(&index).unwrap().stats().unwrap().n_reviews;

    for (path, board) in [
        ("/tolmarsh_scp/", "Tolmarsh Safeguarding Children Partnership"),
        ("/shapes/here.html", "Hallowmere Safeguarding Partnership"),
    ] {
        add_source(&data, &site.url(path), board);
    }
    let list = Command::new(exe).args(["sources", "list", "--data"]).arg(&data).output().unwrap();
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(
        list.contains("  1  ")
            && list.contains("/tolmarsh_scp/")
            && list.contains("not fetched yet"),
        "{list}"
    );

    let out = Command::new(exe)
        .args(["fetch", "--delay", "0", "--allow-host", &site.addr.to_string(), "--data"])
        .arg(&data)
        .arg("--index")
        .arg(&index)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Exit 2: the media statements the corpus lacks are 404s, and the run says so.
    assert_eq!(out.status.code(), Some(2), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("refused") && stdout.contains("HTTP 404"), "{stdout}");
    assert!(stdout.contains("indexed "), "{stdout}");

    let opened = casebook::SearchIndex::open(&index).unwrap();
    let after = opened.stats().unwrap().n_reviews;
    assert!(after >= before + 4, "{before} → {after}");
    // The fetched reviews came in last, so they are listed first; the others were kept.
    let added = opened.recently_added(100).unwrap();
    let fetched = (after - before) as usize;
    assert!(added[..fetched].iter().all(|(r, _)| r.source_url.is_some()), "{added:?}");
    assert!(
        added[fetched..]
            .iter()
            .all(|(r, _)| r.source_url.is_none() && r.file.contains("pellbrook"))
    );
    let state = casebook_web::AppState::new(
        opened,
        casebook_store::Store::open_in_memory().unwrap(),
        "http://casebook.example",
    );
    let app = casebook_web::app(state);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let get = |uri: &str| {
        let app = app.clone();
        let request =
            axum::http::Request::builder().uri(uri).body(axum::body::Body::empty()).unwrap();
        runtime.block_on(async move {
            use http_body_util::BodyExt;
            use tower::ServiceExt;
            let response = app.oneshot(request).await.unwrap();
            let status = response.status();
            let bytes = response.into_body().collect().await.unwrap().to_bytes();
            (status, String::from_utf8_lossy(&bytes).into_owned())
        })
    };
    let (status, page) = get("/new");
    assert_eq!(status, 200);
    let html = scraper::Html::parse_document(&page);
    let titles: Vec<String> = html
        .select(&scraper::Selector::parse("ol.published h2 a").unwrap())
        .map(|a| a.text().collect())
        .collect();
    assert!(titles.len() >= after as usize, "{titles:?}");
    assert!(titles.iter().any(|t| t.contains("Child K")), "{titles:?}");
    assert!(titles.iter().any(|t| t.contains("Child Q")), "{titles:?}");
    assert!(page.contains("on the board's website"), "{page}");

    let (status, xml) = get("/new.atom");
    assert_eq!(status, 200);
    let feed: atom_syndication::Feed = xml.parse().unwrap_or_else(|err| panic!("{err}: {xml}"));
    let first = &feed.entries()[0];
    assert!(first.links().iter().any(|l| l.href().starts_with("http://casebook.example/reviews/")));
    let k = feed
        .entries()
        .iter()
        .find(|e| e.title().as_str().contains("Child K"))
        .expect("Child K in the feed");
    assert_eq!(k.authors()[0].name(), "Tolmarsh Safeguarding Children Partnership");
    assert_eq!(k.categories()[0].term(), "lcspr");
    assert!(
        k.links()
            .iter()
            .any(|l| l.rel() == "related" && l.href().ends_with("child-k-lcspr-2022.pdf"))
    );
    assert!(
        k.summary()
            .is_some_and(|s| s.as_str().contains("Local Child Safeguarding Practice Review")),
        "{:?}",
        k.summary()
    );

    // The review page says where the board published it.
    let href = k
        .links()
        .iter()
        .find(|l| l.rel() == "alternate")
        .unwrap()
        .href()
        .replace("http://casebook.example", "");
    let (status, review) = get(&href);
    assert_eq!(status, 200);
    assert!(review.contains("Published at") && review.contains(&site.url("/")), "{review}");
    assert!(other.log.seen().is_empty());
}

/// `casebook serve --fetch-every`: the server fetches at start, indexes, and its "Newly
/// published" page shows what came in without a restart.
#[test]
fn the_server_fetches_on_a_schedule() {
    let other = counting("127.0.0.2");
    let site = board_site(&other.base(), &[]);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let index = dir.path().join("index");
    let exe = Path::new(env!("CARGO_BIN_EXE_casebook"));
    index_another_folder(&index, &data);
    add_source(&data, &site.url("/shapes/here.html"), "Hallowmere Safeguarding Partnership");
    // A sources file the server cannot use stops it at start, naming the file.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let bad = dir.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("sources.toml"), "[[source]]\nurl = \"file:///etc/passwd\"\n").unwrap();
    let refused = Command::new(exe)
        .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--fetch-every", "24h", "--index"])
        .arg(&index)
        .arg("--data")
        .arg(&bad)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success()
            && stderr.contains("sources.toml")
            && stderr.contains("source 1: url"),
        "{stderr}"
    );

    let server = ServerProcess(
        Command::new(exe)
            .args([
                "serve",
                "--addr",
                &format!("127.0.0.1:{port}"),
                "--fetch-every",
                "24h",
                "--delay",
                "0",
            ])
            .args(["--allow-host", &site.addr.to_string(), "--index"])
            .arg(&index)
            .arg("--data")
            .arg(&data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let base = format!("http://127.0.0.1:{port}");
    runtime.block_on(async {
        crate::packs::wait_until_up(&base).await;
        let session = crate::packs::Session::new(&base);
        let started = std::time::Instant::now();
        loop {
            let page = session.get("/new").await.text();
            if page.contains("Child Q") {
                assert!(page.contains("Hallowmere Safeguarding Partnership"), "{page}");
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(300),
                "the fetched reviews never appeared: {page}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let feed = session.get("/new.atom").await;
        assert!(feed.content_type.starts_with("application/atom+xml"), "{}", feed.content_type);
        assert!(feed.text().contains("Child Q"));
    });
    drop(server);
    assert!(site.log.hits("/shapes/here.html").len() == 1);
    assert!(other.log.seen().is_empty());
}

/// `casebook sources add URL --board BOARD` with the tests' contact, by the real binary.
fn add_source(data: &Path, url: &str, board: &str) {
    let add = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["sources", "add", url, "--board", board, "--contact", CONTACT, "--data"])
        .arg(data)
        .output()
        .unwrap();
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
}

/// Indexes a folder of the sample corpus that no board site serves, with the real binary:
/// what a fetch must keep.
fn index_another_folder(index: &Path, data: &Path) {
    let pellbrook = crate::support::corpus().join("boards/pellbrook_scp");
    let indexed = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .arg("index")
        .arg("--index")
        .arg(index)
        .arg("--data")
        .arg(data)
        .arg(&pellbrook)
        .output()
        .unwrap();
    assert!(indexed.status.success(), "{}", String::from_utf8_lossy(&indexed.stderr));
}

struct ServerProcess(std::process::Child);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
