//! Dates on listing pages: reading UK date forms, and telling events and labelled dates apart
//! (the layout reader chooses among them).

use super::tokens;

/// A date with optional month and day (0 means not given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Date {
    pub(super) y: u16,
    pub(super) m: u8,
    pub(super) d: u8,
}

impl Date {
    pub(super) fn iso(self) -> String {
        match (self.m, self.d) {
            (0, _) => format!("{:04}", self.y),
            (m, 0) => format!("{:04}-{m:02}", self.y),
            (m, d) => format!("{:04}-{m:02}-{d:02}", self.y),
        }
    }
}

/// A date found in text, with its byte span.
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) date: Date,
}

pub(super) fn month_of(s: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // Dates on these pages are written with capitals; lower-case "may" is usually the verb.
    if !s.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let l = s.to_ascii_lowercase();
    let pos = MONTHS.iter().position(|m| {
        *m == l || (l.len() == 3 && m.starts_with(&l)) || (l == "sept" && *m == "september")
    });
    pos.and_then(|i| u8::try_from(i + 1).ok())
}

pub(super) fn day_of(s: &str) -> Option<u8> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = s[digits..].to_ascii_lowercase();
    if !(1..=2).contains(&digits) || !matches!(suffix.as_str(), "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    s[..digits].parse().ok().filter(|d| (1..=31).contains(d))
}

pub(super) fn year_of(s: &str, min: u16) -> Option<u16> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (min..=2035).contains(y))
}

pub(super) fn days_in_month(y: u16, m: u8) -> u8 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        _ => 31,
    }
}

pub(super) fn is_digits(s: &str, lens: &[usize]) -> bool {
    lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Finds full dates, month-year dates and (flagged by month 0) lone years in 2000–2035.
pub(super) fn find_dates(text: &str) -> Vec<Found> {
    let toks = tokens(text);
    let sep = |i: usize| -> &str {
        toks.get(i + 1).and_then(|n| text.get(toks[i].end..n.start)).unwrap_or("")
    };
    let spaced = |i: usize| {
        let s = sep(i);
        !s.is_empty() && s.chars().all(|c| matches!(c, ' ' | ',' | '.')) && s.len() <= 3
    };
    let tok = |i: usize| toks.get(i).map_or("", |t| t.s);
    let mut out = Vec::new();
    let mut push = |from: usize, to: usize, y: u16, m: u8, d: u8| {
        let ok = (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)
            || (m == 0 || (1..=12).contains(&m)) && d == 0;
        if ok {
            out.push(Found { start: toks[from].start, end: toks[to].end, date: Date { y, m, d } });
        }
        ok
    };
    let mut i = 0;
    while i < toks.len() {
        let s = tok(i);
        let num = |x: &str| x.parse::<u16>().unwrap_or(0);
        let two_digit_year = |x: &str| if x.len() == 2 { 2000 + num(x) } else { num(x) };
        // Month and day tokens below have at most two digits, so `as u8` cannot truncate.
        let iso = is_digits(s, &[4])
            && sep(i) == "-"
            && is_digits(tok(i + 1), &[2])
            && sep(i + 1) == "-"
            && is_digits(tok(i + 2), &[2]);
        if iso
            && year_of(s, 1945).is_some()
            && push(i, i + 2, num(s), num(tok(i + 1)) as u8, num(tok(i + 2)) as u8)
        {
            i += 3;
            continue;
        }
        if is_digits(s, &[1, 2]) {
            let sp = sep(i);
            if matches!(sp, "/" | "." | "-")
                && is_digits(tok(i + 1), &[1, 2])
                && sep(i + 1) == sp
                && is_digits(tok(i + 2), &[2, 4])
            {
                let y = two_digit_year(tok(i + 2));
                if (1945..=2035).contains(&y) {
                    push(i, i + 2, y, num(tok(i + 1)) as u8, num(s) as u8);
                }
                // A d/m/y shape that is not a valid date is not re-read as a month and year.
                i += 3;
                continue;
            }
            // "BERSB 03/2019", "CYSUR 2/2019": a review's reference number after its board's
            // initials, not a month.
            let reference = i > 0 && is_initials(tok(i - 1));
            let month_year = matches!(sp, "/" | ".")
                && !reference
                && year_of(tok(i + 1), 1945).is_some()
                && !(sep(i + 1) == sp && is_digits(tok(i + 2), &[1, 2, 4]));
            if month_year && push(i, i + 1, num(tok(i + 1)), num(s) as u8, 0) {
                i += 2;
                continue;
            }
        }
        if let Some(d) = day_of(s) {
            let mut j = i + 1;
            if tok(j).eq_ignore_ascii_case("of") && spaced(i) {
                j += 1;
            }
            if let (true, Some(m), true, Some(y)) =
                (spaced(j - 1), month_of(tok(j)), spaced(j), year_of(tok(j + 1), 1945))
            {
                push(i, j + 1, y, m, d);
                i = j + 2;
                continue;
            }
        }
        if let Some(m) = month_of(s) {
            if spaced(i)
                && spaced(i + 1)
                && let (Some(d), Some(y)) = (day_of(tok(i + 1)), year_of(tok(i + 2), 1945))
            {
                push(i, i + 2, y, m, d);
                i += 3;
                continue;
            }
            if let (true, Some(y)) = (spaced(i), year_of(tok(i + 1), 1945)) {
                push(i, i + 1, y, m, 0);
                i += 2;
                continue;
            }
        }
        if let Some(y) = year_of(s, 2000) {
            push(i, i, y, 0, 0);
        }
        i += 1;
    }
    out
}

/// Initials in capitals, as references write them ("BERSB", "APR", "CYSUR").
fn is_initials(s: &str) -> bool {
    (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Tells whether the date at `start` follows a label such as "Date of publication:".
pub(super) fn is_labelled(text: &str, start: usize) -> bool {
    const LABELS: &[&str] = &[
        "date of publication",
        "publication date",
        "published",
        "publication",
        "released",
        "release date",
        "issued",
        "date",
        "posted",
    ];
    let trim = |s: &str| -> String {
        let mut s = s
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '-' | '–' | ',' | '(')
            })
            .to_string();
        for w in [" on", " in"] {
            if let Some(x) = s.strip_suffix(w) {
                s = x.trim_end_matches([' ', ':']).to_string();
            }
        }
        s
    };
    let head = &text[..start];
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let mut before = trim(&head[line_start..].to_lowercase());
    if before.is_empty() && line_start > 0 {
        // The label may sit on the line above, as in `<dt>Published</dt><dd>12 March 2014</dd>`.
        let prev = &head[..line_start - 1];
        before = trim(&prev[prev.rfind('\n').map_or(0, |i| i + 1)..].to_lowercase());
    }
    // "Incident date:" or "Review date:" label a date, but not the publication date.
    const OTHER: &[&str] =
        &["incident", "death", "birth", "meeting", "referral", "notification", "review", "event"];
    let other = before
        .strip_suffix("date")
        .is_some_and(|b| OTHER.iter().any(|o| b.trim_end().ends_with(o)));
    !other && LABELS.iter().any(|l| before.ends_with(l))
}

