//! Page furniture: running headers, footers and printed page numbers, recognised by their
//! repetition in the top or bottom band of several pages.

use std::collections::{HashMap, HashSet};

use super::layout::TextLine;

/// Share of the page height, from the top or bottom edge, where furniture may sit.
const BAND: f32 = 0.1;

/// Where a line belongs on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A running header.
    Header,
    /// Body text.
    Body,
    /// A running footer or page number.
    Footer,
}

/// One page's lines and height, as furniture detection needs them.
pub(super) struct PageLines<'a> {
    /// Height of the page in device units.
    pub(super) height: f32,
    /// The page's lines.
    pub(super) lines: &'a [TextLine],
}

/// Assigns a role to every line of every page.
pub(super) fn classify(pages: &[PageLines<'_>]) -> Vec<Vec<Role>> {
    // First count, per band, on how many pages each normalised line appears.
    let mut counts: HashMap<(bool, String), usize> = HashMap::new();
    for page in pages {
        let mut seen: HashSet<(bool, String)> = HashSet::new();
        for line in page.lines {
            if let Some(top) = band(line, page.height) {
                let k = (top, key(&line.text));
                seen.insert(k);
            }
        }
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let min_repeats = if pages.len() <= 3 { 2 } else { 3 };
    pages
        .iter()
        .map(|page| {
            page.lines
                .iter()
                .map(|line| match band(line, page.height) {
                    Some(top) => {
                        let k = key(&line.text);
                        let repeated = counts.get(&(top, k.clone())).copied().unwrap_or(0)
                            >= min_repeats.min(pages.len());
                        if (repeated && pages.len() > 1) || is_page_number(&k) {
                            if top { Role::Header } else { Role::Footer }
                        } else {
                            Role::Body
                        }
                    }
                    None => Role::Body,
                })
                .collect()
        })
        .collect()
}

/// Returns the printed page label found in a page's furniture lines, such as "12" from
/// "Page 12 of 40" or "iv" from a lone roman numeral.
pub(super) fn page_label<'a>(lines: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut fallback = None;
    for text in lines {
        let t =
            text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|'));
        let lower = t.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let label = match words.as_slice() {
            [n] if is_number(n) => Some(n.to_string()),
            ["page", n] | ["page", n, "of", _] | ["page", n, "/", _] if is_number(n) => {
                Some(n.to_string())
            }
            [n, "of", m] | [n, "/", m] if is_number(n) && is_number(m) => Some(n.to_string()),
            _ => None,
        };
        if label.is_some() {
            return label;
        }
        // "Page 3 | Serious case review": the number after "page" anywhere in the line.
        if let Some(n) = words.windows(2).find(|w| w[0] == "page" && is_number(w[1])).map(|w| w[1])
        {
            return Some(n.to_string());
        }
        // A running line such as "Review of X | 12" carries the number at one end.
        if fallback.is_none() {
            let parts: Vec<&str> = t
                .split(|c: char| c.is_whitespace() || c == '|')
                .filter(|s| !s.is_empty())
                .collect();
            fallback = [parts.last(), parts.first()]
                .into_iter()
                .flatten()
                .find(|p| p.bytes().all(|b| b.is_ascii_digit()) && p.len() <= 4)
                .map(|p| p.to_string());
        }
    }
    fallback
}

/// Returns `Some(true)` for a line in the top band, `Some(false)` for the bottom band.
fn band(line: &TextLine, height: f32) -> Option<bool> {
    if height <= 0.0 || line.dir.0 < 0.9 {
        return None;
    }
    if line.y < height * BAND {
        Some(true)
    } else if line.y > height * (1.0 - BAND) {
        Some(false)
    } else {
        None
    }
}

/// Normalises a line for comparison across pages: lower case, digit runs as `#`, single spaces.
fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = ' ';
    for c in text.chars() {
        let c = if c.is_ascii_digit() {
            '#'
        } else if c.is_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
        if (c == '#' || c == ' ') && c == last {
            continue;
        }
        out.push(c);
        last = c;
    }
    out.trim().to_owned()
}

/// Tells whether a normalised line is only a page number ("#", "page #", "# of #", "- # -").
fn is_page_number(k: &str) -> bool {
    let t = k.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|'));
    matches!(t, "#" | "page #" | "page # of #" | "# of #" | "#/#" | "# / #" | "page #/#")
        || (!t.is_empty() && t.len() <= 6 && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
}

/// Tells whether a word is an arabic or lower-case roman page number.
fn is_number(w: &str) -> bool {
    (!w.is_empty() && w.len() <= 5 && w.bytes().all(|b| b.is_ascii_digit()))
        || (!w.is_empty() && w.len() <= 6 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
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
    fn repeated_band_lines_are_furniture() {
        let pages: Vec<Vec<TextLine>> = (1..=4)
            .map(|n| {
                vec![
                    line("Serious Case Review: Child A", 40.0),
                    line(&format!("Body text of page {n}"), 100.0),
                    line(&format!("Page {n} of 4"), 810.0),
                ]
            })
            .collect();
        let input: Vec<PageLines<'_>> =
            pages.iter().map(|l| PageLines { height: 842.0, lines: l }).collect();
        let roles = classify(&input);
        assert_eq!(roles[2], [Role::Header, Role::Body, Role::Footer]);
        assert_eq!(page_label(["Page 3 of 4"].into_iter()), Some("3".into()));
    }

    #[test]
    fn a_title_on_one_page_is_body() {
        let pages = [
            vec![line("Title", 40.0)],
            vec![line("Other", 40.0)],
            vec![line("Third", 40.0)],
            vec![line("x", 400.0)],
        ];
        let input: Vec<PageLines<'_>> =
            pages.iter().map(|l| PageLines { height: 842.0, lines: l }).collect();
        assert!(classify(&input).iter().flatten().all(|r| *r == Role::Body));
    }

    #[test]
    fn labels_come_from_common_patterns() {
        assert_eq!(page_label(["12"].into_iter()), Some("12".into()));
        assert_eq!(page_label(["- iv -"].into_iter()), Some("iv".into()));
        assert_eq!(page_label(["Annual report | 7"].into_iter()), Some("7".into()));
        assert_eq!(page_label(["Annual report"].into_iter()), None);
        assert_eq!(page_label(["Page 3 | Serious case review"].into_iter()), Some("3".into()));
    }
}
