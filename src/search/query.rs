//! Turns a [`SearchRequest`] into a tantivy query.
//!
//! The user's words go through tantivy's query parser (words must all match, "phrases", OR,
//! -exclusion, `title:`/`board:` prefixes). Filters chosen in the UI are never parsed from text:
//! they become facet and range terms that narrow the result without changing its ranking.

use std::ops::Bound;

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption};

use super::SearchRequest;
use super::Searching;
use crate::error::{Error, Result};

/// Boost of a match in a review's title over a match in body text.
const TITLE_BOOST: f32 = 2.0;

/// A request ready to run.
pub(crate) struct ParsedQuery {
    /// Text and filters together.
    pub(super) query: Box<dyn Query>,
    /// The text part alone, for snippets; `None` when the request has no words.
    pub(super) text_query: Option<Box<dyn Query>>,
    /// Set when the words could not be read as written.
    pub(super) notice: Option<String>,
    /// Taxonomy expansions applied to the words.
    pub(super) expansions: Vec<super::Expanded>,
}

pub(super) fn build(index: &Searching<'_>, request: &SearchRequest) -> Result<ParsedQuery> {
    let f = &index.core.fields;
    let mut notice = None;
    let mut expansions = Vec::new();
    let text_query = if request.query.trim().is_empty() {
        None
    } else {
        let mut parser = QueryParser::for_index(&index.core.index, vec![f.body, f.title]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, TITLE_BOOST);
        let (_, errors) = parser.parse_query_lenient(&request.query);
        let words = if errors.is_empty() {
            request.query.clone()
        } else {
            // Read a malformed query as plain words rather than guessing at its structure.
            let words = plain_words(&request.query);
            notice = Some(format!(
                "The query could not be read as written, so it was searched as plain words: {words}"
            ));
            words
        };
        if words.trim().is_empty() {
            None
        } else {
            let (expanded, notes) = super::expand::expand(&words, index.synonyms, index.taxonomy);
            expansions = notes;
            let (query, errors) = parser.parse_query_lenient(&expanded);
            if errors.is_empty() { Some(query) } else { Some(parser.parse_query_lenient(&words).0) }
        }
    };

    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(text) = &text_query {
        clauses.push((Occur::Must, text.box_clone()));
    }
    let filters = &request.filters;
    let facet_groups = [
        ("theme", "/theme", &filters.themes),
        ("risk", "/risk", &filters.risks),
        ("agency", "/agency", &filters.agencies),
        ("type", "/type", &filters.types),
        ("board", "/board", &filters.boards),
        ("age", "/age", &filters.age_bands),
        ("recurrence", "/recurrence", &filters.recurrence),
    ];
    let mut restrictions: Vec<Box<dyn Query>> = Vec::new();
    for (name, root, values) in facet_groups {
        if values.is_empty() {
            continue;
        }
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for value in values {
            let facet = facet_value(name, root, value)?;
            let term = Term::from_facet(f.tags, &facet);
            alternatives
                .push((Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        restrictions.push(Box::new(BooleanQuery::new(alternatives)));
    }
    if !request.kinds.is_empty() {
        let alternatives = request
            .kinds
            .iter()
            .map(|kind| {
                let term = Term::from_field_text(f.kind, kind.as_str());
                (
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
                )
            })
            .collect();
        restrictions.push(Box::new(BooleanQuery::new(alternatives)));
    }
    if filters.year_from.is_some() || filters.year_to.is_some() {
        if let (Some(from), Some(to)) = (filters.year_from, filters.year_to)
            && from > to
        {
            return Err(Error::BadParameter {
                name: "year_from",
                reason: format!("{from} is after year_to {to}"),
            });
        }
        let bound = |year: Option<u16>| match year {
            Some(y) => Bound::Included(Term::from_field_u64(f.year, u64::from(y))),
            None => Bound::Unbounded,
        };
        restrictions
            .push(Box::new(RangeQuery::new(bound(filters.year_from), bound(filters.year_to))));
    }
    if let Some(since) = filters.added_since {
        let from = Bound::Included(Term::from_field_u64(f.added, since));
        restrictions.push(Box::new(RangeQuery::new(from, Bound::Unbounded)));
    }
    for restriction in restrictions {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(restriction, 0.0))));
    }
    let query: Box<dyn Query> =
        if clauses.is_empty() { Box::new(AllQuery) } else { Box::new(BooleanQuery::new(clauses)) };
    Ok(ParsedQuery { query, text_query, notice, expansions })
}

/// Validates a filter value and makes its facet.
fn facet_value(name: &'static str, root: &str, value: &str) -> Result<Facet> {
    let valid = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if !valid {
        return Err(Error::BadParameter {
            name,
            reason: format!("{:?} is not a valid id", value.chars().take(70).collect::<String>()),
        });
    }
    Facet::from_text(&format!("{root}/{value}"))
        .map_err(|_| Error::BadParameter { name, reason: format!("{value:?} is not a valid id") })
}

/// Keeps only the words of a query: letters, digits and the apostrophes inside words.
fn plain_words(query: &str) -> String {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !matches!(*w, "AND" | "OR" | "NOT"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_drops_syntax() {
        assert_eq!(plain_words("\"unseen men AND (title:"), "unseen men title");
        assert_eq!(plain_words("((("), "");
    }

    #[test]
    fn facet_values_must_be_ids() {
        assert!(facet_value("theme", "/theme", "neglect").is_ok());
        assert!(facet_value("theme", "/theme", "../x").is_err());
        assert!(facet_value("theme", "/theme", "").is_err());
    }
}
