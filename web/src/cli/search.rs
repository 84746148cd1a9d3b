//! `casebook search`: the search page's results in the terminal.

use std::io::Write;
use std::path::PathBuf;

use casebook::{Filters, MAX_PER_PAGE, MAX_UNITS_PER_PAGE, SearchRequest, Sort, UnitKind};

use super::{default_index, open_index};
use crate::dto::SearchResponse;

#[derive(Debug, clap::Args)]
pub(super) struct SearchArgs {
    /// The query: words, "phrases", OR, -exclusions, title: and board: prefixes.
    #[arg(default_value = "")]
    query: String,
    /// Print JSON, as the API does.
    #[arg(long)]
    json: bool,
    /// Only units of this kind: page, finding, recommendation, review.
    #[arg(long, value_parser = parse_kind)]
    kind: Option<UnitKind>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Order: relevance or date.
    #[arg(long, default_value = "relevance", value_parser = parse_sort)]
    sort: Sort,
    /// Most results: reviews (at most 100), or units for findings and recommendations (at
    /// most 1000).
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Index folder.
    #[arg(long, default_value = default_index())]
    index: PathBuf,
}

/// The filters `search` and `themes` share, as the web pages' parameters.
#[derive(Debug, clap::Args)]
pub(super) struct FilterArgs {
    /// Only this theme id (repeatable; values of one option are alternatives).
    #[arg(long)]
    theme: Vec<String>,
    /// Only this risk factor id (repeatable).
    #[arg(long)]
    risk: Vec<String>,
    /// Only recommendations addressed to this agency id (repeatable).
    #[arg(long)]
    agency: Vec<String>,
    /// Only reviews of this type id (repeatable).
    #[arg(long = "type")]
    review_type: Vec<String>,
    /// Only reviews of this board id (repeatable).
    #[arg(long)]
    board: Vec<String>,
    /// Only reviews whose subject is in this age band (repeatable).
    #[arg(long)]
    age: Vec<String>,
    /// Published in or after this year.
    #[arg(long, value_parser = parse_year)]
    year_from: Option<u16>,
    /// Published in or before this year.
    #[arg(long, value_parser = parse_year)]
    year_to: Option<u16>,
}

impl FilterArgs {
    /// The filters of a search request.
    pub(super) fn filters(&self) -> Filters {
        Filters {
            themes: self.theme.clone(),
            risks: self.risk.clone(),
            agencies: self.agency.clone(),
            types: self.review_type.clone(),
            boards: self.board.clone(),
            age_bands: self.age.clone(),
            year_from: self.year_from,
            year_to: self.year_to,
            ..Filters::default()
        }
    }
}

fn parse_kind(s: &str) -> Result<UnitKind, String> {
    UnitKind::parse(s).map_err(|err| err.to_string())
}

fn parse_sort(s: &str) -> Result<Sort, String> {
    Sort::parse(s).map_err(|err| err.to_string())
}

fn parse_year(s: &str) -> Result<u16, String> {
    s.parse::<u16>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
        .ok_or_else(|| format!("{s:?} is not a year from 1900 to 2100"))
}

impl SearchArgs {
    /// The request these arguments ask for: findings and recommendations one by one, other
    /// kinds grouped by review.
    fn request(&self) -> anyhow::Result<SearchRequest> {
        let kinds: Vec<UnitKind> = self.kind.into_iter().collect();
        let group_by_review =
            !kinds.iter().any(|k| matches!(k, UnitKind::Finding | UnitKind::Recommendation));
        let max = if group_by_review { MAX_PER_PAGE } else { MAX_UNITS_PER_PAGE };
        if !(1..=max).contains(&self.limit) {
            let what = if group_by_review { "reviews" } else { "units" };
            anyhow::bail!(
                "invalid value for --limit: {} is not from 1 to {max} {what}",
                self.limit
            );
        }
        Ok(SearchRequest {
            query: self.query.clone(),
            filters: self.filters.filters(),
            kinds,
            sort: self.sort,
            page: 1,
            per_page: self.limit,
            group_by_review,
        })
    }
}

pub(super) fn run(args: &SearchArgs, taxonomy: Option<&casebook::Taxonomy>) -> anyhow::Result<()> {
    let request = args.request()?;
    let index = open_index(&args.index, taxonomy)?;
    let results = index.search(&request)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let response = SearchResponse::new(&request.query, 1, request.per_page, results);
        serde_json::to_writer_pretty(&mut out, &response)?;
        writeln!(out)?;
        return Ok(());
    }
    if let Some(notice) = &results.notice {
        writeln!(out, "note: {notice}")?;
    }
    if let Some(corrected) = &results.corrected_query {
        writeln!(
            out,
            "note: no matches for {:?}; showing matches for {corrected:?}",
            request.query
        )?;
    }
    for expansion in &results.expansions {
        writeln!(out, "also searched for {:?}: {}", expansion.matched, expansion.also.join(", "))?;
    }
    writeln!(out, "{} units in {} reviews", results.total_units, results.total_reviews)?;
    for group in &results.groups {
        let year = group.year.map(|y| y.to_string()).unwrap_or_else(|| "n.d.".into());
        let board = group.board.as_deref().unwrap_or("unknown board");
        writeln!(out, "\n{} ({board}, {year}) [{}]", group.title, group.review)?;
        for hit in &group.hits {
            let flat: String = hit.snippet.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let label = match &hit.number {
                Some(n) => format!("{} {n}", hit.kind.as_str()),
                None => hit.kind.as_str().to_string(),
            };
            writeln!(out, "  p. {:<4} {label}: {flat}", hit.page)?;
        }
    }
    Ok(())
}
