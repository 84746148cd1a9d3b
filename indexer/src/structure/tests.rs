//! Tests of structure reading on small reports written out as page text.

use super::*;

fn pages(texts: &[&str]) -> Vec<PageText> {
    texts
        .iter()
        .enumerate()
        .map(|(i, body)| PageText {
            number: i as u32 + 1,
            body: body.to_string(),
            ..PageText::default()
        })
        .collect()
}

fn numbers(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.number.as_str()).collect()
}

#[test]
fn labelled_findings_and_recommendations_run_across_lines_and_pages() {
    let report = pages(&[
        "Contents\n9. Findings..........10\n12. Recommendations.....11",
        "9. Findings\n9.1 The review makes the following findings.\n\nFinding 1: The protocol was not\nfollowed when a mark was seen\n9.2 The practitioner accepted the explanation.\n\nFinding 2: Agencies focused on the mother",
        "12. Recommendations\nRecommendation 1: The Board must relaunch its protocol\nand audit it.\nRecommendation 2: Health partners should ensure that fathers are\n",
        "invited to contacts.\n13. Action plan\n1 Board Relaunch protocol March 2015",
    ]);
    let s = analyse(&report);
    assert_eq!(numbers(&s.findings), ["1", "2"]);
    assert!(s.findings[0].text.starts_with("The protocol was not followed when a mark was seen"));
    assert_eq!(s.findings[0].page, 2);
    assert_eq!(numbers(&s.recommendations), ["1", "2"]);
    assert_eq!(
        s.recommendations[1].text,
        "Health partners should ensure that fathers are invited to contacts."
    );
    assert_eq!(s.recommendations[1].page, 3);
    assert_eq!(s.recommendations[0].section, ["12. Recommendations"]);
    let contents = s.passages.iter().find(|p| p.page == 1).unwrap();
    assert_eq!(contents.kind, SectionKind::Contents);
}

#[test]
fn numbered_list_under_a_recommendations_heading() {
    let report = pages(&[
        "Recommendations\nThe review makes the following recommendations to the partnership:\n1.\nThe partnership should raise awareness of private\nfostering.\n\n2.\nChildren's services must ensure that every child is visited.\n\nResponse and action plan\n1 Partnership Update training December 2022",
    ]);
    let s = analyse(&report);
    assert_eq!(numbers(&s.recommendations), ["1", "2"]);
    assert_eq!(
        s.recommendations[0].text,
        "The partnership should raise awareness of private fostering."
    );
}

#[test]
fn action_plan_rows_count_only_when_nothing_else_states_recommendations() {
    let report = pages(&[
        "13. Action plan\nR1 Police Review the referral pathway\nR2 Health Train all staff",
    ]);
    let s = analyse(&report);
    assert_eq!(numbers(&s.recommendations), ["R1", "R2"]);
}

#[test]
fn unlabelled_numbered_paragraphs_under_findings_are_findings() {
    let report = pages(&[
        "9 Findings and learning\n9.1 The findings are set out below.\n9.2 Agencies did not share information about the father.\n9.3 Supervision did not challenge drift.\n10 Good practice\n10.1 The GP referred promptly.",
    ]);
    let s = analyse(&report);
    assert_eq!(s.findings.len(), 2);
    assert!(s.findings[1].text.starts_with("Supervision did not"));
    let good = s.passages.iter().find(|p| p.kind == SectionKind::GoodPractice).unwrap();
    assert!(good.text.contains("GP referred"));
}

#[test]
fn soft_hyphens_are_mended_and_compound_hyphens_kept() {
    let report = pages(&[
        "Recommendation 1: The partnership should com\u{ad}\nmission multi-\nagency training.",
    ]);
    assert_eq!(
        analyse(&report).recommendations[0].text,
        "The partnership should commission multi-agency training."
    );
}

#[test]
fn inspection_reports_list_what_needs_to_improve_as_recommendations() {
    let report = pages(&[
        "What needs to improve?\n\n◼ Oversight of arrangements when care leavers move in and out of emergency\naccommodation, to ensure that they are safe.\n\n◼ Timeliness of pre-proceedings, to ensure that children do not experience delay.",
    ]);
    let s = analyse(&report);
    assert_eq!(numbers(&s.recommendations), ["1", "2"]);
    assert!(s.recommendations[0].text.starts_with("Oversight of arrangements"));
}

#[test]
fn a_plain_paragraph_ends_an_unnumbered_list_of_improvements() {
    let report = pages(&[
        "What needs to improve?\n\n◼ The quality of plans, to ensure that children are safe.\n\nThe experiences of children who need help: good\n\n◼ Children are seen promptly and their views are recorded.",
    ]);
    let s = analyse(&report);
    assert_eq!(numbers(&s.recommendations), ["1"]);
}

#[test]
fn sub_points_introduced_by_a_colon_belong_to_their_item() {
    let report = pages(&[
        "What needs to improve?\n\n◼ Practice with disabled children, to demonstrate:\n\n- an understanding of the impact of the disability;\n\n- the ambition for disabled children.\n\n◼ The quality of written records.\n\nThe experiences of children: good",
    ]);
    let s = analyse(&report);
    assert_eq!(numbers(&s.recommendations), ["1", "2"]);
    assert!(s.recommendations[0].text.ends_with("the ambition for disabled children."));
    assert_eq!(s.recommendations[1].text, "The quality of written records.");
}
