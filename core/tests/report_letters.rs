//! The built-in reports other than COVID: each sample file, read with every
//! report definition on offer, picks its report and writes its letter. The
//! expected figures come from `tools/make-samples.py` (Python's Decimal, an
//! independent computation), not from the engine.

use thongbao_core::engine;
use thongbao_core::ingest::{self, ReadOptions, ReportHeaders};
use thongbao_core::letter::{self, profile, Letter, Profile};

fn options(active: Option<&str>) -> ReadOptions {
    ReadOptions {
        reports: profile::builtins()
            .into_iter()
            .filter_map(|p| {
                Some(ReportHeaders {
                    id: p.id.clone(),
                    words: p.report?.header_words(),
                })
            })
            .collect(),
        active_report: active.map(str::to_string),
        ..ReadOptions::default()
    }
}

fn letter_of(id: &str) -> (Letter, engine::Computed) {
    let p: Profile = profile::builtins()
        .into_iter()
        .find(|p| p.id == id)
        .expect("built-in");
    let (name, text) = profile::sample_of(id).expect("sample");
    let d = ingest::read_with(text.as_bytes(), name, &options(None)).expect("reads");
    assert_eq!(
        d.sources[0].report.as_deref(),
        Some(id),
        "the file picks its report"
    );
    let spec = p.report.as_ref().expect("a definition");
    let c = engine::compute(&d, spec);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert!(c.missing_columns.is_empty(), "{:?}", c.missing_columns);
    (letter::build(&c, spec, &p.fields, &p), c)
}

fn section1(l: &Letter) -> Vec<String> {
    let p = l.paragraphs();
    let a = p
        .iter()
        .position(|x| x.starts_with("1. "))
        .expect("section 1")
        + 1;
    let b = p
        .iter()
        .position(|x| x.starts_with("2. "))
        .expect("section 2");
    p[a..b].to_vec()
}

