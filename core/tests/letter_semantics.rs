//! What the letter may say and what it must keep (issues #15, #16): no
//! sentence or list for figures the data does not have, free-text brackets
//! as typed, and no paragraph of the clerk's lost when the date is missing.

use thongbao_core::letter::{build, covid_qr, Letter};
use thongbao_core::stats::{summarize, LowInstallers, Manual, Settings, Summary};
use thongbao_core::{ingest, SAMPLE_CSV, SAMPLE_NAME};

fn summary_of(csv: &str, name: &str, manual: &Manual) -> Summary {
    let data = ingest::read(csv.as_bytes(), name).expect("reads");
    summarize(&data, manual, &Settings::default())
}

fn letter_of(s: &Summary) -> Letter {
    let p = covid_qr();
    build(s, &p.fields, &p)
}

fn has(l: &Letter, needle: &str) -> bool {
    l.paragraphs().iter().any(|p| p.contains(needle))
}

/// The sample's own table, no installs typed: the letter must not name the
/// low scanners (Sơn Hà, Tam Thanh, Tam Lư) as low installers.
#[test]
fn no_install_data_no_low_installers_sentence() {
    let s = summary_of(SAMPLE_CSV, SAMPLE_NAME, &Manual::default());
    assert_eq!(s.low_installers, LowInstallers::NoData);
    assert_eq!(s.low_installers.names(&s.units), None);
    let l = letter_of(&s);
    assert!(
        !has(&l, "Các đơn vị cài đặt ứng dụng PC-Covid"),
        "{:#?}",
        l.body
    );
    // Nor the installs paragraph: no installs, no rate.
    assert!(!has(&l, "máy điện thoại thông minh đã cài đặt"));
    // The scanners are still named where the letter speaks of scans.
    assert!(has(
        &l,
        "lượt quét thấp và không quét gồm các xã: xã Sơn Hà"
    ));
}

/// Installs per unit where nobody is low: an empty computed list, and the
/// sentence vanishes rather than naming anyone.
#[test]
fn computed_but_empty_low_installers_name_nobody() {
    let csv = "Xã,Lượt quét,Đã cài PC-Covid,Số smartphone\n\
               Xã A,10,30,100\nXã B,1,30,100\nXã C,100,30,100\n";
    let s = summary_of(csv, "r-2021-11-12.csv", &Manual::default());
    assert_eq!(s.low_installers, LowInstallers::Computed(vec![]));
    let l = letter_of(&s);
    assert!(!has(&l, "Các đơn vị cài đặt ứng dụng PC-Covid"));
    assert!(has(&l, "chiếm 30,0% số điện thoại thông minh"));
}

/// Typed totals without per-unit figures: the totals print, the low
/// installers only when the clerk names them.
#[test]
fn typed_low_installers_are_the_clerks() {
    let mut manual = thongbao_core::letter::sample_manual();
    manual.low_installers = vec!["Xã Mường Mìn".into()];
    let s = summary_of(SAMPLE_CSV, SAMPLE_NAME, &manual);
    let l = letter_of(&s);
    assert!(has(
        &l,
        "Các đơn vị cài đặt ứng dụng PC-Covid trên điện thoại thông minh trong tuần thấp gồm: xã Mường Mìn."
    ));
}
