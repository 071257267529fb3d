//! Where figures came from: the report of one file read (format, encoding,
//! sheet, header, columns and their roles), and every row it flagged.
//!
//! These are model types, not reading code: the dataset carries them so a
//! letter, an export or a saved week can say which file and line a figure
//! rests on. Readers fill them in (`thongbao-read`).

use crate::json::{self, variant, within, Bad, FromJson, Value};
use crate::model::Indicator;
use crate::Lang;
use thongbao_text::Encoding;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// "STT": row number, used only in messages.
    Serial,
    District,
    Unit,
    Date,
    Count(Indicator),
    /// A rate typed in the file (e.g. "Tỷ lệ cài đặt"): checked against the
    /// computed one.
    Rate,
}

impl Role {
    /// Every role, in the order the mapping panel offers them.
    pub const ALL: [Role; 10] = [
        Role::Unit,
        Role::District,
        Role::Date,
        Role::Count(Indicator::Locations),
        Role::Count(Indicator::Scans),
        Role::Count(Indicator::Installs),
        Role::Count(Indicator::Smartphones),
        Role::Count(Indicator::Population),
        Role::Rate,
        Role::Serial,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Role::Serial => "serial",
            Role::District => "district",
            Role::Unit => "unit",
            Role::Date => "date",
            Role::Count(i) => i.id(),
            Role::Rate => "rate",
        }
    }

    pub fn from_id(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == s)
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::*;
        match (self, lang) {
            (Role::Serial, Vi) => "STT",
            (Role::District, Vi) => "Huyện",
            (Role::Unit, Vi) => "Xã/thị trấn (đơn vị)",
            (Role::Date, Vi) => "Ngày báo cáo",
            (Role::Rate, Vi) => "Tỷ lệ cài đặt",
            (Role::Serial, En) => "Serial no.",
            (Role::District, En) => "District",
            (Role::Unit, En) => "Commune (unit)",
            (Role::Date, En) => "Report date",
            (Role::Rate, En) => "Install rate",
            (Role::Count(i), l) => i.label(l),
        }
    }
}

/// The kind of file that was read.
#[derive(Clone, Debug, PartialEq)]
pub enum Format {
    /// Delimited text, with its delimiter.
    Text {
        delimiter: char,
    },
    Xlsx,
    Xls,
    Ods,
}

/// How bad a row issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The row is left out of the figures.
    Error,
    /// The row is kept; the figure should be checked.
    Warning,
}

/// What is wrong with a row.
#[derive(Clone, Debug, PartialEq)]
pub enum IssueKind {
    NotANumber,
    Fraction,
    Negative,
    TooLarge,
    EmptyUnitName,
    DuplicateUnit {
        first_line: usize,
        first_file: Option<usize>,
    },
    TooFewCells {
        found: usize,
        expected: usize,
    },
    InstallsAboveSmartphones {
        installs: i64,
        smartphones: i64,
    },
    BadDate,
    /// A total row's figure differs from the sum of the units above it.
    TotalMismatch {
        indicator: Indicator,
        typed: i64,
        computed: i64,
    },
    /// A typed rate differs from installs/smartphones.
    RateMismatch {
        typed: String,
        computed: String,
    },
}

/// One flagged row: line, column, value and reason.
#[derive(Clone, Debug, PartialEq)]
pub struct RowIssue {
    pub line: usize,
    /// Header text of the column concerned.
    pub column: Option<String>,
    /// The cell's text as the file had it.
    pub value: String,
    pub kind: IssueKind,
    pub severity: Severity,
}

impl RowIssue {
    /// An error: the row is left out of the figures.
    pub fn error(
        line: usize,
        column: Option<String>,
        value: impl Into<String>,
        kind: IssueKind,
    ) -> RowIssue {
        RowIssue {
            line,
            column,
            value: value.into(),
            kind,
            severity: Severity::Error,
        }
    }

    /// A warning: the row is kept, the figure should be checked.
    pub fn warning(
        line: usize,
        column: Option<String>,
        value: impl Into<String>,
        kind: IssueKind,
    ) -> RowIssue {
        RowIssue {
            line,
            column,
            value: value.into(),
            kind,
            severity: Severity::Warning,
        }
    }

