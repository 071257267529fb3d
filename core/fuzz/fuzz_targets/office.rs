//! The zip and workbook readers (.xlsx, .ods, .xls) on any bytes, under
//! tight limits: never a panic, and what they return stays within the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thongbao_core::office::{
    read_ods, read_xls, read_xlsx, read_zip, Limits, Ods, Workbook, WorkbookReader, Xls, Xlsx,
    ZipArchive,
};

const LIMITS: Limits = Limits {
    max_total: 16 << 20,
    max_entry: 8 << 20,
    max_entries: 256,
    max_rows: 5_000,
    max_cols: 512,
    max_depth: 64,
    max_cells: 50_000,
};

fn within(wb: &Workbook) {
    let mut cells = 0usize;
    for s in &wb.sheets {
        assert!(s.rows.len() <= LIMITS.max_rows, "{} rows", s.rows.len());
        let mut last = 0;
        for r in &s.rows {
            assert!(r.row as usize <= LIMITS.max_rows, "row {}", r.row);
            assert!(r.row > last, "rows ascending: {} after {last}", r.row);
            last = r.row;
            assert!(r.cells.len() <= LIMITS.max_cols, "{} cols", r.cells.len());
            cells += r.cells.len();
        }
    }
    assert!(cells <= LIMITS.max_cells, "{cells} cells");
}

/// Opened lazily, every sheet that parses stays within the limits, and
/// there is no sheet past the names.
fn each_sheet<W: WorkbookReader>(mut wb: W) {
    let n = wb.sheet_names().len();
    let mut sheets = Vec::new();
    for i in 0..n {
        if let Some(Ok(s)) = wb.sheet(i) {
            sheets.push(s);
        }
    }
    assert!(wb.sheet(n).is_none());
    within(&Workbook { sheets });
}

fuzz_target!(|data: &[u8]| {
    if let Ok(z) = ZipArchive::new(data, &LIMITS) {
        assert!(z.entries().len() <= LIMITS.max_entries);
        for e in z.entries() {
            if let Ok(bytes) = z.read(e) {
                assert!(bytes.len() as u64 <= LIMITS.max_entry);
                assert_eq!(bytes.len() as u64, e.size);
            }
        }
    }
    if let Ok(parts) = read_zip(data, &LIMITS) {
        let total: usize = parts.iter().map(|(_, b)| b.len()).sum();
        assert!(total as u64 <= LIMITS.max_total);
    }
    match read_xlsx(data, &LIMITS) {
        Ok(wb) => within(&wb),
        Err(e) => {
            let _ = (e.to_string(), e.message(thongbao_core::Lang::En));
        }
    }
    match read_ods(data, &LIMITS) {
        Ok(wb) => within(&wb),
        Err(e) => {
            let _ = (e.to_string(), e.message(thongbao_core::Lang::En));
        }
    }
    match read_xls(data, &LIMITS) {
        Ok(wb) => within(&wb),
        Err(e) => {
            let _ = (e.to_string(), e.message(thongbao_core::Lang::En));
        }
    }
    if let Ok(wb) = Xlsx::open(data, &LIMITS) {
        each_sheet(wb);
    }
    if let Ok(wb) = Ods::open(data, &LIMITS) {
        each_sheet(wb);
    }
    if let Ok(wb) = Xls::open(data, &LIMITS) {
        each_sheet(wb);
    }
});
