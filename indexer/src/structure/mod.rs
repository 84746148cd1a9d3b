//! The structure of a review report: sections, findings and recommendations.
//!
//! Reports are read line by line across pages. Headings (numbered, named after a known section,
//! or set in bold or a larger font) open sections; every passage of body text carries the path
//! of the sections it sits in. Findings and recommendations are found where reports put them:
//! labelled items ("Finding 1:", "Learning point 2", "Recommendation 3:", "R4 [to the
//! police]:"), numbered or bulleted items under a findings or recommendations heading, and the
//! rows of an action plan when the report lists its recommendations nowhere else. An item's text
//! runs on across lines and page breaks until the next item or heading.

mod line;

use casebook::SectionKind;

use crate::extract::PageText;
use line::{Kind, classify};

/// What a report is made of.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    /// Body text split at page and section boundaries, in reading order.
    pub passages: Vec<Passage>,
    /// Findings and learning points.
    pub findings: Vec<Item>,
    /// Recommendations.
    pub recommendations: Vec<Item>,
}

/// A run of body text on one page within one section.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// 1-based page.
    pub page: u32,
    /// Section headings, outermost first.
    pub section: Vec<String>,
    /// What kind of section the passage is in.
    pub kind: SectionKind,
    /// The text, lines joined with `\n`.
    pub text: String,
}

/// A finding or a recommendation.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The number as written ("3", "R3", "2.1"), or its position when the report gives none.
    pub number: String,
    /// 1-based page where it starts.
    pub page: u32,
    /// Section headings, outermost first.
    pub section: Vec<String>,
    /// The whole text, joined across lines and pages.
    pub text: String,
    /// A note saying whom a recommendation is for, as written before its text
    /// ("to the police and partners" from "R3 [to the police and partners]: …").
    pub addressed_to: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ItemKind {
    Finding,
    Recommendation,
    /// A row of an action plan table, kept apart from stated recommendations.
    ActionPlanRow,
}

/// A section heading on the stack.
#[derive(Clone, Debug)]
struct Heading {
    level: usize,
    title: String,
    kind: SectionKind,
    /// Whether the heading had a number.
    numbered: bool,
}

/// An item being read.
#[derive(Debug)]
struct Open {
    kind: ItemKind,
    number: String,
    page: u32,
    section: Vec<String>,
    text: String,
    /// True when the item came from a list or paragraph inside a section rather than a label:
    /// such items end at the next paragraph break.
    ends_at_break: bool,
    /// The marker style of the list the item is an entry of ("•", "1", "a").
    style: Option<line::MarkerStyle>,
    /// The marker style of the sub-list the item introduced with a colon, once it has one.
    sub_style: Option<line::MarkerStyle>,
}

impl Open {
    /// Whether the item ends with a colon, introducing sub-points.
    fn introduces_sub_list(&self) -> bool {
        self.sub_style.is_none() && self.text.trim_end().ends_with(':')
    }
}

/// Reads the structure of a report from its pages.
pub fn analyse(pages: &[PageText]) -> Structure {
    let mut reader = Reader::default();
    // A report that labels its findings ("Finding 1:") or recommendations ("R1") lists them
    // only so; its numbered paragraphs and bullets are explanation, not further items.
    for line in pages.iter().flat_map(|p| p.body.lines()) {
        if let Some(Kind::Label { finding, .. }) = line::label(line.trim()) {
            if finding {
                reader.labelled_findings = true;
            } else {
                reader.labelled_recommendations = true;
            }
        }
    }
    for page in pages {
        reader.page(page);
    }
    reader.finish()
}

#[derive(Default)]
struct Reader {
    out: Structure,
    stack: Vec<Heading>,
    open: Option<Open>,
    passage: Option<Passage>,
    /// Recommendations found in an action plan table, kept apart: they are used only when the
    /// report states its recommendations nowhere else.
    action_plan: Vec<Item>,
    /// The page on which a contents list started; contents end with that page.
    contents_page: Option<u32>,
    /// Whether the previous line ended a paragraph.
    at_break: bool,
    /// Whether the previous line was a paragraph number alone ("9.2"), as tables of numbered
    /// paragraphs put them.
    after_paragraph_number: bool,
    /// Whether the line before the current one was a paragraph number alone.
    number_before: bool,
    /// Whether the previous line ended a sentence.
    sentence_ended: bool,
    /// Whether the report labels its findings ("Finding 1:"); if so, plain paragraphs under a
    /// findings heading are explanation, not findings.
    labelled_findings: bool,
    /// Whether the report labels its recommendations ("Recommendation 1:", "R1").
    labelled_recommendations: bool,
}