    /// The reason in words a clerk understands.
    pub fn reason(&self, lang: Lang) -> String {
        use crate::format::int;
        use IssueKind::*;
        let vi = lang == Lang::Vi;
        match &self.kind {
            NotANumber if vi => "không phải là số".into(),
            NotANumber => "is not a number".into(),
            Fraction if vi => "số lượng phải là số nguyên".into(),
            Fraction => "a count must be a whole number".into(),
            Negative if vi => "số lượng không được âm".into(),
            Negative => "a count cannot be negative".into(),
            TooLarge if vi => "số quá lớn".into(),
            TooLarge => "the number is too large".into(),
            EmptyUnitName if vi => "thiếu tên đơn vị".into(),
            EmptyUnitName => "the unit name is empty".into(),
            DuplicateUnit { first_line, .. } if vi => {
                format!("đơn vị trùng với dòng {first_line} trong cùng kỳ báo cáo")
            }
            DuplicateUnit { first_line, .. } => {
                format!("the same unit as line {first_line} in the same period")
            }
            TooFewCells { found, expected } if vi => {
                format!("dòng chỉ có {found} ô, cần ít nhất {expected}")
            }
            TooFewCells { found, expected } => {
                format!("the row has {found} cells, at least {expected} are needed")
            }
            InstallsAboveSmartphones {
                installs,
                smartphones,
            } if vi => format!(
                "số máy cài ({}) lớn hơn số điện thoại thông minh ({})",
                int(*installs),
                int(*smartphones)
            ),
            InstallsAboveSmartphones {
                installs,
                smartphones,
            } => format!(
                "installs ({}) exceed smartphones ({})",
                int(*installs),
                int(*smartphones)
            ),
            BadDate if vi => "ngày không hợp lệ (dùng dạng 12/11/2021)".into(),
            BadDate => "not a valid date (use 12/11/2021)".into(),
            TotalMismatch {
                indicator,
                typed,
                computed,
            } if vi => format!(
                "dòng tổng ghi {} cho «{}», nhưng cộng các đơn vị được {}",
                int(*typed),
                indicator.label(lang),
                int(*computed)
            ),
            TotalMismatch {
                indicator,
                typed,
                computed,
            } => format!(
                "the total row says {} for “{}”, but the units add up to {}",
                int(*typed),
                indicator.label(lang),
                int(*computed)
            ),
            RateMismatch { typed, computed } if vi => {
                format!("tỷ lệ ghi {typed}, tính từ số liệu được {computed}")
            }
            RateMismatch { typed, computed } => {
                format!("the rate says {typed}, the figures give {computed}")
            }
        }
    }

    /// The whole message: "Dòng 7, cột «Tổng lượt quét QR», giá trị «abc»: không phải là số".
    pub fn message(&self, lang: Lang) -> String {
        let mut s = match lang {
            Lang::Vi => format!("Dòng {}", self.line),
            Lang::En => format!("Line {}", self.line),
        };
        if let Some(c) = &self.column {
            match lang {
                Lang::Vi => s.push_str(&format!(", cột «{c}»")),
                Lang::En => s.push_str(&format!(", column “{c}”")),
            }
        }
        if !self.value.is_empty() {
            match lang {
                Lang::Vi => s.push_str(&format!(", giá trị «{}»", self.value)),
                Lang::En => s.push_str(&format!(", value “{}”", self.value)),
            }
        }
        s.push_str(": ");
        s.push_str(&self.reason(lang));
        s
    }
}

/// Where every row of the file went. `units + totals + skipped + rejected`
/// equals `rows`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineAccount {
    /// Rows (records) in the file.
    pub rows: usize,
    /// Rows that became units.
    pub units: usize,
    /// Total rows ("Tổng cộng").
    pub totals: usize,
    /// Title, header, blank and note rows.
    pub skipped: usize,
    /// Rows left out because of an error.
    pub rejected: usize,
    /// Issues of either severity.
    pub issues: usize,
}

/// A column of the header row and what it was taken for.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnInfo {
    pub header: String,
    pub role: Option<Role>,
}

