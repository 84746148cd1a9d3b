//! Tests of the structure reader on pages laid out with positions and typography, as the
//! extractor gives them: tables, hanging labels, headings by style, footnotes, small print.

use super::*;
use crate::extract::{Cell, Line};

/// Body size of the pages these tests lay out, and the left margin.
const BODY: f32 = 10.0;
const LEFT: f32 = 72.0;
const RIGHT: f32 = 520.0;

/// Lays out pages line by line: each line at a given x, size and weight, the next one a line
/// lower (or a paragraph lower after `gap`).
#[derive(Default)]
struct Layout {
    pages: Vec<PageText>,
    y: f32,
}

impl Layout {
    fn page(&mut self) -> &mut Self {
        let number = self.pages.len() as u32 + 1;
        self.pages.push(PageText { number, ..PageText::default() });
        self.y = 80.0;
        self
    }

    /// A line from `x` to `x_end`, set in `size`, `bold`, after a paragraph gap when `gap`.
    fn line(
        &mut self,
        text: &str,
        x: f32,
        x_end: f32,
        size: f32,
        bold: bool,
        gap: bool,
    ) -> &mut Self {
        self.y += if gap { size * 2.2 } else { size * 1.2 };
        let page = self.pages.last_mut().expect("a page");
        let prev = page.lines.last();
        let starts = gap || prev.is_none_or(|p| p.bold != bold || p.font_size != size);
        page.lines.push(Line {
            text: text.to_string(),
            font_size: size,
            bold,
            italic: false,
            x,
            x_end,
            y: self.y,
            cells: Vec::new(),
            paragraph_start: starts,
        });
        self
    }

    /// A paragraph of body text: full lines, then a short last one.
    fn para(&mut self, x: f32, lines: &[&str]) -> &mut Self {
        for (i, text) in lines.iter().enumerate() {
            let end = if i + 1 == lines.len() { x + 200.0 } else { RIGHT };
            self.line(text, x, end, BODY, false, i == 0);
        }
        self
    }

    fn heading(&mut self, text: &str, size: f32) -> &mut Self {
        self.line(text, LEFT, LEFT + 150.0, size, true, true)
    }

    /// A line whose text after `split` sits at `cell_x`, after a wide gap.
    fn cells(
        &mut self,
        text: &str,
        cells: &[(usize, f32)],
        size: f32,
        bold: bool,
        gap: bool,
    ) -> &mut Self {
        self.line(text, LEFT, RIGHT, size, bold, gap);
        let line = self.pages.last_mut().unwrap().lines.last_mut().unwrap();
        line.cells = cells.iter().map(|&(offset, x)| Cell { offset, x }).collect();
        self
    }

    /// A table row: each cell's line drawn in turn at the same height, as word processors
    /// draw cells.
    fn row(&mut self, cells: &[(&str, f32)]) -> &mut Self {
        for (i, (text, x)) in cells.iter().enumerate() {
            if i > 0 {
                self.y -= 2.2 * 9.0;
            }
            let end = x + 5.0 * text.chars().count() as f32;
            self.line(text, *x, end, 9.0, false, true);
        }
        self
    }

    /// The pages, with their body text filled in from the lines.
    fn done(&mut self) -> Vec<PageText> {
        for page in &mut self.pages {
            let mut body = String::new();
            for (i, line) in page.lines.iter().enumerate() {
                if i > 0 {
                    body.push_str(if line.paragraph_start { "\n\n" } else { "\n" });
                }
                body.push_str(&line.text);
            }
            page.body = body;
        }
        std::mem::take(&mut self.pages)
    }
}

/// Reads the pages, printing what the reader saw (shown when a test fails).
fn read(pages: &[PageText]) -> Structure {
    for line in paragraphs(pages) {
        println!("{line}");
    }
    analyse(pages)
}

fn numbers(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.number.as_str()).collect()
}

#[test]
fn a_recommendations_table_broken_across_a_page_gives_one_item_per_row() {
    let mut l = Layout::default();
    l.page().heading("7. Recommendations", 14.0);
    l.para(
        LEFT,
        &[
            "The recommendations are grouped by the agency that is asked to act, and the",
            "partnership will monitor the action plan, which it has published with this report",
            "on its website.",
        ],
    );
    let header = "No. Agency Recommendation";
    l.cells(header, &[(4, 120.0), (11, 220.0)], 9.0, true, true);
    l.row(&[
        ("1", LEFT),
        ("Police", 120.0),
        ("The police should check the history of every address.", 220.0),
    ]);
    l.row(&[
        ("2", LEFT),
        ("ICB", 120.0),
        ("The Integrated Care Board should audit GP records.", 220.0),
    ]);
    // The table goes on over the page, its header repeated.
    l.page().cells(header, &[(4, 120.0), (11, 220.0)], 9.0, true, false);
    let last = "The Home Office should consider revising the guidance.";
    l.row(&[("3", LEFT), ("Home Office", 120.0), (last, 220.0)]);
    l.heading("Glossary", 14.0);
    let s = read(&l.done());
    assert_eq!(numbers(&s.recommendations), ["1", "2", "3"]);
    assert_eq!(s.recommendations[2].text, last);
    assert_eq!(s.recommendations[2].page, 2);
    assert_eq!(s.recommendations[1].filed_under.as_deref(), Some("ICB"));
}

