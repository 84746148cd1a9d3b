//! Builders for small indexes.

use casebook::{Provenance, Review, ReviewId, SearchIndex, Sourced, Unit, UnitKind};

pub(crate) fn review(id: &str, title: &str, year: u16, review_type: &str, board: &str) -> Review {
    let sourced = |v: &str| Some(Sourced { value: v.to_string(), source: Provenance::Sidecar });
    Review {
        id: ReviewId::parse(id).unwrap(),
        title: Sourced { value: title.to_string(), source: Provenance::Sidecar },
        review_type: sourced(review_type),
        board: sourced(&format!("{board} Safeguarding Children Partnership")),
        board_id: Some(board.to_lowercase()),
        published: sourced(&format!("{year}-06-01")),
        subject: None,
        age_band: sourced("under_1"),
        outcome: None,
        author: None,
        file: format!("{id}.pdf"),
        n_pages: 3,
        source_url: None,
    }
}

pub(crate) fn page(review: &Review, page: u32, text: &str, tags: &[&str]) -> Unit {
    Unit {
        review: review.id.clone(),
        kind: UnitKind::Page,
        page,
        page_label: None,
        number: None,
        section: vec![],
        text: text.to_string(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        discussed: Vec::new(),
    }
}

/// An index of three reviews with a few pages each.
pub(crate) fn sample() -> SearchIndex {
    let index = SearchIndex::create_in_ram().unwrap();
    let builder = index.builder().unwrap();
    let a = review("child-a-scr-2014", "Serious Case Review: Child A", 2014, "scr", "Northmoor");
    let b = review("child-b-lcspr-2021", "Child B", 2021, "lcspr", "Wexcombe");
    let c =
        review("adult-c-sar-2019", "Safeguarding Adults Review: Adult C", 2019, "sar", "Northmoor");
    let pages = [
        page(&a, 1, "Serious Case Review Child A. Northmoor.", &[]),
        page(
            &a,
            2,
            "The baby suffered neglect. Professionals showed little curiosity.",
            &["/theme/neglect"],
        ),
        page(
            &a,
            3,
            "There was a risk of harm from the father, an unseen man.",
            &["/risk/unseen_men"],
        ),
        page(
            &b,
            1,
            "Chronic neglect and domestic abuse were known to agencies.",
            &["/theme/neglect", "/risk/domestic_abuse"],
        ),
        page(
            &b,
            2,
            "The risk to harm was not assessed. Disguised compliance misled the workers.",
            &[],
        ),
        page(
            &c,
            1,
            "Self-neglect and hoarding; the adult declined support.",
            &["/theme/self_neglect"],
        ),
    ];
    for r in [&a, &b, &c] {
        let units: Vec<Unit> = pages.iter().filter(|p| p.review == r.id).cloned().collect();
        builder.add_review(r, &[], &units).unwrap();
    }
    builder.commit().unwrap();
    index.reload().unwrap();
    index
}
