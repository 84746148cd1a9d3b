//! Turns the glyphs of a page, in content-stream order, into lines of text with word spaces.
//!
//! Content-stream order is reading order for the word processors that make our reports, so
//! lines are cut where the baseline moves, the direction changes or the pen jumps back, and a
//! space goes where the gap between glyphs exceeds a tenth of an em or a space glyph was drawn.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use super::glyph::{Glyph, PageGlyphs};

/// A gap wider than this many ems between glyphs is a word space (pdftotext uses the same).
const SPACE_GAP: f32 = 0.1;
/// A gap wider than this many ems on a line starts a new cell: a tab stop after a hanging
/// label ("F1.", "7.3"), or the gutter between the cells of a table row.
pub(super) const CELL_GAP: f32 = 1.0;
/// A gap wider than this many ems before a superscript makes it a word of its own.
const SCRIPT_GAP: f32 = 0.025;
/// A baseline shift of more than this many ems starts a new line.
const BASELINE_SHIFT: f32 = 0.5;
/// A jump back of more than this many ems starts a new line.
const JUMP_BACK: f32 = 0.5;
/// A glyph repeated within this many ems of itself is fake bold and dropped.
const OVERPRINT: f32 = 0.15;
/// How many glyphs back the overprint check looks.
const OVERPRINT_WINDOW: usize = 256;

/// A line of text as laid out on the page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TextLine {
    /// The text, with single spaces between words and no leading or trailing space.
    pub(super) text: String,
    /// Device x of the first glyph.
    pub(super) x: f32,
    /// Device y (downwards) of the first glyph's baseline.
    pub(super) y: f32,
    /// The largest em size on the line.
    pub(super) size: f32,
    /// Whether most of the line's characters are bold.
    pub(super) bold: bool,
    /// Whether most of the line's characters are italic.
    pub(super) italic: bool,
    /// Device x where the last glyph ends.
    pub(super) x_end: f32,
    /// Where the line's later cells start: byte offset in `text` and device x (see
    /// [`CELL_GAP`]); empty when the line is one run of text.
    pub(super) cells: Vec<(u32, f32)>,
    /// Unit vector of the baseline direction.
    pub(super) dir: (f32, f32),
}

/// A line being assembled.
struct Builder {
    text: String,
    x: f32,
    y: f32,
    size: f32,
    dir: (f32, f32),
    n_bold: usize,
    n_italic: usize,
    n_chars: usize,
    x_end: f32,
    cells: Vec<(u32, f32)>,
    /// Indices of the glyphs on this line, for the overprint check.
    members: Vec<usize>,
}