#[test]
fn de_an_06_letter() {
    let (l, c) = letter_of("de-an-06");
    assert_eq!(c.current.units.len(), 47);
    assert_eq!(
        section1(&l),
        [
            "Toàn tỉnh kích hoạt 369.077 tài khoản VNeID mức 2, đạt tỷ lệ 35,4% so với tổng số công dân thường trú, đạt 58,2% so với chỉ tiêu đề ra, so với tuần trước tăng 8.700 tài khoản.",
            "Có 5/46 địa phương hoàn thành chỉ tiêu giao; 41 địa phương còn lại chưa hoàn thành, trong đó thấp nhất là xã Ia Dom với tỷ lệ 5,3% (mới kích hoạt 109 tài khoản/2.068 chỉ tiêu giao/5.908 công dân thường trú).",
            "Có 4 địa phương có tỷ lệ thực hiện dưới 10% chỉ tiêu giao: phường Thống Nhất, xã Ia Krái, xã Phú Thiện, xã Ia Dom.",
            "Có 1 địa phương chưa báo cáo số liệu: xã An Lão.",
        ]
    );
    assert!(l.paragraphs()[3].ends_with("trên địa bàn tỉnh Gia Lai đến ngày 27/11/2026 như sau:"));
    assert_eq!(l.issuer, ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"]);
    assert_eq!(l.doc_type, None, "a công văn");
    assert!(l.file_stem.starts_with("cong-van"), "{}", l.file_stem);
    assert_eq!(
        l.subject,
        "V/v kết quả kích hoạt tài khoản định danh điện tử mức 2 đến ngày 27/11/2026"
    );
    let a = &l.appendix;
    // No district since 7/2025: STT, unit, then the report's columns.
    assert_eq!(a.columns[..3], ["STT", "Xã, phường", "Công dân thường trú"]);
    assert_eq!(
        a.rows[0],
        [
            "1",
            "Phường Quy Nhơn",
            "7.875",
            "4.349",
            "2.198",
            "27,9",
            "50,5",
            "+75"
        ]
    );
    assert_eq!(
        a.total,
        [
            "",
            "Tổng cộng",
            "1.043.360",
            "634.657",
            "369.077",
            "35,4",
            "58,2",
            "+8.700"
        ]
    );
    // The unreported commune keeps its row, its figures left blank.
    let an_lao = a.rows.iter().find(|r| r[1] == "Xã An Lão").expect("kept");
    assert_eq!(an_lao[4..], ["", "", "", ""]);
}

#[test]
fn chi_so_766_letter() {
    let (l, c) = letter_of("chi-so-766");
    assert_eq!(c.current.units.len(), 36);
    assert_eq!(
        section1(&l),
        [
            "Điểm trung bình của 36 đơn vị đạt 87,56 điểm, tăng 2,23 điểm so với ngày 31/10/2026.",
            "Nhóm được xếp loại xuất sắc gồm 16/36 đơn vị, chiếm tỷ lệ 44,4%; Nhóm được xếp loại tốt gồm 14/36 đơn vị, chiếm tỷ lệ 38,9%; Nhóm được xếp loại khá gồm 6/36 đơn vị, chiếm tỷ lệ 16,7% và không có đơn vị xếp loại trung bình và yếu.",
            "Điểm số cao nhất là 99,31 điểm (Sở Công Thương) và điểm số thấp nhất là 72,58 điểm (UBND phường An Bình).",
        ]
    );
    assert_eq!(l.issuer, ["UBND TỈNH GIA LAI", "VĂN PHÒNG"]);
    // A báo cáo: its type name and subject as a title block, no "V/v".
    assert_eq!(l.doc_type.as_deref(), Some("BÁO CÁO"));
    assert_eq!(
        l.subject,
        "Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 11/2026"
    );
    assert!(l.file_stem.starts_with("bao-cao-"), "{}", l.file_stem);
    assert!(
        l.appendix.note.starts_with("(Kèm theo Báo cáo "),
        "{}",
        l.appendix.note
    );
    let html = letter::html::to_html(&l);
    assert!(html.contains(
        "<p class=\"nd-doc-type\">BÁO CÁO</p><p class=\"nd-doc-subject\">Kết quả đánh giá"
    ));
    assert!(!html.contains("nd-subject"));
    let a = &l.appendix;
    assert_eq!(a.columns[1], "Khối");
    assert_eq!(
        a.rows[0],
        [
            "1",
            "Sở, ban, ngành",
            "Sở Công Thương",
            "17,89",
            "19,86",
            "11,86",
            "9,88",
            "17,97",
            "21,85",
            "99,31",
            "xuất sắc",
            "1",
            "tăng 10 bậc"
        ]
    );
    assert_eq!(a.total[2], "Bình quân");
    assert_eq!(a.total[9], "87,56");
    // Ranks are within each group: both groups have a first.
    let firsts = a.rows.iter().filter(|r| r[11] == "1").count();
    assert_eq!(firsts, 2);
}

/// The COVID seed, read with every definition on offer, stays the COVID
/// report: its words fit it better.
#[test]
fn the_seed_stays_covid() {
    let d = ingest::read_with(
        thongbao_core::SAMPLE_CSV.as_bytes(),
        thongbao_core::SAMPLE_NAME,
        &options(None),
    )
    .expect("reads");
    assert_eq!(d.sources[0].report.as_deref(), Some(profile::COVID_ID));
    // Even with another report active: it fits none of its words.
    let d = ingest::read_with(
        thongbao_core::SAMPLE_CSV.as_bytes(),
        thongbao_core::SAMPLE_NAME,
        &options(Some("de-an-06")),
    )
    .expect("reads");
    assert_eq!(d.sources[0].report.as_deref(), Some(profile::COVID_ID));
}

/// Two weekly files: the change is measured against the earlier one, with
/// its date, and the change column is not needed.
#[test]
fn the_previous_week_is_the_baseline() {
    let p = profile::builtins()
        .into_iter()
        .find(|p| p.id == "de-an-06")
        .unwrap();
    let spec = p.report.clone().unwrap();
    let week1 = "Số liệu đến ngày 20/11/2026\nSTT,Xã,Công dân thường trú,Chỉ tiêu giao,Số tài khoản đã kích hoạt\n1,Xã A,\"1.000\",500,100\n2,Xã B,2000,1000,1000\n";
    let week2 = "Số liệu đến ngày 27/11/2026\nSTT,Xã,Công dân thường trú,Chỉ tiêu giao,Số tài khoản đã kích hoạt\n1,Xã A,\"1.000\",500,150\n2,Xã B,2000,1000,990\n";
    let files: Vec<(String, Vec<u8>)> = vec![
        ("tuan-1.csv".into(), week1.as_bytes().to_vec()),
        ("tuan-2.csv".into(), week2.as_bytes().to_vec()),
    ];
    let mut sets = Vec::new();
    for (n, b) in &files {
        sets.push(ingest::read_with(b, n, &options(None)).expect("reads"));
    }
    let d = thongbao_core::model::Dataset::merge(sets);
    let c = engine::compute(&d, &spec);
    let l = letter::build(&c, &spec, &p.fields, &p);
    let s1 = section1(&l);
    // 1.140 / 3.000 = 38,0 %; 1.140 / 1.500 = 76,0 %; +40 since 20/11.
    assert_eq!(s1[0], "Toàn tỉnh kích hoạt 1.140 tài khoản VNeID mức 2, đạt tỷ lệ 38,0% so với tổng số công dân thường trú, đạt 76,0% so với chỉ tiêu đề ra, so với ngày 20/11/2026 tăng 40 tài khoản.");
    // Xã B: 990/1.000 = 99,0 %: not complete (exact, not rounded up).
    assert!(
        s1[1].starts_with("Có 0/2 địa phương hoàn thành chỉ tiêu giao; 2 địa phương còn lại"),
        "{}",
        s1[1]
    );
    assert!(
        s1[1].contains("thấp nhất là xã A với tỷ lệ 30,0%"),
        "{}",
        s1[1]
    );
}

#[test]
fn the_report_table_sorts_by_any_column_and_filters_by_name() {
    let (l, c) = letter_of("de-an-06");
    let p: Profile = profile::builtins()
        .into_iter()
        .find(|p| p.id == "de-an-06")
        .expect("built-in");
    let spec = p.report.as_ref().expect("a definition");
    let cols = &l.appendix.columns;
    let at = |label: &str| cols.iter().position(|c| c.contains(label)).expect(label);
    let order = |col, desc, f: &str| letter::report::table_order(&c, spec, &p, (col, desc), f);
    let n = c.current.units.len();
    // STT: the file's order.
    assert_eq!(order(0, false, ""), (0..n).collect::<Vec<_>>());
    // By the rate of the target: the letter's lowest unit first, the
    // unit not reported (no rate) last both ways.
    let rate = at("so với chỉ tiêu");
    let up = order(rate, false, "");
    let down = order(rate, true, "");
    assert_eq!(up.len(), n);
    assert_eq!(c.current.units[up[0]].name, "Xã Ia Dom");
    assert_eq!(Some(up[0]), c.extreme("accounts_target", false));
    assert_eq!(Some(down[0]), c.extreme("accounts_target", true));
    let k = c.index("accounts_target").unwrap();
    let last = |o: &Vec<usize>| c.current.units[o[n - 1]].name.clone();
    assert_eq!(last(&up), "Xã An Lão");
    assert_eq!(last(&down), "Xã An Lão");
    for w in up[..n - 1].windows(2) {
        assert!(c.current.units[w[0]].vals[k] <= c.current.units[w[1]].vals[k]);
    }
    // By name, without the type word: "Ia Dom" before "Phú Thiện".
    let names: Vec<String> = order(1 + usize::from(c.grouped), false, "")
        .iter()
        .map(|&i| thongbao_core::stats::name_sort_key(&c.current.units[i].name))
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    // A filter without diacritics or case finds the commune.
    let found = order(0, false, "IA DOM");
    assert_eq!(found.len(), 1);
    assert_eq!(c.current.units[found[0]].name, "Xã Ia Dom");
    assert!(order(0, false, "không có xã này").is_empty());
}

/// The dashboard core writes for a definition: a card per figure with the
/// engine's total, a list per class with members; and, for the COVID report
/// as data with the seed's typed figures, the typed low installers listed
/// as typed (no "/n": no unit was judged).
#[test]
fn the_dashboard_shows_the_cards_and_the_class_lists() {
    use thongbao_core::report_dashboard::{dashboard, LABELS};
    let label = |id: &str| -> &'static str {
        assert!(LABELS.contains(&id), "{id}");
        "L"
    };
    let p = profile::builtins()
        .into_iter()
        .find(|p| p.id == "de-an-06")
        .expect("built-in");
    let (_, c) = letter_of("de-an-06");
    let spec = p.report.as_ref().expect("a definition");
    let html = dashboard(&c, spec, thongbao_core::Lang::Vi, &label);
    let total = c.total("accounts").expect("a total").text(0);
    assert!(
        html.contains(&format!("data-testid=\"total-accounts\">{total}</span>")),
        "{html}"
    );
    let unreported = html
        .split("data-testid=\"class-unreported\">")
        .nth(1)
        .expect("the list");
    let items = &unreported[..unreported.find("</ol>").expect("ends")];
    assert_eq!(items.matches("<li data-testid=\"unit-name\">").count(), 1);
    assert!(html.contains(&format!(
        "data-testid=\"unit-count\">{}</span>",
        c.current.units.len()
    )));

    let (spec, opts) = covid_definition();
    let d =
        ingest::read_with(thongbao_core::SAMPLE_CSV.as_bytes(), "seed.csv", &opts).expect("reads");
    let c = engine::compute_with(&d, &spec, &profile::sample_manual().typed());
    let html = dashboard(&c, &spec, thongbao_core::Lang::Vi, &label);
    assert!(
        html.contains("<h3>Cài đặt PC-Covid thấp (3)</h3>"),
        "{html}"
    );
    // The COVID report keeps its test ids (`hooks`): the 2021 names.
    assert!(html.contains("<h3>Lượt quét cao (8/12)</h3>"));
    assert!(html.contains("<ol data-testid=\"high-units\">"));
    assert!(html.contains("<ol data-testid=\"low-units\">"));
    assert!(html.contains("data-testid=\"install-rate\">30,0%</span>"));
    assert!(html.contains("data-testid=\"district-count\">1</span>"));
    assert!(!html.contains("class-high"));
    assert!(html.contains("data-testid=\"total-scans\">4.336</span>"));
    assert!(html.contains("data-testid=\"delta-scans\">+1.150</span> L 05/11</span>"));
}

