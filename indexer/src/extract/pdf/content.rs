//! A fast, forgiving lexer for content streams: yields each operator with its operands.
//!
//! lopdf's content parser is general and allocates per operator; text extraction runs it over
//! every byte of every page, so this lexer reads operands into a reused buffer and hands out
//! operators as borrowed strings. Malformed bytes are skipped, nesting is bounded, and inline
//! image data is stepped over, so any input ends in a finite number of steps.

use lopdf::{Dictionary, Object, StringFormat};

/// Arrays and dictionaries nested deeper than this are cut off.
const MAX_DEPTH: usize = 32;
/// Operands kept before an operator; extra ones (never valid) push out the oldest.
const MAX_OPERANDS: usize = 64;

/// The operators of a content stream, read one at a time.
pub(super) struct Operations<'a> {
    data: &'a [u8],
    pos: usize,
    operands: Vec<Object>,
}

impl<'a> Operations<'a> {
    /// Starts reading a content stream.
    pub(super) fn new(data: &'a [u8]) -> Self {
        Operations { data, pos: 0, operands: Vec::new() }
    }

    /// Returns the next operator and its operands, or `None` at the end of the stream.
    ///
    /// Inline images come back as the operator `BI` with no operands.
    pub(super) fn next_op(&mut self) -> Option<(&'a str, &[Object])> {
        self.operands.clear();
        loop {
            self.skip_space();
            let &b = self.data.get(self.pos)?;
            if is_regular(b) && !is_number_start(b) {
                let start = self.pos;
                while self.data.get(self.pos).is_some_and(|&c| is_regular(c)) {
                    self.pos += 1;
                }
                let word = &self.data[start..self.pos];
                match word {
                    b"true" => self.push(Object::Boolean(true)),
                    b"false" => self.push(Object::Boolean(false)),
                    b"null" => self.push(Object::Null),
                    _ => {
                        if word == b"BI" {
                            self.skip_inline_image();
                        }
                        // Operators are ASCII in practice; anything else is not one we know.
                        let op = std::str::from_utf8(word).unwrap_or("");
                        return Some((op, &self.operands));
                    }
                }
            } else if let Some(obj) = self.object(0) {
                self.push(obj);
            }
        }
    }

    /// Keeps an operand, dropping the oldest when a broken stream piles them up.
    fn push(&mut self, obj: Object) {
        if self.operands.len() >= MAX_OPERANDS {
            self.operands.remove(0);
        }
        self.operands.push(obj);
    }

    /// Skips whitespace and comments.
    fn skip_space(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.data.get(self.pos).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// Reads one operand object; returns `None` (after consuming at least one byte) for junk.
    fn object(&mut self, depth: usize) -> Option<Object> {
        self.skip_space();
        let &b = self.data.get(self.pos)?;
        match b {
            b'/' => {
                self.pos += 1;
                Some(Object::Name(self.name()))
            }
            b'(' => Some(Object::String(self.literal(), StringFormat::Literal)),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                Some(Object::Dictionary(self.dictionary(depth + 1)))
            }
            b'<' => Some(Object::String(self.hex(), StringFormat::Hexadecimal)),
            b'[' => {
                self.pos += 1;
                Some(Object::Array(self.array(depth + 1)))
            }
            _ if is_number_start(b) => Some(self.number()),
            _ if is_regular(b) => {
                // A keyword inside an array or dictionary: step over it.
                while self.data.get(self.pos).is_some_and(|&c| is_regular(c)) {
                    self.pos += 1;
                }
                match &self.data[..self.pos] {
                    w if w.ends_with(b"true") => Some(Object::Boolean(true)),
                    w if w.ends_with(b"false") => Some(Object::Boolean(false)),
                    _ => Some(Object::Null),
                }
            }
            _ => {
                self.pos += 1;
                None
            }
        }
    }

