//! thongbao-compute: figures from a dataset. Totals, rates, changes, ranks
//! and classes (`stats`), chart layout as plain shapes (`chart`), and the
//! periods kept from week to week (`history`).
//!
//! Architecture invariant: depends on the model and reading crates only;
//! nothing here writes a letter, an export or HTML of the page.

pub mod chart;
pub mod engine;
pub mod history;
pub mod sort;
pub mod stats;

pub use thongbao_model::json;
pub use thongbao_model::{
    date, decimal, escape, fastmap, format, model, source, text, Lang, SAMPLE_CSV, SAMPLE_NAME,
};
pub use thongbao_read::{csv, html_table, ingest, office};
