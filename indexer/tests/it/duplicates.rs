//! One review, counted once (#18): the grouping of near-duplicate documents measured on a test
//! set made from real text, and checked for false groups on every readable PDF of the sample
//! corpus and `../shared/pdf-corpus/`.
//!
//! The test set: every multi-page document of the sample corpus and of `pdf-corpus/domain`
//! (Ofsted reports written from one template, the hardest case for false groups), with three
//! variants of each that are the same review: a copy under another name, an executive summary
//! cut from it (a quarter of its pages after the cover), and the same text behind a new cover
//! page. Gold groups are each document with its variants; the variants of hostile/ (one Word
//! report re-encoded, encrypted, linearised, truncated) are the same document too.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use casebook::ReviewId;
use casebook::duplicates::{Document, Sketch, group};
use casebook_indexer::extract::extract_pdf;

fn shared() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/pdf-corpus");
    assert!(
        path.is_dir(),
        "{} is missing: the tests need ../shared beside the clone",
        path.display()
    );
    path
}

/// The pages of every PDF under `dir` that extracts, by file name.
fn pages_under(dir: &Path) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")))
        .collect();
    paths.sort();
    for path in paths {
        if let Ok(text) = extract_pdf(&path) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            out.insert(name, text.pages.into_iter().map(|p| p.body).collect());
        }
    }
    out
}

/// Pairs of documents put in one group, as sorted pairs of their names.
fn grouped_pairs(names: &[String], sketches: &[Sketch]) -> HashSet<(String, String)> {
    let ids: Vec<ReviewId> =
        (0..names.len()).map(|i| ReviewId::parse(&format!("d{i}")).unwrap()).collect();
    let docs: Vec<Document<'_>> = ids
        .iter()
        .zip(sketches)
        .map(|(id, sketch)| Document {
            id,
            sketch,
            subject: None,
            n_facts: 0,
            same_as: &[],
            apart_from: &[],
        })
        .collect();
    let groups = group(&docs);
    let mut pairs = HashSet::new();
    for members in groups.groups() {
        let members: Vec<&String> =
            members.iter().map(|id| &names[id.as_str()[1..].parse::<usize>().unwrap()]).collect();
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                pairs.insert(pair(a, b));
            }
        }
    }
    pairs
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a < b { (a.to_owned(), b.to_owned()) } else { (b.to_owned(), a.to_owned()) }
}

/// A cover page of another edition: words the original does not have.
fn new_cover(name: &str) -> String {
    format!(
        "Safeguarding Partnership. Overview report (second edition, reissued). {name}. \
         This edition replaces the version published earlier; the text of the report is \
         unchanged. Published by the partnership's business unit. Contact the business unit for \
         an accessible version of this document."
    )
}

#[test]
fn near_duplicates_are_grouped_with_full_precision() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut originals: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, pages) in pages_under(&corpus) {
        originals.insert(format!("corpus/{name}"), pages);
    }
    for (name, pages) in pages_under(&shared().join("domain")) {
        originals.insert(format!("domain/{name}"), pages);
    }
    originals.retain(|_, pages| pages.len() >= 4);
    assert!(originals.len() > 100, "{} documents", originals.len());

    let mut names: Vec<String> = Vec::new();
    let mut sketches: Vec<Sketch> = Vec::new();
    let mut gold: HashSet<(String, String)> = HashSet::new();
    for (name, pages) in &originals {
        let n = pages.len();
        let cut: Vec<&str> = pages[1..1 + (n / 4).max(2)].iter().map(String::as_str).collect();
        let cover = new_cover(name);
        let covered: Vec<&str> =
            std::iter::once(cover.as_str()).chain(pages[1..].iter().map(String::as_str)).collect();
        let variants = [
            (format!("{name} (copy)"), Sketch::of_texts(pages.iter().map(String::as_str))),
            (format!("{name} (executive summary)"), Sketch::of_texts(cut)),
            (format!("{name} (new cover)"), Sketch::of_texts(covered)),
        ];
        let family: Vec<String> =
            std::iter::once(name.clone()).chain(variants.iter().map(|(n, _)| n.clone())).collect();
        for (i, a) in family.iter().enumerate() {
            for b in &family[i + 1..] {
                gold.insert(pair(a, b));
            }
        }
        names.push(name.clone());
        sketches.push(Sketch::of_texts(pages.iter().map(String::as_str)));
        for (variant, sketch) in variants {
            names.push(variant);
            sketches.push(sketch);
        }
    }
    let found = grouped_pairs(&names, &sketches);
    let right = found.intersection(&gold).count();
    let wrong: Vec<&(String, String)> = found.difference(&gold).collect();
    let precision = right as f64 / found.len().max(1) as f64;
    let recall = right as f64 / gold.len() as f64;
    let missed: Vec<&(String, String)> = gold.difference(&found).take(10).collect();
    println!(
        "{} documents, {} variants: {} same-review pairs; found {} pairs, precision {precision:.3}, \
         recall {recall:.3}; missed e.g. {missed:?}",
        originals.len(),
        names.len() - originals.len(),
        gold.len(),
        found.len()
    );
    assert!(wrong.is_empty(), "false groups: {wrong:?}");
    assert!(recall >= 0.95, "recall {recall:.3}; missed e.g. {missed:?}");

    // How close different documents come: the largest containment of one original in another
    // is far below the threshold.
    let index: HashMap<&str, usize> =
        names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    let mut closest = (0.0, String::new());
    let originals: Vec<usize> = originals.keys().map(|n| index[n.as_str()]).collect();
    for &a in &originals {
        if sketches[a].samples.len() < casebook::duplicates::MIN_SAMPLES {
            continue;
        }
        for &b in &originals {
            let c = sketches[a].contained_in(&sketches[b]);
            if a != b && c > closest.0 {
                closest = (c, format!("{} in {}", names[a], names[b]));
            }
        }
    }
    println!("closest two different documents: {:.3} ({})", closest.0, closest.1);
    assert!(closest.0 < casebook::duplicates::MIN_CONTAINMENT - 0.2, "{closest:?}");
}

