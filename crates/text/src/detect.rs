//! Encoding detection and the Vietnamese-likeness score.
//!
//! Order: BOMs; BOM-less UTF-16 (NUL-byte pattern); pure ASCII and valid
//! UTF-8 (with a check for TCVN3/VNI text that was turned into UTF-8
//! Latin-1 look-alikes); otherwise the best-scoring of Windows-1258, TCVN3,
//! VNI and lossy UTF-8.

use super::nfc::{nfc_string, vowel};
use super::{convert_legacy_str, decode_as, Encoding};

/// Bytes (or UTF-8 bytes of text) scored per candidate.
const SAMPLE: usize = 256 * 1024;

pub(super) fn detect(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return unmojibake(decode_as(rest, Encoding::Utf8Bom), Encoding::Utf8Bom);
    }
    let utf16 = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(Encoding::Utf16Le)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(Encoding::Utf16Be)
    } else {
        sniff_utf16(bytes)
    };
    if let Some(enc) = utf16 {
        return unmojibake(decode_as(bytes, enc), enc);
    }
    if let Ok(s) = core::str::from_utf8(bytes) {
        if s.is_ascii() {
            return (s.to_owned(), Encoding::Utf8);
        }
        return unmojibake(nfc_string(s.to_owned()), Encoding::Utf8);
    }
    let sample = sample_bytes(bytes);
    let mut best = (i64::MIN, Encoding::Windows1258);
    for enc in [
        Encoding::Windows1258,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Utf8,
    ] {
        let score = vietnamese_score(&decode_as(sample, enc));
        if score > best.0 {
            best = (score, enc);
        }
    }
    (decode_as(bytes, best.1), best.1)
}

