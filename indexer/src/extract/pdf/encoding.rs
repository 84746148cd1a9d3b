//! Simple-font encodings: the built-in byte-to-character tables and glyph-name lookup.
//!
//! The tables are written out as data from the PDF specification (Annex D). Codes that an
//! encoding leaves undefined map to `'\0'`, which callers treat as "no character".

use unicode_normalization::char::compose;

/// A base encoding a simple font can name in `/Encoding` or `/BaseEncoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BaseEncoding {
    /// Adobe StandardEncoding, the default for Type 1 fonts.
    Standard,
    /// Windows code page 1252 as the PDF specification defines it.
    WinAnsi,
    /// The classic Mac OS Roman encoding.
    MacRoman,
}

impl BaseEncoding {
    /// Returns the encoding a PDF name refers to, if it is one of the supported ones.
    pub(super) fn from_name(name: &[u8]) -> Option<Self> {
        match name {
            b"StandardEncoding" => Some(Self::Standard),
            b"WinAnsiEncoding" => Some(Self::WinAnsi),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(Self::MacRoman),
            _ => None,
        }
    }

    /// Returns the character for a byte code, or `'\0'` where the encoding defines none.
    pub(super) fn char_for(self, code: u8) -> char {
        match code {
            // Every base encoding agrees with ASCII here except for two quote glyphs.
            0x20..=0x7e => match (self, code) {
                (Self::Standard, b'\'') => '\u{2019}',
                (Self::Standard, b'`') => '\u{2018}',
                _ => code as char,
            },
            0x80..=0xff => {
                let idx = usize::from(code - 0x80);
                match self {
                    Self::WinAnsi => WIN_ANSI_HIGH[idx],
                    Self::MacRoman => MAC_ROMAN_HIGH[idx],
                    Self::Standard => STANDARD_HIGH[idx],
                }
            }
            _ => '\0',
        }
    }
}

