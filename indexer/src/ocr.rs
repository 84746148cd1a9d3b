//! Pages without a text layer, read with Tesseract.
//!
//! Each page is rendered to a greyscale PNG by `pdftoppm` (poppler-utils) at 300 dpi, or less
//! for a page whose longer side would pass [`MAX_SIDE`] pixels, and read by the `tesseract` program with page
//! segmentation that detects orientation (a page scanned sideways still reads), in TSV form so
//! that words keep their positions and confidence. Both run as child processes with a time
//! limit and a memory limit, so that a crash or a runaway in C code stays out of the indexer. Rendering the page,
//! rather than taking its image out, reads every kind of scan alike (JPEG, CCITT, JBIG2, Flate,
//! several images, a page drawn in vectors) at the cost of one more program.
//!
//! The words become lines with their positions and sizes, so the structure reader works on a
//! scanned page as on any other. Results are cached by the blake3 of the file, the page number
//! and [`OCR_VERSION`], so no page is read twice.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::extract::PageText;
use crate::extract::pdf::Line;

/// Changed when rendering or reading changes what a page gives, so that cached pages are read
/// again.
pub const OCR_VERSION: &str = "casebook-ocr 3 (pdftoppm 300 dpi gray, tesseract psm 1 eng)";

/// Resolution pages are rendered at.
const DPI: f32 = 300.0;

/// Longest side of a rendered page, in pixels: a page of 20,000 × 20,000 points is read at a
/// lower resolution rather than exhaust memory.
pub const MAX_SIDE: u32 = 5000;

/// The facet of a unit read from a scanned page by OCR.
pub const SCAN_FACET: &str = "/read/scan";
/// The root of the facet that gives a scanned page's mean word confidence in percent
/// (`/read/confidence/93`).
pub const CONFIDENCE_FACET: &str = "/read/confidence";
/// The facet of a unit read from a scanned page with a low confidence.
pub const LOW_CONFIDENCE_FACET: &str = "/read/low_confidence";

/// Most pages of one file read by OCR: a bound per file.
pub const MAX_OCR_PAGES: usize = 2000;

/// Largest address space of each program OCR runs (`ulimit -v`): a page that would need more
/// is refused, not the machine exhausted.
pub const MAX_MEMORY_BYTES: u64 = 2 << 30;

/// A program run under [`MAX_MEMORY_BYTES`] (through the shell's `ulimit`, as
/// [`crate::isolate`] does: std has no `setrlimit`, and `pre_exec` is unsafe).
fn limited(program: &str) -> Command {
    if cfg!(unix) {
        let mut sh = Command::new("/bin/sh");
        sh.arg("-c")
            .arg(format!("ulimit -v {} || exit 125; exec \"$0\" \"$@\"", MAX_MEMORY_BYTES / 1024))
            .arg(program);
        sh
    } else {
        Command::new(program)
    }
}

/// Longest time one page may take to render, or to read.
pub const PAGE_LIMIT: Duration = Duration::from_secs(90);

/// Mean word confidence below which a page is flagged as read poorly.
pub const LOW_CONFIDENCE: f32 = 80.0;

/// How to read scanned pages.
#[derive(Clone, Debug)]
pub struct Ocr {
    /// Where read pages are kept; `None` keeps nothing.
    pub cache_dir: Option<PathBuf>,
    /// Longest time one page may take to render or read.
    pub page_limit: Duration,
}

/// One page read from a scan.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct OcrPage {
    /// The page, as the extractor gives a page with a text layer.
    pub page: PageText,
    /// Mean confidence of its words, from 0 to 100.
    pub confidence: f32,
}

/// Whether the programs OCR needs are installed; asked once per process, not once per file.
pub fn available() -> bool {
    static AVAILABLE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *AVAILABLE.get_or_init(installed)
}

fn installed() -> bool {
    let runs = |program: &str, arg: &str| {
        Command::new(program).arg(arg).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok()
    };
    runs("tesseract", "--version") && runs("pdftoppm", "-v")
}

/// How to install what OCR needs, for the message that says it is missing.
pub const INSTALL_HINT: &str = "install Tesseract to read them (Debian: apt-get install tesseract-ocr tesseract-ocr-eng poppler-utils)";

