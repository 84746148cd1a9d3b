//! Incremental indexing: unchanged files are not read again, changed ones replace their
//! units, removed ones disappear, and the result is the index a full run would write.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use casebook::{SearchIndex, UnitKind};
use casebook_indexer::{IndexOptions, IndexReport};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus")
}

/// A copy of the sample corpus's PDFs, sidecars and listing pages.
fn copy_corpus(to: &Path) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else if entry
                .path()
                .extension()
                .is_some_and(|e| e == "pdf" || e == "toml" || e == "html")
            {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
    copy(&corpus(), to);
}

fn run(index: &Path, folder: &Path, full: bool) -> IndexReport {
    let mut options = IndexOptions::new(index, &[folder.to_path_buf()]);
    options.full = full;
    casebook_indexer::run(&options).unwrap()
}

/// Everything the index holds, by unit key: kind, page, text and sorted tags.
fn contents(dir: &Path) -> BTreeMap<String, (String, u32, String, Vec<String>)> {
    let index = SearchIndex::open(dir).unwrap();
    let mut out = BTreeMap::new();
    for kind in [UnitKind::Page, UnitKind::Finding, UnitKind::Recommendation] {
        for (key, unit) in index.units_of_kind(kind).unwrap() {
            let mut tags = unit.tags.clone();
            tags.sort();
            out.insert(key, (kind.as_str().to_string(), unit.page, unit.text, tags));
        }
    }
    for review in index.reviews().unwrap() {
        out.insert(
            review.id.to_string(),
            ("review".into(), review.n_pages, review.title.value, vec![]),
        );
    }
    out
}

#[test]
fn only_what_changed_is_read_again_and_the_result_is_a_full_run_s() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("corpus");
    copy_corpus(&folder);
    let index = work.path().join("index");

    let first = run(&index, &folder, false);
    assert_eq!((first.n_indexed, first.n_unchanged), (first.n_found, 0));
    let again = run(&index, &folder, false);
    assert_eq!((again.n_indexed, again.n_unchanged, again.committed), (0, first.n_found, false));

    // A sidecar edited, a file removed, one added (a copy under another name).
    let sidecar = folder.join("boards/thrandale_scp/child-d-scr-2014.toml");
    let mut text = std::fs::read_to_string(&sidecar).unwrap();
    text = text.replace("title = \"", "title = \"Revised: ");
    std::fs::write(&sidecar, text).unwrap();
    std::fs::remove_file(folder.join("boards/kelderbrook_sab/adult-c-sar-2020.pdf")).unwrap();
    std::fs::copy(
        folder.join("boards/thrandale_scp/child-l-scr-2018.pdf"),
        folder.join("boards/thrandale_scp/child-l-copy.pdf"),
    )
    .unwrap();
    let update = run(&index, &folder, false);
    assert_eq!((update.n_indexed, update.n_removed), (2, 1), "{update:?}");
    assert_eq!(update.n_unchanged, first.n_found - 2);
    let reopened = SearchIndex::open(&index).unwrap();
    let d =
        reopened.review(&casebook::ReviewId::parse("child-d-scr-2014").unwrap()).unwrap().unwrap();
    assert!(d.title.value.starts_with("Revised: "), "{}", d.title.value);
    assert!(
        reopened.review(&casebook::ReviewId::parse("adult-c-sar-2020").unwrap()).unwrap().is_none()
    );

    // The incremental index holds exactly what a full run over the same files writes,
    // recurring-recommendation groups included.
    let full_index = work.path().join("full");
    run(&full_index, &folder, true);
    let (incremental, full) = (contents(&index), contents(&full_index));
    assert_eq!(incremental.len(), full.len());
    for (key, value) in &full {
        assert_eq!(incremental.get(key), Some(value), "{key}");
    }
    assert_eq!(
        reopened.recurrence_counts().unwrap(),
        SearchIndex::open(&full_index).unwrap().recurrence_counts().unwrap()
    );
}

#[test]
fn a_changed_file_that_cannot_be_read_keeps_its_indexed_version() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    let pdf = folder.join("child-d.pdf");
    std::fs::copy(corpus().join("boards/thrandale_scp/child-d-scr-2014.pdf"), &pdf).unwrap();
    std::fs::copy(
        corpus().join("boards/thrandale_scp/child-l-scr-2018.pdf"),
        folder.join("child-l.pdf"),
    )
    .unwrap();
    let index = work.path().join("index");
    run(&index, &folder, false);
    let before = contents(&index);

    std::fs::write(&pdf, b"%PDF-1.7\nbroken on purpose").unwrap();
    let report = run(&index, &folder, false);
    assert_eq!(report.skipped.len(), 1, "{report:?}");
    assert!(report.skipped[0].path.ends_with("child-d.pdf"));
    let after = contents(&index);
    for (key, value) in &before {
        assert_eq!(after.get(key), Some(value), "{key}: the version indexed before is kept whole");
    }
    assert_eq!(after.len(), before.len());
}

#[test]
fn watching_a_folder_indexes_a_file_added_to_it() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(corpus().join("boards/thrandale_scp/child-d-scr-2014.pdf"), folder.join("a.pdf"))
        .unwrap();
    let index = work.path().join("index");
    let options = IndexOptions::new(&index, std::slice::from_ref(&folder));
    casebook_indexer::run(&options).unwrap();

    let stop = AtomicBool::new(false);
    let (tx, rx) = std::sync::mpsc::channel();
    // Watching has started when `start` returns: no wait, however slow the machine.
    let watch = casebook_indexer::Watch::start(&options).unwrap();
    std::thread::scope(|scope| {
        let watcher = scope.spawn(|| {
            watch.run(Duration::from_millis(300), &stop, |changed| {
                tx.send((changed.to_vec(), casebook_indexer::run(&options).unwrap())).unwrap();
            });
        });
        // The file appears whole, by a rename, so that no run can see half of it.
        let staged = work.path().join("b.pdf");
        std::fs::copy(corpus().join("boards/thrandale_scp/child-l-scr-2018.pdf"), &staged).unwrap();
        std::fs::rename(&staged, folder.join("b.pdf")).unwrap();
        let (changed, report) =
            rx.recv_timeout(Duration::from_secs(300)).expect("a run after the change");
        stop.store(true, Ordering::Relaxed);
        watcher.join().unwrap();
        assert!(changed.iter().any(|p| p.ends_with("b.pdf")), "{changed:?}");
        assert_eq!((report.n_indexed, report.n_unchanged), (1, 1));
    });
    assert_eq!(SearchIndex::open(&index).unwrap().stats().unwrap().n_reviews, 2);
}
