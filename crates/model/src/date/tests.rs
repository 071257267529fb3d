use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u8, dd: u8) -> Date {
    Date::new(y, m, dd).unwrap()
}

#[test]
fn parses_what_clerks_type() {
    assert_eq!(Date::parse("12/11/2021"), Some(d(2021, 11, 12)));
    assert_eq!(Date::parse(" 5/1/2022 "), Some(d(2022, 1, 5)));
    assert_eq!(Date::parse("5/1/22"), Some(d(2022, 1, 5)));
    assert_eq!(Date::parse("2021-11-05"), Some(d(2021, 11, 5)));
    assert_eq!(Date::parse("05-11-2021"), Some(d(2021, 11, 5)));
    assert_eq!(Date::parse("05.11.2021 08:30"), Some(d(2021, 11, 5)));
    assert_eq!(Date::parse("5/11/2021 8:30:15"), Some(d(2021, 11, 5)));
    assert_eq!(Date::parse("5/11/2021 8:30 SA"), Some(d(2021, 11, 5)));
    assert_eq!(Date::parse("5/11/2021 08:30:00 PM"), Some(d(2021, 11, 5)));
    assert_eq!(Date::parse("2021-11-05T08:30:00"), Some(d(2021, 11, 5)));
    assert_eq!(
        Date::parse("2021-11-05T08:30:00.000Z"),
        Some(d(2021, 11, 5))
    );
    assert_eq!(
        Date::parse("2021-11-05T08:30:00+07:00"),
        Some(d(2021, 11, 5))
    );
    assert_eq!(Date::parse("ngày 16/11/2021"), Some(d(2021, 11, 16)));
    assert_eq!(
        Date::parse("ngày 16 tháng 11 năm 2021"),
        Some(d(2021, 11, 16))
    );
    assert_eq!(
        Date::parse("NGÀY 05 THÁNG 01 NĂM 2022"),
        Some(d(2022, 1, 5))
    );
    assert_eq!(Date::parse("ngay 5 thang 1 nam 2022"), Some(d(2022, 1, 5)));
    assert_eq!(Date::parse("16 tháng 11 năm 2021"), Some(d(2021, 11, 16)));
}

/// Issue #15: "1/2/3" was 01/02/2003 and trailing text was ignored.
#[test]
fn refuses_what_is_not_a_whole_date() {
    for s in [
        "1/2/3",
        "1/2/003",
        "1/2/20211",
        "12/11/2021 abc",
        "12/11/2021.",
        "12/11/2021 25:00",
        "12/11/2021 08:61",
        "12/11/2021 13:00 SA",
        "12/11/2021 08",
        "12/11/2021T",
        "12/11-2021",
        "12/11/2021/5",
        "2021/11/12",
        "2021-1-12",
        "31/02/2021",
        "29/02/2021",
        "0/1/2021",
        "32/1/2021",
        "1/13/2021",
        "01/03/1899",
        "01/01/2101",
        "01/03/0630",
        "Xã 12 / 3 / 4",
        "4.336",
        "12/11",
        "ngày 16 tháng 11",
        "ngày 16 tháng 11 năm 21",
        "ngày 16 tháng 11 năm 2021 x",
        "tháng 11 năm 2021",
        "",
        "   ",
    ] {
        assert_eq!(Date::parse(s), None, "{s:?}");
    }
    // Leap days where there are some (hand-checked: 2000 and 2024 are leap
    // years, 1900 and 2100 are not).
    assert_eq!(Date::parse("29/02/2024"), Some(d(2024, 2, 29)));
    assert_eq!(Date::parse("29/02/2000"), Some(d(2000, 2, 29)));
    assert_eq!(Date::parse("29/02/1900"), None);
    assert_eq!(Date::parse("29/02/2100"), None);
    assert_eq!(Date::parse("01/01/1900"), Some(d(1900, 1, 1)));
    assert_eq!(Date::parse("31/12/2100"), Some(d(2100, 12, 31)));
}

