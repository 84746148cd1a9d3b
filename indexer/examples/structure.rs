//! Prints what the indexer reads in a report: sections, findings and recommendations.
//!
//! `cargo run -p casebook-indexer --example structure -- FILE.pdf [--text]`

use casebook_indexer::extract::extract_pdf;
use casebook_indexer::structure;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: structure FILE.pdf [--text]");
        std::process::exit(2);
    };
    let text = match extract_pdf(path.as_ref()) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{path}: {err}");
            std::process::exit(1);
        }
    };
    if args.iter().any(|a| a == "--text") {
        for page in &text.pages {
            println!("===== page {} (label {:?})\n{}", page.number, page.label, page.body);
        }
    }
    let s = structure::analyse(&text.pages);
    for p in &s.passages {
        println!("passage p.{} [{}] {:?}", p.page, p.kind.as_str(), p.section.join(" › "));
    }
    for (name, items) in [("finding", &s.findings), ("recommendation", &s.recommendations)] {
        for item in items {
            let head: String = item.text.chars().take(90).collect();
            println!("{name} {} p.{} {:?}", item.number, item.page, head);
        }
    }
}
