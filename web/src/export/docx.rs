//! A pack as a Word document (Office Open XML, `.docx`), written directly.
//!
//! The document has its own styles (title, headings, quotation, citation, note), a contents
//! list that links to each item, each extract as a quotation followed by its citation and a
//! link to the PDF page, the notes, a references list, and page numbers in the footer. Only
//! the parts Word and LibreOffice need are written: content types, relationships, the
//! document, its styles, one footer and the core properties.

use std::io::Write;

use zip::write::SimpleFileOptions;

use super::{Entry, PackDocument, xml_escape as escape};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans" w:cs="Liberation Sans" w:eastAsia="Liberation Sans"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="280" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="2F5496"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="8EAADB"/></w:pBdr><w:ind w:left="397" w:right="397"/></w:pPr><w:rPr><w:color w:val="262626"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Citation"><w:name w:val="Citation"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="397"/><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:color w:val="595959"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/><w:ind w:left="397" w:right="397"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Small"><w:name w:val="Small"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="595959"/><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="1F4E99"/><w:u w:val="single"/></w:rPr></w:style>
</w:styles>"#;

const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">Casebook briefing pack · page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"#;

/// Writes the pack as a `.docx` file.
pub(crate) fn docx(doc: &PackDocument, created_rfc3339: &str) -> std::io::Result<Vec<u8>> {
    let mut body = Body::default();
    body.paragraph("Title", &[Run::text(&doc.title)]);
    for p in &doc.description {
        body.paragraph("Normal", &[Run::text(p)]);
    }
    body.paragraph("Small", &[Run::text(&doc.colophon)]);

    if !doc.entries.is_empty() {
        body.paragraph("Heading1", &[Run::text("Contents")]);
        for (i, entry) in doc.entries.iter().enumerate() {
            let line = format!("{}. {}", i + 1, entry.heading());
            body.paragraph("Normal", &[Run::anchor_link(&line, &entry.anchor(i))]);
        }
    }
    for (i, entry) in doc.entries.iter().enumerate() {
        let anchor = entry.anchor(i);
        match entry {
            Entry::Section { heading, paragraphs } => {
                body.bookmarked("Heading1", heading, &anchor);
                for p in paragraphs {
                    body.paragraph("Normal", &[Run::text(p)]);
                }
            }
            Entry::Extract(e) => {
                body.bookmarked("Heading2", &format!("{}. {}", e.n, e.heading), &anchor);
                for p in &e.paragraphs {
                    body.paragraph("Quote", &[Run::text(p)]);
                }
                let link = body.link(&e.link);
                body.paragraph(
                    "Citation",
                    &[
                        Run::text(&format!("Source: {} [{}]. ", e.citation, e.reference)),
                        Run::link("Open the report at this page", &link),
                    ],
                );
                for (j, p) in e.note.iter().enumerate() {
                    let mut runs = Vec::new();
                    if j == 0 {
                        runs.push(Run::bold("Note: "));
                    }
                    runs.push(Run::text(p));
                    body.paragraph("Note", &runs);
                }
            }
        }
    }
    if !doc.references.is_empty() {
        body.paragraph("Heading1", &[Run::text("References")]);
        for r in &doc.references {
            let link = body.link(&r.link);
            body.paragraph(
                "Normal",
                &[Run::text(&format!("[{}] {} ", r.n, r.text)), Run::link(&r.link, &link)],
            );
        }
    }

    let document = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#,
            "{}",
            r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>"#,
            r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
            r#"<w:pgMar w:top="1304" w:right="1304" w:bottom="1304" w:left="1304" w:header="709" w:footer="709" w:gutter="0"/>"#,
            r#"</w:sectPr></w:body></w:document>"#
        ),
        body.xml
    );
    let mut rels = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
        r#"<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    ));
    for (i, target) in body.links.iter().enumerate() {
        rels.push_str(&format!(
            r#"<Relationship Id="rIdLink{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{}" TargetMode="External"/>"#,
            i + 1,
            escape(target)
        ));
    }
    rels.push_str("</Relationships>");
    let core = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{}</dc:title><dc:creator>Casebook</dc:creator>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created>"#,
            "</cp:coreProperties>"
        ),
        escape(&doc.title),
        created_rfc3339
    );

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &str); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/document.xml", &document),
        ("word/_rels/document.xml.rels", &rels),
        ("word/styles.xml", STYLES),
        ("word/footer1.xml", FOOTER),
        ("docProps/core.xml", &core),
    ];
    for (name, content) in parts {
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(content.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// The document body being written, and the external links it refers to.
#[derive(Default)]
struct Body {
    xml: String,
    links: Vec<String>,
    bookmarks: usize,
}

/// A run of text in a paragraph.
struct Run<'a> {
    text: &'a str,
    bold: bool,
    /// The relationship id of an external link, or `#name` for a bookmark in the document.
    link: Option<String>,
}

impl<'a> Run<'a> {
    fn text(text: &'a str) -> Run<'a> {
        Run { text, bold: false, link: None }
    }

    fn bold(text: &'a str) -> Run<'a> {
        Run { text, bold: true, link: None }
    }

    fn link(text: &'a str, relationship: &str) -> Run<'a> {
        Run { text, bold: false, link: Some(relationship.to_string()) }
    }

    fn anchor_link(text: &'a str, anchor: &str) -> Run<'a> {
        Run { text, bold: false, link: Some(format!("#{anchor}")) }
    }
}

impl Body {
    /// Registers an external link; returns its relationship id.
    fn link(&mut self, target: &str) -> String {
        self.links.push(target.to_string());
        format!("rIdLink{}", self.links.len())
    }

    fn paragraph(&mut self, style: &str, runs: &[Run<'_>]) {
        self.xml.push_str(&format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#));
        self.runs(runs);
        self.xml.push_str("</w:p>");
    }

    /// A paragraph that is the target of a contents link.
    fn bookmarked(&mut self, style: &str, text: &str, anchor: &str) {
        self.bookmarks += 1;
        let id = self.bookmarks;
        self.xml.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:bookmarkStart w:id="{id}" w:name="{anchor}"/>"#
        ));
        self.runs(&[Run::text(text)]);
        self.xml.push_str(&format!(r#"<w:bookmarkEnd w:id="{id}"/></w:p>"#));
    }

    fn runs(&mut self, runs: &[Run<'_>]) {
        for run in runs {
            let mut properties = String::new();
            if run.bold {
                properties.push_str("<w:b/>");
            }
            if run.link.is_some() {
                properties.push_str(r#"<w:rStyle w:val="Hyperlink"/>"#);
            }
            let r = format!(
                r#"<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(run.text)
            );
            match &run.link {
                Some(link) if link.starts_with('#') => self.xml.push_str(&format!(
                    r#"<w:hyperlink w:anchor="{}">{r}</w:hyperlink>"#,
                    escape(&link[1..])
                )),
                Some(link) => {
                    self.xml.push_str(&format!(r#"<w:hyperlink r:id="{link}">{r}</w:hyperlink>"#))
                }
                None => self.xml.push_str(&r),
            }
        }
    }
}