/// Issue #15: the date in a title line, in words or in numbers.
#[test]
fn finds_the_date_in_titles_and_file_names() {
    let cases = [
        (
            "Số liệu tính đến ngày 16 tháng 11 năm 2021",
            d(2021, 11, 16),
        ),
        (
            "SỐ LIỆU TÍNH ĐẾN NGÀY 16 THÁNG 11 NĂM 2021",
            d(2021, 11, 16),
        ),
        (
            "So lieu tinh den ngay 16 thang 11 nam 2021",
            d(2021, 11, 16),
        ),
        ("(đến ngày 5 tháng 1 năm 2022)", d(2022, 1, 5)),
        ("Báo cáo ngày 12/11/2021 của UBND", d(2021, 11, 12)),
        ("Số liệu đến 08:00 ngày 12.11.2021", d(2021, 11, 12)),
        ("quan-son-2021-11-12.csv", d(2021, 11, 12)),
        ("bao-cao-12-11-2021-v2.xlsx", d(2021, 11, 12)),
        ("bc-01-12-11-2021.csv", d(2021, 11, 12)),
        ("so_lieu_12.11.2021.xls", d(2021, 11, 12)),
        // The earlier of a numeric date and one in words.
        (
            "ngày 16 tháng 11 năm 2021 (số liệu 15/11/2021)",
            d(2021, 11, 16),
        ),
        (
            "Số liệu 15/11/2021, ngày 16 tháng 11 năm 2021",
            d(2021, 11, 15),
        ),
    ];
    for (s, want) in cases {
        assert_eq!(Date::find_in(s), Some(want), "{s:?}");
    }
    for s in [
        "Bảng 1/2/3",
        "Số liệu tháng 11 năm 2021",
        "v12/11/2021",
        "12/11/2021abc",
        "Dân số 4.336",
        "31/02/2021",
        "",
    ] {
        assert_eq!(Date::find_in(s), None, "{s:?}");
    }
}

#[test]
fn excel_serials() {
    assert_eq!(Date::from_excel_serial(44512.0), Some(d(2021, 11, 12)));
    assert_eq!(Date::from_excel_serial(44512.75), Some(d(2021, 11, 12)));
    assert_eq!(Date::from_excel_serial(1.0), Some(d(1900, 1, 1)));
    assert_eq!(Date::from_excel_serial(59.0), Some(d(1900, 2, 28)));
    // Serial 60 is Excel's phantom 29/02/1900; 61 is 01/03/1900.
    assert_eq!(Date::from_excel_serial(61.0), Some(d(1900, 3, 1)));
    assert_eq!(d(2021, 11, 12).to_excel_serial(), 44512.0);
    assert_eq!(d(1900, 1, 1).to_excel_serial(), 1.0);
    assert_eq!(d(1900, 3, 1).to_excel_serial(), 61.0);
    // 31/12/2100 is serial 73415 (hand-checked: 44512 + days from
    // 12/11/2021); the next day is outside the years.
    assert_eq!(Date::from_excel_serial(73415.0), Some(d(2100, 12, 31)));
    assert_eq!(Date::from_excel_serial(73416.0), None);
    assert_eq!(Date::from_excel_serial(f64::NAN), None);
    assert_eq!(Date::from_excel_serial(-3.0), None);
    assert_eq!(Date::from_excel_serial(0.5), None);
}

#[test]
fn decree_format_leading_zeros() {
    assert_eq!(d(2021, 11, 16).decree_long(), "ngày 16 tháng 11 năm 2021");
    assert_eq!(d(2022, 1, 5).decree_long(), "ngày 05 tháng 01 năm 2022");
    assert_eq!(d(2022, 6, 29).decree_long(), "ngày 29 tháng 6 năm 2022");
    assert_eq!(d(2021, 11, 5).dm(), "05/11");
    assert_eq!(d(2021, 11, 5).dmy(), "05/11/2021");
}