#[test]
fn real_pdfs_group_only_copies_of_one_document() {
    // Every readable PDF of pdf-corpus, as found: only the variants that hostile/ derived from
    // one report (re-encoded, encrypted, truncated, concatenated) may be grouped.
    let mut names = Vec::new();
    let mut sketches = Vec::new();
    for folder in ["domain", "mixed", "hostile"] {
        for (name, pages) in pages_under(&shared().join(folder)) {
            names.push(format!("{folder}/{name}"));
            sketches.push(Sketch::of_texts(pages.iter().map(String::as_str)));
        }
    }
    let found = grouped_pairs(&names, &sketches);
    let sources = sources();
    let same_document = |a: &str, b: &str| {
        let known = SAME_DOCUMENT.iter().any(|&(x, y, _)| pair(x, y) == pair(a, b));
        known || sources.get(a).is_some_and(|s| sources.get(b) == Some(s))
    };
    let wrong: Vec<&(String, String)> =
        found.iter().filter(|(a, b)| !same_document(a, b)).collect();
    let derived =
        found.iter().filter(|(a, b)| a.starts_with("hostile/") || b.starts_with("hostile/"));
    println!(
        "{} PDFs read; {} pairs grouped ({} with a file hostile/ derived from a report), all \
         of one document",
        names.len(),
        found.len(),
        derived.count()
    );
    assert!(wrong.is_empty(), "false groups: {wrong:?}");
    for (a, b, why) in SAME_DOCUMENT {
        assert!(found.contains(&pair(a, b)), "{a} and {b} are {why}");
    }
}

/// Files of pdf-corpus that are one document in two files, found by reading them.
const SAME_DOCUMENT: [(&str, &str, &str); 2] = [
    (
        "mixed/camelot__tests__files__tabula__sort_exception.pdf",
        "mixed/camelot__tests__files__tabula__us-017.pdf",
        "a page cut from one NSF report (its section 2)",
    ),
    (
        "mixed/unstructured__example-docs__pdf__multi-column-2p.pdf",
        "mixed/unstructured__example-docs__pdf__multi-column.pdf",
        "the first two pages of one paper, and the whole",
    ),
];

/// The source (repository and path) of every file of pdf-corpus, by folder/name: the files
/// hostile/ derived from a report name the same source as the report.
fn sources() -> HashMap<String, String> {
    let mut out = HashMap::new();
    for folder in ["domain", "mixed", "hostile"] {
        let manifest = std::fs::read_to_string(shared().join(folder).join("MANIFEST.tsv")).unwrap();
        for line in manifest.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() > 2 {
                out.insert(format!("{folder}/{}", cols[0]), format!("{}:{}", cols[1], cols[2]));
            }
        }
    }
    out
}

#[test]
fn an_incremental_run_groups_a_new_copy_and_lets_it_go_when_the_original_goes() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let board = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/boards/thrandale_scp");
    for name in ["child-p-lcspr-2020.pdf", "child-r-lcspr-2023.pdf", "baby-j-lcspr-2021.pdf"] {
        std::fs::copy(board.join(name), files.join(name)).unwrap();
    }
    let index_dir = dir.path().join("index");
    let options = casebook_indexer::IndexOptions::new(&index_dir, std::slice::from_ref(&files));
    let first = casebook_indexer::run(&options).unwrap();
    assert_eq!((first.n_indexed, first.n_duplicates), (3, 0));

    std::fs::copy(files.join("child-r-lcspr-2023.pdf"), files.join("zz-child-r-copy.pdf")).unwrap();
    let second = casebook_indexer::run(&options).unwrap();
    assert_eq!((second.n_indexed, second.n_unchanged, second.n_duplicates), (1, 3, 1));
    let index = casebook::SearchIndex::open(&index_dir).unwrap();
    let copy = ReviewId::parse("zz-child-r-copy").unwrap();
    assert_eq!(index.duplicates().unwrap().main(&copy).as_str(), "child-r-lcspr-2023");

    std::fs::remove_file(files.join("child-r-lcspr-2023.pdf")).unwrap();
    let third = casebook_indexer::run(&options).unwrap();
    assert_eq!((third.n_removed, third.n_duplicates), (1, 0));
    index.reload().unwrap();
    assert!(index.duplicates().unwrap().counts(&copy), "the copy is the review now");
}
