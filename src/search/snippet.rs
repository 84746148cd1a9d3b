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
}

impl Snippets {
    pub(super) fn new(
        index: &SearchIndex,
        searcher: &Searcher,
        query: Option<&dyn Query>,
    ) -> Snippets {
        let generator = query.and_then(|q| {
            let mut generator = SnippetGenerator::create(searcher, q, index.fields.body).ok()?;
            generator.set_max_num_chars(SNIPPET_CHARS);
            Some(generator)
        });
        Snippets { generator }
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
