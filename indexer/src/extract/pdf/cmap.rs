//! CMap streams: `/ToUnicode` maps (code to text) and embedded encoding CMaps (code to CID).
//!
//! The parser is a small tokenizer over the PostScript-like syntax that reads only the
//! sections text extraction needs: `codespacerange`, `bfchar`, `bfrange`, `cidchar` and
//! `cidrange`. Unknown tokens are skipped, so damaged CMaps yield whatever they still hold.

use std::borrow::Cow;
use std::collections::HashMap;

/// Ranges larger than this are kept as ranges instead of being expanded into the table.
const EXPAND_LIMIT: u32 = 256;
/// Code space ranges kept; real CMaps have a handful.
const MAX_CODESPACE_RANGES: usize = 64;

/// A parsed CMap.
#[derive(Debug, Default, Clone)]
pub(super) struct CMap {
    /// Valid code ranges as (byte length, low, high).
    codespace: Vec<(u8, u32, u32)>,
    /// Code to Unicode text for `bfchar` entries and small `bfrange`s, keyed by `key()`.
    text: HashMap<u64, String>,
    /// Large `bfrange`s: (byte length, low, high, UTF-16 of the low end's text).
    text_ranges: Vec<(u8, u32, u32, Vec<u16>)>,
    /// Code to CID for `cidchar` entries, keyed by `key()`.
    cid: HashMap<u64, u32>,
    /// `cidrange`s: (byte length, low, high, first CID).
    cid_ranges: Vec<(u8, u32, u32, u32)>,
}

/// Packs a code and its byte length so that `<41>` and `<0041>` stay distinct.
fn key(len: u8, code: u32) -> u64 {
    (u64::from(len) << 32) | u64::from(code)
}

/// One token of CMap syntax.
#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Hex(Vec<u8>),
    Int(u32),
    Name,
    Word(&'a [u8]),
    ArrayStart,
    ArrayEnd,
}