impl Reader {
    fn page(&mut self, page: &PageText) {
        if self.contents_page.is_some_and(|p| p < page.number) {
            self.contents_page = None;
            if self.kind() == SectionKind::Contents {
                self.stack.clear();
            }
        }
        // A paragraph may run on from the page before; the extractor says where they start.
        // Without line information, a page starting in lower case continues a sentence.
        self.at_break = match page.lines.first() {
            Some(line) => line.paragraph_start,
            None => !page.body.trim_start().starts_with(char::is_lowercase),
        };
        for raw in page.body.lines() {
            let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                self.paragraph_break();
                continue;
            }
            self.line(page.number, &text);
        }
        self.flush_passage();
    }

    fn kind(&self) -> SectionKind {
        self.stack
            .iter()
            .rev()
            .map(|h| h.kind)
            .find(|k| *k != SectionKind::Other)
            .unwrap_or(SectionKind::Other)
    }

    fn path(&self) -> Vec<String> {
        self.stack.iter().map(|h| h.title.clone()).collect()
    }

    fn paragraph_break(&mut self) {
        self.at_break = true;
        // A list entry with sub-points stays open for the next: the next line decides.
        let closes = self.open.as_ref().is_some_and(|o| {
            o.ends_at_break
                && !o.text.is_empty()
                && !(o.style.is_some() && (o.sub_style.is_some() || o.introduces_sub_list()))
        });
        if closes {
            self.close();
        }
    }

    fn line(&mut self, page: u32, text: &str) {
        // A heading follows a paragraph break, a paragraph number alone, or the end of a
        // sentence (extractors do not always mark paragraph breaks).
        let may_be_heading = self.at_break || self.after_paragraph_number || self.sentence_ended;
        let kind = classify(text, may_be_heading, self.kind());
        self.sentence_ended = text.ends_with(['.', ':', ';', '?', '!', ')', '”', '"']);
        self.number_before = self.after_paragraph_number;
        self.after_paragraph_number = matches!(kind, Kind::ParagraphNumber);
        match kind {
            Kind::Heading { level, title } => {
                self.close();
                self.flush_passage();
                let kind = SectionKind::from_heading(&title);
                let numbered = level.is_some();
                let level = level.unwrap_or_else(|| self.unnumbered_level(kind));
                while self.stack.last().is_some_and(|h| h.level >= level) {
                    self.stack.pop();
                }
                if kind == SectionKind::Contents {
                    self.contents_page = Some(page);
                }
                self.stack.push(Heading { level, title, kind, numbered });
                self.at_break = true;
                return;
            }
            Kind::Label { finding, number, rest } => {
                self.close();
                let kind = if finding { ItemKind::Finding } else { ItemKind::Recommendation };
                self.start(kind, number, page, &rest, false);
            }
            Kind::ListItem { number, rest } => {
                let section = self.kind();
                let item_kind = match section {
                    SectionKind::Recommendations if !self.labelled_recommendations => {
                        Some(ItemKind::Recommendation)
                    }
                    SectionKind::Findings if !self.labelled_findings => Some(ItemKind::Finding),
                    _ => None,
                };
                let labelled = self.open.as_ref().is_some_and(|o| !o.ends_at_break);
                let style = line::marker_style(text);
                // An item that ends with a colon introduces sub-points in a marker of their own
                // ("◼ Practice … to demonstrate:" then "- an understanding …"): they are part of
                // it, until an entry in the item's own marker comes.
                if item_kind.is_some()
                    && let Some(open) = &mut self.open
                    && open.ends_at_break
                    && open.style.is_some_and(|s| s != style)
                    && (open.sub_style == Some(style) || open.introduces_sub_list())
                {
                    open.sub_style = Some(style);
                    self.append_paragraph(&rest_or_marker(&number, &rest));
                    self.at_break = false;
                    self.add_to_passage(page, text);
                    return;
                }
                match item_kind {
                    // Lists inside a labelled item (sub-points of "Recommendation 2") belong to it.
                    Some(_) if labelled => self.append_paragraph(&rest_or_marker(&number, &rest)),
                    // Every item of a list under a findings or recommendations heading is one
                    // (its verb may come on a later line); a list's introduction is dropped
                    // when the item closes.
                    Some(kind) => {
                        self.close();
                        let number = number.unwrap_or_else(|| self.next_number(kind));
                        self.start(kind, number, page, &rest, true);
                        if let Some(open) = &mut self.open {
                            open.style = Some(style);
                        }
                    }
                    _ => self.append(&rest_or_marker(&number, &rest)),
                }
            }
            Kind::ActionPlanRow { number, rest } if self.kind() == SectionKind::ActionPlan => {
                self.close();
                self.start(ItemKind::ActionPlanRow, number, page, &rest, false);
            }
            Kind::ParagraphNumber => {
                // A numbered paragraph inside a findings or recommendations section without
                // labelled items is an item of its own.
                self.close_unlabelled();
                self.at_break = true;
            }
            Kind::ActionPlanRow { .. } | Kind::Text => {
                let numbered =
                    text.split_whitespace().next().is_some_and(line::is_paragraph_number);
                let starts_paragraph = self.at_break || numbered;
                if starts_paragraph {
                    self.close_unlabelled();
                }
                if self.open.is_none() && starts_paragraph && self.ends_unnumbered_list(text) {
                    self.flush_passage();
                    self.stack.pop();
                }
                if self.open.is_none() && starts_paragraph {
                    let body = if numbered {
                        line::strip_paragraph_number(text)
                    } else {
                        text.to_string()
                    };
                    match self.kind() {
                        SectionKind::Recommendations
                            if !self.labelled_recommendations
                                && is_recommendation_text(&body)
                                && !is_preamble(&body) =>
                        {
                            let number = self.next_number(ItemKind::Recommendation);
                            self.start(ItemKind::Recommendation, number, page, &body, true);
                        }
                        SectionKind::Findings
                            if (numbered || self.after_paragraph_number_text())
                                && !is_preamble(&body)
                                && !self.labelled_findings =>
                        {
                            let number = self.next_number(ItemKind::Finding);
                            self.start(ItemKind::Finding, number, page, &body, true);
                        }
                        _ => {}
                    }
                } else if starts_paragraph {
                    self.append_paragraph(text);
                } else {
                    self.append(text);
                }
            }
        }
        self.at_break = false;
        self.add_to_passage(page, text);
    }

    /// Whether the current line follows a paragraph number set alone on the line before.
    fn after_paragraph_number_text(&self) -> bool {
        self.number_before
    }

    /// Whether a plain paragraph ends a list of items under an unnumbered heading ("What needs
    /// to improve?"): such a section has no number to say where it stops, and a report moves
    /// on with ordinary text.
    fn ends_unnumbered_list(&self, text: &str) -> bool {
        let Some(top) = self.stack.last() else { return false };
        let has_items =
            self.out.recommendations.last().is_some_and(|i| i.section.last() == Some(&top.title));
        top.kind == SectionKind::Recommendations
            && !top.numbered
            && !self.labelled_recommendations
            && has_items
            && !is_recommendation_text(text)
    }

    fn unnumbered_level(&self, kind: SectionKind) -> usize {
        // A named section ("Recommendations") is a top-level section; any other unnumbered
        // heading (set in bold) sits under the current one.
        if kind != SectionKind::Other { 1 } else { self.stack.last().map_or(1, |h| h.level + 1) }
    }

    fn next_number(&self, kind: ItemKind) -> String {
        (self.items(kind).len() + 1).to_string()
    }

    fn items(&self, kind: ItemKind) -> &Vec<Item> {
        match kind {
            ItemKind::Finding => &self.out.findings,
            ItemKind::Recommendation => &self.out.recommendations,
            ItemKind::ActionPlanRow => &self.action_plan,
        }
    }

    fn start(
        &mut self,
        kind: ItemKind,
        number: String,
        page: u32,
        text: &str,
        ends_at_break: bool,
    ) {
        self.open = Some(Open {
            kind,
            number,
            page,
            section: self.path(),
            text: text.to_string(),
            ends_at_break,
            style: None,
            sub_style: None,
        });
    }

    fn append(&mut self, text: &str) {
        if let Some(open) = &mut self.open {
            join_line(&mut open.text, text);
        }
    }

    /// Appends a new paragraph: items keep their paragraphs apart with a blank line.
    fn append_paragraph(&mut self, text: &str) {
        if let Some(open) = &mut self.open {
            if !open.text.trim().is_empty() {
                open.text.push_str("\n\n");
            }
            open.text.push_str(text);
        }
    }

    fn close_unlabelled(&mut self) {
        if self.open.as_ref().is_some_and(|o| o.ends_at_break) {
            self.close();
        }
    }

    fn close(&mut self) {
        let Some(open) = self.open.take() else { return };
        let (addressed_to, text) = split_note(open.text.trim());
        // An unlabelled item that only introduces the list ("The review makes the following
        // recommendations") is not an item.
        if text.is_empty() || open.ends_at_break && is_preamble(&text) {
            return;
        }
        let item = Item {
            number: open.number,
            page: open.page,
            section: open.section,
            text,
            addressed_to,
        };
        match open.kind {
            ItemKind::Finding => self.out.findings.push(item),
            ItemKind::Recommendation => self.out.recommendations.push(item),
            ItemKind::ActionPlanRow => self.action_plan.push(item),
        }
    }

    fn add_to_passage(&mut self, page: u32, text: &str) {
        let section = self.path();
        if let Some(p) = &self.passage
            && (p.page != page || p.section != section)
        {
            self.flush_passage();
        }
        let kind = self.kind();
        let passage = self.passage.get_or_insert_with(|| Passage {
            page,
            section,
            kind,
            text: String::new(),
        });
        if !passage.text.is_empty() {
            passage.text.push('\n');
        }
        passage.text.push_str(text);
    }

    fn flush_passage(&mut self) {
        if let Some(p) = self.passage.take()
            && !p.text.trim().is_empty()
        {
            self.out.passages.push(p);
        }
    }

    fn finish(mut self) -> Structure {
        self.close();
        self.flush_passage();
        if self.out.recommendations.is_empty() {
            self.out.recommendations = std::mem::take(&mut self.action_plan);
        }
        self.out
    }
}

