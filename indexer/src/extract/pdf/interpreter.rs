//! The content stream interpreter: runs a page's operators and records every glyph drawn,
//! with its device position, direction, size and advance.
//!
//! Only the state that affects where text lands is tracked (CTM, text state, text matrices,
//! marked content for `/ActualText`, Form XObjects); painting operators are ignored.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::PdfOptions;
use super::content::Operations;
use super::font::{Code, Font};
use super::glyph::{Glyph, PageGlyphs, Style};
use super::matrix::Matrix;
use super::object::{as_dict, get, get_dict, numbers, resolve, stream_bytes, text_string};

/// How often, in operators, the deadline is checked.
const DEADLINE_EVERY: usize = 2048;
/// Glyphs kept per page; one `Tj` can hold millions of codes, so this bounds work and memory.
const MAX_GLYPHS_PER_PAGE: usize = 2_000_000;

/// Why interpretation stopped early.
#[derive(Debug)]
pub(super) enum Stop {
    /// The per-file deadline passed.
    Deadline,
}

/// Fonts loaded so far in a document, keyed by object id (or by address for direct dictionaries).
pub(super) type FontCache = HashMap<(u32, u16, usize), Rc<Font>>;

/// Graphics state that `q`/`Q` saves and restores.
#[derive(Debug, Clone)]
struct GState {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
    font: Option<Rc<Font>>,
    font_size: f32,
}

/// An open marked-content sequence.
#[derive(Debug)]
struct Marked {
    /// The `/ActualText` replacement, if the sequence has one.
    actual: Option<String>,
    /// Whether the replacement has been emitted.
    emitted: bool,
}

/// The interpreter for one page.
pub(super) struct Interpreter<'a> {
    doc: &'a Document,
    opts: &'a PdfOptions,
    deadline: Instant,
    fonts: &'a mut FontCache,
    gs: GState,
    stack: Vec<GState>,
    tm: Matrix,
    tlm: Matrix,
    marked: Vec<Marked>,
    /// How many of the open marked-content sequences carry `/ActualText`.
    n_actual: usize,
    forms: Vec<ObjectId>,
    /// Resource dictionaries in force, innermost last; a form's own come after its parent's,
    /// and names it lacks are looked up in the parent's, as many producers expect.
    resources: Vec<&'a Dictionary>,
    out: PageGlyphs,
    ops_exceeded: bool,
    glyphs_capped: bool,
    /// Device size of the visible page; glyphs outside it are not text of the page.
    page_size: (f32, f32),
}

impl<'a> Interpreter<'a> {
    /// Prepares to run a page whose user space maps to device space through `base`.
    pub(super) fn new(
        doc: &'a Document,
        opts: &'a PdfOptions,
        deadline: Instant,
        fonts: &'a mut FontCache,
        base: Matrix,
        page_size: (f32, f32),
    ) -> Self {
        let gs = GState {
            ctm: base,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            font_size: 0.0,
        };
        Interpreter {
            doc,
            opts,
            deadline,
            fonts,
            gs,
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            marked: Vec::new(),
            n_actual: 0,
            forms: Vec::new(),
            resources: Vec::new(),
            out: PageGlyphs::default(),
            ops_exceeded: false,
            glyphs_capped: false,
            page_size,
        }
    }

    /// Runs a content stream and returns what was drawn.
    pub(super) fn run_page(
        mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
    ) -> Result<PageGlyphs, Stop> {
        self.resources.extend(resources);
        self.run(content)?;
        Ok(self.out)
    }

