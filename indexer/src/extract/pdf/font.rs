//! Fonts as text extraction sees them: how to split a string into codes, what text each code
//! stands for, and how far each code advances the pen.
//!
//! Simple fonts (Type1, TrueType, Type3) use one byte per code; Type0 fonts split codes by
//! their encoding CMap's code space (two bytes for `Identity-H`). Text comes from `/ToUnicode`
//! first, then from the encoding and its `/Differences`.

use std::borrow::Cow;
use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::CMap;
use super::encoding::{BaseEncoding, glyph_name_to_text};
use super::metrics::StandardFont;
use super::object::{
    as_dict, get, get_array, get_dict, get_name, get_number, number, numbers, resolve, stream_bytes,
};
use super::truetype;

/// Entries of a `/W` range expanded into the table at most; wider ranges stay ranges.
const MAX_W_EXPANSION: u32 = 4096;

/// A font loaded for extraction.
#[derive(Debug)]
pub(super) struct Font {
    /// How codes are formed and mapped.
    kind: Kind,
    /// The `/ToUnicode` map, if present and non-empty.
    to_unicode: Option<CMap>,
    /// Whether the font looks bold (weight, flags or name).
    pub(super) bold: bool,
    /// Whether the font looks italic (flags, italic angle or name).
    pub(super) italic: bool,
    /// Factor from the font size to the glyph's em size; differs from 1 for Type 3 fonts.
    pub(super) size_scale: f32,
}

/// The code and width model of a font.
#[derive(Debug)]
enum Kind {
    /// One-byte codes with a text per code and a width per code (text space units per unit size).
    Simple { text: Box<[Option<Box<str>>]>, widths: Box<[f32; 256]> },
    /// Multi-byte codes mapped to CIDs.
    Composite(Box<Composite>),
}

/// Data of a Type0 font.
#[derive(Debug)]
struct Composite {
    /// The embedded encoding CMap; `None` means identity with two-byte codes.
    encoding: Option<CMap>,
    /// Whether codes are Unicode (UCS-2 / UTF-16 predefined CMaps), usable without `/ToUnicode`.
    unicode_codes: bool,
    /// Widths from `/W` list entries, in 1/1000 em.
    widths: HashMap<u32, f32>,
    /// Widths from wide `/W` range entries: (first CID, last CID, width).
    width_ranges: Vec<(u32, u32, f32)>,
    /// The `/DW` default width.
    default_width: f32,
    /// Glyph id to character from the embedded TrueType `cmap`, read only without `/ToUnicode`.
    glyph_chars: HashMap<u16, char>,
    /// The `/CIDToGIDMap` stream (two bytes per CID); `None` means identity.
    cid_to_gid: Option<Vec<u8>>,
}

impl Composite {
    /// Returns the CID a code selects.
    fn cid(&self, code: Code) -> u32 {
        match &self.encoding {
            Some(cmap) => cmap.cid(code.len, code.value).unwrap_or(code.value),
            None => code.value,
        }
    }

    /// Returns the character of a code through the font program's own `cmap`.
    fn glyph_char(&self, code: Code) -> Option<char> {
        let cid = self.cid(code);
        let gid = match &self.cid_to_gid {
            Some(map) => {
                let at = usize::try_from(cid).ok()?.checked_mul(2)?;
                u16::from_be_bytes([*map.get(at)?, *map.get(at + 1)?])
            }
            None => u16::try_from(cid).ok()?,
        };
        self.glyph_chars.get(&gid).copied()
    }
}

/// One character code read from a string.
#[derive(Debug, Clone, Copy)]
pub(super) struct Code {
    /// The code value.
    pub(super) value: u32,
    /// Its length in bytes.
    pub(super) len: u8,
}

