//! The section tree: which heading each paragraph sits under, the kind of section it is in,
//! the passages of running text by page and section, and the outline `casebook inspect` shows.

use casebook::SectionKind;

use super::block::Block;
use super::doc::Ln;
use super::heading::Heading;
use super::table::Table;
use super::{Passage, Section};

/// A section: a heading and what lies under it until the next heading of its depth or less.
#[derive(Clone, Debug)]
pub(super) struct Node {
    pub(super) title: String,
    pub(super) level: usize,
    pub(super) kind: SectionKind,
    pub(super) page: u32,
    pub(super) parent: Option<usize>,
}

/// The sections of a report and where every block sits among them.
#[derive(Clone, Debug, Default)]
pub(super) struct Outline {
    pub(super) nodes: Vec<Node>,
    /// For each block: the innermost section it is in (for a heading, its own section).
    pub(super) of_block: Vec<Option<usize>>,
    /// For each block: whether it is a heading.
    pub(super) is_heading: Vec<bool>,
}

impl Outline {
    /// The titles from the outermost section to `node`.
    pub(super) fn path(&self, node: Option<usize>) -> Vec<String> {
        let mut out: Vec<String> = self.chain(node).map(|n| self.nodes[n].title.clone()).collect();
        out.reverse();
        out
    }

    /// `node`, its parent, grandparent, …
    pub(super) fn chain(&self, node: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(node, |&n| self.nodes[n].parent)
    }

    /// The kind of the innermost section of `node`'s chain that has one.
    pub(super) fn kind(&self, node: Option<usize>) -> SectionKind {
        self.chain(node)
            .map(|n| self.nodes[n].kind)
            .find(|k| *k != SectionKind::Other)
            .unwrap_or(SectionKind::Other)
    }

    /// The outermost section of `node`'s chain whose kind is `kind`, with nothing of another
    /// named kind between (a "Good practice" section inside "Findings" is not findings).
    pub(super) fn region(&self, node: Option<usize>, kinds: &[SectionKind]) -> Option<usize> {
        let mut found = None;
        for n in self.chain(node) {
            let k = self.nodes[n].kind;
            if kinds.contains(&k) {
                found = Some(n);
            } else if matches!(
                k,
                SectionKind::TermsOfReference
                    | SectionKind::Methodology
                    | SectionKind::Contents
                    | SectionKind::Glossary
                    | SectionKind::Chronology
                    | SectionKind::Background
            ) {
                // "Are there lessons for practice?" among the terms of reference asks; it
                // does not answer.
                return None;
            } else if k != SectionKind::Other {
                // A named section of another kind between: a "Good practice" section inside
                // "Findings" is no region, a "Findings" section inside "Summary" is one.
                found?;
                break;
            }
        }
        found
    }

    /// Whether `node` lies inside a section of kind `kind`.
    pub(super) fn inside(&self, node: Option<usize>, kind: SectionKind) -> bool {
        self.chain(node).any(|n| self.nodes[n].kind == kind)
    }
}

/// Builds the section tree from the headings. `labels` names, for each block that opens with
/// a labelled item ("Learning theme 2:"), its label: a sub-heading met after one item of a
/// labelled list ("Effective practice") ends at the next item of that list.
pub(super) fn sections(
    blocks: &[Block],
    headings: &[Heading],
    labels: &[Option<String>],
) -> Outline {
    let mut outline = Outline {
        nodes: Vec::with_capacity(headings.len()),
        of_block: vec![None; blocks.len()],
        is_heading: vec![false; blocks.len()],
    };
    let mut heading_at = headings.iter().peekable();
    let mut stack: Vec<usize> = Vec::new();
    let mut contents_page: Option<u32> = None;
    // The depth of the stack at the first item of each labelled list.
    let mut label_depth: Vec<(String, usize)> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        // A contents list ends with its page.
        if contents_page.is_some_and(|p| p < block.page) {
            contents_page = None;
            if stack.last().is_some_and(|&n| outline.nodes[n].kind == SectionKind::Contents) {
                stack.clear();
            }
        }
        if let Some(h) = heading_at.next_if(|h| h.block == i) {
            while stack.last().is_some_and(|&n| outline.nodes[n].level >= h.level) {
                stack.pop();
            }
            if h.kind == SectionKind::Contents {
                contents_page = Some(block.page);
            }
            outline.nodes.push(Node {
                title: h.title.clone(),
                level: h.level,
                kind: h.kind,
                page: block.page,
                parent: stack.last().copied(),
            });
            stack.push(outline.nodes.len() - 1);
            outline.is_heading[i] = true;
            label_depth.retain(|(_, depth)| *depth < stack.len());
        } else if let Some(label) = &labels[i] {
            match label_depth.iter().find(|(l, _)| l == label) {
                Some(&(_, depth)) => stack.truncate(depth),
                None => label_depth.push((label.clone(), stack.len())),
            }
        }
        outline.of_block[i] = stack.last().copied();
    }
    outline
}

/// The running text, a passage per page and chapter: the sub-sections of a chapter on one page
/// stay in one passage (headings included), so that words a reader searches for together are
/// found together, and the passage's section is what its paragraphs share ("8. Analysis" for
/// "8. Analysis › Chronic neglect" and "8. Analysis › Disguised compliance").
pub(super) fn passages(
    blocks: &[Block],
    lines: &[Ln],
    tables: &[Table],
    outline: &Outline,
) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    // The chapter and the deepest section shared by the blocks of the last passage.
    let mut last: Option<(Option<usize>, Option<usize>)> = None;
    for (i, block) in blocks.iter().enumerate() {
        let node = outline.of_block[i];
        let chapter = outline.chain(node).last();
        let text = match block.table {
            Some(t) => tables[t].text(),
            None => lines[block.start..block.end]
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        };
        let heading =
            outline.is_heading[i].then(|| text.split_whitespace().collect::<Vec<_>>().join(" "));
        match (out.last_mut(), &mut last) {
            (Some(p), Some((ch, shared))) if p.page == block.page && *ch == chapter => {
                *shared = common(outline, *shared, node);
                p.section = outline.path(*shared);
                p.kind = outline.kind(*shared);
                p.text.push('\n');
                p.text.push_str(&text);
                p.headings.extend(heading);
            }
            _ => {
                last = Some((chapter, node));
                let passage = Passage {
                    page: block.page,
                    section: outline.path(node),
                    kind: outline.kind(node),
                    text,
                    headings: heading.into_iter().collect(),
                };
                out.push(passage);
            }
        }
    }
    out.retain(|p| !p.text.trim().is_empty());
    out
}

/// The deepest section that `a` and `b` both lie in.
fn common(outline: &Outline, a: Option<usize>, b: Option<usize>) -> Option<usize> {
    let ancestors: Vec<usize> = outline.chain(b).collect();
    outline.chain(a).find(|n| ancestors.contains(n))
}

/// The outline as `casebook inspect` shows it.
pub(super) fn report(
    outline: &Outline,
    counts: &[(usize, usize)],
    why_none: &[Option<String>],
) -> Vec<Section> {
    outline
        .nodes
        .iter()
        .enumerate()
        .map(|(n, node)| Section {
            level: node.level,
            title: node.title.clone(),
            page: node.page,
            kind: node.kind,
            n_findings: counts.get(n).map_or(0, |c| c.0),
            n_recommendations: counts.get(n).map_or(0, |c| c.1),
            why_none: why_none.get(n).cloned().flatten(),
        })
        .collect()
}
