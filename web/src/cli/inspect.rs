//! `casebook inspect FILE`: what Casebook reads in one report.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use casebook::{Sourced, UnitKind};
use casebook_indexer::inspect::{Inspection, inspect};
use casebook_indexer::units::Tagger;

#[derive(Debug, clap::Args)]
pub(super) struct InspectArgs {
    /// The PDF file.
    file: PathBuf,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Also list every paragraph with its typography and marker, and what it was read as.
    #[arg(long)]
    paragraphs: bool,
}

/// Prints the inspection of a file, as text or JSON.
pub(super) fn run(
    args: &InspectArgs,
    taxonomy: Option<&casebook::Taxonomy>,
) -> anyhow::Result<ExitCode> {
    let (file, json, paragraphs) = (args.file.as_path(), args.json, args.paragraphs);
    let tagger = Tagger::new(taxonomy.cloned().unwrap_or_else(casebook::Taxonomy::builtin));
    let seen = match inspect(file, &tagger) {
        Ok(seen) => seen,
        Err(err) => {
            eprintln!("casebook: {}: {err}", file.display());
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &to_json(&seen))?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &seen)?;
    }
    if paragraphs {
        writeln!(out, "\nparagraphs")?;
        for line in &seen.paragraphs {
            writeln!(out, "  {line}")?;
        }
    }
    for warning in &seen.warnings {
        eprintln!("warning: {}: {warning}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn value(v: &Option<Sourced<String>>) -> String {
    match v {
        Some(s) => format!("{} (from {})", s.value, s.source.as_str()),
        None => "-".to_string(),
    }
}

fn write_text(out: &mut impl Write, seen: &Inspection) -> std::io::Result<()> {
    let r = &seen.review;
    writeln!(out, "{}  ({} pages)", r.file, r.n_pages)?;
    writeln!(out, "  title      {} (from {})", r.title.value, r.title.source.as_str())?;
    writeln!(out, "  type       {}", value(&r.review_type))?;
    writeln!(out, "  board      {}", value(&r.board))?;
    writeln!(out, "  published  {}", value(&r.published))?;
    writeln!(out, "  subject    {}", value(&r.subject))?;
    writeln!(out, "  counts for {}", seen.tags.join(" "))?;
    writeln!(out, "\nsections")?;
    for section in &seen.structure.outline {
        let counts = match (section.n_findings, section.n_recommendations) {
            (0, 0) => String::new(),
            (f, 0) => format!("  · {f} findings"),
            (0, n) => format!("  · {n} recommendations"),
            (f, n) => format!("  · {f} findings, {n} recommendations"),
        };
        writeln!(
            out,
            "  {}{}  [{}, p. {}]{counts}",
            "  ".repeat(section.level.saturating_sub(1)),
            section.title,
            section.kind.as_str(),
            section.page
        )?;
        if let Some(why) = &section.why_none {
            writeln!(out, "  {}  ! nothing read: {why}", "  ".repeat(section.level))?;
        }
    }
    for (kind, name) in
        [(UnitKind::Finding, "findings"), (UnitKind::Recommendation, "recommendations")]
    {
        let units: Vec<_> = seen.items().filter(|u| u.kind == kind).collect();
        writeln!(out, "\n{name} ({})", units.len())?;
        for unit in units {
            let agencies: Vec<&str> =
                unit.tags.iter().filter_map(|t| t.strip_prefix("/agency/")).collect();
            let to = if agencies.is_empty() {
                String::new()
            } else {
                format!(" → {}", agencies.join(", "))
            };
            writeln!(
                out,
                "  {} p. {} [{}]{to}\n      {}",
                unit.number.as_deref().unwrap_or("-"),
                unit.page,
                unit.section.join(" › "),
                unit.text.replace("\n\n", " ¶ ")
            )?;
        }
    }
    Ok(())
}

fn to_json(seen: &Inspection) -> serde_json::Value {
    let r = &seen.review;
    let sourced = |v: &Option<Sourced<String>>| {
        v.as_ref().map(|s| serde_json::json!({"value": s.value, "source": s.source.as_str()}))
    };
    let sections: Vec<_> = seen
        .structure
        .outline
        .iter()
        .map(|s| {
            serde_json::json!({
                "level": s.level, "title": s.title, "page": s.page, "kind": s.kind.as_str(),
                "findings": s.n_findings, "recommendations": s.n_recommendations,
                "why_none": s.why_none,
            })
        })
        .collect();
    let item = |u: &casebook::Unit| {
        serde_json::json!({
            "number": u.number, "page": u.page, "section": u.section, "text": u.text,
            "tags": u.tags,
        })
    };
    let items = |kind| seen.items().filter(|u| u.kind == kind).map(item).collect::<Vec<_>>();
    let passages: Vec<_> = seen
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Page)
        .map(|u| {
            serde_json::json!({
                "page": u.page, "section": u.section, "tags": u.tags, "discussed": u.discussed,
                "text": u.text,
            })
        })
        .collect();
    serde_json::json!({
        "file": r.file,
        "pages": r.n_pages,
        "review": {
            "id": r.id.as_str(), "title": sourced(&Some(r.title.clone())),
            "type": sourced(&r.review_type), "board": sourced(&r.board),
            "published": sourced(&r.published), "subject": sourced(&r.subject),
        },
        "tags": seen.tags,
        "sections": sections,
        "findings": items(UnitKind::Finding),
        "recommendations": items(UnitKind::Recommendation),
        "passages": passages,
        "warnings": seen.warnings,
    })
}
