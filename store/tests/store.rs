//! The store of packs and saved searches, on a real SQLite file.

use casebook::UnitKind;
use casebook_store::{EditToken, Extract, ItemContent, Pack, Store, StoreError};

// The core's builders of reviews and units.
#[path = "../../tests/it/support.rs"]
#[allow(dead_code)]
mod support;

use support::{page, review};

fn extract(n: u32) -> Extract {
    let r = review("child-a-scr-2014", "Child A", 2014, "scr", "Wexcombe");
    let unit = page(&r, n, &format!("Passage on page {n} about fathers."), &[]);
    Extract::new(&format!("child-a-scr-2014#page-{n}"), &r, &unit)
}

fn pages_of(pack: &Pack) -> Vec<u32> {
    pack.items
        .iter()
        .map(|i| match &i.content {
            ItemContent::Extract { extract, .. } => extract.page,
            ItemContent::Section { .. } => 0,
        })
        .collect()
}

#[test]
fn a_pack_keeps_its_extracts_in_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let (pack, edit) = store.create_pack("  Unseen\nmen ", "Fathers and partners.").unwrap();
    assert_eq!(pack.title, "Unseen men", "a title is one line");
    let ids: Vec<i64> = (1..=4).map(|n| store.add_extract(&edit, &extract(n)).unwrap()).collect();
    store.move_item(&edit, ids[3], 0).unwrap();
    store.shift_item(&edit, ids[0], 1).unwrap();
    store.shift_item(&edit, ids[3], -1).unwrap(); // already first: nothing moves
    store.remove_item(&edit, ids[2]).unwrap();
    let section = store.add_section(&edit, "Discuss", "What did we miss?", Some(ids[1])).unwrap();
    store.set_note(&edit, ids[0], "Read aloud.").unwrap();
    let got = store.pack(&edit).unwrap().unwrap();
    assert_eq!(pages_of(&got), [4, 2, 0, 1]);
    assert_eq!(got.items[2].id, section);
    assert!(
        matches!(&got.items[3].content, ItemContent::Extract { note, .. } if note == "Read aloud.")
    );
    // The copy is whole: text and citation, not just a key.
    let ItemContent::Extract { extract, .. } = &got.items[0].content else { panic!() };
    assert_eq!(
        (extract.review_title.as_str(), extract.year, extract.kind),
        ("Child A", Some(2014), UnitKind::Page)
    );
    assert!(extract.text.contains("page 4"));

    // Reopened from disk, it is the same.
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.pack(&edit).unwrap().unwrap(), got);
}

#[test]
fn tokens_open_only_what_they_are_for() {
    let store = Store::open_in_memory().unwrap();
    let (pack, edit) = store.create_pack("A", "").unwrap();
    assert!(store.shared_pack(&pack.share_token).unwrap().is_some());
    assert!(
        store.shared_pack(edit.as_str()).unwrap().is_none(),
        "the edit token is not a share token"
    );
    let share_as_edit = EditToken::new(&pack.share_token);
    assert!(store.pack(&share_as_edit).unwrap().is_none(), "the share token cannot edit");
    assert!(matches!(store.add_extract(&share_as_edit, &extract(1)), Err(StoreError::NoSuchPack)));
    assert!(!format!("{edit:?}").contains(edit.as_str()), "debug output hides the token");
    let (other, other_edit) = store.create_pack("B", "").unwrap();
    assert_ne!(other.share_token, pack.share_token);
    assert_ne!(other_edit, edit);
}

#[test]
fn values_over_their_limit_change_nothing() {
    let store = Store::open_in_memory().unwrap();
    let (_, edit) = store.create_pack("Title", "").unwrap();
    let item = store.add_extract(&edit, &extract(1)).unwrap();
    let before = store.pack(&edit).unwrap();
    let long = "x".repeat(casebook_store::MAX_TITLE + 1);
    assert!(matches!(
        store.update_pack(&edit, &long, ""),
        Err(StoreError::TooLong { field: "title", .. })
    ));
    assert!(matches!(
        store.update_pack(&edit, " \n ", ""),
        Err(StoreError::Empty { field: "title" })
    ));
    let long = "y".repeat(casebook_store::MAX_NOTE + 1);
    assert!(matches!(
        store.set_note(&edit, item, &long),
        Err(StoreError::TooLong { field: "note", .. })
    ));
    assert!(matches!(store.set_note(&edit, item + 99, "x"), Err(StoreError::NoSuchItem(_))));
    assert_eq!(store.pack(&edit).unwrap(), before);
}

