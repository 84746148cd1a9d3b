//! Page layout: walking the tree without recursion, skipping page furniture, finding the item
//! (container or run of siblings) that groups one review around a PDF link, and choosing, by
//! where each date sits in that item, which one is the publication date.

use scraper::{ElementRef, Node};

use super::date::{Date, find_dates, is_date_line, is_event, is_labelled, upload_folder_date};
use super::{is_pdf_href, norm};

/// One step of a depth-first walk.
#[derive(Clone, Copy)]
pub(super) enum Step<'a> {
    Open(ElementRef<'a>),
    Close(ElementRef<'a>),
    Text(&'a str),
}

/// Walks `parent` (or only its children `range.0..range.1`) in document order. Returning false
/// from `Open` skips that element's subtree and its `Close`.
pub(super) fn walk<'a>(
    parent: ElementRef<'a>,
    range: Option<(usize, usize)>,
    visit: &mut dyn FnMut(Step<'a>) -> bool,
) {
    // An explicit stack rather than recursion: 10,000 nested divs must not overflow the stack.
    let mut stack = Vec::new();
    match range {
        None => stack.push((*parent, false)),
        Some((from, to)) => {
            let children: Vec<_> =
                parent.children().skip(from).take(to.saturating_sub(from)).collect();
            stack.extend(children.into_iter().rev().map(|c| (c, false)));
        }
    }
    while let Some((node, opened)) = stack.pop() {
        match node.value() {
            Node::Element(_) => {
                let Some(el) = ElementRef::wrap(node) else { continue };
                if opened {
                    visit(Step::Close(el));
                } else if visit(Step::Open(el)) {
                    stack.push((node, true));
                    stack.extend(node.children().rev().map(|c| (c, false)));
                }
            }
            Node::Text(text) => {
                visit(Step::Text(text));
            }
            _ => {}
        }
    }
}

/// Tells whether an element is page furniture whose links are not reviews.
pub(super) fn is_excluded(el: ElementRef<'_>) -> bool {
    let e = el.value();
    match e.name() {
        "nav" | "script" | "style" | "noscript" | "template" | "head" | "select" | "svg" => {
            return true;
        }
        // A header or footer inside an article or list item belongs to that item, not the page.
        "header" | "footer" => {
            let in_content =
                el.ancestors().take(64).filter_map(ElementRef::wrap).any(|a| {
                    matches!(a.value().name(), "article" | "section" | "li" | "td" | "main")
                });
            if !in_content {
                return true;
            }
        }
        _ => {}
    }
    if e.attr("hidden").is_some() {
        return true;
    }
    if matches!(e.attr("role"), Some("navigation" | "banner" | "contentinfo")) {
        return true;
    }
    [e.id(), e.attr("class"), e.attr("aria-label")].into_iter().flatten().any(|v| {
        let v = v.to_lowercase();
        v.contains("cookie") || v.contains("consent") || v.contains("gdpr")
    })
}

pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "tbody"
            | "thead"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "br"
            | "hr"
            | "section"
            | "article"
            | "aside"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "caption"
            | "address"
            | "pre"
            | "header"
            | "footer"
            | "main"
            | "details"
            | "summary"
    )
}

pub(super) fn has_pdf_link(el: ElementRef<'_>) -> bool {
    el.descendent_elements()
        .any(|d| d.value().name() == "a" && d.attr("href").is_some_and(is_pdf_href))
}

/// Returns the text of a block that is nothing but one bold phrase (a heading in disguise).
pub(super) fn bold_line(el: ElementRef<'_>) -> Option<String> {
    let bold = match el.value().name() {
        "strong" | "b" => el,
        "p" | "div" | "span" => {
            let mut parts =
                el.children().filter(|c| c.value().as_text().is_none_or(|t| !t.trim().is_empty()));
            let only = parts.next().and_then(ElementRef::wrap)?;
            if parts.next().is_some() || !matches!(only.value().name(), "strong" | "b") {
                return None;
            }
            only
        }
        _ => return None,
    };
    let text = norm(&bold.text().collect::<String>());
    let ok = (2..=150).contains(&text.chars().count())
        && !is_date_line(&text)
        && !bold.descendent_elements().any(|d| d.value().name() == "a");
    ok.then_some(text)
}

/// Heading level of a heading-like element: 1–2 for section headings, 3 for item headings.
pub(super) fn heading_level(el: ElementRef<'_>) -> Option<u8> {
    match el.value().name() {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" | "h4" | "h5" | "h6" | "dt" | "summary" => Some(3),
        _ => bold_line(el).map(|_| 3),
    }
}

