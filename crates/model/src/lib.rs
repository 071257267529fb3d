//! thongbao-model: the bottom layer. The data every feature shares (a
//! dataset of periods of units, where each figure came from), the calendar
//! and number forms of Vietnamese letters, and the UI language.
//!
//! Architecture invariant: this crate depends on nothing of thongbao but
//! `thongbao-text`; reading, computing and writing sit above it (Cargo
//! enforces the direction: they are separate crates).

pub mod date;
pub mod decimal;
pub mod escape;
pub mod fastmap;
pub mod format;
pub mod json;
pub mod model;
pub mod order;
pub mod report;
pub mod source;

/// Vietnamese text (encodings, NFC, folding) from the crate below.
pub use thongbao_text as text;

/// The UI language. The letter itself is always Vietnamese.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    // Saved work of version 0 stored the language as its code: the reader
    // (`json.rs`) takes "vi", "vn" and "en" too.
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
pub const SAMPLE_CSV: &str = include_str!("../../../assets/quan-son-2021-11-12.csv");
/// The sample's file name, as shown in `source-name`.
pub const SAMPLE_NAME: &str = "quan-son-2021-11-12.csv";

/// Where and why a JSON file could not be read, to say in either language
/// ("dòng 3, cột 14: sai cú pháp JSON"), as our parser
/// ([`json::parse_value`]) finds it: line and column (1-based, columns in
/// bytes) and the class of fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonPlace {
    pub line: usize,
    pub column: usize,
    pub fault: JsonFault,
}

/// The class of a JSON fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonFault {
    Io,
    Syntax,
    Data,
    Eof,
}

impl JsonPlace {
    /// "dòng 3, cột 14: sai cú pháp JSON" / "line 3, column 14: not valid JSON".
    pub fn message(&self, lang: Lang) -> String {
        let (l, c) = (self.line, self.column);
        if l == 0 {
            // A shape fault: valid JSON of another form (no place to name).
            return match lang {
                Lang::Vi => "dữ liệu không đúng dạng".to_string(),
                Lang::En => "unexpected data".to_string(),
            };
        }
        match lang {
            Lang::Vi => {
                let why = match self.fault {
                    JsonFault::Io => "lỗi đọc",
                    JsonFault::Syntax => "sai cú pháp JSON",
                    JsonFault::Data => "dữ liệu không đúng dạng",
                    JsonFault::Eof => "tệp bị cắt cụt",
                };
                format!("dòng {l}, cột {c}: {why}")
            }
            Lang::En => {
                let why = match self.fault {
                    JsonFault::Io => "read error",
                    JsonFault::Syntax => "not valid JSON",
                    JsonFault::Data => "unexpected data",
                    JsonFault::Eof => "the file ends too early",
                };
                format!("line {l}, column {c}: {why}")
            }
        }
    }
}
