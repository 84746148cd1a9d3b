//! What is done with the items once read: restatements dropped, numbers given, sections
//! counted, and why a section gave nothing.

use casebook::SectionKind;

use super::{Found, Read, What};
use crate::structure::block::Block;
use crate::structure::marker::Marker;
use crate::structure::outline::Outline;
use crate::structure::scheme::Scheme;

/// Splits a leading note in brackets ("[to the police]: …") from an item's text.
pub(in crate::structure) fn split_note(text: &str) -> (Option<String>, String) {
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some(inner) = text.strip_prefix(open)
            && let Some(end) = inner.find(close)
            && end < 120
        {
            let after = inner[end + close.len_utf8()..].trim_start();
            if let Some(rest) = after.strip_prefix([':', '.', '–', '—', '-']) {
                return (Some(inner[..end].trim().to_string()), rest.trim().to_string());
            }
        }
    }
    (None, text.to_string())
}

/// Drops restatements, numbers what has no number, and counts what each section holds.
pub(super) fn finish(
    found: Vec<Found>,
    outline: &Outline,
    blocks: &[Block],
    region_of: &[Option<usize>],
    schemes: &[Option<Scheme>],
    marks: &[Option<Marker>],
) -> Read {
    let mut read = Read {
        per_section: vec![(0, 0); outline.nodes.len()],
        why_none: vec![None; outline.nodes.len()],
        ..Read::default()
    };
    for what in [What::Finding, What::Recommendation] {
        let of_kind: Vec<&Found> = found.iter().filter(|f| f.what == what).collect();
        let stated = of_kind.iter().any(|f| !f.restates);
        let mut kept: Vec<&Found> = Vec::new();
        for f in of_kind {
            if f.restates && stated {
                continue;
            }
            // The same item twice (a table that repeats a list) counts once.
            if kept.iter().any(|k| same_item(&k.item.text, &f.item.text)) {
                continue;
            }
            kept.push(f);
        }
        let out =
            if what == What::Finding { &mut read.findings } else { &mut read.recommendations };
        for f in kept {
            let mut item = f.item.clone();
            if item.number.is_empty() {
                item.number = (out.len() + 1).to_string();
            }
            item.section = outline.path(f.node);
            for n in outline.chain(f.node) {
                let slot = &mut read.per_section[n];
                if what == What::Finding { slot.0 += 1 } else { slot.1 += 1 }
            }
            out.push(item);
        }
    }
    for (n, node) in outline.nodes.iter().enumerate() {
        let counted = match node.kind {
            SectionKind::Findings => read.per_section[n].0,
            SectionKind::Recommendations => read.per_section[n].1,
            _ => continue,
        };
        if counted == 0 {
            read.why_none[n] = Some(why_none(n, outline, blocks, region_of, schemes, marks));
        }
    }
    read
}

/// Whether two texts are one item: the shorter all but wholly within the longer (a table
/// repeating a list word for word; lists of similar items differ in a word or two more).
pub(super) fn same_item(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    if short.len() < 6 {
        return false;
    }
    let long: std::collections::HashSet<&String> = long.iter().collect();
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared * 100 >= short.len() * 97
}

/// Says why nothing was read in a findings or recommendations section.
pub(super) fn why_none(
    n: usize,
    outline: &Outline,
    blocks: &[Block],
    region_of: &[Option<usize>],
    schemes: &[Option<Scheme>],
    marks: &[Option<Marker>],
) -> String {
    let inside =
        |i: usize| outline.chain(outline.of_block[i]).any(|a| a == n) && !outline.is_heading[i];
    let members: Vec<usize> = (0..blocks.len()).filter(|&i| inside(i)).collect();
    if members.is_empty() {
        return "the section is empty".to_string();
    }
    let region = members.iter().find_map(|&i| region_of[i]);
    if region.is_none() {
        return format!(
            "it sits inside a section of another kind ({})",
            outline.kind(Some(n)).as_str()
        );
    }
    let n_marked = members.iter().filter(|&&i| marks[i].is_some()).count();
    let scheme = region.and_then(|r| schemes[r].clone());
    match scheme {
        Some(Scheme::None) | None => format!(
            "none of its {} paragraphs opens with a label, a number, a letter or a bullet, \
             or is a bold headline{}",
            members.len(),
            if outline.nodes[n].kind == SectionKind::Recommendations {
                ", and none reads as a recommendation (should, must, will, ensure)"
            } else {
                ""
            }
        ),
        Some(s) => format!(
            "its {} paragraphs ({n_marked} with a marker) gave no item in the scheme chosen ({s:?}); \
             they may restate items stated elsewhere",
            members.len()
        ),
    }
}
