//! Loading files as a background job (the browser runs it in a Web Worker,
//! so a large file never freezes the page): the result travels as JSON.

use super::{read_with_progress, FetchFault, IngestError, ReadOptions};
use crate::json::{self, Bad, FromJson, Seq, Value};
use crate::model::Dataset;
use crate::{JsonFault, JsonPlace};

/// Read every file, merge them, and keep the units of the last two
/// periods only when the data is larger than `compact_above` unit rows.
/// `progress` gets 0.0–1.0 over all the files.
pub fn run(
    files: &[(String, Vec<u8>)],
    opts: &ReadOptions,
    compact_above: usize,
    progress: &mut dyn FnMut(f64),
) -> Result<Dataset, IngestError> {
    let total: usize = files.iter().map(|(_, b)| b.len()).sum::<usize>().max(1);
    let mut done = 0usize;
    let mut parts = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        let share = bytes.len() as f64 / total as f64;
        let base = done as f64 / total as f64;
        parts.push(read_with_progress(bytes, name, opts, &mut |p| {
            progress(base + p * share)
        })?);
        done += bytes.len();
    }
    let mut d = Dataset::merge(parts);
    if d.unit_rows() > compact_above {
        d.compact(2);
    }
    progress(1.0);
    Ok(d)
}

/// The job's result as JSON, for the trip back to the page.
pub fn to_json(r: &Result<Dataset, IngestError>) -> String {
    let mut out = String::new();
    match r {
        Ok(d) => json::write_variant(&mut out, "ok", d),
        Err(e) => json::write_variant(&mut out, "err", e),
    }
    out
}

/// Read a job's result.
pub fn from_json(s: &str) -> Result<Dataset, IngestError> {
    let internal = |e: json::JsonError| IngestError::Internal {
        file: String::new(),
        place: e.place(),
    };
    let v = json::parse_value(s).map_err(|p| internal(json::JsonError::Syntax(p)))?;
    let shape = |b: Bad| internal(json::JsonError::Shape(b));
    match json::variant(&v).map_err(shape)? {
        ("ok", Some(d)) => Dataset::from_json(d).map_err(|b| shape(b.at("ok"))),
        ("err", Some(e)) => Err(IngestError::from_json(e).map_err(|b| shape(b.at("err")))?),
        (n, _) => Err(shape(json::unknown(n))),
    }
}

/// [`IngestError`] as a JSON array: a variant number, then the variant's
/// fields in order (`[0, "x.csv"]` for `Empty`; a [`FetchFault`] as its
/// number and fields, a [`JsonPlace`] as line, column and fault number, in
/// line: `[6, "u", 1, 404, "Not Found"]`). Smaller code than serde's
/// derive, whose per-variant field visitors cost the page ≈ 15 KB.
impl json::ToJson for IngestError {
    fn write_json(&self, out: &mut String) {
        use IngestError::*;
        let mut t = json::ArrW::new(out);
        let tag: u8 = match self {
            Empty { .. } => 0,
            TooLarge { .. } => 1,
            Binary { .. } => 2,
            Unsupported { .. } => 3,
            Workbook { .. } => 4,
            NeedsMapping { .. } => 5,
            Fetch { .. } => 6,
            Internal { .. } => 7,
            NoUnits { .. } => 8,
        };
        t.item(&tag);
        t.item(self.file());
        match self {
            Empty { .. } | Binary { .. } => {}
            TooLarge {
                size_mb, limit_mb, ..
            } => {
                t.item(size_mb);
                t.item(limit_mb);
            }
            Unsupported { kind, .. } => {
                t.item(kind);
            }
            Fetch { fault, .. } => match fault {
                FetchFault::NoAnswer => {
                    t.item(&0u8);
                }
                FetchFault::Status { code, text } => {
                    t.item(&1u8);
                    t.item(code);
                    t.item(text);
                }
                FetchFault::Body => {
                    t.item(&2u8);
                }
            },
            Internal { place, .. } => {
                t.item(&place.line);
                t.item(&place.column);
                t.item(&fault_number(place.fault));
            }
            Workbook { detail, .. } => {
                t.item(detail);
            }
            NeedsMapping {
                header_line,
                headers,
                roles,
                ..
            } => {
                t.item(header_line);
                t.item(headers);
                t.item(roles);
            }
            NoUnits {
                rejected, issues, ..
            } => {
                t.item(rejected);
                t.item(issues);
            }
        }
        t.end();
    }
}

/// From [`IngestError`]'s `ToJson`.
impl FromJson for IngestError {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        use IngestError::*;
        let mut a = Seq::of(v)?;
        let tag: u8 = a.item()?;
        let file: String = a.item()?;
        Ok(match tag {
            0 => Empty { file },
            1 => TooLarge {
                file,
                size_mb: a.item()?,
                limit_mb: a.item()?,
            },
            2 => Binary { file },
            3 => Unsupported {
                file,
                kind: a.item()?,
            },
            4 => Workbook {
                file,
                detail: a.item()?,
            },
            5 => NeedsMapping {
                file,
                header_line: a.item()?,
                headers: a.item()?,
                roles: a.item()?,
            },
            6 => Fetch {
                file,
                fault: match a.item::<u8>()? {
                    0 => FetchFault::NoAnswer,
                    1 => FetchFault::Status {
                        code: a.item()?,
                        text: a.item()?,
                    },
                    2 => FetchFault::Body,
                    n => return Err(json::unknown(&n.to_string())),
                },
            },
            7 => Internal {
                file,
                place: JsonPlace {
                    line: a.item()?,
                    column: a.item()?,
                    fault: {
                        let n: u8 = a.item()?;
                        fault_of(n).ok_or_else(|| json::unknown(&n.to_string()))?
                    },
                },
            },
            8 => NoUnits {
                file,
                rejected: a.item()?,
                issues: a.item()?,
            },
            n => return Err(json::unknown(&n.to_string())),
        })
    }
}

