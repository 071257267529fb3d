//! Column roles, recognised from header words.
//!
//! Headers vary ("Thị trấn/xã", "Xã/thị trấn", "Tên đơn vị"; "Tổng số địa
//! điểm tạo mã QR", "Số điểm QR"; often without diacritics). Matching works on
//! the folded text (lower case, no diacritics) and on whole words, so the
//! order of columns and their spelling do not matter.

use crate::model::Indicator;
use crate::text::fold;

pub use crate::source::Role;

fn words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !crate::text::class::is_alnum(c))
        .filter(|w| !w.is_empty())
        .collect()
}

fn has_seq(words: &[&str], seq: &[&str]) -> bool {
    words.windows(seq.len()).any(|w| w == seq)
}

/// The role a header cell names, if any.
pub fn role_of(header: &str) -> Option<Role> {
    let f = fold(header);
    let w = words(&f);
    if w.is_empty() {
        return None;
    }
    let any = |seqs: &[&[&str]]| seqs.iter().any(|s| has_seq(&w, s));
    if any(&[&["ty", "le"], &["rate"], &["percent"]]) || f.contains('%') {
        return Some(Role::Rate);
    }
    if any(&[
        &["cai"],
        &["pc", "covid"],
        &["pccovid"],
        &["bluezone"],
        &["install"],
        &["installs"],
    ]) {
        return Some(Role::Count(Indicator::Installs));
    }
    if any(&[
        &["smartphone"],
        &["smartphones"],
        &["thong", "minh"],
        &["phones"],
        &["phone"],
    ]) {
        return Some(Role::Count(Indicator::Smartphones));
    }
    if any(&[&["luot"], &["scan"], &["scans"], &["quet"]]) && !any(&[&["dia", "diem"]]) {
        return Some(Role::Count(Indicator::Scans));
    }
    if any(&[&["luot", "quet"]]) {
        return Some(Role::Count(Indicator::Scans));
    }
    if any(&[
        &["dia", "diem"],
        &["diem", "qr"],
        &["location"],
        &["locations"],
        &["ma", "qr"],
    ]) {
        return Some(Role::Count(Indicator::Locations));
    }
    if any(&[
        &["dan", "so"],
        &["so", "dan"],
        &["nhan", "khau"],
        &["population"],
    ]) {
        return Some(Role::Count(Indicator::Population));
    }
    if any(&[
        &["ngay"],
        &["date"],
        &["thoi", "gian"],
        &["ky", "bao", "cao"],
    ]) {
        return Some(Role::Date);
    }
    if any(&[&["stt"], &["tt"], &["so", "tt"], &["thu", "tu"], &["no"]]) && w.len() <= 4 {
        return Some(Role::Serial);
    }
    let unit_words = any(&[
        &["xa"],
        &["phuong"],
        &["thi", "tran"],
        &["don", "vi"],
        &["commune"],
        &["communes"],
        &["unit"],
        &["ward"],
    ]);
    let district_words = any(&[
        &["huyen"],
        &["quan"],
        &["thi", "xa"],
        &["district"],
        &["cap", "huyen"],
    ]);
    // "Cơ quan" (an agency) is a unit, not a "quận".
    let agency = any(&[&["co", "quan"]]);
    // "Thị trấn/xã" names communes; "Quận/huyện", "Huyện" name districts;
    // "Đơn vị cấp huyện" is a district column.
    if district_words && !agency && !any(&[&["thi", "tran"], &["phuong"], &["commune"]]) {
        let only_thi_xa = has_seq(&w, &["thi", "xa"])
            && !any(&[&["huyen"], &["quan"], &["district"]])
            && w.iter().filter(|x| **x == "xa").count() > 1;
        if !only_thi_xa {
            return Some(Role::District);
        }
    }
    if unit_words || agency {
        return Some(Role::Unit);
    }
    None
}

/// Roles for a header row. Each role goes to the first column that names
/// it; later columns naming the same role are left unassigned (kept as extra
/// columns).
pub fn map_header(cells: &[String]) -> Vec<Option<Role>> {
    let mut seen: Vec<Role> = Vec::new();
    cells
        .iter()
        .map(|c| {
            let r = role_of(c)?;
            if seen.contains(&r) {
                None
            } else {
                seen.push(r);
                Some(r)
            }
        })
        .collect()
}

