//! The lines of a report as the structure reader sees them: every body line of every page in
//! reading order, with its page, position and typography; the document's usual body style; the
//! right edge of the column each line is set in; and footnotes told apart from the body.
//!
//! Pages that come as text only (no line geometry, as in tests or old extractions) still read:
//! their lines get no position, and paragraphs start after blank lines.

use crate::extract::PageText;

/// One body line of the report.
#[derive(Clone, Debug)]
pub(super) struct Ln {
    /// 1-based page.
    pub(super) page: u32,
    /// The text, with single spaces.
    pub(super) text: String,
    /// Left edge, in points; 0 without geometry.
    pub(super) x: f32,
    /// Right edge of the last glyph.
    pub(super) x_end: f32,
    /// Baseline, in points from the top.
    pub(super) y: f32,
    /// Font size in points; 0 without geometry.
    pub(super) size: f32,
    /// Whether most of the line is bold.
    pub(super) bold: bool,
    /// Whether most of the line is italic.
    pub(super) italic: bool,
    /// Byte offsets and x of the cells after wide gaps (a hanging label's tab, table cells).
    pub(super) cells: Vec<(usize, f32)>,
    /// Whether the extractor saw a paragraph start here (or a blank line came before it).
    pub(super) para_start: bool,
    /// Whether the line is a footnote at the foot of its page.
    pub(super) footnote: bool,
    /// Right edge of the column the line is set in.
    pub(super) col_right: f32,
}

impl Ln {
    /// The line's first cell: its text up to the first wide gap.
    pub(super) fn first_cell(&self) -> &str {
        match self.cells.first() {
            Some(&(offset, _)) => self.text[..offset].trim_end(),
            None => &self.text,
        }
    }

    /// Whether the line runs to the right edge of its column, so that the paragraph goes on.
    pub(super) fn is_full(&self, em: f32) -> bool {
        self.col_right > 0.0 && self.x_end >= self.col_right - 2.5 * em
    }
}

/// The usual style of body text, against which headings and footnotes stand out.
#[derive(Clone, Copy, Debug)]
pub(super) struct Typography {
    /// Whether the pages came with line geometry.
    pub(super) geometric: bool,
    /// The font size of most of the text.
    pub(super) body_size: f32,
    /// Whether most of the text is bold (then bold marks nothing).
    pub(super) body_bold: bool,
    /// The usual distance between the baselines of two lines of a paragraph.
    pub(super) pitch: f32,
}

impl Typography {
    /// The width of an em of body text, in points (1 without geometry).
    pub(super) fn em(&self) -> f32 {
        if self.geometric { self.body_size.max(1.0) } else { 1.0 }
    }

    /// How much larger than body text a size is (1 without geometry).
    pub(super) fn ratio(&self, size: f32) -> f32 {
        if self.geometric && self.body_size > 0.0 { size / self.body_size } else { 1.0 }
    }
}

/// Reads the body lines of every page, in order.
pub(super) fn lines(pages: &[PageText]) -> (Vec<Ln>, Typography) {
    let geometric = pages.iter().any(|p| !p.lines.is_empty());
    let mut out = Vec::new();
    for page in pages {
        if geometric {
            for line in &page.lines {
                let text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    continue;
                }
                let cells = cells_in(&line.text, &text, &line.cells);
                out.push(Ln {
                    page: page.number,
                    text,
                    x: finite(line.x),
                    x_end: finite(line.x_end),
                    y: finite(line.y),
                    size: finite(line.font_size),
                    bold: line.bold,
                    italic: line.italic,
                    cells,
                    para_start: line.paragraph_start,
                    footnote: false,
                    col_right: 0.0,
                });
            }
        } else {
            let mut blank = true;
            for raw in page.body.lines() {
                let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.is_empty() {
                    blank = true;
                    continue;
                }
                out.push(Ln {
                    page: page.number,
                    text,
                    x: 0.0,
                    x_end: 0.0,
                    y: 0.0,
                    size: 0.0,
                    bold: false,
                    italic: false,
                    cells: Vec::new(),
                    para_start: blank,
                    footnote: false,
                    col_right: 0.0,
                });
                blank = false;
            }
        }
    }
    let typography = typography(&out, geometric);
    if geometric {
        mark_columns(&mut out, &typography);
        mark_footnotes(&mut out, &typography);
    }
    (out, typography)
}

fn finite(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}

/// Maps the extractor's cell offsets, which count in the raw line, onto the line with its
/// spaces collapsed.
fn cells_in(raw: &str, text: &str, cells: &[crate::extract::Cell]) -> Vec<(usize, f32)> {
    if cells.is_empty() {
        return Vec::new();
    }
    // Count the non-space characters before each cell in the raw line, and find the same count
    // in the collapsed one.
    let mut out = Vec::new();
    for cell in cells {
        let Some(head) = raw.get(..cell.offset) else { continue };
        let n_before = head.chars().filter(|c| !c.is_whitespace()).count();
        let mut seen = 0;
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            if seen == n_before {
                if at > 0 && cell.x.is_finite() {
                    out.push((at, cell.x));
                }
                break;
            }
            seen += 1;
        }
    }
    out
}