#[test]
fn hanging_labels_are_read_even_when_their_tab_is_narrow() {
    let mut l = Layout::default();
    l.page().heading("8 RECOMMENDATIONS", 13.0);
    l.heading("Brackley Council Housing", 10.0);
    for (label, rest) in [
        ("Housing 1", "Housing Options should include in its training the"),
        ("Housing 2", "Housing Options should tell children's services of the"),
    ] {
        l.line(&format!("{label} {rest}"), LEFT, RIGHT, BODY, false, true);
        l.line(
            "significance of a new adult joining a household.",
            122.0,
            400.0,
            BODY,
            false,
            false,
        );
    }
    let s = read(&l.done());
    assert_eq!(numbers(&s.recommendations), ["Housing 1", "Housing 2"]);
    assert!(s.recommendations[0].text.starts_with("Housing Options should include"));
    assert!(s.recommendations[0].text.ends_with("joining a household."));
}

#[test]
fn among_numbered_paragraphs_the_bold_led_ones_are_the_lessons() {
    let mut l = Layout::default();
    l.page().heading("7 CONCLUSIONS AND LESSONS LEARNED", 12.0);
    l.para(LEFT, &[
        "7.1 The panel considered whether the death could have been predicted or prevented, and",
        "it concludes that the death itself could not have been predicted by any professional",
        "who knew the family at the time.",
    ]);
    l.para(LEFT, &["7.2 The review has identified the following lessons."]);
    for (n, topic) in [(3, "history"), (4, "men in the household")] {
        l.line(
            &format!("7.{n} A lesson about the {topic} that runs to the end of the"),
            LEFT,
            RIGHT,
            BODY,
            true,
            true,
        );
        l.line("line, and its explanation below it.", 102.0, 300.0, BODY, false, false);
    }
    let s = read(&l.done());
    assert_eq!(numbers(&s.findings), ["7.3", "7.4"]);
    assert_eq!(
        s.findings[0].text,
        "A lesson about the history that runs to the end of the line, and its explanation below it."
    );
}

#[test]
fn a_sub_heading_between_labelled_items_ends_at_the_next_item() {
    let mut l = Layout::default();
    l.page().heading("Practice and organisational learning", 12.5);
    l.line("Learning theme 1: Capacity was assessed too narrowly", LEFT, 380.0, 11.0, true, true);
    l.para(
        LEFT,
        &[
            "The assessment considered whether she understood the risks of sexual relations",
            "and nothing else; it did not consider her money or the people who stayed in her",
            "flat: one decision only.",
        ],
    );
    l.line("Effective practice", LEFT, 160.0, BODY, true, true);
    l.para(
        LEFT,
        &[
            "The support workers kept detailed daily records, which made it possible for the",
            "reviewers to see what had happened.",
        ],
    );
    l.line(
        "Learning theme 2: Concerns did not reach the people who could act",
        LEFT,
        420.0,
        11.0,
        true,
        true,
    );
    l.para(
        LEFT,
        &[
            "The provider raised three concerns between May and October, and only the first",
            "was treated as a safeguarding report: three concerns.",
        ],
    );
    let s = read(&l.done());
    assert_eq!(numbers(&s.findings), ["1", "2"]);
    assert!(s.findings[0].text.ends_with("one decision only."), "{}", s.findings[0].text);
    assert!(s.findings[1].text.ends_with("three concerns."));
    assert_eq!(s.findings[1].section, ["Practice and organisational learning"]);
}

#[test]
fn numbered_agency_sub_headings_that_restart_stay_inside_recommendations() {
    let mut l = Layout::default();
    l.page().heading("6. Analysis", 14.0);
    l.para(
        LEFT,
        &[
            "6.1 The analysis of the agencies' involvement is set out in this section, in the",
            "order of the terms of reference, and with the views of the family where they",
            "were given.",
        ],
    );
    l.heading("7. Recommendations", 14.0);
    l.para(LEFT, &["7.1 The recommendations are grouped by the organisation asked to act."]);
    l.heading("1. Police", 11.0).para(LEFT, &["1.1 The police should record every visit."]);
    l.para(LEFT, &["1.2 The police should share the record with the school."]);
    l.heading("2. Health", 11.0).para(LEFT, &["2.1 The Trust should train its staff."]);
    let s = read(&l.done());
    assert_eq!(numbers(&s.recommendations), ["1.1", "1.2", "2.1"]);
    assert_eq!(s.recommendations[2].section, ["7. Recommendations", "2. Health"]);
    assert_eq!(s.recommendations[2].filed_under.as_deref(), Some("2. Health"));
}