/// Groups a page's glyphs into lines.
pub(super) fn lines(page: &PageGlyphs) -> Vec<TextLine> {
    let mut out = Vec::new();
    let mut line: Option<Builder> = None;
    // The last glyph kept, as (glyph, end x, end y).
    let mut prev: Option<(Glyph, f32, f32)> = None;
    let mut pending_space = false;
    let mut pending_accent: Option<Accent<'_>> = None;
    // Glyphs already placed, by text and position rounded to whole units, so that text drawn
    // twice at the same place (fill then stroke, shadows) is kept once.
    let mut placed: HashSet<(i32, i32, &str)> = HashSet::with_capacity(page.glyphs.len());
    for (idx, g) in page.glyphs.iter().enumerate() {
        let text = page.glyph_text(g);
        if !g.space && !placed.insert((g.x.round() as i32, g.y.round() as i32, text)) {
            continue;
        }
        // A spacing accent placed over a letter (as TeX sets "š") joins that letter, drawn
        // before or after it; one that covers no letter stays a character of its own.
        if let Some(mark) = accent_mark(text) {
            let center = (g.x + g.dir.0 * g.width / 2.0, g.y + g.dir.1 * g.width / 2.0);
            if let (Some((p, ..)), Some(cur)) = (prev.as_ref(), line.as_mut())
                && covers(p, center)
                && compose_last(&mut cur.text, mark)
            {
                continue;
            }
            flush_accent(&mut line, &mut pending_accent);
            let end = (g.x + g.dir.0 * g.width, g.y + g.dir.1 * g.width);
            pending_accent = Some((mark, center, text, end));
            continue;
        }
        let mut new_line = true;
        let mut space = false;
        let mut cell = false;
        if let (Some((p, ex, ey)), Some(cur)) = (prev, line.as_ref()) {
            // A standalone accent (a "´" typed for an apostrophe) sits between the glyphs.
            let (ex, ey) = match pending_accent {
                Some(a) if !covers(g, a.1) => a.3,
                _ => (ex, ey),
            };
            let em = p.size.max(g.size).max(1.0);
            let same_dir = p.dir.0 * g.dir.0 + p.dir.1 * g.dir.1 > 0.95;
            let (dx, dy) = (g.x - ex, g.y - ey);
            let along = dx * p.dir.0 + dy * p.dir.1;
            let perp = dy * p.dir.0 - dx * p.dir.1;
            if same_dir && perp.abs() <= BASELINE_SHIFT * em {
                // Fake bold draws a glyph or a whole word again a hair to the side, so any
                // backward move on the same baseline is checked against the line so far.
                if along < -0.05 * em
                    && perp.abs() < OVERPRINT * em
                    && is_overprint(page, cur, g, text)
                {
                    continue;
                }
                if along >= -JUMP_BACK * em {
                    new_line = false;
                    // A raised, smaller glyph set a hair apart (a Word footnote mark) starts a
                    // word of its own, as in pdftotext; one that touches the glyph before (an
                    // ordinal "1st", a LaTeX footnote) stays in the word, as it does there too.
                    let script =
                        p.size - g.size > 0.15 * em && perp < -0.1 * em && along > SCRIPT_GAP * em;
                    space = along > SPACE_GAP * em || script;
                    cell = along > CELL_GAP * em;
                }
            }
        }
        if g.space {
            pending_space = line.is_some();
            if new_line {
                flush_accent(&mut line, &mut pending_accent);
                if let Some(done) = line.take() {
                    out.extend(finish(done));
                }
                pending_space = false;
            }
            prev = Some((*g, g.x + g.dir.0 * g.width, g.y + g.dir.1 * g.width));
            continue;
        }
        if new_line {
            flush_accent(&mut line, &mut pending_accent);
            if let Some(done) = line.take() {
                out.extend(finish(done));
            }
            pending_space = false;
        }
        let cur = line.get_or_insert_with(|| Builder {
            text: String::new(),
            x: g.x,
            y: g.y,
            size: 0.0,
            dir: g.dir,
            n_bold: 0,
            n_italic: 0,
            n_chars: 0,
            x_end: g.x,
            cells: Vec::new(),
            members: Vec::new(),
        });
        if (space || pending_space) && !cur.text.is_empty() && !cur.text.ends_with(' ') {
            cur.text.push(' ');
        }
        if cell && !cur.text.is_empty() {
            cur.cells.push((cur.text.len() as u32, g.x));
        }
        pending_space = false;
        let accent = pending_accent.take();
        if let Some((_, center, original, _)) = accent
            && !covers(g, center)
        {
            push_text(&mut cur.text, original);
        }
        push_text(&mut cur.text, text);
        if let Some((mark, center, ..)) = accent
            && covers(g, center)
        {
            compose_last(&mut cur.text, mark);
        }
        let n = text.chars().count();
        cur.n_chars += n;
        if g.bold {
            cur.n_bold += n;
        }
        if g.italic {
            cur.n_italic += n;
        }
        cur.x_end = cur.x_end.max(g.x + g.dir.0 * g.width);
        cur.size = cur.size.max(g.size);
        if cur.members.len() >= OVERPRINT_WINDOW {
            cur.members.drain(..OVERPRINT_WINDOW / 2);
        }
        cur.members.push(idx);
        prev = Some((*g, g.x + g.dir.0 * g.width, g.y + g.dir.1 * g.width));
    }
    flush_accent(&mut line, &mut pending_accent);
    if let Some(done) = line.take() {
        out.extend(finish(done));
    }
    out
}

/// A spacing accent waiting for the letter under it: combining mark, centre, original text
/// and end of its advance.
type Accent<'a> = (char, (f32, f32), &'a str, (f32, f32));

/// Appends a waiting accent that found no letter to the current line as a character.
fn flush_accent(line: &mut Option<Builder>, pending: &mut Option<Accent<'_>>) {
    if let (Some((_, _, original, _)), Some(cur)) = (pending.take(), line.as_mut()) {
        push_text(&mut cur.text, original);
    }
}

/// Returns the combining mark for a spacing accent glyph.
fn accent_mark(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(match c {
        '\u{b4}' => '\u{301}',
        '\u{2c6}' => '\u{302}',
        '\u{2dc}' => '\u{303}',
        '\u{a8}' => '\u{308}',
        '\u{2c7}' => '\u{30c}',
        '\u{2d8}' => '\u{306}',
        '\u{2d9}' => '\u{307}',
        '\u{2da}' => '\u{30a}',
        '\u{b8}' => '\u{327}',
        '\u{2db}' => '\u{328}',
        '\u{af}' => '\u{304}',
        '\u{2dd}' => '\u{30b}',
        _ => return None,
    })
}

/// Tells whether a point lies over (or under) a glyph, within its advance and an em of its baseline.
fn covers(g: &Glyph, point: (f32, f32)) -> bool {
    let (dx, dy) = (point.0 - g.x, point.1 - g.y);
    let along = dx * g.dir.0 + dy * g.dir.1;
    let perp = dy * g.dir.0 - dx * g.dir.1;
    along >= 0.0 && along <= g.width && perp.abs() < 1.5 * g.size.max(1.0)
}

/// Replaces the last character of `text` with its composition with `mark`, if one exists.
fn compose_last(text: &mut String, mark: char) -> bool {
    let Some(base) = text.chars().last() else { return false };
    match unicode_normalization::char::compose(base, mark) {
        Some(composed) => {
            text.pop();
            text.push(composed);
            true
        }
        None => false,
    }
}

