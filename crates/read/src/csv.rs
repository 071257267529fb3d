//! Delimited text: sniffing the delimiter and splitting records.
//!
//! Records are split by `csv-core` (the engine of the `csv` crate): quoted
//! fields may hold delimiters, doubled quotes and line breaks; lines end in
//! CRLF, LF or CR. What csv-core leaves to its caller is done here: a blank
//! line is a record (csv-core skips it; the ingest accounts for every line),
//! a record knows the line it starts on and how many it spans, and a cell
//! borrows its text from the file unless unquoting changed it (`""` inside
//! quotes, text after the closing quote). Records are produced one at a time
//! (an iterator over the text), so a large file is never held twice in
//! memory.

use csv_core::{ReadFieldResult, Reader, ReaderBuilder, Terminator};
use std::borrow::Cow;

/// Delimiters Excel and other tools write: the Windows list separator (`,`
/// or `;`), tab for "Unicode Text", and pipe from some exports.
pub const CANDIDATES: [char; 4] = [',', ';', '\t', '|'];

/// Guess the delimiter from the first lines: the candidate that appears
/// outside quotes on many lines, the same number of times, wins.
pub fn sniff(text: &str) -> char {
    let mut best = (',', 0usize);
    for &d in &CANDIDATES {
        let mut counts: Vec<usize> = Vec::new();
        for rec in Records::new(text, d).take(40) {
            if rec.cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            counts.push(rec.cells.len() - 1);
        }
        // Score: lines with this delimiter, weighted by how often the most
        // common count repeats (a table has a constant width).
        let mut freq: Vec<(usize, usize)> = Vec::new();
        for &c in counts.iter().filter(|&&c| c > 0) {
            match freq.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => freq.push((c, 1)),
            }
        }
        let score = freq
            .iter()
            .map(|&(width, n)| n * 4 + width.min(50))
            .max()
            .unwrap_or(0);
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

/// One record: the 1-based line it starts on, the number of physical lines
/// it spans, and its cells (quotes removed).
#[derive(Debug, Clone, PartialEq)]
pub struct Record<'a> {
    pub line: usize,
    pub lines: usize,
    pub cells: Vec<Cow<'a, str>>,
}

/// Iterator over the records of a text.
pub struct Records<'a> {
    text: &'a str,
    /// Bytes of `text` read so far.
    pos: usize,
    delim: u8,
    line: usize,
    /// Cells in the last record: the next one most likely has as many.
    width: usize,
    reader: Reader,
    /// csv-core writes the current field here, quotes removed.
    buf: Vec<u8>,
}

/// How a field ended.
enum FieldEnd {
    Delimiter,
    Line,
    Text,
}

impl<'a> Records<'a> {
    /// Records of `text` split at `delim`; a delimiter that is not ASCII
    /// splits at `,`.
    pub fn new(text: &'a str, delim: char) -> Self {
        let d = if delim.is_ascii() { delim as u8 } else { b',' };
        // A line break chosen as the delimiter splits cells everywhere, as
        // csv-core does with it inside a record; only the other break ends
        // lines then.
        let term = match d {
            b'\n' => Terminator::Any(b'\r'),
            b'\r' => Terminator::Any(b'\n'),
            _ => Terminator::CRLF,
        };
        let mut reader = ReaderBuilder::new().delimiter(d).terminator(term).build();
        // csv-core drops a UTF-8 BOM at the start of its first input. The text
        // layer has stripped the file's BOM already, so a U+FEFF left there is
        // text: one call with no room for output marks the reader as started
        // and reads nothing.
        let _ = reader.read_field(b" ", &mut []);
        Records {
            text,
            pos: 0,
            delim: d,
            line: 1,
            width: 4,
            reader,
            buf: vec![0; 256],
        }
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.text.len() - self.pos
    }