fn typography(lines: &[Ln], geometric: bool) -> Typography {
    if !geometric {
        return Typography { geometric, body_size: 0.0, body_bold: false, pitch: 0.0 };
    }
    // The size with the most characters, in half points.
    let mut by_size: std::collections::HashMap<i32, usize> = Default::default();
    let (mut n_bold, mut n_chars) = (0, 0);
    for line in lines {
        let n = line.text.len();
        *by_size.entry((line.size * 2.0).round() as i32).or_default() += n;
        n_chars += n;
        if line.bold {
            n_bold += n;
        }
    }
    let body_size = by_size
        .into_iter()
        .max_by_key(|&(size, n)| (n, -size))
        .map_or(10.0, |(s, _)| s as f32 / 2.0);
    // The usual gap between two lines of one paragraph (as the extractor saw paragraphs);
    // between any two lines when it saw none.
    let gaps = |within: bool| {
        let mut gaps: std::collections::HashMap<i32, usize> = Default::default();
        for pair in lines.windows(2) {
            let dy = pair[1].y - pair[0].y;
            let body = |l: &Ln| (l.size - body_size).abs() < 0.6;
            if pair[0].page == pair[1].page
                && body(&pair[0])
                && body(&pair[1])
                && (!within || !pair[1].para_start)
                && dy > 0.8 * body_size
                && dy < 2.5 * body_size
            {
                *gaps.entry((dy * 2.0).round() as i32).or_default() += 1;
            }
        }
        gaps
    };
    let within = gaps(true);
    let gaps = if within.is_empty() { gaps(false) } else { within };
    let pitch = gaps
        .into_iter()
        .max_by_key(|&(gap, n)| (n, -gap))
        .map_or(1.2 * body_size, |(g, _)| g as f32 / 2.0);
    Typography { geometric, body_size, body_bold: n_bold * 2 > n_chars, pitch }
}

/// Sets each line's column right edge: the usual right edge of the lines of its page, or of
/// its half of the page when the page is set in two columns.
fn mark_columns(lines: &mut [Ln], typo: &Typography) {
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].page;
        let end = start + lines[start..].iter().take_while(|l| l.page == page).count();
        let on_page = &lines[start..end];
        let body: Vec<&Ln> =
            on_page.iter().filter(|l| (l.size - typo.body_size).abs() < 1.0).collect();
        let left = body.iter().map(|l| l.x).fold(f32::INFINITY, f32::min);
        let right = body.iter().map(|l| l.x_end).fold(0.0, f32::max);
        let mid = (left + right) / 2.0;
        let in_right_half = body.iter().filter(|l| l.x > mid - typo.em()).count();
        let crossing = body.iter().filter(|l| l.x < mid && l.x_end > mid + 2.0 * typo.em()).count();
        let two_columns = in_right_half >= 4 && crossing * 5 < body.len().max(1);
        let edge = |lines: &mut dyn Iterator<Item = &&Ln>| -> f32 {
            let mut ends: Vec<f32> = lines.map(|l| l.x_end).collect();
            ends.sort_by(f32::total_cmp);
            // The 90th percentile: a few lines that stick out (a URL, a table) do not count.
            ends.get(ends.len().saturating_sub(1) * 9 / 10).copied().unwrap_or(right)
        };
        let (left_edge, right_edge) = if two_columns {
            (edge(&mut body.iter().filter(|l| l.x < mid - typo.em())), edge(&mut body.iter()))
        } else {
            let all = edge(&mut body.iter());
            (all, all)
        };
        for line in &mut lines[start..end] {
            line.col_right =
                if two_columns && line.x < mid - typo.em() { left_edge } else { right_edge };
        }
        start = end;
    }
}

/// Marks the footnotes at the foot of each page: the last lines, set smaller than the body and
/// below all of it, of which the first starts with a note number or mark.
fn mark_footnotes(lines: &mut [Ln], typo: &Typography) {
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].page;
        let end = start + lines[start..].iter().take_while(|l| l.page == page).count();
        let small = |l: &Ln| l.size > 0.0 && l.size < 0.92 * typo.body_size;
        let n_small = lines[start..end].iter().rev().take_while(|l| small(l)).count();
        if n_small > 0 && n_small < end - start {
            let first = end - n_small;
            let lowest_body = lines[start..first].iter().map(|l| l.y).fold(0.0, f32::max);
            let below = lines[first..end].iter().all(|l| l.y > lowest_body);
            if below && starts_with_note_mark(&lines[first].text) {
                for line in &mut lines[first..end] {
                    line.footnote = true;
                }
            }
        }
        start = end;
    }
}

/// "1 HM Government…", "12. See…", "* Names changed", "† …", "¹ …".
fn starts_with_note_mark(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let digits = first.trim_end_matches(['.', ')']);
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        || first.starts_with(['*', '†', '‡', '§'])
        || first.starts_with(|c: char| "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c))
}

/// Joins a line to running text. A hyphen at the end of a line is kept and joined without a
/// space: word processors rarely hyphenate reports, so it is almost always the hyphen of a
/// compound ("multi-\nagency"); a soft hyphen (U+00AD) marks a word broken by hyphenation and is
/// removed.
pub(super) fn join_line(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let continues_word = line.chars().next().is_some_and(char::is_alphanumeric);
    if text.ends_with('\u{ad}') {
        text.pop();
    } else if !(text.ends_with('-')
        && continues_word
        && text[..text.len() - 1].chars().next_back().is_some_and(char::is_alphabetic))
    {
        text.push(' ');
    }
    text.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_marks() {
        assert!(starts_with_note_mark("1 HM Government (2010) Working Together"));
        assert!(starts_with_note_mark("12. Home Office guidance"));
        assert!(starts_with_note_mark("* Names have been changed"));
        assert!(!starts_with_note_mark("The panel met six times"));
        assert!(!starts_with_note_mark("2012 was the year"));
    }

    #[test]
    fn cell_offsets_follow_collapsed_spaces() {
        let cells = [crate::extract::Cell { offset: 6, x: 99.0 }];
        assert_eq!(cells_in("F1.   Moves on", "F1. Moves on", &cells), [(4, 99.0)]);
    }
}
