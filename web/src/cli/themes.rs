//! `casebook themes`: the themes dashboard's tables in the terminal, aligned or as CSV.

use std::io::Write;
use std::path::PathBuf;

use casebook::SearchRequest;
use casebook::themes::SplitBy;

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