impl Font {
    /// Loads a font dictionary; missing or broken parts degrade to defaults, never to errors.
    pub(super) fn load(doc: &Document, dict: &Dictionary, max_stream_bytes: usize) -> Font {
        let subtype = get_name(doc, dict, b"Subtype").unwrap_or(b"");
        let base_font =
            get_name(doc, dict, b"BaseFont").map(|n| String::from_utf8_lossy(n).into_owned());
        let base_font = base_font.unwrap_or_default();
        let to_unicode = get(doc, dict, b"ToUnicode")
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| stream_bytes(s, max_stream_bytes))
            .map(|data| CMap::parse(&data))
            .filter(CMap::has_text);
        let mut descriptor = get_dict(doc, dict, b"FontDescriptor");
        let kind = if subtype == b"Type0" {
            let descendant = get_array(doc, dict, b"DescendantFonts")
                .and_then(|a| a.first())
                .and_then(|o| resolve(doc, o))
                .and_then(as_dict);
            if let Some(d) = descendant {
                descriptor = get_dict(doc, d, b"FontDescriptor");
            }
            let mut comp = load_composite(doc, dict, descendant, max_stream_bytes);
            if let (None, false, Some(d)) = (&to_unicode, comp.unicode_codes, descendant) {
                load_glyph_chars(doc, d, descriptor, &mut comp, max_stream_bytes);
            }
            Kind::Composite(Box::new(comp))
        } else {
            load_simple(doc, dict, subtype, &base_font, descriptor, max_stream_bytes)
        };
        let size_scale = if subtype == b"Type3" {
            let m = get(doc, dict, b"FontMatrix").map(|o| numbers(doc, o)).unwrap_or_default();
            // The em of a Type 3 glyph is 1 / FontMatrix[3] glyph units; 1000 is the norm.
            let d = m.get(3).copied().unwrap_or(0.001).abs() * 1000.0;
            if d.is_finite() && d > 1e-3 && d < 1e3 { d } else { 1.0 }
        } else {
            1.0
        };
        let weight = descriptor.and_then(|d| get_number(doc, d, b"FontWeight")).unwrap_or(400.0);
        let flags = descriptor.and_then(|d| get_number(doc, d, b"Flags")).unwrap_or(0.0) as i64;
        let lower = base_font.to_ascii_lowercase();
        let bold = weight >= 600.0
            || flags & (1 << 18) != 0
            || ["bold", "black", "heavy", "semibold", "demi"].iter().any(|w| lower.contains(w));
        let angle = descriptor.and_then(|d| get_number(doc, d, b"ItalicAngle")).unwrap_or(0.0);
        let italic = flags & (1 << 6) != 0
            || angle.abs() > 1.0
            || ["italic", "oblique"].iter().any(|w| lower.contains(w));
        Font { kind, to_unicode, bold, italic, size_scale }
    }

    /// The font's weight and slant.
    pub(super) fn style(&self) -> super::glyph::Style {
        super::glyph::Style { bold: self.bold, italic: self.italic }
    }

    /// Calls `f` for each code in a string operand.
    pub(super) fn for_each_code(&self, bytes: &[u8], mut f: impl FnMut(Code)) {
        match &self.kind {
            Kind::Simple { .. } => {
                bytes.iter().for_each(|&b| f(Code { value: u32::from(b), len: 1 }))
            }
            Kind::Composite(c) => {
                let mut i = 0;
                while i < bytes.len() {
                    let len = match &c.encoding {
                        Some(cmap) => cmap.code_len(&bytes[i..]),
                        None => 2,
                    }
                    .clamp(1, bytes.len() - i);
                    let value =
                        bytes[i..i + len].iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
                    f(Code { value, len: len as u8 });
                    i += len;
                }
            }
        }
    }

    /// Returns the text a code stands for; empty when the font gives no way to know.
    pub(super) fn text(&self, code: Code) -> Cow<'_, str> {
        if let Some(t) = self.to_unicode.as_ref().and_then(|m| m.text(code.len, code.value))
            && !t.is_empty()
        {
            return t;
        }
        match &self.kind {
            Kind::Simple { text, .. } => match text.get(code.value as usize) {
                Some(Some(t)) => Cow::Borrowed(t),
                _ => Cow::Borrowed(""),
            },
            Kind::Composite(c) if c.unicode_codes => {
                Cow::Owned(char::from_u32(code.value).map(String::from).unwrap_or_default())
            }
            Kind::Composite(c) => match c.glyph_char(code) {
                Some(ch) => Cow::Owned(ch.to_string()),
                None => Cow::Borrowed(""),
            },
        }
    }

    /// Returns the advance of a code in text space units for a font size of 1.
    pub(super) fn width(&self, code: Code) -> f32 {
        match &self.kind {
            Kind::Simple { widths, .. } => widths[(code.value & 0xff) as usize],
            Kind::Composite(c) => {
                let cid = c.cid(code);
                let w = c.widths.get(&cid).copied().or_else(|| {
                    let i = c.width_ranges.partition_point(|r| r.0 <= cid);
                    c.width_ranges.get(i.checked_sub(1)?).filter(|r| cid <= r.1).map(|r| r.2)
                });
                w.unwrap_or(c.default_width) / 1000.0
            }
        }
    }
}