/// WinAnsiEncoding for codes 0x80..=0xff; 0xa0.. is Latin-1.
const WIN_ANSI_HIGH: [char; 128] = {
    let mut t = ['\0'; 128];
    let low: [char; 32] = [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', //
        '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];
    let mut i = 0;
    while i < 128 {
        t[i] = if i < 32 {
            low[i]
        } else {
            // Codes 0xa0..=0xff are Latin-1 and hence equal to their Unicode scalar values.
            match char::from_u32(0x80 + i as u32) {
                Some(c) => c,
                None => '\0',
            }
        };
        i += 1;
    }
    // WinAnsi shows the non-breaking space and soft hyphen as ordinary ones.
    t[0x20] = ' ';
    t[0x2d] = '-';
    t
};

/// MacRomanEncoding for codes 0x80..=0xff.
const MAC_ROMAN_HIGH: [char; 128] = [
    'Ä', 'Å', 'Ç', 'É', 'Ñ', 'Ö', 'Ü', 'á', 'à', 'â', 'ä', 'ã', 'å', 'ç', 'é', 'è', //
    'ê', 'ë', 'í', 'ì', 'î', 'ï', 'ñ', 'ó', 'ò', 'ô', 'ö', 'õ', 'ú', 'ù', 'û', 'ü', //
    '†', '°', '¢', '£', '§', '•', '¶', 'ß', '®', '©', '™', '´', '¨', '≠', 'Æ', 'Ø', //
    '∞', '±', '≤', '≥', '¥', 'µ', '∂', '∑', '∏', 'π', '∫', 'ª', 'º', 'Ω', 'æ', 'ø', //
    '¿', '¡', '¬', '√', 'ƒ', '≈', '∆', '«', '»', '…', ' ', 'À', 'Ã', 'Õ', 'Œ', 'œ', //
    '–', '—', '“', '”', '‘', '’', '÷', '◊', 'ÿ', 'Ÿ', '⁄', '€', '‹', '›', 'ﬁ', 'ﬂ', //
    '‡', '·', '‚', '„', '‰', 'Â', 'Ê', 'Á', 'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', 'Ó', 'Ô', //
    '\0', 'Ò', 'Ú', 'Û', 'Ù', 'ı', 'ˆ', '˜', '¯', '˘', '˙', '˚', '¸', '˝', '˛', 'ˇ',
];

/// StandardEncoding for codes 0x80..=0xff.
const STANDARD_HIGH: [char; 128] = [
    '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0',
    '\0', //
    '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0',
    '\0', //
    '\0', '¡', '¢', '£', '⁄', '¥', 'ƒ', '§', '¤', '\'', '“', '«', '‹', '›', 'ﬁ', 'ﬂ', //
    '\0', '–', '†', '‡', '·', '\0', '¶', '•', '‚', '„', '”', '»', '…', '‰', '\0', '¿', //
    '\0', '`', '´', 'ˆ', '˜', '¯', '˘', '˙', '¨', '\0', '˚', '¸', '\0', '˝', '˛', 'ˇ', //
    '—', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0', '\0',
    '\0', //
    '\0', 'Æ', '\0', 'ª', '\0', '\0', '\0', '\0', 'Ł', 'Ø', 'Œ', 'º', '\0', '\0', '\0',
    '\0', //
    '\0', 'æ', '\0', '\0', '\0', 'ı', '\0', '\0', 'ł', 'ø', 'œ', 'ß', '\0', '\0', '\0', '\0',
];

/// Common Adobe glyph names that are not a plain letter and not `<letter><accent>`.
///
/// Sorted by name so that lookup is a binary search.
const GLYPH_NAMES: &[(&str, &str)] = &[
    ("AE", "Æ"),
    ("Delta", "Δ"),
    ("Eth", "Ð"),
    ("Euro", "€"),
    ("Lslash", "Ł"),
    ("OE", "Œ"),
    ("Omega", "Ω"),
    ("Oslash", "Ø"),
    ("Thorn", "Þ"),
    ("a", "a"),
    ("acute", "´"),
    ("ae", "æ"),
    ("alpha", "α"),
    ("ampersand", "&"),
    ("apostrophe", "'"),
    ("approxequal", "≈"),
    ("arrowdown", "↓"),
    ("arrowleft", "←"),
    ("arrowright", "→"),
    ("arrowup", "↑"),
    ("asciicircum", "^"),
    ("asciitilde", "~"),
    ("asterisk", "*"),
    ("at", "@"),
    ("backslash", "\\"),
    ("bar", "|"),
    ("beta", "β"),
    ("braceleft", "{"),
    ("braceright", "}"),
    ("bracketleft", "["),
    ("bracketright", "]"),
    ("breve", "˘"),
    ("brokenbar", "¦"),
    ("bullet", "•"),
    ("caron", "ˇ"),
    ("cedilla", "¸"),
    ("cent", "¢"),
    ("checkmark", "✓"),
    ("circumflex", "ˆ"),
    ("colon", ":"),
    ("comma", ","),
    ("copyright", "©"),
    ("currency", "¤"),
    ("dagger", "†"),
    ("daggerdbl", "‡"),
    ("degree", "°"),
    ("delta", "δ"),
    ("dieresis", "¨"),
    ("divide", "÷"),
    ("dollar", "$"),
    ("dotaccent", "˙"),
    ("dotlessi", "ı"),
    ("eight", "8"),
    ("ellipsis", "…"),
    ("emdash", "—"),
    ("endash", "–"),
    ("epsilon", "ε"),
    ("equal", "="),
    ("eth", "ð"),
    ("exclam", "!"),
    ("exclamdown", "¡"),
    ("ff", "ff"),
    ("ffi", "ffi"),
    ("ffl", "ffl"),
    ("fi", "fi"),
    ("five", "5"),
    ("fl", "fl"),
    ("florin", "ƒ"),
    ("four", "4"),
    ("fraction", "⁄"),
    ("gamma", "γ"),
    ("germandbls", "ß"),
    ("grave", "`"),
    ("greater", ">"),
    ("greaterequal", "≥"),
    ("guillemotleft", "«"),
    ("guillemotright", "»"),
    ("guilsinglleft", "‹"),
    ("guilsinglright", "›"),
    ("hungarumlaut", "˝"),
    ("hyphen", "-"),
    ("infinity", "∞"),
    ("lambda", "λ"),
    ("less", "<"),
    ("lessequal", "≤"),
    ("logicalnot", "¬"),
    ("lozenge", "◊"),
    ("lslash", "ł"),
    ("macron", "¯"),
    ("minus", "−"),
    ("mu", "µ"),
    ("multiply", "×"),
    ("nbspace", " "),
    ("nine", "9"),
    ("notequal", "≠"),
    ("numbersign", "#"),
    ("oe", "œ"),
    ("ogonek", "˛"),
    ("one", "1"),
    ("onehalf", "½"),
    ("onequarter", "¼"),
    ("onesuperior", "¹"),
    ("ordfeminine", "ª"),
    ("ordmasculine", "º"),
    ("oslash", "ø"),
    ("paragraph", "¶"),
    ("parenleft", "("),
    ("parenright", ")"),
    ("percent", "%"),
    ("period", "."),
    ("periodcentered", "·"),
    ("perthousand", "‰"),
    ("pi", "π"),
    ("plus", "+"),
    ("plusminus", "±"),
    ("question", "?"),
    ("questiondown", "¿"),
    ("quotedbl", "\""),
    ("quotedblbase", "„"),
    ("quotedblleft", "“"),
    ("quotedblright", "”"),
    ("quoteleft", "‘"),
    ("quoteright", "’"),
    ("quotesinglbase", "‚"),
    ("quotesingle", "'"),
    ("registered", "®"),
    ("ring", "˚"),
    ("section", "§"),
    ("semicolon", ";"),
    ("seven", "7"),
    ("sfthyphen", "-"),
    ("sigma", "σ"),
    ("six", "6"),
    ("slash", "/"),
    ("space", " "),
    ("sterling", "£"),
    ("summation", "∑"),
    ("thorn", "þ"),
    ("three", "3"),
    ("threequarters", "¾"),
    ("threesuperior", "³"),
    ("tilde", "˜"),
    ("trademark", "™"),
    ("two", "2"),
    ("twosuperior", "²"),
    ("underscore", "_"),
    ("yen", "¥"),
    ("zero", "0"),
];

/// Accent suffixes of names such as `eacute`, with the combining mark they stand for.
const ACCENTS: &[(&str, char)] = &[
    ("acute", '\u{301}'),
    ("grave", '\u{300}'),
    ("circumflex", '\u{302}'),
    ("dieresis", '\u{308}'),
    ("tilde", '\u{303}'),
    ("ring", '\u{30a}'),
    ("cedilla", '\u{327}'),
    ("caron", '\u{30c}'),
    ("macron", '\u{304}'),
    ("breve", '\u{306}'),
    ("ogonek", '\u{328}'),
    ("dotaccent", '\u{307}'),
    ("hungarumlaut", '\u{30b}'),
    ("commaaccent", '\u{326}'),
];

/// Returns the text a glyph name stands for, following the Adobe glyph naming rules.
///
/// Handles the common named glyphs, `<letter><accent>` names, `uniXXXX` (possibly several
/// code units), `uXXXX[XX]`, ligature names joined by `_`, suffixes such as `.sc`, and the
/// numeric names (`g65`, `G41`, `c32`) that some producers use for plain character codes.
pub(super) fn glyph_name_to_text(name: &str) -> Option<String> {
    // A suffix after a dot (`a.sc`, `one.oldstyle`) only selects a variant of the same character.
    let base = match name.find('.') {
        Some(0) => return None,
        Some(i) => &name[..i],
        None => name,
    };
    if base.contains('_') {
        let parts: Option<String> = base.split('_').map(single_glyph).collect();
        return parts.filter(|s| !s.is_empty());
    }
    single_glyph(base)
}

/// Looks up one glyph name component (no `_`, no `.` suffix).
fn single_glyph(name: &str) -> Option<String> {
    if name.len() == 1 && name.as_bytes()[0].is_ascii_alphabetic() {
        return Some(name.to_owned());
    }
    if let Ok(i) = GLYPH_NAMES.binary_search_by(|(n, _)| (*n).cmp(name)) {
        return Some(GLYPH_NAMES[i].1.to_owned());
    }
    if let Some(hex) = name.strip_prefix("uni")
        && hex.len() >= 4
        && hex.len() % 4 == 0
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        let units: Vec<u16> = (0..hex.len() / 4)
            .filter_map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).ok())
            .collect();
        let s: String = char::decode_utf16(units).filter_map(Result::ok).collect();
        return (!s.is_empty()).then_some(s);
    }
    if let Some(hex) = name.strip_prefix('u')
        && (4..=6).contains(&hex.len())
        && hex.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).map(String::from);
    }
    // An empty name (`/` alone in a Differences array) is legal PDF syntax.
    if name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        for (suffix, mark) in ACCENTS {
            if let Some(letter) = name.strip_suffix(suffix) {
                let mut chars = letter.chars();
                if let (Some(c), None) = (chars.next(), chars.next())
                    && let Some(composed) = compose(c, *mark)
                {
                    return Some(composed.to_string());
                }
            }
        }
    }
    numeric_glyph(name)
}

