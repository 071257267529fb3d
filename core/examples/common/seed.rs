//! The seed table (the built-in sample's communes) for the examples that
//! write test files (`make_fixtures`, `fuzz_corpus`): included with
//! `#[path]`, so both lay it out the same way.

use thongbao_core::office::XCell;
use thongbao_core::SAMPLE_CSV;

/// The appendix's header, as the seed letter writes it.
pub const HEADER: [&str; 5] = [
    "STT",
    "Huyện",
    "Thị trấn/xã",
    "Tổng số địa điểm tạo mã QR",
    "Tổng lượt quét QR",
];

/// The sample's rows as text cells (no header).
pub fn rows() -> Vec<Vec<String>> {
    SAMPLE_CSV
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

/// The header as bold workbook cells.
pub fn header_cells() -> Vec<XCell> {
    HEADER.iter().map(|h| XCell::Bold(h.to_string())).collect()
}

/// The first `n` rows as workbook cells, the scans column written by
/// `scans` (an integer, or a float to reach the reader's number paths).
pub fn sheet_rows(n: usize, scans: fn(&str) -> XCell) -> Vec<Vec<XCell>> {
    rows()
        .iter()
        .take(n)
        .map(|r| {
            vec![
                XCell::Int(r[0].parse().unwrap_or_default()),
                XCell::Text(r[1].clone()),
                XCell::Text(r[2].clone()),
                XCell::Int(r[3].parse().unwrap_or_default()),
                scans(&r[4]),
            ]
        })
        .collect()
}
