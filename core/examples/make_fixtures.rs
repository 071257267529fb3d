//! Writes the end-to-end tests' input files into a folder (default
//! `target/fixtures`): the seed table in the encodings and shapes clerks
//! really send, a workbook with title and total rows, a file with bad rows,
//! a long file with two report dates and a province-sized file.
//!
//! `cargo run -p thongbao-core --example make_fixtures -- DIR`

use std::fmt::Write as _;
use std::path::Path;
use thongbao_core::office::{write_xlsx, XCell};
use thongbao_core::text::{encode_as, Encoding};

#[path = "common/seed.rs"]
mod seed;
use seed::rows as seed_rows;

fn delimited(title: bool, d: char, total: bool) -> String {
    let mut s = String::new();
    if title {
        writeln!(
            s,
            "DANH SÁCH CHI TIẾT THỐNG KÊ TÌNH HÌNH TẠO, QUÉT MÃ QR NGÀY 12/11/2021"
        )
        .unwrap();
        writeln!(s).unwrap();
    }
    writeln!(s, "{}", seed::HEADER.join(&d.to_string())).unwrap();
    for r in seed_rows() {
        writeln!(s, "{}", r.join(&d.to_string())).unwrap();
    }
    if total {
        writeln!(s, "{d}Tổng cộng{d}{d}584{d}4336").unwrap();
    }
    s.replace('\n', "\r\n")
}

#[allow(dead_code)]
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/fixtures".into());
    let dir = Path::new(&dir);
    std::fs::create_dir_all(dir).expect("create fixtures dir");
    for (name, bytes) in all() {
        std::fs::write(dir.join(name), bytes).expect("write fixture");
    }
    println!("fixtures written to {}", dir.display());
}

