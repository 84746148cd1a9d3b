//! `casebook themes`: the themes dashboard's tables in the terminal, aligned or as CSV.

use std::io::Write;
use std::path::PathBuf;

use casebook::themes::SplitBy;
use casebook::{SearchRequest, Tag};

use super::search::FilterArgs;
use super::{default_index, open_index};
use crate::themes::{Table, csv_table, table_rows};

#[derive(Debug, clap::Args)]
pub(super) struct ThemesArgs {
    /// Words: only reviews with a unit that matches them.
    #[arg(default_value = "")]
    query: String,
    #[command(flatten)]
    filters: FilterArgs,
    /// Which table: themes, trend, split, pairs or recurrent.
    #[arg(long, default_value = "themes", value_parser = Table::parse)]
    table: Table,
    /// What the split table splits by: type, board or age.
    #[arg(long, default_value = "type", value_parser = parse_split)]
    split: SplitBy,
    /// Instead of a table, list the reviews that count for this theme or risk factor (an id
    /// such as neglect, or a path such as /risk/domestic_abuse), each with the passages that
    /// make it count and the matched words in *stars*.
    #[arg(long, value_name = "THEME")]
    evidence: Option<String>,
    /// Print CSV (with a header row) instead of aligned columns.
    #[arg(long)]
    csv: bool,
    /// Index folder.
    #[arg(long, default_value = default_index())]
    index: PathBuf,
}

fn parse_split(s: &str) -> Result<SplitBy, String> {
    SplitBy::parse(s).ok_or_else(|| format!("{s:?} is not type, board or age"))
}

pub(super) fn run(args: &ThemesArgs, taxonomy: Option<&casebook::Taxonomy>) -> anyhow::Result<()> {
    let index = open_index(&args.index, taxonomy)?;
    let request = SearchRequest {
        query: args.query.clone(),
        filters: args.filters.filters(),
        ..SearchRequest::default()
    };
    if let Some(theme) = &args.evidence {
        return print_evidence(&index, &request, theme, args.csv);
    }
    let report = index.themes(&request, args.split)?;
    let boards = index.board_names()?;
    let recurrence = index.recurrence_counts()?;
    let labels = crate::views::Labels {
        taxonomy: index.taxonomy(),
        boards: &boards,
        recurrence: &recurrence,
    };
    let mut out = std::io::stdout().lock();
    if args.csv {
        out.write_all(csv_table(args.table, args.split, &report, &labels)?.as_bytes())?;
        return Ok(());
    }
    writeln!(out, "{} reviews", report.n_reviews)?;
    // Aligned columns, each padded to its widest cell.
    let rows: Vec<Vec<String>> = table_rows(args.table, args.split, &report, &labels)
        .into_iter()
        .map(|row| row.iter().map(|c| c.split_whitespace().collect::<Vec<_>>().join(" ")).collect())
        .collect();
    let mut widths: Vec<usize> = Vec::new();
    for row in &rows {
        widths.resize(widths.len().max(row.len()), 0);
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in &rows {
        let line: Vec<String> =
            row.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
    }
    Ok(())
}

/// Width of a quoted excerpt, in bytes.
const EXCERPT_WIDTH: usize = 300;

/// Prints the reviews `request` selects that count for `theme`, with the evidence of each.
fn print_evidence(
    index: &casebook::SearchIndex,
    request: &SearchRequest,
    theme: &str,
    csv: bool,
) -> anyhow::Result<()> {
    let path = theme_path(index.taxonomy(), theme)?;
    let label = index.taxonomy().get(path.rsplit('/').next().unwrap_or_default());
    let label = label.map_or(theme, |e| e.label.as_str());
    let reviews = index.counted_reviews(request, std::slice::from_ref(&path))?;
    let mut out = std::io::stdout().lock();
    let mut table = csv::Writer::from_writer(Vec::new());
    if csv {
        table.write_record([
            "review", "title", "year", "path", "reason", "role", "kind", "number", "page",
            "section", "excerpt", "matched",
        ])?;
    } else {
        let s = if reviews.len() == 1 { "" } else { "s" };
        writeln!(out, "{label}: {} review{s} counted", reviews.len())?;
    }
    for review in &reviews {
        let units = index.units(&review.id)?;
        let evidence = index.evidence(&units);
        let Some(tag) = evidence.iter().find(|e| e.path == path) else { continue };
        let year = review.year().map(|y| y.to_string()).unwrap_or_default();
        if !csv {
            writeln!(out, "\n{}  {} ({year})", review.id, review.title.value)?;
            writeln!(out, "  counted because {}", tag.reason.describe())?;
        }
        for quote in &tag.quotes {
            let unit = &units[quote.unit];
            let excerpt = casebook::evidence::excerpt(&unit.text, &quote.spans, EXCERPT_WIDTH);
            let what = match &unit.number {
                Some(n) => format!("{} {n}", quote.role.as_str()),
                None => quote.role.as_str().to_string(),
            };
            let section = unit.section.join(" › ");
            if csv {
                let matched: Vec<&str> =
                    quote.spans.iter().filter_map(|&(s, e)| unit.text.get(s..e)).collect();
                table.write_record([
                    review.id.as_str(),
                    &review.title.value,
                    &year,
                    &path,
                    tag.reason.as_str(),
                    quote.role.as_str(),
                    unit.kind.as_str(),
                    unit.number.as_deref().unwrap_or_default(),
                    &unit.page.to_string(),
                    &section,
                    &excerpt.text,
                    &matched.join("; "),
                ])?;
            } else {
                writeln!(out, "  {what}, p. {}, {section}:", unit.page)?;
                writeln!(out, "    {}", starred(&excerpt))?;
            }
        }
    }
    if csv {
        out.write_all(&table.into_inner().map_err(|e| e.into_error())?)?;
    }
    Ok(())
}

/// The facet path of a theme or risk factor given by id or path.
fn theme_path(taxonomy: &casebook::Taxonomy, theme: &str) -> anyhow::Result<String> {
    let id = theme.rsplit('/').next().unwrap_or(theme);
    let Some(path) = taxonomy.facet_path(id) else {
        anyhow::bail!(
            "--evidence: {theme:?} is in no taxonomy entry (see casebook taxonomy --list)"
        )
    };
    if !Tag::is_subject_path(&path) {
        anyhow::bail!("--evidence: {theme:?} is {path}, not a theme or risk factor");
    }
    Ok(path)
}

/// The excerpt with its matched words in *stars*.
fn starred(snippet: &casebook::Snippet) -> String {
    let mut out = String::with_capacity(snippet.text.len() + 8);
    let mut at = 0;
    for range in &snippet.highlights {
        out.push_str(&snippet.text[at..range.start]);
        out.push('*');
        out.push_str(&snippet.text[range.clone()]);
        out.push('*');
        at = range.end;
    }
    out.push_str(&snippet.text[at..]);
    out
}