fn rest_or_marker(number: &Option<String>, rest: &str) -> String {
    match number {
        Some(n) => format!("{n}. {rest}"),
        None => format!("• {rest}"),
    }
}

/// Joins a line to running text. A hyphen at the end of a line is kept and joined without a
/// space: word processors rarely hyphenate reports, so it is almost always the hyphen of a
/// compound ("multi-\nagency"); a soft hyphen (U+00AD) marks a word broken by hyphenation and is
/// removed.
fn join_line(text: &mut String, line: &str) {
    if text.is_empty() {
        text.push_str(line);
        return;
    }
    let continues_word = line.chars().next().is_some_and(char::is_alphanumeric);
    if text.ends_with('\u{ad}') {
        text.pop();
    } else if !(text.ends_with('-')
        && continues_word
        && text[..text.len() - 1].chars().next_back().is_some_and(char::is_alphabetic))
    {
        text.push(' ');
    }
    text.push_str(line);
}

/// Splits a leading note in brackets ("[to the police]: …") from an item's text.
fn split_note(text: &str) -> (Option<String>, String) {
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

/// Does this paragraph read like a recommendation (an agency told what to do)?
fn is_recommendation_text(text: &str) -> bool {
    let lower = format!(" {} ", text.to_lowercase());
    [
        " should ",
        " must ",
        " will ",
        " to ensure ",
        " ensure ",
        " seek assurance",
        " consider ",
        " is asked to ",
        " are asked to ",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

/// The sentence that opens a list of findings or recommendations rather than being one.
fn is_preamble(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "following recommendations",
        "recommendations are made",
        "recommendations below",
        "recommendation below",
        "makes the following",
        "following findings",
        "findings are set out",
        "findings below",
        "has accepted",
        "action plan",
        "each recommendation",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

#[cfg(test)]
mod tests;
