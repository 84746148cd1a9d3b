//! Scanned reviews (#16): a sample-corpus review printed and scanned (each page rendered to a
//! JPEG by pdftoppm and wrapped as an image-only PDF by the writer below) is read by OCR into
//! the same findings and recommendations as the original, its units say they were read from a
//! scan, and a second run reads no page again.

use std::path::Path;

use casebook::{ReviewId, SearchIndex, UnitKind};

use crate::scan_writer::{Scan, huge_page, scan_pdf, spoil_first_image};

fn items(index: &SearchIndex, id: &str) -> Vec<(&'static str, String)> {
    let id = ReviewId::parse(id).unwrap();
    let mut out: Vec<(&'static str, String)> = index
        .units(&id)
        .unwrap()
        .into_iter()
        .filter(|u| matches!(u.kind, UnitKind::Finding | UnitKind::Recommendation))
        .map(|u| (u.kind.as_str(), u.text.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect();
    out.sort();
    out
}

/// Words in common, as a share of the longer text: close enough for OCR's small slips.
fn similar(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let mut b_left = b.clone();
    let mut common = 0;
    for w in &a {
        if let Some(at) = b_left.iter().position(|x| x == w) {
            b_left.swap_remove(at);
            common += 1;
        }
    }
    common as f64 / a.len().max(b.len()).max(1) as f64
}

#[test]
fn a_scanned_review_reads_like_the_original_and_is_read_once() {
    if !casebook_indexer::ocr::available() {
        panic!("Tesseract is not installed: scripts/test installs tesseract-ocr");
    }
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let original = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../corpus/boards/thrandale_scp/child-r-lcspr-2023.pdf");
    std::fs::copy(&original, files.join("child-r-lcspr-2023.pdf")).unwrap();
    scan_pdf(
        &original,
        &files.join("child-r-scanned.pdf"),
        Scan { dpi: 300, quality: 85, turn: 0.0, pages: None, crop: None },
    );
    if let Some(keep) = std::env::var_os("CASEBOOK_KEEP_SCAN") {
        std::fs::copy(files.join("child-r-scanned.pdf"), keep).unwrap();
    }
    let index_dir = dir.path().join("index");
    let options = casebook_indexer::IndexOptions::new(&index_dir, std::slice::from_ref(&files));
    let first = casebook_indexer::run(&options).unwrap();
    assert_eq!(first.n_indexed, 2, "the scan is indexed, not skipped: {:?}", first.skipped);
    let index = SearchIndex::open(&index_dir).unwrap();

    // Findings and recommendations match the original's, item by item.
    let want = items(&index, "child-r-lcspr-2023");
    let got = items(&index, "child-r-scanned");
    let matched = want
        .iter()
        .filter(|(kind, text)| got.iter().any(|(k, t)| k == kind && similar(text, t) >= 0.9))
        .count();
    let precision = matched as f64 / got.len().max(1) as f64;
    let recall = matched as f64 / want.len().max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    println!("scanned copy: {} items of {}, F1 {f1:.2}", got.len(), want.len());
    assert!(f1 >= 0.9, "F1 {f1:.2}: want {want:#?}\ngot {got:#?}");
    // The same themes, and every unit says it was read from a scan.
    let themes = |id: &str| -> Vec<String> {
        index
            .review_tags(&ReviewId::parse(id).unwrap())
            .unwrap()
            .into_iter()
            .filter(|t| t.starts_with("/theme/") || t.starts_with("/risk/"))
            .collect()
    };
    // The same themes.
    assert_eq!(themes("child-r-scanned"), themes("child-r-lcspr-2023"));
    let units = index.units(&ReviewId::parse("child-r-scanned").unwrap()).unwrap();
    assert!(units.iter().all(|u| u.tags.iter().any(|t| t == casebook_indexer::ocr::SCAN_FACET)));
    let confidence = |u: &casebook::Unit| -> Option<f32> {
        u.tags.iter().find_map(|t| t.strip_prefix("/read/confidence/")?.parse().ok())
    };
    let mut read: Vec<f32> =
        units.iter().map(|u| confidence(u).expect("every unit says how well")).collect();
    read.sort_by(f32::total_cmp);
    println!("confidence of the scanned units: {read:?}");
    assert!(read[read.len() / 2] > 85.0, "a clean scan reads well: {read:?}");
    assert!(
        index
            .units(&ReviewId::parse("child-r-lcspr-2023").unwrap())
            .unwrap()
            .iter()
            .all(|u| !u.tags.iter().any(|t| t.starts_with("/read/")))
    );

    // A pack keeps that an extract was read from a scan.
    let scanned_id = ReviewId::parse("child-r-scanned").unwrap();
    let review = index.review(&scanned_id).unwrap().unwrap();
    let (key, unit) = index.keyed_units(&scanned_id).unwrap().remove(0);
    let store = casebook_store::Store::open_in_memory().unwrap();
    let (_, edit) = store.create_pack("Scans", "").unwrap();
    store.add_extract(&edit, &casebook_store::Extract::new(&key, &review, &unit)).unwrap();
    let pack = store.pack(&edit).unwrap().unwrap();
    let casebook_store::ItemContent::Extract { extract, .. } = &pack.items[0].content else {
        panic!("an extract")
    };
    assert!(extract.from_scan);

    // A full run reads every file again, and no page by OCR: they come from the cache.
    let cached = std::fs::read_dir(options.ocr_cache()).unwrap().count();
    assert!(cached >= 8, "{cached} pages kept");
    let mut full = options.clone();
    full.full = true;
    let started = std::time::Instant::now();
    casebook_indexer::run(&full).unwrap();
    println!("second run over the scan: {:.2} s", started.elapsed().as_secs_f64());
    assert_eq!(std::fs::read_dir(options.ocr_cache()).unwrap().count(), cached);
    let index = SearchIndex::open(&index_dir).unwrap();
    assert_eq!(items(&index, "child-r-scanned"), got, "the same text from the cache");
}

#[test]
fn a_corrupt_scan_a_huge_page_and_a_huge_image_are_read_within_bounds_or_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../corpus/boards/pellbrook_scp/baby-s-rapid-review-2022.pdf");
    let corrupt = files.join("corrupt-scan.pdf");
    scan_pdf(&source, &corrupt, Scan { pages: Some(2), ..Scan::clean() });
    spoil_first_image(&corrupt);
    huge_page(&source, &files.join("huge-page.pdf"), 20_000);
    // A page whose image is 20,000 × 20,000 pixels (a scan at 2,400 dpi).
    let huge_image =
        Scan { dpi: 2400, quality: 50, pages: Some(1), crop: Some(20_000), ..Scan::clean() };
    scan_pdf(&source, &files.join("huge-image.pdf"), huge_image);
    let options = casebook_indexer::IndexOptions::new(
        &dir.path().join("index"),
        std::slice::from_ref(&files),
    );
    let report = casebook_indexer::run(&options).unwrap();
    println!(
        "indexed {}, skipped {:?}, warnings {:?}",
        report.n_indexed, report.skipped, report.warnings
    );
    // Each file ends indexed or refused with its name and a reason; the run goes on.
    assert_eq!(report.n_indexed + report.skipped.len(), 3);
    for problem in report.skipped.iter().chain(&report.warnings) {
        assert!(problem.path.starts_with(&files) && !problem.reason.is_empty(), "{problem:?}");
    }
    // The huge page is read at a resolution that keeps it under the pixel cap.
    assert!(
        report.skipped.iter().all(|p| !p.path.ends_with("huge-page.pdf")),
        "{:?}",
        report.skipped
    );
}

#[test]
fn a_scan_with_more_pages_than_the_bound_is_refused_by_name_without_reading_it() {
    // 500 pages of the 2,400-page hostile file, scanned at 40 dpi; the bound set to 100 pages.
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/pdf-corpus/hostile/derived__SafeCommunication_x40_2400pages.pdf");
    assert!(source.is_file(), "{} is missing", source.display());
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    scan_pdf(
        &source,
        &files.join("long-scan.pdf"),
        Scan { dpi: 40, quality: 40, pages: Some(500), ..Scan::clean() },
    );
    let mut options = casebook_indexer::IndexOptions::new(
        &dir.path().join("index"),
        std::slice::from_ref(&files),
    );
    options.max_ocr_pages = 100;
    let started = std::time::Instant::now();
    let error = casebook_indexer::run(&options).unwrap_err();
    // The only file is refused, so the run indexes nothing and says so; the refusal is named.
    println!("{error} after {:.1} s", started.elapsed().as_secs_f64());
    assert!(error.to_string().contains("none of the 1 files"), "{error}");
    let mut options = options.clone();
    options.inputs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/boards/nispb"));
    let report = casebook_indexer::run(&options).unwrap();
    let refused = report.skipped.iter().find(|p| p.path.ends_with("long-scan.pdf")).unwrap();
    assert!(
        refused.reason.contains("500 pages without a text layer: more than 100"),
        "{refused:?}"
    );
    assert!(report.n_indexed >= 1, "the other files are indexed");
}
