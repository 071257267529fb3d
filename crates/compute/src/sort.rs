//! The order of the unit table: by any column, ascending or descending,
//! filtered by name (Vietnamese collation of names).

use crate::model::Indicator;
use crate::stats::{Summary, UnitStats};

/// A column the unit table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// File order.
    File,
    Name,
    District,
    Value(Indicator),
    Rate,
    ScansPerLocation,
    Share,
    Rank,
    Delta(Indicator),
}

/// How names sort: by the proper name, without the type word ("Xã",
/// "Thị trấn", …), case and diacritics ignored: "Mường Mìn" < "Sơn Lư".
pub fn name_sort_key(name: &str) -> String {
    let f = crate::text::fold(name);
    for t in [
        "thi tran ",
        "thi xa ",
        "thanh pho ",
        "dac khu ",
        "phuong ",
        "huyen ",
        "quan ",
        "xa ",
    ] {
        if let Some(rest) = f.strip_prefix(t) {
            return rest.to_string();
        }
    }
    f
}

/// Row order of the unit table: units whose name (or district) contains
/// `filter` (folded: case and diacritics ignored), sorted by `key`; ties
/// keep file order; units without a value sort last either way.
pub fn order(s: &Summary, key: SortKey, descending: bool, filter: &str) -> Vec<usize> {
    let f = crate::text::fold(filter);
    let mut idx: Vec<usize> = (0..s.units.len())
        .filter(|&i| {
            f.is_empty() || {
                let u = &s.units[i];
                crate::text::fold(&u.name).contains(&f)
                    || u.district
                        .as_deref()
                        .is_some_and(|d| crate::text::fold(d).contains(&f))
            }
        })
        .collect();
    let num = |u: &UnitStats| -> Option<f64> {
        match key {
            SortKey::Value(i) => u.get(i).map(|v| v as f64),
            SortKey::Rate => u.rate.map(|v| v as f64),
            SortKey::ScansPerLocation => u.scans_per_location,
            SortKey::Share => u.share_scans.map(|v| v as f64),
            SortKey::Rank => u.rank.map(|v| v as f64),
            SortKey::Delta(i) => u.delta.get(i).map(|v| v as f64),
            _ => None,
        }
    };
    match key {
        SortKey::File => {}
        SortKey::Name | SortKey::District => {
            let mut keyed: Vec<(String, usize)> = idx
                .iter()
                .map(|&i| {
                    let u = &s.units[i];
                    let t = if key == SortKey::Name {
                        name_sort_key(&u.name)
                    } else {
                        u.district
                            .as_deref()
                            .map(crate::text::fold)
                            .unwrap_or_default()
                    };
                    (t, i)
                })
                .collect();
            thongbao_model::order::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
            idx = keyed.into_iter().map(|(_, i)| i).collect();
        }
        _ => {
            thongbao_model::order::sort_indices(&mut idx, &mut |a, b| {
                let (x, y) = (num(&s.units[a]), num(&s.units[b]));
                match (x, y) {
                    (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
                .then(if descending { b.cmp(&a) } else { a.cmp(&b) })
            });
        }
    }
    if descending && key != SortKey::File {
        // Reverse the ordered part but keep missing values last.
        let textual = matches!(key, SortKey::Name | SortKey::District);
        let split = if textual {
            idx.len()
        } else {
            idx.iter()
                .position(|&i| num(&s.units[i]).is_none())
                .unwrap_or(idx.len())
        };
        let (has, none) = idx.split_at(split);
        let mut out: Vec<usize> = has.iter().rev().copied().collect();
        out.extend_from_slice(none);
        idx = out;
    }
    idx
}

#[cfg(test)]
mod order_tests {
    use super::*;
    use crate::stats::{summarize, Manual, Settings};

    #[test]
    fn sorts_filters_and_keeps_missing_last() {
        let csv = "Huyện,Xã,Lượt quét\nH1,Xã Bình,5\nH2,Xã An,\nH1,Xã Cường,9\nH2,Xã Đông,5\n";
        let d = crate::ingest::read(csv.as_bytes(), "o.csv").unwrap();
        let s = summarize(&d, &Manual::default(), &Settings::default());
        let by = SortKey::Value(Indicator::Scans);
        assert_eq!(order(&s, by, false, ""), [0, 3, 2, 1]);
        assert_eq!(order(&s, by, true, ""), [2, 0, 3, 1]);
        assert_eq!(order(&s, SortKey::Name, false, ""), [1, 0, 2, 3]);
        assert_eq!(name_sort_key("Thị trấn Sơn Lư"), "son lu");
        assert_eq!(order(&s, SortKey::Name, true, ""), [3, 2, 0, 1]);
        assert_eq!(order(&s, SortKey::File, false, "dong"), [3]);
        assert_eq!(order(&s, SortKey::File, false, "h1"), [0, 2]);
    }
}