/// Every fixture: (file name, bytes).
pub fn all() -> Vec<(&'static str, Vec<u8>)> {
    let mut out: Vec<(&'static str, Vec<u8>)> = Vec::new();
    let mut write = |name: &'static str, bytes: &[u8]| out.push((name, bytes.to_vec()));

    // The seed in the encodings of real offices.
    write(
        "seed-cp1258.csv",
        &encode_as(&delimited(true, ';', true), Encoding::Windows1258),
    );
    write(
        "seed-tcvn3.csv",
        &encode_as(&delimited(false, ',', false), Encoding::Tcvn3),
    );
    write(
        "seed-vni.csv",
        &encode_as(&delimited(false, ',', false), Encoding::Vni),
    );
    write(
        "seed-utf16.txt",
        &encode_as(&delimited(false, '\t', false), Encoding::Utf16Le),
    );

    // A workbook: a notes sheet first, then the table under title rows, with
    // a total row, counts as numbers.
    let mut rows: Vec<Vec<XCell>> = vec![
        vec![XCell::Bold("ỦY BAN NHÂN DÂN HUYỆN QUAN SƠN".into())],
        vec![XCell::Bold(
            "DANH SÁCH CHI TIẾT THỐNG KÊ TÌNH HÌNH TẠO, QUÉT MÃ QR NGÀY 12/11/2021".into(),
        )],
        vec![],
        seed::header_cells(),
    ];
    rows.extend(seed::sheet_rows(usize::MAX, |v| {
        XCell::Int(v.parse().unwrap_or_default())
    }));
    rows.push(vec![
        XCell::Empty,
        XCell::Bold("Tổng cộng".into()),
        XCell::Empty,
        XCell::Int(584),
        XCell::Int(4336),
    ]);
    let notes = vec![vec![XCell::Text(
        "Ghi chú: số liệu do các xã báo cáo".into(),
    )]];
    write(
        "seed-title-total.xlsx",
        &write_xlsx(&[("Ghi chú".into(), notes), ("Số liệu".into(), rows)]),
    );

    // Bad rows: lines 3–8 each have one problem; line 9 a warning.
    let bad = "STT,Xã,Số địa điểm,Lượt quét,Số máy cài PC-Covid,Số điện thoại thông minh\r\n\
               1,Xã Tốt,10,100,50,100\r\n\
               2,Xã Âm,10,-5,50,100\r\n\
               3,Xã Chữ,10,nhiều,50,100\r\n\
               4,,10,100,50,100\r\n\
               5,Xã Tốt,10,100,50,100\r\n\
               6,Xã Thiếu,10\r\n\
               7,Xã Lẻ,10,4.5,50,100\r\n\
               8,Xã Vượt,10,100,150,100\r\n\
               ,Tổng cộng,30,999,250,300\r\n";
    write("bad-rows.csv", bad.as_bytes());

    // Two report dates in one long file: changes + and −.
    let mut two = String::from("Ngày,Huyện,Xã,Số địa điểm,Lượt quét\r\n");
    let units = [
        ("Xã Trung Xuân", 50, 150, 58, 189),
        ("Xã Sơn Hà", 15, 40, 13, 10),
        ("Xã Na Mèo", 120, 500, 130, 545),
    ];
    for (n, l0, s0, _, _) in units {
        writeln!(two, "05/11/2021,Huyện Quan Sơn,{n},{l0},{s0}\r").unwrap();
    }
    for (n, _, _, l1, s1) in units {
        writeln!(two, "12/11/2021,Huyện Quan Sơn,{n},{l1},{s1}\r").unwrap();
    }
    write("two-dates.csv", two.as_bytes());

    // A province: 27 districts, 559 communes.
    let mut prov =
        String::from("STT;Huyện;Xã;Số địa điểm;Lượt quét;Đã cài PC-Covid;Số smartphone\r\n");
    let mut n = 0;
    for d in 0..27 {
        let communes = if d < 19 { 21 } else { 20 };
        for c in 0..communes {
            n += 1;
            let loc = 5 + (n * 7) % 90;
            let scans = (n * 37) % 900;
            let phones = 800 + (n * 13) % 2000;
            let inst = phones * (10 + (n % 50)) / 100;
            writeln!(
                prov,
                "{n};Huyện {};Xã {} {};{loc};{scans};{inst};{phones}\r",
                district_name(d),
                commune_name(c),
                d + 1
            )
            .unwrap();
        }
    }
    assert_eq!(n, 559);
    write("province-559.csv", prov.as_bytes());

    // A header nobody recognises: the user maps the columns.
    write(
        "unknown-header.csv",
        "Cột A,Cột B,Cột C\r\nXã Một,5,50\r\nXã Hai,7,70\r\n".as_bytes(),
    );
    out
}

fn district_name(d: usize) -> String {
    const N: [&str; 27] = [
        "Quan Sơn",
        "Quan Hóa",
        "Mường Lát",
        "Bá Thước",
        "Lang Chánh",
        "Thường Xuân",
        "Như Xuân",
        "Như Thanh",
        "Cẩm Thủy",
        "Ngọc Lặc",
        "Thạch Thành",
        "Vĩnh Lộc",
        "Yên Định",
        "Thọ Xuân",
        "Triệu Sơn",
        "Thiệu Hóa",
        "Đông Sơn",
        "Nông Cống",
        "Quảng Xương",
        "Hoằng Hóa",
        "Hậu Lộc",
        "Nga Sơn",
        "Hà Trung",
        "Tĩnh Gia",
        "Bỉm Sơn",
        "Sầm Sơn",
        "Thanh Hóa",
    ];
    N[d].to_string()
}

fn commune_name(c: usize) -> String {
    const N: [&str; 21] = [
        "Trung Xuân",
        "Sơn Hà",
        "Tam Thanh",
        "Na Mèo",
        "Mường Mìn",
        "Sơn Điện",
        "Tam Lư",
        "Trung Hạ",
        "Trung Tiến",
        "Trung Thượng",
        "Sơn Thủy",
        "Xuân Lộc",
        "Định Hòa",
        "Quảng Đức",
        "Hoằng Phụ",
        "Nga Điền",
        "Hà Lĩnh",
        "Vĩnh Hùng",
        "Thiệu Tân",
        "Đông Khê",
        "Yên Trường",
    ];
    N[c].to_string()
}
