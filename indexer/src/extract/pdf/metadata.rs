//! Document metadata: the `/Info` dictionary, with gaps filled from the XMP packet.

use lopdf::{Document, Object};

use super::PdfInfo;
use super::object::{as_dict, get, stream_bytes, text_string};

/// XMP packets larger than this are not read.
const MAX_XMP_BYTES: usize = 4 << 20;

/// Reads the document information dictionary and the catalog's XMP metadata.
pub(super) fn read(doc: &Document) -> PdfInfo {
    let mut info = PdfInfo::default();
    if let Some(dict) = doc.trailer.get(b"Info").ok().and_then(|o| resolve_dict(doc, o)) {
        let field = |key: &[u8]| {
            get(doc, dict, key)
                .and_then(|o| o.as_str().ok())
                .map(text_string)
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        info.title = field(b"Title");
        info.author = field(b"Author");
        info.subject = field(b"Subject");
        info.keywords = field(b"Keywords");
        info.creator = field(b"Creator");
        info.producer = field(b"Producer");
        info.created = field(b"CreationDate").map(|d| pdf_date(&d));
        info.modified = field(b"ModDate").map(|d| pdf_date(&d));
    }
    let xmp = doc
        .catalog()
        .ok()
        .and_then(|c| get(doc, c, b"Metadata"))
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| stream_bytes(s, MAX_XMP_BYTES));
    if let Some(xml) = xmp {
        let xml = String::from_utf8_lossy(&xml);
        let fill = |slot: &mut Option<String>, names: &[&str]| {
            if slot.is_none() {
                *slot = names.iter().find_map(|n| xmp_value(&xml, n));
            }
        };
        fill(&mut info.title, &["dc:title"]);
        fill(&mut info.author, &["dc:creator"]);
        fill(&mut info.subject, &["dc:description"]);
        fill(&mut info.keywords, &["pdf:Keywords", "dc:subject"]);
        fill(&mut info.creator, &["xmp:CreatorTool"]);
        fill(&mut info.producer, &["pdf:Producer"]);
        fill(&mut info.created, &["xmp:CreateDate"]);
        fill(&mut info.modified, &["xmp:ModifyDate"]);
    }
    info
}

/// Resolves an object to a dictionary.
fn resolve_dict<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a lopdf::Dictionary> {
    doc.dereference(obj).ok().and_then(|(_, o)| as_dict(o))
}

/// Converts a PDF date (`D:20240131120000+01'00'`) to ISO 8601; other text is returned as is.
fn pdf_date(raw: &str) -> String {
    let s = raw.trim().strip_prefix("D:").unwrap_or(raw.trim());
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return raw.trim().to_owned();
    }
    let part = |from: usize, len: usize, default: &str| {
        digits.get(from..from + len).unwrap_or(default).to_owned()
    };
    let mut out = format!(
        "{}-{}-{}T{}:{}:{}",
        part(0, 4, "0000"),
        part(4, 2, "01"),
        part(6, 2, "01"),
        part(8, 2, "00"),
        part(10, 2, "00"),
        part(12, 2, "00")
    );
    let zone: String = s[digits.len()..].chars().filter(|c| *c != '\'').collect();
    match zone.chars().next() {
        Some('Z') => out.push('Z'),
        Some(sign @ ('+' | '-')) => {
            // Two digits of hours and two of minutes; anything else (any bytes at all can
            // follow the date) gives no zone.
            let digits_at = |from: usize| {
                zone.get(from..from + 2).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
            };
            if let (Some(hours), Some(minutes)) = (digits_at(1), digits_at(3)) {
                out.push(sign);
                out.push_str(hours);
                out.push(':');
                out.push_str(minutes);
            }
        }
        _ => {}
    }
    out
}

/// Finds an XMP property, as an element (possibly holding an `rdf:Alt`/`rdf:Seq`/`rdf:Bag`
/// of `rdf:li` items, which are joined with "; ") or as an attribute.
fn xmp_value(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(pos) = xml[from..].find(&open) {
        let start = from + pos + open.len();
        from = start;
        // The tag name must end here, or `dc:title` would match `dc:titles`.
        if !xml[start..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace()) {
            continue;
        }
        let tag_end = start + xml[start..].find('>')?;
        if xml[..tag_end].ends_with('/') {
            continue;
        }
        let close = format!("</{name}>");
        let end = tag_end + xml[tag_end..].find(&close)?;
        let inner = &xml[tag_end + 1..end];
        let items: Vec<String> = if inner.contains("<rdf:li") {
            inner
                .split("<rdf:li")
                .skip(1)
                .filter_map(|li| {
                    let body = &li[li.find('>')? + 1..];
                    Some(unescape(&body[..body.find("</rdf:li>")?]))
                })
                .collect()
        } else {
            vec![unescape(inner)]
        };
        let items: Vec<String> =
            items.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
        if !items.is_empty() {
            return Some(items.join("; "));
        }
    }
    let attr = format!("{name}=\"");
    let pos = xml.find(&attr)? + attr.len();
    let end = pos + xml[pos..].find('"')?;
    Some(unescape(&xml[pos..end])).filter(|s| !s.trim().is_empty())
}

/// Replaces the XML entities that occur in XMP text.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_iso() {
        assert_eq!(pdf_date("D:20240131120500+01'00'"), "2024-01-31T12:05:00+01:00");
        assert_eq!(pdf_date("D:2023"), "2023-01-01T00:00:00");
        assert_eq!(pdf_date("yesterday"), "yesterday");
        // Found by cargo fuzz: bytes after the sign that are not two-digit ASCII give no zone.
        assert_eq!(pdf_date("-0££££400"), "-0££££400");
        assert_eq!(pdf_date("D:20240131-0££££"), "2024-01-31T00:00:00");
    }

    #[test]
    fn xmp_properties_are_found() {
        let xml = r#"<rdf:Description pdf:Producer="Microsoft&#174; Word" xmp:CreateDate="2024-01-01">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Child A &amp; B</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>Jo Bloggs</rdf:li><rdf:li>Sam Smith</rdf:li></rdf:Seq></dc:creator>
            </rdf:Description>"#;
        assert_eq!(xmp_value(xml, "dc:title").as_deref(), Some("Child A & B"));
        assert_eq!(xmp_value(xml, "dc:creator").as_deref(), Some("Jo Bloggs; Sam Smith"));
        assert_eq!(xmp_value(xml, "xmp:CreateDate").as_deref(), Some("2024-01-01"));
        assert_eq!(xmp_value(xml, "pdf:Keywords"), None);
    }
}
