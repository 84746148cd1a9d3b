//! End-to-end tests of the extractor on PDFs built in code and on corpus files.

use std::path::Path;

use lopdf::{Dictionary, Object, Stream, dictionary};

use super::fixture::{Fixture, font_resources, helvetica};
use super::{PdfError, PdfOptions, PdfText, extract_bytes, extract_file};

/// Extracts a one-page PDF built from a content stream and resources.
fn one_page(content: &str, resources: impl FnOnce(&mut Fixture) -> Dictionary) -> PdfText {
    let mut fx = Fixture::new();
    let res = resources(&mut fx);
    fx.page(content, res);
    extract_bytes(&fx.finish(), &PdfOptions::default()).expect("fixture extracts")
}

/// Asserts that a one-page PDF's full text is `expected` (plus the final newline).
fn check(content: &str, resources: impl FnOnce(&mut Fixture) -> Dictionary, expected: &str) {
    let text = one_page(content, resources);
    assert_eq!(text.pages[0].full_text().trim_end(), expected, "warnings: {:?}", text.warnings);
}

/// Resources with a plain Helvetica (StandardEncoding) as `F1`.
fn plain(fx: &mut Fixture) -> Dictionary {
    font_resources(fx.add(helvetica(None)))
}

#[test]
fn winansi_with_differences_maps_glyph_names() {
    let encoding = dictionary! {
        "Type" => "Encoding",
        "BaseEncoding" => "WinAnsiEncoding",
        "Differences" => vec![65.into(), Object::Name(b"eacute".to_vec()), Object::Name(b"f_i".to_vec()),
            Object::Name(b"uni2019".to_vec()), Object::Name(b"g72".to_vec())],
    };
    check(
        "BT /F1 12 Tf 72 700 Td (ABCD\\222x) Tj ET",
        |fx| font_resources(fx.add(helvetica(Some(encoding.into())))),
        "éfi’H’x",
    );
}

#[test]
fn standard_and_macroman_encodings_differ() {
    check("BT /F1 12 Tf 72 700 Td (it's) Tj ET", plain, "it’s");
    check(
        "BT /F1 12 Tf 72 700 Td (\\322quoted\\323) Tj ET",
        |fx| font_resources(fx.add(helvetica(Some(Object::Name(b"MacRomanEncoding".to_vec()))))),
        "“quoted”",
    );
}

/// A Type0 Identity-H font whose ToUnicode uses a bfrange with an array and a ligature.
fn identity_font(fx: &mut Fixture, w: Vec<Object>, dw: i64) -> Dictionary {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
        1 begincodespacerange <0000> <FFFF> endcodespacerange
        1 beginbfrange <0001> <0003> [<0048> <0069> <00660069>] endbfrange
        1 beginbfchar <0004> <0020> endbfchar
        endcmap end end";
    let to_unicode = fx.add(Stream::new(Dictionary::new(), cmap.to_vec()));
    let descendant = fx.add(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Test",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "W" => w, "DW" => dw,
    });
    let font = fx.add(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Test", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant], "ToUnicode" => to_unicode,
    });
    font_resources(font)
}

#[test]
fn identity_h_with_tounicode_bfrange_array() {
    let w = vec![1.into(), vec![600.into(), 300.into(), 550.into(), 250.into()].into()];
    check(
        "BT /F1 12 Tf 72 700 Td <000100020004000300020003> Tj ET",
        |fx| identity_font(fx, w, 1000),
        "Hi fiifi",
    );
}

#[test]
fn cid_widths_in_range_form_are_used_and_dw_is_not_a_space() {
    // With /DW 2000 a reader that ignored the /W range would see gaps between all glyphs.
    let w = vec![1.into(), 3.into(), 500.into()];
    check(
        "BT /F1 10 Tf 72 700 Td <00010002000300010002> Tj ET",
        |fx| identity_font(fx, w, 2000),
        "HifiHi",
    );
}

#[test]
fn type3_font_uses_its_font_matrix() {
    check(
        "BT /F1 10 Tf 72 700 Td <0102> Tj [<02> -2000 <01>] TJ ET",
        |fx| {
            let proc_ = fx.add(Stream::new(Dictionary::new(), b"50 0 d0".to_vec()));
            let font = fx.add(dictionary! {
                "Type" => "Font", "Subtype" => "Type3",
                "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
                "FontBBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
                "FirstChar" => 1, "LastChar" => 2, "Widths" => vec![50.into(), 50.into()],
                "Encoding" => dictionary! { "Differences" => vec![1.into(), Object::Name(b"H".to_vec()), Object::Name(b"i".to_vec())] },
                "CharProcs" => dictionary! { "H" => proc_.clone(), "i" => proc_ },
                "Resources" => Dictionary::new(),
            });
            font_resources(font)
        },
        "Hii H",
    );
}

