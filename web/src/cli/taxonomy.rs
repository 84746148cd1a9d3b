//! `casebook taxonomy`: the vocabulary Casebook tags with, to read, copy and change.
//!
//! With no argument it prints the built-in taxonomy file, the starting point of a board's own
//! (`casebook taxonomy > mine.toml`, edit, then `--taxonomy mine.toml`); `--list` prints one
//! line per entry; `--check FILE` reads a file as `--taxonomy` would and says what is wrong with
//! it, naming the entry and field.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use casebook::{Kind, Taxonomy};

#[derive(Debug, clap::Args)]
pub(super) struct TaxonomyArgs {
    /// One line per entry (id, kind, group, label) instead of the file.
    #[arg(long)]
    list: bool,
    /// Read this taxonomy file and report whether Casebook can use it.
    #[arg(long, value_name = "FILE", conflicts_with = "list")]
    check: Option<PathBuf>,
}

/// Prints the built-in taxonomy file, lists the entries in use (the built-in ones, or those
/// of `--taxonomy FILE`), or checks a file.
pub(super) fn run(args: &TaxonomyArgs, taxonomy: Option<&Taxonomy>) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if let Some(path) = &args.check {
        return match Taxonomy::from_path(path) {
            Ok(checked) => {
                writeln!(out, "{}: {}", path.display(), summary(&checked))?;
                Ok(ExitCode::SUCCESS)
            }
            Err(err) => {
                eprintln!("casebook: {err}");
                Ok(ExitCode::FAILURE)
            }
        };
    }
    let builtin;
    let taxonomy = match taxonomy {
        Some(taxonomy) => taxonomy,
        None => {
            builtin = Taxonomy::builtin();
            &builtin
        }
    };
    if args.list {
        for entry in taxonomy.entries() {
            writeln!(
                out,
                "{:<32} {:<12} {:<20} {}",
                entry.id.as_str(),
                entry.kind.as_str(),
                entry.group,
                entry.label
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    out.write_all(casebook::taxonomy::DEFAULT_TAXONOMY_TOML.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// "140 entries (review_type 16, theme 58, risk 40, agency 26)".
fn summary(taxonomy: &Taxonomy) -> String {
    let count = |kind: Kind| taxonomy.entries().iter().filter(|e| e.kind == kind).count();
    let parts: Vec<String> =
        Kind::ALL.iter().map(|&kind| format!("{} {}", kind.as_str(), count(kind))).collect();
    format!("{} entries ({})", taxonomy.entries().len(), parts.join(", "))
}
