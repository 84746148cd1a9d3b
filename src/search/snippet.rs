//! Snippets: the part of a unit's text around the matched words, with their positions.
//!
//! Highlights are byte ranges, not HTML: escaping and markup belong to whoever renders them.

use std::collections::{BTreeMap, BTreeSet};

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::{Score, Searcher, Term};

use super::Snippet;

/// Length of a snippet, in characters.
const SNIPPET_CHARS: usize = 260;

pub(super) struct Snippets {
    generator: Option<SnippetGenerator>,
    /// A generator with room for a whole unit, for flat listings.
    whole_generator: Option<SnippetGenerator>,
}

impl Snippets {
    pub(super) fn new(
        body: tantivy::schema::Field,
        searcher: &Searcher,
        query: Option<&dyn Query>,
        whole: bool,
    ) -> Snippets {
        let terms = query.map(|q| highlight_terms(searcher, q, body));
        let generator = |max_chars| {
            let terms = terms.clone()?;
            let tokenizer = searcher.index().tokenizer_for_field(body).ok()?;
            Some(SnippetGenerator::new(terms, tokenizer, body, max_chars))
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

/// Words never highlighted: they come into a query only inside phrases ("acts of omission"),
/// and marking every "of" on a page hides the words that matter.
const UNMARKED: &[&str] = &[
    "a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or",
    "the", "to", "with",
];

/// The query's terms in `field` with their weights, as tantivy's own snippet generator takes
/// them (rarer terms weigh more), less the [`UNMARKED`] words.
fn highlight_terms(
    searcher: &Searcher,
    query: &dyn Query,
    field: Field,
) -> BTreeMap<String, Score> {
    let mut terms: BTreeSet<Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term.clone());
        }
    });
    let mut out = BTreeMap::new();
    for term in terms {
        let Some(text) = term.value().as_str().map(str::to_string) else { continue };
        if UNMARKED.contains(&text.as_str()) {
            continue;
        }
        let doc_freq = searcher.doc_freq(&term).unwrap_or(0);
        if doc_freq > 0 {
            out.insert(text, 1.0 / (1.0 + doc_freq as Score));
        }
    }
    out
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