#[test]
fn tj_kerning_is_not_a_space_but_wide_offsets_are() {
    check("BT /F1 10 Tf 72 700 Td [(Hel) -20 (lo) -400 (World)] TJ ET", plain, "Hello World");
    check("BT /F1 10 Tf 72 700 Td [(W) 80 (A) 120 (VE)] TJ ET", plain, "WAVE");
}

#[test]
fn character_spacing_and_horizontal_scaling_move_glyphs() {
    check("BT /F1 10 Tf 0.5 Tc 72 700 Td (Hello) Tj ET", plain, "Hello");
    check("BT /F1 10 Tf 3 Tc 72 700 Td (abc) Tj ET", plain, "a b c");
    // Word spacing applies to code 32 only: here it opens the gap at the space.
    check("BT /F1 10 Tf 20 Tw 50 Tz 72 700 Td (two words) Tj ET", plain, "two words");
}

#[test]
fn lines_follow_td_tstar_and_quote_operators() {
    check(
        "BT /F1 10 Tf 14 TL 72 700 Td (first) Tj T* (second) Tj (third) ' 2 0.5 (fourth) \" ET",
        plain,
        "first\nsecond\nthird\nfourth",
    );
}

#[test]
fn rotated_page_and_rotated_text_form_words() {
    let mut fx = Fixture::new();
    fx.page_extra.set("Rotate", 90);
    let res = plain(&mut fx);
    fx.page("BT /F1 12 Tf 72 700 Td (Landscape page text) Tj ET", res.clone());
    fx.page("BT /F1 12 Tf 0 1 -1 0 300 200 Tm (Vertical margin note) Tj ET", res);
    let text = extract_bytes(&fx.finish(), &PdfOptions::default()).expect("extracts");
    assert_eq!(text.pages[0].full_text().trim_end(), "Landscape page text");
    assert_eq!(text.pages[1].full_text().trim_end(), "Vertical margin note");
}

#[test]
fn form_xobjects_run_with_their_matrix_and_cycles_are_cut() {
    let mut fx = Fixture::new();
    let form_id = fx.doc.new_object_id();
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 500.into(), 500.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-100).into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "X1" => form_id } },
        },
        b"BT /F1 10 Tf 72 700 Td (Inside the form) Tj ET /X1 Do".to_vec(),
    );
    fx.doc.objects.insert(form_id, form.into());
    let font = fx.add(helvetica(None));
    let res = dictionary! {
        "Font" => dictionary! { "F1" => font },
        "XObject" => dictionary! { "X1" => form_id },
    };
    fx.page("BT /F1 10 Tf 72 700 Td (Page text) Tj ET /X1 Do", res);
    let text = extract_bytes(&fx.finish(), &PdfOptions::default()).expect("extracts");
    // The form falls back to the page's fonts, runs once, and its own `Do` of itself is cut.
    assert_eq!(text.pages[0].full_text().trim_end(), "Page text\n\nInside the form");
    assert!(text.warnings.iter().any(|w| w.contains("cycle")), "{:?}", text.warnings);
}

#[test]
fn actual_text_replaces_the_glyphs_it_covers() {
    check(
        "BT /F1 10 Tf 72 700 Td (Dis) Tj /Span <</ActualText (cover)>> BDC (XY) Tj EMC (ed) Tj ET",
        plain,
        "Discovered",
    );
}

#[test]
fn fake_bold_overprint_is_dropped() {
    check(
        "BT /F1 10 Tf 72 700 Td (Bold) Tj ET BT /F1 10 Tf 72.3 700 Td (Bold) Tj ET BT /F1 10 Tf 100 700 Td (text) Tj ET",
        plain,
        "Bold text",
    );
}

