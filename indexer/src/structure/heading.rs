//! Headings from typography and numbering: which paragraphs are headings, and how deep each
//! one sits.
//!
//! A heading is a short paragraph that stands out: larger than body text, in capitals, bold or
//! italic while the body is not, numbered like a section ("7", "7.2", "Appendix A"), or naming
//! a kind of section ("Recommendations"). A paragraph that reads as a sentence ("1. Missed
//! appointments were seen one at a time.") is a headline of an item, not a heading.
//!
//! Depth comes from the number where there is one ("7.2" is under "7"), and otherwise from the
//! style: each distinct heading style takes the depth of the numbered headings set in it, or
//! sits between the depths of the styles around it. A numbered heading that restarts a
//! sequence already under way ("1. Police" after "8. Recommendations") is a sub-heading of the
//! section it appears in, not a new chapter.

use casebook::SectionKind;

use super::block::Block;
use super::doc::Typography;
use super::marker::{self, Family};
use super::title::{
    ends_in_page_number, is_contents_entry, numbered, reads_like_a_sentence, title_without_number,
};

/// A heading found in the report.
#[derive(Clone, Debug)]
pub(super) struct Heading {
    /// The block that is the heading.
    pub(super) block: usize,
    /// The heading as written, number included ("7 Findings").
    pub(super) title: String,
    /// Depth: 1 for chapters.
    pub(super) level: usize,
    /// The kind of section its title names.
    pub(super) kind: SectionKind,
}

/// Longest heading, in words.
const MAX_WORDS: usize = 20;

/// How a candidate heading looks, to rank heading styles by.
#[derive(Clone, Copy, Debug)]
struct Look {
    size: f32,
    caps: bool,
    bold: bool,
    italic: bool,
}

impl Look {
    /// A number that orders styles: larger, then capitals, bold, italic.
    fn strength(&self) -> i32 {
        (self.size * 2.0).round() as i32 * 8
            + 4 * i32::from(self.caps)
            + 2 * i32::from(self.bold)
            + i32::from(self.italic)
    }
}

struct Candidate {
    block: usize,
    title: String,
    /// Number parts ("7.2" → [7, 2]); empty when unnumbered.
    number: Vec<u32>,
    look: Look,
}

/// Finds the headings among `blocks`; `skip` marks blocks that cannot be headings (tables, the
/// cover, footnotes).
pub(super) fn headings(blocks: &[Block], typo: &Typography, skip: &[bool]) -> Vec<Heading> {
    let mut candidates: Vec<Candidate> = Vec::new();
    // The page of a contents list being read, and whether an entry of it has been seen.
    let mut contents: Option<(u32, bool)> = None;
    for (i, block) in blocks.iter().enumerate() {
        // A contents list holds no headings. It runs to the end of its page, or to the first
        // block after its entries that is not one (the report itself may start below it).
        if let Some((page, seen_entry)) = contents {
            let is_entry = is_contents_entry(&block.text)
                || block.page_number_last
                || ends_in_page_number(&block.text);
            if page != block.page || (seen_entry && !is_entry) {
                contents = None;
            } else {
                contents = Some((page, seen_entry || is_entry));
                continue;
            }
        }
        if skip[i] || block.footnote {
            continue;
        }
        if let Some(c) = candidate(block, blocks.get(i + 1), typo) {
            if SectionKind::from_heading(title_without_number(&c.title)) == SectionKind::Contents {
                contents = Some((block.page, false));
            }
            candidates.push(Candidate { block: i, ..c });
        }
    }
    // A long title set in the style of the report's large headings is one of them too ("The
    // experiences and progress of children who need help and protection: requires improvement
    // to be good", in the style of "What needs to improve").
    let styles: Vec<(i32, bool)> = candidates
        .iter()
        .filter(|c| typo.geometric && typo.ratio(c.look.size) >= 1.12)
        .map(|c| ((c.look.size * 2.0).round() as i32, c.look.bold))
        .collect();
    let mut more = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let style = ((block.size * 2.0).round() as i32, block.bold && !typo.body_bold);
        let taken = candidates.iter().any(|c| c.block == i);
        if taken || skip[i] || block.footnote || !styles.contains(&style) {
            continue;
        }
        if let Some(c) = long_title(block) {
            more.push(Candidate { block: i, ..c });
        }
    }
    if !more.is_empty() {
        candidates.extend(more);
        candidates.sort_by_key(|c| c.block);
    }
    levels(candidates)
}

/// A title of up to three lines that does not end a sentence and opens with no item marker.
fn long_title(block: &Block) -> Option<Candidate> {
    let text = block.text.trim();
    let fits = block.n_lines <= 3
        && block.n_words() <= 25
        && !text.ends_with(['.', ',', ';'])
        && !block.gapped
        && !block.page_number_last
        && marker::leading(text).is_none()
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    fits.then(|| Candidate {
        block: 0,
        title: text.trim_end_matches(':').to_string(),
        number: Vec::new(),
        look: Look { size: block.size, caps: block.is_caps(), bold: block.bold, italic: false },
    })
}