#[test]
fn footnotes_and_small_print_stay_out_of_items() {
    let mut l = Layout::default();
    l.page().heading("Recommendations", 14.0);
    l.line(
        "R1 The Board should revise its procedure so that every referral is",
        LEFT,
        RIGHT,
        BODY,
        false,
        true,
    );
    l.line(
        "followed up within five working days and that the outcome",
        102.0,
        RIGHT,
        BODY,
        false,
        false,
    );
    l.line("1 Procedures of 2019, section 4.", LEFT, 300.0, 8.0, false, true);
    l.page();
    l.line("is recorded.", 102.0, 160.0, BODY, false, false);
    l.line("Learning points: 1, 2", 102.0, 200.0, 8.5, false, false);
    l.line("R2 The police should check the address history.", LEFT, 400.0, BODY, false, true);
    let s = read(&l.done());
    assert_eq!(numbers(&s.recommendations), ["R1", "R2"]);
    assert_eq!(
        s.recommendations[0].text,
        "The Board should revise its procedure so that every referral is followed up within five \
         working days and that the outcome is recorded."
    );
}

#[test]
fn a_summary_that_restates_the_findings_does_not_count_them_twice() {
    let mut l = Layout::default();
    l.page().heading("Executive summary", 14.0);
    l.para(LEFT, &["1. Missed appointments were seen one at a time."]);
    l.para(LEFT, &["2. No one asked the child."]);
    l.heading("Key findings", 14.0);
    l.line(
        "1. Missed appointments were seen one at a time, not as a pattern.",
        LEFT,
        400.0,
        BODY,
        true,
        true,
    );
    l.para(LEFT, &["Five appointments across four services were missed."]);
    l.line("2. No one asked the child what life was like at home.", LEFT, 400.0, BODY, true, true);
    l.para(LEFT, &["The child was not seen alone."]);
    let s = read(&l.done());
    assert_eq!(numbers(&s.findings), ["1", "2"]);
    assert!(s.findings.iter().all(|f| f.section == ["Key findings"]));
    assert!(s.findings[0].text.ends_with("were missed."));
}

#[test]
fn a_section_named_like_recommendations_says_why_it_gave_none() {
    let mut l = Layout::default();
    l.page().heading("Recommendations", 14.0);
    l.para(LEFT, &["The partners met in May and agreed a plan."]);
    let s = read(&l.done());
    assert!(s.recommendations.is_empty());
    let section = s.outline.iter().find(|o| o.title == "Recommendations").unwrap();
    assert!(section.why_none.as_deref().is_some_and(|w| w.contains("reads as a recommendation")));
}

#[test]
fn the_report_can_start_below_its_contents_list_on_the_same_page() {
    let mut l = Layout::default();
    l.page().heading("Contents", 15.0);
    l.line(
        "1. Summary............................................2",
        LEFT,
        RIGHT,
        BODY,
        false,
        true,
    );
    l.line(
        "2. Why this review was done...........................2",
        LEFT,
        RIGHT,
        BODY,
        false,
        true,
    );
    l.heading("1. Summary", 15.0);
    l.para(
        LEFT,
        &[
            "Ezra is a seven-year-old boy who was seriously neglected at home.",
            "He lives with his father.",
        ],
    );
    l.heading("2. Why this review was done", 15.0);
    l.para(LEFT, &["The partners decided that a review should be carried out."]);
    let s = read(&l.done());
    let titles: Vec<&str> = s.outline.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(titles, ["Contents", "1. Summary", "2. Why this review was done"]);
    let summary = s.passages.iter().find(|p| p.text.contains("seriously neglected")).unwrap();
    assert_eq!(summary.section, ["1. Summary"]);
}

#[test]
fn a_passage_knows_the_headings_of_the_sub_sections_on_its_page() {
    let mut l = Layout::default();
    l.page().heading("5. Analysis", 14.0);
    l.line("5.1 Wishes", LEFT, LEFT + 80.0, 11.5, true, true);
    l.para(LEFT, &["The enquiry was closed when he said he did not want it."]);
    l.line("5.2 Mental capacity", LEFT, LEFT + 100.0, 11.5, true, true);
    l.para(LEFT, &["He had a diagnosis of vascular dementia."]);
    let s = read(&l.done());
    let passage = s.passages.iter().find(|p| p.text.contains("dementia")).unwrap();
    assert_eq!(passage.section, ["5. Analysis"]);
    assert_eq!(passage.headings, ["5. Analysis", "5.1 Wishes", "5.2 Mental capacity"]);
}
