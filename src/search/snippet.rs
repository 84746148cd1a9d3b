//! Snippets: the part of a unit's text around the matched words, with their positions.
//!
//! Highlights are byte ranges, not HTML: escaping and markup belong to whoever renders them.

use tantivy::Searcher;
use tantivy::query::Query;
use tantivy::snippet::SnippetGenerator;

use super::Snippet;
use crate::index::SearchIndex;

/// Length of a snippet, in characters.
const SNIPPET_CHARS: usize = 260;

pub(super) struct Snippets {
    generator: Option<SnippetGenerator>,
    /// A generator with room for a whole unit, for flat listings.
    whole_generator: Option<SnippetGenerator>,
}

impl Snippets {
    pub(super) fn new(
        index: &SearchIndex,
        searcher: &Searcher,
        query: Option<&dyn Query>,
        whole: bool,
    ) -> Snippets {
        let generator = |max_chars| {
            query.and_then(|q| {
                let mut generator =
                    SnippetGenerator::create(searcher, q, index.fields.body).ok()?;
                generator.set_max_num_chars(max_chars);
                Some(generator)
            })
        };
        let whole_generator = if whole { generator(WHOLE_MAX_CHARS + 1) } else { None };
        Snippets { generator: generator(SNIPPET_CHARS), whole_generator }
    }

    /// Makes the snippet of `text`; falls back to its opening words when nothing in it matched
    /// (a hit on the title alone, or browsing without a query).
    pub(super) fn make(&self, text: &str) -> Snippet {
        if let Some(generator) = &self.generator {
            let snippet = generator.snippet(text);
            if !snippet.highlighted().is_empty() {
                return Snippet {
                    text: snippet.fragment().to_string(),
                    highlights: snippet.highlighted().to_vec(),
                };
            }
        }
        Snippet { text: opening(text, SNIPPET_CHARS), highlights: Vec::new() }
    }
}

impl Snippets {
    /// The whole text of a unit (a finding or recommendation in a flat listing), with every
    /// match in the best passage marked; texts longer than [`WHOLE_MAX_CHARS`] are cut as
    /// [`Snippets::make`] does.
    pub(super) fn whole(&self, text: &str) -> Snippet {
        if text.chars().count() > WHOLE_MAX_CHARS {
            return self.make(text);
        }
        let Some(generator) = &self.whole_generator else {
            return Snippet { text: text.to_string(), highlights: Vec::new() };
        };
        let snippet = generator.snippet(text);
        let offset = snippet.fragment_range().start;
        let highlights =
            snippet.highlighted().iter().map(|r| r.start + offset..r.end + offset).collect();
        Snippet { text: text.to_string(), highlights }
    }
}

/// Longest text shown whole in a flat listing, in characters.
const WHOLE_MAX_CHARS: usize = 1500;

/// The first `max_chars` characters of `text`, cut at a word boundary, with an ellipsis.
fn opening(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max_chars) {
        None => text.to_string(),
        Some((cut, _)) => {
            let head = &text[..cut];
            let head = head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]);
            format!("{}…", head.trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::opening;

    #[test]
    fn opening_cuts_at_a_word_boundary() {
        assert_eq!(opening("short text", 50), "short text");
        assert_eq!(opening("neglect was chronic and cumulative", 15), "neglect was…");
        assert_eq!(opening("éééé ééé", 6), "éééé…");
    }
}
