//! The `cmap` table of embedded TrueType fonts, read backwards (glyph id to character) for
//! CID fonts that come without a `/ToUnicode` map, as "Print to PDF" drivers often write them.

use std::collections::HashMap;

/// Characters mapped at most, so that a hostile table cannot make the map huge.
const MAX_ENTRIES: usize = 1 << 17;

/// Reads a font program's Unicode `cmap` subtable and returns glyph id to character.
///
/// Prefers the Windows Unicode subtables (3,10 then 3,1), then Unicode platform 0, then
/// the Windows symbol subtable (3,0), whose U+F0xx codes are folded back to their low byte.
/// Returns an empty map for anything unreadable.
pub(super) fn glyph_chars(font: &[u8]) -> HashMap<u16, char> {
    let mut out = HashMap::new();
    let Some(cmap) = table(font, b"cmap") else { return out };
    let n = usize::from(u16_at(cmap, 2).unwrap_or(0));
    let mut best: Option<(u8, usize)> = None;
    for i in 0..n.min(64) {
        let rec = 4 + i * 8;
        let (Some(platform), Some(encoding), Some(offset)) =
            (u16_at(cmap, rec), u16_at(cmap, rec + 2), u32_at(cmap, rec + 4))
        else {
            break;
        };
        let rank = match (platform, encoding) {
            (3, 10) => 4,
            (3, 1) => 3,
            (0, _) => 2,
            (3, 0) => 1,
            _ => 0,
        };
        if rank > 0 && best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, offset as usize));
        }
    }
    let Some((rank, offset)) = best else { return out };
    let Some(sub) = cmap.get(offset..) else { return out };
    let mut add = |code: u32, gid: u16| {
        let code =
            if rank == 1 && (0xf000..=0xf0ff).contains(&code) { code - 0xf000 } else { code };
        if gid != 0
            && out.len() < MAX_ENTRIES
            && let Some(c) = char::from_u32(code).filter(|c| !c.is_control())
        {
            out.entry(gid).or_insert(c);
        }
    };
    match u16_at(sub, 0) {
        Some(4) => format4(sub, &mut add),
        Some(12) => format12(sub, &mut add),
        _ => {}
    }
    out
}

/// Walks a format 4 (segment mapping) subtable.
fn format4(sub: &[u8], add: &mut impl FnMut(u32, u16)) {
    let Some(seg_x2) = u16_at(sub, 6).map(usize::from) else { return };
    let ends = 14;
    let starts = ends + seg_x2 + 2;
    let deltas = starts + seg_x2;
    let ranges = deltas + seg_x2;
    for seg in 0..seg_x2 / 2 {
        let (Some(end), Some(start), Some(delta), Some(range)) = (
            u16_at(sub, ends + seg * 2),
            u16_at(sub, starts + seg * 2),
            u16_at(sub, deltas + seg * 2),
            u16_at(sub, ranges + seg * 2),
        ) else {
            return;
        };
        if start > end || start == 0xffff {
            continue;
        }
        for code in start..=end {
            let gid = if range == 0 {
                code.wrapping_add(delta)
            } else {
                let at = ranges + seg * 2 + usize::from(range) + usize::from(code - start) * 2;
                match u16_at(sub, at) {
                    Some(0) | None => continue,
                    Some(g) => g.wrapping_add(delta),
                }
            };
            add(u32::from(code), gid);
        }
    }
}

/// Walks a format 12 (segmented coverage) subtable.
fn format12(sub: &[u8], add: &mut impl FnMut(u32, u16)) {
    let Some(n) = u32_at(sub, 12) else { return };
    let mut budget = MAX_ENTRIES;
    for i in 0..(n as usize).min(MAX_ENTRIES) {
        let rec = 16 + i * 12;
        let (Some(first), Some(last), Some(gid)) =
            (u32_at(sub, rec), u32_at(sub, rec + 4), u32_at(sub, rec + 8))
        else {
            return;
        };
        for code in first..=last.min(first.saturating_add(budget as u32)) {
            let Ok(g) = u16::try_from(gid + (code - first)) else { break };
            add(code, g);
            budget = budget.saturating_sub(1);
        }
        if budget == 0 {
            return;
        }
    }
}

/// Finds a table in a TrueType font's table directory.
fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let n = usize::from(u16_at(font, 4)?);
    (0..n.min(256)).find_map(|i| {
        let rec = 12 + i * 16;
        (font.get(rec..rec + 4)? == tag).then_some(())?;
        let offset = u32_at(font, rec + 8)? as usize;
        let len = u32_at(font, rec + 12)? as usize;
        font.get(offset..offset.checked_add(len)?.min(font.len()))
    })
}

/// Reads a big-endian u16.
fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

/// Reads a big-endian u32.
fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *data.get(at)?,
        *data.get(at + 1)?,
        *data.get(at + 2)?,
        *data.get(at + 3)?,
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a font with only a format 4 cmap mapping 'A'..='C' to glyphs 10..=12.
    fn tiny_font() -> Vec<u8> {
        let mut sub = Vec::new();
        let segs: [(u16, u16, u16); 2] =
            [(0x41, 0x43, 10u16.wrapping_sub(0x41)), (0xffff, 0xffff, 1)];
        for v in [4u16, 0, 0, 4, 0, 0, 0] {
            sub.extend_from_slice(&v.to_be_bytes());
        }
        segs.iter().for_each(|s| sub.extend_from_slice(&s.1.to_be_bytes()));
        sub.extend_from_slice(&[0, 0]);
        segs.iter().for_each(|s| sub.extend_from_slice(&s.0.to_be_bytes()));
        segs.iter().for_each(|s| sub.extend_from_slice(&s.2.to_be_bytes()));
        segs.iter().for_each(|_| sub.extend_from_slice(&[0, 0]));
        let mut cmap = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
        cmap.extend_from_slice(&sub);
        let mut font = vec![0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
        font.extend_from_slice(b"cmap");
        font.extend_from_slice(&[0, 0, 0, 0]);
        font.extend_from_slice(&28u32.to_be_bytes());
        font.extend_from_slice(&(cmap.len() as u32).to_be_bytes());
        font.extend_from_slice(&cmap);
        font
    }

    #[test]
    fn format4_is_inverted() {
        let map = glyph_chars(&tiny_font());
        assert_eq!(map.get(&10), Some(&'A'));
        assert_eq!(map.get(&12), Some(&'C'));
        assert_eq!(map.len(), 3);
    }

    #[test]
    fn junk_gives_an_empty_map() {
        assert!(glyph_chars(b"").is_empty());
        assert!(glyph_chars(&[0xff; 100]).is_empty());
    }
}
