//! Which links of a listing page may be reviews.
//!
//! A saved page is read for the PDFs beside it, so only links to `.pdf` files count. A page
//! being fetched may also link its reports through a CMS's download addresses
//! (`/downloads/file/1234/child-u-overview-report`, `/download.aspx?id=77`) or say "PDF" only
//! in the link's text: such links are fetched too, and the fetcher keeps a body only when it
//! starts like a PDF.

use scraper::ElementRef;

use super::percent_decode;

/// The links a listing page is read for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Links {
    /// Links to `.pdf` files only.
    #[default]
    Pdf,
    /// Also links that look like downloads of a document: a path with a `download` segment
    /// or a `file=`/`doc=`/`attachment` query, a `type="application/pdf"` attribute, or a
    /// link whose text or title says PDF; never one to a file of another known kind.
    PdfOrDownload,
}

impl Links {
    /// Whether the link element `a` is taken.
    pub(super) fn takes(self, a: ElementRef<'_>) -> bool {
        let Some(href) = a.attr("href") else { return false };
        match self {
            Links::Pdf => is_pdf_href(href),
            Links::PdfOrDownload => is_pdf_href(href) || is_download(a, href),
        }
    }
}

pub(super) fn is_pdf_href(href: &str) -> bool {
    path_of(href).ends_with(".pdf")
}

/// The lower-cased, percent-decoded path of `href`, without query and fragment.
fn path_of(href: &str) -> String {
    let path = href.trim().split(['?', '#']).next().unwrap_or("");
    percent_decode(path).to_lowercase()
}

/// Extensions of documents that are not PDFs, and of pages and images.
const OTHER_KINDS: &[&str] = &[
    ".doc", ".docx", ".odt", ".rtf", ".txt", ".xls", ".xlsx", ".ods", ".csv", ".ppt", ".pptx",
    ".odp", ".zip", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".mp3", ".mp4", ".html",
    ".htm", ".aspx", ".php", ".xml", ".json", ".ics",
];

fn is_download(a: ElementRef<'_>, href: &str) -> bool {
    let href = href.trim();
    let lower = href.to_lowercase();
    if lower.starts_with('#') || lower.starts_with("mailto:") || lower.starts_with("tel:") {
        return false;
    }
    let path = path_of(href);
    let last = path.rsplit('/').next().unwrap_or("");
    // `download.aspx?id=77` is a download script; `easy-read.docx` a Word file.
    if OTHER_KINDS.iter().any(|ext| last.ends_with(ext)) && !last.starts_with("download") {
        return false;
    }
    if a.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/pdf")) {
        return true;
    }
    let query = lower.split_once('?').map(|(_, q)| q).unwrap_or("");
    let downloads = path.split('/').any(|segment| segment.starts_with("download"))
        || ["file=", "doc=", "document=", "attachment"].iter().any(|k| query.contains(k));
    let text: String = a.text().collect::<String>() + " " + a.attr("title").unwrap_or("");
    let says_pdf = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| word.eq_ignore_ascii_case("pdf"));
    downloads || says_pdf
}

#[cfg(test)]
mod tests {
    use scraper::{Html, Selector};

    use super::*;

    fn taken(html: &str) -> Vec<String> {
        let doc = Html::parse_fragment(html);
        let selector = Selector::parse("a").unwrap();
        doc.select(&selector)
            .filter(|a| Links::PdfOrDownload.takes(*a))
            .map(|a| a.attr("href").unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn download_links_are_taken_when_fetching() {
        let html = r#"
            <a href="/docs/child-a.pdf">Child A</a>
            <a href="/downloads/file/1234/child-u-overview-report">Child U overview report</a>
            <a href="/download.aspx?id=77">Download</a>
            <a href="/documents/s/12345">Read the report (PDF, 2 MB)</a>
            <a href="/documents/s/999" type="application/pdf">Report</a>
            <a href="/about-us">About us</a>
            <a href="/downloads/easy-read.docx">Easy read (Word)</a>
            <a href="/learning/reviews">Reviews (PDF guide below)</a>
            <a href="mailto:pdf@board.example">Email for a PDF</a>
        "#;
        assert_eq!(
            taken(html),
            [
                "/docs/child-a.pdf",
                "/downloads/file/1234/child-u-overview-report",
                "/download.aspx?id=77",
                "/documents/s/12345",
                "/documents/s/999",
                "/learning/reviews",
            ]
        );
        let doc = Html::parse_fragment(html);
        let selector = Selector::parse("a").unwrap();
        let pdf_only: Vec<_> = doc.select(&selector).filter(|a| Links::Pdf.takes(*a)).collect();
        assert_eq!(pdf_only.len(), 1);
    }
}
