//! Scanned reviews (#16): a sample-corpus review printed and scanned (each page rendered to a
//! JPEG by pdftoppm and wrapped as an image-only PDF by the writer below) is read by OCR into
//! the same findings and recommendations as the original, its units say they were read from a
//! scan, and a second run reads no page again.

use std::path::Path;
use std::process::Command;

use casebook::{ReviewId, SearchIndex, UnitKind};

/// How a page is scanned.
#[derive(Clone, Copy)]
pub(crate) struct Scan {
    pub(crate) dpi: u32,
    /// JPEG quality, 1 to 100.
    pub(crate) quality: u32,
    /// Degrees the page lies turned on the scanner's glass.
    pub(crate) turn: f32,
}

/// Writes an image-only PDF of the pages of `source`, scanned as `scan` says.
pub(crate) fn scan_pdf(source: &Path, target: &Path, scan: Scan) {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("pdftoppm")
        .args(["-r", &scan.dpi.to_string(), "-gray", "-jpeg"])
        .args(["-jpegopt", &format!("quality={}", scan.quality)])
        .arg(source)
        .arg(dir.path().join("p"))
        .status()
        .expect("pdftoppm runs (poppler-utils)");
    assert!(status.success());
    let mut images: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    images.sort();
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let n = images.len();
    // 1: catalog, 2: pages, then per page: page, content, image.
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + 3 * i)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    for (i, image) in images.iter().enumerate() {
        let jpeg = std::fs::read(image).unwrap();
        let (w, h, components) = jpeg_size(&jpeg);
        let colours = if components == 1 { "/DeviceGray" } else { "/DeviceRGB" };
        let (pw, ph) = (w as f32 * 72.0 / scan.dpi as f32, h as f32 * 72.0 / scan.dpi as f32);
        // The image drawn turned about the page's centre.
        let (sin, cos) = scan.turn.to_radians().sin_cos();
        let (cx, cy) = (pw / 2.0, ph / 2.0);
        let content = format!(
            "q 1 0 0 1 {cx} {cy} cm {cos} {sin} {} {cos} 0 0 cm {pw} 0 0 {ph} {} {} cm /Im0 Do Q",
            -sin,
            -pw / 2.0,
            -ph / 2.0
        );
        let (page, stream, img) = (3 + 3 * i, 4 + 3 * i, 5 + 3 * i);
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw} {ph}] /Contents {stream} 0 R \
                 /Resources << /XObject << /Im0 {img} 0 R >> >> >>"
            )
            .into_bytes(),
        );
        let _ = page;
        let mut s = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        s.extend(content.as_bytes());
        s.extend(b"\nendstream");
        objects.push(s);
        let mut s = format!(
            "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace {colours} \
             /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
            jpeg.len()
        )
        .into_bytes();
        s.extend(&jpeg);
        s.extend(b"\nendstream");
        objects.push(s);
    }
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    std::fs::write(target, pdf).unwrap();
}

/// Width, height and number of colour components of a JPEG, from its start-of-frame segment.
fn jpeg_size(jpeg: &[u8]) -> (u32, u32, u8) {
    let mut i = 2;
    while i + 9 < jpeg.len() {
        let marker = jpeg[i + 1];
        let len = u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]) as usize;
        if (0xc0..=0xc3).contains(&marker) {
            let h = u16::from_be_bytes([jpeg[i + 5], jpeg[i + 6]]) as u32;
            let w = u16::from_be_bytes([jpeg[i + 7], jpeg[i + 8]]) as u32;
            return (w, h, jpeg[i + 9]);
        }
        i += 2 + len;
    }
    panic!("no frame in the JPEG")
}

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
        Scan { dpi: 300, quality: 85, turn: 0.0 },
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
    // Every theme of the original; OCR reads a heading in a table's company as body text now
    // and then, which can put a passage under another section and add a theme.
    let (scanned, original) = (themes("child-r-scanned"), themes("child-r-lcspr-2023"));
    let missing: Vec<&String> = original.iter().filter(|t| !scanned.contains(t)).collect();
    let extra: Vec<&String> = scanned.iter().filter(|t| !original.contains(t)).collect();
    println!(
        "themes: {} of the original's {}; more: {extra:?}",
        original.len() - missing.len(),
        original.len()
    );
    assert!(missing.is_empty() && extra.len() <= 1, "missing {missing:?}, extra {extra:?}");
    let units = index.units(&ReviewId::parse("child-r-scanned").unwrap()).unwrap();
    assert!(units.iter().all(|u| u.tags.iter().any(|t| t == casebook_indexer::ocr::SCAN_FACET)));
    assert!(
        index
            .units(&ReviewId::parse("child-r-lcspr-2023").unwrap())
            .unwrap()
            .iter()
            .all(|u| !u.tags.iter().any(|t| t.starts_with("/read/")))
    );

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
