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
use super::doc::join_line;
use super::doc::{Ln, Typography};
use super::marker::{self, Family, Marker, Said};
use super::outline::Outline;
use super::scheme::{self, Key, Scheme};
use super::table::{Column, Table};

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
    finish(reader.found, outline, blocks, &region_of, &schemes, &marks)
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

struct Start {
    what: What,
    key: Option<Key>,
    headline: bool,
    filed_under: Option<String>,
    restates: bool,
}

/// Whether a paragraph continues the open item.
enum Goes {
    On,
    Off,
}

struct Reader {
    found: Vec<Found>,
    open: Option<Open>,
    em: f32,
    geometric: bool,
}

impl Reader {
    fn start(
        &mut self,
        start: Start,
        i: usize,
        block: &Block,
        mark: Option<&Marker>,
        node: Option<usize>,
    ) {
        let text = match mark {
            Some(m) if start.key.is_some() => block.text[m.rest..].to_string(),
            _ => block.text.clone(),
        };
        self.open = Some(Open {
            what: start.what,
            number: mark.filter(|_| start.key.is_some()).map(|m| m.id.clone()),
            page: block.page,
            node,
            text,
            filed_under: start.filed_under,
            x: block.x,
            indent: block.indent,
            headline: start.headline,
            restates: start.restates,
            key: start.key,
            sub_key: None,
            last: i,
        });
    }

    /// Whether a marker at this block is a sub-point of the open item rather than an item.
    fn is_sub_point(&self, block: &Block, mark: &Marker) -> bool {
        self.open.as_ref().is_some_and(|o| {
            o.sub_key.as_ref() == Some(&Key::of(mark))
                || o.text.trim_end().ends_with(':')
                || self.geometric && block.x > o.x + 0.5 * self.em
        })
    }

    fn goes_on(&self, i: usize, block: &Block, mark: Option<&Marker>, blocks: &[Block]) -> Goes {
        let Some(open) = &self.open else { return Goes::Off };
        let em = self.em;
        if self.geometric && block.x < open.x - 0.5 * em {
            return Goes::Off;
        }
        if let Some(m) = mark {
            let key = Key::of(m);
            if open.key.as_ref() == Some(&key) && open.sub_key.as_ref() != Some(&key) {
                // Another entry of the item's own scheme that the scheme did not take.
                return Goes::Off;
            }
            return if self.is_sub_point(block, m) || open.headline { Goes::On } else { Goes::Off };
        }
        let prev = &blocks[open.last];
        // The rest of a sentence broken by a page or a column.
        let runs_on = block.text.starts_with(|c: char| c.is_lowercase())
            || prev.page != block.page && prev.ends_full && !ends_sentence(&open.text);
        if runs_on || open.text.trim_end().ends_with(':') && i == open.last + 1 {
            return Goes::On;
        }
        if open.headline {
            return Goes::On;
        }
        // A paragraph indented to the item's text hangs under it ("Anticipated outcome: …").
        let hangs =
            self.geometric && open.indent > open.x + 0.5 * em && block.x >= open.indent - 1.0;
        if hangs { Goes::On } else { Goes::Off }
    }

    fn append(&mut self, i: usize, block: &Block, mark: Option<&Marker>, blocks: &[Block]) {
        let Some(open) = &mut self.open else { return };
        if let Some(m) = mark
            && open.sub_key.is_none()
            && open.key.as_ref() != Some(&Key::of(m))
        {
            open.sub_key = Some(Key::of(m));
        }
        let prev = &blocks[open.last];
        let continues = block.text.starts_with(|c: char| c.is_lowercase())
            || prev.page != block.page && !ends_sentence(&open.text);
        if continues {
            join_line(&mut open.text, &block.text);
        } else {
            if !open.text.trim().is_empty() {
                open.text.push_str("\n\n");
            }
            open.text.push_str(&block.text);
        }
        open.last = i;
    }

    fn close(&mut self) {
        let Some(open) = self.open.take() else { return };
        let (addressed_to, text) = split_note(open.text.trim());
        if text.is_empty() || open.key.is_none() && scheme::is_preamble(&text) {
            return;
        }
        self.found.push(Found {
            what: open.what,
            item: Item {
                number: open.number.unwrap_or_default(),
                page: open.page,
                section: Vec::new(),
                text,
                addressed_to,
                filed_under: open.filed_under,
            },
            node: open.node,
            restates: open.restates,
        });
    }