/// A [`JsonFault`]'s number in the compact form.
fn fault_number(f: JsonFault) -> u8 {
    match f {
        JsonFault::Io => 0,
        JsonFault::Syntax => 1,
        JsonFault::Data => 2,
        JsonFault::Eof => 3,
    }
}

/// From [`fault_number`].
fn fault_of(n: u8) -> Option<JsonFault> {
    [
        JsonFault::Io,
        JsonFault::Syntax,
        JsonFault::Data,
        JsonFault::Eof,
    ]
    .get(usize::from(n))
    .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_file_is_compacted_to_two_periods_and_survives_the_trip() {
        let mut csv = String::from("Ngày,Xã,Lượt quét\n");
        for d in 1..=5 {
            for u in 0..4 {
                csv.push_str(&format!("0{d}/11/2021,Xã {u},{}\n", d * 10 + u));
            }
        }
        let mut seen = Vec::new();
        let r = run(
            &[("dai.csv".into(), csv.into_bytes())],
            &ReadOptions::default(),
            8,
            &mut |p| seen.push(p),
        );
        let back = from_json(&to_json(&r)).unwrap();
        assert_eq!(back.periods.len(), 5);
        assert_eq!(back.unit_rows(), 8);
        assert_eq!(seen.last(), Some(&1.0));
        // Compacted: the older periods keep their totals only.
        use crate::model::{totals_of, Indicator::Scans};
        assert_eq!(
            totals_of(&back.periods[0]).get(Scans),
            Some(10 + 11 + 12 + 13)
        );
        let last = totals_of(&back.periods[4]).get(Scans).unwrap_or(0);
        let before = totals_of(&back.periods[3]).get(Scans).unwrap_or(0);
        assert_eq!(last - before, 40);
        let e = run(
            &[("x.csv".into(), Vec::new())],
            &ReadOptions::default(),
            8,
            &mut |_| {},
        );
        assert!(matches!(
            from_json(&to_json(&e)),
            Err(IngestError::Empty { .. })
        ));
    }

    #[test]
    fn every_error_survives_the_trip() {
        use crate::ingest::{IssueKind, Role, RowIssue};
        let file = || "tệp \"x\".csv".to_string();
        let all = [
            IngestError::Empty { file: file() },
            IngestError::TooLarge {
                file: file(),
                size_mb: 300,
                limit_mb: 200,
            },
            IngestError::Binary { file: file() },
            IngestError::Unsupported {
                file: file(),
                kind: ".pdf".into(),
            },
            IngestError::NeedsMapping {
                file: file(),
                header_line: 3,
                headers: vec!["Xã".into(), String::new()],
                roles: vec![Some(Role::Unit), None],
            },
            IngestError::Fetch {
                file: file(),
                fault: FetchFault::NoAnswer,
            },
            IngestError::Fetch {
                file: file(),
                fault: FetchFault::Status {
                    code: 404,
                    text: "Not Found".into(),
                },
            },
            IngestError::Fetch {
                file: file(),
                fault: FetchFault::Body,
            },
            IngestError::Internal {
                file: file(),
                place: JsonPlace {
                    line: 3,
                    column: 14,
                    fault: JsonFault::Eof,
                },
            },
            IngestError::NoUnits {
                file: file(),
                rejected: 2,
                issues: vec![RowIssue::error(4, None, "x", IssueKind::EmptyUnitName)],
            },
        ];
        for e in all {
            assert_eq!(from_json(&to_json(&Err(e.clone()))), Err(e));
        }
        let bad = from_json(r#"{"err":[9,"x.csv"]}"#).unwrap_err();
        assert!(matches!(bad, IngestError::Internal { .. }));
        let short = from_json(r#"{"err":[1,"x.csv",3]}"#).unwrap_err();
        assert!(matches!(short, IngestError::Internal { .. }));
        for odd in [r#"{"err":[6,"u",9]}"#, r#"{"err":[7,"u",1,2,9]}"#] {
            assert!(matches!(from_json(odd), Err(IngestError::Internal { .. })));
        }
        // The compact form, as the worker sends it.
        let e = IngestError::Fetch {
            file: "u".into(),
            fault: FetchFault::Status {
                code: 404,
                text: "Not Found".into(),
            },
        };
        assert_eq!(to_json(&Err(e)), r#"{"err":[6,"u",1,404,"Not Found"]}"#);
        // A job's answer that is not JSON: where, in the page's language.
        let e = from_json("{\"ok\":").unwrap_err();
        assert!(e
            .message(crate::Lang::En)
            .ends_with("line 1, column 6: the file ends too early"));
        assert!(e
            .message(crate::Lang::Vi)
            .ends_with("dòng 1, cột 6: tệp bị cắt cụt"));
    }
}
