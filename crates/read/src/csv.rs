//! Delimited text: sniffing the delimiter and splitting records.
//!
//! Quoted fields may hold delimiters, doubled quotes and line breaks; lines end
//! in CRLF, LF or CR. Records are produced one at a time (an iterator over the
//! text), so a large file is never held twice in memory; a cell borrows
//! its text from the file unless unquoting changed it (`""` inside quotes).

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
    rest: &'a str,
    delim: char,
    line: usize,
    /// Cells in the last record: the next one most likely has as many.
    width: usize,
}

impl<'a> Records<'a> {
    pub fn new(text: &'a str, delim: char) -> Self {
        Records {
            rest: text,
            delim,
            line: 1,
            width: 4,
        }
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }
}

impl<'a> Iterator for Records<'a> {
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