impl Ocr {
    /// Reads page `number` of the PDF at `path`, whose bytes hash to `file_hash`.
    pub fn read_page(&self, path: &Path, file_hash: &str, number: u32) -> Result<OcrPage, String> {
        let key = blake3::hash(format!("{OCR_VERSION}\0{file_hash}\0{number}").as_bytes());
        let cached = self.cache_dir.as_ref().map(|d| d.join(format!("{}.json", key.to_hex())));
        if let Some(file) = &cached
            && let Ok(bytes) = std::fs::read(file)
            && let Ok(page) = serde_json::from_slice::<OcrPage>(&bytes)
        {
            return Ok(page);
        }
        let page = self.read_uncached(path, number)?;
        if let Some(file) = &cached
            && let Some(dir) = file.parent()
            && std::fs::create_dir_all(dir).is_ok()
            && let Ok(json) = serde_json::to_vec(&page)
        {
            // Written beside, then renamed: a killed run leaves no half-written page.
            let partial = file.with_extension("partial");
            if std::fs::write(&partial, json).is_ok() {
                let _ = std::fs::rename(&partial, file);
            }
        }
        Ok(page)
    }

    fn read_uncached(&self, path: &Path, number: u32) -> Result<OcrPage, String> {
        let dir = tempfile::tempdir().map_err(|e| format!("temporary folder: {e}"))?;
        let prefix = dir.path().join("page");
        let n = number.to_string();
        // 300 dpi, or less for a page so large that it would pass MAX_SIDE pixels.
        let mut info = limited("pdfinfo");
        info.args(["-f", &n, "-l", &n]).arg(path);
        let info = run(info, self.page_limit).map_err(|e| format!("page size: {e}"))?;
        let longest = page_side(&info, number).unwrap_or(842.0);
        let dpi = DPI.min(MAX_SIDE as f32 * 72.0 / longest.max(1.0)).max(10.0).floor();
        let mut render = limited("pdftoppm");
        render
            .args(["-r", &dpi.to_string(), "-gray", "-png", "-singlefile", "-f", &n, "-l", &n])
            .arg(path)
            .arg(&prefix);
        run(render, self.page_limit).map_err(|e| format!("rendering: {e}"))?;
        let image = prefix.with_extension("png");
        let mut read = limited("tesseract");
        read.arg(&image).arg("stdout").args(["--psm", "1", "-l", "eng", "tsv"]);
        // One thread each: files are read in parallel already, and Tesseract's own threads
        // only contend with them.
        read.env("OMP_THREAD_LIMIT", "1");
        let tsv = run(read, self.page_limit).map_err(|e| format!("reading: {e}"))?;
        if !image.is_file() {
            return Err("rendering gave no image".into());
        }
        Ok(from_tsv(number, &tsv, dpi))
    }
}

