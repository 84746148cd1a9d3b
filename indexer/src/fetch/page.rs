//! A listing page as fetched: its text in the right charset, and its links made absolute.

use url::Url;

use crate::listing::ListingEntry;

/// The entries with their links resolved against the page's address; links that are not
/// http(s) are left out.
pub(super) fn resolve(entries: Vec<ListingEntry>, page: &Url) -> Vec<ListingEntry> {
    entries
        .into_iter()
        .filter_map(|mut entry| {
            let url = page.join(entry.url.trim()).ok()?;
            if !matches!(url.scheme(), "http" | "https") {
                return None;
            }
            let mut url = url;
            url.set_fragment(None);
            entry.url = url.to_string();
            Some(entry)
        })
        .collect()
}

pub(super) fn last_segment(url: &Url) -> String {
    let segment = url.path_segments().and_then(|mut s| s.next_back()).unwrap_or("");
    percent_encoding::percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

/// The text of an HTML page: in the charset its Content-Type or a `<meta>` names, else UTF-8
/// when it is valid UTF-8, else Windows-1252 (what browsers assume of English pages).
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(&bytes[..bytes.len().min(2048)]))
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    let encoding = match declared {
        Some(encoding) => encoding,
        None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
        None => encoding_rs::WINDOWS_1252,
    };
    encoding.decode(bytes).0.into_owned()
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').find_map(|part| {
        let (name, value) = part.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
    })
}

fn meta_charset(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = text.find("charset=")? + "charset=".len();
    let value: String = text[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_decoded_in_their_charset() {
        let latin1 = b"<html><body><a href=\"a.pdf\">Child \xe9 \x96 review</a></body></html>";
        assert!(decode_html(latin1, None).contains("Child é – review"));
        assert!(decode_html(latin1, Some("text/html; charset=ISO-8859-1")).contains("Child é"));
        let utf8 = "<meta charset=\"utf-8\"><p>Child É</p>";
        assert!(decode_html(utf8.as_bytes(), None).contains("Child É"));
        let meta = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\x93x\x94";
        assert!(decode_html(meta, None).contains("\u{201c}x\u{201d}"));
    }

    #[test]
    fn links_are_resolved_against_the_page() {
        let page = Url::parse("https://board.example/learning/reviews/").unwrap();
        let entry = |url: &str| ListingEntry { url: url.into(), ..ListingEntry::default() };
        let resolved = resolve(
            vec![
                entry("child-a.pdf"),
                entry("/docs/child-b.pdf#page=2"),
                entry("mailto:x@y.z"),
                entry("https://other.example/c.pdf"),
            ],
            &page,
        );
        let urls: Vec<&str> = resolved.iter().map(|e| e.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://board.example/learning/reviews/child-a.pdf",
                "https://board.example/docs/child-b.pdf",
                "https://other.example/c.pdf"
            ]
        );
    }
}