/// Reads names like `g65`, `G41` or `cid32` as a character code of the font's own encoding.
///
/// Producers that emit such names use them for ASCII codes; decimal is tried before hex,
/// and only printable codes are accepted so that glyph indices are not mistaken for text.
fn numeric_glyph(name: &str) -> Option<String> {
    let digits_at = name.find(|c: char| c.is_ascii_digit())?;
    if digits_at == 0 || digits_at > 3 {
        return None;
    }
    let digits = &name[digits_at..];
    if !(2..=3).contains(&digits.len()) {
        return None;
    }
    let code = if digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse::<u32>().ok()
    } else if digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        u32::from_str_radix(digits, 16).ok()
    } else {
        None
    }?;
    if !(0x20..0x7f).contains(&code) {
        return None;
    }
    let c = BaseEncoding::WinAnsi.char_for(code as u8);
    (c != '\0').then(|| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_resolve() {
        let check = |name: &str, expected: Option<&str>| {
            assert_eq!(glyph_name_to_text(name).as_deref(), expected, "{name}");
        };
        check("A", Some("A"));
        check("eacute", Some("é"));
        check("Ccedilla", Some("Ç"));
        check("quoteright", Some("’"));
        check("uni00660069", Some("fi"));
        check("uni2019", Some("’"));
        check("u1F600", Some("😀"));
        check("f_f_i", Some("ffi"));
        check("a.sc", Some("a"));
        check("g65", Some("A"));
        check("G7A", Some("z"));
        check("g3", None);
        check(".notdef", None);
    }

    #[test]
    fn glyph_table_is_sorted() {
        assert!(GLYPH_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn base_encodings_differ_where_expected() {
        assert_eq!(BaseEncoding::WinAnsi.char_for(0x92), '’');
        assert_eq!(BaseEncoding::Standard.char_for(b'\''), '’');
        assert_eq!(BaseEncoding::MacRoman.char_for(0xd2), '“');
        assert_eq!(BaseEncoding::WinAnsi.char_for(0xe9), 'é');
        assert_eq!(BaseEncoding::Standard.char_for(0xae), 'ﬁ');
    }
}
