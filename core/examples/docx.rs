//! Writes the built-in sample letter as .docx: `cargo run --example docx -- out.docx`.

use thongbao_core::letter::{covid_letter, covid_qr, sample_manual};
use thongbao_core::stats::Settings;
use thongbao_core::{export::docx, ingest, SAMPLE_CSV, SAMPLE_NAME};

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "sample.docx".into());
    let data = ingest::read(SAMPLE_CSV.as_bytes(), SAMPLE_NAME).expect("sample reads");
    let p = covid_qr();
    let letter = covid_letter(&data, &sample_manual(), &Settings::default(), &p.fields, &p);
    std::fs::write(&out, docx::write(&letter)).expect("write");
    println!("{out}");
}
