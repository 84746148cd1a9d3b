//! Page assembly: splits a page's lines into header, body and footer, finds paragraphs in
//! the body, and rejoins words hyphenated across line ends.

use std::collections::{HashMap, HashSet};

use super::furniture::{Role, page_label};
use super::layout::TextLine;
use super::{Line, Page};

/// Builds a page from its lines and their roles; `body` is filled in by [`finish_bodies`].
pub(super) fn assemble(
    number: u32,
    lines: Vec<TextLine>,
    roles: &[Role],
    no_text_layer: bool,
) -> Page {
    let mut header = Vec::new();
    let mut footer = Vec::new();
    let mut body: Vec<TextLine> = Vec::new();
    for (line, role) in
        lines.into_iter().zip(roles.iter().copied().chain(std::iter::repeat(Role::Body)))
    {
        match role {
            Role::Header => header.push(line.text),
            Role::Footer => footer.push(line.text),
            Role::Body => body.push(line),
        }
    }
    let label = page_label(footer.iter().chain(header.iter()).map(String::as_str));
    Page {
        number,
        header: header.join("\n"),
        body: String::new(),
        footer: footer.join("\n"),
        label,
        no_text_layer,
        lines: paragraphs(body),
    }
}

/// Rejoins hyphenated words (when asked) and renders each page's body from its lines.
///
/// A word broken as "safe-" / "guarding" loses its hyphen unless the document spells the
/// compound with a hyphen elsewhere ("multi-agency") and never as one word.
pub(super) fn finish_bodies(pages: &mut [Page], dehyphenate: bool) {
    if dehyphenate && pages.iter().any(|p| p.lines.windows(2).any(|w| is_break(&w[0], &w[1]))) {
        let mut vocab = Vocabulary::default();
        for line in pages.iter().flat_map(|p| p.lines.iter()) {
            vocab.add_line(&line.text);
        }
        for page in pages.iter_mut() {
            rejoin(&mut page.lines, &vocab);
        }
    }
    for page in pages.iter_mut() {
        let mut body = String::new();
        for (i, line) in page.lines.iter().enumerate() {
            if i > 0 {
                body.push_str(if line.paragraph_start { "\n\n" } else { "\n" });
            }
            body.push_str(&line.text);
        }
        page.body = body;
    }
}

/// The words and hyphenated compounds that occur unbroken in a document, lower-cased.
#[derive(Default)]
struct Vocabulary {
    words: HashSet<String>,
    compounds: HashSet<String>,
}

impl Vocabulary {
    /// Adds the words and compounds of one line.
    fn add_line(&mut self, text: &str) {
        for chunk in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            let chunk = chunk.trim_matches('-');
            if chunk.is_empty() {
                continue;
            }
            if chunk.contains('-') {
                self.compounds.insert(chunk.to_lowercase());
            }
            for w in chunk.split('-').filter(|w| !w.is_empty()) {
                if !self.words.contains(w) {
                    self.words.insert(w.to_lowercase());
                }
            }
        }
    }

    /// Tells whether the hyphen between `head` and `tail` should stay.
    ///
    /// It stays when the compound occurs elsewhere with its hyphen and the joined word does
    /// not; otherwise the line-end hyphen is taken as a soft break, as pdftotext does.
    fn keeps_hyphen(&self, head: &str, tail: &str) -> bool {
        let joined = format!("{head}{tail}").to_lowercase();
        let compound = format!("{head}-{tail}").to_lowercase();
        self.compounds.contains(&compound) && !self.words.contains(&joined)
    }
}

/// Tells whether a line ends in a hyphenated word that continues on the next line.
fn is_break(a: &Line, b: &Line) -> bool {
    if b.paragraph_start {
        return false;
    }
    let mut tail = a.text.chars().rev();
    let ends_hyphen =
        matches!(tail.next(), Some('-' | '\u{ad}')) && tail.next().is_some_and(char::is_alphabetic);
    ends_hyphen && b.text.chars().next().is_some_and(char::is_lowercase)
}

