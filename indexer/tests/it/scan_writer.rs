//! Test material for OCR: a PDF "printed and scanned". Each page is rendered to a JPEG by
//! pdftoppm and the JPEGs are wrapped, each drawn as it would lie on a scanner's glass, into
//! an image-only PDF. Shared by the tests and `benches/ocr.rs`.

#![allow(dead_code, unreachable_pub)]

use std::path::Path;
use std::process::Command;

/// How a page is scanned.
#[derive(Clone, Copy)]
pub(crate) struct Scan {
    pub(crate) dpi: u32,
    /// JPEG quality, 1 to 100.
    pub(crate) quality: u32,
    /// Degrees the page lies turned on the scanner's glass.
    pub(crate) turn: f32,
    /// Only the first pages, when given.
    pub(crate) pages: Option<u32>,
    /// Each page's image cut to this many pixels square, from its top left, when given.
    pub(crate) crop: Option<u32>,
}

impl Scan {
    /// A clean 300 dpi scan of every page.
    pub(crate) fn clean() -> Scan {
        Scan { dpi: 300, quality: 85, turn: 0.0, pages: None, crop: None }
    }
}

/// Spoils the middle of the first image of a scan written by [`scan_pdf`], keeping its length
/// (and so the file's structure): a corrupt image, as a bad scanner or disk leaves it.
pub(crate) fn spoil_first_image(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let at = bytes.windows(10).position(|w| w == b"/DCTDecode").unwrap();
    let start = at + bytes[at..].windows(7).position(|w| w == b"stream\n").unwrap() + 7;
    for b in &mut bytes[start + 600..start + 20_000] {
        *b = 0x5a;
    }
    std::fs::write(path, bytes).unwrap();
}

/// Writes a one-page PDF whose page is `side` × `side` points, all of it one scanned page of
/// `source` stretched to fit: a page far larger than any paper.
pub(crate) fn huge_page(source: &Path, target: &Path, side: u32) {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("pdftoppm")
        .args(["-r", "100", "-gray", "-jpeg", "-singlefile", "-l", "1"])
        .arg(source)
        .arg(dir.path().join("p"))
        .status()
        .unwrap();
    assert!(status.success());
    let jpeg = std::fs::read(dir.path().join("p.jpg")).unwrap();
    let (w, h, _) = jpeg_size(&jpeg);
    let content = format!("q {side} 0 0 {side} 0 0 cm /Im0 Do Q");
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {side} {side}] /Contents 4 0 R \
             /Resources << /XObject << /Im0 5 0 R >> >> >>"
        )
        .into_bytes(),
        [
            format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(),
            content.as_bytes(),
            b"\nendstream",
        ]
        .concat(),
        [
            format!(
                "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray \
                 /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
                jpeg.len()
            )
            .as_bytes(),
            &jpeg,
            b"\nendstream",
        ]
        .concat(),
    ];
    std::fs::write(target, write_objects(&objects)).unwrap();
}

/// A PDF file of numbered objects (1 is the catalog), with its cross-reference table.
fn write_objects(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// Writes an image-only PDF of the pages of `source`, scanned as `scan` says.
pub(crate) fn scan_pdf(source: &Path, target: &Path, scan: Scan) {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("pdftoppm")
        .args(["-r", &scan.dpi.to_string(), "-gray", "-jpeg"])
        .args(["-jpegopt", &format!("quality={}", scan.quality)])
        .args(scan.pages.map(|n| vec!["-l".to_string(), n.to_string()]).unwrap_or_default())
        .args(
            scan.crop
                .map(|side| {
                    vec!["-W".to_string(), side.to_string(), "-H".to_string(), side.to_string()]
                })
                .unwrap_or_default(),
        )
        .arg(source)
        .arg(dir.path().join("p"))
        .status()
        .expect("pdftoppm runs (poppler-utils)");
    assert!(status.success());
    let mut images: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    images.sort();
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let n = images.len();
    // 1: catalog, 2: pages, then per page: page, content, image.
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + 3 * i)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    for (i, image) in images.iter().enumerate() {
        let jpeg = std::fs::read(image).unwrap();
        let (w, h, components) = jpeg_size(&jpeg);
        let colours = if components == 1 { "/DeviceGray" } else { "/DeviceRGB" };
        let (pw, ph) = (w as f32 * 72.0 / scan.dpi as f32, h as f32 * 72.0 / scan.dpi as f32);
        // The image drawn turned about the page's centre, on a page as large as the turned
        // image (a page turned 90° is a landscape scan).
        let (sin, cos) = scan.turn.to_radians().sin_cos();
        let bw = (pw * cos).abs() + (ph * sin).abs();
        let bh = (pw * sin).abs() + (ph * cos).abs();
        let (cx, cy) = (bw / 2.0, bh / 2.0);
        let content = format!(
            "q 1 0 0 1 {cx} {cy} cm {cos} {sin} {} {cos} 0 0 cm {pw} 0 0 {ph} {} {} cm /Im0 Do Q",
            -sin,
            -pw / 2.0,
            -ph / 2.0
        );
        let (page, stream, img) = (3 + 3 * i, 4 + 3 * i, 5 + 3 * i);
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {bw} {bh}] /Contents {stream} 0 R \
                 /Resources << /XObject << /Im0 {img} 0 R >> >> >>"
            )
            .into_bytes(),
        );
        let _ = page;
        let mut s = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        s.extend(content.as_bytes());
        s.extend(b"\nendstream");
        objects.push(s);
        let mut s = format!(
            "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace {colours} \
             /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
            jpeg.len()
        )
        .into_bytes();
        s.extend(&jpeg);
        s.extend(b"\nendstream");
        objects.push(s);
    }
    std::fs::write(target, write_objects(&objects)).unwrap();
}

/// Width, height and number of colour components of a JPEG, from its start-of-frame segment.
fn jpeg_size(jpeg: &[u8]) -> (u32, u32, u8) {
    let mut i = 2;
    while i + 9 < jpeg.len() {
        let marker = jpeg[i + 1];
        let len = u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]) as usize;
        if (0xc0..=0xc3).contains(&marker) {
            let h = u16::from_be_bytes([jpeg[i + 5], jpeg[i + 6]]) as u32;
            let w = u16::from_be_bytes([jpeg[i + 7], jpeg[i + 8]]) as u32;
            return (w, h, jpeg[i + 9]);
        }
        i += 2 + len;
    }
    panic!("no frame in the JPEG")
}
