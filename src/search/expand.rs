//! Query expansion from the taxonomy: a query naming a theme also searches its other names.
//!
//! The query is split into tokens; runs of plain words and plain quoted phrases (no field
//! prefix, no exclusion, no operator) are looked up in the taxonomy's [`SynonymIndex`], and each
//! run that names an entry is replaced by `(run OR "other name" OR …)` before parsing.

use crate::taxonomy::{SynonymIndex, Taxonomy};

/// What a query was expanded with, for the "also searched" line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expanded {
    /// The words of the query that named a taxonomy entry.
    pub matched: String,
    /// Id of the entry.
    pub entry: String,
    /// Label of the entry.
    pub label: String,
    /// The other names that were searched too.
    pub also: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    /// A word that can be expanded.
    Word(String),
    /// A quoted phrase that can be expanded, without its quotes.
    Phrase(String),
    /// Anything else, kept verbatim: operators, prefixed or excluded terms, parentheses.
    Other(String),
}

/// Rewrites `query` with the other names of every taxonomy entry it names.
pub(super) fn expand(
    query: &str,
    synonyms: &SynonymIndex,
    taxonomy: &Taxonomy,
) -> (String, Vec<Expanded>) {
    let tokens = tokenize(query);
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut notes = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Token::Other(text) = &tokens[i] {
            out.push(text.clone());
            i += 1;
            continue;
        }
        let run_end = tokens[i..]
            .iter()
            .position(|t| matches!(t, Token::Other(_)))
            .map_or(tokens.len(), |n| i + n);
        let run = &tokens[i..run_end];
        let terms: Vec<&str> = run
            .iter()
            .map(|t| match t {
                Token::Word(w) | Token::Phrase(w) => w.as_str(),
                Token::Other(o) => o.as_str(),
            })
            .collect();
        let expansions = synonyms.expand(&terms);
        let mut at = 0;
        while at < run.len() {
            let here: Vec<_> = expansions.iter().filter(|e| e.terms.start == at).collect();
            if here.is_empty() {
                out.push(verbatim(&run[at]));
                at += 1;
                continue;
            }
            let end = here.iter().map(|e| e.terms.end).max().unwrap_or(at + 1);
            let original: Vec<String> = run[at..end].iter().map(verbatim).collect();
            let mut alternatives: Vec<String> = Vec::new();
            for expansion in &here {
                let label = taxonomy
                    .get(expansion.entry.as_str())
                    .map(|e| e.label.clone())
                    .unwrap_or_default();
                let also: Vec<String> = expansion
                    .also
                    .iter()
                    .map(|a| a.replace('"', ""))
                    .filter(|a| !a.trim().is_empty() && !alternatives.contains(a))
                    // "chronic neglect" adds nothing to a search for "neglect".
                    .filter(|a| !contains_words(a, &terms[at..end]))
                    .collect();
                alternatives.extend(also.iter().cloned());
                notes.push(Expanded {
                    matched: terms[at..end].join(" "),
                    entry: expansion.entry.to_string(),
                    label,
                    also,
                });
            }
            if alternatives.is_empty() {
                out.extend(original);
            } else {
                let mut group = format!("(({})", original.join(" "));
                for alternative in &alternatives {
                    group.push_str(&format!(" OR \"{alternative}\""));
                }
                group.push(')');
                out.push(group);
            }
            at = end;
        }
        i = run_end;
    }
    (out.join(" "), notes)
}

/// Whether `phrase` contains every word of `terms` (compared case-insensitively).
fn contains_words(phrase: &str, terms: &[&str]) -> bool {
    let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
    terms.iter().flat_map(|t| t.split_whitespace()).all(|t| words.contains(&t.to_lowercase()))
}

fn verbatim(token: &Token) -> String {
    match token {
        Token::Word(w) => w.clone(),
        Token::Phrase(p) => format!("\"{p}\""),
        Token::Other(o) => o.clone(),
    }
}

fn tokenize(query: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = query.chars().peekable();
    let mut current = String::new();
    let flush = |current: &mut String, tokens: &mut Vec<Token>| {
        if current.is_empty() {
            return;
        }
        let word = std::mem::take(current);
        let operator = matches!(word.as_str(), "AND" | "OR" | "NOT");
        let special = word.starts_with(['-', '+'])
            || word.contains([':', '^', '~', '*', '[', ']', '{', '}', '\\']);
        tokens.push(if operator || special { Token::Other(word) } else { Token::Word(word) });
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let prefixed = !current.is_empty();
                let mut phrase = String::new();
                for next in chars.by_ref() {
                    if next == '"' {
                        break;
                    }
                    phrase.push(next);
                }
                if prefixed {
                    // `title:"…"` or `-"…"`: keep as it is.
                    current.push('"');
                    current.push_str(&phrase);
                    current.push('"');
                    tokens.push(Token::Other(std::mem::take(&mut current)));
                } else if !phrase.trim().is_empty() {
                    tokens.push(Token::Phrase(phrase));
                }
            }
            '(' | ')' => {
                flush(&mut current, &mut tokens);
                tokens.push(Token::Other(c.to_string()));
            }
            c if c.is_whitespace() => flush(&mut current, &mut tokens),
            c => current.push(c),
        }
    }
    flush(&mut current, &mut tokens);
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(query: &str) -> (String, Vec<Expanded>) {
        let taxonomy = Taxonomy::builtin();
        let synonyms = SynonymIndex::new(&taxonomy);
        expand(query, &synonyms, &taxonomy)
    }

    #[test]
    fn synonyms_are_searched_as_alternatives() {
        let (query, notes) = rewrite("domestic violence neglect");
        assert!(
            query.to_lowercase().starts_with("((domestic violence) or \"domestic abuse\""),
            "{query}"
        );
        assert!(!query.contains("chronic neglect"), "redundant names are not added: {query}");
        assert_eq!(notes[0].entry, "domestic_abuse");
        assert!(notes[0].also.iter().any(|a| a == "DA"), "{notes:?}");
        assert!(notes.iter().any(|n| n.entry == "neglect"));
    }

    #[test]
    fn prefixed_excluded_and_operator_tokens_are_kept_verbatim() {
        let (query, notes) = rewrite("title:neglect -\"domestic violence\" OR x");
        assert_eq!(query, "title:neglect -\"domestic violence\" OR x");
        assert!(notes.is_empty());
    }

    #[test]
    fn plain_phrases_expand_as_a_whole() {
        let (query, notes) = rewrite("\"county lines\"");
        assert!(query.starts_with("((\"county lines\") OR"), "{query}");
        assert_eq!(notes[0].entry, "cce");
    }
}
