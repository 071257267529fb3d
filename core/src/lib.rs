//! thongbao-core: everything thongbao knows, as plain Rust.
//!
//! Data flow: bytes → [`ingest::read`] → [`model::Dataset`] →
//! [`stats::summarize`] → [`stats::Summary`] → [`letter::build`] →
//! [`letter::Letter`] → HTML (the app), .docx ([`export::docx`]), and the
//! computed table as CSV/.xlsx ([`export`]). Charts are laid out by
//! [`chart`] as plain shapes the app draws as SVG.
//!
//! This crate never depends on leptos, web-sys or wasm-bindgen: it is tested
//! natively with `cargo test` and the browser app is a thin shell over it.

pub mod chart;
pub mod csv;
pub mod date;
pub mod embed;
pub mod export;
pub mod fastmap;
pub mod format;
pub mod history;
pub mod html_table;
pub mod ingest;
mod ingest_office;
pub mod letter;
pub mod model;
pub mod office;
pub mod report;
pub mod saved;
pub mod stats;
pub mod text;

use serde::{Deserialize, Serialize};

/// The UI language. The letter itself is always Vietnamese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
    pub fn from_code(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vn" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The built-in sample: the appendix table of công văn 2092/UBND-VHTT
/// (Quan Sơn, 16/11/2021).
pub const SAMPLE_CSV: &str = include_str!("../../assets/quan-son-2021-11-12.csv");
/// The sample's file name, as shown in `source-name`.
pub const SAMPLE_NAME: &str = "quan-son-2021-11-12.csv";
