//! Tests of whole pages: the shapes boards use, the corpus sample pages, and hostile input.

use std::path::{Path, PathBuf};

use super::{parse_listing, read_listing};

/// Wraps a snippet in a page with furniture around it, the way boards' pages look.
fn page(body: &str) -> String {
    format!(
        "<html><head><title>Case reviews | Testshire Safeguarding Children Partnership</title></head><body>\
         <header><a class=\"logo\" href=\"/\">Testshire SCP</a><nav><a href=\"/menu.pdf\">Menu</a></nav></header>\
         <main>{body}</main><footer><a href=\"/footer.pdf\">Accessibility (PDF)</a></footer></body></html>"
    )
}

/// Checks the entry for `file` as `[title, published, review_type, subject, "main"|"supp"]`,
/// with "-" for a field the page does not give.
fn check(body: &str, file: &str, expected: [&str; 5]) {
    let listing = parse_listing(&page(body));
    let Some(e) = listing.entries.iter().find(|e| e.file_name == file) else {
        panic!("no entry for {file} in {:#?}", listing.entries);
    };
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_string());
    let got = [
        show(&e.title),
        show(&e.published),
        show(&e.review_type),
        show(&e.subject),
        (if e.is_supplementary { "supp" } else { "main" }).to_string(),
    ];
    assert_eq!(got, expected.map(str::to_string), "entry for {file}: {e:#?}");
}

fn files(body: &str) -> Vec<String> {
    parse_listing(&page(body)).entries.into_iter().map(|e| e.file_name).collect()
}

#[test]
fn heading_paragraph_and_link_give_title_date_and_type() {
    let body = r#"<h2>Research and analysis</h2><div class="review">
        <h3>Local safeguarding practice reviews 2019 to 2022: national analysis</h3>
        <p>Published: 30 November 2023</p>
        <p><a href="https://x.example/pub/analysis-2019-2022.pdf">Download the report (PDF)</a></p></div>"#;
    check(
        body,
        "analysis-2019-2022.pdf",
        [
            "Local safeguarding practice reviews 2019 to 2022: national analysis",
            "2023-11-30",
            "national_analysis",
            "-",
            "main",
        ],
    );
}

#[test]
fn date_line_in_strong_dates_the_item_and_is_not_its_title() {
    let body = r#"<h2>Serious Case Reviews (SCRs)</h2><div class="review">
        <p><strong>Date of publication: 12th March 2014</strong></p>
        <p><a href="/media/2051/child-d-scr-2014.pdf">Overview Report Child D</a></p>
        <p><a href="/media/2051/child-d-scr-2014-media-statement.pdf">LSCB media statement Child D</a></p></div>"#;
    check(
        body,
        "child-d-scr-2014.pdf",
        ["Overview Report Child D", "2014-03-12", "scr", "Child D", "main"],
    );
    check(
        body,
        "child-d-scr-2014-media-statement.pdf",
        ["LSCB media statement Child D", "2014-03-12", "scr", "Child D", "supp"],
    );
}

#[test]
fn event_dates_in_descriptions_are_not_publication_dates() {
    let body = r#"<h2>Serious Case Reviews</h2><div class="review"><h3>Zara: Serious case review</h3>
        <p>The death of a fifteen-year-old girl by suicide in March 2016.</p>
        <p><a href="/r/zara-scr-2017.pdf">Download: SCR report: 'Zara' 2017 – OFSCB 2017</a> |
        <a href="/r/zara-scr-2017-learning-summary.pdf">7-minute learning summary</a></p></div>"#;
    check(body, "zara-scr-2017.pdf", ["Zara: Serious case review", "2017", "scr", "Zara", "main"]);
    check(
        body,
        "zara-scr-2017-learning-summary.pdf",
        ["Zara: Serious case review", "2017", "scr", "Zara", "supp"],
    );
}

#[test]
fn table_rows_are_items() {
    let body = r#"<h2>Published reviews</h2><table><thead><tr><th>Review</th><th>Type</th><th>Published</th><th></th></tr></thead>
        <tbody><tr><td>Child A</td><td>SCR</td><td>12/03/2014</td><td><a href="/a.pdf">Download</a></td></tr>
        <tr><td>Adult B</td><td>Safeguarding Adults Review</td><td>03/2019</td><td><a href="/b.pdf">Download [1.2MB]</a></td></tr></tbody></table>"#;
    check(body, "a.pdf", ["Child A", "2014-03-12", "scr", "Child A", "main"]);
    check(body, "b.pdf", ["Adult B", "2019-03", "sar", "Adult B", "main"]);
}