/// Tells whether the date at `start` is an event in the story ("died in March 2016"), not publication.
pub(super) fn is_event(text: &str, start: usize) -> bool {
    const EVENT: &[&str] = &[
        "in",
        "between",
        "and",
        "since",
        "from",
        "until",
        "till",
        "to",
        "during",
        "after",
        "before",
        "around",
        "circa",
        "late",
        "early",
        "mid",
        "of",
        "on",
        "at",
        "over",
        "throughout",
        "following",
        "by",
        "born",
        "died",
        "updated",
        "modified",
        "reviewed",
        "accessed",
        "amended",
    ];
    let before = text[..start].trim_end_matches(' ');
    let mut word: Vec<char> = before.chars().rev().take_while(|c| c.is_alphabetic()).collect();
    word.reverse();
    let word: String = word.into_iter().collect::<String>().to_lowercase();
    EVENT.contains(&word.as_str())
}

pub(super) fn is_date_line(s: &str) -> bool {
    let lower = s.trim().to_lowercase();
    if ["date of publication", "published", "publication date", "date published", "date:"]
        .iter()
        .any(|l| lower.starts_with(l))
    {
        return true;
    }
    let found: Vec<Found> = find_dates(s).into_iter().filter(|f| f.date.m != 0).collect();
    !found.is_empty()
        && tokens(s)
            .iter()
            .filter(|t| !found.iter().any(|f| t.start >= f.start && t.end <= f.end))
            .count()
            <= 1
}

/// Reads `/2019/12/` style folders, as WordPress and similar CMSs file uploads by month.
pub(super) fn upload_folder_date(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let segs: Vec<&str> = path.split('/').collect();
    segs.windows(3).find_map(|w| {
        let y = year_of(w[0], 2000)?;
        let m: u8 = is_digits(w[1], &[2]).then(|| w[1].parse().ok()).flatten()?;
        (1..=12).contains(&m).then_some(Date { y, m, d: 0 })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_date(text: &str, expected: &str) {
        let found: Vec<String> = find_dates(text).into_iter().map(|f| f.date.iso()).collect();
        assert_eq!(found.join(" "), expected, "dates in {text:?}");
    }

    #[test]
    fn only_publication_labels_make_a_date_labelled() {
        let labelled = |text: &str| {
            let f = find_dates(text);
            f.first().is_some_and(|f| is_labelled(text, f.start))
        };
        assert!(labelled("Date of publication: 12th March 2014"));
        assert!(labelled("Published on 3 May 2019"));
        assert!(labelled("Published\n3 May 2019"));
        assert!(labelled("Date: 03/05/2019"));
        assert!(!labelled("Incident date: 3 May 2019"));
        assert!(!labelled("The review met on 3 May 2019"));
    }

    #[test]
    fn dates_are_read_in_uk_forms() {
        check_date("Date of publication: 12th March 2014", "2014-03-12");
        check_date("Published: 03/2019", "2019-03");
        check_date("(March 2016)", "2016-03");
        check_date(
            "12 March 2014, 1st Sept 2020 and 2nd of June 2019",
            "2014-03-12 2020-09-01 2019-06-02",
        );
        check_date("12/03/2014 and 5.6.19 and 2014-03-12", "2014-03-12 2019-06-05 2014-03-12");
        check_date("Feb 2020, March 12, 2014", "2020-02 2014-03-12");
        check_date("2014 to 2017, 1999, 2040, 1.2MB, may 2014", "2014 2017 2014");
        check_date("31/02/2014 13/2019 29/02/2016", "2019 2016-02-29");
        // A reference number after a board's initials is no date.
        check_date("BERSB 03/2019 Child Practice Review", "2019");
    }
}
