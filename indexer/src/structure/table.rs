//! Tables from x-positions: a header row ("No. | Recommendation | Lead agency | Timescale"),
//! the rows under it (cells wrapped over several lines, rows broken across pages, the header
//! repeated on the next page), and rows that name a group ("Pengarth Police") spanning the
//! table.
//!
//! Word processors and browsers draw a table cell by cell, so a row comes out as the lines of
//! its first cell, then those of the next, each line starting at its column's x. Cells are put
//! back together by column, and rows by where the cells of the columns lie on the page: the
//! cells of one row overlap vertically, those of two rows do not.

use super::doc::{Ln, Typography};

/// What a column of a table holds, from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    /// "No.", "Ref", "#".
    Number,
    /// "Recommendation(s)".
    Recommendation,
    /// "Finding", "Learning", "Key learning".
    Finding,
    /// "Action(s)", "Actions to be taken".
    Action,
    /// "Lead", "Lead agency", "Agency", "Responsible", "Owner", "Organisation".
    Lead,
    /// Anything else: dates, status, outcomes, evidence.
    Other,
}

/// A table found in the report.
#[derive(Clone, Debug)]
pub(super) struct Table {
    /// Index of the header line in the document's lines.
    pub(super) start: usize,
    /// One past the last line of the table.
    pub(super) end: usize,
    /// The header's cells.
    pub(super) header: Vec<String>,
    /// What each column holds.
    pub(super) columns: Vec<Column>,
    /// The rows, in order.
    pub(super) rows: Vec<Row>,
}

/// A row of a table.
#[derive(Clone, Debug)]
pub(super) struct Row {
    /// 1-based page where the row starts.
    pub(super) page: u32,
    /// The text of each column.
    pub(super) cells: Vec<String>,
    /// The group the row belongs to, from the last row that named one.
    pub(super) group: Option<String>,
}

impl Table {
    /// The index of the first column of this kind.
    pub(super) fn column(&self, kind: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == kind)
    }

    /// The table as text, a row per line, cells separated by " | ".
    pub(super) fn text(&self) -> String {
        let mut out = self.header.join(" | ");
        for row in &self.rows {
            out.push('\n');
            let cells: Vec<&str> =
                row.cells.iter().map(String::as_str).filter(|c| !c.is_empty()).collect();
            out.push_str(&cells.join(" | "));
        }
        out
    }
}

/// Reads a header cell.
fn column_of(cell: &str) -> Option<Column> {
    let lower = cell.to_lowercase();
    let words = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '#');
    let kind = match words {
        "no" | "no." | "number" | "ref" | "ref." | "reference" | "#" | "rec no" | "rec. no" => {
            Column::Number
        }
        "recommendation"
        | "recommendations"
        | "recommendation made"
        | "recommendations made"
        | "review recommendation"
        | "recommendation text"
        | "overview recommendation" => Column::Recommendation,
        "finding" | "findings" | "key finding" | "learning" | "key learning" | "learning point"
        | "lesson" | "lessons" | "lessons learned" => Column::Finding,
        "action"
        | "actions"
        | "action to be taken"
        | "actions to be taken"
        | "agreed action"
        | "agreed actions"
        | "proposed action"
        | "action required"
        | "actions required" => Column::Action,
        "lead" | "lead agency" | "lead agencies" | "agency" | "agencies" | "responsible"
        | "responsibility" | "owner" | "lead officer" | "organisation" | "lead organisation"
        | "who" | "by whom" | "lead body" | "lead partner" => Column::Lead,
        "timescale" | "timescales" | "by when" | "when" | "target date" | "date" | "deadline"
        | "rag" | "status" | "rag rating" | "progress" | "outcome" | "outcomes"
        | "expected outcome" | "intended outcome" | "evidence" | "measure of success"
        | "success measure" | "area" | "response" | "priority" | "update" | "completion date"
        | "date completed" | "impact" | "how" | "what" | "comments" | "theme" => Column::Other,
        _ => return None,
    };
    Some(kind)
}

/// Splits a line into its cells: (x, text).
fn segments(line: &Ln) -> Vec<(f32, &str)> {
    let mut out = Vec::with_capacity(line.cells.len() + 1);
    let mut from = 0;
    let mut x = line.x;
    for &(at, cx) in &line.cells {
        out.push((x, line.text[from..at].trim()));
        from = at;
        x = cx;
    }
    out.push((x, line.text[from..].trim()));
    out
}