#[test]
fn flat_siblings_between_headings_are_items() {
    // The shape of a real board page (seed 000): headings, paragraphs and "here" links.
    let body = r#"<h2>Serious Case Reviews (SCR's)</h2><p>Working Together 2015 sets out the purpose of SCR's.</p>
        <h3>Child U- SCR</h3><p>A Serious Case Review was conducted following the fatal stabbing of a young person in
        September 2015. Find the full report <a href="/u.pdf">here</a>.</p>
        <h2>Serious Adults Reviews (SAR's)</h2><p>The Board has a statutory duty to conduct a review.</p>
        <h3>Adult A- SAR</h3><p>A review was conducted following concerns raised by the Coroner in 2014.</p>
        <p>Find <a href="/a-full.pdf">full report</a> and <a href="/a-summary.pdf">learning summary</a> here.</p>"#;
    check(body, "u.pdf", ["Child U- SCR", "-", "scr", "Child U", "main"]);
    check(body, "a-full.pdf", ["Adult A- SAR", "-", "sar", "Adult A", "main"]);
    check(body, "a-summary.pdf", ["Adult A- SAR", "-", "sar", "Adult A", "supp"]);
}

#[test]
fn flat_links_under_date_lines_take_the_date_before_them() {
    // Seed 003: date lines, then the links published that day.
    let body = r#"<h2>Published Serious Case Reviews</h2><p><strong>Date of publication: 18th February 2015</strong></p>
        <p><a href="/k.pdf">Child K Overview Report</a></p><p><a href="/k-media.pdf">LSCB media statement child K</a></p>
        <p><strong>Date of publication: 29th May 2014</strong></p>
        <p><a href="/im.pdf">Overview Report Child I and Child M</a></p><p><a href="/l.pdf">Overview Report Child L</a></p>"#;
    check(body, "k.pdf", ["Child K Overview Report", "2015-02-18", "scr", "Child K", "main"]);
    check(
        body,
        "k-media.pdf",
        ["LSCB media statement child K", "2015-02-18", "scr", "Child K", "supp"],
    );
    check(
        body,
        "im.pdf",
        ["Overview Report Child I and Child M", "2014-05-29", "scr", "Child I and Child M", "main"],
    );
    check(body, "l.pdf", ["Overview Report Child L", "2014-05-29", "scr", "Child L", "main"]);
}

#[test]
fn flat_headings_with_one_link_each_as_in_seed_002() {
    let body = r#"<h2>Case reviews</h2>
        <p><a href="/t.pdf">Triennial SCR Report 2014 to 2017 Department of education (March 2020)</a></p>
        <h3>Child D: Serious case review</h3>
        <p><a href="/d.pdf">SCR Child D Final report for Merton Safeguarding Children Partnership Feb 2020</a></p>
        <h3>Briefings October 2014</h3>
        <p><a href="/b.pdf">Lessons and messages from serious case reviews, case reviews and case audits (PDF)</a></p>"#;
    check(
        body,
        "t.pdf",
        [
            "Triennial SCR Report 2014 to 2017 Department of education",
            "2020-03",
            "national_analysis",
            "-",
            "main",
        ],
    );
    check(body, "d.pdf", ["Child D: Serious case review", "2020-02", "scr", "Child D", "main"]);
    check(
        body,
        "b.pdf",
        [
            "Lessons and messages from serious case reviews, case reviews and case audits",
            "2014-10",
            "briefing",
            "-",
            "main",
        ],
    );
}

#[test]
fn seed_shapes_with_prose_around_the_link_are_read() {
    // Seed 001: a lone download link after paragraphs of guidance.
    let body = r#"<h2>Publishing of reports</h2><p>Working Together 2015 states:</p><h3>Publication of reports</h3>
        <p>All reviews should result in a report published for a minimum of 12 months.</p>
        <p>The requirement to publish SCR reports has been in force since 2012.</p>
        <p><a href="/zara.pdf">Download: SCR report: 'Zara' 2014</a></p><h2>Learning from National Serious Case Reviews</h2>"#;
    check(body, "zara.pdf", ["SCR report: 'Zara' 2014", "2014", "scr", "Zara", "main"]);
    // Seed 004: links inside a sentence, under an h2 that names the report.
    let body = r#"<h2>Cross-border report - peer-on-peer abuse and child criminal exploitation</h2>
        <p>Working jointly with two partnerships, we have recently completed our cross border report.</p>
        <p>Our <a href="/statement.pdf">statement on the outcomes of the report</a> and
        <a href="/cross-border-report.pdf">the report itself</a> are now available for review.</p>"#;
    check(
        body,
        "cross-border-report.pdf",
        [
            "Cross-border report - peer-on-peer abuse and child criminal exploitation",
            "-",
            "-",
            "-",
            "main",
        ],
    );
    check(
        body,
        "statement.pdf",
        ["statement on the outcomes of the report", "-", "-", "-", "supp"],
    );
}

#[test]
fn list_under_a_heading_takes_the_heading_as_title() {
    let body = r#"<h2>Reviews</h2><h3>Child E: Rapid review (June 2021)</h3>
        <ul><li><a href="/e.pdf">Full report (PDF, 2MB)</a></li><li><a href="/e-exec.pdf">Executive summary</a></li></ul>"#;
    check(body, "e.pdf", ["Child E: Rapid review", "2021-06", "rapid_review", "Child E", "main"]);
    check(
        body,
        "e-exec.pdf",
        ["Child E: Rapid review", "2021-06", "rapid_review", "Child E", "supp"],
    );
}

#[test]
fn quoted_and_named_subjects_are_found() {
    let body = r#"<h2>Domestic Homicide Reviews</h2><div><p><strong>Date of publication: 8th June 2021</strong></p>
        <p><a href="/dhr-anna.pdf">DHR &#x27;Anna&#x27; Overview Report (PDF)</a></p></div>
        <div><h3>Domestic Homicide Review: Bea</h3><p><a href="/dhr-bea.pdf">Read the report</a></p></div>
        <div><p><a href="/children-c-and-e.pdf">Children C and E LCSPR Final Report</a></p></div>"#;
    check(
        body,
        "dhr-anna.pdf",
        ["DHR 'Anna' Overview Report", "2021-06-08", "dhr", "Anna", "main"],
    );
    check(body, "dhr-bea.pdf", ["Domestic Homicide Review: Bea", "-", "dhr", "Bea", "main"]);
    check(
        body,
        "children-c-and-e.pdf",
        ["Children C and E LCSPR Final Report", "-", "lcspr", "Children C and E", "main"],
    );
}

#[test]
fn pages_with_one_h2_per_review_use_it_as_title() {
    let body = r#"<h1>Case reviews</h1><h2>Child V: Serious case review (May 2018)</h2>
        <p>Summary of the case.</p><p><a href="/v.pdf">Full report</a></p>
        <h2>Child W</h2><p><a href="/w.pdf">Download</a></p>"#;
    check(body, "v.pdf", ["Child V: Serious case review", "2018-05", "scr", "Child V", "main"]);
    check(body, "w.pdf", ["Child W", "-", "-", "Child W", "main"]);
}

#[test]
fn definition_lists_and_accordions_are_items() {
    let body = r#"<h2>Reviews</h2><dl><dt>Adult F: SAR</dt><dd>Published 4 May 2021. <a href="/f.pdf">Report</a></dd></dl>
        <details><summary><button>Child G serious case review</button></summary><p><a href="/g.pdf">Full report (PDF)</a></p></details>"#;
    check(body, "f.pdf", ["Adult F: SAR", "2021-05-04", "sar", "Adult F", "main"]);
    check(body, "g.pdf", ["Child G serious case review", "-", "scr", "Child G", "main"]);
}

#[test]
fn adult_serious_case_reviews_are_safeguarding_adults_reviews() {
    let body = r#"<h2>Reviews</h2><div><p><a href="/m.pdf">Serious Case Review (Adults): Mrs M – overview report</a></p></div>"#;
    check(
        body,
        "m.pdf",
        ["Serious Case Review (Adults): Mrs M – overview report", "-", "sar", "Mrs M", "main"],
    );
}

#[test]
fn cards_line_breaks_and_duplicate_links_are_read() {
    // A whole card as one link, with its heading inside.
    let body = r#"<h2>Reviews</h2><div class="grid"><a class="card" href="/c1.pdf"><h3>Child X</h3><p>Published 2 May 2019</p></a>
        <a class="card" href="/c2.pdf"><h3>Child Y</h3><p>Published 3 June 2020</p></a></div>"#;
    check(body, "c1.pdf", ["Child X", "2019-05-02", "-", "Child X", "main"]);
    check(body, "c2.pdf", ["Child Y", "2020-06-03", "-", "Child Y", "main"]);
    // Groups separated only by bold lines and <br> inside one paragraph.
    let body = r#"<h2>SCRs</h2><p><strong>Child D</strong><br>Published 12 March 2014<br><a href="/d.pdf">Report</a><br>
        <strong>Child E</strong><br>Published 1 April 2015<br><a href="/e.pdf">Report</a></p>"#;
    check(body, "d.pdf", ["Child D", "2014-03-12", "scr", "Child D", "main"]);
    check(body, "e.pdf", ["Child E", "2015-04-01", "scr", "Child E", "main"]);
    // The same PDF behind a title link and an icon button gives one entry.
    let body = r#"<div><h3>Adult K: SAR</h3><a href="/k.pdf">Adult K overview report</a> <a href="/k.pdf" aria-label="Download"><img alt=""></a></div>"#;
    assert_eq!(files(body), ["k.pdf"]);
    check(body, "k.pdf", ["Adult K: SAR", "-", "sar", "Adult K", "main"]);
}

#[test]
fn supplementary_links_are_marked() {
    let body = r#"<h2>SARs</h2><div><h3>Adult C: Safeguarding adults review</h3>
        <p><a href="/c.pdf">Adult C Safeguarding Adults Review (PDF) – KSAB 2020</a> | <a href="/c-ls.pdf">7-minute learning summary</a></p>
        <p><a href="/c-resp.pdf">KSAB response and improvement plan (PDF)</a> <a href="/c-action-plan.pdf">Download</a></p></div>"#;
    let listing = parse_listing(&page(body));
    let supp: Vec<(String, bool)> =
        listing.entries.iter().map(|e| (e.file_name.clone(), e.is_supplementary)).collect();
    let expected =
        [("c.pdf", false), ("c-ls.pdf", true), ("c-resp.pdf", true), ("c-action-plan.pdf", true)];
    assert_eq!(supp, expected.map(|(f, s)| (f.to_string(), s)));
    check(body, "c.pdf", ["Adult C: Safeguarding adults review", "2020", "sar", "Adult C", "main"]);
}

#[test]
fn upload_folders_give_the_month_when_the_page_gives_only_a_year() {
    let body = r#"<h2>SCRs</h2><div><h3>Child T: Serious case review</h3>
        <p><a href="https://x.example/wp-content/uploads/2012/11/child-t.pdf">SCR Child T Final report – Tolmarsh LSCB 2012</a></p></div>"#;
    check(
        body,
        "child-t.pdf",
        ["Child T: Serious case review", "2012-11", "scr", "Child T", "main"],
    );
}

#[test]
fn only_pdf_paths_count_and_file_names_are_percent_decoded() {
    let body = r#"<p><a href="/media/Child%20D%20SCR%202014.PDF?download=1#page=2">Child D</a>
        <a href="/page.pdf.html">Not a PDF</a> <a href="/x.pdf?v=3">X</a> <a href="/reviews/">Reviews</a>
        <a href="report.pdf#toc">Report</a> <a>No href</a></p>"#;
    assert_eq!(files(body), ["Child D SCR 2014.PDF", "x.pdf", "report.pdf"]);
    let listing = parse_listing(&page(body));
    assert_eq!(listing.entries[0].url, "/media/Child%20D%20SCR%202014.PDF?download=1#page=2");
}

#[test]
fn links_in_nav_header_footer_and_cookie_banners_are_ignored() {
    let body = r#"<div class="cookie-banner"><a href="/cookies.pdf">Cookie policy</a></div>
        <div role="navigation"><a href="/sitemap.pdf">Sitemap</a></div><script>var a = "<a href='/s.pdf'>";</script>
        <article><header><h3>Child Q</h3></header><p><a href="/q.pdf">Report</a></p></article>"#;
    assert_eq!(files(body), ["q.pdf"]);
    check(body, "q.pdf", ["Child Q", "-", "-", "Child Q", "main"]);
}

#[test]
fn board_comes_from_title_then_logo_then_h1() {
    let board = |html: &str| parse_listing(html).board;
    assert_eq!(board(&page("")), Some("Testshire Safeguarding Children Partnership".to_string()));
    let logo = "<title>Case reviews</title><header><a class='site-logo'>Upshire LSCB</a></header><h1>Reviews</h1>";
    assert_eq!(board(logo), Some("Upshire LSCB".to_string()));
    assert_eq!(
        board("<h1>Downshire Safeguarding Adults Board</h1>"),
        Some("Downshire Safeguarding Adults Board".to_string())
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    let pieces = [
        "<",
        ">",
        "\"",
        "'",
        "<a href=",
        "x.pdf",
        "</a>",
        "<div>",
        "</div>",
        "<h2>",
        "<h3>",
        "<p>",
        "<strong>",
        "Child D",
        "12th March 2014",
        "&#x27;",
        "<table><tr><td>",
        "<!--",
        "-->",
        "<script>",
        "%",
        "%zz.pdf",
        "é",
        "\u{a0}",
        "(",
        "[",
        "<li>",
        "</",
        "–",
        ":",
        "2019/12",
        "<nav>",
        "</h2>",
        "Clic\u{212A} here",
        "\u{130}",
        "Download",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..400 {
        let mut html = String::new();
        for _ in 0..(round % 60) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            html.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let _ = parse_listing(&html);
    }
    let nested = |depth: usize| {
        format!(
            "{}<h3>Child Z</h3><a href='/z.pdf'>Report 12 March 2014</a>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    };
    let listing = parse_listing(&nested(400));
    assert!(listing.entries.iter().any(|e| e.file_name == "z.pdf"));
    // The HTML parser slows with the square of the depth (20,000 divs took 21 s): refused.
    let started = std::time::Instant::now();
    for hostile in [
        nested(20_000),
        "<table><tr><td>".repeat(2_000) + "<a href='/t.pdf'>T</a>",
        "<a href='/x.pdf'>".repeat(5_000),
        "<p>x".repeat(200_000),
    ] {
        assert!(super::listing_refusal(&hostile).is_some());
        assert_eq!(parse_listing(&hostile), super::Listing::default());
    }
    // Many sibling links: at most MAX_LISTING_LINKS are read, in bounded time.
    let flat: String = (0..20_000).map(|i| format!("<a href='/r{i}.pdf'>Review {i}</a>")).collect();
    assert!(super::listing_refusal(&flat).is_none());
    assert_eq!(parse_listing(&flat).entries.len(), super::MAX_LISTING_LINKS);
    assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
    // Unclosed paragraphs and list items do not nest.
    let paragraphs = "<ul>".to_string() + &"<li><p>An item".repeat(2_000) + "</ul>";
    assert!(super::listing_refusal(&paragraphs).is_none());
}

/// Reads `key = "value"` lines of a sidecar; the sidecars hold nothing more complex.
fn sidecar(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().trim_matches('"').to_string()))
        .collect()
}

fn corpus_boards() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    [manifest.join("../corpus/boards")].into_iter().find(|p| p.is_dir())
}

#[test]
fn corpus_pages_list_every_pdf_and_agree_with_sidecars() {
    let Some(root) = corpus_boards() else { panic!("corpus/boards not found") };
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(&root).into_iter().flatten().flatten().map(|d| d.path()).collect();
    dirs.sort();
    let mut problems = Vec::new();
    let mut rows = vec![format!(
        "{:<48} {:<5} {:<24} {:<24} {:<26}",
        "pdf", "field", "page", "sidecar", "verdict"
    )];
    for dir in dirs.iter().filter(|d| d.join("index.html").is_file()) {
        let listing = read_listing(&dir.join("index.html")).unwrap_or_default();
        let mut pdfs: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|d| d.path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        pdfs.sort();
        for pdf in pdfs {
            let name =
                pdf.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let Some(e) = listing.entries.iter().find(|e| e.file_name == name) else {
                problems.push(format!("{name}: no entry"));
                continue;
            };
            if e.is_supplementary || e.title.is_none() {
                problems.push(format!(
                    "{name}: supplementary={} title={:?}",
                    e.is_supplementary, e.title
                ));
            }
            let side = sidecar(&pdf.with_extension("toml"));
            let get = |k: &str| side.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
            let fields =
                [("published", &e.published), ("type", &e.review_type), ("subject", &e.subject)];
            for (key, got) in fields {
                let Some(want) = get(key) else { continue };
                let got = got.clone().unwrap_or_else(|| "-".to_string());
                let verdict = if got == want {
                    "agree"
                } else if key == "published" && want.starts_with(&got) && got.len() >= 7 {
                    "agree (page gives month)"
                } else if key == "published" && want.starts_with(&got) && got.len() == 4 {
                    "year only: page gives no month"
                } else {
                    problems.push(format!("{name}: {key} page={got} sidecar={want}"));
                    "DISAGREE"
                };
                rows.push(format!("{name:<48} {key:<5} {got:<24} {want:<24} {verdict:<26}"));
            }
        }
    }
    println!("{}", rows.join("\n"));
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn missing_file_error_names_the_path() {
    let err = read_listing(Path::new("/no/such/listing.html")).err().map(|e| e.to_string());
    assert_eq!(err.as_deref(), Some("cannot read listing page /no/such/listing.html"));
}
