//! The light stemmer that makes variants of a word meet when recommendations are compared.

/// Stems a lower-case word lightly, so that "assessments"/"assessment", "share"/"sharing"/"shared"
/// and "protection"/"protect" meet; it need not produce real words, only the same stem for
/// variants.
pub(super) fn stem(word: &str) -> String {
    if word.chars().any(|c| !c.is_ascii_alphabetic()) {
        return word.to_string();
    }
    let mut w = word.to_string();
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w.pop();
    }
    for (suffix, min_stem) in [("ing", 3), ("ed", 3), ("ation", 4), ("ion", 4), ("ment", 5)] {
        if w.len() >= suffix.len() + min_stem && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    // "referred" and "referring" lose the doubled consonant to meet "refer".
    let bytes = w.as_bytes();
    if w.len() > 3
        && bytes[w.len() - 1] == bytes[w.len() - 2]
        && !b"lsz".contains(&bytes[w.len() - 1])
    {
        w.pop();
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    // "escalate" and "escalating" are left as "escalat": take "at" off to meet "escalation".
    if w.len() >= 6 && w.ends_with("at") {
        w.truncate(w.len() - 2);
    }
    w
}