/// Reads a header row: at least two cells, every one made of known column names, one of them
/// saying what the rows are. A cell that holds two names ("No. Recommendation", where the
/// number column is too narrow for a gap) is split, and the second name's x found from the
/// rows below (`body`).
fn header(line: &Ln, body: &[Ln]) -> Option<(Vec<f32>, Vec<String>, Vec<Column>)> {
    if line.cells.is_empty() {
        return None;
    }
    let mut xs: Vec<Option<f32>> = Vec::new();
    let mut names = Vec::new();
    let mut columns = Vec::new();
    for (x, text) in segments(line) {
        let parts = column_names(text)?;
        for (k, (name, column)) in parts.into_iter().enumerate() {
            xs.push((k == 0).then_some(x));
            names.push(name);
            columns.push(column);
        }
    }
    let says = columns
        .iter()
        .any(|c| matches!(c, Column::Recommendation | Column::Finding | Column::Action));
    if !says || columns.len() < 2 {
        return None;
    }
    // Where the rows start cells, to place a name split off a header cell.
    let mut starts: Vec<f32> = Vec::new();
    for l in body.iter().take(12).filter(|l| l.page == line.page) {
        starts.push(l.x);
        starts.extend(l.cells.iter().map(|c| c.1));
    }
    let mut placed: Vec<f32> = Vec::with_capacity(xs.len());
    let mut keep = vec![true; xs.len()];
    for k in 0..xs.len() {
        match xs[k] {
            Some(x) => placed.push(x),
            None => {
                let prev = placed.last().copied().unwrap_or(f32::NEG_INFINITY);
                let next = xs[k + 1..].iter().flatten().next().copied().unwrap_or(f32::INFINITY);
                let found = starts
                    .iter()
                    .copied()
                    .filter(|x| *x > prev + 2.0 && *x < next - 2.0)
                    .filter(|x| starts.iter().filter(|y| (*y - x).abs() < 1.0).count() >= 2)
                    .fold(f32::INFINITY, f32::min);
                if found.is_finite() {
                    placed.push(found);
                } else {
                    keep[k] = false;
                }
            }
        }
    }
    let names: Vec<String> =
        names.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(n, _)| n).collect();
    let columns: Vec<Column> =
        columns.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| c).collect();
    Some((placed, names, columns))
}

/// Reads a header cell as one column name, or as several run together ("Target date RAG").
fn column_names(cell: &str) -> Option<Vec<(String, Column)>> {
    if let Some(column) = column_of(cell) {
        return Some(vec![(cell.to_string(), column)]);
    }
    let words: Vec<&str> = cell.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    'words: while i < words.len() {
        for n in (1..=3.min(words.len() - i)).rev() {
            let name = words[i..i + n].join(" ");
            if let Some(column) = column_of(&name) {
                out.push((name, column));
                i += n;
                continue 'words;
            }
        }
        return None;
    }
    (out.len() > 1).then_some(out)
}

/// Finds the tables of the report.
pub(super) fn tables(lines: &[Ln], typo: &Typography) -> Vec<Table> {
    let mut out = Vec::new();
    if !typo.geometric {
        return out;
    }
    let mut i = 0;
    while i < lines.len() {
        let Some((xs, names, columns)) = header(&lines[i], &lines[i + 1..]) else {
            i += 1;
            continue;
        };
        let end = extent(lines, i, &xs, &names, typo);
        let rows = rows(&lines[i + 1..end], &xs, &names, &columns, typo);
        out.push(Table { start: i, end, header: names, columns, rows });
        i = end.max(i + 1);
    }
    out
}

/// Where the table whose header is line `start` ends.
fn extent(lines: &[Ln], start: usize, xs: &[f32], names: &[String], typo: &Typography) -> usize {
    let em = typo.em();
    let head = &lines[start];
    let left = xs[0];
    let second = xs.get(1).copied().unwrap_or(f32::INFINITY);
    let mut page = head.page;
    let mut i = start + 1;
    while i < lines.len() {
        let line = &lines[i];
        if line.footnote {
            break;
        }
        if line.page != page {
            // The table goes on over the page when the next page opens with its header again,
            // or with a line in one of its later columns.
            let repeated = header(line, &lines[i + 1..]).is_some_and(|(_, n, _)| n == names);
            let in_column = xs[1..].iter().any(|x| (line.x - x).abs() < 2.0);
            if !(repeated || in_column) {
                break;
            }
            page = line.page;
            i += 1;
            continue;
        }
        let heading_like = typo.ratio(line.size) >= 1.12 || line.x < left - 0.5 * em;
        // Running text after the table crosses the column gutters in one run.
        let crosses = line.cells.is_empty()
            && line.x < second
            && line.x_end > second + 4.0 * em
            && line.text.split_whitespace().count() > 12;
        if heading_like || crosses {
            break;
        }
        i += 1;
    }
    i
}

/// A cell of text placed in a column.
struct Piece<'a> {
    page: u32,
    y: f32,
    size: f32,
    column: usize,
    text: &'a str,
}