fn candidate(block: &Block, next: Option<&Block>, typo: &Typography) -> Option<Candidate> {
    let text = block.text.trim();
    let n_words = block.n_words();
    if block.n_lines > 3
        || n_words == 0
        || n_words > MAX_WORDS
        || text.ends_with([',', ';'])
        || block.gapped
    {
        return None;
    }
    if is_contents_entry(text) {
        return None;
    }
    // "1. About this review⇥5": a contents entry without leaders, its page number set apart.
    if block.page_number_last {
        return None;
    }
    // Items and list entries are not headings ("Finding 1: …", "F1.", "(a)", "•").
    if let Some(m) = marker::leading(text)
        && (m.said().is_some()
            || matches!(m.family, Family::Bullet(_) | Family::Letters | Family::Code { .. }))
    {
        return None;
    }
    let look = Look {
        size: if typo.geometric { block.size } else { 0.0 },
        caps: block.is_caps(),
        bold: typo.geometric && block.bold && !typo.body_bold,
        italic: typo.geometric && block.italic && !block.bold,
    };
    let (number, title_part) = numbered(text).unwrap_or((Vec::new(), text));
    let title_part = title_part.trim().trim_end_matches(':').trim();
    let starts_well = title_part
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "‘'“\"".contains(c));
    if !starts_well {
        return None;
    }
    let ratio = typo.ratio(block.size);
    let small = typo.geometric && ratio < 0.95;
    let large = typo.geometric && ratio >= 1.12;
    let ends_stop = text.ends_with('.') && !text.ends_with("..");
    // A long title in plain type is a sentence; in bold, or with a subtitle after a colon, it
    // may be a title ("The experiences and progress of children who need help and protection
    // requires improvement to be good").
    let long = n_words > 12 && !look.bold && !text.contains(": ");
    let sentence = ends_stop || reads_like_a_sentence(title_part) || long;
    let kind = SectionKind::from_heading(title_part);
    let named = kind != SectionKind::Other && n_words <= 7;
    let styled = large || look.caps && n_words <= 12 || look.bold || look.italic && n_words <= 10;
    let is_heading = if small || ends_stop {
        false
    } else if !number.is_empty() {
        // "7 Findings", "8.2 Overview report recommendations": a numbered title, unless it
        // reads as the first sentence of a numbered paragraph.
        !sentence || large && n_words <= 12
    } else if !typo.geometric {
        named && !sentence
    } else if sentence {
        large && n_words <= 12 && block.n_lines <= 2
    } else {
        // A bold or italic line followed by more of the same is a table or a list, not a
        // heading.
        let lone = next.is_none_or(|n| {
            !(n.bold == block.bold && n.italic == block.italic && n.size == block.size)
                || n.page != block.page
        });
        (styled || named && block.n_lines == 1) && (lone || large || look.caps || named)
    };
    is_heading.then(|| Candidate {
        block: 0,
        title: text.trim_end_matches(':').to_string(),
        number,
        look,
    })
}

/// Gives each candidate its depth.
fn levels(candidates: Vec<Candidate>) -> Vec<Heading> {
    // Distinct styles, strongest first.
    let mut strengths: Vec<i32> = candidates.iter().map(|c| c.look.strength()).collect();
    strengths.sort_unstable_by(|a, b| b.cmp(a));
    strengths.dedup();
    let rank = |c: &Candidate| strengths.iter().position(|s| *s == c.look.strength()).unwrap_or(0);
    // The shallowest numbered depth set in each style.
    let mut depth_of_rank: Vec<Option<usize>> = vec![None; strengths.len()];
    for c in candidates.iter().filter(|c| !c.number.is_empty() && c.number != [0]) {
        let d = c.number.len();
        let slot = &mut depth_of_rank[rank(c)];
        *slot = Some(slot.map_or(d, |s| s.min(d)));
    }
    let unnumbered_level = |r: usize| -> usize {
        if let Some(d) = depth_of_rank[r] {
            return d;
        }
        // Between the numbered styles around it: one deeper than the nearest stronger one.
        if let Some(d) = depth_of_rank[..r].iter().rev().flatten().next() {
            return d + 1;
        }
        // Stronger than every numbered style: a chapter.
        if depth_of_rank.iter().any(Option::is_some) {
            return 1;
        }
        r + 1
    };
    let mut out = Vec::with_capacity(candidates.len());
    // The last number seen at each depth, to tell a restarted list from the next chapter.
    let mut last: Vec<u32> = Vec::new();
    let mut chapter_rank: Option<usize> = None;
    let mut chapter_kind = SectionKind::Other;
    for c in &candidates {
        let r = rank(c);
        let kind = kind_of(&c.title, &c.number);
        let level = if c.number == [0] {
            1
        } else if c.number.is_empty() {
            unnumbered_level(r)
        } else {
            let d = c.number.len();
            let value = *c.number.last().unwrap_or(&0);
            // "1. Police" after "8. Recommendations": a numbered list of sub-headings.
            let restarts = d == 1
                && last.first().is_some_and(|&prev| value <= prev)
                && (chapter_rank.is_some_and(|cr| r > cr)
                    || kind == SectionKind::Other
                        && c.title.split_whitespace().count() <= 5
                        && matches!(
                            chapter_kind,
                            SectionKind::Findings | SectionKind::Recommendations
                        ));
            if restarts {
                2
            } else {
                if d == 1 {
                    chapter_rank = Some(chapter_rank.map_or(r, |cr| cr.min(r)));
                }
                last.truncate(d);
                if last.len() == d {
                    last[d - 1] = value;
                } else {
                    last.resize(d - 1, 0);
                    last.push(value);
                }
                d
            }
        };
        if level == 1 {
            chapter_kind = kind;
        }
        out.push(Heading { block: c.block, title: c.title.clone(), level: level.max(1), kind });
    }
    out
}

/// The kind of section a heading names. An appendix is an appendix ("Appendix B: Single-agency
/// learning already implemented" holds no findings of the review), unless it holds the action
/// plan, recommendations, glossary or terms of reference.
fn kind_of(title: &str, number: &[u32]) -> SectionKind {
    let kind = SectionKind::from_heading(title_without_number(title));
    let kept = matches!(
        kind,
        SectionKind::ActionPlan
            | SectionKind::Recommendations
            | SectionKind::Glossary
            | SectionKind::TermsOfReference
            | SectionKind::Contents
    );
    if number == [0] && !kept { SectionKind::Appendix } else { kind }
}