// ---------------------------------------------------------------------------------------------
// Items: the block of page that describes one review

/// The part of the page that groups one review: a container element or a run of siblings.
#[derive(Clone, Copy)]
pub(super) enum Item<'a> {
    Block(ElementRef<'a>),
    Run(ElementRef<'a>, usize, usize),
}

pub(super) const NODE_CAP: usize = 20_000;

/// The text of an item, with the spans of the link and of the item's headings.
#[derive(Default)]
pub(super) struct ItemText {
    pub(super) text: String,
    pub(super) link: Option<(usize, usize)>,
    pub(super) headings: Vec<(usize, usize)>,
    pub(super) has_section_heading: bool,
    pub(super) overflow: bool,
}

impl ItemText {
    pub(super) fn build(item: Item<'_>, target: ElementRef<'_>) -> ItemText {
        let mut t = ItemText::default();
        let (parent, range) = match item {
            Item::Block(el) => (el, None),
            Item::Run(p, from, to) => (p, Some((from, to))),
        };
        let mut open: Vec<(ElementRef<'_>, usize)> = Vec::new();
        let mut link_start = None;
        let mut n_nodes = 0usize;
        walk(parent, range, &mut |step| {
            n_nodes += 1;
            if n_nodes > NODE_CAP {
                t.overflow = true;
                return false;
            }
            match step {
                Step::Open(el) => {
                    if is_excluded(el) {
                        return false;
                    }
                    let name = el.value().name();
                    if is_block(name) {
                        t.newline();
                    }
                    if el == target {
                        link_start = Some(t.text.len());
                    }
                    match name {
                        "h1" | "h2" => t.has_section_heading = true,
                        "h3" | "h4" | "h5" | "h6" | "dt" | "summary" => {
                            open.push((el, t.text.len()))
                        }
                        "strong" | "b" if t.at_line_start() => open.push((el, t.text.len())),
                        _ => {}
                    }
                }
                Step::Close(el) => {
                    if el == target {
                        t.link = link_start.map(|s| (s, t.text.trim_end().len().max(s)));
                    }
                    if open.last().is_some_and(|(e, _)| *e == el)
                        && let Some((_, start)) = open.pop()
                    {
                        t.close_heading(el, start);
                    }
                    if is_block(el.value().name()) {
                        t.newline();
                    }
                }
                Step::Text(s) => t.push_text(s),
            }
            true
        });
        t
    }

    pub(super) fn push_text(&mut self, s: &str) {
        for ch in s.chars() {
            if ch.is_whitespace() {
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
            } else {
                self.text.push(ch);
            }
        }
    }

    pub(super) fn newline(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    pub(super) fn at_line_start(&self) -> bool {
        self.text.rsplit('\n').next().is_none_or(|l| l.trim().is_empty())
    }

    pub(super) fn close_heading(&mut self, el: ElementRef<'_>, start: usize) {
        let end = self.text.trim_end().len().max(start);
        let text = self.text[start..end].trim();
        let bold = matches!(el.value().name(), "strong" | "b");
        let ok = (2..=150).contains(&text.chars().count())
            && !(bold
                && (is_date_line(text)
                    || el.descendent_elements().any(|d| d.value().name() == "a")));
        if ok {
            self.headings.push((start, end));
        }
    }

    pub(super) fn span(&self, (s, e): (usize, usize)) -> &str {
        self.text.get(s..e).unwrap_or("").trim()
    }
}

/// Finds the item a PDF link belongs to: the nearest container holding one review, else the run
/// of siblings between the headings around it.
pub(super) fn find_item(a: ElementRef<'_>) -> Item<'_> {
    // A link that wraps headings and paragraphs (a "card") is an item by itself.
    if a.descendent_elements()
        .any(|d| is_block(d.value().name()) && !matches!(d.value().name(), "br" | "hr"))
    {
        return Item::Block(a);
    }
    for anc in a.ancestors().take(12).filter_map(ElementRef::wrap) {
        let name = anc.value().name();
        if matches!(name, "body" | "main" | "html") {
            break;
        }
        if matches!(
            name,
            "div" | "li" | "article" | "section" | "tr" | "dd" | "aside" | "details" | "figure"
        ) {
            let t = ItemText::build(Item::Block(anc), a);
            if t.has_section_heading || t.overflow || t.headings.len() > 1 || t.text.len() > 4000 {
                break;
            }
            return Item::Block(anc);
        }
    }
    flat_run(a)
}

/// Returns the run of siblings around the link, bounded by headings, on pages laid out flat.
pub(super) fn flat_run(a: ElementRef<'_>) -> Item<'_> {
    let mut child = a;
    for parent in a.ancestors().take(40).filter_map(ElementRef::wrap) {
        let kids: Vec<_> = parent.children().collect();
        let levels: Vec<Option<u8>> =
            kids.iter().map(|k| ElementRef::wrap(*k).and_then(heading_level)).collect();
        if levels.iter().any(Option::is_some) {
            let Some(idx) = kids.iter().position(|k| *k == *child) else { break };
            let mut from = 0;
            for i in (0..idx).rev() {
                if let Some(level) = levels[i] {
                    from = if level >= 3 { i } else { i + 1 };
                    break;
                }
            }
            let to = (idx + 1..kids.len()).find(|&i| levels[i].is_some()).unwrap_or(kids.len());
            return Item::Run(parent, from, to);
        }
        child = parent;
    }
    Item::Block(a.parent().and_then(ElementRef::wrap).unwrap_or(a))
}

/// Finds a heading just before an item that has none of its own, e.g. an `h3` above a list.
pub(super) fn context_heading(item: Item<'_>) -> Option<String> {
    let Item::Block(mut start) = item else { return None };
    if start.value().name() == "dd" {
        // In a definition list the term before the description is its heading.
        for sib in start.prev_siblings().filter_map(ElementRef::wrap) {
            match sib.value().name() {
                "dt" => return Some(norm(&sib.text().collect::<String>())),
                _ if has_pdf_link(sib) => return None,
                _ => {}
            }
        }
    }
    if matches!(start.value().name(), "li" | "tr" | "dd") {
        let list = start
            .ancestors()
            .take(3)
            .filter_map(ElementRef::wrap)
            .find(|e| matches!(e.value().name(), "ul" | "ol" | "table" | "dl"));
        start = list.unwrap_or(start);
    }
    for _ in 0..3 {
        for sib in start.prev_siblings().filter_map(ElementRef::wrap) {
            if is_excluded(sib) {
                continue;
            }
            match heading_level(sib) {
                Some(1 | 2) => return None,
                Some(_) => return Some(norm(&sib.text().collect::<String>())),
                None if has_pdf_link(sib) => return None,
                None => {}
            }
        }
        start = start.parent().and_then(ElementRef::wrap)?;
        if matches!(start.value().name(), "body" | "main") {
            return None;
        }
    }
    None
}

/// Picks the publication date of one link: a date in the link's own text first, then labelled
/// dates (the nearest one before the link), then dates in its heading or the heading above it,
/// then other dates in the item that are not events, then the year/month folders of the upload
/// path; a lone year only as a last resort.
pub(super) fn publication_date(
    t: &ItemText,
    link: (usize, usize),
    heading: Option<(usize, usize)>,
    context: Option<&str>,
    url: &str,
    file_name: &str,
) -> Option<String> {
    let mut best: Option<((u8, usize), Date)> = None;
    let mut offer = |rank: u8, key: usize, date: Date| {
        // Any date with a month beats any lone year.
        let k = if date.m == 0 {
            (rank + 10, 3000usize.saturating_sub(usize::from(date.y)))
        } else {
            (rank, key)
        };
        if best.is_none_or(|(bk, _)| k < bk) {
            best = Some((k, date));
        }
    };
    for f in find_dates(&t.text) {
        let inside = |(s, e): (usize, usize)| f.start >= s && f.end <= e;
        let before = f.end <= link.0;
        let dist = if before { link.0 - f.end } else { f.start.saturating_sub(link.1) };
        if inside(link) {
            // The link's own words describe it best, unless they tell the story ("died in May 2019").
            if !is_event(&t.text, f.start) || is_labelled(&t.text, f.start) {
                offer(0, 0, f.date);
            }
        } else if heading.is_some_and(inside) {
            offer(2, 0, f.date);
        } else if is_labelled(&t.text, f.start) {
            // Labels usually precede what they date, so a label after the link is a weak match.
            offer(1, if before { dist } else { dist + 1_000_000 }, f.date);
        } else if f.date.m != 0 && !is_event(&t.text, f.start) {
            offer(4, dist, f.date);
        }
    }
    for f in find_dates(context.unwrap_or("")) {
        offer(3, 0, f.date);
    }
    if let Some(date) = upload_folder_date(url) {
        offer(5, 0, date);
    }
    for f in
        find_dates(&file_name.replace(['-', '_', '.'], " ")).into_iter().filter(|f| f.date.m == 0)
    {
        offer(8, 0, f.date);
    }
    best.map(|(_, d)| d.iso())
}
