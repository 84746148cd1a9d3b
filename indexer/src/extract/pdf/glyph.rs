//! Glyphs as the interpreter records them: device position, direction, size and text.

/// A glyph as drawn on the page, in device space (points, origin at the top left).
#[derive(Debug, Clone, Copy)]
pub(super) struct Glyph {
    /// Origin of the glyph on the baseline.
    pub(super) x: f32,
    /// Origin of the glyph on the baseline, growing downwards.
    pub(super) y: f32,
    /// Unit vector of the baseline direction.
    pub(super) dir: (f32, f32),
    /// The em size in device units.
    pub(super) size: f32,
    /// The glyph's own advance in device units, without character or word spacing.
    pub(super) width: f32,
    /// Start of the glyph's text in [`PageGlyphs::text`].
    pub(super) start: u32,
    /// Length in bytes of the glyph's text.
    pub(super) len: u32,
    /// Whether the font is bold.
    pub(super) bold: bool,
    /// Whether the font is italic.
    pub(super) italic: bool,
    /// Whether the glyph is a space character, which marks a word break.
    pub(super) space: bool,
}

/// The weight and slant of a font, as glyphs record them.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Style {
    /// Whether the font is bold.
    pub(super) bold: bool,
    /// Whether the font is italic.
    pub(super) italic: bool,
}

/// Everything the interpreter gathered on one page.
#[derive(Debug, Default)]
pub(super) struct PageGlyphs {
    /// Glyphs in content-stream order.
    pub(super) glyphs: Vec<Glyph>,
    /// The text of all glyphs, indexed by [`Glyph::start`].
    pub(super) text: String,
    /// Number of images drawn (image XObjects and inline images).
    pub(super) n_images: usize,
    /// Number of operators run.
    pub(super) n_ops: usize,
    /// Problems worth reporting.
    pub(super) warnings: Vec<String>,
}

impl PageGlyphs {
    /// Returns the text of a glyph.
    pub(super) fn glyph_text(&self, g: &Glyph) -> &str {
        self.text.get(g.start as usize..(g.start + g.len) as usize).unwrap_or("")
    }
}
