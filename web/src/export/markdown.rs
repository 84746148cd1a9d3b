//! A pack as Markdown (CommonMark): headings, extracts as block quotes, citations as links.

use super::{Entry, PackDocument};

/// Writes the pack as Markdown.
pub(crate) fn markdown(doc: &PackDocument) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", escape(&doc.title)));
    for p in &doc.description {
        out.push_str(&format!("{}\n\n", escape(p)));
    }
    out.push_str(&format!("*{}*\n\n", escape(&doc.colophon)));
    if !doc.entries.is_empty() {
        out.push_str("## Contents\n\n");
        for (i, entry) in doc.entries.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", i + 1, escape(entry.heading())));
        }
        out.push('\n');
    }
    for entry in &doc.entries {
        match entry {
            Entry::Section { heading, paragraphs } => {
                out.push_str(&format!("## {}\n\n", escape(heading)));
                for p in paragraphs {
                    out.push_str(&format!("{}\n\n", escape(p)));
                }
            }
            Entry::Extract(e) => {
                out.push_str(&format!("### {}. {}\n\n", e.n, escape(&e.heading)));
                for (i, p) in e.paragraphs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(">\n");
                    }
                    out.push_str(&format!("> {}\n", escape(p)));
                }
                out.push_str(&format!(
                    "\nSource: {} [{}]. [Open the report at this page]({})\n\n",
                    escape(&e.citation),
                    e.reference,
                    e.link
                ));
                for (i, p) in e.note.iter().enumerate() {
                    let lead = if i == 0 { "**Note:** " } else { "" };
                    out.push_str(&format!("{lead}{}\n\n", escape(p)));
                }
            }
        }
    }
    if !doc.references.is_empty() {
        out.push_str("## References\n\n");
        for r in &doc.references {
            out.push_str(&format!("{}. {} <{}>\n", r.n, escape(&r.text), r.link));
        }
    }
    out
}

/// Escapes the characters that would otherwise start Markdown or HTML markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape("<script> *bold* [x](y)"), "\\<script\\> \\*bold\\* \\[x\\](y)");
    }
}