/// A mapping is usable when it has a unit column and at least one count.
pub fn is_usable(roles: &[Option<Role>]) -> bool {
    roles.contains(&Some(Role::Unit)) && roles.iter().any(|r| matches!(r, Some(Role::Count(_))))
}

/// A key that identifies a header layout, to remember the user's column
/// mapping for the next file with the same header.
pub fn signature(cells: &[String]) -> String {
    cells.iter().map(|c| fold(c)).collect::<Vec<_>>().join("|")
}

/// A column mapping as the browser stores it: a JSON list of role ids,
/// `null` for a column left out (`["unit",null,"scans"]`).
pub fn mapping_to_json(mapping: &[Option<Role>]) -> String {
    let ids: Vec<Option<&str>> = mapping.iter().map(|r| r.map(Role::id)).collect();
    crate::json::ToJson::to_json_text(&ids)
}

/// A stored column mapping read back: the JSON list of [`mapping_to_json`],
/// or the older form, ids joined by commas (`"unit,,scans"`). An id this
/// version does not know is a column left out.
pub fn mapping_from_stored(s: &str) -> Vec<Option<Role>> {
    match crate::json::parse::<Vec<Option<String>>>(s) {
        Ok(ids) => ids
            .into_iter()
            .map(|id| id.as_deref().and_then(Role::from_id))
            .collect(),
        Err(_) => s.split(',').map(Role::from_id).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Indicator::*;

    #[test]
    fn stored_mappings_read_back_in_both_forms() {
        let m = vec![Some(Role::Unit), None, Some(Role::Count(Scans))];
        let json = mapping_to_json(&m);
        assert_eq!(json, r#"["unit",null,"scans"]"#);
        assert_eq!(mapping_from_stored(&json), m);
        assert_eq!(mapping_from_stored("unit,,scans"), m);
        assert_eq!(
            mapping_from_stored(r#"["unit","no-such-role"]"#),
            [Some(Role::Unit), None]
        );
    }

    #[test]
    fn recognises_the_seed_header() {
        let h: Vec<String> = [
            "STT",
            "Huyện",
            "Thị trấn/xã",
            "Tổng số địa điểm tạo mã QR",
            "Tổng lượt quét QR",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            map_header(&h),
            vec![
                Some(Role::Serial),
                Some(Role::District),
                Some(Role::Unit),
                Some(Role::Count(Locations)),
                Some(Role::Count(Scans)),
            ]
        );
    }

    #[test]
    fn recognises_header_variants() {
        let cases: &[(&str, Role)] = &[
            ("Xã/thị trấn", Role::Unit),
            ("Đơn vị", Role::Unit),
            ("TEN DON VI", Role::Unit),
            ("Xã, phường, thị trấn", Role::Unit),
            ("Số địa điểm", Role::Count(Locations)),
            ("Số điểm QR", Role::Count(Locations)),
            ("So dia diem tao ma QR", Role::Count(Locations)),
            ("Lượt quét", Role::Count(Scans)),
            ("Số lượt quét", Role::Count(Scans)),
            ("Số smartphone", Role::Count(Smartphones)),
            ("Số điện thoại thông minh", Role::Count(Smartphones)),
            ("Số máy cài PC-Covid", Role::Count(Installs)),
            ("Đã cài đặt", Role::Count(Installs)),
            ("Ngày", Role::Date),
            ("Ngày báo cáo", Role::Date),
            ("Quận/huyện", Role::District),
            ("HUYEN", Role::District),
            ("Dân số", Role::Count(Population)),
            ("Tỷ lệ cài đặt (%)", Role::Rate),
            ("Số TT", Role::Serial),
            ("Tên cơ quan, đơn vị", Role::Unit),
            ("Cơ quan", Role::Unit),
        ];
        for (h, want) in cases {
            assert_eq!(role_of(h), Some(*want), "{h}");
        }
        assert_eq!(role_of("Ghi chú"), None);
        assert_eq!(role_of(""), None);
    }

    #[test]
    fn usable_needs_unit_and_a_count() {
        assert!(is_usable(&[Some(Role::Unit), Some(Role::Count(Scans))]));
        assert!(!is_usable(&[Some(Role::Unit), Some(Role::Date)]));
        assert!(!is_usable(&[None, Some(Role::Count(Scans))]));
    }
}