    /// Returns a named resource of a category (`Font`, `XObject`, `Properties`), innermost first.
    fn resource(&self, category: &[u8], name: &[u8]) -> Option<&'a Object> {
        self.resources
            .iter()
            .rev()
            .find_map(|r| get_dict(self.doc, r, category).and_then(|d| d.get(name).ok()))
    }

    /// Runs one content stream (the page's or a form's) with the resources in force.
    fn run(&mut self, content: &[u8]) -> Result<(), Stop> {
        let mut ops = Operations::new(content);
        while let Some((operator, operands)) = ops.next_op() {
            self.out.n_ops += 1;
            if self.out.n_ops > self.opts.max_ops_per_page {
                if !self.ops_exceeded {
                    self.ops_exceeded = true;
                    self.out.warnings.push(format!(
                        "page has more than {} operators; rest skipped",
                        self.opts.max_ops_per_page
                    ));
                }
                break;
            }
            if self.out.n_ops.is_multiple_of(DEADLINE_EVERY) && Instant::now() > self.deadline {
                return Err(Stop::Deadline);
            }
            self.apply(operator, operands)?;
        }
        Ok(())
    }

    /// Applies one operator.
    fn apply(&mut self, operator: &str, args: &[Object]) -> Result<(), Stop> {
        let num = |i: usize| {
            args.get(i).and_then(|o| o.as_float().ok()).filter(|v| v.is_finite()).unwrap_or(0.0)
        };
        match operator {
            "q"
                // Unbalanced `q`s in hostile files must not grow memory without bound.
                if self.stack.len() < 1024 => {
                    self.stack.push(self.gs.clone());
                }
            "Q" => {
                if let Some(gs) = self.stack.pop() {
                    self.gs = gs;
                }
            }
            "cm" if args.len() >= 6 => {
                let m = Matrix([num(0), num(1), num(2), num(3), num(4), num(5)]);
                self.gs.ctm = m.then(&self.gs.ctm);
            }
            "BT" => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            "Tc" => self.gs.char_spacing = num(0),
            "Tw" => self.gs.word_spacing = num(0),
            "Tz" => self.gs.h_scale = num(0) / 100.0,
            "TL" => self.gs.leading = num(0),
            "Ts" => self.gs.rise = num(0),
            "Tf" => {
                self.gs.font_size = num(1);
                self.gs.font = args.first().and_then(|o| o.as_name().ok()).and_then(|n| self.font(n));
            }
            "Td" => self.next_line(num(0), num(1)),
            "TD" => {
                self.gs.leading = -num(1);
                self.next_line(num(0), num(1));
            }
            "Tm" if args.len() >= 6 => {
                self.tm = Matrix([num(0), num(1), num(2), num(3), num(4), num(5)]);
                self.tlm = self.tm;
            }
            "T*" => self.next_line(0.0, -self.gs.leading),
            "Tj" => self.show(args.get(..1).unwrap_or(&[])),
            "TJ" => {
                if let Some(Object::Array(items)) = args.first() {
                    self.show(items);
                }
            }
            "'" => {
                self.next_line(0.0, -self.gs.leading);
                self.show(args.get(..1).unwrap_or(&[]));
            }
            "\"" => {
                self.gs.word_spacing = num(0);
                self.gs.char_spacing = num(1);
                self.next_line(0.0, -self.gs.leading);
                self.show(args.get(2..3).unwrap_or(&[]));
            }
            "BDC" | "BMC" => {
                let actual = args.get(1).and_then(|p| self.actual_text(p));
                if self.marked.len() < 256 {
                    self.n_actual += usize::from(actual.is_some());
                    self.marked.push(Marked { actual, emitted: false });
                }
            }
            "EMC" => {
                if let Some(m) = self.marked.pop() {
                    self.n_actual -= usize::from(m.actual.is_some());
                    if let (Some(text), false) = (m.actual, m.emitted) {
                        self.emit_actual_text(&text);
                    }
                }
            }
            "BI" => self.out.n_images += 1,
            "Do" => {
                if let Some(name) = args.first().and_then(|o| o.as_name().ok()) {
                    self.draw_xobject(name)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Moves to the start of the next line, offset by (tx, ty) in text line space.
    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix([1.0, 0.0, 0.0, 1.0, tx, ty]).then(&self.tlm);
        self.tm = self.tlm;
    }

    /// Looks up and caches a font resource by name.
    fn font(&mut self, name: &[u8]) -> Option<Rc<Font>> {
        let entry = self.resource(b"Font", name)?;
        let (id, obj) = match entry {
            Object::Reference(id) => (Some(*id), resolve(self.doc, entry)?),
            other => (None, other),
        };
        let dict = as_dict(obj)?;
        let key = match id {
            Some((n, g)) => (n, g, 0),
            None => (0, 0, dict as *const Dictionary as usize),
        };
        if let Some(font) = self.fonts.get(&key) {
            return Some(Rc::clone(font));
        }
        // Fonts are loaded between deadline checks, so a file with thousands of big fonts
        // stops here rather than running on.
        if Instant::now() > self.deadline {
            return None;
        }
        let font = Rc::new(Font::load(self.doc, dict, self.opts.max_stream_bytes));
        self.fonts.insert(key, Rc::clone(&font));
        Some(font)
    }

    /// Reads `/ActualText` from a marked-content property list (inline or named).
    fn actual_text(&self, props: &Object) -> Option<String> {
        let dict = match props {
            Object::Dictionary(d) => d,
            Object::Name(n) => as_dict(resolve(self.doc, self.resource(b"Properties", n)?)?)?,
            _ => return None,
        };
        let text = get(self.doc, dict, b"ActualText")?.as_str().ok()?;
        Some(text_string(text))
    }

    /// Returns the replacement text for the next glyph if an `/ActualText` sequence is open.
    ///
    /// The first glyph of the sequence carries the whole replacement; the others carry none.
    fn take_actual_text(&mut self) -> Option<Option<String>> {
        if self.n_actual == 0 {
            return None;
        }
        let m = self.marked.iter_mut().rev().find(|m| m.actual.is_some())?;
        if m.emitted {
            Some(None)
        } else {
            m.emitted = true;
            Some(m.actual.clone())
        }
    }

    /// Stretches the last glyph over a glyph whose text an `/ActualText` replacement covers,
    /// so that the replacement reads as one word.
    fn widen_last(&mut self, origin: (f32, f32), width: f32) {
        if let Some(last) = self.out.glyphs.last_mut() {
            let along = (origin.0 - last.x) * last.dir.0 + (origin.1 - last.y) * last.dir.1;
            last.width = last.width.max(along + width);
        }
    }

    /// Emits replacement text for a sequence that drew no glyphs, at the current text position.
    fn emit_actual_text(&mut self, text: &str) {
        if text.is_empty() || self.gs.font_size == 0.0 {
            return;
        }
        let m = self.tm.then(&self.gs.ctm);
        let size = (m.0[2].hypot(m.0[3]) * self.gs.font_size).abs();
        self.push_glyph(
            text,
            m.transform(0.0, self.gs.rise),
            m.direction(),
            size,
            0.0,
            Style::default(),
        );
    }

    /// Shows a string or a `TJ` array.
    fn show(&mut self, items: &[Object]) {
        let Some(font) = self.gs.font.clone() else { return };
        let fs = self.gs.font_size;
        let th = self.gs.h_scale;
        let m = self.tm.then(&self.gs.ctm);
        let dir = m.direction();
        let x_scale = m.0[0].hypot(m.0[1]);
        let size = (m.0[2].hypot(m.0[3]) * fs * font.size_scale).abs();
        let rise = self.gs.rise;
        let mut advance = 0.0f32;
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    font.for_each_code(bytes, |code: Code| {
                        let w0 = font.width(code);
                        let origin = m.transform(advance, rise);
                        let glyph_width = (w0 * fs * th * x_scale).abs();
                        match self.take_actual_text() {
                            Some(Some(text)) => {
                                self.push_glyph(&text, origin, dir, size, glyph_width, font.style())
                            }
                            Some(None) => self.widen_last(origin, glyph_width),
                            None => {
                                let text = font.text(code);
                                self.push_glyph(
                                    &text,
                                    origin,
                                    dir,
                                    size,
                                    glyph_width,
                                    font.style(),
                                );
                            }
                        }
                        let word = if code.len == 1 && code.value == 32 {
                            self.gs.word_spacing
                        } else {
                            0.0
                        };
                        advance += (w0 * fs + self.gs.char_spacing + word) * th;
                    });
                }
                other => {
                    if let Ok(n) = other.as_float()
                        && n.is_finite()
                    {
                        advance -= n / 1000.0 * fs * th;
                    }
                }
            }
        }
        if advance.is_finite() {
            self.tm = Matrix([1.0, 0.0, 0.0, 1.0, advance, 0.0]).then(&self.tm);
        }
    }

    /// Records one glyph; glyphs without text are dropped, as they cannot contribute words.
    fn push_glyph(
        &mut self,
        text: &str,
        origin: (f32, f32),
        dir: (f32, f32),
        size: f32,
        width: f32,
        style: Style,
    ) {
        if text.is_empty() || !origin.0.is_finite() || !origin.1.is_finite() {
            return;
        }
        // Like pdftotext, text placed off the page (spreads cut in two, hidden slugs) is dropped.
        let (w, h) = self.page_size;
        if origin.0 < -width - 1.0
            || origin.0 > w + 1.0
            || origin.1 < -1.0
            || origin.1 > h + size + 1.0
        {
            return;
        }
        if self.out.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
            if !self.glyphs_capped {
                self.glyphs_capped = true;
                self.out
                    .warnings
                    .push(format!("page has more than {MAX_GLYPHS_PER_PAGE} glyphs; rest skipped"));
            }
            return;
        }
        let space = text.chars().all(char::is_whitespace);
        let start = self.out.text.len() as u32;
        self.out.text.push_str(text);
        self.out.glyphs.push(Glyph {
            x: origin.0,
            y: origin.1,
            dir,
            size,
            width,
            start,
            len: text.len() as u32,
            bold: style.bold,
            italic: style.italic,
            space,
        });
    }

    /// Draws an XObject: counts images and runs Form XObjects with their own matrix and resources.
    fn draw_xobject(&mut self, name: &[u8]) -> Result<(), Stop> {
        let Some(entry) = self.resource(b"XObject", name) else { return Ok(()) };
        let id = entry.as_reference().ok();
        let Some(Object::Stream(stream)) = resolve(self.doc, entry) else { return Ok(()) };
        match stream.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok()) {
            Some(b"Image") => self.out.n_images += 1,
            Some(b"Form") => {
                if self.forms.len() >= self.opts.max_xobject_depth {
                    self.out
                        .warnings
                        .push("form xobjects nested too deeply; inner ones skipped".into());
                    return Ok(());
                }
                if let Some(id) = id
                    && self.forms.contains(&id)
                {
                    self.out
                        .warnings
                        .push(format!("form xobject {} {} draws itself; cycle cut", id.0, id.1));
                    return Ok(());
                }
                let Some(content) = stream_bytes(stream, self.opts.max_stream_bytes) else {
                    self.out.warnings.push("form xobject stream could not be decoded".into());
                    return Ok(());
                };
                let own = get_dict(self.doc, &stream.dict, b"Resources");
                let matrix =
                    stream.dict.get(b"Matrix").map(|o| numbers(self.doc, o)).unwrap_or_default();
                let saved = self.gs.clone();
                let (saved_tm, saved_tlm) = (self.tm, self.tlm);
                if let [a, b, c, d, e, f] = matrix[..] {
                    self.gs.ctm = Matrix([a, b, c, d, e, f]).then(&self.gs.ctm);
                }
                self.forms.push(id.unwrap_or((0, 0)));
                let n_resources = self.resources.len();
                self.resources.extend(own);
                let result = self.run(&content);
                self.resources.truncate(n_resources);
                self.forms.pop();
                self.gs = saved;
                self.tm = saved_tm;
                self.tlm = saved_tlm;
                result?;
            }
            _ => {}
        }
        Ok(())
    }
}
