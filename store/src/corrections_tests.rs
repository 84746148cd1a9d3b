//! Tests of the curators' corrections: kept through the database and applied.

use super::*;

#[test]
fn item_corrections_keep_their_parts_through_the_database() {
    let store = Store::open_in_memory().unwrap();
    let id = ReviewId::parse("child-k").unwrap();
    let op = Op::edit_item(
        Some(4),
        "Agencies should  share.",
        "Agencies must share.",
        "R2",
        "police, health",
    )
    .unwrap();
    store.add_correction(&id, &op, "", "", "ana").unwrap();
    let not = Op::parse("not_an_item", "This is a heading.", Some(5)).unwrap();
    store.add_correction(&id, &not, "", "", "ana").unwrap();
    let back: Vec<Op> =
        store.corrections_in_force().unwrap()[&id].iter().map(|c| c.op.clone()).collect();
    assert_eq!(back, [op.clone(), not]);
    let Op::EditItem { number, agencies, .. } = op else { unreachable!() };
    assert_eq!((number.as_deref(), agencies.len()), (Some("R2"), 2));
    assert!(same_text("Agencies should  share.", "Agencies should share."));
    assert!(Op::edit_item(Some(4), "", "x", "", "").is_err());
    assert!(Op::edit_item(Some(4), "a", "", "", "Not An Id").is_err());
}

#[test]
fn corrections_are_kept_reverted_and_read_back_in_force() {
    let store = Store::open_in_memory().unwrap();
    let id = ReviewId::parse("child-k").unwrap();
    let op = Op::parse("reject_theme", "neglect", None).unwrap();
    assert_eq!(op, Op::RejectTheme("/theme/neglect".into()));
    let first =
        store.add_correction(&id, &op, "Neglect", "mentioned, not discussed", "ana").unwrap();
    let typed = Op::parse("set_type", "sar", None).unwrap();
    store.add_correction(&id, &typed, "lcspr", "", "ana").unwrap();
    assert_eq!(store.corrections_in_force().unwrap()[&id].len(), 2);
    let reverted = store.revert_correction(first.id, "bo").unwrap().unwrap();
    assert_eq!(reverted.reverted.as_ref().map(|(by, _)| by.as_str()), Some("bo"));
    assert!(store.revert_correction(first.id, "bo").unwrap().is_none(), "once only");
    let in_force = store.corrections_in_force().unwrap();
    assert_eq!(in_force[&id].iter().map(|c| c.op.clone()).collect::<Vec<_>>(), [typed]);
    assert_eq!(store.corrections(Some(&id)).unwrap().len(), 2, "the trail keeps both");
    assert!(Op::parse("set_year", "1850", None).is_err());
    assert!(Op::parse("add_recommendation", "Too short", Some(3)).is_err());
    assert!(Op::parse("explode", "", None).unwrap_err().to_string().contains("set_type"));
}