/// Puts the lines of a table body back into rows.
fn rows(
    body: &[Ln],
    xs: &[f32],
    names: &[String],
    columns: &[Column],
    typo: &Typography,
) -> Vec<Row> {
    let em = typo.em();
    let mut pieces: Vec<Piece<'_>> = Vec::new();
    for (k, line) in body.iter().enumerate() {
        if header(line, &body[k + 1..]).is_some_and(|(_, n, _)| n == names) {
            continue; // the header repeated on a new page
        }
        for (x, text) in segments(line) {
            if text.is_empty() {
                continue;
            }
            let column = xs.iter().rposition(|cx| *cx <= x + 0.5 * em).unwrap_or(0);
            pieces.push(Piece { page: line.page, y: line.y, size: line.size, column, text });
        }
    }
    pieces.sort_by(|a, b| a.page.cmp(&b.page).then(a.y.total_cmp(&b.y)));
    // The usual distance between two lines of one cell.
    // (A table of one-line cells gives none: a line of its type is then the measure.)
    let size = pieces.iter().map(|p| p.size).fold(0.0, f32::max).max(1.0);
    let pitch = cell_pitch(&pieces).unwrap_or(1.2 * size);
    // Cells: runs of lines in one column, a line apart; each spans [top, bottom].
    struct Cell {
        page: u32,
        top: f32,
        bottom: f32,
        column: usize,
        text: String,
    }
    let mut cells: Vec<Cell> = Vec::new();
    let mut open: Vec<Option<usize>> = vec![None; xs.len()];
    for p in &pieces {
        let joined = open[p.column].and_then(|c| {
            let cell = &cells[c];
            (cell.page == p.page && p.y - cell.bottom <= 1.25 * pitch).then_some(c)
        });
        match joined {
            Some(c) => {
                let cell = &mut cells[c];
                super::doc::join_line(&mut cell.text, p.text);
                cell.bottom = p.y;
            }
            None => {
                open[p.column] = Some(cells.len());
                cells.push(Cell {
                    page: p.page,
                    top: p.y - 0.8 * p.size,
                    bottom: p.y,
                    column: p.column,
                    text: p.text.to_string(),
                });
            }
        }
    }
    cells.sort_by(|a, b| a.page.cmp(&b.page).then(a.top.total_cmp(&b.top)));
    // Rows: cells that overlap vertically.
    let mut rows: Vec<(u32, f32, Vec<String>)> = Vec::new();
    for cell in cells {
        match rows.last_mut() {
            Some((page, bottom, texts)) if *page == cell.page && cell.top < *bottom => {
                *bottom = bottom.max(cell.bottom);
                let slot = &mut texts[cell.column];
                if !slot.is_empty() {
                    slot.push(' ');
                }
                slot.push_str(&cell.text);
            }
            _ => {
                let mut texts = vec![String::new(); xs.len()];
                texts[cell.column] = cell.text;
                rows.push((cell.page, cell.bottom, texts));
            }
        }
    }
    let mut out: Vec<Row> = Vec::new();
    let mut group: Option<String> = None;
    let first_is_label = matches!(columns[0], Column::Number | Column::Lead);
    for (page, _, cells) in rows {
        let filled: Vec<usize> = (0..cells.len()).filter(|&c| !cells[c].is_empty()).collect();
        // A row with one short cell in the first column names the group of the rows after it.
        let names_something = cells[0].chars().filter(|c| c.is_alphabetic()).count() >= 3;
        if first_is_label
            && filled == [0]
            && names_something
            && cells[0].split_whitespace().count() <= 10
        {
            group = Some(cells[0].clone());
            continue;
        }
        // A row with nothing in the first column goes on from the row before: the rest of a
        // cell broken over a page, or a second line of actions beside a merged cell.
        if cells[0].is_empty()
            && let Some(prev) = out.last_mut()
        {
            for (slot, text) in prev.cells.iter_mut().zip(cells) {
                if !text.is_empty() {
                    super::doc::join_line(slot, &text);
                }
            }
            continue;
        }
        out.push(Row { page, cells, group: group.clone() });
    }
    out
}

/// The most common distance between consecutive lines of one column.
fn cell_pitch(pieces: &[Piece<'_>]) -> Option<f32> {
    let mut last: std::collections::HashMap<(u32, usize), f32> = Default::default();
    let mut gaps: std::collections::HashMap<i32, usize> = Default::default();
    for p in pieces {
        if let Some(y) = last.insert((p.page, p.column), p.y) {
            let dy = p.y - y;
            if dy > 0.5 * p.size && dy < 2.0 * p.size {
                *gaps.entry((dy * 2.0).round() as i32).or_default() += 1;
            }
        }
    }
    gaps.into_iter().max_by_key(|&(g, n)| (n, -g)).map(|(g, _)| g as f32 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_cells() {
        assert_eq!(column_of("No."), Some(Column::Number));
        assert_eq!(column_of("Recommendation"), Some(Column::Recommendation));
        assert_eq!(column_of("Lead agency"), Some(Column::Lead));
        assert_eq!(column_of("By when"), Some(Column::Other));
        assert_eq!(column_of("Family member"), None);
    }
}