    /// The rows of a table of recommendations or findings.
    fn table(&mut self, table: &Table, node: Option<usize>, outline: &Outline) {
        let (text_col, what, restates) = if let Some(c) = table.column(Column::Recommendation) {
            (c, What::Recommendation, restating(outline, node))
        } else if let Some(c) = table.column(Column::Finding) {
            (c, What::Finding, restating(outline, node))
        } else if let Some(c) = table.column(Column::Action) {
            // An action plan with no column of recommendations: its actions stand in for them.
            (c, What::Recommendation, true)
        } else {
            return;
        };
        let number_col = table.column(Column::Number);
        let lead_col = table.column(Column::Lead);
        for row in &table.rows {
            let cell = row.cells[text_col].trim();
            if cell.is_empty() {
                continue;
            }
            let mark = marker::leading(cell).filter(|m| {
                matches!(m.family, Family::Digits | Family::Code { .. } | Family::Letters)
                    || m.said().is_some()
            });
            let text = mark.as_ref().map_or(cell, |m| &cell[m.rest..]).trim().to_string();
            let number = number_col
                .map(|c| row.cells[c].trim().trim_end_matches('.').to_string())
                .filter(|n| !n.is_empty())
                .or_else(|| mark.as_ref().map(|m| m.id.clone()));
            let lead = lead_col.map(|c| row.cells[c].trim().to_string()).filter(|l| !l.is_empty());
            let (addressed_to, text) = split_note(&text);
            if text.is_empty() {
                continue;
            }
            self.found.push(Found {
                what,
                item: Item {
                    number: number.unwrap_or_default(),
                    page: row.page,
                    section: Vec::new(),
                    text,
                    addressed_to,
                    filed_under: lead.or_else(|| row.group.clone()),
                },
                node,
                restates,
            });
        }
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '?', '!', ';', ':', '”', '"', ')'])
}

/// Splits a leading note in brackets ("[to the police]: …") from an item's text.
pub(super) fn split_note(text: &str) -> (Option<String>, String) {
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some(inner) = text.strip_prefix(open)
            && let Some(end) = inner.find(close)
            && end < 120
        {
            let after = inner[end + close.len_utf8()..].trim_start();
            if let Some(rest) = after.strip_prefix([':', '.', '–', '—', '-']) {
                return (Some(inner[..end].trim().to_string()), rest.trim().to_string());
            }
        }
    }
    (None, text.to_string())
}

/// Drops restatements, numbers what has no number, and counts what each section holds.
fn finish(
    found: Vec<Found>,
    outline: &Outline,
    blocks: &[Block],
    region_of: &[Option<usize>],
    schemes: &[Option<Scheme>],
    marks: &[Option<Marker>],
) -> Read {
    let mut read = Read {
        per_section: vec![(0, 0); outline.nodes.len()],
        why_none: vec![None; outline.nodes.len()],
        ..Read::default()
    };
    for what in [What::Finding, What::Recommendation] {
        let of_kind: Vec<&Found> = found.iter().filter(|f| f.what == what).collect();
        let stated = of_kind.iter().any(|f| !f.restates);
        let mut kept: Vec<&Found> = Vec::new();
        for f in of_kind {
            if f.restates && stated {
                continue;
            }
            // The same item twice (a table that repeats a list) counts once.
            if kept.iter().any(|k| same_item(&k.item.text, &f.item.text)) {
                continue;
            }
            kept.push(f);
        }
        let out =
            if what == What::Finding { &mut read.findings } else { &mut read.recommendations };
        for f in kept {
            let mut item = f.item.clone();
            if item.number.is_empty() {
                item.number = (out.len() + 1).to_string();
            }
            item.section = outline.path(f.node);
            for n in outline.chain(f.node) {
                let slot = &mut read.per_section[n];
                if what == What::Finding { slot.0 += 1 } else { slot.1 += 1 }
            }
            out.push(item);
        }
    }
    for (n, node) in outline.nodes.iter().enumerate() {
        let counted = match node.kind {
            SectionKind::Findings => read.per_section[n].0,
            SectionKind::Recommendations => read.per_section[n].1,
            _ => continue,
        };
        if counted == 0 {
            read.why_none[n] = Some(why_none(n, outline, blocks, region_of, schemes, marks));
        }
    }
    read
}

/// Whether two texts are one item: the shorter all but wholly within the longer (a table
/// repeating a list word for word; lists of similar items differ in a word or two more).
fn same_item(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    if short.len() < 6 {
        return false;
    }
    let long: std::collections::HashSet<&String> = long.iter().collect();
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 100 >= short.len() * 97
}

/// Says why nothing was read in a findings or recommendations section.
fn why_none(
    n: usize,
    outline: &Outline,
    blocks: &[Block],
    region_of: &[Option<usize>],
    schemes: &[Option<Scheme>],
    marks: &[Option<Marker>],
) -> String {
    let inside =
        |i: usize| outline.chain(outline.of_block[i]).any(|a| a == n) && !outline.is_heading[i];
    let members: Vec<usize> = (0..blocks.len()).filter(|&i| inside(i)).collect();
    if members.is_empty() {
        return "the section is empty".to_string();
    }
    let region = members.iter().find_map(|&i| region_of[i]);
    if region.is_none() {
        return format!(
            "it sits inside a section of another kind ({})",
            outline.kind(Some(n)).as_str()
        );
    }
    let n_marked = members.iter().filter(|&&i| marks[i].is_some()).count();
    let scheme = region.and_then(|r| schemes[r].clone());
    match scheme {
        Some(Scheme::None) | None => format!(
            "none of its {} paragraphs opens with a label, a number, a letter or a bullet, \
             or is a bold headline{}",
            members.len(),
            if outline.nodes[n].kind == SectionKind::Recommendations {
                ", and none reads as a recommendation (should, must, will, ensure)"
            } else {
                ""
            }
        ),
        Some(s) => format!(
            "its {} paragraphs ({n_marked} with a marker) gave no item in the scheme chosen ({s:?}); \
             they may restate items stated elsewhere",
            members.len()
        ),
    }
}