/// Moves the continuation of each hyphenated line-end word up to the line where it started.
fn rejoin(lines: &mut Vec<Line>, vocab: &Vocabulary) {
    // Lines are moved into a fresh vector so that consumed lines cost nothing to drop.
    let old = std::mem::take(lines);
    for mut line in old {
        if let Some(last) = lines.last_mut()
            && is_break(last, &line)
        {
            let split = line.text.find(char::is_whitespace).unwrap_or(line.text.len());
            let head = line.text[..split].to_owned();
            let rest = line.text[split..].trim_start().to_owned();
            let text = &mut last.text;
            // Drop the hyphen (or soft hyphen) that ends the line.
            text.pop();
            let start = text
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
            let word_head: String = head.chars().take_while(|c| c.is_alphanumeric()).collect();
            if vocab.keeps_hyphen(&text[start..], &word_head) {
                text.push('-');
            }
            text.push_str(&head);
            if rest.is_empty() {
                continue;
            }
            line.text = rest;
        }
        lines.push(line);
    }
}

/// Converts body lines to public lines, marking where paragraphs start.
///
/// A paragraph starts where the gap to the previous baseline is clearly wider than the
/// page's usual line spacing, where the text moves up (a new column or block), where the
/// direction changes, or where the font size or weight changes (headings).
fn paragraphs(body: Vec<TextLine>) -> Vec<Line> {
    let leading = usual_leading(&body);
    let mut out: Vec<Line> = Vec::with_capacity(body.len());
    let mut prev: Option<&TextLine> = None;
    for line in &body {
        let start = match prev {
            None => true,
            Some(p) => {
                let same_dir =
                    (p.dir.0 - line.dir.0).abs() < 0.05 && (p.dir.1 - line.dir.1).abs() < 0.05;
                let dy = line.y - p.y;
                let size = p.size.max(1.0);
                let changed_style = (line.size - p.size).abs() > 0.2 * size || line.bold != p.bold;
                let limit = match leading {
                    Some(l) if l < 2.5 * size => l * 1.25 + 0.5,
                    _ => 1.6 * size,
                };
                !same_dir || dy < -0.5 * size || dy > limit || changed_style
            }
        };
        out.push(Line {
            text: line.text.clone(),
            font_size: line.size,
            bold: line.bold,
            italic: line.italic,
            x: line.x,
            x_end: line.x_end,
            y: line.y,
            cells: line
                .cells
                .iter()
                .map(|&(offset, x)| super::Cell { offset: offset as usize, x })
                .collect(),
            paragraph_start: start,
        });
        prev = Some(line);
    }
    out
}

/// Returns the most common baseline gap between consecutive lines of the same size.
fn usual_leading(body: &[TextLine]) -> Option<f32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for w in body.windows(2) {
        let dy = w[1].y - w[0].y;
        let size = w[0].size.max(1.0);
        if (w[1].size - w[0].size).abs() < 0.5 && dy > 0.5 * size && dy < 3.0 * size {
            // Half-point buckets absorb rounding in the producers' positions.
            let bucket = (dy * 2.0).round() as i32;
            *counts.entry(bucket).or_default() += 1;
        }
    }
    counts.into_iter().max_by_key(|&(b, n)| (n, -b)).map(|(b, _)| b as f32 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, y: f32) -> TextLine {
        TextLine {
            text: text.into(),
            x: 72.0,
            y,
            size: 10.0,
            bold: false,
            italic: false,
            x_end: 72.0 + 5.0 * text.chars().count() as f32,
            cells: Vec::new(),
            dir: (1.0, 0.0),
        }
    }

    #[test]
    fn paragraphs_split_on_wider_gaps() {
        let lines =
            vec![line("one", 100.0), line("two", 112.0), line("three", 124.0), line("four", 150.0)];
        let page = assemble(1, lines, &[], false);
        let mut pages = vec![page];
        finish_bodies(&mut pages, true);
        assert_eq!(pages[0].body, "one\ntwo\nthree\n\nfour");
    }

    #[test]
    fn hyphenation_joins_known_words_and_keeps_compounds() {
        let lines = vec![
            line("the safe-", 100.0),
            line("guarding team and a multi-", 112.0),
            line("agency review of safeguarding by a multi-agency panel", 124.0),
        ];
        let mut pages = vec![assemble(1, lines, &[], false)];
        finish_bodies(&mut pages, true);
        assert_eq!(
            pages[0].body,
            "the safeguarding\nteam and a multi-agency\nreview of safeguarding by a multi-agency panel"
        );
    }
}
