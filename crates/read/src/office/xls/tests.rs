//! Tests of the .xls reader: two files written by LibreOffice Calc (see
//! `tests/data/make_xls_fixtures.py`) and compound files built here byte by
//! byte for what LibreOffice does not write (mini stream, CONTINUE records,
//! BIFF5, 4096-byte sectors, DIFAT sectors, damage).

use std::time::Instant;

use super::cfb::END;
use super::*;
use crate::model::Indicator;
use crate::text::{convert_legacy_str, encode_as, Encoding};

const SEED: &[u8] = include_bytes!("../../../../../core/tests/data/seed.xls");
const MULTI: &[u8] = include_bytes!("../../../../../core/tests/data/multi.xls");
const FREE: u32 = u32::MAX;

use crate::office::tests::{text, Lcg};

pub(in crate::office) fn vals(row: &SheetRow) -> Vec<CellValue> {
    row.cells.iter().map(|c| c.value.clone()).collect()
}

pub(in crate::office) fn row(s: &Sheet, n: u32) -> &SheetRow {
    s.rows.iter().find(|r| r.row == n).expect("row")
}

// ------------------------------------------------------------ builders

pub(in crate::office) fn rec(id: u16, data: &[u8]) -> Vec<u8> {
    [
        &id.to_le_bytes()[..],
        &(data.len() as u16).to_le_bytes(),
        data,
    ]
    .concat()
}