/// What was read from one file, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceReport {
    pub file_name: String,
    pub format: Format,
    /// For text files: the encoding used.
    pub encoding: Option<Encoding>,
    /// For workbooks: the sheet names and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<usize>,
    /// 1-based line (or sheet row) of the header.
    pub header_line: usize,
    pub columns: Vec<ColumnInfo>,
    pub issues: Vec<RowIssue>,
    pub account: LineAccount,
    /// Whether legacy-font text (TCVN3/VNI) was converted.
    pub legacy_converted: bool,
    /// The report definition the header fitted (its id), when not the
    /// built-in roles: its figures are the extra columns.
    pub report: Option<String>,
}

/// The columns that hold figures, the indicators a report designer starts
/// from: every header but the unit's, its district's, the date's and the
/// row number's (a role guessed as a count is still a figure).
pub fn figure_headers(headers: &[String], roles: &[Option<Role>]) -> Vec<String> {
    headers
        .iter()
        .enumerate()
        .filter(|(k, _)| {
            !matches!(
                roles.get(*k).copied().flatten(),
                Some(Role::Unit | Role::District | Role::Date | Role::Serial)
            )
        })
        .map(|(_, h)| h.clone())
        .collect()
}

impl SourceReport {
    /// [`figure_headers`] of the file's header row.
    pub fn figure_headers(&self) -> Vec<String> {
        let headers: Vec<String> = self.columns.iter().map(|c| c.header.clone()).collect();
        let roles: Vec<Option<Role>> = self.columns.iter().map(|c| c.role).collect();
        figure_headers(&headers, &roles)
    }
}

impl FromJson for Role {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match variant(v)? {
            ("Serial", _) => Ok(Role::Serial),
            ("District", _) => Ok(Role::District),
            ("Unit", _) => Ok(Role::Unit),
            ("Date", _) => Ok(Role::Date),
            ("Rate", _) => Ok(Role::Rate),
            (n @ "Count", Some(c)) => Indicator::from_json(c)
                .map(Role::Count)
                .map_err(|e| e.at(n)),
            (n, _) => Err(json::unknown(n)),
        }
    }
}

impl FromJson for Format {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match variant(v)? {
            ("Xlsx", _) => Ok(Format::Xlsx),
            ("Xls", _) => Ok(Format::Xls),
            ("Ods", _) => Ok(Format::Ods),
            (n @ "Text", c) => within(n, c, |o| {
                Ok(Format::Text {
                    delimiter: o.need("delimiter")?,
                })
            }),
            (n, _) => Err(json::unknown(n)),
        }
    }
}

impl FromJson for Severity {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Ok([Severity::Error, Severity::Warning][json::unit_variant(v, &["Error", "Warning"])?])
    }
}

impl FromJson for IssueKind {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        use IssueKind::*;
        Ok(match variant(v)? {
            ("NotANumber", _) => NotANumber,
            ("Fraction", _) => Fraction,
            ("Negative", _) => Negative,
            ("TooLarge", _) => TooLarge,
            ("EmptyUnitName", _) => EmptyUnitName,
            ("BadDate", _) => BadDate,
            (n @ "DuplicateUnit", c) => within(n, c, |o| {
                Ok(DuplicateUnit {
                    first_line: o.req("first_line"),
                    first_file: o.opt("first_file"),
                })
            })?,
            (n @ "TooFewCells", c) => within(n, c, |o| {
                Ok(TooFewCells {
                    found: o.req("found"),
                    expected: o.req("expected"),
                })
            })?,
            (n @ "InstallsAboveSmartphones", c) => within(n, c, |o| {
                Ok(InstallsAboveSmartphones {
                    installs: o.req("installs"),
                    smartphones: o.req("smartphones"),
                })
            })?,
            (n @ "TotalMismatch", c) => within(n, c, |o| {
                Ok(TotalMismatch {
                    indicator: o.need("indicator")?,
                    typed: o.req("typed"),
                    computed: o.req("computed"),
                })
            })?,
            (n @ "RateMismatch", c) => within(n, c, |o| {
                Ok(RateMismatch {
                    typed: o.req("typed"),
                    computed: o.req("computed"),
                })
            })?,
            (n, _) => return Err(json::unknown(n)),
        })
    }
}

crate::json::from_json_struct!(RowIssue {
    line: req,
    column: opt,
    value: req,
    kind: need,
    severity: need,
});