/// Runs a program to its end within `limit`, killing it past that; returns its output.
fn run(mut command: Command, limit: Duration) -> Result<String, String> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start: {e}"))?;
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("took more than {} s; stopped", limit.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let out = reader.join().unwrap_or_default();
    if !status.success() {
        let mut err = String::new();
        if let Some(mut stderr) = child.stderr.take() {
            let _ = stderr.read_to_string(&mut err);
        }
        let first = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("no message");
        return Err(format!("{status}: {first}"));
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// The longer side of page `number`, in points, from `pdfinfo -f N -l N`'s
/// "Page    N size: 595.28 x 841.89 pts".
fn page_side(info: &str, number: u32) -> Option<f32> {
    let prefix = format!("Page {number:>4} size:");
    let line = info.lines().find(|l| l.starts_with(&prefix) || l.starts_with("Page size:"))?;
    let rest = line.split_once("size:")?.1;
    let mut numbers = rest.split_whitespace().filter_map(|w| w.parse::<f32>().ok());
    let (w, h) = (numbers.next()?, numbers.next()?);
    Some(w.max(h))
}

/// How much larger than the page's usual line a line must be to be set apart as a heading.
const HEADING_RATIO: f32 = 1.25;

/// Share of the page's height at its top and bottom where a line is a running header or
/// footer (page numbers, "OFFICIAL", the report's title), not body text.
const MARGIN: f32 = 0.06;

/// Builds a page from Tesseract's TSV: one line per line of words, paragraphs where Tesseract
/// starts one, lines in the top and bottom margins as header and footer, positions and sizes
/// in points (as rendered at [`DPI`]; a page shrunk to [`MAX_SIDE`] reads smaller, which only
/// the relative sizes matter for). A line's font size comes from the height of its box.
fn from_tsv(number: u32, tsv: &str, dpi: f32) -> OcrPage {
    let scale = 72.0 / dpi;
    struct Word {
        key: (u32, u32, u32),
        left: f32,
        right: f32,
        bottom: f32,
        conf: f32,
        text: String,
    }
    let mut words = Vec::new();
    let mut line_height: std::collections::HashMap<(u32, u32, u32), f32> = Default::default();
    let mut page_height = 0.0f32;
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 12 {
            continue;
        }
        let num = |i: usize| cols[i].parse::<f32>().unwrap_or(0.0);
        let key = (num(2) as u32, num(3) as u32, num(4) as u32);
        match cols[0] {
            "1" => page_height = page_height.max(num(9)),
            "4" => {
                line_height.insert(key, num(9));
            }
            "5" if !cols[11].trim().is_empty() => words.push(Word {
                key,
                left: num(6),
                right: num(6) + num(8),
                bottom: num(7) + num(9),
                conf: num(10),
                text: cols[11].trim().to_string(),
            }),
            _ => {}
        }
    }
    let confidence = if words.is_empty() {
        0.0
    } else {
        words.iter().map(|w| w.conf.max(0.0)).sum::<f32>() / words.len() as f32
    };
    let (mut header, mut footer) = (Vec::new(), Vec::new());
    let mut lines: Vec<Line> = Vec::new();
    let mut last_paragraph = None;
    for group in words.chunk_by(|a, b| a.key == b.key) {
        let text = group.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
        let bottom = group.iter().map(|w| w.bottom).fold(0.0, f32::max);
        let height = line_height.get(&group[0].key).copied().unwrap_or(0.0);
        if page_height > 0.0 && bottom < page_height * MARGIN {
            header.push(text);
            continue;
        }
        if page_height > 0.0 && bottom - height > page_height * (1.0 - MARGIN) {
            footer.push(text);
            continue;
        }
        let paragraph = (group[0].key.0, group[0].key.1);
        lines.push(Line {
            text,
            // A line's box runs from ascender to descender: about 1.15 of the font size.
            font_size: (height * scale / 1.15 * 2.0).round() / 2.0,
            bold: false,
            italic: false,
            x: group[0].left * scale,
            x_end: group.iter().map(|w| w.right).fold(0.0, f32::max) * scale,
            y: bottom * scale,
            cells: Vec::new(),
            paragraph_start: last_paragraph != Some(paragraph),
        });
        last_paragraph = Some(paragraph);
    }
    // Tesseract puts a heading in one paragraph with the line after it: a line much larger
    // than the page's usual text stands on its own.
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.font_size).collect();
    sizes.sort_by(f32::total_cmp);
    let usual = sizes.get(sizes.len() / 2).copied().unwrap_or(0.0);
    for i in 0..lines.len() {
        if usual > 0.0 && lines[i].font_size >= usual * HEADING_RATIO {
            lines[i].paragraph_start = true;
            if let Some(next) = lines.get_mut(i + 1) {
                next.paragraph_start = true;
            }
        }
    }
    let mut body = String::new();
    for line in &lines {
        if !body.is_empty() {
            body.push_str(if line.paragraph_start { "\n\n" } else { "\n" });
        }
        body.push_str(&line.text);
    }
    let page = PageText {
        number,
        header: header.join("\n"),
        body,
        footer: footer.join("\n"),
        lines,
        ..PageText::default()
    };
    OcrPage { page, confidence }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_size_comes_from_pdfinfo() {
        let info =
            "Pages:          14\nPage    9 size: 595.28 x 841.89 pts (A4)\nPage    9 rot:  0\n";
        assert_eq!(page_side(info, 9), Some(841.89));
        assert_eq!(page_side("Page size:      20000 x 20000 pts\n", 1), Some(20000.0));
    }

    #[test]
    fn tesseract_tsv_becomes_lines_and_paragraphs() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n\
                   5\t1\t9\t1\t1\t1\t300\t100\t200\t40\t96\tOFFICIAL\n\
                   4\t1\t1\t1\t1\t0\t300\t300\t260\t69\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t300\t300\t200\t40\t96\tFinding\n\
                   5\t1\t1\t1\t1\t2\t520\t300\t40\t40\t94\t1\n\
                   5\t1\t1\t2\t1\t1\t300\t400\t300\t30\t90\tNeglect\n\
                   5\t1\t1\t2\t2\t1\t300\t450\t300\t30\t-1\twas\n";
        let read = from_tsv(3, tsv, DPI);
        assert_eq!(read.page.body, "Finding 1\n\nNeglect\nwas");
        assert_eq!(read.page.number, 3);
        assert!(read.page.lines[0].paragraph_start && !read.page.lines[2].paragraph_start);
        assert!((read.page.lines[0].x - 72.0).abs() < 0.1, "{}", read.page.lines[0].x);
        assert!((read.confidence - 75.2).abs() < 0.1, "the -1 counts as 0: {}", read.confidence);
        assert_eq!(read.page.header, "OFFICIAL", "a line in the top margin is the header");
        assert_eq!(read.page.lines[0].font_size, 14.5, "69 px at 300 dpi");
    }
}
