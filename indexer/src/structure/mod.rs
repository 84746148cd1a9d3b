//! The structure of a review report: sections, findings and recommendations.
//!
//! The reader works from layout and numbering, not from any one board's template, in steps:
//!
//! 1. [`doc`]: every body line with its page, position and typography; the body text's usual
//!    size and line spacing; the right edge of each line's column; footnotes at the foot of a
//!    page, which are kept out of the running text.
//! 2. [`table`]: tables found from a header row of known column names and the x-positions of
//!    their cells, put back together row by row across pages.
//! 3. [`block`]: paragraphs, from the extractor's paragraph starts corrected by geometry (a
//!    bold lead sentence runs on; a line that opens with a list marker starts a paragraph).
//! 4. [`heading`]: headings from typography and numbering, each with a depth, and the section
//!    tree they make; the kind of each section from its title.
//! 5. [`items`]: in findings and recommendations sections, the numbering scheme the section
//!    uses ([`marker`]: labels, codes, numbers, letters, roman numerals, paragraph numbers,
//!    bullets, bold headlines), and every item from its marker to the next item or heading;
//!    labelled items ("Finding 3", "Learning point 2") wherever they are; the rows of
//!    recommendations and action-plan tables; and restatements (a summary, an action plan that
//!    repeats the body) dropped.
//!
//! Pages that come as text without line geometry still read, by their numbering and blank
//! lines alone.

mod block;
mod doc;
mod heading;
mod items;
mod marker;
mod outline;
mod scheme;
mod table;
mod title;

use casebook::SectionKind;

use crate::extract::PageText;

/// What a report is made of.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    /// Body text split at page and section boundaries, in reading order.
    pub passages: Vec<Passage>,
    /// Findings and learning points.
    pub findings: Vec<Item>,
    /// Recommendations.
    pub recommendations: Vec<Item>,
    /// The sections, in order, with what was read in each (for `casebook inspect`).
    pub outline: Vec<Section>,
}

/// A run of body text on one page within one section.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// 1-based page.
    pub page: u32,
    /// Section headings, outermost first.
    pub section: Vec<String>,
    /// What kind of section the passage is in.
    pub kind: SectionKind,
    /// The text, lines joined with `\n`.
    pub text: String,
    /// The headings set in the passage's text, in order (a page of a chapter holds the
    /// headings of the sub-sections that start on it).
    pub headings: Vec<String>,
}

/// A finding or a recommendation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Item {
    /// The number as written ("3", "R3", "2.1", "Health 2"), or its position when the report
    /// gives none.
    pub number: String,
    /// 1-based page where it starts.
    pub page: u32,
    /// Section headings, outermost first.
    pub section: Vec<String>,
    /// The whole text, joined across lines and pages.
    pub text: String,
    /// A note saying whom a recommendation is for, as written before its text
    /// ("to the police and partners" from "R3 [to the police and partners]: …").
    pub addressed_to: Option<String>,
    /// Whom the report files the item under, where its text does not say: the sub-heading of
    /// its list ("Police", "For the Regional Safeguarding Board") or the lead-agency cell of
    /// its table row.
    pub filed_under: Option<String>,
}

/// A section of the report, as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Depth: 1 for chapters.
    pub level: usize,
    /// The heading.
    pub title: String,
    /// 1-based page of the heading.
    pub page: u32,
    /// What kind of section the title names.
    pub kind: SectionKind,
    /// Findings read in the section (sub-sections included).
    pub n_findings: usize,
    /// Recommendations read in the section (sub-sections included).
    pub n_recommendations: usize,
    /// For a section named like findings or recommendations where none was read, why.
    pub why_none: Option<String>,
}

/// Reads the structure of a report from its pages.
pub fn analyse(pages: &[PageText]) -> Structure {
    let (lines, typo) = doc::lines(pages);
    let tables = table::tables(&lines, &typo);
    let blocks = block::blocks_between(&lines, &typo, &tables);
    let skip = skipped(&blocks, &lines, &typo);
    let headings = heading::headings(&blocks, &typo, &skip);
    let labels: Vec<Option<String>> = blocks
        .iter()
        .map(|b| {
            let m = marker::leading(&b.text)?;
            m.said()?;
            Some(format!("{:?}", scheme::Key::of(&m)))
        })
        .collect();
    let outline = outline::sections(&blocks, &headings, &labels);
    let read = items::read(&blocks, &lines, &tables, &outline, &typo);
    let passages = outline::passages(&blocks, &lines, &tables, &outline);
    Structure {
        passages,
        findings: read.findings,
        recommendations: read.recommendations,
        outline: outline::report(&outline, &read.per_section, &read.why_none),
    }
}

/// Blocks that cannot be headings: table placeholders, and the cover page of a report whose
/// first page is a cover (a title in large type, little running text, no table).
fn skipped(blocks: &[block::Block], lines: &[doc::Ln], typo: &doc::Typography) -> Vec<bool> {
    let first: Vec<&block::Block> = blocks.iter().filter(|b| b.page == 1).collect();
    let running_text =
        first.iter().any(|b| b.n_lines >= 3 && (typo.ratio(b.size) - 1.0).abs() < 0.1);
    let title = first.iter().any(|b| typo.ratio(b.size) >= 1.5);
    let cover = typo.geometric
        && title
        && !running_text
        && first.iter().all(|b| b.table.is_none())
        && lines.iter().any(|l| l.page > 1);
    blocks.iter().map(|b| b.table.is_some() || cover && b.page == 1).collect()
}

#[cfg(test)]
mod layout_tests;
#[cfg(test)]
mod tests;

/// One line per paragraph of the report, as the reader saw it: page, position, size, weight,
/// the marker it opens with, whether it is a heading (and its depth) or a table, and its first
/// words. For `casebook inspect --paragraphs`, to see why a layout reads as it does.
pub fn paragraphs(pages: &[PageText]) -> Vec<String> {
    let (lines, typo) = doc::lines(pages);
    let tables = table::tables(&lines, &typo);
    let blocks = block::blocks_between(&lines, &typo, &tables);
    let skip = skipped(&blocks, &lines, &typo);
    let headings = heading::headings(&blocks, &typo, &skip);
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let heading = headings.iter().find(|h| h.block == i);
            let role = match (b.table, heading) {
                (Some(t), _) => format!("table {t} ({} rows)", tables[t].rows.len()),
                (None, Some(h)) => format!("heading {} {}", h.level, h.kind.as_str()),
                (None, None) if b.footnote => "footnote".to_string(),
                (None, None) => match marker::leading(&b.text) {
                    Some(m) => format!("{:?} {}", m.family, m.id),
                    None => String::new(),
                },
            };
            let style = format!(
                "{}{}{}",
                if b.bold {
                    "B"
                } else if b.bold_lead {
                    "b"
                } else {
                    "-"
                },
                if b.italic { "I" } else { "-" },
                if b.ends_full { ">" } else { " " }
            );
            let head: String = b.text.chars().take(70).collect();
            format!(
                "p{:<3} x{:>5.1}/{:<5.1} {:>4.1}pt {style} {:>2}l  {role:<28} {head}",
                b.page, b.x, b.indent, b.size, b.n_lines
            )
        })
        .collect()
}