#[test]
fn running_headers_footers_and_labels_are_recognised() {
    let mut fx = Fixture::new();
    let res = plain(&mut fx);
    for n in 1..=4 {
        let content = format!(
            "BT /F1 9 Tf 72 810 Td (Serious Case Review Child Q) Tj ET \
             BT /F1 11 Tf 72 700 Td (Body of page {n} about the family.) Tj ET \
             BT /F1 9 Tf 280 30 Td (Page {} of 4) Tj ET",
            n + 1
        );
        fx.page(&content, res.clone());
    }
    let text = extract_bytes(&fx.finish(), &PdfOptions::default()).expect("extracts");
    let page = &text.pages[2];
    assert_eq!(page.number, 3);
    assert_eq!(page.header, "Serious Case Review Child Q");
    assert_eq!(page.body, "Body of page 3 about the family.");
    assert_eq!(page.footer, "Page 4 of 4");
    assert_eq!(page.label.as_deref(), Some("4"));
    assert_eq!(
        page.full_text(),
        "Serious Case Review Child Q\nBody of page 3 about the family.\nPage 4 of 4\n"
    );
    assert_eq!(page.lines.len(), 1);
    assert!((page.lines[0].font_size - 11.0).abs() < 0.01);
}

#[test]
fn image_only_pdf_is_no_text_layer() {
    let mut fx = Fixture::new();
    let image = fx.add(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
        vec![0],
    ));
    fx.page(
        "q 100 0 0 100 0 0 cm /Im0 Do Q",
        dictionary! { "XObject" => dictionary! { "Im0" => image } },
    );
    let result = extract_bytes(&fx.finish(), &PdfOptions::default());
    assert!(matches!(result, Err(PdfError::NoTextLayer)), "{result:?}");
}

#[test]
fn garbage_is_malformed_not_a_panic() {
    for bytes in
        [&b""[..], b"%PDF-1.4\n1 0 obj << /Type /Catalog", b"not a pdf at all", &[0xff; 64]]
    {
        let result = extract_bytes(bytes, &PdfOptions::default());
        assert!(matches!(result, Err(PdfError::Malformed(_))), "{result:?}");
    }
}

#[test]
fn info_dictionary_is_read() {
    let mut fx = Fixture::new();
    let res = plain(&mut fx);
    fx.page("BT /F1 10 Tf 72 700 Td (Text) Tj ET", res);
    let info = fx.add(dictionary! {
        "Title" => Object::string_literal("Review of Child R"),
        "Producer" => Object::string_literal("Microsoft Word"),
        "CreationDate" => Object::string_literal("D:20230405101500Z"),
    });
    fx.doc.trailer.set("Info", info);
    let text = extract_bytes(&fx.finish(), &PdfOptions::default()).expect("extracts");
    assert_eq!(text.info.title.as_deref(), Some("Review of Child R"));
    assert_eq!(text.info.producer.as_deref(), Some("Microsoft Word"));
    assert_eq!(text.info.created.as_deref(), Some("2023-04-05T10:15:00Z"));
}

/// Returns a corpus file's path, or `None` (with a note) when the corpus is not on this machine.
fn corpus(rel: &str) -> Option<std::path::PathBuf> {
    // `../shared/` sits beside the repository, on developers' machines and in CI.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/pdf-corpus").join(rel);
    if path.exists() {
        Some(path)
    } else {
        println!("skipping: {} is missing", path.display());
        None
    }
}

#[test]
fn corpus_word_report_extracts_every_page() {
    let Some(path) = corpus(
        "domain/csc-map-of-the-world__data_published__Children_missing_education_guidance_-_August_2024.pdf",
    ) else {
        return;
    };
    let text = extract_file(&path, &PdfOptions::default()).expect("extracts");
    assert_eq!(text.pages.len(), 32);
    assert!(text.pages[3].full_text().contains("local authorities"));
    assert!(text.pages.iter().skip(1).filter(|p| p.label.is_some()).count() > 20);
}

#[test]
fn corpus_encrypted_files_open_or_ask_for_a_password() {
    if let Some(path) = corpus("hostile/derived__siMPle_aes256_userpw.pdf") {
        assert!(matches!(
            extract_file(&path, &PdfOptions::default()),
            Err(PdfError::NeedsPassword)
        ));
    }
    if let Some(path) = corpus("hostile/derived__siMPle_aes128.pdf") {
        let text = extract_file(&path, &PdfOptions::default()).expect("empty user password opens");
        assert!(!text.pages.is_empty());
    }
}

#[test]
fn corpus_hostile_files_never_panic() {
    let Some(dir) = corpus("hostile") else { return };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let opts =
        PdfOptions { time_limit: std::time::Duration::from_secs(2), ..PdfOptions::default() };
    for entry in entries.flatten().take(60) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "pdf")
            && entry.metadata().is_ok_and(|m| m.len() < 2 << 20)
        {
            // Any result is fine; the test is that it returns.
            let _ = extract_file(&path, &opts);
        }
    }
}

