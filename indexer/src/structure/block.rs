//! Paragraphs ("blocks") from lines: where a new paragraph starts, and what a paragraph looks
//! like (its size, weight, indents, whether it fills its column).
//!
//! The extractor marks a paragraph start at a wider gap or a change of style. Here a change of
//! style inside a paragraph (a bold lead sentence running into plain text) does not start one
//! when the line before runs to the column's edge, and a line that opens with a list or item
//! marker starts one even without a gap (tight lists).

use super::doc::{Ln, Typography, join_line};
use super::marker;
use super::table::Table;

/// A paragraph: consecutive lines of one page.
#[derive(Clone, Debug)]
pub(super) struct Block {
    /// Index of the first line in the document's lines.
    pub(super) start: usize,
    /// One past the last line.
    pub(super) end: usize,
    /// 1-based page.
    pub(super) page: u32,
    /// The lines joined into one string (words broken at line ends mended).
    pub(super) text: String,
    /// Left edge of the first line.
    pub(super) x: f32,
    /// Left edge of the lines after the first (or of the first line's second cell).
    pub(super) indent: f32,
    /// The largest font size.
    pub(super) size: f32,
    /// Whether every line is bold.
    pub(super) bold: bool,
    /// Whether the first line is bold and a later one is not: a bold lead.
    pub(super) bold_lead: bool,
    /// Whether every line is italic.
    pub(super) italic: bool,
    /// Whether the last line runs to the edge of its column (the paragraph may go on).
    pub(super) ends_full: bool,
    /// Number of lines.
    pub(super) n_lines: usize,
    /// Whether the block is a footnote.
    pub(super) footnote: bool,
    /// The table this block stands for, when it is one.
    pub(super) table: Option<usize>,
    /// Whether the first line is split into cells by wide gaps after something other than a
    /// number or label (a table row, a glossary entry), so that it is no heading.
    pub(super) gapped: bool,
    /// Whether the first line ends in a number set apart by a wide gap: a contents entry's
    /// page number.
    pub(super) page_number_last: bool,
}

impl Block {
    /// The number of words.
    pub(super) fn n_words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// Whether every letter is upper case (and there are a few).
    pub(super) fn is_caps(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic());
        let (mut n, mut upper) = (0, 0);
        for c in letters {
            n += 1;
            upper += usize::from(c.is_uppercase());
        }
        n >= 4 && upper == n
    }
}

/// Splits the lines into paragraphs, with one block standing for each table.
pub(super) fn blocks_between(lines: &[Ln], typo: &Typography, tables: &[Table]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut from = 0;
    for (t, table) in tables.iter().enumerate() {
        paragraphs(lines, from, table.start, typo, &mut out);
        let first = &lines[table.start];
        out.push(Block {
            start: table.start,
            end: table.end,
            page: first.page,
            text: table.text(),
            x: first.x,
            indent: first.x,
            size: first.size,
            bold: false,
            bold_lead: false,
            italic: false,
            ends_full: false,
            n_lines: table.end - table.start,
            footnote: false,
            table: Some(t),
            gapped: true,
            page_number_last: false,
        });
        from = table.end;
    }
    paragraphs(lines, from, lines.len(), typo, &mut out);
    out
}

/// Splits `lines[from..to]` into paragraphs.
fn paragraphs(lines: &[Ln], from: usize, to: usize, typo: &Typography, out: &mut Vec<Block>) {
    let mut start = from;
    for i in from + 1..=to {
        // Back to the left after the lines of a hanging indent: a paragraph of its own
        // ("1. The Board should… / …in Wales." then "Anticipated outcomes. …").
        let back_out = i < to
            && i - 1 > start
            && typo.geometric
            && lines[i].x < lines[i - 1].x - 0.5 * typo.em()
            && lines[i - 1].x > lines[start].x + 0.5 * typo.em();
        if i == to || back_out || starts_block(&lines[i - 1], &lines[i], typo) {
            if start < i {
                out.push(make(lines, start, i, typo));
            }
            start = i;
        }
    }
}

/// Whether `cur` starts a new paragraph after `prev`.
fn starts_block(prev: &Ln, cur: &Ln, typo: &Typography) -> bool {
    if prev.page != cur.page || prev.footnote != cur.footnote {
        return true;
    }
    let marker_start = marker::leading(&cur.text).is_some_and(|m| m.starts_block());
    if !typo.geometric {
        // Without typography a heading is a line of its own.
        return cur.para_start
            || marker_start
            || super::title::is_heading_line(&cur.text)
            || super::title::is_heading_line(&prev.text);
    }
    let em = typo.em();
    let dy = cur.y - prev.y;
    let same_size = (cur.size - prev.size).abs() <= 0.12 * prev.size.max(1.0);
    let close = dy > 0.0 && dy <= typo.pitch.max(prev.size) * 1.45;
    // A line set to the left of the one before opens a new item of a hanging list.
    let outdented = cur.x < prev.x - 0.5 * em;
    if marker_start && (!prev.is_full(em) || outdented || !close) {
        return true;
    }
    if !cur.para_start {
        return !close && dy.abs() > 0.5;
    }
    // A change of weight inside a full line's paragraph is a bold lead running on.
    let runs_on = close
        && same_size
        && prev.is_full(em)
        && !outdented
        && !marker_start
        && cur.text.starts_with(|c: char| !c.is_uppercase() || prev.bold != cur.bold);
    !runs_on
}

fn make(lines: &[Ln], start: usize, end: usize, typo: &Typography) -> Block {
    let part = &lines[start..end];
    let first = &part[0];
    let mut text = String::new();
    for line in part {
        join_line(&mut text, &line.text);
    }
    let indent = match (part.get(1), first.cells.first()) {
        (Some(second), _) => second.x,
        (None, Some(&(_, x))) => x,
        (None, None) => first.x,
    };
    let last = &part[part.len() - 1];
    let gapped = match first.cells.len() {
        0 => false,
        1 => {
            let head = first.first_cell();
            marker::leading(head).is_none()
                && marker::tagged(head, 0).is_none()
                && !head.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        }
        _ => true,
    };
    Block {
        start,
        end,
        page: first.page,
        text,
        x: first.x,
        indent,
        size: part.iter().map(|l| l.size).fold(0.0, f32::max),
        bold: part.iter().all(|l| l.bold),
        bold_lead: first.bold && part.iter().any(|l| !l.bold),
        italic: part.iter().all(|l| l.italic),
        ends_full: last.is_full(typo.em()),
        n_lines: part.len(),
        footnote: first.footnote,
        table: None,
        gapped,
        page_number_last: first.cells.last().is_some_and(|&(at, _)| {
            let tail = first.text[at..].trim();
            !tail.is_empty()
                && tail.len() <= 4
                && tail.chars().all(|c| c.is_ascii_digit() || "ivx".contains(c))
        }),
    }
}
