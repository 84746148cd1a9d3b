//! Ages written out in text ("a 14-year-old girl", "aged seventy-eight", "a seven-week-old
//! baby") as evidence of the taxonomy's age groups.

use super::token::Token;

/// Ages in years that place a person in a vulnerability group, and the entry they are evidence
/// for: reviews state the subject's age ("the death of a 78-year-old man", "a 14-year-old
/// girl") far more often than they say "older person" or "adolescent".
pub(super) const AGE_GROUPS: &[(u32, u32, &str)] =
    &[(10, 17, "adolescents"), (65, 120, "older_age_frailty")];
/// The entry for an age in days, weeks or months under a year ("a seven-week-old baby").
pub(super) const INFANT_AGE_GROUP: &str = "babies_under_one";

/// An age written out: the age group it places someone in and its tokens (`start..end`).
pub(super) struct Age {
    pub(super) entry: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Returns the entries evidenced by ages written in `tokens`, one item per age: an age group
/// of `age_groups` (years from, to, entry) or the `infant_group`.
///
/// Two shapes are read: "<n> year(s) old" ("a 14-year-old", "fourteen years old") and
/// "aged <n>" ("aged 82", "aged seventy-eight"); `n` in digits or words. An age in days,
/// weeks or months ("a seven-week-old baby", "four months old") is a baby under one unless it
/// reaches twelve months.
pub(super) fn ages(
    tokens: &[Token],
    age_groups: &[(u32, u32, usize)],
    infant_group: Option<usize>,
) -> Vec<Age> {
    let mut out = Vec::new();
    for (idx, tok) in tokens.iter().enumerate() {
        let (years, months, start, end) = match tok.stem.as_str() {
            // "<n> year old", "<n> month old": the number ends just before `idx`.
            "old" if idx >= 2 => {
                let Some((n, start)) = number_before(tokens, idx - 1) else { continue };
                match tokens[idx - 1].stem.as_str() {
                    "year" => (Some(n), None, start, idx + 1),
                    "month" => (None, Some(n), start, idx + 1),
                    "week" | "day" => (None, Some(0), start, idx + 1),
                    _ => continue,
                }
            }
            "aged" => match number_after(tokens, idx + 1) {
                // "aged three months" is an infant; "aged 14" (or "aged 14 years") is years.
                Some((n, next)) => match tokens.get(next).map(|t| t.stem.as_str()) {
                    Some("month") => (None, Some(n), idx, next + 1),
                    Some("week" | "day") => (None, Some(0), idx, next + 1),
                    _ => (Some(n), None, idx, next),
                },
                None => continue,
            },
            _ => continue,
        };
        if let Some(years) = years {
            out.extend(
                age_groups
                    .iter()
                    .filter(|&&(from, to, _)| (from..=to).contains(&years))
                    .map(|&(_, _, entry)| Age { entry, start, end }),
            );
        }
        if months.is_some_and(|m| m < 12) {
            out.extend(infant_group.map(|entry| Age { entry, start, end }));
        }
    }
    out
}

/// Returns the value of a number word below a hundred ("fourteen", "seventy").
fn number_word(word: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] =
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(n) = UNITS.iter().position(|&u| u == word) {
        return u32::try_from(n).ok();
    }
    TENS.iter().position(|&t| t == word).and_then(|n| u32::try_from(n * 10 + 20).ok())
}

/// Returns the value of a one-token number (digits or a word).
///
/// Words are read from the raw form: the stem of "three" is "thre".
fn number_token(token: &Token) -> Option<u32> {
    token.raw.parse().ok().or_else(|| number_word(&token.raw.to_lowercase()))
}

/// Returns the number that ends just before token `end` ("14", "fourteen", "seventy eight")
/// and the position of its first token.
fn number_before(tokens: &[Token], end: usize) -> Option<(u32, usize)> {
    let last = end.checked_sub(1)?;
    let n = number_token(&tokens[last])?;
    // "seventy-eight": a unit after a tens word.
    match last.checked_sub(1).and_then(|prev| Some((prev, number_token(&tokens[prev])?))) {
        Some((prev, tens)) if n < 10 && tens >= 20 && tens % 10 == 0 => Some((tens + n, prev)),
        _ => Some((n, last)),
    }
}

/// Returns the number that starts at token `first` and the position after it.
fn number_after(tokens: &[Token], first: usize) -> Option<(u32, usize)> {
    let n = number_token(tokens.get(first)?)?;
    match tokens.get(first + 1).and_then(number_token) {
        Some(unit) if n >= 20 && n % 10 == 0 && unit < 10 => Some((n + unit, first + 2)),
        _ => Some((n, first + 1)),
    }
}
