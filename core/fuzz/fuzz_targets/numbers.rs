//! Numbers and dates as clerks type them. Bytes 0-7 are an f64 for
//! `Date::from_excel_serial`; the rest, as text, goes to every parser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thongbao_core::date::Date;
use thongbao_core::format;
use thongbao_core::ingest::numbers::{
    count_from_f64, decide, parse_count, parse_decimal, DecimalSep,
};

fn check_date(d: Date, what: &str) {
    assert_eq!(
        Date::new(d.year, d.month, d.day),
        Some(d),
        "{what}: {d:?} is valid"
    );
    assert_eq!(
        Date::from_days(d.to_days()),
        Some(d),
        "{what}: days round trip"
    );
    assert_eq!(
        Date::parse(&d.dmy()),
        Some(d),
        "{what}: dmy {:?} round trip",
        d.dmy()
    );
    assert_eq!(
        Date::parse(&d.iso()),
        Some(d),
        "{what}: iso {:?} round trip",
        d.iso()
    );
    assert_eq!(
        Date::parse(&d.decree_long()),
        Some(d),
        "{what}: {:?}",
        d.decree_long()
    );
}

fuzz_target!(|data: &[u8]| {
    if data.len() >= 8 {
        let x = f64::from_le_bytes(data[..8].try_into().unwrap());
        if let Some(d) = Date::from_excel_serial(x) {
            check_date(d, "serial");
            let back = d.to_excel_serial();
            // Excel's phantom 29/02/1900 (serial 60) has no date of its own.
            if x.floor() != 60.0 {
                assert_eq!(back, x.floor(), "serial {x} -> {d:?} -> {back}");
            }
        }
        let _ = count_from_f64(x).map(|v| assert!(v.unwrap_or(0) >= 0));
    }
    let s = String::from_utf8_lossy(data.get(8..).unwrap_or_default());
    let s = s.as_ref();

    let cells: Vec<&str> = s.split('\n').collect();
    let voted = decide(cells.iter().copied());
    for sep in [
        DecimalSep::Comma,
        DecimalSep::Dot,
        DecimalSep::Unknown,
        voted,
    ] {
        for cell in cells.iter().copied().chain([s]) {
            if let Ok(Some(v)) = parse_count(cell, sep) {
                assert!((0..=1_000_000_000_000).contains(&v), "{cell:?} -> {v}");
                // What the letter writes (4.336) and plain digits read back.
                assert_eq!(parse_count(&v.to_string(), sep), Ok(Some(v)));
                if sep != DecimalSep::Dot {
                    assert_eq!(
                        parse_count(&format::int(v), sep),
                        Ok(Some(v)),
                        "{}",
                        format::int(v)
                    );
                }
            }
            if let Some((v, _pct)) = parse_decimal(cell, sep) {
                assert!(!v.is_nan(), "{cell:?} -> NaN");
            }
        }
    }
    if let Some(d) = Date::parse(s) {
        check_date(d, "parse");
    }
});