/// Tells whether a glyph repeats one already on the line at nearly the same place (fake bold).
fn is_overprint(page: &PageGlyphs, line: &Builder, g: &Glyph, text: &str) -> bool {
    let tol = OVERPRINT * g.size.max(1.0);
    line.members.iter().rev().any(|&i| {
        let o = &page.glyphs[i];
        (o.x - g.x).abs() < tol && (o.y - g.y).abs() < tol && page.glyph_text(o) == text
    })
}

/// Appends glyph text, expanding ligatures and other compatibility characters with NFKC.
fn push_text(out: &mut String, text: &str) {
    if text.chars().any(|c| matches!(c, '\u{fb00}'..='\u{fb4f}')) {
        out.extend(text.nfkc());
    } else {
        for c in text.chars() {
            // Control characters and tabs inside glyph text would break the line structure.
            out.push(if c.is_control() { ' ' } else { c });
        }
    }
}

/// Finishes a line, dropping it if it holds only whitespace.
fn finish(b: Builder) -> Option<TextLine> {
    let trimmed = b.text.trim_end();
    let lead = trimmed.len() - trimmed.trim_start().len();
    let text = trimmed.trim_start();
    if text.is_empty() {
        return None;
    }
    let rtl = text.chars().any(is_rtl);
    let cells = if rtl {
        Vec::new()
    } else {
        b.cells
            .iter()
            .filter_map(|&(at, x)| {
                let at = (at as usize).checked_sub(lead)?;
                (at > 0 && at < text.len() && text.is_char_boundary(at)).then_some((at as u32, x))
            })
            .collect()
    };
    let text = if rtl { logical_order(text) } else { text.to_owned() };
    Some(TextLine {
        text,
        x: b.x,
        y: b.y,
        size: b.size,
        bold: b.n_bold * 2 > b.n_chars,
        italic: b.n_italic * 2 > b.n_chars,
        x_end: b.x_end,
        cells,
        dir: b.dir,
    })
}

/// Tells whether a character belongs to a right-to-left script (Hebrew, Arabic).
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{590}'..='\u{8ff}' | '\u{fb1d}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

/// Puts right-to-left words, drawn left to right in visual order, back into logical order.
///
/// Only the characters inside each word are reversed: that is what word search needs, and
/// reordering whole runs of words would need the full bidirectional algorithm.
fn logical_order(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().any(is_rtl) {
            out.extend(word.chars().rev());
        } else {
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds glyphs for a string laid out left to right at `x` with `advance` per character.
    fn run(page: &mut PageGlyphs, s: &str, x: f32, y: f32, advance: f32) {
        for (i, c) in s.chars().enumerate() {
            let start = page.text.len() as u32;
            page.text.push(c);
            page.glyphs.push(Glyph {
                x: x + i as f32 * advance,
                y,
                dir: (1.0, 0.0),
                size: 10.0,
                width: 5.0,
                start,
                len: c.len_utf8() as u32,
                bold: false,
                italic: false,
                space: c == ' ',
            });
        }
    }

    fn texts(page: &PageGlyphs) -> Vec<String> {
        lines(page).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn gaps_make_spaces_and_baselines_make_lines() {
        let mut page = PageGlyphs::default();
        run(&mut page, "ab", 0.0, 100.0, 5.0);
        run(&mut page, "cd", 12.0, 100.0, 5.0);
        run(&mut page, "ef", 0.0, 114.0, 5.0);
        assert_eq!(texts(&page), ["ab cd", "ef"]);
    }

    #[test]
    fn small_kerning_gap_is_not_a_space() {
        let mut page = PageGlyphs::default();
        run(&mut page, "ab", 0.0, 100.0, 5.0);
        run(&mut page, "cd", 10.5, 100.0, 5.0);
        assert_eq!(texts(&page), ["abcd"]);
    }

    #[test]
    fn fake_bold_duplicates_are_dropped() {
        let mut page = PageGlyphs::default();
        run(&mut page, "Bold", 0.0, 100.0, 5.0);
        run(&mut page, "Bold", 0.4, 100.0, 5.0);
        run(&mut page, " next", 20.0, 100.0, 5.0);
        assert_eq!(texts(&page), ["Bold next"]);
    }

    #[test]
    fn spacing_accents_join_the_letter_they_cover() {
        let mut page = PageGlyphs::default();
        run(&mut page, "Bau", 0.0, 100.0, 5.0);
        // The caron is drawn first, centred over the "s" that follows it.
        run(&mut page, "\u{2c7}", 15.5, 97.0, 5.0);
        run(&mut page, "s", 15.0, 100.0, 5.0);
        run(&mut page, "e", 20.0, 100.0, 5.0);
        run(&mut page, "\u{b4}", 20.0, 97.0, 5.0);
        assert_eq!(texts(&page), ["Baušé"]);
        let mut page = PageGlyphs::default();
        run(&mut page, "don\u{b4}t", 0.0, 100.0, 5.0);
        assert_eq!(texts(&page), ["don\u{b4}t"]);
    }

    #[test]
    fn ligatures_are_expanded() {
        let mut page = PageGlyphs::default();
        run(&mut page, "e\u{fb03}cient", 0.0, 100.0, 5.0);
        assert_eq!(texts(&page), ["efficient"]);
    }
}
