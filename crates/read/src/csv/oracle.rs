//! The hand-written scanner that csv-core replaced, kept as the oracle: on
//! any text and any delimiter the records, their lines and the bytes left
//! after each are the same.

use super::{Record, Records, CANDIDATES};
use proptest::prelude::*;
use std::borrow::Cow;

/// Iterator over the records of a text.
struct OldRecords<'a> {
    rest: &'a str,
    delim: char,
    line: usize,
    /// Cells in the last record: the next one most likely has as many.
    width: usize,
}

impl<'a> OldRecords<'a> {
    fn new(text: &'a str, delim: char) -> Self {
        OldRecords {
            rest: text,
            delim,
            line: 1,
            width: 4,
        }
    }

    /// Bytes not read yet.
    fn remaining(&self) -> usize {
        self.rest.len()
    }
}

impl<'a> Iterator for OldRecords<'a> {
    type Item = Record<'a>;

    /// Scans bytes: delimiters, quotes and line breaks are ASCII and never
    /// occur inside a multi-byte UTF-8 sequence, so slicing at them is safe.
    fn next(&mut self) -> Option<Record<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        let rest = self.rest;
        let b = rest.as_bytes();
        let d = if self.delim.is_ascii() {
            self.delim as u8
        } else {
            b','
        };
        let stop = |from: usize| {
            b[from..]
                .iter()
                .position(|&x| x == d || x == b'\n' || x == b'\r')
                .map_or(b.len(), |p| from + p)
        };
        let start_line = self.line;
        let mut cells = Vec::with_capacity(self.width);
        let mut i = 0;
        loop {
            if b.get(i) == Some(&b'"') {
                // Borrowed while the quoted text is one piece; owned once a
                // doubled quote or text after the closing quote joins it.
                let mut cell: Cow<'a, str> = Cow::Borrowed("");
                let join = |cell: &mut Cow<'a, str>, piece: &'a str| {
                    if cell.is_empty() {
                        *cell = Cow::Borrowed(piece);
                    } else if !piece.is_empty() {
                        cell.to_mut().push_str(piece);
                    }
                };
                i += 1;
                loop {
                    let q = b[i..]
                        .iter()
                        .position(|&x| x == b'"')
                        .map_or(b.len(), |p| i + p);
                    self.line += line_breaks(&b[i..q]);
                    join(&mut cell, &rest[i..q]);
                    if q >= b.len() {
                        i = q;
                        break;
                    }
                    if b.get(q + 1) == Some(&b'"') {
                        cell.to_mut().push('"');
                        i = q + 2;
                    } else {
                        i = q + 1;
                        break;
                    }
                }
                // Text after the closing quote is kept as written.
                let end = stop(i);
                join(&mut cell, &rest[i..end]);
                i = end;
                cells.push(cell);
            } else {
                let end = stop(i);
                cells.push(Cow::Borrowed(&rest[i..end]));
                i = end;
            }
            match b.get(i) {
                Some(&x) if x == d => i += 1,
                Some(b'\r') => {
                    i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.line += 1;
                    break;
                }
                Some(_) => {
                    i += 1;
                    self.line += 1;
                    break;
                }
                None => break,
            }
        }
        self.rest = &rest[i..];
        self.width = cells.len().clamp(1, 64);
        Some(Record {
            line: start_line,
            lines: self.line - start_line,
            cells,
        })
    }
}

/// Line breaks in a quoted field: LF, CRLF and lone CR each count once.
fn line_breaks(b: &[u8]) -> usize {
    b.iter()
        .enumerate()
        .filter(|&(i, &x)| x == b'\n' || (x == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

/// Texts made mostly of the bytes that matter to a scanner.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(","),
        Just(";"),
        Just("\t"),
        Just("|"),
        Just("\""),
        Just("\"\""),
        Just("\r"),
        Just("\n"),
        Just("\r\n"),
        Just("a"),
        Just("Xã"),
        Just("4,5"),
        Just(" "),
        Just("\u{feff}"),
        Just("\u{1}"),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn delimiter() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::sample::select(CANDIDATES.to_vec()),
        proptest::sample::select(vec!['"', '\n', '\r', 'a', ' ', 'ã', '\u{feff}']),
    ]
}

fn same(text: &str, d: char) -> Result<(), TestCaseError> {
    let mut new = Records::new(text, d);
    let mut old = OldRecords::new(text, d);
    loop {
        let (n, o) = (new.next(), old.next());
        prop_assert_eq!(&n, &o, "{:?} split at {:?}", text, d);
        prop_assert_eq!(
            new.remaining(),
            old.remaining(),
            "{:?} split at {:?}",
            text,
            d
        );
        if n.is_none() {
            return Ok(());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn splits_as_the_hand_written_scanner(t in text(), d in delimiter()) {
        same(&t, d)?;
    }
}

#[test]
fn long_fields_and_edges() {
    let long = "x".repeat(3000);
    let cases = [
        format!("{long},\"{long}\"\"\"\n\"{long}\"y\r\n"),
        "\u{feff}a,b\n".into(),
        "\"a\r\"\"\nb\"\r\n\r\n\n\r".into(),
        "a,\"b".into(),
        "\"".into(),
        "a,".into(),
        ",".into(),
        "\r\n".into(),
        "4,Xã SƠN,21,20,3,Cao\r\n5,\"'=Xã LỘC\"\"q\"\"\",28,26.7,2,Cao\r\n6,Xã SƠN\r\n".into(),
    ];
    for t in &cases {
        for d in CANDIDATES.into_iter().chain(['"', '\n', '\r']) {
            if let Err(e) = same(t, d) {
                panic!("{e}");
            }
        }
    }
}
