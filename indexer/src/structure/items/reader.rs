//! How an open item runs on: which paragraphs continue it, and where it ends.

use super::finish::split_note;
use super::{Found, Open, What, restating};
use crate::structure::Item;
use crate::structure::block::Block;
use crate::structure::doc::join_line;
use crate::structure::marker::{self, Family, Marker};
use crate::structure::outline::Outline;
use crate::structure::scheme::{self, Key};
use crate::structure::table::{Column, Table};

pub(super) struct Start {
    pub(super) what: What,
    pub(super) key: Option<Key>,
    pub(super) headline: bool,
    pub(super) filed_under: Option<String>,
    pub(super) restates: bool,
}

/// Whether a paragraph continues the open item.
pub(super) enum Goes {
    On,
    Off,
}

pub(super) struct Reader {
    pub(super) found: Vec<Found>,
    pub(super) open: Option<Open>,
    pub(super) em: f32,
    pub(super) geometric: bool,
}

impl Reader {
    pub(super) fn start(
        &mut self,
        start: Start,
        i: usize,
        block: &Block,
        mark: Option<&Marker>,
        node: Option<usize>,
    ) {
        let text = match mark {
            Some(m) if start.key.is_some() => block.text[m.rest..].to_string(),
            _ => block.text.clone(),
        };
        self.open = Some(Open {
            what: start.what,
            number: mark.filter(|_| start.key.is_some()).map(|m| m.id.clone()),
            page: block.page,
            node,
            text,
            filed_under: start.filed_under,
            x: block.x,
            indent: block.indent,
            headline: start.headline,
            restates: start.restates,
            key: start.key,
            sub_key: None,
            last: i,
        });
    }

    /// Whether a marker at this block is a sub-point of the open item rather than an item.
    pub(super) fn is_sub_point(&self, block: &Block, mark: &Marker) -> bool {
        self.open.as_ref().is_some_and(|o| {
            o.sub_key.as_ref() == Some(&Key::of(mark))
                || o.text.trim_end().ends_with(':')
                || self.geometric && block.x > o.x + 0.5 * self.em
        })
    }

    pub(super) fn goes_on(
        &self,
        i: usize,
        block: &Block,
        mark: Option<&Marker>,
        blocks: &[Block],
    ) -> Goes {
        let Some(open) = &self.open else { return Goes::Off };
        let em = self.em;
        if self.geometric && block.x < open.x - 0.5 * em {
            return Goes::Off;
        }
        if let Some(m) = mark {
            let key = Key::of(m);
            if open.key.as_ref() == Some(&key) && open.sub_key.as_ref() != Some(&key) {
                // Another entry of the item's own scheme that the scheme did not take.
                return Goes::Off;
            }
            return if self.is_sub_point(block, m) || open.headline { Goes::On } else { Goes::Off };
        }
        let prev = &blocks[open.last];
        // The rest of a sentence broken by a page or a column.
        let runs_on = block.text.starts_with(|c: char| c.is_lowercase())
            || prev.page != block.page && prev.ends_full && !ends_sentence(&open.text);
        if runs_on || open.text.trim_end().ends_with(':') && i == open.last + 1 {
            return Goes::On;
        }
        if open.headline {
            return Goes::On;
        }
        // A paragraph indented to the item's text hangs under it ("Anticipated outcome: …").
        let hangs =
            self.geometric && open.indent > open.x + 0.5 * em && block.x >= open.indent - 1.0;
        if hangs { Goes::On } else { Goes::Off }
    }

    pub(super) fn append(
        &mut self,
        i: usize,
        block: &Block,
        mark: Option<&Marker>,
        blocks: &[Block],
    ) {
        let Some(open) = &mut self.open else { return };
        if let Some(m) = mark
            && open.sub_key.is_none()
            && open.key.as_ref() != Some(&Key::of(m))
        {
            open.sub_key = Some(Key::of(m));
        }
        let prev = &blocks[open.last];
        let continues = block.text.starts_with(|c: char| c.is_lowercase())
            || prev.page != block.page && !ends_sentence(&open.text);
        if continues {
            join_line(&mut open.text, &block.text);
        } else {
            if !open.text.trim().is_empty() {
                open.text.push_str("\n\n");
            }
            open.text.push_str(&block.text);
        }
        open.last = i;
    }

    pub(super) fn close(&mut self) {
        let Some(open) = self.open.take() else { return };
        let (addressed_to, text) = split_note(open.text.trim());
        if text.is_empty() || open.key.is_none() && scheme::is_preamble(&text) {
            return;
        }
        self.found.push(Found {
            what: open.what,
            item: Item {
                number: open.number.unwrap_or_default(),
                page: open.page,
                section: Vec::new(),
                text,
                addressed_to,
                filed_under: open.filed_under,
            },
            node: open.node,
            restates: open.restates,
        });
    }

    /// The rows of a table of recommendations or findings.
    pub(super) fn table(&mut self, table: &Table, node: Option<usize>, outline: &Outline) {
        let (text_col, what, restates) = if let Some(c) = table.column(Column::Recommendation) {
            (c, What::Recommendation, restating(outline, node))
        } else if let Some(c) = table.column(Column::Finding) {
            (c, What::Finding, restating(outline, node))
        } else if let Some(c) = table.column(Column::Action) {
            // An action plan with no column of recommendations: its actions stand in for them.
            (c, What::Recommendation, true)
        } else {
            return;
        };
        let number_col = table.column(Column::Number);
        let lead_col = table.column(Column::Lead);
        for row in &table.rows {
            let cell = row.cells[text_col].trim();
            if cell.is_empty() {
                continue;
            }
            let mark = marker::leading(cell).filter(|m| {
                matches!(m.family, Family::Digits | Family::Code { .. } | Family::Letters)
                    || m.said().is_some()
            });
            let text = mark.as_ref().map_or(cell, |m| &cell[m.rest..]).trim().to_string();
            let number = number_col
                .map(|c| row.cells[c].trim().trim_end_matches('.').to_string())
                .filter(|n| !n.is_empty())
                .or_else(|| mark.as_ref().map(|m| m.id.clone()));
            let lead = lead_col.map(|c| row.cells[c].trim().to_string()).filter(|l| !l.is_empty());
            let (addressed_to, text) = split_note(&text);
            if text.is_empty() {
                continue;
            }
            self.found.push(Found {
                what,
                item: Item {
                    number: number.unwrap_or_default(),
                    page: row.page,
                    section: Vec::new(),
                    text,
                    addressed_to,
                    filed_under: lead.or_else(|| row.group.clone()),
                },
                node,
                restates,
            });
        }
    }
}

pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '?', '!', ';', ':', '”', '"', ')'])
}