/// Builds the code tables of a simple font.
fn load_simple(
    doc: &Document,
    dict: &Dictionary,
    subtype: &[u8],
    base_font: &str,
    descriptor: Option<&Dictionary>,
    max_stream_bytes: usize,
) -> Kind {
    let standard = StandardFont::for_name(base_font);
    let encoding_obj = get(doc, dict, b"Encoding");
    let default_base =
        if subtype == b"TrueType" { BaseEncoding::WinAnsi } else { BaseEncoding::Standard };
    let (base, differences) = match encoding_obj {
        Some(Object::Name(n)) => (BaseEncoding::from_name(n).unwrap_or(default_base), None),
        Some(obj) => match as_dict(obj) {
            Some(d) => {
                let base = get_name(doc, d, b"BaseEncoding")
                    .and_then(BaseEncoding::from_name)
                    .unwrap_or(default_base);
                (base, get_array(doc, d, b"Differences"))
            }
            None => (default_base, None),
        },
        None => (default_base, None),
    };
    // A Type 1 font with no base encoding of its own in the PDF uses the encoding built into
    // its font program (TeX fonts rely on this for ligatures and symbols).
    let names_base = encoding_obj.is_none()
        || encoding_obj.and_then(as_dict).is_some_and(|d| !d.has(b"BaseEncoding"));
    let builtin = match (names_base, subtype, descriptor) {
        (true, b"Type1" | b"MMType1", Some(desc)) => builtin_encoding(doc, desc, max_stream_bytes),
        _ => None,
    };
    let mut text: Vec<Option<Box<str>>> = match builtin {
        Some(b) => b,
        None => (0..=255u8)
            .map(|code| {
                let c = base.char_for(code);
                (c != '\0').then(|| c.to_string().into_boxed_str())
            })
            .collect(),
    };
    if let Some(diffs) = differences {
        let mut code: usize = 0;
        for item in diffs {
            match resolve(doc, item) {
                Some(Object::Integer(n)) => code = usize::try_from(*n).unwrap_or(256),
                Some(Object::Name(name)) => {
                    if code < 256 {
                        let name = String::from_utf8_lossy(name);
                        text[code] = glyph_name_to_text(&name).map(String::into_boxed_str);
                    }
                    code = code.saturating_add(1);
                }
                _ => {}
            }
        }
    }

    let scale = if subtype == b"Type3" {
        let m = get(doc, dict, b"FontMatrix").map(|o| numbers(doc, o)).unwrap_or_default();
        m.first().copied().filter(|a| a.is_finite() && a.abs() > 1e-7).unwrap_or(0.001)
    } else {
        0.001
    };
    let missing = descriptor.and_then(|d| get_number(doc, d, b"MissingWidth")).filter(|w| *w > 0.0);
    let mut widths = Box::new([0f32; 256]);
    for (code, w) in widths.iter_mut().enumerate() {
        let c = text[code].as_deref().and_then(|t| t.chars().next()).unwrap_or(' ');
        let fallback = missing.or_else(|| standard.map(|s| s.width(c))).unwrap_or(500.0);
        *w = fallback * 0.001;
    }
    let first = get_number(doc, dict, b"FirstChar").unwrap_or(0.0).max(0.0) as usize;
    if let Some(list) = get_array(doc, dict, b"Widths") {
        for (i, obj) in list.iter().enumerate() {
            let code = first + i;
            if code >= 256 {
                break;
            }
            if let Some(w) = resolve(doc, obj).and_then(number) {
                widths[code] = w * scale;
            }
        }
    }
    Kind::Simple { text: text.into_boxed_slice(), widths }
}

