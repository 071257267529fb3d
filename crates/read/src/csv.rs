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

use csv_core::{ReadFieldResult, ReadRecordResult, Reader, ReaderBuilder, Terminator};
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
    /// Splits records.
    reader: Reader,
    /// Finds where a quoted field that unquoting changed ends in the text;
    /// built when the first such field comes.
    fields: Option<Reader>,
    /// The record's cells one after another as csv-core wrote them, quotes
    /// removed, and where each ends.
    out: Vec<u8>,
    ends: Vec<usize>,
}

impl<'a> Records<'a> {
    /// Records of `text` split at `delim`; a delimiter that is not ASCII
    /// splits at `,`.
    pub fn new(text: &'a str, delim: char) -> Self {
        let d = if delim.is_ascii() { delim as u8 } else { b',' };
        let mut reader = reader(d);
        // csv-core drops a UTF-8 BOM at the start of its first input. The text
        // layer has stripped the file's BOM already, so a U+FEFF left there is
        // text: one call with no room for output marks the reader as started
        // and reads nothing. (`fields` only ever starts at a quote.)
        let _ = reader.read_field(b" ", &mut []);
        Records {
            text,
            pos: 0,
            delim: d,
            line: 1,
            width: 4,
            reader,
            fields: None,
            out: vec![0; 1024],
            ends: vec![0; 64],
        }
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.text.len().saturating_sub(self.pos)
    }

    /// Let csv-core read the record at `pos` into `out` and `ends`: the
    /// number of cells and whether a line end (not the end of the text)
    /// closed it.
    fn scan(&mut self) -> (usize, bool) {
        let b = self.text.as_bytes();
        let (mut nout, mut nend) = (0, 0);
        let ended_by_line = loop {
            let input = b.get(self.pos..).unwrap_or_default();
            let out = self.out.get_mut(nout..).unwrap_or_default();
            let ends = self.ends.get_mut(nend..).unwrap_or_default();
            let (res, nin, o, e) = self.reader.read_record(input, out, ends);
            self.pos += nin;
            nout += o;
            nend += e;
            match res {
                // An empty input tells csv-core that the text has ended.
                ReadRecordResult::Record => break !input.is_empty(),
                ReadRecordResult::End => break false,
                ReadRecordResult::OutputFull => {
                    let len = self.out.len() * 2;
                    self.out.resize(len, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len() * 2;
                    self.ends.resize(len, 0);
                }
                // Not answered to an empty input; stops rather than loops.
                ReadRecordResult::InputEmpty if input.is_empty() => break false,
                ReadRecordResult::InputEmpty => {}
            }
        };
        (nend, ended_by_line)
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        let text = self.text;
        let b = text.as_bytes();
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
        let start = self.pos;
        let (n, ended_by_line) = self.scan();
        // Walk the record's text alongside csv-core's cells: an unquoted cell
        // is its text as written. A quoted one is borrowed from between its
        // quotes when that is provably the cell: no quote inside, the closing
        // quote right after, then the field's end (a delimiter that is not
        // the quote itself, a line break or the end of the text); otherwise
        // `""` or text after the closing quote changed it.
        let mut cells = Vec::with_capacity(n.max(1));
        let (mut at, mut from) = (start, 0);
        for &to in self.ends.get(..n).unwrap_or_default() {
            let out = self.out.get(from..to).unwrap_or_default();
            let len = to.saturating_sub(from);
            from = to;
            if b.get(at) != Some(&b'"') {
                cells.push(
                    text.get(at..at + len)
                        .map_or_else(|| owned(out), Cow::Borrowed),
                );
                at += len + 1;
                continue;
            }
            let inner = b.get(at + 1..at + 1 + len);
            let closed = b.get(at + 1 + len) == Some(&b'"')
                && match b.get(at + 2 + len) {
                    None | Some(b'\r' | b'\n') => true,
                    Some(&x) => x == self.delim && x != b'"',
                };
            let (cell, raw) = if inner == Some(out) && closed && !out.contains(&b'"') {
                let cell = text
                    .get(at + 1..at + 1 + len)
                    .map_or_else(|| owned(out), Cow::Borrowed);
                (cell, len + 2)
            } else {
                let fields = self.fields.get_or_insert_with(|| reader(self.delim));
                (
                    owned(out),
                    quoted_len(fields, b.get(at..).unwrap_or_default()),
                )
            };
            self.line += line_breaks(b.get(at..at + raw).unwrap_or_default());
            cells.push(cell);
            at += raw + 1;
        }
        if cells.is_empty() {
            // csv-core reports one field at least; a record is never empty.
            cells.push(Cow::Borrowed(""));
        }
        if ended_by_line {
            // csv-core stops after the CR of a CRLF; the LF is part of this
            // line end, not a blank line.
            if crlf(self.pos.saturating_sub(1)) {
                self.pos += 1;
            }
            self.line += 1;
        }
        self.width = cells.len().clamp(1, 64);
        Some(Record {
            line: start_line,
            lines: self.line - start_line,
            cells,
        })
    }
}

/// A csv-core reader splitting at `d`. A line break chosen as the delimiter
/// splits cells everywhere, as csv-core does with it inside a record; only
/// the other break ends lines then.
fn reader(d: u8) -> Reader {
    let term = match d {
        b'\n' => Terminator::Any(b'\r'),
        b'\r' => Terminator::Any(b'\n'),
        _ => Terminator::CRLF,
    };
    ReaderBuilder::new().delimiter(d).terminator(term).build()
}

/// The bytes of the quoted field `input` starts with, up to its delimiter or
/// line end (csv-core finds the end; the field's text is already known).
/// `fields` is reset first: a field never depends on the record before it.
fn quoted_len(fields: &mut Reader, input: &[u8]) -> usize {
    fields.reset();
    let mut scratch = [0u8; 256];
    let mut n = 0;
    loop {
        let rest = input.get(n..).unwrap_or_default();
        let (res, nin, _) = fields.read_field(rest, &mut scratch);
        n += nin;
        match res {
            ReadFieldResult::Field { .. } | ReadFieldResult::End if rest.is_empty() => return n,
            // Without the delimiter or line end it stopped after.
            ReadFieldResult::Field { .. } => return n.saturating_sub(1),
            // Not answered to an empty input; stops rather than loops.
            _ if rest.is_empty() => return n,
            _ => {}
        }
    }
}

/// Text csv-core wrote (always UTF-8: it splits only at ASCII bytes).
fn owned<'a>(out: &[u8]) -> Cow<'a, str> {
    Cow::Owned(String::from_utf8_lossy(out).into_owned())
}

/// Line breaks in a quoted field: LF, CRLF and lone CR each count once.
fn line_breaks(b: &[u8]) -> usize {
    b.iter()
        .enumerate()
        .filter(|&(i, &x)| x == b'\n' || (x == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

/// Write one CSV record with `,`, quoting where needed (RFC 4180); a cell
/// with `;` is quoted too, so Excel splitting at `;` keeps it whole.
pub fn write_record(out: &mut String, cells: &[String]) {
    write_record_with(out, cells, ',', &[',', '"', '\n', '\r', ';']);
}

/// Write one record with `delim` between cells, quoting (RFC 4180: the
/// cell in `"`, inner quotes doubled) a cell that holds any of `quote_on`,
/// CRLF after it.
pub fn write_record_with(out: &mut String, cells: &[String], delim: char, quote_on: &[char]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(delim);
        }
        if c.contains(quote_on) {
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