    /// Read the field at `pos`: its text and what ended it. Counts the line
    /// breaks inside a quoted field; the one ending a record is the caller's.
    fn field(&mut self) -> (Cow<'a, str>, FieldEnd) {
        let text = self.text;
        let b = text.as_bytes();
        let start = self.pos;
        let mut n = 0;
        let end = loop {
            let input = b.get(self.pos..).unwrap_or_default();
            let (res, nin, nout) = self.reader.read_field(input, &mut self.buf[n..]);
            self.pos += nin;
            n += nout;
            match res {
                // An empty input tells csv-core the text has ended; it then
                // always answers with the end of the field (or of the data).
                ReadFieldResult::Field { record_end: true } | ReadFieldResult::End
                    if input.is_empty() =>
                {
                    break FieldEnd::Text
                }
                ReadFieldResult::Field { record_end: true } => break FieldEnd::Line,
                ReadFieldResult::Field { record_end: false } => break FieldEnd::Delimiter,
                ReadFieldResult::End => break FieldEnd::Text,
                // Not answered to an empty input; stops rather than loops.
                _ if input.is_empty() => break FieldEnd::Text,
                ReadFieldResult::InputEmpty => {}
                ReadFieldResult::OutputFull => {
                    let len = self.buf.len() * 2;
                    self.buf.resize(len, 0);
                }
            }
        };
        let out = &self.buf[..n];
        // The field as written, without the delimiter or line end after it.
        let raw_end = match end {
            FieldEnd::Text => self.pos,
            _ => self.pos.saturating_sub(1),
        };
        let written = |from: usize| {
            text.get(from..from + n)
                .filter(|s| s.as_bytes() == out)
                .map_or_else(
                    || Cow::Owned(String::from_utf8_lossy(out).into_owned()),
                    Cow::Borrowed,
                )
        };
        let cell = if b.get(start) == Some(&b'"') {
            self.line += line_breaks(b.get(start..raw_end).unwrap_or_default());
            // Borrowed when the text between the quotes is the cell.
            written(start + 1)
        } else {
            // Unquoted: csv-core copied the bytes as they are.
            text.get(start..start + n)
                .map_or_else(|| written(start), Cow::Borrowed)
        };
        (cell, end)
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        let b = self.text.as_bytes();
        let first = *b.get(self.pos)?;
        let start_line = self.line;
        let crlf = |at: usize| b.get(at) == Some(&b'\r') && b.get(at + 1) == Some(&b'\n');
        if (first == b'\r' || first == b'\n') && first != self.delim {
            // A blank line: csv-core would skip it.
            self.pos += if crlf(self.pos) { 2 } else { 1 };
            self.line += 1;
            self.width = 1;
            return Some(Record {
                line: start_line,
                lines: 1,
                cells: vec![Cow::Borrowed("")],
            });
        }
        let mut cells = Vec::with_capacity(self.width);
        loop {
            let (cell, end) = self.field();
            cells.push(cell);
            match end {
                FieldEnd::Delimiter => {}
                FieldEnd::Line => {
                    // csv-core stops after the CR of a CRLF; the LF is part of
                    // this line end, not a blank line.
                    if self.pos > 0 && crlf(self.pos - 1) {
                        self.pos += 1;
                    }
                    self.line += 1;
                    break;
                }
                FieldEnd::Text => break,
            }
        }
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

/// Write one CSV record with `,`, quoting where needed (RFC 4180).
pub fn write_record(out: &mut String, cells: &[String]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if c.contains([',', '"', '\n', '\r', ';']) {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(c);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod oracle;

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str, d: char) -> Vec<Vec<String>> {
        Records::new(text, d)
            .map(|r| r.cells.into_iter().map(Cow::into_owned).collect())
            .collect()
    }

    #[test]
    fn splits_quoted_fields_and_line_endings() {
        let t = "a,\"b,c\",\"d \"\"e\"\"\"\r\n1,\"x\ny\",3\r4,5,6\n";
        let recs: Vec<Record> = Records::new(t, ',').collect();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].cells, ["a", "b,c", "d \"e\""]);
        assert_eq!(recs[1].cells, ["1", "x\ny", "3"]);
        assert_eq!(recs[1].line, 2);
        assert_eq!(recs[1].lines, 2);
        assert_eq!(recs[2].line, 4);
        assert_eq!(recs[2].cells, ["4", "5", "6"]);
    }

    #[test]
    fn no_trailing_empty_record() {
        assert_eq!(cells("a\n", ',').len(), 1);
        assert_eq!(cells("a\n\nb", ',').len(), 3);
    }

    #[test]
    fn sniffs_each_delimiter() {
        for d in CANDIDATES {
            let t = format!("STT{d}Xã{d}Số địa điểm\n1{d}Xã A{d}4,336\n2{d}Xã B{d}5\n");
            assert_eq!(sniff(&t), d, "delimiter {d:?}");
        }
        // Decimal commas inside a semicolon file do not fool it.
        assert_eq!(sniff("a;b;c\n1,5;2,5;3\n4;5,0;6\n"), ';');
    }

    #[test]
    fn writes_and_reads_back() {
        let row = vec!["Xã \"A\"".to_string(), "1,5".into(), "x\ny".into()];
        let mut s = String::new();
        write_record(&mut s, &row);
        assert_eq!(cells(&s, ','), vec![row]);
    }
}
