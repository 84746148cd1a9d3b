//! OCR fidelity and speed (#16): reviews whose text we know, "printed and scanned" clean at
//! 300 dpi and degraded (200 dpi with heavy JPEG loss, turned 2°, turned 90°), read back page
//! by page with Casebook's OCR and compared with the original text layer by the fidelity
//! measure of `../shared/pdf-corpus/README.md` (NFKC, lower case, `\w+` tokens, multiset
//! recall and precision). Then every page again from the cache: the second run's time.
//!
//!     cargo bench -p casebook-indexer --bench ocr      # writes bench/OCR.md
//!
//! Needs pdftoppm, pdfinfo and tesseract (scripts/test installs them).

#[path = "../tests/it/scan_writer.rs"]
mod scan_writer;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use casebook_indexer::extract::extract_pdf;
use casebook_indexer::ocr::Ocr;
use scan_writer::{Scan, scan_pdf};
use unicode_normalization::UnicodeNormalization;

fn tokens(text: &str) -> HashMap<String, usize> {
    let normal: String = text.nfkc().collect::<String>().to_lowercase();
    let mut out = HashMap::new();
    for word in normal.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| !w.is_empty()) {
        *out.entry(word.to_string()).or_insert(0) += 1;
    }
    out
}

/// (common, reference, candidate) token counts.
fn overlap(reference: &str, candidate: &str) -> (usize, usize, usize) {
    let (r, c) = (tokens(reference), tokens(candidate));
    let common = r.iter().map(|(w, n)| (*n).min(c.get(w).copied().unwrap_or(0))).sum();
    (common, r.values().sum(), c.values().sum())
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let sources: Vec<(PathBuf, Option<u32>)> = vec![
        (root.join("corpus/boards/thrandale_scp/child-r-lcspr-2023.pdf"), None),
        (root.join("corpus/boards/ormsleigh_fenmarch_scp/child-f-lcspr-2025.pdf"), None),
        (root.join("../shared/pdf-corpus/domain").join(first_domain_file(&root)), Some(6)),
    ];
    let variants = [
        ("clean, 300 dpi", Scan { dpi: 300, quality: 85, turn: 0.0, pages: None, crop: None }),
        (
            "200 dpi, JPEG quality 25",
            Scan { dpi: 200, quality: 25, turn: 0.0, pages: None, crop: None },
        ),
        ("300 dpi, turned 2°", Scan { dpi: 300, quality: 75, turn: 2.0, pages: None, crop: None }),
        (
            "300 dpi, turned 90°",
            Scan { dpi: 300, quality: 75, turn: 90.0, pages: None, crop: None },
        ),
    ];
    let work = tempfile::tempdir().unwrap();
    let cache = work.path().join("cache");
    let ocr = Ocr { cache_dir: Some(cache.clone()), page_limit: Duration::from_secs(120) };
    let mut table = String::new();
    let mut totals: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    let (mut n_pages, mut ocr_time) = (0usize, Duration::ZERO);
    let mut scans = Vec::new();
    for (source, pages) in &sources {
        let original = extract_pdf(source).expect("the original has a text layer");
        let name =
            source.file_stem().unwrap().to_string_lossy().chars().take(48).collect::<String>();
        for (label, scan) in &variants {
            let scanned = work.path().join(format!("{name}-{}.pdf", scans.len()));
            scan_pdf(source, &scanned, Scan { pages: *pages, ..*scan });
            let hash = blake3::hash(&std::fs::read(&scanned).unwrap()).to_hex().to_string();
            let n = pages.unwrap_or(original.pages.len() as u32);
            let (mut common, mut reference, mut candidate) = (0, 0, 0);
            let started = Instant::now();
            for number in 1..=n {
                let read = ocr.read_page(&scanned, &hash, number).expect("the page reads");
                let want = original.pages[number as usize - 1].full_text();
                let got = read.page.full_text();
                let (c, r, k) = overlap(&want, &got);
                common += c;
                reference += r;
                candidate += k;
            }
            ocr_time += started.elapsed();
            n_pages += n as usize;
            let recall = common as f64 / reference.max(1) as f64;
            let precision = common as f64 / candidate.max(1) as f64;
            writeln!(table, "| {name} | {label} | {n} | {recall:.3} | {precision:.3} |").unwrap();
            let total = totals.entry(label).or_default();
            total.0 += common;
            total.1 += reference;
            total.2 += candidate;
            scans.push((scanned, hash, n));
            eprintln!("{name}, {label}: recall {recall:.3}, precision {precision:.3}");
        }
    }
    // Every page again: all from the cache.
    let started = Instant::now();
    for (scanned, hash, n) in &scans {
        for number in 1..=*n {
            ocr.read_page(scanned, hash, number).unwrap();
        }
    }
    let second = started.elapsed();
    let mut out = String::from(
        "# OCR: fidelity and speed\n\nWritten by `cargo bench -p casebook-indexer --bench ocr` (issue #16); do not edit by \
         hand.\n\nScans made from PDFs whose text layer is known (`indexer/tests/it/scan_writer.rs`: each page \
         rendered to a JPEG by pdftoppm and wrapped as an image-only PDF, turned as on a scanner's glass), read \
         back by Casebook's OCR (pdftoppm 300 dpi grey, Tesseract 5, page segmentation with orientation \
         detection), compared page by page with the original's text layer: NFKC, lower case, `\\w+` tokens, \
         multiset recall and precision.\n\n| file | scan | pages | recall | precision |\n|---|---|---|---|---|\n",
    );
    out.push_str(&table);
    out.push_str("\n| scan | recall | precision |\n|---|---|---|\n");
    for (label, _) in &variants {
        let (c, r, k) = totals[label];
        writeln!(
            out,
            "| {label} | {:.3} | {:.3} |",
            c as f64 / r.max(1) as f64,
            c as f64 / k.max(1) as f64
        )
        .unwrap();
    }
    writeln!(
        out,
        "\n- Speed: {n_pages} pages in {:.1} s, {:.2} pages/s on {} cores (one page at a time; \
         the indexer reads files in parallel).\n- Every page again: {:.2} s, all from the cache \
         ({:.0}× faster).",
        ocr_time.as_secs_f64(),
        n_pages as f64 / ocr_time.as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        second.as_secs_f64(),
        ocr_time.as_secs_f64() / second.as_secs_f64().max(1e-6)
    )
    .unwrap();
    std::fs::write(root.join("bench/OCR.md"), &out).unwrap();
    print!("{out}");
}

/// The first report of pdf-corpus/domain, by name (the folder is not ours to choose from by
/// content).
fn first_domain_file(root: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(root.join("../shared/pdf-corpus/domain"))
        .expect("../shared/pdf-corpus/domain")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    names.sort();
    names.remove(0)
}