pub(in crate::office) fn cell(id: u16, row: u16, col: u16, xf: u16, rest: &[u8]) -> Vec<u8> {
    let head = [row.to_le_bytes(), col.to_le_bytes(), xf.to_le_bytes()].concat();
    rec(id, &[&head[..], rest].concat())
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// BIFF8 string: length (2 bytes when `long`), flags, characters (8-bit
/// when they all fit).
pub(in crate::office) fn ustr(s: &str, long: bool) -> Vec<u8> {
    let u: Vec<u16> = s.encode_utf16().collect();
    let mut v = if long {
        (u.len() as u16).to_le_bytes().to_vec()
    } else {
        vec![u.len() as u8]
    };
    if u.iter().all(|&c| c < 256) {
        v.push(0);
        v.extend(u.iter().map(|&c| c as u8));
    } else {
        v.push(1);
        v.extend(utf16(s));
    }
    v
}

/// BIFF5 string: length then bytes.
pub(in crate::office) fn bstr(b: &[u8], long: bool) -> Vec<u8> {
    let mut v = if long {
        (b.len() as u16).to_le_bytes().to_vec()
    } else {
        vec![b.len() as u8]
    };
    v.extend(b);
    v
}

pub(in crate::office) fn font(name: &[u8]) -> Vec<u8> {
    rec(0x31, &[&[0u8; 14][..], name].concat())
}

pub(in crate::office) fn xf(font: u16, fmt: u16) -> Vec<u8> {
    rec(
        0xE0,
        &[&font.to_le_bytes()[..], &fmt.to_le_bytes(), &[0; 16]].concat(),
    )
}

fn rk_int(v: i32) -> [u8; 4] {
    ((v << 2) as u32 | 2).to_le_bytes()
}

/// A workbook stream: globals (BOF, `globals`, a BOUNDSHEET per sheet, EOF)
/// then the sheets (name, BOUNDSHEET type, BOF type, records).
pub(in crate::office) fn workbook(
    biff8: bool,
    globals: &[Vec<u8>],
    sheets: &[(&str, u8, u16, Vec<Vec<u8>>)],
) -> Vec<u8> {
    let vers: u16 = if biff8 { 0x0600 } else { 0x0500 };
    let bof = |dt: u16| {
        rec(
            0x0809,
            &[vers.to_le_bytes(), dt.to_le_bytes(), [0; 2], [0; 2]].concat(),
        )
    };
    let build = |offs: &[u32]| {
        let mut v = bof(5);
        for g in globals {
            v.extend(g);
        }
        for ((name, kind, ..), off) in sheets.iter().zip(offs) {
            let mut d = off.to_le_bytes().to_vec();
            d.extend([0, *kind]);
            if biff8 {
                d.extend(ustr(name, false));
            } else {
                d.extend(bstr(&encode_as(name, Encoding::Windows1258), false));
            }
            v.extend(rec(0x85, &d));
        }
        v.extend(rec(0x0A, &[]));
        v
    };
    let mut at = build(&vec![0; sheets.len()]).len();
    let mut offs = Vec::new();
    let mut body = Vec::new();
    for (_, _, dt, recs) in sheets {
        offs.push(at as u32);
        let mut s = bof(*dt);
        for r in recs {
            s.extend(r);
        }
        s.extend(rec(0x0A, &[]));
        at += s.len();
        body.extend(s);
    }
    [build(&offs), body].concat()
}

pub(in crate::office) fn put32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

/// Puts `bytes` in new `size`-byte sectors chained in `table`.
fn alloc(bytes: &[u8], size: usize, table: &mut Vec<u32>, out: &mut Vec<Vec<u8>>) -> u32 {
    if bytes.is_empty() {
        return END;
    }
    let first = out.len();
    let n = bytes.len().div_ceil(size);
    for (k, chunk) in bytes.chunks(size).enumerate() {
        let mut c = chunk.to_vec();
        c.resize(size, 0);
        out.push(c);
        let i = first + k;
        if table.len() <= i {
            table.resize(i + 1, FREE);
        }
        table[i] = if k + 1 < n { (i + 1) as u32 } else { END };
    }
    first as u32
}

pub(in crate::office) fn dir_entry(
    name: &str,
    kind: u8,
    child: u32,
    right: u32,
    start: u32,
    size: u64,
) -> Vec<u8> {
    let mut e = vec![0u8; 128];
    let u = utf16(name);
    e[..u.len()].copy_from_slice(&u);
    let n = if name.is_empty() {
        0
    } else {
        u.len() as u16 + 2
    };
    e[64..66].copy_from_slice(&n.to_le_bytes());
    e[66] = kind;
    e[67] = 1;
    put32(&mut e, 68, FREE);
    put32(&mut e, 72, right);
    put32(&mut e, 76, child);
    put32(&mut e, 116, start);
    e[120..128].copy_from_slice(&size.to_le_bytes());
    e
}

/// A compound file holding `streams` (those under 4096 bytes in the mini
/// stream), with 2^`shift`-byte sectors and `nfat` FAT sectors (over 109
/// needs DIFAT sectors).
pub(in crate::office) fn cfb(streams: &[(&str, &[u8])], shift: u16, nfat: usize) -> Vec<u8> {
    let ssz = 1usize << shift;
    let per = ssz / 4;
    let ndifat = nfat.saturating_sub(109).div_ceil(per - 1);
    let mut fat = vec![FREE; nfat * per];
    let mut sectors = vec![vec![0u8; ssz]; nfat + ndifat];
    for (i, f) in fat.iter_mut().enumerate().take(nfat + ndifat) {
        *f = if i < nfat { 0xFFFF_FFFD } else { 0xFFFF_FFFC };
    }
    let (mut minifat, mut mini) = (Vec::new(), Vec::new());
    let mut entries = Vec::new();
    for (i, (name, data)) in streams.iter().enumerate() {
        let start = if data.len() < 4096 {
            alloc(data, 64, &mut minifat, &mut mini)
        } else {
            alloc(data, ssz, &mut fat, &mut sectors)
        };
        let right = if i + 1 < streams.len() {
            i as u32 + 2
        } else {
            FREE
        };
        entries.push(dir_entry(name, 2, FREE, right, start, data.len() as u64));
    }
    let mini = mini.concat();
    let root_start = alloc(&mini, ssz, &mut fat, &mut sectors);
    minifat.resize(minifat.len().div_ceil(per) * per, FREE);
    let minifat_bytes: Vec<u8> = minifat.iter().flat_map(|x| x.to_le_bytes()).collect();
    let minifat_start = alloc(&minifat_bytes, ssz, &mut fat, &mut sectors);
    let child = if streams.is_empty() { FREE } else { 1 };
    let mut dir = dir_entry("Root Entry", 5, child, FREE, root_start, mini.len() as u64);
    for e in entries {
        dir.extend(e);
    }
    while !dir.len().is_multiple_of(ssz) {
        dir.extend(dir_entry("", 0, FREE, FREE, 0, 0));
    }
    let dir_start = alloc(&dir, ssz, &mut fat, &mut sectors);
    assert!(fat.len() <= nfat * per, "FAT too small for the test file");
    for i in 0..nfat {
        sectors[i] = fat[i * per..(i + 1) * per]
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .collect();
    }
    let rest: Vec<u32> = (109..nfat as u32).collect();
    for (j, ids) in rest.chunks(per - 1).enumerate() {
        let s = &mut sectors[nfat + j];
        s.fill(0xFF);
        for (k, id) in ids.iter().enumerate() {
            put32(s, 4 * k, *id);
        }
        let next = if j + 1 < ndifat {
            (nfat + j + 1) as u32
        } else {
            END
        };
        put32(s, ssz - 4, next);
    }
    let mut h = vec![0u8; ssz];
    h[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    h[0x18..0x20].copy_from_slice(&[
        0x3E,
        0,
        if shift == 12 { 4 } else { 3 },
        0,
        0xFE,
        0xFF,
        shift as u8,
        0,
    ]);
    h[0x20] = 6;
    put32(&mut h, 0x2C, nfat as u32);
    put32(&mut h, 0x30, dir_start);
    put32(&mut h, 0x38, 4096);
    put32(&mut h, 0x3C, minifat_start);
    put32(&mut h, 0x40, (minifat.len() / per) as u32);
    put32(&mut h, 0x44, if ndifat > 0 { nfat as u32 } else { END });
    put32(&mut h, 0x48, ndifat as u32);
    for i in 0..109 {
        put32(&mut h, 0x4C + 4 * i, if i < nfat { i as u32 } else { FREE });
    }
    [h, sectors.concat()].concat()
}

/// Where the size of directory entry `i` of a 512-byte-sector file lies.
fn size_field(f: &[u8], i: usize) -> usize {
    let dir = u32_at(f, 0x30).unwrap() as usize;
    (dir + 1) * 512 + 128 * i + 120
}

/// A BIFF8 workbook exercising every record the reader knows: SST split
/// over CONTINUE records (8/16-bit switches, rich runs, extended data),
/// RK/MULRK/NUMBER, dates, fonts, formulas, an embedded chart, a chart sheet.
pub(in crate::office) fn biff8_stream(extra_globals: &[Vec<u8>]) -> Vec<u8> {
    let arial = ustr("Arial", false);
    let mut globals = vec![rec(0x42, &1200u16.to_le_bytes())];
    globals.extend(extra_globals.iter().cloned());
    for _ in 0..4 {
        globals.push(font(&arial));
    }
    globals.push(font(&ustr(".VnTime", false))); // index 5 (there is no 4)
    globals.push(font(&ustr("Times New Roman", false))); // index 6
    for (id, code) in [(164u16, "dd/mm/yyyy"), (165, "\"d\" 0"), (166, "[Red]0.00")] {
        globals.push(rec(
            0x41E,
            &[&id.to_le_bytes()[..], &ustr(code, true)].concat(),
        ));
    }
    for (f, fmt) in [
        (0, 0),
        (0, 164),
        (5, 0),
        (0, 165),
        (0, 14),
        (6, 0),
        (0, 166),
    ] {
        globals.push(xf(f, fmt));
    }
    // SST: "Xã " 8-bit then "Trung Thượng" 16-bit after a CONTINUE; a rich
    // string with extended data cut by a CONTINUE; a string whose characters
    // start in the next CONTINUE; a 16-bit string; an empty string.
    let mut sst = [5u32.to_le_bytes(), 5u32.to_le_bytes()].concat();
    sst.extend([15, 0, 0, b'X', 0xE3, b' ']);
    let mut a = vec![1];
    a.extend(utf16("Trung Thượng"));
    a.extend([6, 0, 0x0D, 2, 0, 6, 0, 0, 0]);
    a.extend(utf16("Sơn Lư"));
    a.extend([0, 0, 0, 0, 3, 0, 5, 0, 0xAA, 0xBB]);
    let mut b = vec![0xCC, 0xDD, 0xEE, 0xFF];
    b.extend([15, 0, 1]);
    let mut c = vec![1];
    c.extend(utf16("Thị trấn Sơn Lư"));
    c.extend(ustr("Huyện Quan Sơn", true));
    c.extend([0, 0, 0]);
    globals.push(rec(0xFC, &sst));
    for part in [a, b, c] {
        globals.push(rec(0x3C, &part));
    }
    let f64b = |x: f64| x.to_le_bytes();
    let formula = |row, col, res: [u8; 8]| cell(0x06, row, col, 0, &[&res[..], &[0; 6]].concat());
    let special = |kind: u8, v: u8| [kind, 0, v, 0, 0, 0, 0xFF, 0xFF];
    let mut string = 9u16.to_le_bytes().to_vec();
    string.extend([0, b'T']);
    let mut string_more = vec![1];
    string_more.extend(utf16("ổng cộng"));
    let mut mulrk = [2u16.to_le_bytes(), 0u16.to_le_bytes()].concat();
    for (x, v) in [(0u16, 10), (1, 44512), (0, -7)] {
        mulrk.extend(x.to_le_bytes());
        mulrk.extend(rk_int(v));
    }
    mulrk.extend(2u16.to_le_bytes());
    let tcvn = encode_as("Xã Trung Thượng", Encoding::Tcvn3);
    let tcvn: String = tcvn.iter().map(|&b| char::from(b)).collect();
    let sheet = vec![
        cell(0x203, 6, 1, 0, &f64b(3.0)), // out of order
        cell(0xFD, 0, 0, 0, &0u32.to_le_bytes()),
        cell(0xFD, 0, 1, 0, &1u32.to_le_bytes()),
        cell(0xFD, 0, 2, 0, &2u32.to_le_bytes()),
        cell(0xFD, 0, 3, 0, &3u32.to_le_bytes()),
        cell(0xFD, 0, 4, 0, &4u32.to_le_bytes()),
        cell(0x27E, 1, 0, 0, &rk_int(58)),
        cell(0x27E, 1, 1, 0, &((125u32 << 2) | 3).to_le_bytes()),
        cell(0x27E, 1, 2, 0, &0x3FE0_0000u32.to_le_bytes()),
        cell(0x203, 1, 3, 3, &f64b(1234567.891)),
        cell(0x27E, 1, 4, 4, &rk_int(44512)),
        cell(0x203, 1, 5, 6, &f64b(2.5)),
        rec(0xBD, &mulrk),
        cell(0x205, 3, 0, 0, &[1, 0]),
        cell(0x205, 3, 1, 0, &[7, 1]),
        formula(3, 2, f64b(584.0)),
        formula(3, 3, special(0, 0)),
        rec(0x207, &string),
        rec(0x3C, &string_more),
        formula(3, 4, special(1, 1)),
        formula(3, 5, special(2, 0x2A)),
        formula(3, 6, special(3, 0)),
        cell(0x204, 4, 0, 5, &ustr("Huyện Quan Sơn", true)),
        cell(0x204, 4, 1, 2, &ustr(&tcvn, true)),
        cell(0x201, 4, 5, 0, &[]),
        rec(0x0809, &[0, 6, 0x20, 0]),
        cell(0x203, 9, 9, 0, &f64b(1.0)),
        rec(0x0A, &[]),
    ];
    workbook(
        true,
        &globals,
        &[
            ("Số liệu", 0, 0x10, sheet),
            ("Biểu đồ", 2, 0x20, vec![]),
            ("Macro", 0, 0x40, vec![cell(0x203, 0, 0, 0, &f64b(1.0))]),
            ("Trống", 0, 0x10, vec![]),
        ],
    )
}

fn check_biff8(wb: &Workbook) {
    let names: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Số liệu", "Trống"]);
    let s = &wb.sheets[0];
    assert_eq!(
        s.rows.iter().map(|r| r.row).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 7]
    );
    let r1 = row(s, 1);
    assert_eq!(
        vals(r1),
        [
            text("Xã Trung Thượng"),
            text("Sơn Lư"),
            text("Thị trấn Sơn Lư"),
            text("Huyện Quan Sơn")
        ]
    );
    assert_eq!(
        r1.cells[1].font.as_deref(),
        Some(".VnTime"),
        "first run font"
    );
    assert_eq!(r1.cells[0].font, None);
    assert_eq!(
        vals(row(s, 2)),
        [
            CellValue::Number(58.0),
            CellValue::Number(1.25),
            CellValue::Number(0.5),
            CellValue::Number(1234567.891),
            CellValue::Date(44512.0),
            CellValue::Number(2.5),
        ]
    );
    assert_eq!(
        vals(row(s, 3)),
        [
            CellValue::Number(10.0),
            CellValue::Date(44512.0),
            CellValue::Number(-7.0)
        ]
    );
    assert_eq!(
        vals(row(s, 4)),
        [
            CellValue::Bool(true),
            CellValue::Error("#DIV/0!".into()),
            CellValue::Number(584.0),
            text("Tổng cộng"),
            CellValue::Bool(true),
            CellValue::Error("#N/A".into()),
        ]
    );
    let r5 = row(s, 5);
    assert_eq!(r5.cells.len(), 2, "BLANK is not a value");
    assert_eq!(r5.cells[0].font.as_deref(), Some("Times New Roman"));
    assert_eq!(r5.cells[1].font.as_deref(), Some(".VnTime"));
    let CellValue::Text(t) = &r5.cells[1].value else {
        panic!("text")
    };
    assert_eq!(convert_legacy_str(t, Encoding::Tcvn3), "Xã Trung Thượng");
    assert_eq!(vals(row(s, 7)), [CellValue::Empty, CellValue::Number(3.0)]);
    assert!(wb.sheets[1].rows.is_empty());
}

// ------------------------------------------------------------ fixtures

#[test]
fn seed_reads_through_ingest() {
    for name in ["seed.xls", "misnamed.xlsx", "seed"] {
        let d = crate::ingest::read(SEED, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let cur = d.current().unwrap();
        let totals = crate::model::totals_of(cur);
        assert_eq!(cur.units.len(), 12, "{name}");
        assert_eq!(totals.get(Indicator::Locations), Some(584), "{name}");
        assert_eq!(totals.get(Indicator::Scans), Some(4336), "{name}");
        assert_eq!(cur.units[1].name, "Xã Trung Thượng");
        assert_eq!(cur.units[8].name, "Thị trấn Sơn Lư");
        let src = &d.sources[0];
        assert_eq!(src.format, crate::ingest::Format::Xls);
        assert_eq!(src.sheets, ["Phụ lục"]);
        assert_eq!(src.header_line, 3);
        assert_eq!(src.account.totals, 1);
        assert!(src.issues.is_empty(), "{:?}", src.issues);
    }
}

#[test]
fn seed_cells() {
    let wb = read_xls(SEED, &Limits::default()).unwrap();
    assert_eq!(wb.sheets.len(), 1);
    let s = &wb.sheets[0];
    assert_eq!(s.name, "Phụ lục");
    assert_eq!(
        s.rows.iter().map(|r| r.row).collect::<Vec<_>>(),
        (1..=16).filter(|&r| r != 2).collect::<Vec<_>>()
    );
    assert_eq!(
        vals(row(s, 1)),
        [text(
            "DANH SÁCH CHI TIẾT THỐNG KÊ TÌNH HÌNH TẠO, QUÉT MÃ QR NGÀY 12/11/2021"
        )]
    );
    assert_eq!(
        vals(row(s, 12)),
        [
            CellValue::Number(9.0),
            text("Huyện Quan Sơn"),
            text("Thị trấn Sơn Lư"),
            CellValue::Number(79.0),
            CellValue::Number(610.0)
        ]
    );
    // The total row: formulas with their cached results.
    assert_eq!(
        vals(row(s, 16)),
        [
            CellValue::Empty,
            text("Tổng cộng"),
            CellValue::Empty,
            CellValue::Number(584.0),
            CellValue::Number(4336.0)
        ]
    );
    assert!(s
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .all(|c| c.font.is_none()));
}

#[test]
fn second_sheet_dates_fonts_formulas() {
    let wb = read_xls(MULTI, &Limits::default()).unwrap();
    let names: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Ghi chú", "Số liệu"]);
    let notes = &wb.sheets[0];
    let vn = &row(notes, 2).cells[1];
    assert_eq!(vn.font.as_deref(), Some(".VnTime"));
    let CellValue::Text(t) = &vn.value else {
        panic!("text")
    };
    assert_eq!(convert_legacy_str(t, Encoding::Tcvn3), "Xã Trung Thượng");
    assert_eq!(row(notes, 3).cells[2].value, CellValue::Bool(true), "=1=1");
    assert_eq!(vals(row(notes, 4))[1], CellValue::Error("#DIV/0!".into()));
    assert_eq!(vals(row(notes, 5))[1], text("Sơn Lư"), "FORMULA + STRING");
    assert_eq!(
        vals(row(notes, 6))[1..],
        [
            CellValue::Number(1.25),
            CellValue::Number(1234567.891),
            CellValue::Number(-7.0),
            CellValue::Number(1e300)
        ]
    );
    let CellValue::Date(x) = row(notes, 7).cells[1].value else {
        panic!("date-time")
    };
    assert!((x - (44512.0 + 8.5 / 24.0)).abs() < 1e-9);
    let data = &wb.sheets[1];
    for r in 4..=15 {
        let cells = &row(data, r).cells;
        assert_eq!(cells[3].value, CellValue::Date(44512.0), "row {r}");
        assert_eq!(cells[2].font.as_deref(), Some("Times New Roman"));
    }

    let d = crate::ingest::read(MULTI, "multi.xls").unwrap();
    assert_eq!(d.sources[0].sheet, Some(1), "the table, not the notes");
    let cur = d.current().unwrap();
    assert_eq!(cur.units.len(), 12);
    assert_eq!(
        crate::model::totals_of(cur).get(Indicator::Scans),
        Some(4336)
    );
    assert_eq!(cur.date, crate::date::Date::new(2021, 11, 12));
}

// ------------------------------------------------------------ hand-built

#[test]
fn biff8_records_in_every_container() {
    let stream = biff8_stream(&[]);
    assert!(stream.len() < 4096, "small enough for the mini stream");
    let mut big = stream.clone();
    big.resize(5000, 0); // zeros after the last EOF, as in real files
    let other: &[u8] = &[7; 100];
    for (label, file) in [
        ("mini stream", cfb(&[("Workbook", &stream)], 9, 1)),
        ("regular sectors", cfb(&[("Workbook", &big)], 9, 1)),
        (
            "4096-byte sectors",
            cfb(
                &[("\u{5}SummaryInformation", other), ("WORKBOOK", &stream)],
                12,
                1,
            ),
        ),
        ("4096-byte sectors, big", cfb(&[("Workbook", &big)], 12, 1)),
        (
            "DIFAT sectors",
            cfb(&[("Ole", other), ("Workbook", &big)], 9, 110),
        ),
    ] {
        let wb = read_xls(&file, &Limits::default()).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        check_biff8(&wb);
    }
}

#[test]
fn date1904_is_shifted() {
    let stream = biff8_stream(&[rec(0x22, &1u16.to_le_bytes())]);
    let wb = read_xls(&cfb(&[("Workbook", &stream)], 9, 1), &Limits::default()).unwrap();
    assert_eq!(
        row(&wb.sheets[0], 2).cells[4].value,
        CellValue::Date(44512.0 + 1462.0)
    );
}

#[test]
fn encrypted_and_foreign_files_are_refused() {
    let filepass = biff8_stream(&[rec(0x2F, &[0, 0])]);
    let e = read_xls(&cfb(&[("Workbook", &filepass)], 9, 1), &Limits::default());
    assert_eq!(e, Err(XlsError::Encrypted));
    let x: &[u8] = &[1; 600];
    let agile = cfb(&[("EncryptionInfo", x), ("EncryptedPackage", x)], 9, 1);
    assert_eq!(
        read_xls(&agile, &Limits::default()),
        Err(XlsError::Encrypted)
    );
    let err = crate::ingest::read(&agile, "bang.xlsx").unwrap_err();
    assert!(err.to_string().contains("mật khẩu"), "{err}");
    let doc = cfb(&[("WordDocument", x)], 9, 1);
    assert_eq!(
        read_xls(&doc, &Limits::default()),
        Err(XlsError::NoWorkbookStream)
    );
    assert_eq!(
        read_xls(b"PK\x03\x04", &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::NotCompound))
    );
    let mut bad_shift = cfb(&[("Workbook", x)], 9, 1);
    bad_shift[0x1E] = 10;
    assert_eq!(
        read_xls(&bad_shift, &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::NotCompound))
    );
    let no_bof = cfb(&[("Workbook", x)], 9, 1);
    assert_eq!(
        read_xls(&no_bof, &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::BadRecord(0)))
    );
}

