//! Dates for exports, feeds and provenance, from milliseconds since the Unix epoch (UTC).

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// The civil date (year, month 1–12, day 1–31) of a day counted from 1970-01-01.
fn civil(days: i64) -> (i64, u32, u32) {
    // Howard Hinnant's days-to-civil algorithm, on 400-year eras starting 0000-03-01.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `2026-12-01T19:28:01Z`, as Atom and Office documents want.
pub fn rfc3339(ms: u64) -> String {
    let secs = (ms / 1000) as i64;
    let (year, month, day) = civil(secs.div_euclid(86_400));
    let rest = secs.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// `2026-12-01 19:28 UTC`, for the audit trail.
pub fn utc_minute(ms: u64) -> String {
    let full = rfc3339(ms);
    format!("{} {} UTC", &full[..10], &full[11..16])
}

/// `1 December 2026`, as a British reader writes it.
pub fn long_date(ms: u64) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, month, day) = civil((ms / 1000) as i64 / 86_400);
    format!("{day} {} {year}", MONTHS[month as usize - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil_dates_in_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        // 2024-02-29 12:34:56 UTC, a leap day.
        assert_eq!(rfc3339(1_709_210_096_000), "2024-02-29T12:34:56Z");
        assert_eq!(long_date(1_709_210_096_000), "29 February 2024");
        assert_eq!(long_date(1_798_761_600_000), "1 January 2027");
    }
}