impl CMap {
    /// Parses CMap source text; never fails, an unreadable stream gives an empty map.
    pub(super) fn parse(data: &[u8]) -> CMap {
        let tokens = tokenize(data);
        let mut cmap = CMap::default();
        let mut i = 0;
        while i < tokens.len() {
            let Token::Word(w) = &tokens[i] else {
                i += 1;
                continue;
            };
            i += 1;
            match *w {
                b"begincodespacerange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if !lo.is_empty() && lo.len() <= 4 {
                            cmap.codespace.push((lo.len() as u8, be(lo), be(hi)));
                        }
                        i += 2;
                    }
                }
                b"beginbfchar" => {
                    while let (Some(Token::Hex(src)), Some(dst)) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let (Token::Hex(dst), true) = (dst, src.len() <= 4 && !src.is_empty()) {
                            cmap.text.insert(
                                key(src.len() as u8, be(src)),
                                utf16_text(&utf16_units(dst)),
                            );
                        }
                        i += 2;
                    }
                }
                b"beginbfrange" => i = cmap.read_bfrange(&tokens, i),
                b"begincidchar" => {
                    while let (Some(Token::Hex(src)), Some(Token::Int(cid))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if !src.is_empty() && src.len() <= 4 {
                            cmap.cid.insert(key(src.len() as u8, be(src)), *cid);
                        }
                        i += 2;
                    }
                }
                b"begincidrange" => {
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi)), Some(Token::Int(cid))) =
                        (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
                    {
                        if !lo.is_empty() && lo.len() <= 4 {
                            cmap.cid_ranges.push((lo.len() as u8, be(lo), be(hi), *cid));
                        }
                        i += 3;
                    }
                }
                _ => {}
            }
        }
        // Sorted ranges allow binary search, so hostile maps with many ranges stay fast; the
        // code space is consulted for every code, so only a sane number of ranges is kept.
        cmap.text_ranges.sort_by_key(|r| (r.0, r.1));
        cmap.cid_ranges.sort_by_key(|r| (r.0, r.1));
        cmap.codespace.truncate(MAX_CODESPACE_RANGES);
        cmap
    }

    /// Reads the entries after `beginbfrange` and returns the index after them.
    fn read_bfrange(&mut self, tokens: &[Token<'_>], mut i: usize) -> usize {
        while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (tokens.get(i), tokens.get(i + 1))
        {
            let len = lo.len() as u8;
            let (lo_code, hi_code) = (be(lo), be(hi));
            let valid = (1..=4).contains(&len) && lo_code <= hi_code;
            i += 2;
            match tokens.get(i) {
                Some(Token::Hex(dst)) => {
                    i += 1;
                    if !valid {
                        continue;
                    }
                    let units = utf16_units(dst);
                    if hi_code - lo_code < EXPAND_LIMIT {
                        for (n, code) in (lo_code..=hi_code).enumerate() {
                            let text = utf16_text(&offset_last(&units, n as u32));
                            self.text.insert(key(len, code), text);
                        }
                    } else {
                        self.text_ranges.push((len, lo_code, hi_code, units));
                    }
                }
                Some(Token::ArrayStart) => {
                    i += 1;
                    let mut code = lo_code;
                    while let Some(Token::Hex(dst)) = tokens.get(i) {
                        if valid && code <= hi_code {
                            self.text.insert(key(len, code), utf16_text(&utf16_units(dst)));
                        }
                        code = code.saturating_add(1);
                        i += 1;
                    }
                    if tokens.get(i) == Some(&Token::ArrayEnd) {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        i
    }

    /// Tells whether the CMap declares any code space ranges.
    pub(super) fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// Returns the byte length of the code starting at `bytes`, from the code space ranges.
    ///
    /// A byte sequence outside every range takes the shortest declared length, as the
    /// specification suggests, so one bad code does not swallow the rest of the string.
    pub(super) fn code_len(&self, bytes: &[u8]) -> usize {
        let mut shortest = usize::MAX;
        for &(len, lo, hi) in &self.codespace {
            let len = usize::from(len);
            shortest = shortest.min(len);
            if bytes.len() >= len {
                let code = be(&bytes[..len]);
                if in_codespace(code, lo, hi, len) {
                    return len;
                }
            }
        }
        if shortest == usize::MAX { 1 } else { shortest }
    }

    /// Returns the Unicode text of a code, if the map defines it.
    pub(super) fn text(&self, len: u8, code: u32) -> Option<Cow<'_, str>> {
        if let Some(t) = self.text.get(&key(len, code)) {
            return Some(Cow::Borrowed(t.as_str()));
        }
        let i = self.text_ranges.partition_point(|r| (r.0, r.1) <= (len, code));
        let (l, lo, hi, units) = self.text_ranges.get(i.checked_sub(1)?)?;
        (*l == len && code <= *hi).then(|| Cow::Owned(utf16_text(&offset_last(units, code - lo))))
    }

    /// Tells whether the map has any code-to-text entries.
    pub(super) fn has_text(&self) -> bool {
        !self.text.is_empty() || !self.text_ranges.is_empty()
    }

    /// Returns the CID of a code, if the map defines it.
    pub(super) fn cid(&self, len: u8, code: u32) -> Option<u32> {
        if let Some(c) = self.cid.get(&key(len, code)) {
            return Some(*c);
        }
        let i = self.cid_ranges.partition_point(|r| (r.0, r.1) <= (len, code));
        let (l, lo, hi, first) = self.cid_ranges.get(i.checked_sub(1)?)?;
        (*l == len && code <= *hi).then(|| first.saturating_add(code - lo))
    }
}

/// Checks a code against a code space range byte by byte, as the ranges are defined per byte.
fn in_codespace(code: u32, lo: u32, hi: u32, len: usize) -> bool {
    (0..len).all(|b| {
        let shift = 8 * (len - 1 - b);
        let (c, l, h) = ((code >> shift) & 0xff, (lo >> shift) & 0xff, (hi >> shift) & 0xff);
        (l..=h).contains(&c)
    })
}

/// Reads up to four bytes as a big-endian number.
fn be(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

/// Splits bytes into UTF-16 code units; an odd trailing byte is read as a unit of its own.
fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| if c.len() == 2 { u16::from_be_bytes([c[0], c[1]]) } else { u16::from(c[0]) })
        .collect()
}

/// Adds `n` to the last code unit, as `bfrange` destinations increment.
fn offset_last(units: &[u16], n: u32) -> Vec<u16> {
    let mut out = units.to_vec();
    if let Some(last) = out.last_mut() {
        *last = (u32::from(*last) + n).min(0xffff) as u16;
    }
    out
}

/// Decodes UTF-16 to a string, dropping unpaired surrogates and NULs.
fn utf16_text(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .filter_map(Result::ok)
        .filter(|&c| c != '\0')
        .collect()
}

/// Splits CMap source into tokens, skipping comments, strings and dictionaries' punctuation.
fn tokenize(data: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end =
                    data[start..].iter().position(|&c| c == b'>').map_or(data.len(), |p| start + p);
                let digits: Vec<u8> =
                    data[start..end].iter().filter(|c| c.is_ascii_hexdigit()).copied().collect();
                let bytes = digits
                    .chunks(2)
                    .map(|pair| {
                        let hi = hex_val(pair[0]);
                        let lo = pair.get(1).map_or(0, |&c| hex_val(c));
                        (hi << 4) | lo
                    })
                    .collect();
                out.push(Token::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'(' => {
                // Literal strings carry CMap names and registry data that extraction never needs.
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b'/' => {
                i += 1;
                while i < data.len() && is_regular(data[i]) {
                    i += 1;
                }
                out.push(Token::Name);
            }
            _ if b.is_ascii_whitespace() || b == 0 => i += 1,
            _ => {
                let start = i;
                while i < data.len() && is_regular(data[i]) {
                    i += 1;
                }
                if i == start {
                    i += 1;
                    continue;
                }
                let word = &data[start..i];
                match std::str::from_utf8(word).ok().and_then(|s| s.parse::<u32>().ok()) {
                    Some(n) => out.push(Token::Int(n)),
                    None => out.push(Token::Word(word)),
                }
            }
        }
    }
    out
}

/// Tells whether a byte can be part of a name or keyword.
fn is_regular(b: u8) -> bool {
    !b.is_ascii_whitespace()
        && !matches!(b, b'/' | b'<' | b'>' | b'[' | b']' | b'(' | b')' | b'{' | b'}' | b'%' | 0)
}

/// Returns the value of a hex digit.
fn hex_val(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
        2 beginbfrange <0024> <0026> <0041> <0030> <0032> [<0061> <0062> <D83DDE00>] endbfrange
        1 beginbfrange <1000> <1FFF> <4E00> endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn tounicode_sections_are_read() {
        let cmap = CMap::parse(SAMPLE);
        assert_eq!(cmap.text(2, 0x03).as_deref(), Some(" "));
        assert_eq!(cmap.text(2, 0x11).as_deref(), Some("fi"));
        assert_eq!(cmap.text(2, 0x25).as_deref(), Some("B"));
        assert_eq!(cmap.text(2, 0x32).as_deref(), Some("😀"));
        assert_eq!(cmap.text(2, 0x1001).as_deref(), Some("丁"));
        assert_eq!(cmap.text(1, 0x25), None);
        assert_eq!(cmap.code_len(&[0, 0x25]), 2);
    }

    #[test]
    fn mixed_width_codespace_splits_codes() {
        let cmap = CMap::parse(b"2 begincodespacerange <00> <80> <8140> <9FFC> endcodespacerange");
        assert_eq!(cmap.code_len(&[0x41, 0x42]), 1);
        assert_eq!(cmap.code_len(&[0x81, 0x40]), 2);
    }

    #[test]
    fn cid_ranges_are_read() {
        let cmap = CMap::parse(
            b"1 begincidrange <0020> <007e> 1 endcidrange 1 begincidchar <00a0> 500 endcidchar",
        );
        assert_eq!(cmap.cid(2, 0x21), Some(2));
        assert_eq!(cmap.cid(2, 0xa0), Some(500));
        assert_eq!(cmap.cid(2, 0x10), None);
    }

    #[test]
    fn garbage_does_not_panic() {
        let cmap =
            CMap::parse(b"beginbfrange <ff <> [ <00> endbfrange begincodespacerange <> <> (((");
        assert!(!cmap.has_text());
    }
}
