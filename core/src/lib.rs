//! thongbao-core: everything thongbao knows, as plain Rust — the one crate
//! the app, the tests, the examples and the fuzz targets name.
//!
//! It only re-exports the layer crates (ARCHITECTURE.md, "Code map"):
//! `thongbao-text` → `thongbao-model` → `thongbao-read` → `thongbao-compute`
//! → `thongbao-write`. Each layer depends only on the ones before it, and
//! Cargo enforces that: a lower crate cannot name a higher one.
//!
//! Data flow: bytes → [`ingest::read`] → [`model::Dataset`] →
//! [`engine::compute`] (a report definition) → [`engine::Computed`] →
//! [`letter::build`] → [`letter::Letter`] → HTML (the app), .docx ([`export::docx`]), and the
//! computed table as CSV/.xlsx ([`export`]). Charts are laid out by
//! [`chart`] as plain shapes the app draws as SVG.
//!
//! No crate here depends on leptos, web-sys or wasm-bindgen: they are tested
//! natively with `cargo test` and the browser app is a thin shell over them.

pub use thongbao_compute::{chart, engine, history, stats};
pub use thongbao_model::json;
pub use thongbao_model::{
    date, decimal, escape, fastmap, format, model, order, report as spec, source, text, JsonFault,
    JsonPlace, Lang, SAMPLE_CSV, SAMPLE_NAME,
};
pub use thongbao_read::{csv, html_table, ingest, office};
pub use thongbao_write::{
    archive, designer, embed, export, html, letter, report, report_dashboard, saved,
};
