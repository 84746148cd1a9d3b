//! Findings and recommendations, read from the paragraphs of a report in order.
//!
//! An item opens at a marker of its section's scheme ([`super::scheme`]), or at a labelled
//! marker ("Finding 3", "Learning point 2", "R4") wherever it is, and runs on over paragraphs
//! and pages until the next item, a heading, or text that is no longer part of it: an item
//! that opened with a headline takes the paragraphs that explain it; a list entry takes only
//! what hangs under it (its sub-points, a line indented to its text, the rest of a sentence
//! broken by a page). Small print (a cross-reference line, a note) is left out; a paragraph
//! set to the left of the item ends it.
//!
//! Items in an executive summary, an action plan or an appendix restate the report: they count
//! only when the report states no items of their kind elsewhere.

use casebook::SectionKind;

use super::Item;
use super::block::Block;
use super::doc::{Ln, Typography};
use super::marker::{self, Family, Marker, Said};
use super::outline::Outline;
use super::scheme::{self, Key, Scheme};
use super::table::Table;

mod finish;
mod reader;

use reader::{Goes, Reader, Start};

/// What was read.
#[derive(Default)]
pub(super) struct Read {
    pub(super) findings: Vec<Item>,
    pub(super) recommendations: Vec<Item>,
    /// Findings and recommendations read under each section (its sub-sections included).
    pub(super) per_section: Vec<(usize, usize)>,
    /// Why nothing was read in a findings or recommendations section.
    pub(super) why_none: Vec<Option<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum What {
    Finding,
    Recommendation,
}

/// An item being read.
struct Open {
    what: What,
    number: Option<String>,
    page: u32,
    node: Option<usize>,
    text: String,
    filed_under: Option<String>,
    /// Left edge of the paragraph that opened it, and of its text (a hanging indent).
    x: f32,
    indent: f32,
    /// Opened by a headline: the paragraphs after it explain it.
    headline: bool,
    /// In a summary, action plan or appendix.
    restates: bool,
    /// The scheme key that opened it, and that of its sub-points.
    key: Option<Key>,
    sub_key: Option<Key>,
    /// The block it was last extended by.
    last: usize,
}

/// An item read, with where it was found.
struct Found {
    what: What,
    item: Item,
    node: Option<usize>,
    restates: bool,
}

const REGIONS: &[SectionKind] =
    &[SectionKind::Findings, SectionKind::Recommendations, SectionKind::ActionPlan];

/// Reads every finding and recommendation.
pub(super) fn read(
    blocks: &[Block],
    lines: &[Ln],
    tables: &[Table],
    outline: &Outline,
    typo: &Typography,
) -> Read {
    let em = typo.em();
    let mut marks: Vec<Option<Marker>> = blocks.iter().map(|b| marker_of(b, lines)).collect();
    let region_of: Vec<Option<usize>> =
        (0..blocks.len()).map(|i| outline.region(outline.of_block[i], REGIONS)).collect();
    drop_report_paragraph_numbers(&mut marks, &region_of, outline);
    // The scheme of each region, from all of its paragraphs.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); outline.nodes.len()];
    for (i, region) in region_of.iter().enumerate() {
        if let Some(r) = *region
            && !outline.is_heading[i]
            && blocks[i].table.is_none()
        {
            members[r].push(i);
        }
    }
    // A report that labels its findings ("Finding 1:") or recommendations ("R1") lists them
    // only so: its numbered paragraphs and bullets are explanation, not further items.
    let labelled = |said: Said| marks.iter().flatten().any(|m| m.said() == Some(said));
    let (labelled_findings, labelled_recommendations) =
        (labelled(Said::Finding), labelled(Said::Recommendation));
    let mut schemes: Vec<Option<Scheme>> = vec![None; outline.nodes.len()];
    let mut bold_led: Vec<bool> = vec![false; outline.nodes.len()];
    for (r, member) in members.iter().enumerate() {
        if member.is_empty() {
            continue;
        }
        let labels_only = match outline.nodes[r].kind {
            SectionKind::Findings => labelled_findings,
            _ => labelled_recommendations,
        };
        if labels_only {
            schemes[r] = Some(Scheme::None);
            continue;
        }
        let bs: Vec<&Block> = member.iter().map(|&i| &blocks[i]).collect();
        let ms: Vec<Option<&Marker>> = member.iter().map(|&i| marks[i].as_ref()).collect();
        let recommendations = outline.nodes[r].kind != SectionKind::Findings;
        // Which sub-section of the region each paragraph is in.
        let scopes: Vec<usize> = member.iter().map(|&i| outline.of_block[i].unwrap_or(r)).collect();
        let mut chosen = scheme::choose(&bs, &ms, &scopes, recommendations, em);
        if matches!(&chosen, Scheme::Markers { family: Key::Digits, .. })
            && numbers_the_report(member, &marks)
        {
            chosen = Scheme::None;
        }
        if let Scheme::Markers { family, .. } = &chosen {
            bold_led[r] = family_is_bold_led(&bs, &ms, family);
        }
        schemes[r] = Some(chosen);
    }
    let mut reader = Reader { found: Vec::new(), open: None, em, geometric: typo.geometric };
    let mut closed_region: Option<usize> = None;
    // The scheme key of the first item read in each region.
    let mut first_key: Vec<Option<Key>> = vec![None; outline.nodes.len()];
    // How many items each region has opened so far.
    let mut started: Vec<usize> = vec![0; outline.nodes.len()];
    for (i, block) in blocks.iter().enumerate() {
        if outline.is_heading[i] {
            reader.close();
            continue;
        }
        let node = outline.of_block[i];
        let mut region = region_of[i];
        // Under a sub-heading, a list in another scheme than the region's items ("What needs
        // to improve" bullets, then a judgement's numbered paragraphs) is another matter.
        if let Some(r) = region
            && i > 0
            && outline.is_heading[i - 1]
            && node != Some(r)
            && let (Some(first), Some(m)) = (&first_key[r], marks[i].as_ref())
            && is_list(first)
            && is_list(&Key::of(m))
            && Key::of(m) != *first
        {
            closed_region = Some(r);
        }
        if region.is_some() && region == closed_region {
            region = None;
        }
        if let Some(t) = block.table {
            reader.close();
            reader.table(&tables[t], node, outline);
            continue;
        }
        let mark = marks[i].as_ref();
        let small = typo.geometric && typo.ratio(block.size) < 0.92;
        if block.footnote || small && mark.is_none_or(|m| m.said().is_none()) {
            continue; // small print: notes, cross-references, captions
        }
        let kind = outline.kind(node);
        let restates = restating(outline, node);
        let scheme = region.and_then(|r| schemes[r].as_ref());
        let region_kind = region.map(|r| outline.nodes[r].kind);
        let filed_under = region.and_then(|r| group_of(outline, node, r));
        let said = mark.and_then(Marker::said);
        let opens_as = |what: What, key: Option<Key>, headline: bool| Start {
            what,
            key,
            headline,
            filed_under: filed_under.clone(),
            restates,
        };
        // Labelled items, wherever they are.
        let start = if let Some(said) = said
            && !matches!(kind, SectionKind::Contents | SectionKind::Glossary)
        {
            let what = if said == Said::Finding { What::Finding } else { What::Recommendation };
            let in_region = region.is_some() || kind == SectionKind::Findings;
            let headline = in_region || block.bold || rest_is_empty(block, mark);
            Some(opens_as(what, mark.map(Key::of), headline))
        } else if let (Some(scheme), Some(region_kind)) = (scheme, region_kind) {
            let what = match region_kind {
                SectionKind::Findings => What::Finding,
                _ => What::Recommendation,
            };
            let by_scheme = match scheme {
                Scheme::Markers { family, x } => match mark {
                    Some(m) if Key::of(m) == *family && block.x <= *x => {
                        let bold_only = region.is_some_and(|r| bold_led[r]);
                        if bold_only && !(block.bold || block.bold_lead)
                            || scheme::is_preamble(&block.text[m.rest..])
                        {
                            reader.close();
                            None
                        } else {
                            let headline = block.bold || rest_is_empty(block, mark);
                            Some(opens_as(what, Some(family.clone()), headline))
                        }
                    }
                    _ => None,
                },
                Scheme::Headlines => (scheme::is_headline(block, blocks.get(i + 1))
                    && mark.is_none())
                .then(|| opens_as(what, None, true)),
                Scheme::Paragraphs => (block_starts_paragraph(block)
                    && mark.is_none()
                    && scheme::reads_as_recommendation(&block.text)
                    && !scheme::is_preamble(&block.text))
                .then(|| opens_as(What::Recommendation, None, false)),
                Scheme::None => None,
            };
            // In findings, a list in a scheme of its own that reads as recommendations ("A1
            // The Board should…" right after "Finding A") is one.
            by_scheme.or_else(|| {
                let m = mark?;
                let key = Key::of(m);
                let own = matches!(scheme, Scheme::Markers { family, .. } if *family == key);
                (what == What::Finding
                    && !own
                    && matches!(key, Key::Code(_) | Key::Tagged)
                    && scheme::reads_as_recommendation(&block.text[m.rest..])
                    && !reader.is_sub_point(block, m))
                .then(|| opens_as(What::Recommendation, Some(key), false))
            })
        } else {
            None
        };
        if let Some(start) = start {
            if let Some(r) = region {
                started[r] += 1;
                if first_key[r].is_none() {
                    first_key[r] = start.key.clone();
                }
            }
            reader.close();
            reader.start(start, i, block, mark, node);
            continue;
        }
        match reader.goes_on(i, block, mark, blocks) {
            Goes::On => reader.append(i, block, mark, blocks),
            Goes::Off => {
                reader.close();
                // In a list under an unnumbered heading, a plain paragraph after the items
                // ends the list ("What needs to improve?" then "The experiences of…").
                if let Some(r) = region
                    && mark.is_none()
                    && outline.nodes[r].kind == SectionKind::Recommendations
                    && !starts_with_digit(&outline.nodes[r].title)
                    && started[r] > 0
                    && !scheme::reads_as_recommendation(&block.text)
                {
                    closed_region = Some(r);
                }
            }
        }
    }
    reader.close();
    finish::finish(reader.found, outline, blocks, &region_of, &schemes, &marks)
}

/// Forgets the paragraph numbers of the report ("7.1 The recommendations are grouped…" under
/// "7. Recommendations") in a region whose items are numbered like paragraphs of their own
/// ("1.1", "2.1" under agency sub-headings): there the chapter's own numbers are not items.
fn drop_report_paragraph_numbers(
    marks: &mut [Option<Marker>],
    region_of: &[Option<usize>],
    outline: &Outline,
) {
    let chapter = |r: usize| -> Option<&str> {
        let top = outline.chain(Some(r)).last()?;
        let title = outline.nodes[top].title.as_str();
        let number = title.split([' ', '.']).next()?;
        (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some(number)
    };
    let prefix = |m: &Marker| m.id.split('.').next().map(str::to_string);
    // The paragraph-numbered blocks of each region, in one pass.
    let mut by_region: Vec<Vec<usize>> = vec![Vec::new(); outline.nodes.len()];
    for (i, region) in region_of.iter().enumerate() {
        if let Some(r) = *region
            && marks[i].as_ref().is_some_and(|m| matches!(m.family, Family::Paragraph { .. }))
        {
            by_region[r].push(i);
        }
    }
    for (r, in_region) in by_region.into_iter().enumerate() {
        let Some(chapter) = chapter(r) else { continue };
        let own: Vec<bool> = in_region
            .iter()
            .map(|&i| marks[i].as_ref().and_then(prefix).as_deref() == Some(chapter))
            .collect();
        if own.contains(&false) {
            for (i, own) in in_region.into_iter().zip(own) {
                if own {
                    marks[i] = None;
                }
            }
        }
    }
}

/// Whether a region's numbered paragraphs go on with the numbers of the paragraphs before it
/// ("16." after a list "1."–"15." elsewhere): an inspection report numbers every paragraph of
/// its judgements, and those are not findings. A list of items restarts at 1.
fn numbers_the_report(members: &[usize], marks: &[Option<Marker>]) -> bool {
    let digits = |m: &Option<Marker>| {
        m.as_ref().filter(|m| matches!(m.family, Family::Digits)).and_then(|m| m.value)
    };
    let Some(&first_member) = members.first() else { return false };
    let values: Vec<u32> = members.iter().filter_map(|&i| digits(&marks[i])).collect();
    let Some(&first) = values.first() else { return false };
    let before = marks[..first_member].iter().rev().find_map(digits);
    (values.len() >= 10 || first >= 20) && first > 1 && before == Some(first - 1)
}

/// The marker that opens a block: a tagged label set apart by a gap ("Health 3⇥…"), or one
/// read from its text.
fn marker_of(block: &Block, lines: &[Ln]) -> Option<Marker> {
    if block.table.is_some() {
        return None;
    }
    let first = &lines[block.start];
    if let Some(&(offset, _)) = first.cells.first()
        && let Some(m) = marker::tagged(first.first_cell(), offset)
        && marker::leading(&block.text).is_none_or(|l| l.said().is_none())
    {
        return Some(m);
    }
    let leading = marker::leading(&block.text);
    if leading.is_some() || block.indent < block.x + em_of(first) {
        return leading;
    }
    // A hanging label whose tab was too narrow to be seen as a gap ("Housing 1 Housing
    // Options should…", the rest of the paragraph indented past the label).
    let mut end = 0;
    for (n, word) in block.text.split(' ').take(4).enumerate() {
        end += word.len() + usize::from(n > 0);
        if word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()) {
            let rest = (end + 1).min(block.text.len());
            return (n > 0).then(|| marker::tagged(&block.text[..end], rest)).flatten();
        }
    }
    None
}

fn em_of(line: &Ln) -> f32 {
    line.size.max(1.0)
}

/// Whether a key is a plain list's: numbers, letters, paragraph numbers, bullets.
fn is_list(key: &Key) -> bool {
    matches!(key, Key::Digits | Key::Letters | Key::Capitals | Key::Paragraph(_) | Key::Bullet(_))
}

fn rest_is_empty(block: &Block, mark: Option<&Marker>) -> bool {
    mark.is_some_and(|m| block.text[m.rest..].trim().is_empty())
}

fn starts_with_digit(title: &str) -> bool {
    title.starts_with(|c: char| c.is_ascii_digit())
}

fn block_starts_paragraph(block: &Block) -> bool {
    block.text.starts_with(|c: char| c.is_uppercase())
}

/// Whether items of this kind here restate the report: in a summary, action plan or appendix.
fn restating(outline: &Outline, node: Option<usize>) -> bool {
    [SectionKind::Summary, SectionKind::ActionPlan, SectionKind::Appendix]
        .iter()
        .any(|k| outline.inside(node, *k))
}

/// The sub-heading a block is filed under inside its region ("Police", "For the LSCB").
fn group_of(outline: &Outline, node: Option<usize>, region: usize) -> Option<String> {
    let n = node?;
    (n != region).then(|| outline.nodes[n].title.clone())
}

/// Whether only the bold-led paragraphs of a paragraph-numbered region are its items: when
/// some numbered paragraphs open in bold and others do not (lessons among conclusions).
fn family_is_bold_led(blocks: &[&Block], marks: &[Option<&Marker>], family: &Key) -> bool {
    if !matches!(family, Key::Paragraph(_)) {
        return false;
    }
    let (mut bold, mut plain) = (0, 0);
    for (b, m) in blocks.iter().zip(marks) {
        if m.is_some_and(|m| Key::of(m) == *family) {
            if b.bold || b.bold_lead {
                bold += 1;
            } else {
                plain += 1;
            }
        }
    }
    bold >= 2 && plain >= 1
}