    /// Reads array elements up to `]`.
    fn array(&mut self, depth: usize) -> Vec<Object> {
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.data.get(self.pos) {
                None => return items,
                Some(b']') => {
                    self.pos += 1;
                    return items;
                }
                Some(_) if depth > MAX_DEPTH => self.pos += 1,
                Some(_) => {
                    if let Some(obj) = self.object(depth) {
                        items.push(obj);
                    }
                }
            }
        }
    }

    /// Reads dictionary entries up to `>>`.
    fn dictionary(&mut self, depth: usize) -> Dictionary {
        let mut dict = Dictionary::new();
        loop {
            self.skip_space();
            match self.data.get(self.pos) {
                None => return dict,
                Some(b'>') => {
                    self.pos += if self.data.get(self.pos + 1) == Some(&b'>') { 2 } else { 1 };
                    return dict;
                }
                Some(b'/') if depth <= MAX_DEPTH => {
                    self.pos += 1;
                    let key = self.name();
                    if let Some(value) = self.object(depth) {
                        dict.set(key, value);
                    }
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// Reads a name after its `/`, decoding `#xx` escapes.
    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(&c) = self.data.get(self.pos) {
            if !is_regular(c) {
                break;
            }
            self.pos += 1;
            if c == b'#' {
                let hex =
                    self.data.get(self.pos..self.pos + 2).and_then(|h| std::str::from_utf8(h).ok());
                if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    out.push(v);
                    self.pos += 2;
                    continue;
                }
            }
            out.push(c);
        }
        out
    }

    /// Reads a number; malformed ones ("1.2.3", "--5") read as far as they make sense.
    fn number(&mut self) -> Object {
        let start = self.pos;
        while self.data.get(self.pos).is_some_and(|&c| is_number_start(c)) {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.data[start..self.pos]).unwrap_or("0");
        if !text.contains('.')
            && let Ok(i) = text.parse::<i64>()
        {
            return Object::Integer(i);
        }
        // Tolerate doubled signs and stray characters the way readers commonly do.
        let cleaned: String = text
            .trim_start_matches(['+', '-'])
            .chars()
            .filter(|c| *c != '+' && *c != '-')
            .collect();
        let value = cleaned.parse::<f32>().unwrap_or(0.0);
        Object::Real(if text.starts_with('-') { -value } else { value })
    }

    /// Reads a literal string starting at `(`, with escapes and balanced parentheses.
    fn literal(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(&c) = self.data.get(self.pos) {
            self.pos += 1;
            match c {
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                b'\\' => {
                    let Some(&e) = self.data.get(self.pos) else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.pos) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xff) as u8);
                        }
                        b'\r' => {
                            if self.data.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// Reads a hex string starting at `<`.
    fn hex(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(&c) = self.data.get(self.pos) {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            let v = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => continue,
            };
            match high.take() {
                Some(h) => out.push((h << 4) | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// Steps over an inline image: its dictionary, `ID`, the data and `EI`.
    fn skip_inline_image(&mut self) {
        let data = self.data;
        let Some(id) = find(data, self.pos, b"ID") else {
            self.pos = data.len();
            return;
        };
        // The data starts after one whitespace byte and ends at a whitespace-delimited "EI".
        let mut i = id + 3;
        while i + 2 <= data.len() {
            if &data[i..i + 2] == b"EI"
                && data.get(i.wrapping_sub(1)).is_some_and(|&c| is_space(c))
                && data.get(i + 2).is_none_or(|&c| is_space(c) || !is_regular(c))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = data.len();
    }
}

/// Finds a whitespace-delimited keyword at or after `from`.
fn find(data: &[u8], from: usize, word: &[u8]) -> Option<usize> {
    let mut i = from;
    while i + word.len() <= data.len() {
        if &data[i..i + word.len()] == word
            && (i == 0 || !is_regular(data[i - 1]))
            && data.get(i + word.len()).is_none_or(|&c| !is_regular(c))
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Tells whether a byte is PDF whitespace.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0 | 12)
}

/// Tells whether a byte can be part of a keyword, name or number.
fn is_regular(b: u8) -> bool {
    !is_space(b)
        && !matches!(b, b'/' | b'<' | b'>' | b'[' | b']' | b'(' | b')' | b'{' | b'}' | b'%')
}

/// Tells whether a byte can start (or continue) a number.
fn is_number_start(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lexes a stream into (operator, operand count) pairs.
    fn ops(data: &[u8]) -> Vec<(String, usize)> {
        let mut it = Operations::new(data);
        let mut out = Vec::new();
        while let Some((op, args)) = it.next_op() {
            out.push((op.to_owned(), args.len()));
        }
        out
    }

    #[test]
    fn operators_come_with_their_operands() {
        let data = b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm [(a\\)b) -20 <4142>] TJ (x\\101) ' ET";
        assert_eq!(
            ops(data),
            [
                ("BT".into(), 0),
                ("Tf".into(), 2),
                ("Tm".into(), 6),
                ("TJ".into(), 1),
                ("'".into(), 1),
                ("ET".into(), 0)
            ]
        );
        let mut it = Operations::new(
            br"(a\)b\101\
c) Tj",
        );
        let (_, args) = it.next_op().expect("one operator");
        assert_eq!(args[0].as_str().ok(), Some(&b"a)bAc"[..]));
    }

    #[test]
    fn inline_images_and_properties_are_read() {
        let data = b"/Span <</ActualText (x) /MCID 3>> BDC BI /W 2 /H 1 ID \x00EI\xff EI Q";
        assert_eq!(ops(data), [("BDC".into(), 2), ("BI".into(), 0), ("Q".into(), 0)]);
    }

    #[test]
    fn junk_and_deep_nesting_end() {
        let mut deep = vec![b'['; 100_000];
        deep.extend_from_slice(b" Tj ) } { >> q");
        assert_eq!(ops(&deep).len(), 0);
        assert_eq!(ops(b") } 1 2 -- 3..4 cm").last(), Some(&("cm".into(), 4)));
    }
}
