//! "Did you mean": corrections for words the index does not know.
//!
//! Only a query that found nothing is corrected. Each plain word of it that occurs in no
//! indexed text is replaced by the indexed word nearest in spelling: within one edit for short
//! words and two for longer ones (a swap of two letters is one edit), the one in most units
//! on a tie. The index holds stems ("safeguard", "complianc"), so the replacement is read
//! back from a unit that contains it, in the form the text wrote it.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument, Term};

use crate::schema::EN_STEM;

/// Shortest word that is corrected: shorter ones are too close to too many others.
const MIN_WORD_CHARS: usize = 4;

/// Words of at least this many characters may be two edits away, shorter ones one.
const TWO_EDITS_FROM_CHARS: usize = 7;

/// Returns `query` with every word the index does not know replaced by its nearest indexed
/// word, or `None` when no word needs, or has, a replacement.
pub(super) fn correct(
    field: tantivy::schema::Field,
    searcher: &Searcher,
    query: &str,
) -> Option<String> {
    let mut analyzer = searcher.index().tokenizers().get(EN_STEM)?;
    let mut corrected = String::with_capacity(query.len());
    let mut changed = false;
    let mut rest = query;
    while let Some((before, word, after)) = next_word(rest) {
        corrected.push_str(before);
        let replacement = correctable(word, after)
            .then(|| replacement(searcher, &mut analyzer, field, word))
            .flatten();
        match replacement {
            Some(better) => {
                corrected.push_str(&better);
                changed = true;
            }
            None => corrected.push_str(word),
        }
        rest = after;
    }
    corrected.push_str(rest);
    changed.then_some(corrected)
}

/// Splits off the next run of letters: the text before it, the word and the text after it.
fn next_word(text: &str) -> Option<(&str, &str, &str)> {
    let start = text.find(char::is_alphabetic)?;
    let len = text[start..].find(|c: char| !c.is_alphabetic()).unwrap_or(text.len() - start);
    Some((&text[..start], &text[start..start + len], &text[start + len..]))
}

/// Whether a word of the query is one to correct: long enough, not an operator and not a
/// field name (`board:`).
fn correctable(word: &str, after: &str) -> bool {
    word.chars().count() >= MIN_WORD_CHARS
        && !matches!(word, "AND" | "OR" | "NOT")
        && !after.starts_with(':')
}

/// The indexed word nearest to `word`, as a text wrote it, when the index does not know `word`.
fn replacement(
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    field: Field,
    word: &str,
) -> Option<String> {
    let stem = stem(analyzer, word)?;
    let known = |term: &str| searcher.doc_freq(&Term::from_field_text(field, term)).unwrap_or(0);
    if known(&stem) > 0 {
        return None;
    }
    let max_edits = if word.chars().count() >= TWO_EDITS_FROM_CHARS { 2 } else { 1 };
    let target: Vec<char> = stem.chars().collect();
    // Terms with their distance and how many units hold them, over all segments.
    let mut candidates: HashMap<String, (usize, u64)> = HashMap::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else { continue };
        let Ok(mut terms) = inverted.terms().stream() else { continue };
        while terms.advance() {
            let Ok(term) = std::str::from_utf8(terms.key()) else { continue };
            let n_chars = term.chars().count();
            if n_chars.abs_diff(target.len()) > max_edits || !term.chars().all(char::is_alphabetic)
            {
                continue;
            }
            let Some(distance) = edit_distance(&target, term, max_edits) else { continue };
            let entry = candidates.entry(term.to_string()).or_insert((distance, 0));
            entry.1 += u64::from(terms.value().doc_freq);
        }
    }
    let (best, _) = candidates
        .into_iter()
        .min_by(|(a, (da, na)), (b, (db, nb))| da.cmp(db).then(nb.cmp(na)).then(a.cmp(b)))?;
    surface_form(searcher, analyzer, field, &best, word)
}

/// The stem the index would hold for a single word.
fn stem(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(word);
    stream.advance().then(|| stream.token().text.clone())
}

/// Reads the word behind an indexed stem from a unit that holds it, lower-cased: of the forms
/// the unit writes it in ("baby", "babies"), the one nearest to what was typed.
fn surface_form(
    searcher: &Searcher,
    analyzer: &mut TextAnalyzer,
    field: Field,
    stem: &str,
    typed: &str,
) -> Option<String> {
    let query = TermQuery::new(Term::from_field_text(field, stem), IndexRecordOption::Basic);
    let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score()).ok()?;
    let (_, address) = top.first()?;
    let doc: TantivyDocument = searcher.doc(*address).ok()?;
    let text = doc.get_first(field)?.as_str()?.to_string();
    let typed: Vec<char> = typed.to_lowercase().chars().collect();
    let mut forms: Vec<String> = Vec::new();
    let mut stream = analyzer.token_stream(&text);
    while stream.advance() {
        let token = stream.token();
        if token.text == stem {
            forms.extend(text.get(token.offset_from..token.offset_to).map(str::to_lowercase));
        }
    }
    forms
        .into_iter()
        .min_by_key(|form| edit_distance(&typed, form, usize::MAX).unwrap_or(usize::MAX))
}

/// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of neighbours), or `None` when it is more than `max`.
fn edit_distance(a: &[char], b: &str, max: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        before = std::mem::replace(&mut previous, std::mem::take(&mut current));
        current = vec![0; b.len() + 1];
    }
    let distance = previous[b.len()];
    (distance <= max).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: &str, b: &str) -> Option<usize> {
        edit_distance(&a.chars().collect::<Vec<_>>(), b, 2)
    }

    #[test]
    fn a_swap_of_neighbours_is_one_edit() {
        assert_eq!(distance("safegaurd", "safeguard"), Some(1));
        assert_eq!(distance("neglet", "neglect"), Some(1));
        assert_eq!(distance("negelct", "neglect"), Some(1));
        assert_eq!(distance("neglect", "neglect"), Some(0));
        assert_eq!(distance("curiosty", "curios"), Some(2));
        assert_eq!(distance("neglect", "nest"), None);
    }

    #[test]
    fn operators_and_field_names_are_left_alone() {
        assert!(correctable("neglet", " OR x"));
        assert!(!correctable("OR", " x"));
        assert!(!correctable("board", ":thrandale"));
        assert!(!correctable("abc", ""));
    }

    #[test]
    fn words_are_split_from_what_surrounds_them() {
        assert_eq!(next_word("\"was not\" -x"), Some(("\"", "was", " not\" -x")));
        assert_eq!(next_word(" ()"), None);
    }
}
