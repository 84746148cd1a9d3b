//! The `casebook` command line, run as a user runs it: the real binary on the indexed sample
//! corpus, with good and bad arguments.

use std::process::{Command, Output};

use crate::support::fixture;

fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook")).args(args).output().expect("casebook runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn search_and_themes_read_the_index_with_typed_arguments() {
    let index = fixture().index_dir.to_str().unwrap().to_owned();
    let found =
        casebook(&["search", "neglect", "--kind", "finding", "--limit", "3", "--index", &index]);
    assert!(found.status.success(), "{}", text(&found.stderr));
    let out = text(&found.stdout);
    assert!(out.contains("units in"), "{out}");
    assert_eq!(out.matches("finding ").count(), 3, "{out}");

    let pairs = casebook(&["themes", "--table", "pairs", "--index", &index]);
    assert!(pairs.status.success(), "{}", text(&pairs.stderr));
    let out = text(&pairs.stdout);
    let header = out.lines().nth(1).unwrap_or_default();
    assert!(header.starts_with("a ") && header.contains("lift"), "{out}");

    let csv = casebook(&["themes", "--table", "trend", "--csv", "--index", &index]);
    assert!(csv.status.success(), "{}", text(&csv.stderr));
    assert!(text(&csv.stdout).starts_with("path,label,year,reviews,reviews_that_year\n"));
}

#[test]
fn themes_evidence_lists_the_reviews_counted_with_their_quotes() {
    let index = fixture().index_dir.to_str().unwrap().to_owned();
    // The same number of reviews as the themes table counts.
    let table = casebook(&["themes", "--csv", "--index", &index]);
    let table = text(&table.stdout);
    let row = table.lines().find(|l| l.starts_with("/risk/domestic_abuse,")).unwrap();
    let n: usize = row.split(',').nth(2).unwrap().parse().unwrap();
    let run = casebook(&["themes", "--evidence", "domestic_abuse", "--index", &index]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let out = text(&run.stdout);
    assert!(out.starts_with(&format!("Domestic abuse: {n} reviews counted\n")), "{out}");
    assert_eq!(out.matches("  counted because ").count(), n, "{out}");
    assert!(out.contains("*domestic abuse*") || out.contains("*Domestic abuse*"), "{out}");
    // As CSV: one row per quote, every one of the n reviews, the matched words in a column.
    let run =
        casebook(&["themes", "--evidence", "/risk/domestic_abuse", "--csv", "--index", &index]);
    let csv = text(&run.stdout);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let reviews: std::collections::HashSet<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(reviews.len(), n);
    assert!(rows.iter().all(|r| &r[3] == "/risk/domestic_abuse" && !r[10].is_empty()));
}

#[test]
fn a_bad_value_is_refused_naming_its_option() {
    let index = fixture().index_dir.to_str().unwrap().to_owned();
    for (args, option) in [
        (vec!["search", "--limit", "5000", "--kind", "recommendation"], "--limit"),
        (vec!["search", "--year-from", "1850"], "--year-from"),
        (vec!["search", "--kind", "chapter"], "--kind"),
        (vec!["themes", "--table", "pie"], "--table"),
        (vec!["themes", "--split", "colour"], "--split"),
        (vec!["themes", "--evidence", "police"], "--evidence"),
        (vec!["themes", "--evidence", "no_such_theme"], "--evidence"),
        (vec!["pack", "export", "1", "--format", "pdf"], "--format"),
    ] {
        let mut args = args;
        args.extend(["--index", &index]);
        if args[0] == "pack" {
            args.truncate(args.len() - 2);
        }
        let run = casebook(&args);
        assert!(!run.status.success(), "{args:?} succeeded");
        let err = text(&run.stderr);
        assert!(err.contains(option), "{args:?}: {err}");
    }
}

#[test]
fn the_taxonomy_command_prints_lists_and_checks() {
    let printed = casebook(&["taxonomy"]);
    assert!(printed.status.success());
    let file = text(&printed.stdout);
    assert!(casebook::Taxonomy::from_toml_str(&file).is_ok(), "the printed file reads back");

    let listed = casebook(&["taxonomy", "--list"]);
    let listed = text(&listed.stdout);
    assert!(listed.lines().any(|l| l.starts_with("neglect ") && l.contains("Neglect")), "{listed}");

    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(&good, &file).unwrap();
    let checked = casebook(&["taxonomy", "--check", good.to_str().unwrap()]);
    assert!(checked.status.success(), "{}", text(&checked.stderr));
    assert!(text(&checked.stdout).contains("entries (review_type "));

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[entry]]\nid = \"x\"\nkind = \"theme\"\nlabel = \"X\"\n").unwrap();
    let checked = casebook(&["taxonomy", "--check", bad.to_str().unwrap()]);
    assert!(!checked.status.success());
    let err = text(&checked.stderr);
    assert!(err.contains("bad.toml") && err.contains("group"), "{err}");
}