#[test]
fn an_exhausted_time_limit_is_reported() {
    let mut fx = Fixture::new();
    let res = plain(&mut fx);
    fx.page("BT /F1 10 Tf 72 700 Td (Text) Tj ET", res);
    let opts = PdfOptions { time_limit: std::time::Duration::ZERO, ..PdfOptions::default() };
    assert!(matches!(extract_bytes(&fx.finish(), &opts), Err(PdfError::TimedOut)));
}

#[test]
fn a_page_with_a_few_words_and_an_image_is_flagged_but_kept() {
    let mut fx = Fixture::new();
    let image = fx.add(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
        vec![0],
    ));
    let font = fx.add(helvetica(None));
    let res = dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => dictionary! { "Im0" => image } };
    fx.page("BT /F1 10 Tf 72 700 Td (A page with enough text on it to count.) Tj ET", res.clone());
    fx.page("q 500 0 0 700 0 0 cm /Im0 Do Q BT /F1 10 Tf 72 30 Td (12) Tj ET", res);
    let text = extract_bytes(&fx.finish(), &PdfOptions::default()).expect("extracts");
    assert!(!text.pages[0].no_text_layer);
    assert!(text.pages[1].no_text_layer);
}

#[test]
fn random_content_streams_never_panic() {
    const TOKENS: &[&str] = &[
        "BT",
        "ET",
        "q",
        "Q",
        "/F1",
        "/X1",
        "12",
        "-3.5",
        "1e9",
        "0",
        "Tf",
        "Td",
        "TD",
        "Tm",
        "T*",
        "Tj",
        "TJ",
        "'",
        "\"",
        "Tc",
        "Tw",
        "Tz",
        "TL",
        "Ts",
        "cm",
        "Do",
        "BDC",
        "BMC",
        "EMC",
        "(text)",
        "<0041>",
        "[",
        "]",
        "<<",
        ">>",
        "/ActualText",
        "(",
        ")",
        "BI",
        "ID",
        "EI",
        "%",
        "\n",
        "{",
        "}",
        "/Span",
        "[(a) -500 (b)]",
        "0 1 -1 0 0 0",
        "99999999999999999999",
        "/F1 12 Tf",
        "(text) Tj",
        "[(ab) -300 (cd)] TJ",
        "BT /F1 9 Tf (x) Tj",
        "0 -14 Td",
    ];
    let mut fx = Fixture::new();
    let font = fx.add(helvetica(None));
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..40 {
        let mut content = String::new();
        for _ in 0..300 {
            // A xorshift generator keeps the test deterministic without a dependency.
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            content.push_str(TOKENS[(seed % TOKENS.len() as u64) as usize]);
            content.push(' ');
        }
        let res = dictionary! { "Font" => dictionary! { "F1" => font.clone() } };
        fx.page(&content, res);
    }
    let text = extract_bytes(&fx.finish(), &PdfOptions::default()).expect("some page shows text");
    assert!(!text.warnings.iter().any(|w| w.contains("panicked")), "{:?}", text.warnings);
    let n_with_text = text.pages.iter().filter(|p| !p.full_text().is_empty()).count();
    assert!(n_with_text > 5, "{n_with_text}");
}

#[test]
fn xmp_metadata_fills_gaps_in_the_info_dictionary() {
    let mut fx = Fixture::new();
    let res = plain(&mut fx);
    fx.page("BT /F1 10 Tf 72 700 Td (Text) Tj ET", res);
    let xmp = br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="LibreOffice 7.5">
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Rapid Review</rdf:li></rdf:Alt></dc:title>
        <xmp:CreateDate>2024-02-01T09:00:00Z</xmp:CreateDate>
        </rdf:Description></rdf:RDF></x:xmpmeta>"#;
    let meta =
        fx.add(Stream::new(dictionary! { "Type" => "Metadata", "Subtype" => "XML" }, xmp.to_vec()));
    fx.catalog_extra.set("Metadata", meta);
    let info = fx.add(dictionary! { "Author" => Object::string_literal("Panel") });
    fx.doc.trailer.set("Info", info);
    let text = extract_bytes(&fx.finish(), &PdfOptions::default()).expect("extracts");
    assert_eq!(text.info.author.as_deref(), Some("Panel"));
    assert_eq!(text.info.title.as_deref(), Some("Rapid Review"));
    assert_eq!(text.info.producer.as_deref(), Some("LibreOffice 7.5"));
    assert_eq!(text.info.created.as_deref(), Some("2024-02-01T09:00:00Z"));
}