/// Hand-checked calendar facts: chrono must agree with them.
#[test]
fn calendar_arithmetic() {
    assert_eq!(d(1970, 1, 1).to_days(), 0);
    assert_eq!(d(2021, 11, 12).to_days(), 18_943);
    assert_eq!(d(1969, 12, 31).to_days(), -1);
    assert_eq!(Date::from_days(18_943), Some(d(2021, 11, 12)));
    assert_eq!(d(2021, 11, 5).days_until(d(2021, 11, 12)), 7);
    assert_eq!(d(2021, 11, 12).days_until(d(2021, 11, 5)), -7);
    assert_eq!(d(2024, 2, 28).add_days(1), Some(d(2024, 2, 29)));
    assert_eq!(d(2023, 2, 28).add_days(1), Some(d(2023, 3, 1)));
    assert_eq!(d(2021, 1, 1).add_days(-1), Some(d(2020, 12, 31)));
    assert_eq!(d(9999, 12, 31).add_days(1), None);
    // 12/11/2021 was a Friday; 16/11/2021 (the seed letter) a Tuesday.
    assert_eq!(d(2021, 11, 12).weekday(), 5);
    assert_eq!(d(2021, 11, 16).weekday(), 2);
    assert_eq!(d(2021, 11, 14).weekday(), 7);
    // An impossible Date from hand-edited JSON counts on from its month.
    let odd = Date {
        year: 2021,
        month: 2,
        day: 31,
    };
    assert_eq!(odd.to_days(), d(2021, 3, 3).to_days());
}

#[test]
fn serde_form_is_unchanged() {
    let j = crate::json::ToJson::to_json_text(&d(2021, 11, 16));
    assert_eq!(j, r#"{"year":2021,"month":11,"day":16}"#);
    let back: Date = crate::json::parse(r#"{"year":2021,"month":11,"day":5}"#).unwrap();
    assert_eq!(back, d(2021, 11, 5));
}

#[test]
fn days_round_trip() {
    for z in (-719_000..2_900_000).step_by(997) {
        let date = Date::from_days(z).unwrap();
        assert_eq!(date.to_days(), z);
    }
}

/// A valid date in YEARS.
fn date() -> impl Strategy<Value = Date> {
    (1900i32..=2100, 1u8..=12, 1u8..=31).prop_filter_map("valid", |(y, m, dd)| Date::new(y, m, dd))
}

/// Every accepted way of writing `x`.
fn forms(x: Date) -> Vec<String> {
    let (dd, m, y) = (x.day, x.month, x.year);
    let mut v = Vec::new();
    for sep in ['/', '-', '.'] {
        v.push(format!("{dd}{sep}{m}{sep}{y}"));
        v.push(format!("{dd:02}{sep}{m:02}{sep}{y}"));
    }
    v.push(x.iso());
    v.push(x.dmy());
    v.push(x.decree_long());
    v.push(format!("ngay {dd} thang {m} nam {y}"));
    v.push(format!("{} 08:30", x.dmy()));
    v.push(format!("{}T23:59:59", x.iso()));
    if (2000..=2099).contains(&y) {
        v.push(format!("{dd}/{m}/{:02}", y - 2000));
    }
    v
}

proptest! {
    #[test]
    fn every_form_parses_back(x in date()) {
        for f in forms(x) {
            prop_assert_eq!(Date::parse(&f), Some(x), "{}", f);
            prop_assert_eq!(Date::find_in(&f), Some(x), "{}", f);
        }
        prop_assert_eq!(Date::from_days(x.to_days()), Some(x));
        prop_assert_eq!(Date::from_excel_serial(x.to_excel_serial()), Some(x));
    }

    /// Trailing text makes a cell not a date, but a title holding the date
    /// (delimited by a space or punctuation) still gives it.
    #[test]
    fn trailing_text_refused_but_found_in_titles(
        x in date(),
        lead in "[a-zA-Zà-ỹĐđ ]{0,12}",
        delim in prop::sample::select(vec![" ", ", ", "; ", ") ", " - "]),
        // Not a time's suffix (SA, CH, AM, PM, Z).
        tail in "[bdefghkBDEFGHKđĐ][a-zA-Zà-ỹĐđ0-9 ]{0,12}",
    ) {
        for f in forms(x) {
            let cell = format!("{f}{delim}{tail}");
            prop_assert_eq!(Date::parse(&cell), None, "{}", cell);
            let title = format!("{lead} {cell}");
            prop_assert_eq!(Date::find_in(&title), Some(x), "{}", title);
        }
    }

    #[test]
    fn parse_never_panics_and_gives_dates_in_years(s in "\\PC{0,24}") {
        if let Some(x) = Date::parse(&s) {
            prop_assert!(YEARS.contains(&x.year));
            prop_assert_eq!(Date::parse(&x.dmy()), Some(x));
        }
        let _ = Date::find_in(&s);
    }
}