#[test]
fn fat_cycles_are_refused() {
    let mut big = biff8_stream(&[]);
    big.resize(5000, 0);
    let file = cfb(&[("Workbook", &big)], 9, 1);
    let fat = |i: u32| 512 + 4 * i as usize;
    // The stream's chain: loop its last sector back to its first.
    let start = u32_at(&file, size_field(&file, 1) - 4).unwrap();
    let mut last = start;
    while u32_at(&file, fat(last)) != Some(END) {
        last = u32_at(&file, fat(last)).unwrap();
    }
    let mut looped = file.clone();
    put32(&mut looped, fat(last), start);
    assert_eq!(
        read_xls(&looped, &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::BadChain))
    );
    // The directory's chain loops on itself.
    let dir = u32_at(&file, 0x30).unwrap();
    let mut looped = file.clone();
    put32(&mut looped, fat(dir), dir);
    assert_eq!(
        read_xls(&looped, &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::BadChain))
    );
    // A mini stream chain that loops.
    let small = biff8_stream(&[]);
    let file = cfb(&[("Workbook", &small)], 9, 1);
    let minifat = u32_at(&file, 0x3C).unwrap() as usize;
    let mut looped = file.clone();
    put32(&mut looped, (minifat + 1) * 512 + 4, 0);
    assert_eq!(
        read_xls(&looped, &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::BadChain))
    );
    // A chain pointing outside the FAT.
    let mut wild = file.clone();
    put32(&mut wild, 0x30, 0x00FF_FFFF);
    assert!(read_xls(&wild, &Limits::default()).is_err());
}