#[test]
fn the_dashboard_lists_the_units_of_the_last_report_that_did_not_report() {
    use thongbao_core::report_dashboard::dashboard;
    let (spec, opts) = covid_definition();
    let csv = "Ngày,Xã,Lượt quét\n05/11/2021,Xã A,5\n05/11/2021,Xã <B>,3\n12/11/2021,Xã A,7\n";
    let d = ingest::read_with(csv.as_bytes(), "hai-ky.csv", &opts).expect("reads");
    let c = engine::compute(&d, &spec);
    let label = |_: &str| "L";
    let html = dashboard(&c, &spec, thongbao_core::Lang::Vi, &label);
    let missing = html
        .split("<ol data-testid=\"missing-units\">")
        .nth(1)
        .expect("the list");
    assert!(
        missing.starts_with("<li data-testid=\"unit-name\">Xã &lt;B&gt;</li></ol>"),
        "{html}"
    );
    assert!(html.contains("<h3>L (1)</h3>"));
    // One period: nobody is missing, and no list says so.
    let one =
        ingest::read_with("Xã,Lượt quét\nXã A,7\n".as_bytes(), "mot-ky.csv", &opts).expect("reads");
    let html = dashboard(
        &engine::compute(&one, &spec),
        &spec,
        thongbao_core::Lang::Vi,
        &label,
    );
    assert!(!html.contains("missing-units"));
    assert!(
        !html.contains("district-count"),
        "no district column, no count"
    );
}

/// The COVID report's definition, and read options that know its words.
fn covid_definition() -> (thongbao_core::spec::ReportSpec, ReadOptions) {
    let covid = Profile::from_json(profile::COVID_QR_JSON).expect("reads");
    let spec = covid.report.clone().expect("a definition");
    let opts = ReadOptions {
        reports: vec![ReportHeaders {
            id: covid.id.clone(),
            words: spec.header_words(),
        }],
        ..ReadOptions::default()
    };
    (spec, opts)
}