/// BOM-less UTF-16: many NULs at odd (LE) or even (BE) offsets only.
fn sniff_utf16(bytes: &[u8]) -> Option<Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, _) in bytes[..n].iter().enumerate().filter(|(_, &b)| b == 0) {
        if i % 2 == 0 {
            even += 1;
        } else {
            odd += 1;
        }
    }
    let pairs = n / 2;
    if odd * 4 >= pairs && even * 8 <= odd {
        Some(Encoding::Utf16Le)
    } else if even * 4 >= pairs && odd * 8 <= even {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// The first [`SAMPLE`] bytes, cut after the last line break if there is one.
fn sample_bytes(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= SAMPLE {
        return bytes;
    }
    let head = &bytes[..SAMPLE];
    match head.iter().rposition(|&b| b == b'\n') {
        Some(i) => &head[..=i],
        None => head,
    }
}

/// The first [`SAMPLE`] bytes of `s`, on a char boundary.
fn sample_str(s: &str) -> &str {
    let mut end = s.len().min(SAMPLE);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Unicode text that is really TCVN3/VNI shown as Latin-1 (a tool converted
/// the legacy glyph codes to UTF-8): convert it if that scores much better.
fn unmojibake(text: String, enc: Encoding) -> (String, Encoding) {
    let mut latin = false;
    for c in text.chars() {
        if ('\u{80}'..='\u{FF}').contains(&c) {
            latin = true;
        } else if c > '\u{FF}' && (vowel(c).is_some() || c == 'đ' || c == 'Đ') {
            return (text, enc); // real Vietnamese letters: not mojibake
        }
    }
    if !latin {
        return (text, enc);
    }
    let sample = sample_str(&text);
    let base = vietnamese_score(sample);
    let mut best = (base.saturating_add(10).max(0), None);
    for cand in [Encoding::Tcvn3, Encoding::Vni] {
        let score = vietnamese_score(&convert_legacy_str(sample, cand));
        if score > best.0 {
            best = (score, Some(cand));
        }
    }
    match best.1 {
        Some(cand) => (convert_legacy_str(&text, cand), cand),
        None => (text, enc),
    }
}

// ---------------------------------------------------------------------- score

/// Letters/symbols that legacy bytes turn into but Vietnamese text rarely
/// has inside words: non-Vietnamese Latin-1 (× ¶ ¾ Õ ä …) and cp1252 extras.
fn is_odd(c: char) -> bool {
    match c {
        '\u{A1}'..='\u{FF}' => vowel(c).is_none(),
        'ƒ' | 'Š' | 'Œ' | 'Ž' | 'š' | 'œ' | 'ž' | 'Ÿ' | 'ˆ' | '˜' | '‰' | '†' | '‡' | '™' => {
            true
        }
        _ => false,
    }
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// How Vietnamese a text looks; higher is better.
///
/// Each word with Vietnamese diacritics scores +5 if it is a well-formed
/// syllable (+6 if frequent), −5 if not; odd characters inside words (× ¶ ¾ Õ)
/// −8 each, stray combining marks −5, control characters and U+FFFD −10.
/// Plain ASCII words score 0.
pub fn vietnamese_score(s: &str) -> i64 {
    let mut score = 0;
    let mut word = Vec::new();
    for c in s.chars() {
        if crate::class::is_alnum(c) || is_odd(c) || is_mark(c) {
            word.push(c);
            continue;
        }
        score += word_score(&word);
        word.clear();
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
            score -= 10;
        }
    }
    score + word_score(&word)
}

fn word_score(w: &[char]) -> i64 {
    let odd = w.iter().filter(|&&c| is_odd(c)).count() as i64;
    let marks = w.iter().filter(|&&c| is_mark(c)).count() as i64;
    if odd + marks > 0 {
        let letters = w.iter().any(|&c| crate::class::is_alpha(c) && !is_odd(c));
        return if letters {
            -8 * odd - 5 * marks
        } else {
            -odd - 5 * marks
        };
    }
    let viet = w
        .iter()
        .any(|&c| !c.is_ascii() && (vowel(c).is_some() || c == 'đ' || c == 'Đ'));
    match (viet, syllable_ok(w)) {
        (false, _) => 0,
        (true, true) if is_common(w) => 6,
        (true, true) => 5,
        (true, false) => -5,
    }
}

/// Frequent syllables with diacritics (tie-breaker for very short texts).
const COMMON: &str = "của và các có là được không những với một người này đã năm để khi đến từ về \
nhiều thì tại cũng vào như việt đó sẽ nhà nước làm phải hơn lại nhưng đi hội bị đều nên mới rất \
đang ông bà chị sự việc số điểm tổng địa chỉ xã huyện tỉnh thị trấn phường quận thành phố thôn ấp \
tổ bản họ tên ngày tháng ghi chú đơn vị lượt quét mã tạo sơn hà nội hồ chí nguyễn trần lê phạm \
hoàng huỳnh võ vũ đặng bùi đỗ ngô dương lý đinh văn đức hữu công quốc hương hải hùng dũng tuấn \
thắng đông tây bắc thượng hạ điện bình hòa hoà phú mỹ tân vĩnh phước thuận lợi cộng chủ nghĩa \
độc lập tự hạnh phúc ủy uỷ nhân dân học lớp trường giáo viên tiền lương đồng chức cấp ký tích \
thoại giới tính nữ mường thủy thuỷ xuân lư mìn lào bến cà châu nẵng cần thơ";

/// Is the (lower-cased) word in [`COMMON`]?
fn is_common(w: &[char]) -> bool {
    let word: String = w.iter().map(|&c| crate::case::lower_char(c)).collect();
    COMMON.split_whitespace().any(|x| x == word)
}

/// Vowel groups of Vietnamese syllables (without tones) that may take a final
/// consonant; those after `|` never do.
const NUCLEI: &str = "a ă â e ê i o ô ơ u ư y iê oa oă oe oo uâ uê uô uơ uy ươ yê uyê \
| ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu oai oao oay oeo uây uôi uya uyu ươi ươu yêu";
/// Vowel groups that need a final consonant.
const CLOSED: &str = "ă â iê yê uô ươ uyê oă uâ";
/// Initial consonants ("qu" and "gi" are handled separately).
const INITIALS: &str = " b c ch d đ g gh h k kh l m n ng ngh nh p ph q r s t th tr v x";
/// Final consonants (k for minority place names such as Đắk Lắk).
const FINALS: &str = " c ch k m n ng nh p t";
/// Row letters of `nfc::VOWELS`.
const ROWS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// Is `w` one well-formed Vietnamese syllable (initial, vowel group with at
/// most one tone, final; sensible case; stop finals only with acute/dot)?
fn syllable_ok(w: &[char]) -> bool {
    let upper = |c: char| crate::class::is_upper(c);
    let uppers = w.iter().filter(|&&c| upper(c)).count();
    let case_ok = uppers == 0 || uppers == w.len() || (uppers == 1 && upper(w[0]));
    if !case_ok || w.is_empty() {
        return false;
    }
    // Split into consonants (lower-case) and vowels.
    let mut init = String::new();
    let mut i = 0;
    while i < w.len() && vowel(w[i]).is_none() {
        match w[i] {
            'đ' | 'Đ' => init.push('đ'),
            c if c.is_ascii_alphabetic() => init.push(c.to_ascii_lowercase()),
            _ => return false,
        }
        i += 1;
    }
    let vowel_at = |i: usize| w.get(i).and_then(|&c| vowel(c));
    let next = vowel_at(i + 1).map(|v| v.row);
    match (init.as_str(), vowel_at(i)) {
        // qu + vowel; gi + vowel (but giêng = g + iêng)
        ("q", Some(v)) if v.row == 9 && v.tone == 0 && next.is_some() => i += 1,
        ("q", _) => return false,
        ("g", Some(v)) if v.row == 5 && next.is_some_and(|r| r != 4) => i += 1,
        _ => {}
    }
    if !INITIALS.split(' ').any(|x| x == init) {
        return false;
    }
    let mut rows = Vec::new();
    let mut tone = (0, 0); // (tone, position in the vowel group)
    while let Some(v) = vowel_at(i) {
        if v.tone != 0 {
            if tone.0 != 0 {
                return false;
            }
            tone = (v.tone, rows.len());
        }
        rows.push(v.row);
        i += 1;
    }
    let nucleus: String = rows.iter().map(|&r| ROWS[usize::from(r)]).collect();
    let mut fin = String::new();
    for &c in &w[i..] {
        match c {
            c if c.is_ascii_alphabetic() && vowel(c).is_none() => fin.push(c.to_ascii_lowercase()),
            _ => return false,
        }
    }
    let (with_final, no_final) = NUCLEI.split_once('|').unwrap_or((NUCLEI, ""));
    let has = |list: &str| list.split_whitespace().any(|x| x == nucleus);
    let nucleus_ok = if fin.is_empty() {
        (has(with_final) || has(no_final)) && !has(CLOSED)
    } else {
        has(with_final)
    };
    let stop = matches!(fin.as_str(), "c" | "ch" | "k" | "p" | "t");
    // -nh/-ch follow a ê i y (anh, ếch, inh, uynh); -ng/-c never follow i y,
    // nor a lone ê (that is -nh/-ch); oo only in -oong/-ooc.
    let last = nucleus.chars().last().unwrap_or('a');
    let final_fits = match fin.as_str() {
        "nh" | "ch" => matches!(last, 'a' | 'ê' | 'i' | 'y'),
        "ng" | "c" => !matches!(last, 'i' | 'y') && !matches!(nucleus.as_str(), "ê" | "uê"),
        _ => nucleus != "oo",
    };
    nucleus_ok
        && final_fits
        && FINALS.split(' ').any(|x| x == fin)
        && (!stop || matches!(tone.0, 2 | 5))
        && (tone.0 == 0 || tone.1 == tone_position(&rows, !fin.is_empty()).unwrap_or(tone.1))
}

/// Where the tone mark belongs in a vowel group (given as rows), or `None`
/// if either of two places is usual (old/new style: hòa/hoà, thủy/thuỷ).
fn tone_position(rows: &[u8], has_final: bool) -> Option<usize> {
    let n = rows.len();
    if let Some(m) = rows
        .iter()
        .rposition(|r| matches!(r, 1 | 2 | 4 | 7 | 8 | 10))
    {
        return Some(m); // ă â ê ô ơ ư carry the tone
    }
    if n <= 1 || has_final {
        return Some(n.saturating_sub(1));
    }
    match rows {
        [6, 0] | [6, 3] | [9, 11] => None, // oa oe uy
        _ if n == 3 => Some(1),
        _ => Some(0),
    }
}