#[test]
fn sheets_pointing_into_each_other_are_refused() {
    let sheet = vec![cell(0x203, 0, 0, 0, &1f64.to_le_bytes()); 300];
    let sheets = [
        ("A", 0, 0x10, sheet),
        ("B", 0, 0x10, vec![]),
        ("C", 0, 0x10, vec![]),
    ];
    let mut stream = workbook(true, &[], &sheets);
    let mut r = Records { b: &stream, pos: 0 };
    let mut at = Vec::new();
    while let Some((id, d)) = r.next().unwrap() {
        if id == 0x85 {
            at.push(r.pos - d.len()); // the offset field of this BOUNDSHEET
        }
    }
    let first = u32_at(&stream, at[0]).unwrap();
    let ok = read_xls(&cfb(&[("Workbook", &stream)], 9, 1), &Limits::default());
    assert_eq!(ok.unwrap().sheets.len(), 3);
    put32(&mut stream, at[1], first);
    put32(&mut stream, at[2], first);
    let file = cfb(&[("Workbook", &stream)], 9, 1);
    assert_eq!(
        read_xls(&file, &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::BadRecord(first as usize)))
    );
}

#[test]
fn huge_claimed_streams_are_refused_quickly() {
    let mut big = biff8_stream(&[]);
    big.resize(5000, 0);
    let file = cfb(&[("Workbook", &big)], 9, 1);
    let at = size_field(&file, 1);
    let t = Instant::now();
    let mut huge = file.clone();
    put32(&mut huge, at, 0xFFFF_FF00);
    assert!(matches!(
        read_xls(&huge, &Limits::default()),
        Err(XlsError::TooLarge { .. })
    ));
    // Within the limit but far longer than its chain.
    put32(&mut huge, at, 150_000_000);
    assert_eq!(
        read_xls(&huge, &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::Truncated))
    );
    // The root entry (the mini stream's container) too.
    let small = cfb(&[("Workbook", &biff8_stream(&[]))], 9, 1);
    let mut huge = small.clone();
    put32(&mut huge, size_field(&small, 0), 0xFFFF_FF00);
    assert!(read_xls(&huge, &Limits::default()).is_err());
    // Version 4: a 64-bit size.
    let mut v4 = cfb(&[("Workbook", &big)], 12, 1);
    let dir = u32_at(&v4, 0x30).unwrap() as usize;
    v4[(dir + 1) * 4096 + 128 + 124] = 0x10;
    assert!(matches!(
        read_xls(&v4, &Limits::default()),
        Err(XlsError::TooLarge { .. })
    ));
    assert!(t.elapsed().as_millis() < 1000, "{:?}", t.elapsed());
}