/// Reads the `dup <code> /<name> put` entries of an embedded Type 1 program's cleartext part.
///
/// Returns `None` when the program uses StandardEncoding or has no readable encoding.
fn builtin_encoding(
    doc: &Document,
    descriptor: &Dictionary,
    max_stream_bytes: usize,
) -> Option<Vec<Option<Box<str>>>> {
    let stream = get(doc, descriptor, b"FontFile")?.as_stream().ok()?;
    let data = stream_bytes(stream, max_stream_bytes)?;
    let end = data.windows(5).position(|w| w == b"eexec").unwrap_or(data.len());
    let clear = String::from_utf8_lossy(&data[..end]);
    let at = clear.find("/Encoding")?;
    let clear = &clear[at..];
    if clear[9..].trim_start().starts_with("StandardEncoding") {
        return None;
    }
    let mut table: Vec<Option<Box<str>>> = vec![None; 256];
    let mut found = false;
    let words: Vec<&str> = clear.split_whitespace().take(256 * 4 + 64).collect();
    for w in words.windows(4) {
        if let ["dup", code, name, "put"] = w
            && let (Ok(code), Some(name)) = (code.parse::<usize>(), name.strip_prefix('/'))
            && code < 256
        {
            table[code] = glyph_name_to_text(name).map(String::into_boxed_str);
            found = true;
        }
    }
    found.then_some(table)
}

/// Reads the embedded TrueType program's `cmap` and the `/CIDToGIDMap` of a CID font.
fn load_glyph_chars(
    doc: &Document,
    descendant: &Dictionary,
    descriptor: Option<&Dictionary>,
    comp: &mut Composite,
    max_stream_bytes: usize,
) {
    let Some(program) = descriptor
        .and_then(|d| get(doc, d, b"FontFile2"))
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| stream_bytes(s, max_stream_bytes))
    else {
        return;
    };
    comp.glyph_chars = truetype::glyph_chars(&program);
    if let Some(Object::Stream(map)) = get(doc, descendant, b"CIDToGIDMap") {
        comp.cid_to_gid = stream_bytes(map, max_stream_bytes);
    }
}

/// Builds the code and width model of a Type0 font.
fn load_composite(
    doc: &Document,
    dict: &Dictionary,
    descendant: Option<&Dictionary>,
    max_stream_bytes: usize,
) -> Composite {
    let (encoding, unicode_codes) = match get(doc, dict, b"Encoding") {
        Some(Object::Name(n)) => {
            let name = String::from_utf8_lossy(n);
            (None, name.contains("UCS2") || name.contains("UTF16"))
        }
        Some(Object::Stream(s)) => {
            let cmap = stream_bytes(s, max_stream_bytes)
                .map(|d| CMap::parse(&d))
                .filter(CMap::has_codespace);
            (cmap, false)
        }
        _ => (None, false),
    };
    let mut comp = Composite {
        encoding,
        unicode_codes,
        widths: HashMap::new(),
        width_ranges: Vec::new(),
        default_width: 1000.0,
        glyph_chars: HashMap::new(),
        cid_to_gid: None,
    };
    let Some(desc) = descendant else { return comp };
    if let Some(dw) = get_number(doc, desc, b"DW") {
        comp.default_width = dw;
    }
    let Some(w) = get_array(doc, desc, b"W") else { return comp };
    let items: Vec<&Object> = w.iter().filter_map(|o| resolve(doc, o)).collect();
    let mut i = 0;
    while i < items.len() {
        let Some(first) = number(items[i]).map(|v| v.max(0.0) as u32) else {
            i += 1;
            continue;
        };
        match items.get(i + 1) {
            Some(Object::Array(list)) => {
                for (n, obj) in list.iter().enumerate() {
                    if let Some(width) = resolve(doc, obj).and_then(number) {
                        comp.widths.insert(first.saturating_add(n as u32), width);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(width)) =
                    (number(last), items.get(i + 2).and_then(|o| number(o)))
                else {
                    i += 3;
                    continue;
                };
                let last = last.max(0.0) as u32;
                if last >= first && last - first < MAX_W_EXPANSION {
                    (first..=last).for_each(|cid| {
                        comp.widths.insert(cid, width);
                    });
                } else if last >= first {
                    comp.width_ranges.push((first, last, width));
                }
                i += 3;
            }
            None => break,
        }
    }
    comp.width_ranges.sort_by_key(|r| r.0);
    comp
}
