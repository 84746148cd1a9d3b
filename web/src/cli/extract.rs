//! `casebook extract`: the text of a PDF as the indexer reads it, and the child process of
//! isolated extraction (`extract-one`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

#[derive(Debug, clap::Args)]
pub(super) struct ExtractArgs {
    /// The PDF file.
    file: PathBuf,
    /// Print pages and metadata as JSON.
    #[arg(long)]
    json: bool,
    /// Benchmark: extract N times in this process and print the best `ms_per_page=X`.
    #[arg(long, value_name = "N", hide = true)]
    time: Option<u32>,
}

#[derive(Debug, clap::Args)]
pub(super) struct ExtractOneArgs {
    /// The time the extraction may take, in milliseconds.
    #[arg(long = "time-limit-ms", default_value_t = 8000)]
    time_limit_ms: u64,
    /// The PDF file.
    file: PathBuf,
}

pub(super) fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    match args.time {
        Some(n) => time_extract(&args.file, n),
        None => extract(&args.file, args.json),
    }
}

/// Extracts one file and writes the result for the parent process (see
/// [`casebook_indexer::isolate`]).
pub(super) fn run_one(args: &ExtractOneArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let time_limit = std::time::Duration::from_millis(args.time_limit_ms);
    casebook_indexer::isolate::run_child(&args.file, time_limit, &mut out)
        .context("writing the extraction result")?;
    Ok(ExitCode::SUCCESS)
}

fn extract(file: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let text = match casebook_indexer::extract::extract_pdf(file) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("casebook: {}: {err}", file.display());
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = std::io::stdout().lock();
    if json {
        let pages: Vec<_> = text
            .pages
            .iter()
            .map(|p| {
                let lines: Vec<_> = p
                    .lines
                    .iter()
                    .map(|l| {
                        let cells: Vec<_> = l.cells.iter().map(|c| (c.offset, c.x)).collect();
                        serde_json::json!({
                            "text": l.text, "x": l.x, "x_end": l.x_end, "y": l.y,
                            "font_size": l.font_size, "bold": l.bold, "italic": l.italic,
                            "cells": cells, "paragraph_start": l.paragraph_start,
                        })
                    })
                    .collect();
                serde_json::json!({
                    "page": p.number, "label": p.label, "header": p.header,
                    "body": p.body, "footer": p.footer, "no_text_layer": p.no_text_layer,
                    "lines": lines,
                })
            })
            .collect();
        let info = &text.info;
        let value = serde_json::json!({
            "file": file.display().to_string(),
            "pages": pages,
            "info": {
                "title": info.title, "author": info.author, "subject": info.subject,
                "keywords": info.keywords, "creator": info.creator, "producer": info.producer,
                "created": info.created, "modified": info.modified,
            },
            "warnings": text.warnings,
        });
        serde_json::to_writer_pretty(&mut out, &value)?;
        writeln!(out)?;
    } else {
        for page in &text.pages {
            write!(out, "{}\x0c", page.full_text())?;
        }
    }
    for warning in &text.warnings {
        eprintln!("warning: {}: {warning}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Extracts `file` `n` times from memory and prints the best time per page, for
/// `bench/extract_fidelity.py --time-cmd`.
fn time_extract(file: &Path, n: u32) -> anyhow::Result<ExitCode> {
    use casebook_indexer::extract::pdf;
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let mut best = f64::INFINITY;
    let mut n_pages = 0;
    for _ in 0..n.max(1) {
        let started = std::time::Instant::now();
        match pdf::extract_bytes(&bytes, &pdf::PdfOptions::default()) {
            Ok(text) => n_pages = text.pages.len(),
            Err(err) => {
                eprintln!("casebook: {}: {err}", file.display());
                return Ok(ExitCode::from(2));
            }
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!("ms_per_page={:.3} pages={n_pages}", 1000.0 * best / n_pages.max(1) as f64);
    Ok(ExitCode::SUCCESS)
}