#[test]
fn limits_apply() {
    let lim = Limits::default();
    let err = read_xls(
        SEED,
        &Limits {
            max_rows: 10,
            ..lim
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            XlsError::Limit(LimitError::TooManyRows { limit: 10, .. })
        ),
        "{err:?}"
    );
    let err = read_xls(SEED, &Limits { max_cols: 3, ..lim }).unwrap_err();
    assert!(
        matches!(
            err,
            XlsError::Limit(LimitError::TooManyCols {
                row: 3,
                limit: 3,
                ..
            })
        ),
        "{err:?}"
    );
    let err = read_xls(
        SEED,
        &Limits {
            max_cells: 50,
            ..lim
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            XlsError::Limit(LimitError::TooManyCells { limit: 50, .. })
        ),
        "{err:?}"
    );
    let err = read_xls(
        SEED,
        &Limits {
            max_total: 1000,
            ..lim
        },
    )
    .unwrap_err();
    assert!(matches!(err, XlsError::TooLarge { limit: 1000 }), "{err:?}");
}

#[test]
fn damage_never_panics() {
    let lim = Limits::default();
    let stream = biff8_stream(&[]);
    let mut big = stream.clone();
    big.resize(5000, 0);
    let files = [
        SEED.to_vec(),
        MULTI.to_vec(),
        cfb(&[("Workbook", &stream)], 9, 1),
        cfb(&[("Workbook", &big)], 12, 1),
        cfb(&[("Ole", &[7; 100]), ("Workbook", &big)], 9, 110),
    ];
    let mut rng = Lcg(1258);
    let t = Instant::now();
    for f in &files {
        for cut in (0..f.len()).step_by(61) {
            let _ = read_xls(&f[..cut], &lim);
        }
        for round in 0..1500 {
            let mut m = f.clone();
            // Half of the rounds hit the header, FAT and directory harder.
            let span = if round % 2 == 0 {
                m.len()
            } else {
                m.len().min(1536)
            };
            for _ in 0..1 + rng.next() % 8 {
                let i = rng.next() as usize % span;
                m[i] = rng.next() as u8;
            }
            let _ = read_xls(&m, &lim);
        }
    }
    // Damage inside a valid container, so the BIFF parser sees it.
    for _ in 0..3000 {
        let mut s = stream.clone();
        for _ in 0..1 + rng.next() % 6 {
            let i = rng.next() as usize % s.len();
            s[i] = rng.next() as u8;
        }
        let cut = rng.next() as usize % (s.len() + 1);
        if rng.next().is_multiple_of(3) {
            s.truncate(cut);
        }
        if let Ok(wb) = read_xls(&cfb(&[("Workbook", &s)], 9, 1), &lim) {
            assert!(wb
                .sheets
                .iter()
                .all(|s| s.rows.windows(2).all(|w| w[0].row < w[1].row)));
        }
    }
    assert!(t.elapsed().as_secs() < 30, "{:?}", t.elapsed());
}
