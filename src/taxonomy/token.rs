//! Normalised tokens: the unit on which taxonomy phrases are matched.
//!
//! Text is NFKC-normalised, split into words of letters and digits, and each word keeps two forms:
//! the `raw` form (original case, used for case-sensitive abbreviations such as "DA") and the
//! `stem`, a lower-cased word with a few English suffixes removed. Phrases and text go through the
//! same function, so "neglected" meets "neglect" and "multi-agency" meets "multi agency" without a
//! full stemmer.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// One word of normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    /// The word as written (after NFKC and possessive removal), for case-sensitive abbreviations.
    pub(super) raw: String,
    /// The lower-cased, lightly stemmed form that phrases are compared on.
    pub(super) stem: String,
    /// The index of the clause the token belongs to; clauses end at `.`, `;`, `:`, `!`, `?`.
    pub(super) clause: u32,
    /// Where the word is in the text that was tokenized: the byte offsets of its first and one
    /// past its last character (a possessive "'s" included), to quote and highlight a match.
    pub(super) span: (usize, usize),
}

/// Splits `text` into normalised tokens.
///
/// Each character is normalised on its own (NFKC folds ligatures, full-width letters and the
/// like character by character), so that every token knows where it is in `text`.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    // Most extracted pages are already in NFKC (plain ASCII, or curly quotes and dashes, which
    // NFKC keeps): the quick check confirms it without the decomposition tables.
    let already_nfkc = text.is_ascii() || is_nfkc_quick(text.chars()) == IsNormalized::Yes;
    let mut words = Words { tokens: Vec::with_capacity(text.len() / 6), ..Words::default() };
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        if already_nfkc {
            words.push(c, start, end);
        } else {
            for folded in std::iter::once(c).nfkc() {
                words.push(folded, start, end);
            }
        }
    }
    words.flush();
    words.tokens
}

/// The tokenizer's state: the word being read and the tokens so far.
#[derive(Default)]
struct Words {
    tokens: Vec<Token>,
    word: String,
    span: (usize, usize),
    /// An apostrophe after a word, kept until the next character says whether it is inside
    /// the word ("child's", "don't") or closes a quotation.
    apostrophe: bool,
    clause: u32,
}

impl Words {
    fn push(&mut self, c: char, start: usize, end: usize) {
        if std::mem::take(&mut self.apostrophe) {
            if c.is_alphanumeric() {
                self.word.push('\'');
            } else {
                self.flush();
            }
        }
        if c.is_alphanumeric() {
            if self.word.is_empty() {
                self.span.0 = start;
            }
            self.word.push(c);
            self.span.1 = end;
            return;
        }
        if matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}') && !self.word.is_empty() {
            self.apostrophe = true;
            return;
        }
        if c == '\u{00AD}' {
            // A soft hyphen is invisible in the PDF: the word continues across it.
            return;
        }
        self.flush();
        if matches!(c, '.' | ';' | ':' | '!' | '?' | '\u{2022}') {
            self.clause += 1;
        }
    }

    /// Pushes the pending word as a token, dropping a possessive "'s" ("child's" → "child").
    fn flush(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let mut raw = std::mem::take(&mut self.word);
        if raw.ends_with("'s") || raw.ends_with("'S") {
            raw.truncate(raw.len() - 2);
        }
        let mut stem = if raw.is_ascii() { raw.to_ascii_lowercase() } else { raw.to_lowercase() };
        stem_in_place(&mut stem);
        self.tokens.push(Token { raw, stem, clause: self.clause, span: self.span });
    }
}

/// Returns the stems of a phrase, as [`tokenize`] would produce them.
pub(super) fn stems(phrase: &str) -> Vec<String> {
    tokenize(phrase).into_iter().map(|t| t.stem).collect()
}

/// Words ending in "-ing" that keep their ending (after a plural "s" is removed): see
/// [`stem_in_place`].
const NOUNS_IN_ING: &[&str] =
    &["recording", "housing", "meeting", "setting", "briefing", "training", "escalating"];

