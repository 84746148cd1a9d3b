//! Glyph widths of the standard 14 fonts, for fonts that do not carry a `/Widths` array.
//!
//! Only the printable ASCII range is tabulated (from the Adobe Core 14 AFM files, in 1/1000 em);
//! other characters fall back to a typical width, which is close enough for word spacing.

/// Widths for characters 0x20..=0x7e of one font face.
type AsciiWidths = [u16; 95];

const HELVETICA: AsciiWidths = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // sp../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

const HELVETICA_BOLD: AsciiWidths = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, //
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, //
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, //
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, //
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

const TIMES_ROMAN: AsciiWidths = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, //
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, //
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, //
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, //
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, //
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

const TIMES_BOLD: AsciiWidths = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, //
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, //
    930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, //
    611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, //
    333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, //
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

const TIMES_ITALIC: AsciiWidths = [
    250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, //
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500, //
    920, 611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722, //
    611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389, 422, 500, //
    333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, //
    500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 541,
];

/// Metrics of a standard font, chosen from its base font name.
#[derive(Debug, Clone, Copy)]
pub(super) enum StandardFont {
    /// Every glyph is 600 units wide.
    Courier,
    /// A proportional face with tabulated ASCII widths.
    Proportional(&'static AsciiWidths),
}

impl StandardFont {
    /// Picks the metrics for a base font name such as `Helvetica-Bold` or `ABCDEF+Arial,Bold`.
    ///
    /// Arial and Times New Roman are metric-compatible with Helvetica and Times, so the common
    /// non-embedded Word fonts get usable widths too.
    pub(super) fn for_name(name: &str) -> Option<Self> {
        let lower = name.to_ascii_lowercase();
        let bold = lower.contains("bold") || lower.contains("black") || lower.contains("heavy");
        let italic = lower.contains("italic") || lower.contains("oblique");
        if lower.contains("courier") || lower.contains("mono") {
            return Some(Self::Courier);
        }
        if lower.contains("times") || lower.contains("serif") && !lower.contains("sans") {
            let w = match (bold, italic) {
                (true, _) => &TIMES_BOLD,
                (false, true) => &TIMES_ITALIC,
                (false, false) => &TIMES_ROMAN,
            };
            return Some(Self::Proportional(w));
        }
        if lower.contains("helvetica") || lower.contains("arial") {
            return Some(Self::Proportional(if bold { &HELVETICA_BOLD } else { &HELVETICA }));
        }
        None
    }

    /// Returns the width of a character in 1/1000 em.
    pub(super) fn width(self, c: char) -> f32 {
        match self {
            Self::Courier => 600.0,
            Self::Proportional(table) => match c {
                ' '..='~' => f32::from(table[c as usize - 0x20]),
                // Typographic quotes and dashes are as wide as their ASCII cousins.
                '‘' | '’' => f32::from(table[usize::from(b',' - 0x20)]),
                '“' | '”' => f32::from(table[usize::from(b'"' - 0x20)]),
                '–' => f32::from(table[usize::from(b'n' - 0x20)]),
                '—' => 1000.0,
                _ if c.is_alphabetic() => f32::from(table[usize::from(b'n' - 0x20)]),
                _ => 500.0,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_widths_match_afm() {
        let helv = StandardFont::for_name("Helvetica").map(|f| f.width('A'));
        assert_eq!(helv, Some(667.0));
        let times = StandardFont::for_name("Times-Roman").map(|f| f.width(' '));
        assert_eq!(times, Some(250.0));
        let bold = StandardFont::for_name("ABCDEF+Arial,Bold").map(|f| f.width('b'));
        assert_eq!(bold, Some(611.0));
        let courier = StandardFont::for_name("Courier-Oblique").map(|f| f.width('i'));
        assert_eq!(courier, Some(600.0));
        assert!(StandardFont::for_name("Calibri").is_none());
    }
}