#[test]
fn concurrent_edits_leave_a_consistent_pack() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(Store::open(dir.path()).unwrap());
    let (_, edit) = store.create_pack("Busy", "").unwrap();
    let threads: Vec<_> = (0..6)
        .map(|t| {
            let (store, edit) = (store.clone(), edit.clone());
            std::thread::spawn(move || {
                let mut mine = Vec::new();
                for n in 0..20 {
                    mine.push(store.add_extract(&edit, &extract(t * 100 + n)).unwrap());
                    let pick = mine[n as usize / 2];
                    store.shift_item(&edit, pick, if n % 2 == 0 { -1 } else { 1 }).unwrap();
                    store.move_item(&edit, mine[0], n as usize).unwrap();
                }
                store.remove_item(&edit, mine[1]).unwrap();
                mine.len() - 1
            })
        })
        .collect();
    let kept: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    let pack = store.pack(&edit).unwrap().unwrap();
    assert_eq!(pack.items.len(), kept);
    let mut pages = pages_of(&pack);
    pages.sort_unstable();
    pages.dedup();
    assert_eq!(pages.len(), kept, "every extract once");
    // Positions are 0..n with no gaps or repeats: moving each item to its own place is a no-op.
    for (at, item) in pack.items.iter().enumerate() {
        store.move_item(&edit, item.id, at).unwrap();
    }
    assert_eq!(store.pack(&edit).unwrap().unwrap().items, pack.items);
}

#[test]
fn a_database_of_the_first_schema_is_migrated_with_its_packs() {
    let dir = tempfile::tempdir().unwrap();
    {
        let old = Store::open_at_version(dir.path(), 1).unwrap();
        assert_eq!(old.schema_version().unwrap(), 1);
    }
    // What a version-1 Casebook wrote: a pack with one extract and its note.
    let conn = rusqlite::Connection::open(dir.path().join(casebook_store::DATABASE_FILE)).unwrap();
    let edit = EditToken::new("0123456789abcdef0123456789abcdef");
    let hash = blake3::hash(edit.as_str().as_bytes()).to_hex().to_string();
    conn.execute(
        "INSERT INTO packs (id, edit_hash, share_token, title, created_ms, updated_ms)
         VALUES (1, ?1, 'share', 'Old pack', 1, 1)",
        [hash],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO pack_items (pack_id, position, unit_id, review_id, review_title, unit_kind,
         page, section, text, note)
         VALUES (1, 0, 'child-a#page-1', 'child-a', 'Child A', 'recommendation', 7,
         'Recommendations', 'The board should seek assurance.', 'Keep')",
        [],
    )
    .unwrap();
    drop(conn);

    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), 4, "migrated to the newest schema");
    let pack = store.pack(&edit).unwrap().expect("the old pack is still there");
    let ItemContent::Extract { extract, note } = &pack.items[0].content else {
        panic!("an old item reads as an extract")
    };
    assert_eq!((extract.page, extract.kind, note.as_str()), (7, UnitKind::Recommendation, "Keep"));
    assert_eq!(extract.section, ["Recommendations"]);
    // What version 2 added works on the migrated database.
    store.add_section(&edit, "New", "", None).unwrap();
    assert!(store.save_search("Neglect", "q=neglect").is_ok());
    // And what version 3 added: accounts and corrections.
    let user = store.add_user("cora", casebook_store::accounts::Role::Curator, "long enough pw");
    assert!(user.is_ok());
    assert!(store.corrections_in_force().unwrap().is_empty());
}

#[test]
fn a_database_from_a_newer_casebook_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join(casebook_store::DATABASE_FILE)).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Newer { found: 99, .. }), "{err}");
}