/// Removes a small set of English inflectional suffixes from a lower-case word.
///
/// This is deliberately not a real stemmer: it only conflates the plural and verb forms that
/// matter for taxonomy phrases (s/es/ies, ed, ing, er and a final e, so "abuse", "abused",
/// "abuser" and "abuses" meet). Short words and words with digits are kept as they are, because
/// they are mostly abbreviations and numbers.
pub(super) fn stem(word: &str) -> String {
    let mut w = word.to_owned();
    stem_in_place(&mut w);
    w
}

/// Stems a lower-case word in place (see [`stem`]); the tokenizer's hot path, so no allocation.
fn stem_in_place(w: &mut String) {
    let is_plain_word = w.chars().all(char::is_alphabetic);
    if !is_plain_word || w.chars().count() < 4 {
        return;
    }
    if w.ends_with("ies") || w.ends_with("ied") {
        // "babies", "carried" → "baby", "carry".
        w.truncate(w.len() - 3);
        w.push('y');
        return;
    }
    if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) {
        w.truncate(w.len() - 1);
    }
    // Some "-ing" words have a meaning of their own, and reducing them to the verb conflates the
    // practice with every passing use of the verb: "recording" (record keeping) is not "recorded"
    // (which nearly every page says), "housing" is not "house", a "meeting" is not "met", and
    // "escalating" self-harm is not a concern that was "escalated".
    if NOUNS_IN_ING.contains(&w.as_str()) {
        return;
    }
    // Each suffix keeps a minimum base length so that "bring", "used" or "carer" are not reduced
    // to fragments that collide with unrelated words ("carer" must not meet "care").
    for (suffix, min_base) in [("ing", 3), ("ed", 3), ("er", 4), ("e", 3)] {
        if w.ends_with(suffix) {
            let base_len = w.len() - suffix.len();
            if base_len >= min_base {
                w.truncate(base_len);
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_stems(input: &str, expected: &[&str]) {
        assert_eq!(stems(input), expected, "input: {input:?}");
    }

    #[test]
    fn inflections_share_a_stem() {
        for word in ["neglect", "neglected", "neglecting", "neglects"] {
            check_stems(word, &["neglect"]);
        }
        for word in ["abuse", "abused", "abuses", "abuser", "abusers"] {
            check_stems(word, &["abus"]);
        }
        check_stems("babies", &["baby"]);
        check_stems("baby", &["baby"]);
    }

    #[test]
    fn hyphens_split_words_and_apostrophes_mark_possessives() {
        check_stems("multi-agency", &["multi", "agency"]);
        check_stems("multi agency", &["multi", "agency"]);
        check_stems("child's", &["child"]);
        check_stems("child\u{2019}s voice", &["child", "voic"]);
        check_stems("parents' needs", &["parent", "need"]);
    }

    #[test]
    fn nouns_in_ing_keep_their_ending() {
        check_stems("recording recordings", &["recording", "recording"]);
        check_stems("recorded records", &["record", "record"]);
        check_stems("housing strategy meetings", &["housing", "strategy", "meeting"]);
        check_stems("sharing", &["shar"]);
    }

    #[test]
    fn short_words_and_numbers_are_kept() {
        check_stems("DA was seen in 2019", &["da", "was", "seen", "in", "2019"]);
        check_stems("COVID-19", &["covid", "19"]);
    }

    #[test]
    fn clause_index_changes_at_sentence_punctuation() {
        let tokens = tokenize("No concerns. Neglect; found");
        let clauses: Vec<u32> = tokens.iter().map(|t| t.clause).collect();
        assert_eq!(clauses, [0, 0, 1, 2]);
    }

    #[test]
    fn each_token_knows_where_it_is_in_the_text() {
        let text = "The child\u{2019}s \u{FB01}nding: neglect.";
        let spans: Vec<&str> = tokenize(text).iter().map(|t| &text[t.span.0..t.span.1]).collect();
        assert_eq!(spans, ["The", "child\u{2019}s", "\u{FB01}nding", "neglect"]);
    }

    #[test]
    fn nfkc_folds_ligatures_and_full_width_letters() {
        check_stems("\u{FB01}nding", &["find"]);
        check_stems("\u{FF24}\u{FF21}", &["da"]);
    }
}