crate::json::from_json_struct!(LineAccount {
    rows: req,
    units: req,
    totals: req,
    skipped: req,
    rejected: req,
    issues: req,
});

crate::json::from_json_struct!(ColumnInfo {
    header: req,
    role: opt,
});

crate::json::from_json_struct!(SourceReport {
    file_name: req,
    format: need,
    encoding: opt,
    sheets: req,
    sheet: opt,
    header_line: req,
    columns: req,
    issues: req,
    account: req,
    legacy_converted: req,
    report: opt,
});

#[cfg(test)]
#[test]
fn figure_headers_leave_out_the_unit_district_date_and_row_number() {
    let h: Vec<String> = ["STT", "Xã", "Huyện", "Ngày", "Lượt quét", "Chỉ tiêu"]
        .map(String::from)
        .to_vec();
    let roles = [
        Some(Role::Serial),
        Some(Role::Unit),
        Some(Role::District),
        Some(Role::Date),
        Some(Role::Count(Indicator::Scans)),
    ];
    // A header past the roles' end has no role: a figure.
    assert_eq!(figure_headers(&h, &roles), ["Lượt quét", "Chỉ tiêu"]);
}

impl json::ToJson for Role {
    fn write_json(&self, out: &mut String) {
        match self {
            Role::Serial => json::write_unit(out, "Serial"),
            Role::District => json::write_unit(out, "District"),
            Role::Unit => json::write_unit(out, "Unit"),
            Role::Date => json::write_unit(out, "Date"),
            Role::Rate => json::write_unit(out, "Rate"),
            Role::Count(i) => json::write_variant(out, "Count", i),
        }
    }
}

impl json::ToJson for Format {
    fn write_json(&self, out: &mut String) {
        match self {
            Format::Text { delimiter } => json::struct_variant(out, "Text", |o| {
                o.field("delimiter", delimiter);
            }),
            Format::Xlsx => json::write_unit(out, "Xlsx"),
            Format::Xls => json::write_unit(out, "Xls"),
            Format::Ods => json::write_unit(out, "Ods"),
        }
    }
}

impl json::ToJson for Severity {
    fn write_json(&self, out: &mut String) {
        json::write_unit(
            out,
            match self {
                Severity::Error => "Error",
                Severity::Warning => "Warning",
            },
        );
    }
}

impl json::ToJson for IssueKind {
    fn write_json(&self, out: &mut String) {
        use json::{struct_variant as sv, write_unit as unit};
        use IssueKind::*;
        match self {
            NotANumber => unit(out, "NotANumber"),
            Fraction => unit(out, "Fraction"),
            Negative => unit(out, "Negative"),
            TooLarge => unit(out, "TooLarge"),
            EmptyUnitName => unit(out, "EmptyUnitName"),
            BadDate => unit(out, "BadDate"),
            DuplicateUnit {
                first_line,
                first_file,
            } => sv(out, "DuplicateUnit", |o| {
                o.field("first_line", first_line)
                    .field("first_file", first_file);
            }),
            TooFewCells { found, expected } => sv(out, "TooFewCells", |o| {
                o.field("found", found).field("expected", expected);
            }),
            InstallsAboveSmartphones {
                installs,
                smartphones,
            } => sv(out, "InstallsAboveSmartphones", |o| {
                o.field("installs", installs)
                    .field("smartphones", smartphones);
            }),
            TotalMismatch {
                indicator,
                typed,
                computed,
            } => sv(out, "TotalMismatch", |o| {
                o.field("indicator", indicator)
                    .field("typed", typed)
                    .field("computed", computed);
            }),
            RateMismatch { typed, computed } => sv(out, "RateMismatch", |o| {
                o.field("typed", typed).field("computed", computed);
            }),
        }
    }
}

json::to_json_struct!(RowIssue {
    line,
    column,
    value,
    kind,
    severity
});
json::to_json_struct!(LineAccount {
    rows,
    units,
    totals,
    skipped,
    rejected,
    issues
});
json::to_json_struct!(ColumnInfo { header, role });
json::to_json_struct!(SourceReport {
    file_name,
    format,
    encoding,
    sheets,
    sheet,
    header_line,
    columns,
    issues,
    account,
    legacy_converted,
    report,
});
