//! Tolerant accessors over lopdf objects: every lookup resolves references and yields `None`
//! rather than an error, because extraction treats a malformed entry as an absent one.

use lopdf::{Dictionary, Document, Object, Stream};

/// Follows references (lopdf bounds the chain and detects cycles) and returns the target.
pub(super) fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// Returns the value of `key`, with references resolved.
pub(super) fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().and_then(|o| resolve(doc, o))
}

/// Returns `key` as a dictionary; a stream yields its dictionary.
pub(super) fn get_dict<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    as_dict(get(doc, dict, key)?)
}

/// Views an object as a dictionary; a stream yields its dictionary.
pub(super) fn as_dict(obj: &Object) -> Option<&Dictionary> {
    match obj {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// Returns `key` as an array.
pub(super) fn get_array<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Vec<Object>> {
    get(doc, dict, key)?.as_array().ok()
}

/// Returns `key` as a name.
pub(super) fn get_name<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a [u8]> {
    get(doc, dict, key)?.as_name().ok()
}

/// Returns `key` as a number; finite values only, so later arithmetic stays finite.
pub(super) fn get_number(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    number(get(doc, dict, key)?)
}

/// Reads an integer or real object as a finite `f32`.
pub(super) fn number(obj: &Object) -> Option<f32> {
    obj.as_float().ok().filter(|v| v.is_finite())
}

/// Reads an array of numbers such as a matrix or a rectangle, resolving each element.
pub(super) fn numbers(doc: &Document, obj: &Object) -> Vec<f32> {
    match resolve(doc, obj) {
        Some(Object::Array(items)) => {
            items.iter().filter_map(|o| resolve(doc, o).and_then(number)).collect()
        }
        _ => Vec::new(),
    }
}

/// Returns a stream's decoded bytes, or `None` if it cannot be decoded within `limit` bytes.
pub(super) fn stream_bytes(stream: &Stream, limit: usize) -> Option<Vec<u8>> {
    stream.decompressed_content_with_limit(limit).ok()
}

/// Decodes a PDF text string: UTF-16 with a byte order mark, UTF-8 with one, else
/// PDFDocEncoding (Latin-1 apart from a few typographic characters at 0x80..=0x9f).
pub(super) fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]]));
        return char::decode_utf16(units).filter_map(Result::ok).collect();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        let units = rest.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]]));
        return char::decode_utf16(units).filter_map(Result::ok).collect();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes
        .iter()
        .map(|&b| match b {
            0x80 => '•',
            0x81 => '†',
            0x82 => '‡',
            0x83 => '…',
            0x84 => '—',
            0x85 => '–',
            0x86 => 'ƒ',
            0x87 => '⁄',
            0x88 => '‹',
            0x89 => '›',
            0x8a => '−',
            0x8b => '‰',
            0x8c => '„',
            0x8d => '“',
            0x8e => '”',
            0x8f => '‘',
            0x90 => '’',
            0x91 => '‚',
            0x92 => '™',
            0x93 => 'ﬁ',
            0x94 => 'ﬂ',
            0x95 => 'Ł',
            0x96 => 'Œ',
            0x97 => 'Š',
            0x98 => 'Ÿ',
            0x99 => 'Ž',
            0x9a => 'ı',
            0x9b => 'ł',
            0x9c => 'œ',
            0x9d => 'š',
            0x9e => 'ž',
            0xa0 => '€',
            _ => char::from(b),
        })
        .collect()
}
