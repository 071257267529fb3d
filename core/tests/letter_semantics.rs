//! What the letter may say and what it must keep (issues #15, #16): no
//! sentence or list for figures the data does not have, free-text brackets
//! as typed, and no paragraph of the clerk's lost when the date is missing.

use thongbao_core::letter::{covid_letter, covid_qr, Letter, LetterFields, Missing, Profile};
use thongbao_core::model::Dataset;
use thongbao_core::stats::{summarize, LowInstallers, Manual, Settings, Summary};
use thongbao_core::{ingest, SAMPLE_CSV, SAMPLE_NAME};

/// A file read, its figures typed by hand, and the COVID statistics of
/// both (what the letter's lists are checked against).
struct Case {
    s: Summary,
    d: Dataset,
    m: Manual,
}

fn summary_of(csv: &str, name: &str, manual: &Manual) -> Case {
    let d = ingest::read(csv.as_bytes(), name).expect("reads");
    let s = summarize(&d, manual, &Settings::default());
    Case {
        s,
        d,
        m: manual.clone(),
    }
}

/// The letter the page writes for the COVID report.
fn build(c: &Case, f: &LetterFields, p: &Profile) -> Letter {
    covid_letter(&c.d, &c.m, &Settings::default(), f, p)
}

fn letter_of(c: &Case) -> Letter {
    let p = covid_qr();
    build(c, &p.fields, &p)
}

fn has(l: &Letter, needle: &str) -> bool {
    l.paragraphs().iter().any(|p| p.contains(needle))
}

/// The sample's own table, no installs typed: the letter must not name the
/// low scanners (Sơn Hà, Tam Thanh, Tam Lư) as low installers.
#[test]
fn no_install_data_no_low_installers_sentence() {
    let s = summary_of(SAMPLE_CSV, SAMPLE_NAME, &Manual::default());
    assert_eq!(s.s.low_installers, LowInstallers::NoData);
    assert_eq!(s.s.low_installers.names(&s.s.units), None);
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
    assert_eq!(s.s.low_installers, LowInstallers::Computed(vec![]));
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

fn sample_summary(name: &str, manual: &Manual) -> Case {
    summary_of(SAMPLE_CSV, name, manual)
}

/// Issue #15: the seed's table saved without a date (no date in the file
/// name, none typed). Oracle: the dated letter (the seed, by the golden
/// test) with "12/11/2021" replaced by the blank, paragraph for paragraph.
#[test]
fn no_paragraph_disappears_without_the_data_date() {
    let manual = thongbao_core::letter::sample_manual();
    let dated = letter_of(&sample_summary(SAMPLE_NAME, &manual));
    let s = sample_summary("bang-so-lieu.csv", &manual);
    assert_eq!(s.s.date, None);
    let l = letter_of(&s);
    let want: Vec<String> = dated
        .paragraphs()
        .iter()
        .map(|p| p.replace("12/11/2021", "…/…/…"))
        .collect();
    assert_eq!(l.paragraphs(), want);
    assert!(has(
        &l,
        "Thực hiện Công văn số 2447/STTTT-CNTT ngày 15/11/2021 của Sở Thông tin và Truyền thông Thanh Hóa về việc báo cáo kết quả ứng dụng CNTT phòng, chống dịch Covid-19 trên địa bàn tỉnh đến ngày …/…/…."
    ));
    assert!(has(&l, "trên địa bàn huyện đến ngày …/…/… cụ thể như sau:"));
    assert_eq!(l.missing, [Missing::DataDate]);
    assert!(dated.missing.is_empty());
    // Optional parts still vanish: the subject and the appendix title.
    assert_eq!(
        l.subject,
        "V/v thông báo kết quả ứng dụng CNTT phòng chống dịch Covid-19 trên địa bàn huyện"
    );
    assert_eq!(
        l.appendix.title,
        "DANH SÁCH CHI TIẾT THỐNG KÊ TÌNH HÌNH TẠO, QUÉT MÃ QR"
    );
    // A typed date fills every blank and nothing is missing.
    let mut f = covid_qr().fields;
    f.data_date = thongbao_core::date::Date::new(2021, 11, 12);
    let typed = build(&s, &f, &covid_qr());
    assert_eq!(typed.paragraphs(), dated.paragraphs());
    assert!(typed.missing.is_empty());
}

/// A previous report typed without its date: the changes are still said,
/// "so với ngày …/…", and the letter asks for the date.
#[test]
fn changes_without_the_previous_date_keep_a_blank() {
    let mut manual = thongbao_core::letter::sample_manual();
    if let Some(p) = manual.previous.as_mut() {
        p.date = None;
    }
    let l = letter_of(&sample_summary(SAMPLE_NAME, &manual));
    assert!(has(
        &l,
        "(tăng 58 địa điểm quét mã QR so với ngày …/…), với 4.336 lượt quét mã QR (tăng lượt quét 1.150 so với ngày …/…)."
    ));
    assert!(has(&l, "(tăng 168 máy so với ngày …/…)."));
    assert_eq!(l.missing, [Missing::PreviousDate]);
}

/// The clerk's own text naming a figure the data lacks keeps its paragraph
/// with a blank, and the letter says which figure.
#[test]
fn clerks_paragraph_with_a_missing_figure_is_kept() {
    let s = sample_summary(SAMPLE_NAME, &Manual::default());
    let p = covid_qr();
    let mut f = p.fields.clone();
    f.section2 =
        "Số máy đã cài là {installs} trên {smartphones} máy.\nTheo Quyết định [số 12] ngày {date}."
            .into();
    let l = build(&s, &f, &p);
    assert!(has(&l, "Số máy đã cài là … trên … máy."));
    assert_eq!(
        l.missing,
        [
            Missing::Figure("installs".into()),
            Missing::Figure("smartphones".into())
        ]
    );
    // Issue #15: brackets without a placeholder print as typed.
    assert!(has(&l, "Theo Quyết định [số 12] ngày 12/11/2021."));
    // Unbalanced and nested brackets too.
    f.section2 = "Mục [a [b {date}] c] và [chưa đóng {units}".into();
    let l = build(&s, &f, &p);
    assert!(has(&l, "Mục [a [b 12/11/2021] c] và [chưa đóng 12"));
}
